"""The closed vocabularies of a retrospective, as string enums.

Values are the exact strings stored on disk and typed on the command line, so
renaming a member is a schema change.
"""

from enum import StrEnum


class Kind(StrEnum):
    INCIDENT = "incident"
    NEAR_MISS = "near-miss"


class Severity(StrEnum):
    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"


class Status(StrEnum):
    DRAFT = "draft"
    REVIEWED = "reviewed"
    PUBLISHED = "published"


class Source(StrEnum):
    ALERT = "alert"
    DEPLOY = "deploy"
    CHAT = "chat"
    CUSTOMER = "customer"
    ON_CALL = "on-call"
    NOTE = "note"


class Marker(StrEnum):
    TRIGGER = "trigger"
    DETECTION = "detection"
    MITIGATION = "mitigation"
    RESOLUTION = "resolution"
    NONE = "none"


class Stage(StrEnum):
    CAUSE = "cause"
    DETECTION = "detection"
    RESPONSE = "response"
    RESOLUTION = "resolution"


class Effect(StrEnum):
    WORSE = "worse"
    BETTER = "better"


class ActionCategory(StrEnum):
    IMMEDIATE = "immediate"
    DETECTION = "detection"
    PROCESS = "process"
    SYSTEMIC = "systemic"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Criterion(StrEnum):
    """The method's "when to run a retrospective" criteria."""

    CUSTOMER_IMPACT = "customer-impact"
    NEAR_MISS = "near-miss"
    REPEAT_PATTERN = "repeat-pattern"
    CROSS_TEAM = "cross-team"
    NOVEL_FAILURE = "novel-failure"


class Phase(StrEnum):
    REVIEW = "review"
    TIMELINE = "timeline"
    IMPACT = "impact"
    FACTORS = "factors"
    ACTIONS = "actions"


# Factor categories the app suggests; free text is also allowed so teams can
# grow their own taxonomy.
FACTOR_CATEGORIES: tuple[str, ...] = (
    "monitoring",
    "process",
    "tooling",
    "code",
    "config",
    "dependency",
    "communication",
    "capacity",
)

# The method's suggested tags; free tags are allowed as well.
SUGGESTED_TAGS: tuple[str, ...] = ("deploy", "infrastructure", "data", "third-party")

DEFAULT_MINUTES: dict[Phase, int] = {
    Phase.REVIEW: 5,
    Phase.TIMELINE: 15,
    Phase.IMPACT: 10,
    Phase.FACTORS: 20,
    Phase.ACTIONS: 15,
}
