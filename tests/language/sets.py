"""The labelled sentence sets, by name, for the tests and tools/train_tone.py.

Each blind set was written by someone who had not read the rules or the
other sets (see test_heldout.py for when each was read). The neutral pools
hold ordinary retrospective text; `ordinary_unseen` is never trained on.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from retrotui.model.language import participant_names

BLIND = [
    "corpus",
    "heldout",
    "heldout_b",
    "heldout_c",
    "heldout_d",
    "heldout_e",
    "heldout_f",
    "heldout_g",
    "heldout_h",
    "heldout_i",
    "heldout_k",
    "heldout_l",
    "heldout_m",
    "heldout_n",
    "heldout_o",
    "heldout_p",
    "heldout_q",
    "heldout_r",
    "heldout_s",
    "heldout_t",
    "heldout_u",
    "heldout_v",
    "heldout_w",
    "heldout_x",
    "heldout_y",
    "heldout_z",
    "heldout_aa",
    "heldout_ab",
    "heldout_ac",
    "heldout_ad",
    "heldout_ae",
    "heldout_af",
    "heldout_ag",
    "heldout_ah",
    "heldout_ai",
    "heldout_aj",
    "heldout_ak",
    "heldout_al",
    "heldout_am",
    "heldout_an",
    "heldout_ao",
    "heldout_ap",
    "heldout_aq",
    "heldout_ar",
    "heldout_as",
    "heldout_at",
]
# Written like the blind sets, scored once and never trained on or read:
# the measure of the shipped linter on writers it has not seen. Keep them
# out of training and do not read their misses to write rules.
UNSEEN = ["heldout_au", "heldout_av", "heldout_aw", "heldout_ax"]
NEUTRAL_POOLS = ["reviewed", "neutral_pool", "neutral_pool_2", "neutral_pool_3"]

Example = tuple[str, bool, set[str]]


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"language.{name}")


def participants(name: str) -> list[str]:
    return list(getattr(_module(name), "PARTICIPANTS", []))


def blame(name: str) -> list[str]:
    module = _module(name)
    return list(getattr(module, "HELDOUT_BLAME", None) or getattr(module, "BLAME", []))


def neutral(name: str) -> list[str]:
    module = _module(name)
    return list(
        getattr(module, "HELDOUT_NEUTRAL", None)
        or getattr(module, "NEUTRAL", None)
        or module.REVIEWED_NEUTRAL
    )


def examples(names: list[str]) -> list[Example]:
    found: list[Example] = []
    for name in names:
        people = participant_names(participants(name))
        found += [(s, True, people) for s in blame(name)]
        found += [(s, False, people) for s in neutral(name)]
    return found


# The reviewed sentences were written against the linter to catch it out;
# they count as this many ordinary ones.
REVIEWED_WEIGHT = 3


def training(leave_out: str = "") -> list[Example]:
    """What the shipped tone model learns from (all but `leave_out`)."""
    names = [n for n in [*BLIND, *NEUTRAL_POOLS] if n != leave_out]
    found = examples(names) + examples(["reviewed"]) * (REVIEWED_WEIGHT - 1)
    if leave_out:
        # Writers repeat textbook sentences ("Someone forgot to update the
        # config"): the left-out set's own sentences go wherever they are.
        unseen = {*blame(leave_out), *neutral(leave_out)}
        found = [example for example in found if example[0] not in unseen]
    return found
