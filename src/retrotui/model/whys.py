"""Gentle hints for 5-Whys chains that stop at the proximate cause."""

from __future__ import annotations

import re

from retrotui.model.entities import WhyChain

_PERSON = re.compile(
    r"\b(someone|somebody|nobody|no one|he|she|engineer|developer|dev|operator|"
    r"intern|admin|reviewer|on-?call( engineer)?|human error|forgot|careless|"
    r"mistake|didn'?t (check|test|notice|review)|did not (check|test|notice|review))\b",
    re.IGNORECASE,
)
_SYMPTOM = re.compile(
    r"\b(out of memory|oom|null|nil|time-?outs?|timed out|cpu|disk|memory|"
    r"exception|crash(ed|es)?|bug|typo|wrong (config|value|setting)|"
    r"(pool|connections?) (was |were )?exhausted|latency|5\d\d|errors?|"
    r"missing (null )?check)\b",
    re.IGNORECASE,
)
_SYSTEM = re.compile(
    r"\b(process|review|policy|checklist|runbook|gate|no (required|automated)|"
    r"ownership|design|architecture|standard|guideline|training|onboarding|"
    r"incentive|priorit|culture|budget|staffing|requirement)",
    re.IGNORECASE,
)


def _mentions(text: str, names: list[str]) -> bool:
    words = {w.lower() for w in re.findall(r"[\w'-]+", text)}
    for name in names:
        first = re.findall(r"[\w'-]+", name)
        if first and first[0].lower() in words:
            return True
    return False


def chain_hint(chain: WhyChain, participants: list[str] | None = None) -> str | None:
    """A question for the group when the chain may have stopped too soon."""
    whys = [w for w in chain.whys if w.strip()]
    if not whys:
        return "No whys yet: start with why the problem happened."
    last = whys[-1]
    if _PERSON.search(last) or _mentions(last, participants or []):
        return (
            "Stopped at the proximate cause? The last why is about a person: "
            "what about the system made that the reasonable thing to do?"
        )
    if _SYMPTOM.search(last) and not _SYSTEM.search(last):
        return (
            "Stopped at the proximate cause? The last why is a technical "
            "symptom: ask why the system allowed it."
        )
    if len(whys) < 5:
        return (
            f"Stopped at the proximate cause? {len(whys)} of 5 whys: keep asking "
            "until the answer is something the organisation can change."
        )
    return None
