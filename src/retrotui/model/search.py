"""Full-text search over the library: queries, filters, ranking, snippets.

Pure: the store hands in one record per retrospective (its text, flattened
by `search_fields`) and the summaries the filters need. A query is words
and "quoted phrases", all of which must appear (case-insensitive), plus
filters written `tag:deploy sev:SEV1 kind:near-miss status:draft
category:monitoring since:2026-01-01 until:2026-06-30`; the command line's
flags build the same Query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from retrotui.model.enums import Kind, Severity, Status
from retrotui.model.retrospective import Retrospective
from retrotui.model.summary import RetroSummary

# A match in the title counts for much more than one deep in the timeline.
TITLE_WEIGHT = 8
TAG_WEIGHT = 4
# Repeats beyond these add nothing: a long timeline that says "deploy" forty
# times is not forty times more relevant.
TITLE_CAP = 3
BODY_CAP = 10
# Separators inside a record's body: between fields, and between a field's
# label and its text.
FIELD_SEP = "\x1e"
LABEL_SEP = "\x1f"
SNIPPET_WIDTH = 110


class QueryError(ValueError):
    """A filter that cannot be understood, with what was wrong."""


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...] = ()  # lower-case words and phrases
    tags: tuple[str, ...] = ()
    severities: tuple[Severity, ...] = ()
    kinds: tuple[Kind, ...] = ()
    statuses: tuple[Status, ...] = ()
    categories: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    @property
    def is_empty(self) -> bool:
        return self == Query()

    def with_filters(self, **filters: object) -> Query:
        return replace(self, **filters)  # type: ignore[arg-type]


def _kind(text: str) -> Kind:
    wanted = "-".join(text.lower().replace("_", " ").split())
    for kind in Kind:
        if kind.value == wanted:
            return kind
    raise QueryError(f"unknown kind {text!r} (incident or near-miss)")


def _severity(text: str) -> Severity:
    wanted = text.upper()
    wanted = wanted if wanted.startswith("SEV") else f"SEV{wanted}"
    for severity in Severity:
        if severity.value == wanted:
            return severity
    raise QueryError(f"unknown severity {text!r} (SEV1 to SEV4)")


def _status(text: str) -> Status:
    for status in Status:
        if status.value == text.lower():
            return status
    names = ", ".join(s.value for s in Status)
    raise QueryError(f"unknown status {text!r} ({names})")


def parse_day(text: str, what: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise QueryError(f"{what}: {text!r} is not a date like 2026-03-31") from None


_FILTERS = {
    "tag": "tags",
    "tags": "tags",
    "sev": "severities",
    "severity": "severities",
    "kind": "kinds",
    "status": "statuses",
    "category": "categories",
    "cat": "categories",
    "since": "since",
    "from": "since",
    "until": "until",
    "to": "until",
}


# A "quoted phrase" (an unclosed quote runs to the end) or a bare word.
# Only double quotes: apostrophes belong to words ("didn't").
_TOKEN = re.compile(r'"([^"]*)"?|(\w+:"[^"]*"?|\S+)')


def parse_query(text: str) -> Query:
    """Words, "quoted phrases" and name:value filters, in any order. Quoted
    text is always searched for, so "status:503" finds that text."""
    terms: list[str] = []
    found: dict[str, list[object]] = {}
    for match in _TOKEN.finditer(text):
        phrase, token = match.groups()
        if phrase is not None:
            terms.append(" ".join(phrase.lower().split()))
            continue
        token = token.strip('"')  # a stray quote: rate" is rate
        name, colon, value = token.partition(":")
        value = value.strip('"')  # kind:"near miss"
        target = _FILTERS.get(name.lower()) if colon and value else None
        if target is None:
            terms.append(" ".join(token.lower().split()))
            continue
        if target == "tags" or target == "categories":
            found.setdefault(target, []).append(value.lower())
        elif target == "severities":
            found.setdefault(target, []).append(_severity(value))
        elif target == "kinds":
            found.setdefault(target, []).append(_kind(value))
        elif target == "statuses":
            found.setdefault(target, []).append(_status(value))
        else:
            found[target] = [parse_day(value, name)]
    query = Query(terms=tuple(t for t in terms if t))
    for target, values in found.items():
        if target in ("since", "until"):
            query = query.with_filters(**{target: values[0]})
        else:
            query = query.with_filters(**{target: tuple(dict.fromkeys(values))})
    if query.since and query.until and query.since > query.until:
        raise QueryError(f"since {query.since} is after until {query.until}")
    return query


def with_flags(
    query: Query,
    *,
    tags: Iterable[str] = (),
    severities: Iterable[str] = (),
    kinds: Iterable[str] = (),
    statuses: Iterable[str] = (),
    categories: Iterable[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> Query:
    """`query` with the command line's filter flags added (values may hold
    spaces: --kind "near miss", --category "capacity planning")."""
    query = query.with_filters(
        tags=query.tags + tuple(t.lower() for t in tags),
        severities=query.severities + tuple(_severity(s) for s in severities),
        kinds=query.kinds + tuple(_kind(k) for k in kinds),
        statuses=query.statuses + tuple(_status(s) for s in statuses),
        categories=query.categories
        + tuple(" ".join(c.lower().split()) for c in categories),
    )
    if since:
        query = query.with_filters(since=parse_day(since, "--since"))
    if until:
        query = query.with_filters(until=parse_day(until, "--until"))
    if query.since and query.until and query.since > query.until:
        raise QueryError(f"since {query.since} is after until {query.until}")
    return query


def passes_filters(summary: RetroSummary, query: Query) -> bool:
    if query.severities and summary.severity not in query.severities:
        return False
    if query.kinds and summary.kind not in query.kinds:
        return False
    if query.statuses and summary.status not in query.statuses:
        return False
    if query.tags:
        tags = {t.lower() for t in summary.tags}
        if not all(tag in tags for tag in query.tags):
            return False
    if query.categories:
        categories = summary.categories
        if not all(c in categories for c in query.categories):
            return False
    if query.since or query.until:
        day = summary.local_start.date()
        if query.since and day < query.since:
            return False
        if query.until and day > query.until:
            return False
    return True


# -- the text of a retrospective -------------------------------------------
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def search_fields(retro: Retrospective) -> list[tuple[str, str]]:
    """Every field search looks at, as (label, text): what a snippet names."""
    from retrotui.model.language import retro_text

    fields = [(_human(label), text) for label, text in retro_text(retro)]
    fields += [
        (f"factor {n} category", f.category) for n, f in enumerate(retro.factors, 1)
    ]
    fields += [(f"action {n} owner", a.owner) for n, a in enumerate(retro.actions, 1)]
    fields += [(f"action {n} ticket", a.ticket) for n, a in enumerate(retro.actions, 1)]
    fields += [("tags", " ".join(retro.tags))]
    fields += [("participants", ", ".join(retro.participants))]
    fields += [("facilitator", retro.facilitator)]
    return [
        (label, _CONTROL.sub(" ", text).strip())
        for label, text in fields
        if text and text.strip()
    ]


_WHY = re.compile(r"^5 whys (\d+)\.(\d+)$")


def _human(label: str) -> str:
    """'impact users_affected' -> 'impact, users affected'; '5 whys 1.3' ->
    '5 whys 1, why 3': what a snippet shows on a shared screen."""
    why = _WHY.match(label)
    if why:
        return f"5 whys {why.group(1)}, why {why.group(2)}"
    if label.startswith("impact "):
        return "impact, " + label.removeprefix("impact ").replace("_", " ")
    return label.replace("_", " ")


def flatten(fields: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """(title, body) of a record: the title on its own, the rest joined."""
    title = ""
    parts = []
    for label, text in fields:
        if label == "title" and not title:
            title = text
        else:
            parts.append(f"{label}{LABEL_SEP}{text}")
    return title, FIELD_SEP.join(parts)


def record_text(retro: Retrospective) -> tuple[str, str]:
    """(title, body) of a retrospective's search record."""
    return flatten(search_fields(retro))


