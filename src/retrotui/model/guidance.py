"""What the facilitator reads beside each phase: the method's own words."""

from __future__ import annotations

from retrotui.model.enums import Phase

TITLES: dict[Phase, str] = {
    Phase.REVIEW: "Review previous action items",
    Phase.TIMELINE: "Timeline",
    Phase.IMPACT: "Impact",
    Phase.FACTORS: "Contributing factors",
    Phase.ACTIONS: "Action items",
}

SUBTITLES: dict[Phase, str] = {
    Phase.REVIEW: "before anything else",
    Phase.TIMELINE: "facts only, no causes yet",
    Phase.IMPACT: "quantify what happened",
    Phase.FACTORS: "what made it worse, what made it better",
    Phase.ACTIONS: "specific, owned, time-bound",
}

PROMPTS: dict[Phase, tuple[str, ...]] = {
    Phase.REVIEW: (
        "Mark each item done, still open or dropped (say why).",
        "Overdue items first: what stopped them?",
        "A factor seen twice is a signal: escalate it.",
    ),
    Phase.TIMELINE: (
        "Facts only: no causes yet.",
        "Use objective sources: alerts, deploy logs, chat, customer reports, on-call records.",
        "Mark the trigger, detection, mitigation and resolution.",
        "Gaps between events are often the real finding.",
    ),
    Phase.IMPACT: (
        "How many users were affected, and for how long?",
        "What was the business cost?",
        "Was any data lost?",
        "Which SLO was breached?",
        "Where did we get lucky?",
    ),
    Phase.FACTORS: (
        "What information did people lack when making decisions?",
        "Where did our tooling or monitoring fall short?",
        "What processes worked well during the response?",
        "What would have made detection faster?",
        "Where did handoffs break down?",
    ),
    Phase.ACTIONS: (
        "3 to 5 items: a postmortem with 15 completes none.",
        "Each needs an owner and a due date, or it is a wish.",
        "Immediate fixes should already be done.",
        "Categories: immediate fix, detection, process, systemic.",
    ),
}
