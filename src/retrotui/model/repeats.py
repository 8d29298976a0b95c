"""Contributing factors that recur across retrospectives.

The method: "if the same contributing factor appears twice, escalate it".
Two factors are the same when they share a category and most of their
words: the Jaccard similarity of their content words (stop words dropped,
plurals and -ing/-ed folded) is at least SIMILARITY; a factor joins the
first group whose first wording it is that similar to. Grouping is a set
similarity join with a prefix filter (two sets that similar must share one
of their rarest words), so 30,000 factors group in a fraction of a second.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from math import ceil
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from retrotui.model.summary import RetroSummary

SIMILARITY = 0.5
# Negations stay: "the alert fired" and "the alert did not fire" differ.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "so",
        "than",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "too",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)  # a library's vocabulary is small
def _stem(word: str) -> str:
    """A crude stem that only has to be consistent: 'alerts', 'alerting',
    'alerted' and 'alert' all become 'alert'; 'releases' and 'release'
    both 'releas'."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("sses", "xes", "ches", "shes", "zes"):
        if word.endswith(suffix):
            return word[:-2]
    for suffix in ("ing", "ed", "s"):
        if (
            word.endswith(suffix)
            and not word.endswith("ss")
            and len(word) - len(suffix) >= 3
        ):
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=65536)  # the factors phase asks again for every factor
def content_words(text: str) -> frozenset[str]:
    lowered = text.lower().replace("n't", " not").replace("n’t", " not")
    return frozenset(
        _stem(word) for word in _WORD.findall(lowered) if word not in STOP_WORDS
    )


# Stemmed: "missing", "lacks" and "absent" say "no ..." in other words.
NEGATIONS = frozenset(
    {
        "no",
        "not",
        "never",
        "without",
        "none",
        "nothing",
        "cannot",
        "miss",
        "lack",
        "absent",
    }
)


def normal_category(category: str) -> str:
    return " ".join(category.lower().split())


class FactorRef(NamedTuple):
    """One factor of one retrospective (a tuple: tens of thousands are made
    for the insights, and a dataclass is several times slower to build)."""

    retro_id: str
    retro_title: str
    category: str
    text: str


def library_factors(summaries: Iterable[RetroSummary]) -> list[FactorRef]:
    """Every factor that made an incident worse, across `summaries`."""
    make = tuple.__new__  # a NamedTuple's own __new__ is several times slower
    return [
        make(FactorRef, (s.id, s.title, category, text))
        for s in summaries
        for category, text in s.factors
    ]


@dataclass(frozen=True)
class RepeatGroup:
    category: str
    text: str  # the wording used most often (the earliest among equals)
    factors: tuple[FactorRef, ...]

    @cached_property  # asked for by escalate, titles and sorting
    def retro_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.retro_id for f in self.factors))

    @property
    def retro_titles(self) -> tuple[str, ...]:
        titles = {f.retro_id: f.retro_title for f in self.factors}
        return tuple(titles[i] for i in self.retro_ids)

    @property
    def escalate(self) -> bool:
        """Seen in two or more incidents."""
        return len(self.retro_ids) >= 2


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    if a.isdisjoint(NEGATIONS) != b.isdisjoint(NEGATIONS):
        return False  # "the alert fired" is not "the alert did not fire"
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) >= SIMILARITY


def group_factors(factors: Iterable[FactorRef]) -> list[RepeatGroup]:
    """Groups of two or more similar factors, most retrospectives first."""
    refs = list(factors)
    words = list(map(content_words, (ref.text for ref in refs)))
    # A library has a few categories, each written by thousands of factors.
    normal = {c: normal_category(c) for c in {ref.category for ref in refs}}
    categories = map(normal.__getitem__, (ref.category for ref in refs))
    # Identical word sets (in one category) are one node of the join, which
    # then runs over the distinct sets only.
    node_of: dict[tuple[str, frozenset[str]], int] = {}
    ref_node = [
        node_of.setdefault(key, len(node_of))
        for key in zip(categories, words, strict=True)
    ]
    nodes = list(node_of)
    # Each node joins the first group whose first wording it resembles, or
    # starts a group. Only those first wordings are indexed, by the rarest
    # words of each (the prefix filter: two sets this similar must share
    # one of them; any fixed word order works, rarest first keeps the lists
    # short).
    frequency = Counter(word for _, ws in nodes for word in ws)
    # Each word's place in that order, so that sorting a set is in C.
    rank = {
        word: place
        for place, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))
    }
    group_of = list(range(len(nodes)))
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for node, (category, ws) in enumerate(nodes):
        ordered = sorted(ws, key=rank.__getitem__)
        keys = [
            (category, w)
            for w in ordered[: len(ordered) - ceil(SIMILARITY * len(ordered)) + 1]
        ]
        candidates = sorted({c for key in keys for c in index[key]})
        found = next((c for c in candidates if _similar(ws, nodes[c][1])), None)
        if found is None:
            for key in keys:
                index[key].append(node)
        else:
            group_of[node] = found
    groups: dict[int, list[int]] = defaultdict(list)
    for i, node in enumerate(ref_node):
        groups[group_of[node]].append(i)
    # Stripped once each: a large library's groups hold thousands of factors.
    texts_of = [ref.text.strip() for ref in refs]
    categories_of = [ref.category.strip() for ref in refs]
    found = []
    for members in groups.values():
        if len(members) < 2:
            continue
        texts = Counter(map(texts_of.__getitem__, members))
        top = max(texts.values())
        text = next(texts_of[i] for i in members if texts[texts_of[i]] == top)
        category = Counter(map(categories_of.__getitem__, members)).most_common(1)[0][0]
        found.append(RepeatGroup(category, text, tuple(map(refs.__getitem__, members))))
    found.sort(key=lambda g: (-len(g.retro_ids), -len(g.factors), g.category, g.text))
    return found


def seen_before(
    category: str, text: str, groups_of: Iterable[FactorRef], exclude: str
) -> list[FactorRef]:
    """Factors of other retrospectives that repeat this one (same category,
    similar words): the "seen before in: ..." of the factors phase."""
    mine = content_words(text)
    wanted = normal_category(category)
    found: dict[str, FactorRef] = {}
    for ref in groups_of:
        if ref.retro_id == exclude or ref.retro_id in found:
            continue
        if normal_category(ref.category) == wanted and _similar(
            mine, content_words(ref.text)
        ):
            found[ref.retro_id] = ref
    return list(found.values())
