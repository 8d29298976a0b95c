"""Blameless language: find blame-shaped sentences, suggest system-centred ones.

The method: "describe events and systems, not people and their failures".
Rules prefer to miss rather than nag: a facilitator switches off a linter
that cries wolf, so each rule needs a person (or a role) *and* a failure, or
a phrase that is blame in every context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

ROLES = (
    r"(?:the|a|an|our|their)(?: [a-z]+)? (?:intern|new hire|dba|on-?call(?: engineer)?|reviewer|"
    r"developer|dev|engineer|sre|operator|admin|author|tester|qa team|contractor)|"
    r"the on-?call(?: engineer)?|support|ops|someone|somebody|the team|he|she|they|you"
)
# Failures only people have: flagged after any name or role.
PERSONAL = (
    r"forgot(?: to)?|ignored|neglected|overlooked|didn'?t bother|did not bother|"
    r"didn'?t (?:test|check|read|notice|follow)|did not (?:test|check|read|notice|follow)|"
    r"messed up|screwed up|pushed an? (?:bad|broken|faulty|buggy|untested)|botched|"
    r"was careless|were careless|never (?:looked|checked|tested|read)|skipped|let [^.,;!?\n]{1,30} slip"
)
# Failures systems have too ("the job missed its window"): flagged only after
# a participant's name or a role.
SHARED = (
    r"broke|missed|deleted|dropped|overwrote|wiped|failed to|caused|took down|brought down|"
    r"misconfigured|left [^.,;!?\n]{1,30} (?:enabled|disabled|on|open)"
)
_STOP_STARTS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "our",
    "we",
    "it",
    "its",
    "there",
    "when",
    "after",
    "before",
    "while",
    "if",
    "then",
    "at",
    "on",
    "in",
    "during",
    "by",
}


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based
    column: int  # 1-based
    end_column: int
    rule: str
    message: str
    suggestion: str
    text: str


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    message: str
    suggest: Callable[[re.Match[str]], str]
    needs_person: bool = False


def _const(text: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: text


_PARTICIPLES = {
    "update": "updated",
    "change": "changed",
    "run": "run",
    "restart": "restarted",
    "renew": "renewed",
    "check": "checked",
    "add": "added",
    "remove": "removed",
    "rotate": "rotated",
    "deploy": "deployed",
    "merge": "merged",
    "test": "tested",
    "set": "set",
    "enable": "enabled",
    "disable": "disabled",
    "migrate": "migrated",
    "revert": "reverted",
    "roll": "rolled",
    "tell": "told",
    "page": "paged",
    "tag": "tagged",
}


def _not_done(rest: str) -> str:
    """'to update the config' -> 'The config was not updated as part of the process'."""
    words = rest.removeprefix("to ").split()
    if len(words) >= 2 and words[0].lower() in _PARTICIPLES:
        thing = " ".join(words[1:])
        thing = (
            thing if thing.lower().startswith(("the ", "a ", "an ")) else f"the {thing}"
        )
        return f"{thing[:1].upper()}{thing[1:]} was not {_PARTICIPLES[words[0].lower()]} as part of the process"
    step = " ".join(words) or "the step"
    return f"“{step}” was not part of the process; what would have made it so?"


def _person_failure(match: re.Match[str]) -> str:
    verb = match.group("verb").lower()
    rest = match.group("rest").strip(" .") if match.group("rest") else ""
    if verb.startswith("pushed a bad"):
        thing = rest or "change"
        return f"The {thing} introduced the regression (name the time and the change)"
    if verb.startswith("forgot"):
        return _not_done(rest)
    if verb in ("deleted",):
        return f"{(rest or 'the data')[:1].upper() + (rest or 'the data')[1:]} was deleted; what allowed it?"
    if "test" in verb or "check" in verb:
        return "The change reached production without that check; what would have required it?"
    return "Describe the event and what let it happen, not the person"


_NAME = r"(?P<who>(?:[^\W\d_][\w'-]*)|" + ROLES + r")"
RULES: list[Rule] = [
    Rule(
        "person-failure",
        re.compile(
            r"\b"
            + _NAME
            + r"[ \t]+(?:just[ \t]+|simply[ \t]+|again[ \t]+)?(?P<verb>"
            + PERSONAL
            + r"|"
            + SHARED
            + r")"
            r"(?P<rest>[^.;!?\n]*)",
            re.IGNORECASE,
        ),
        "a person as the subject of a failure",
        _person_failure,
        needs_person=True,
    ),
    Rule(
        "should-have",
        re.compile(
            r"\b(?:should|ought[ \t]+to)(?:[ \t]+have|'ve|[ \t]*n'?t[ \t]+have|[ \t]+not[ \t]+have)\b",
            re.IGNORECASE,
        ),
        '"should have" judges with hindsight',
        _const("Our process did not make this the default; what would have?"),
    ),
    Rule(
        "nobody-noticed",
        re.compile(
            r"\bwhy (?:didn'?t|did not) (?:anyone|anybody|somebody|someone|we|you)\b|"
            r"\bwhy did (?:nobody|no one)\b|\b(?:nobody|no one|no-one) (?:noticed|bothered|checked|caught)\b",
            re.IGNORECASE,
        ),
        "asks who failed to notice",
        _const("What would have made this visible sooner?"),
    ),
    Rule(
        "human-error",
        re.compile(r"\bhuman errors?\b|\boperator errors?\b|\bpebkac\b", re.IGNORECASE),
        '"human error" stops the analysis at a person',
        _const("What about the system made this mistake easy to make?"),
    ),
    Rule(
        "careless",
        re.compile(
            r"\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|lazy|stupid (?:mistake|error)|"
            r"incompetent|incompetence|dumb mistake)\b",
            re.IGNORECASE,
        ),
        "judges a person's care",
        _const("Describe the conditions: what made the safe path hard?"),
    ),
    Rule(
        "fault",
        re.compile(
            r"\b(?:(?:his|her|their|my|your|someone'?s|somebody'?s|[A-Z][a-z]+'s)[ \t]+"
            r"(?:fault|mistake|screw-?up|error))\b|\bat fault\b|\bto blame\b",
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
    ),
    Rule(
        "dropped-the-ball",
        re.compile(r"\bdropped the ball\b|\basleep at the wheel\b", re.IGNORECASE),
        "a figure of speech for a person's failure",
        _const("Describe the handoff or signal that did not reach anyone"),
    ),
    Rule(
        "who-approved",
        re.compile(
            r"\bwho (?:approved|signed off|merged|let this|allowed)\b", re.IGNORECASE
        ),
        "looks for the person, not the gate",
        _const("Which review step let this class of change through?"),
    ),
    Rule(
        "accountable",
        re.compile(
            r"\bhold\b[^.!?\n]{0,40}\baccountable\b|\bheld accountable\b", re.IGNORECASE
        ),
        "accountability framed as blame",
        _const("Name an owner for the improvement instead"),
    ),
    Rule(
        "counterfactual",
        re.compile(
            r"(?:\bif (?:only )?[^,.!?\n]{1,60}\b(?:had|hadn'?t|had not)\b|^[ \t]*had\b|[.;][ \t]*had\b)"
            r"[^,.!?\n]{0,60},?[ \t]*"
            r"(?:this|it|we|the [a-z]+)[ \t]+(?:would(?:n'?t| not| never)?|could(?:n'?t| not)?)[ \t]+"
            r"(?:have[ \t]+)?(?:happen|avoided|prevented|caught|been)",
            re.IGNORECASE,
        ),
        "a counterfactual about what someone should have done",
        _const("Say what happened and what would make the safe outcome the default"),
    ),
    Rule(
        "blame",
        re.compile(r"\b(?<!un)blam(?:e|ed|es|ing)\b(?!less)", re.IGNORECASE),
        "talks about blame",
        _const("Describe the system conditions, not who is to blame"),
    ),
]

_TECHNICAL = re.compile(
    r"\bfault[- ](?:injection|tolerance|tolerant|domain|line|isolation|detection|code)s?\b|"
    r"\berror (?:budget|rate|code|handling|message)s?\b",
    re.IGNORECASE,
)


def _is_person(word: str, participants: set[str]) -> bool:
    lowered = word.lower().removesuffix("'s")
    if lowered in _STOP_STARTS:
        return False
    return (
        word[:1].isupper()
        or lowered in participants
        or bool(re.fullmatch(ROLES, lowered))
    )


def _person_ok(match: re.Match[str], participants: set[str]) -> bool:
    who = match.group("who")
    verb = match.group("verb").lower()
    role = re.fullmatch(ROLES, who, re.IGNORECASE) is not None
    named = who.lower().removesuffix("'s") in participants
    if re.fullmatch(SHARED, verb, re.IGNORECASE):
        return role or named  # "The job missed its window" is not a person
    return role or named or _is_person(who, participants)


_VERB = re.compile(r"\b(?:" + PERSONAL + r"|" + SHARED + r")\b", re.IGNORECASE)


def _matches(rule: Rule, text: str) -> Iterable[re.Match[str]]:
    """The rule's matches. The person rule would try a name at every word of
    the text; it only needs to look just before each failure verb."""
    if not rule.needs_person:
        yield from rule.pattern.finditer(text)
        return
    seen = -1
    for verb in _VERB.finditer(text):
        window = max(text.rfind("\n", 0, verb.start()) + 1, verb.start() - 60)
        end = text.find("\n", verb.end())
        for match in rule.pattern.finditer(text, window, len(text) if end < 0 else end):
            if match.start("verb") == verb.start() and match.start() > seen:
                seen = match.start()
                yield match


def lint(text: str, participants: Iterable[str] = ()) -> list[Finding]:
    """Every finding in `text`, with 1-based line and column positions.

    Each rule runs once over the whole text (patterns never cross a
    newline), several times faster than every rule on every line.
    """
    names = {
        re.split(r"[\s(]", p.strip())[0].lower() for p in participants if p.strip()
    }
    technical = [m.span() for m in _TECHNICAL.finditer(text)]
    technical_starts = [a for a, _ in technical]
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    found: list[Finding] = []
    for rule in RULES:
        for match in _matches(rule, text):
            start, end = match.span()
            # Inside "fault injection", "error budget" and the like?
            at = bisect_right(technical_starts, start) - 1
            if at >= 0 and start < technical[at][1]:
                continue
            if rule.needs_person and not _person_ok(match, names):
                continue
            if rule.id == "person-failure":
                end = match.end("verb")
            line = bisect_right(starts, start)
            offset = starts[line - 1]
            found.append(
                Finding(
                    line,
                    start - offset + 1,
                    end - offset + 1,
                    rule.id,
                    rule.message,
                    rule.suggest(match),
                    text[start:end],
                )
            )
    found.sort(key=lambda f: (f.line, f.column))
    return found


def retro_text(retro) -> list[tuple[str, str]]:
    """Every free-text field of a retrospective with where it is, for lint."""
    parts: list[tuple[str, str]] = [("title", retro.title), ("summary", retro.summary)]
    parts += [("why were we surprised", retro.surprised)]
    impact = retro.impact
    parts += [
        (f"impact {name}", getattr(impact, name))
        for name in (
            "users_affected",
            "business_cost",
            "slo_breached",
            "customer_reports",
            "lucky",
            "data_lost_details",
        )
    ]
    parts += [(f"timeline {n}", e.text) for n, e in enumerate(retro.timeline, start=1)]
    parts += [(f"factor {n}", f.text) for n, f in enumerate(retro.factors, start=1)]
    for n, chain in enumerate(retro.why_chains, start=1):
        parts.append((f"5 whys {n}", chain.problem))
        parts += [(f"5 whys {n}.{m}", why) for m, why in enumerate(chain.whys, start=1)]
    parts += [(f"action {n}", a.title) for n, a in enumerate(retro.actions, start=1)]
    return [(where, text) for where, text in parts if text.strip()]


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def apply_rewrite(text: str, finding: Finding) -> str:
    """Replace the sentence holding `finding` (on its line) by the suggestion;
    the rest of the text stays as it was."""
    lines = text.split("\n")
    line = lines[finding.line - 1]
    at = finding.column - 1
    start = 0
    for end_mark in _SENTENCE_END.finditer(line):
        if end_mark.end() <= at:
            start = end_mark.end()
    end_mark = _SENTENCE_END.search(line, at)
    end = end_mark.end() if end_mark else len(line)
    sentence = finding.suggestion
    if sentence[-1:] not in ".?!":
        sentence += "."
    before, after = line[:start].rstrip(), line[end:].lstrip()
    lines[finding.line - 1] = " ".join(
        part for part in (before, sentence, after) if part
    )
    return "\n".join(lines)
