"""Gentle hints for 5-Whys chains that stop at the proximate cause."""

from __future__ import annotations

import re

from retrotui.model.entities import WhyChain

_PERSON = re.compile(
    r"\b(someone|somebody|nobody|no one|he|she|engineers?|developers?|"
    r"interns?|reviewers?|on-?call (engineer|person)s?|human error|forgot|"
    r"careless|mistakes?|didn'?t (check|test|notice|review)|"
    r"did not (check|test|notice|review))\b",
    re.IGNORECASE,
)
_SYMPTOM = re.compile(
    r"\b(out of memory|oom|null|nil|time-?outs?|timed out|cpu|disk|memory|"
    r"exception|crash(ed|es)?|bug|typo|wrong (config|value|setting)|"
    r"config\w* (value |setting )?(was |is )?(wrong|incorrect|missing)|"
    r"(pool|connections?) (was |were )?exhausted|latency|5\d\d|errors?|"
    r"missing (null )?check)\b",
    re.IGNORECASE,
)
# Words that place an answer at the level of the organisation or the system
# design. Whole words only: "processes" (of a program) or "gateway" are not.
_SYSTEM = re.compile(
    r"\b(process|reviews?|polic(y|ies)|checklists?|runbooks?|gates?|"
    r"no (required|automated)|ownership|design|architecture|standards?|"
    r"guidelines?|training|onboarding|incentives?|priorit\w*|culture|budgets?|"
    r"staffing|requirements?|capacity planning|planning)\b",
    re.IGNORECASE,
)


def _mentions(text: str, names: list[str]) -> bool:
    """A participant's first name, capitalised as typed ("Will", not "will")."""
    words = set(re.findall(r"[\w'-]+", text))
    for name in names:
        first = re.findall(r"[\w'-]+", name)
        if first and first[0][:1].isupper() and first[0] in words:
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
