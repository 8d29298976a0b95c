"""Blame in tone: a word-statistics check for what the rules cannot list.

The rules in `language` catch the shapes of blame they name. Writers slip
into blame in more ways than rules can list ("Classic Oskar, again."), so
this scores a sentence by the words and word pairs it shares with blame-
and neutral-labelled sentences (naive Bayes over word presence, trained on
the corpora in tests/language by tools/train_tone.py).

Only sentences that mention a person (a participant, a role, a pronoun)
are scored: blame needs someone to blame, and plain text about systems is
where a word-statistics check would nag most.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise, repeat

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|[?!]")  # "tomás" is one word
# The same words where the text is ASCII, a quarter faster to find.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*|[?!]")
# The contractions that carry a negation: "didn't" reads as "did not".
_NOT = {"can't": "can", "won't": "will", "shan't": "shall"}
PERSON = "<p>"
# One token for he and she (and him, his, her): the corpora's blame said
# "he" more often, and a sentence must not score higher for it.
_SAME = {
    **dict.fromkeys(("he", "she"), "he/she"),
    **dict.fromkeys(("him", "his", "her", "hers"), "his/her"),
    **dict.fromkeys(("himself", "herself"), "him/herself"),
}


def tokens(sentence: str, names: set[str]) -> list[str]:
    """Lower-case words, with participants' names as one token: the
    corpora's names differ, the way a name is used does not."""
    return lower_tokens(sentence.lower(), names)


def lower_tokens(text: str, names: set[str]) -> list[str]:
    """tokens() of text that is already lower-case."""
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    if "'" not in text:  # most sentences: no "'s" and no "n't"
        if names.isdisjoint(words) and _SAME.keys().isdisjoint(words):
            return words
        return [PERSON if word in names else _SAME.get(word, word) for word in words]
    found = []
    for word in words:
        if word in _SAME:
            found.append(_SAME[word])
        elif word.endswith("'s") and word[:-2] in names:
            found.append(PERSON + "'s")
        elif word in names:
            found.append(PERSON)
        elif word.endswith("n't"):
            found += [_NOT.get(word, word[:-3]), "not"]
        else:
            found.append(word)
    return found


# Words that name a person or a role. Wider than the rules' roles: only a
# gate, the score decides.
_PEOPLE = frozenset(
    [
        "he",
        "she",
        "they",
        "him",
        "her",
        "his",
        "hers",
        "their",
        "them",
        "you",
        "your",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "nobody",
        "everyone",
        "everybody",
        "whoever",
        "who",
        "people",
        "folks",
        "guys",
        "team",
        "teams",
        "intern",
        "interns",
        "dba",
        "dbas",
        "on-call",
        "oncall",
        "reviewer",
        "reviewers",
        "developer",
        "developers",
        "dev",
        "devs",
        "engineer",
        "engineers",
        "sre",
        "sres",
        "operator",
        "operators",
        "admin",
        "admins",
        "author",
        "tester",
        "testers",
        "qa",
        "contractor",
        "contractors",
        "vendor",
        "vendors",
        "manager",
        "managers",
        "lead",
        "leads",
        "approver",
        "analyst",
        "architect",
        "supervisor",
        "staff",
        "support",
        "ops",
        "devops",
        "infra",
        "management",
        "leadership",
        "owner",
        "colleague",
        "colleagues",
        "member",
        "members",
        "officer",
        "responder",
        "commander",
        "coordinator",
        *("he/she", "his/her", "him/herself"),
        *("sysadmin", "sysadmins", "student", "students", "postdoc", "postdocs"),
        *("researcher", "researchers", "user", "users", "clerk", "nurse", "nurses"),
        *("editor", "editors", "captain", "pilot", "maintainer", "maintainers"),
        *("contributor", "contributors", "soc", "noc", "individual", "individuals"),
        *("personnel", "crew", "director", "chair", "liaison", "technician"),
        *("technicians", "consultant", "consultants", "administrator", "scientist"),
    ]
)


_RUN = re.compile(r"\w+")


def _first_runs(words: Iterable[str]) -> set[str]:
    """Each word as the text's word index holds it: its first \\w+ run
    ("on-call" gives "on", "min-jun" gives "min")."""
    return {first.group() for word in words if (first := _RUN.match(word))}


_GATE = {*_SAME, *_first_runs(_PEOPLE)}


def gate_words(names: set[str]) -> set[str]:
    """The words a sentence must hold one of to be scored, as the text's
    own words: lint finds the lines that hold one without reading every
    line's words."""
    return _GATE | _first_runs(names)


def mentions_person(words: list[str]) -> bool:
    return not _PEOPLE.isdisjoint(words) or PERSON in words or PERSON + "'s" in words


def features(words: list[str]) -> set[str]:
    """Words and adjacent word pairs, with the sentence's start and end."""
    words = ["<s>", *words, "</s>"]
    pairs = map(" ".join, pairwise(words))  # C-level: lint scores many
    return {*words, *pairs}


@dataclass(frozen=True)
class ToneModel:
    bias: float
    weights: dict[str, float]
    # A sentence scores above this to be flagged.
    threshold: float

    def score(self, sentence: str, names: set[str]) -> float | None:
        """How blame-like the sentence reads; None when it names no one."""
        words = tokens(sentence, names)
        return self.weigh(words) if mentions_person(words) else None

    def weigh(self, words: list[str]) -> float:
        # map() keeps the lookups in C: lint weighs every line naming someone
        return self.bias + sum(map(self.weights.get, features(words), repeat(0.0)))

    def cues(self, sentence: str, names: set[str], count: int = 3) -> list[str]:
        """The words that weigh most towards blame, for the message."""
        weighed = [
            (self.weights[f], f)
            for f in features(tokens(sentence, names))
            if self.weights.get(f, 0.0) > 0 and "<" not in f
        ]
        weighed.sort(reverse=True)
        return [f for _, f in weighed[:count]]


def train(
    examples: Iterable[tuple[str, bool, set[str]]],
    threshold: float,
    smoothing: float = 0.5,
    min_count: int = 2,
) -> ToneModel:
    """Naive Bayes over feature presence. Features seen fewer than
    `min_count` times are dropped: one writer's word is not a signal."""
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    totals = [0, 0]
    for sentence, blame, names in examples:
        counts[blame].update(features(tokens(sentence, names)))
        totals[blame] += 1
    neutral, blame = counts
    weights = {}
    for feature in sorted(neutral.keys() | blame.keys()):
        if neutral[feature] + blame[feature] < min_count:
            continue
        p_blame = (blame[feature] + smoothing) / (totals[1] + 2 * smoothing)
        p_neutral = (neutral[feature] + smoothing) / (totals[0] + 2 * smoothing)
        weights[feature] = round(math.log(p_blame / p_neutral), 3)
    return ToneModel(round(math.log(totals[1] / totals[0]), 3), weights, threshold)