@dataclass(slots=True)
class SearchRecord:
    """One retrospective's text, as the search reads it."""

    id: str
    title: str
    body: str
    title_lower: str = ""
    body_lower: str = ""

    def __post_init__(self) -> None:
        self.title_lower = self.title.lower()
        # Matched without the field labels: "timeline" is not in every record.
        texts = (part.partition(LABEL_SEP)[2] for part in self.body.split(FIELD_SEP))
        self.body_lower = FIELD_SEP.join(texts).lower()


# -- ranking and snippets ---------------------------------------------------
@dataclass(frozen=True)
class Snippet:
    where: str  # the field's label: "title", "timeline 4", "factor 2", ...
    text: str
    spans: tuple[tuple[int, int], ...] = ()  # [start, end) of each match


@dataclass(frozen=True)
class Hit:
    id: str
    score: int
    snippet: Snippet | None = field(default=None, compare=False)


def _score(record: SearchRecord, summary: RetroSummary, terms: tuple[str, ...]) -> int:
    score = 0
    tags = {t.lower() for t in summary.tags}
    for term in terms:
        in_title = record.title_lower.count(term)
        in_body = record.body_lower.count(term)
        if not in_title and not in_body:
            return 0
        score += TITLE_WEIGHT * min(in_title, TITLE_CAP) + min(in_body, BODY_CAP)
        if term in tags:
            score += TAG_WEIGHT
    return score


