"""Contributing factors and 5-Whys chains from what was typed."""

from __future__ import annotations

from retrotui.model.create import FormError
from retrotui.model.entities import ContributingFactor, WhyChain
from retrotui.model.enums import Effect, Stage

MAX_WHYS = 7


def build_factor(
    stage: str, effect: str, category: str, text: str, factor_id: str | None = None
) -> ContributingFactor:
    try:
        stage_value = Stage(stage)
    except ValueError:
        raise FormError(
            "stage", "choose cause, detection, response or resolution"
        ) from None
    try:
        effect_value = Effect(effect)
    except ValueError:
        raise FormError("effect", "choose worse or better") from None
    clean = " ".join(text.split())
    if not clean:
        raise FormError("text", "describe the factor")
    factor = ContributingFactor(
        stage=stage_value,
        effect=effect_value,
        category=" ".join(category.lower().split()),
        text=clean,
    )
    if factor_id is not None:
        factor.id = factor_id
    return factor


def build_chain(problem: str, whys: list[str], chain_id: str | None = None) -> WhyChain:
    clean_problem = " ".join(problem.split())
    if not clean_problem:
        raise FormError("problem", "start with the problem: what happened?")
    answers = [" ".join(w.split()) for w in whys]
    while answers and not answers[-1]:
        answers.pop()
    if "" in answers:
        gap = answers.index("") + 1
        raise FormError(f"why{gap}", f"why {gap} is empty but a later one is not")
    if not answers:
        raise FormError("why1", "answer the first why")
    chain = WhyChain(problem=clean_problem, whys=answers[:MAX_WHYS])
    if chain_id is not None:
        chain.id = chain_id
    return chain
