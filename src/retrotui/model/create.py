"""Turn what a person typed into a new retrospective, or say what is wrong.

Shared by `retrotui new` and the app's "new retrospective" form so both
accept and refuse exactly the same input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from retrotui.model.enums import Kind, Severity
from retrotui.model.retrospective import Retrospective
from retrotui.model.text import printable
from retrotui.model.timeparse import TimeParseError, parse_moment, zone

MAX_TITLE = 200


class FormError(ValueError):
    """One field of the form is wrong; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass
class NewRetro:
    title: str
    kind: str = Kind.INCIDENT.value
    severity: str = Severity.SEV3.value
    started: str = ""
    ended: str = ""
    timezone: str = "UTC"
    tags: list[str] = field(default_factory=list)


def split_tags(text: str) -> list[str]:
    """`deploy, data  third-party` -> ["deploy", "data", "third-party"]."""
    seen: list[str] = []
    for tag in text.replace(",", " ").split():
        tag = tag.strip().lower()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def build_retrospective(form: NewRetro) -> Retrospective:
    title = " ".join(form.title.split())
    if not title:
        raise FormError("title", "a title is required")
    if len(title) > MAX_TITLE:
        raise FormError("title", f"keep it under {MAX_TITLE} characters")
    if printable(title) != title:
        raise FormError("title", "control characters are not allowed")
    try:
        kind = Kind(form.kind)
    except ValueError:
        raise FormError(
            "kind", f"choose {' or '.join(k.value for k in Kind)}"
        ) from None
    try:
        severity = Severity(form.severity.upper())
    except ValueError:
        raise FormError("severity", "choose SEV1, SEV2, SEV3 or SEV4") from None
    try:
        zone(form.timezone)
    except TimeParseError as error:
        raise FormError("timezone", str(error)) from None
    started = ended = None
    try:
        if form.started.strip():
            started = parse_moment(form.started, form.timezone)
    except TimeParseError as error:
        raise FormError("started", str(error)) from None
    try:
        if form.ended.strip():
            day = started.astimezone(zone(form.timezone)).date() if started else None
            ended = parse_moment(form.ended, form.timezone, day)
    except TimeParseError as error:
        raise FormError("ended", str(error)) from None
    if started and ended and ended < started:
        raise FormError("ended", "the incident cannot end before it started")
    tags: list[str] = []
    for tag in form.tags:
        tags.extend(t for t in split_tags(tag) if t not in tags)
    return Retrospective(
        title=title,
        kind=kind,
        severity=severity,
        started=started,
        ended=ended,
        timezone=form.timezone,
        tags=tags,
    )


def split_names(text: str) -> list[str]:
    """`Priya (payments), Marco` -> ["Priya (payments)", "Marco"]."""
    return [" ".join(name.split()) for name in text.split(",") if name.strip()]


def update_details(
    retro: Retrospective,
    form: NewRetro,
    participants: str = "",
    facilitator: str = "",
    summary: str = "",
) -> None:
    """Apply edited details, validated exactly as a new retrospective is."""
    checked = build_retrospective(form)
    retro.title = checked.title
    retro.kind = checked.kind
    retro.severity = checked.severity
    retro.started = checked.started
    retro.ended = checked.ended
    retro.timezone = checked.timezone
    retro.tags = checked.tags
    retro.participants = split_names(participants)
    retro.facilitator = " ".join(facilitator.split())
    retro.summary = summary.strip()