def rank(
    records: Iterable[SearchRecord],
    summaries: Mapping[str, RetroSummary],
    query: Query,
    limit: int | None = None,
) -> list[Hit]:
    """Matching retrospectives, best first (newest first among equals).
    Without words, every retrospective the filters let through, newest first."""
    scored: list[tuple[int, RetroSummary]] = []
    for record in records:
        summary = summaries.get(record.id)
        if summary is None or not passes_filters(summary, query):
            continue
        score = _score(record, summary, query.terms) if query.terms else 1
        if score:
            scored.append((score, summary))
    scored.sort(key=lambda pair: (pair[0], pair[1].sort_key, pair[1].id), reverse=True)
    if limit is not None:
        scored = scored[:limit]
    return [Hit(summary.id, score) for score, summary in scored]


def _fields(record: SearchRecord) -> list[tuple[str, str]]:
    fields = [("title", record.title)]
    for part in record.body.split(FIELD_SEP) if record.body else []:
        label, _, text = part.partition(LABEL_SEP)
        fields.append((label, text))
    return fields


def snippet(record: SearchRecord, terms: tuple[str, ...]) -> Snippet | None:
    """The best field that matches, cut around its first match, with every
    match in the cut marked. Title matches are shown by the title itself, so
    a body match is preferred when there is one."""
    if not terms:
        return None
    patterns = [re.compile(re.escape(term), re.IGNORECASE) for term in terms]
    candidates = []
    for order, (label, text) in enumerate(_fields(record)):
        lower = text.lower()
        hits = sum(1 for term in terms if term in lower)
        if hits:
            candidates.append((label == "title", -hits, order, label, text))
    if not candidates:
        return None
    _, _, _, label, text = min(candidates)
    # Positions from the text itself: lower-casing can change a length ("İ").
    found = [m.start() for p in patterns for m in [p.search(text)] if m]
    first = min(found, default=0)
    start = max(0, first - SNIPPET_WIDTH // 3)
    end = min(len(text), start + SNIPPET_WIDTH)
    start = max(0, min(start, end - SNIPPET_WIDTH))
    if start:  # begin at a word
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):  # end at a word too
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    cut = text[start:end]
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    spans = [
        (len(prefix) + m.start(), len(prefix) + m.end())
        for p in patterns
        for m in p.finditer(cut)
    ]
    return Snippet(label, prefix + cut + suffix, tuple(_merge(spans)))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def search(
    records: Mapping[str, SearchRecord],
    summaries: Mapping[str, RetroSummary],
    query: Query,
    limit: int | None = None,
) -> list[Hit]:
    """Ranked hits, each with its snippet."""
    hits = rank(records.values(), summaries, query, limit)
    return [
        Hit(hit.id, hit.score, snippet(records[hit.id], query.terms)) for hit in hits
    ]
