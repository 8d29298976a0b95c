"""Insights over the whole library: trends as plots, shares as bars, action
items, and the contributing factors to escalate."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from retrotui.export.library_text import bar, kinds_line
from retrotui.model.insights import Figure, Insights, Share, compute_insights
from retrotui.model.metrics import minutes_label
from retrotui.model.text import one_line, quantity
from retrotui.resources import stylesheet
from retrotui.screens.base import RetroScreen
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.month_plot import MonthPlot
from retrotui.widgets.top_bar import TopBar

SHARES_SHOWN = 6


def _minutes(value: float) -> str:
    return minutes_label(value, "-")


ESCALATIONS_SHOWN = 8


def _figure_line(name: str, figure: Figure, trend: float | None) -> Text:
    line = Text(f"{name}: ", style="bold")
    if not figure.count:
        line.append("no retrospective has the markers for it", style="dim")
        return line
    line.append(f"median {minutes_label(figure.median, '-')}")
    line.append(
        f" · mean {minutes_label(figure.mean, '-')} · over {figure.count}", style="dim"
    )
    if trend is not None and round(trend):
        faster = trend < 0
        line.append(
            f" · recent months {minutes_label(abs(trend), '')} {'faster' if faster else 'slower'}",
            style="bold #5FD787" if faster else "bold #FF5F5F",
        )
    return line


def _shares(title: str, shares: tuple[Share, ...]) -> Text:
    text = Text(f"{title}\n", style="bold")
    if not shares:
        text.append("none recorded", style="dim")
        return text
    width = max(len(one_line(s.name, 16)) for s in shares[:SHARES_SHOWN])
    for s in shares[:SHARES_SHOWN]:
        text.append(f"{one_line(s.name, 16):<{width}} ")
        text.append(bar(s.share, 12), style="#00D7FF")
        text.append(f" {s.share:>4.0%} ({s.count})\n")
    if len(shares) > SHARES_SHOWN:
        text.append(f"… and {len(shares) - SHARES_SHOWN} more", style="dim")
    return text.rstrip() or text


def _actions(found: Insights) -> Text:
    text = Text("Action items\n", style="bold")
    done, still_open = found.actions_done, found.actions_open
    if found.completion is None:
        text.append("none agreed yet", style="dim")
        return text
    text.append(f"{found.completion:.0%} completed", style="bold")
    text.append(
        f" ({done} done of {done + still_open}; {found.actions_dropped} dropped)\n"
    )
    text.append(f"{still_open} open, ")
    text.append(
        f"{found.actions_overdue} overdue",
        style="bold #FF5F5F" if found.actions_overdue else "",
    )
    if found.median_days_to_close is not None:
        days = quantity(found.median_days_to_close, "day")
        text.append(f" · median {days} to close")
    return text


def _escalations(found: Insights) -> Text:
    groups = found.escalations
    text = Text(
        f"Repeat contributing factors: {len(groups)} to escalate\n", style="bold"
    )
    if not groups:
        text.append(
            "No contributing factor has appeared in two incidents yet.", style="dim"
        )
        return text
    for group in groups[:ESCALATIONS_SHOWN]:
        text.append(" ESCALATE ", style="bold #000000 on #FFB000")
        text.append(f" [{one_line(group.category, 20)}] ", style="dim")
        text.append(one_line(group.text, 70) + "\n")
        titles = ", ".join(one_line(t, 40) for t in group.retro_titles[:3])
        more = len(group.retro_ids) - 3
        text.append(
            f"   seen in {len(group.retro_ids)}: {titles}"
            + (f" and {more} more" if more > 0 else "")
            + "\n",
            style="dim",
        )
    if len(groups) > ESCALATIONS_SHOWN:
        text.append(
            f"… and {len(groups) - ESCALATIONS_SHOWN} more: retrotui stats --json",
            style="dim",
        )
    return text.rstrip() or text


class StatsScreen(RetroScreen):
    CSS_PATH = stylesheet("stats.tcss")
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="stats.back"),
    ]

    class Computed(Message):
        def __init__(self, found: Insights) -> None:
            super().__init__()
            self.found = found

    def compose(self) -> ComposeResult:
        yield TopBar(id="top-bar")
        with VerticalScroll(id="stats"):
            yield Static("Reading the library…", id="stats-heading")
            with Horizontal(classes="plot-row"):
                yield Static("Per month", classes="plot-label", id="label-month")
                yield MonthPlot(id="plot-month")
            with Horizontal(classes="plot-row"):
                yield Static("Near misses", classes="plot-label")
                yield MonthPlot(id="plot-near")
            yield Static(id="ttd", classes="figure")
            with Horizontal(classes="plot-row"):
                yield Static("  per month", classes="plot-label")
                yield MonthPlot(_minutes, id="plot-ttd")
            yield Static(id="ttr", classes="figure")
            with Horizontal(classes="plot-row"):
                yield Static("  per month", classes="plot-label")
                yield MonthPlot(_minutes, id="plot-ttr")
            with Horizontal(id="share-row"):
                yield Static(id="tags", classes="shares")
                yield Static(id="categories", classes="shares")
            yield Static(id="actions", classes="section")
            yield Static(id="escalations", classes="section")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(TopBar).show("Insights", "across the whole library")
        self.query_one("#stats").focus()  # arrows and page keys scroll it
        self._compute()

    @work(thread=True, exclusive=True)
    def _compute(self) -> None:
        found = compute_insights(self.store.summaries(), self.today())
        self.post_message(self.Computed(found))

    def on_stats_screen_computed(self, message: Computed) -> None:
        self.show(message.found)

    def show(self, found: Insights) -> None:
        self.found = found
        months = found.months
        heading = Text()
        if not found.total:
            heading.append("No retrospectives yet", style="bold")
            heading.append(": the insights fill in as the library grows.", style="dim")
        else:
            heading.append(quantity(found.total, "retrospective"), style="bold")
            heading.append(f": {kinds_line(found)}")
            heading.append(f" · charts: the last {len(months)} months", style="dim")
        self.query_one("#stats-heading", Static).update(heading)
        names = [m.month for m in months]
        plots = {
            "#plot-month": [m.total for m in months],
            "#plot-near": [m.near_misses for m in months],
            # A month without markers to measure is a gap, not a zero.
            "#plot-ttd": [m.ttd_median for m in months],
            "#plot-ttr": [m.ttr_median for m in months],
        }
        for selector, values in plots.items():
            self.query_one(selector, MonthPlot).show(values, names)
        self.query_one("#ttd", Static).update(
            _figure_line("Time to detect", found.ttd, found.ttd_trend)
        )
        self.query_one("#ttr", Static).update(
            _figure_line("Time to resolve", found.ttr, found.ttr_trend)
        )
        self.query_one("#tags", Static).update(_shares("Share by tag", found.tags))
        self.query_one("#categories", Static).update(
            _shares("Share by factor category", found.categories)
        )
        self.query_one("#actions", Static).update(_actions(found))
        self.query_one("#escalations", Static).update(_escalations(found))
