"""A small modal form: labelled compact fields, an error line, two buttons.

Each dialog lists its fields; validation lives in the model and raises
FormError(field, message), which the form shows and points at.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from retrotui.model import Kind, Severity
from retrotui.model.create import FormError, NewRetro
from retrotui.resources import stylesheet
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.language_hint import LanguageHint
from retrotui.widgets.text_field import TextField

T = TypeVar("T")


class FormDialog(ModalScreen[T | None], Generic[T]):
    CSS_PATH = [stylesheet("dialogs.tcss")]
    BINDINGS = [
        Binding("ctrl+s", "submit", "save"),
        Binding("ctrl+l", "rewrite", "rewrite", show=False),
        Binding("escape", "cancel", "cancel"),
    ]
    TITLE_TEXT = ""
    SUBMIT_LABEL = "Save"

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def key_description(self, action: str, description: str) -> str:
        """The key bar says what the submit button says ("create", "drop")."""
        return self.SUBMIT_LABEL.lower() if action == "submit" else description

    def fields(self) -> list[tuple[str, Widget]]:
        """(label, widget) pairs; each widget's id names its model field."""
        raise NotImplementedError

    def build(self) -> T:
        """The result from the widgets, or FormError."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.TITLE_TEXT, style="bold"), classes="dialog-title")
            with Grid(classes="form-grid"):
                for label, widget in self.fields():
                    yield Label(label)
                    yield widget
            yield LanguageHint(id="language-hint")
            yield Static(id="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    f"{self.SUBMIT_LABEL} (ctrl+s)", variant="primary", id="submit"
                )
                yield Button("Cancel (esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        for widget in self.query(".form-grid > *"):
            if widget.focusable:
                widget.focus()
                break

    def value(self, field: str) -> Any:
        widget = self.query_one(f"#{field}")
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, Select):
            return "" if widget.value is Select.BLANK else str(widget.value)
        if isinstance(widget, Checkbox):
            return widget.value
        raise TypeError(field)

    def identity_form(self) -> NewRetro:
        """The title/kind/severity/times/zone/tags fields, as the model's form."""
        return NewRetro(
            title=self.value("title"),
            kind=self.value("kind"),
            severity=self.value("severity"),
            started=self.value("started"),
            ended=self.value("ended"),
            timezone=self.value("timezone").strip() or "UTC",
            tags=[self.value("tags")],
        )

    def action_submit(self) -> None:
        try:
            result = self.build()
        except FormError as error:
            self.show_error(error)
            return
        self.dismiss(result)

    def show_error(self, error: FormError) -> None:
        label = error.field.replace("_", " ").capitalize()
        self.query_one("#form-error", Static).update(
            Text.assemble((f"{label}: ", "bold"), error.message)
        )
        for widget in self.query(".form-grid > *"):
            widget.set_class(widget.id == error.field, "invalid")
        matches = self.query(f"#{error.field}")
        if matches:
            matches.first().focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_rewrite(self) -> None:
        self.query_one(LanguageHint).apply()

    @on(Input.Changed)
    def _language(self, event: Input.Changed) -> None:
        self.query_one(LanguageHint).typed(event.input)

    @on(TextArea.Changed)
    def _language_long(self, event: TextArea.Changed) -> None:
        self.query_one(LanguageHint).typed(event.text_area)

    @on(Input.Changed)
    @on(Select.Changed)
    def _edited(self, event: Input.Changed | Select.Changed) -> None:
        # A fixed field should not keep the old complaint on screen.
        if event.control.has_class("invalid"):
            event.control.remove_class("invalid")
            self.query_one("#form-error", Static).update("")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def text_input(field: str, value: str = "", placeholder: str = "") -> Input:
    return TextField(value=value, placeholder=placeholder, id=field, compact=True)


def choice(field: str, options: list[tuple[str, str]], value: str) -> Select[str]:
    return Select(options, value=value, allow_blank=False, id=field, compact=True)


def kind_choice(value: str) -> Select[str]:
    return choice(
        "kind",
        [("Incident", Kind.INCIDENT.value), ("Near miss", Kind.NEAR_MISS.value)],
        value,
    )


def severity_choice(value: str) -> Select[str]:
    return choice("severity", [(s.value, s.value) for s in Severity], value)
