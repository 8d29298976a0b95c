"""Blameless language: find blame-shaped sentences, suggest system-centred ones.

The method: "describe events and systems, not people and their failures".
Rules prefer to miss rather than nag: a facilitator switches off a linter
that cries wolf, so each rule needs a person (or a role) *and* a failure, or
a phrase that is blame in every context.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from retrotui.model.tone import (
    ToneModel,
    gate_words,
    lower_tokens,
    mentions_person,
    tokens,
)

ROLES = (
    r"(?:the|a|an|our|their)(?: [a-z-]+)? (?:intern|new hire|dba|on-?call(?: engineer)?|reviewer|"
    r"developer|dev|engineer|sre|operator|admin|author|tester|qa team|contractor|team|"
    r"developers|devs|engineers|reviewers|testers|operators|admins|folks|people|"
    r"vendor|supplier|partner|third party|manager|lead|approver|analyst|architect|person|"
    r"team member|supervisor|help ?desk|service desk|staff|crew|shift|administrator|chair|"
    r"director|officer|liaison|personnel|specialist|technician|consultant|coordinator|"
    r"employee|individual|responder|commander|sysadmin|student|students|postdoc|"
    r"researcher|researchers|scientist|data scientist|clerk|clerks|nurse|nurses|doctor|"
    r"pharmacist|pilot|captain|maintainer|maintainers|contributor|contributors|soc|noc|"
    r"product owner|product manager|pm|ba|release captain|release manager|"
    # "the night editor", "helpdesk agents": these nouns name software too
    r"(?:night|news|copy|managing|desk|duty) editor|(?:helpdesk|support|service desk) "
    r"agents?)|"
    r"[a-z0-9-]+ team|[a-z0-9-]+ personnel|[a-z0-9-]+ staff|"
    r"the on-?call(?: engineer| person)?|support|ops|qa|eng|engineering|infra|networking|"
    r"devops|someone|somebody|whoever|the team|management|leadership|it staff|"
    r"helpdesk|help desk|"
    r"he|she|they|you|him|her|them"
)
_ROLE = re.compile(ROLES, re.IGNORECASE)
# Failures only people have: flagged after any name or role.
PERSONAL = (
    r"forgot(?: to)?|ignored|neglected|overlooked|disregarded|misunderstood|"
    r"didn'?t bother|did not bother|"
    r"(?:didn'?t|did not|hadn'?t|had not)(?: even)? "
    r"(?:test|check|double-check|read|notice|follow|validate|verify|review|"
    r"look|wait|think|bother|ask|confirm|consider|open|make|made|do|perform|respect|tell|"
    r"inform|answer|mention|communicate|ack|acknowledge|pick up|pay attention)|"
    r"(?:has not|have not|hasn'?t|haven'?t)(?: even)? (?:made|done|followed|read|checked|"
    r"tested|responded|replied|acknowledged|answered|escalated)|"
    r"(?:silenced|muted|snoozed|disabled|turned off) [^.;!?\n]{1,40}?\b(?:again|"
    r"for the whole|all (?:night|day|weekend|afternoon)|\w+ times|because it was)\b|"
    r"(?:does not|doesn'?t|do not|don'?t) (?:respect|follow|bother|care|read|listen)|"
    r"(?:is|was|are|were)(?:n'?t| not)(?: enough)? careful|"
    r"(?:was|were)(?: clearly| obviously| simply)?(?:n'?t| not) (?:doing|running|following|"
    r"watching|checking|monitoring|paying attention)|"
    r"never (?:tests?|checks?|reads?|follows?|looks?|listens?)|lgtm'?d|"
    r"misconfigured|force-?pushed|mistyped|copy-?pasted|"
    r"panicked|lost control|walked away|went back to sleep|sat there|"
    r"pressured (?:us|everyone|the team|them|me)|"
    r"(?:was|were)(?:n'?t| not) (?:answering|responding|picking up)|"
    r"(?:was|were) too (?:slow|late|busy|proud|lazy|distracted|tired) to|"
    r"never (?:thought|considered|bothered|asked)|forgets? to|"
    r"let (?:\w+ ){1,3}skip|"
    r"let (?:the |a |an |our )?(?:[\w-]+ ){0,3}(?:lapse|expire|slip|rot|fill up|run out)\b|"
    r"chose to (?:do nothing|ignore|skip|wait)|insisted on (?:launching|shipping|"
    r"deploying|releasing|going live)|assumed (?:that )?(?:someone|somebody) else would|"
    r"(?:doesn'?t|does not|didn'?t|did not) (?:even )?know how to|"
    r"went (?:home|to bed|to sleep|offline)[^.;!?\n]{0,40}?\b(?:with|while|despite|"
    r"without)\b|"
    r"committed (?:the |a |an |our )?(?:[\w-]+ ){0,3}(?:secrets?|passwords?|"
    r"credentials?|keys?|tokens?)\b|"
    r"clicked [^.;!?\n]{1,30} instead of|"
    r"(?:restarted|deleted|dropped|drained|ran|deployed|pushed|merged|updated|edited|"
    r"killed|rebooted|reverted|stopped|scaled|migrated|patched|used|targeted|copied|"
    r"picked|chose|selected|opened|uploaded|applied|configured|sent|rolled|pulled|"
    r"unplugged|removed|cut|shut|disconnected|plugged) "
    r"(?:[\w-]+ ){0,3}(?:(?:against|to|on|in|from) )?the wrong|"
    r"(?:can'?t|cannot|could ?n'?t|could not)(?: even)? (?:follow|read|be trusted)|"
    r"let (?:a|an|the) (?:broken|bad|buggy|faulty|untested) |"
    r"messed up|screwed up|pushed (?:an? |the )?(?:[\w-]+ )?(?:bad|broken|faulty|buggy|untested)|"
    r"botched|fat-?fingered|was careless|were careless|"
    r"never (?:looked|checked|tested|read|followed up|replied|responded|acknowledged|escalated)|"
    r"never (?:noticed|passed on|told|mentioned|warned|informed)|"
    r"skipped|let [^.,;!?\n]{1,30} slip|rubber-?stamped|waved [^.,;!?\n]{1,30} through|"
    r"slept through|sat on|brushed off|fumbled|shrugged off|mislabell?ed|misread|misjudged|"
    r"(?:was|were)(?:n'?t| not) paying attention|omitted to|"
    r"(?:did not|didn'?t|does not|doesn'?t) see fit to|"
    r"(?:did not|didn'?t) take the trouble|"
    r"chose to (?:proceed|continue|deploy|push|release|carry on) (?:despite|regardless|anyway)|"
    r"elected not to|chose not to|never once|ghosted|misguided|"
    r"(?:is|was|are|were) not knowing|"
    r"tends? to (?:skip|ignore|forget|rush|cut|bypass)|"
    r"(?:bullied|pushed|pressured|railroaded) (?:everyone|us|the team|them|me) into"
)
# Failures systems have too ("the job missed its window"): flagged only after
# a participant's name or a role.
SHARED = (
    r"broke|missed|deleted|dropped(?! (?:into|in|by|off|out)\b)|overwrote|wiped|failed to|"
    r"caused|took down|brought down|overrode|bypassed|hard-?coded|did nothing|rushed|"
    r"bricked|nuked|blew away|"
    r"(?:didn'?t|did not|has not|have not|hasn'?t|haven'?t|hadn'?t|had not)(?: even)? "
    r"(?:escalate|hand|flag|update|add|set|configure|include|use|run|renew|rotate|"
    r"monitor|watch|remove|switch|turn|stop|restart|roll|revert|deploy|merge|push|write|"
    r"document|plan|prepare|coordinate)|"
    r"left [^.,;!?\n]{1,30} (?:enabled|disabled|on|open|running)"
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


@dataclass
class Rule:
    id: str
    pattern: re.Pattern[str]
    message: str
    suggest: Callable[[re.Match[str]], str]
    needs_person: bool = False
    # Only a participant or a role counts, not any capitalised word: these
    # rules have no failure verb to tell "on Priya" from "on Monday".
    strict_person: bool = False
    # Words every match contains (lower-case regex; at the start of group
    # `anchor_group` if given). The pattern is tried only near them: Python's
    # re scans fast for case-sensitive literals, slowly for IGNORECASE rules.
    anchor: str = ""
    anchor_group: str = ""
    # How far before its anchor a match can start: 0 when every match
    # starts at the anchor word.
    lookback: int = 120
    # A bare role noun counts as a person ("the engineer's haste" gives
    # "engineer"): cheaper than trying every role phrase before the anchor.
    role_nouns: bool = False

    @cached_property
    def literals(self) -> list[tuple[str, bool]] | None:
        """The anchor as (word, must end at a word boundary) pairs when it is
        only words: str.find walks a text many times faster than a regex
        alternation, and there are twenty-odd rules to anchor."""
        words = self.anchor.split("|")
        found = []
        for word in words:
            bare = word.removesuffix(r"\b")
            if not re.fullmatch(r"[a-z][a-z' -]*", bare):
                return None
            found.append((bare, bare != word))
        return found

    @cached_property
    def prefixes(self) -> list[tuple[str, bool]] | None:
        """Words every anchor match starts with, when they can be read off
        the anchor: found with str.find, then each checked with the anchor
        pattern. A regex alternation of a hundred verbs scans slowly."""
        starts = _start_words(self.anchor)
        if starts is None:
            return None
        # "pushed" finds every "pushed ..." already.
        kept = {
            w for w in starts if not any(w != o and w.startswith(o) for o in starts)
        }
        return [(word, False) for word in sorted(kept)]

    @cached_property
    def anchor_lower(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + self.anchor + r")")

    @cached_property
    def anchor_any_case(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + self.anchor + r")", re.IGNORECASE)


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


# Words that say something went wrong, for a sentence whose subject is a
# participant or a role: the widest rule, so it needs both.
_NEGATIVE = "|".join(
    [
        *["not", "never", "wrong", "forgot", "failed to", "mistakes?"],
        *["instead of", "broke", "broken", "ignored", "skipped", "nobody"],
        *["no one", "didn't", "don't", "doesn't", "wasn't", "weren't", "hasn't"],
        *["haven't", "hadn't", "isn't", "aren't"],
    ]
)
# Said of a person's work or manner: "Farhad's rushed hotfix".
_LAPSES = (
    r"(?:rushed|hasty|sloppy|careless|botched|reckless|half-baked|"
    r"inability(?! to (?:access|log|connect|see|reach|get|use|sign)\b)|"
    r"attitude|obsession|incompetence|unwillingness|refusal|insistence|"
    r"haste|impatience|arrogance|laziness|failure to|"
    # "lack of access" is a state of the system around the person
    r"lack of(?! (?:access|permissions?|visibility|context|information|data|tools|"
    r"tooling|documentation|docs|time|capacity|training|alerting|monitoring|sleep|"
    r"support|guidance|clarity|staff|cover|redundancy)\b)|inexperience|unfamiliarity|"
    r"hesitancy|complacency|negligence|carelessness|inattention|"
    r"cavalier|decision to ignore|decision to skip|decision to bypass|"
    r"decision to override|disregard)"
)
# "ignored by Bruno": done to the system by a person.
_PASSIVE = [
    *["ignored", "disregarded", "overlooked", "neglected", "botched", "mishandled"],
    *["snoozed", "dismissed", "muted", "skipped", "missed", "dropped", "deleted"],
    *["wiped", "broken", "broke", "caused", "misconfigured", "fat-fingered"],
    "fatfingered",
]
# "Ms. Raman", "Mr Kumar": the name after the title is the person.
_TITLE = r"(?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?[ \t]+)?"
_NAME = _TITLE + r"(?P<who>(?:[^\W\d_][\w'-]*)|" + ROLES + r")"
_WHO = _TITLE + r"(?P<who>" + ROLES + r"|[^\W\d_][\w'-]*)"  # a role, tried first
RULES: list[Rule] = [
    Rule(
        "person-failure",
        re.compile(
            r"\b" + _NAME + r"(?:[ \t]+(?:on|from|in|at) (?:the )?[\w'-]+(?: [\w'-]+)?"
            r"(?: team| office| desk)?)?"
            + r"[ \t]+(?:(?:just|simply|again|accidentally|mistakenly|carelessly|clearly|"
            r"somehow|apparently|completely|totally|obviously|seriously|just|really)[ \t]+)?"
            r"(?P<verb>" + PERSONAL + r"|" + SHARED + r")(?:(?<=\s)|(?!\w))"
            r"(?P<rest>[^.;!?\n]*)",
            re.IGNORECASE,
        ),
        "a person as the subject of a failure",
        _person_failure,
        needs_person=True,
        anchor=PERSONAL + "|" + SHARED,
        anchor_group="verb",
    ),
    Rule(
        "should-have",
        re.compile(
            r"\b(?:should|ought[ \t]+to)(?:[ \t]+have|'ve|[ \t]*n'?t[ \t]+have|"
            r"[ \t]+(?:not|never)[ \t]+have)\b"
            # "should have a template ready" asks for a thing, not hindsight
            r"(?![ \t]+(?:a|an|the|some|no|any|more|enough|its|their|our|his|her)\b)|"
            r"\b(?:could|might)(?:[ \t]+have|'ve)[ \t]+(?:just|simply)\b|"
            # "A more careful engineer would have ...": the same, of a person
            r"\ba (?:more|less|better|properly) (?:careful|conscientious|diligent|experienced|"
            r"competent|attentive|responsible|senior|qualified|trained|prepared) "
            r"(?:[\w-]+ )?(?:engineer|officer|developer|dev|operator|admin|dba|sre|person|"
            r"reviewer|manager|team|analyst|lead|colleague|on-?call|editor|clerk|nurse|"
            r"controller|agent|maintainer|sysadmin)"
            r" would(?:n'?t| not| never)? have\b|"
            r"\b(?:would|might|could) have expected (?:a|an|the|him|her|them)\b"
            r"(?:[ \t]+[\w'-]+){0,6}"
            r"[ \t]+to (?:know|have known|check|test|read|notice|verify|follow|ask)\b",
            re.IGNORECASE,
        ),
        '"should have" judges with hindsight',
        _const("Our process did not make this the default; what would have?"),
        anchor=r"should|ought|could|might|a more|a less|a better|a properly|would have",
        lookback=0,
    ),
    Rule(
        "nobody-noticed",
        re.compile(
            r"\bwhy (?:didn'?t|did not|wasn'?t|weren'?t) (?:anyone|anybody|somebody|someone|we|"
            + ROLES
            + r")\b|\b(?:why|how) did (?:nobody|no one)\b|"
            r"\bwhy (?:on earth |the hell |exactly )?did (?:"
            + ROLES
            + r")(?: [\w-]+)? (?:not|never)\b"
            r"(?![ \t]+(?:get|receive|have|see|hear|know)\b)|"
            r"\b(?:nobody|no one|no-one|not (?:a single|one) (?:person|one|engineer|of us)|"
            r"none of us|no (?:member|one) of (?:the )?[\w -]{1,30}?(?:team|staff|crew|shift))(?: [^.,;!?\n]{1,30}?)? (?:noticed|bothered|checked|caught|"
            r"read(?![ \t]+(?:access|permissions?|only|replicas?)\b)|looked|"
            r"acted|responded|spoke up|said anything|did anything|"
            r"could be bothered|cared|thought to|took the time|bothered to|watching|"
            r"monitoring|paying attention)\b|"
            r"\bcould(?:n'?t| not) be bothered\b|"
            r"\b(?:nobody|no one)(?: [^.,;!?\n]{1,30}?)? took [^.,;!?\n]{1,40} seriously\b",
            re.IGNORECASE,
        ),
        "asks who failed to notice",
        _const("What would have made this visible sooner?"),
        anchor=r"why|how|nobody|no one|no-one|could|not a single|not one|none of us|"
        r"no member of",
        lookback=0,
    ),
    Rule(
        "human-error",
        re.compile(
            r"\bhuman errors?\b(?![ \t]+(?:rate|rates|study|studies|metric|metrics)\b)|"
            r"\b(?:operator|engineer|admin|developer) (?:errors?|mistakes?)\b"
            r"(?![ \t]+(?:log|logs|rate|code|message|page|budget|count)s?\b)|"
            r"\bpebkac\b|\buser mistakes?\b|"
            r"\buser error\b(?![ \t]+(?:rate|code|message|page|budget)s?\b)",
            re.IGNORECASE,
        ),
        '"human error" stops the analysis at a person',
        _const("What about the system made this mistake easy to make?"),
        anchor=r"human|operator|engineer|admin|developer|pebkac|user error|user mistake",
        lookback=0,
    ),
    Rule(
        "careless",
        re.compile(
            r"\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|lazy|"
            r"(?:stupid|dumb|silly|rookie|amateur|boneheaded|idiotic) "
            r"(?:mistake|error|move|call|decision|typo|thing to do)|"
            r"incompetent|incompetence|unprofessional|inattention|"
            r"(?:poor|bad|serious) (?:error of )?judg(?:e)?ment|error of judg(?:e)?ment|"
            r"lack of (?:diligence|care|attention|rigou?r|professionalism)|"
            r"(?:had|hadn'?t|didn'?t|did not|not) (?:done|do|doing) (?:his|her|their|your) "
            r"(?:job|homework)|"
            r"with (?:half a brain|a brain|common sense)|"
            r"(?:an?|any) (?:more )?(?:experienced|competent|senior|decent|good|real|careful) "
            r"(?:engineer|developer|dba|operator|admin|sre|person) "
            r"(?:would(?:n'?t| never| not| have)|could (?:have|never|make))\b|"
            r"lapse in judg(?:e)?ment|such a (?:basic|simple|stupid|dumb|obvious) "
            r"(?:error|mistake)|fat-?finger(?:ed)?|"
            r"let (?:a |the )?(?:junior|new|inexperienced) \w+ (?:touch|run|deploy|push)|"
            r"made (?:a |the )?(?:bad|poor|terrible|questionable) (?:call|judg(?:e)?ment)|"
            r"thought it was a (?:good|great|smart|clever) idea|"
            r"was it (?:really )?(?:that|so) (?:hard|difficult)|"
            r"(?:always|constantly) the one \w+ing|reckless(?:ly|ness)?|"
            r"ha(?:s|d|ve) no excuse|did it anyway|(?:he|she|they) could(?:n'?t| not) wait|"
            r"(?:is|was|are|were) not ready to be on-?call|"
            r"\b(?:I|we) (?:warned|told) \w+ (?:about|that|so)\b|\bI told you so|"
            r"nobody listened when I|typical of (?:the |our )?[\w-]+(?: team)? to\b|"
            r"\bwhoever [^.!?\n]{1,50}\b(?:obviously |clearly )?(?:never|didn'?t|did not) "
            r"(?:heard|thought|considered|tested|checked|bothered)|"
            r"(?:great|nice|good) (?:job|work),? (?:whoever|someone|somebody)|"
            r"(?:great|nice|good) (?:job|work),? [\w -]{1,20}, (?:only|just)\b|"
            r"nice of (?:someone|somebody|whoever) to|"
            r"nice of [\w -]{1,20} to (?:join|show up|turn up|reply|respond|let us know)|"
            r"(?:are|is) the weakest link|"
            r"knew better|should know better|not cut out for|cut(?:ting|s)? corners|"
            r"so-called [\"“']|how hard (?:is|was|can) it (?:really )?to (?:check|read|look|"
            r"follow|ask|test|notice|remember)\b|you managed to\b|"
            r"(?:treats?|treated|uses?|used) \w+ as a rubber[- ]stamp|"
            r"(?:is|are|'s|'re) (?:always|constantly|forever) (?:rushing|forgetting)|"
            r"keeps? (?:shipping broken|forgetting|treating|ignoring)|"
            r"ha(?:s|ve|d) a (?:history|habit|track record) of (?:cutting|ignoring|rushing|"
            r"forgetting|going dark|throwing|bypassing|skipping (?:the )?(?:canary|review|"
            r"tests|checks))|"
            r"which is typical of (?:him|her|them)|"
            r"(?:he|she|they|(?-i:[A-Z][a-z]+)) can(?:'t|not| not) be trusted|"
            r"until (?:he|she|they) can be trusted|"
            r"be (?:more|a lot more|much more) (?:careful|diligent|attentive|vigilant)|"
            r"anyone (?:paying attention|with any sense|competent|careful)|"
            r"ha(?:d|s|ve) no business)\b",
            re.IGNORECASE,
        ),
        "judges a person's care",
        _const("Describe the conditions: what made the safe path hard?"),
        anchor=r"careless|negligen|sloppy|lazy|stupid|dumb|silly|rookie|amateur|bonehead|"
        r"idiotic|incompeten|unprofessional|inattention|judg|lack of|careful|diligent|"
        r"attentive|vigilant|anyone|had no business|has no business|have no business|"
        r"his job|her job|their job|your job|his homework|her homework|their homework|"
        r"your homework|be trusted|"
        r"half a brain|a brain|common sense|experienced|competent|senior|decent|good|"
        r"real|knew better|know better|cut out|cut|so-called|how hard|you managed|"
        r"rubber|always|constantly|forever|keep|history of|habit of|track record|"
        r"which is typical|lapse in|such a|fat|let a|let the|bad call|poor call|"
        r"terrible call|questionable call|bad judg|poor judg|terrible judg|"
        r"questionable judg|thought it was|was it|"
        r"the one|keeps|great|nice|good|reckless|no excuse|anyway|wait|not ready|warned|"
        r"weakest|"
        r"told|listened|typical of|whoever",
    ),
    Rule(
        "careless",
        re.compile(
            r"\b(?:cursory manner|perfunctory|slapdash|lackadaisical|cavalier|unduly relaxed|"
            r"inattentive|(?:not (?:sufficiently|fully|particularly)|insufficiently) "
            r"(?:attentive|diligent|vigilant|careful|conscientious)|"
            r"insufficient (?:diligence|care|attention|vigilance)|"
            r"(?:fell|fallen|falls?) (?:short of|below) the (?:[\w-]+ )?(?:standards?|"
            r"expectations?)|breached (?:its|his|her|their) duty|"
            r"you had one job|skill issue|git gud|imagine not \w+ing|couldn'?t be me|"
            r"expected (?:better|more) (?:from|of)|(?:without|before|never) (?:even )?"
            r"bothering to|out of (?:his|her|their) depth|lax (?:approach|attitude|attention)|"
            r"(?:poor|bad) decision-?making|yolo'?d|cowboy[- ]deploy\w*|clueless|"
            r"irresponsible|not competent|competence (?:issue|problem|gap)|"
            r"washed (?:their|his|her) hands|never learns?|will never learn|"
            r"(?:we'?ve|we have|i'?ve|i have) (?:talked|spoken) about (?:this|it) before|"
            r"(?:we'?ve|we have|i'?ve|i have) discussed (?:this|it) before|"
            r"hard to trust|how (?:does|did|could|can) [^.?!\n]{1,40}\bnot know)\b",
            re.IGNORECASE,
        ),
        "judges a person's care",
        _const("Describe the conditions: what made the safe path hard?"),
        # Rare words every match holds, at most `lookback` after its start.
        anchor=r"cursory|perfunctory|slapdash|lackadaisical|cavalier|unduly|inattentive|"
        r"not sufficiently|not fully|not particularly|insufficient|fell short|"
        r"fallen short|fall short|falls short|fell below|fallen below|falls below|"
        r"breached|you had one|skill issue|git gud|imagine not|couldn't be me|"
        r"couldnt be me|expected better|expected more|bothering to|depth|lax|"
        r"poor decision|bad decision|yolo|cowboy|clueless|irresponsible|not competent|"
        r"competence|washed their|washed his|washed her|never learn|talked about|"
        r"spoken about|discussed|hard to trust|not know",
        lookback=60,
    ),
    Rule(
        "fault",
        re.compile(
            r"\b(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Ss]omeone'?s|[Ss]omebody'?s|"
            r"[A-Z][a-z]+'s)[ \t]+"
            r"(?:fault|mistake|screw-?up|error|failure to|oversight|lapse|slip-?up|blunder|"
            r"inattention|negligence|carelessness|sloppiness))\b|"
            r"\b[Ww]hose (?:fault|mistake|screw-?up)\b|\bat fault\b|\bto blame\b|"
            r"\b(?:[Tt]he|[Oo]ur|[Tt]heir) [\w-]+'s (?:fault|mistake|screw-?up)\b|"
            r"\b(?:his|her|someone'?s|somebody'?s)[ \t]+" + _LAPSES + r"\b|"
            r"\b(?:mistake|error|fault|screw-?up) (?:was|is) (?:all )?(?:his|hers|theirs|"
            r"[A-Z][a-z]+'s)(?!\w)|"
            r"\b(?:it was|it's|it is) (?:[A-Z][a-z]+'s|his|her|their) (?:job|responsibility|"
            r"duty) to\b|\bon (?:his|her|their|[A-Z][a-z]+'s) watch\b|"
            r"\bfailed in (?:his|her|their) (?:duty|responsibility|job)\b|"
            r"\bnot my (?:team's )?problem\b|\bowes [^.!?\n]{0,30}an apology\b|"
            r"\b(?:mistake|error|fault) on (?:the )?[\w-]+'s side\b|"
            r"\b(?:attributable|attributed|due|down|traced) to (?:the (?:actions?|conduct|error|"
            r"negligence) of )?(?:a single|one|a named|an|the) individual\b"
            # "due to an individual query" is a thing, not a person
            r"(?=[ \t]*(?:[.,;:!?)\n]|\Z|who\b|in\b|on\b|within\b|from\b|and\b))|"
            r"\bby (?:a single|a named|one) individual\b",
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
        anchor=r"fault|mistake|screw|error|failure to|oversight|lapse|slip|blunder|blame|"
        r"inattention|negligence|carelessness|sloppiness|responsibility|rushed|hasty|"
        r"sloppy|careless|botched|reckless|half-baked|inability|attitude|obsession|"
        r"lack of|incompetence|unwillingness|refusal|s job|his job|her job|their job|"
        r"duty|s watch|his watch|her watch|their watch|not my|owe|insistence|haste|"
        r"impatience|arrogance|laziness|failure|problem|issue|individual",
    ),
    Rule(
        "fault",
        # Its own rule, tried only at its first word: within the rule above,
        # a text of nothing but "fault" took seconds.
        re.compile(
            r"\b(?:fault|blame|responsibility)\b[^.!?\n]{0,40}?\b(?:lies|lay|rests|rested) "
            r"(?:squarely |entirely |principally |mainly |largely |primarily |solely )?"
            r"with\b",
            re.IGNORECASE,
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
        anchor="fault|blame|responsibility",
        lookback=0,
    ),
    Rule(
        "dropped-the-ball",
        re.compile(r"\bdropped the ball\b|\basleep at the wheel\b", re.IGNORECASE),
        "a figure of speech for a person's failure",
        _const("Describe the handoff or signal that did not reach anyone"),
        anchor=r"dropped the ball|asleep at",
        lookback=0,
    ),
    Rule(
        "who-approved",
        re.compile(
            r"(?:(?<![a-z] )|(?<=out )|(?<=know )|(?<=ask )|(?<=lol )|(?<=so )|(?<=of ))"
            r"\bwho(?:ever)?(?: the hell| on earth| exactly)? (?:approved|authori[sz]ed|okayed|"
            r"ok'd|signed off|merged|turned off|disabled|silenced|muted|broke|"
            r"thought it was a good idea|let this|allowed)\b|"
            r"\bwhich (?:genius|idiot|clown|one of you|moron)\b|"
            r"\bwho was it\b(?=[ \t]*(?:[?.!,]|$))|"
            r"\bwho (?:deployed|pushed|merged|shipped|wrote) this\b|"
            r"(?:(?<![a-z] )|(?<=out )|(?<=know )|(?<=ask )|(?<=lol )|(?<=so ))"
            r"\bwho(?: the hell| on earth)? (?:forgot|broke|deleted|dropped|messed up|changed|"
            r"touched|removed|killed|gave|caused)\b|"
            r"\bwho (?:is|was) (?:responsible|to blame|at fault)\b|\ba name for who\b|"
            r"\bthe (?:person|one|engineer|people) (?:who|which|that) (?:breaks|broke|caused|"
            r"pushed|deployed|made)\b|"
            r"\bwho (?:in their right mind )?(?:runs|deploys|pushes|merges|ships|does)\b"
            r"[^.?!\n]{0,80}\bwithout\b[^.?!\n]{0,40}\?|"
            r"\b(?:we all|everyone|everybody) knows? who(?:se)?\b|"
            r"\b(?:not|without) pointing (?:any )?fingers?,? but\b|"
            r"\bname who\b|\b(?:not|without|I won'?t be|I'm not) naming (?:any )?names\b|"
            r"\bnaming no names\b",
            re.IGNORECASE,
        ),
        "looks for the person, not the gate",
        _const("Which review step let this class of change through?"),
        anchor=r"who|which|pointing|naming",
        lookback=24,
    ),
    Rule(
        "accountable",
        re.compile(
            r"\bhold\b[^.!?\n]{0,40}\b(?:accountable|responsible)\b|"
            r"\bheld (?:personally )?(?:accountable|responsible)\b|"
            r"\baccountability for (?:this|the) [^.!?\n]{0,30}?\brests? with\b|"
            r"\bdisciplinary\b|\b(?:needs? to|has to|have to|must|should|will) answer for\b|"
            r"\bexplain in writing\b|"
            r"\bbe made to understand\b|"
            r"\btake (?:full |personal )?ownership of (?:the|this|his|her|their) "
            r"(?:failure|mistake|error)\b|"
            r"\b(?:face|faces|facing) (?:real |serious |some )?consequences\b|"
            r"\bthere (?:will|should|must|need to) be (?:real |serious |some )?consequences\b|"
            r"\b(?:personal|performance) improvement plan\b|"
            r"\bin (?:his|her|their) (?:next )?performance review\b|"
            r"\bin (?:his|her|their) next review\b|"
            r"\b(?:should|ought to|needs? to|must) be (?:embarrassed|ashamed|sacked|"
            r"disciplined|reprimanded|written up|let go)\b|"
            r"\b(?:he|she|they|(?-i:[A-Z][a-z]+)) (?:should|must|needs? to) be fired\b|"
            r"\b(?:need|needs|should|must|going) to have (?:a|a serious|a little|a quick) "
            r"(?:talk|word|chat|conversation) with (?:him|her|them|(?-i:[A-Z][a-z]+))\b|"
            r"\bbe retrained\b|\bretrain (?:him|her|them|the (?:[\w-]+ )?(?:team|engineers?|intern|staff|"
            r"operators?|on-?call)|(?-i:[A-Z][a-z]+))\b(?! model)|"
            r"\b(?:take|took|taking|remove|kick|pull)[ \t]+(?:him|her|them|(?-i:[A-Z][a-z]+))"
            r"[ \t]+"
            r"(?:off|from)[ \t]+(?:the[ \t]+)?"
            r"(?:on-?call|rotation|pager)\b|"
            r"\b(?:should|needs? to|must|has to|have to) own (?:it|this)(?=[ \t]*(?:[.!?,;]|$))|"
            r"\b(?:should|needs? to|must|has to|have to) own the (?:outage|failure|mistake)\b|"
            r"\bback to onboarding\b|\b(?:needs?|requires?) (?:retraining|re-training|"
            r"remedial training)\b",
            re.IGNORECASE,
        ),
        "accountability framed as blame",
        _const("Name an owner for the improvement instead"),
        anchor=r"hold|held|accountability|disciplinary|answer for|explain in|"
        r"made to understand|ownership|consequences|improvement plan|"
        r"performance review|next review|embarrassed|ashamed|be fired|sacked|disciplined|"
        r"reprimanded|"
        r"written up|let go|talk with|word with|chat with|conversation with|off|from|own|"
        r"retrain|be retrained|"
        r"onboarding|retraining|re-training|remedial|more training",
    ),
    Rule(
        "accountable",
        re.compile(
            # Action items aimed at a person: "X to undertake refresher training"
            r"\b(?:refresher|remedial) training\b|\bpersonnel file\b|"
            r"\bformal (?:reminder|warning|reprimand)\b|"
            r"\b(?:exercises?|exercising) (?:greater|more|extra) care\b|"
            r"\bpay (?:closer|more) attention\b|"
            r"\bbe more (?:careful|diligent|vigilant|alert|attentive|responsible)\b|"
            r"\b(?:be|been|get|got) (?:warned|cautioned|counsell?ed|written up)\b|"
            r"\bretrained on\b|\b(?:warning letter|written warning|show[- ]cause notice)\b|"
            r"\bto be supervised\b|\breplace (?:him|her|them|(?-i:[A-Z][a-z]+)) with\b|"
            r"\bnext (?:review |appraisal |performance )?cycle\b|"
            r"\bmonitor the performance of\b|"
            r"\breferred to (?:human resources|hr)\b|\blearned by [^.!?\n]{1,20} personally\b|"
            r"\bconsequences will follow\b|\b(?:write|send|owes?) (?:an? )?apology to\b|"
            r"\baccountability\b[^.!?\n]{0,30}\bassigned to\b|"
            r"\b(?:access|privileges|rights) (?:will be|to be|be|have been) "
            r"(?:suspended|revoked) pending\b|\bcompetency (?:re-?)?assessment\b|"
            r"\bmonitor (?:(?-i:[A-Z][a-z]+)'s|his|her|their) work\b|\bwill be replaced as\b|"
            r"\b(?:conversation|word|talk|chat) (?:has been|was|will be|to be) had with\b|"
            r"\b(?:more|greater|better) (?:degree of )?ownership\b|"
            r"\bappraisal cycle\b|"
            r"\bperformance (?:appraisal|evaluation)s?\b",
            re.IGNORECASE,
        ),
        "an action aimed at a person, not the system",
        _const("Name an owner for the improvement instead"),
        # Rare words every match holds, at most `lookback` after its start.
        anchor=r"refresher training|remedial training|personnel file|formal reminder|"
        r"formal warning|formal reprimand|exercis|pay closer|pay more|be more|warned|"
        r"cautioned|counsel|written up|retrained on|warning letter|written warning|"
        r"cause notice|to be supervised|replace|cycle|monitor|referred to|personally|"
        r"consequences will|apology|accountability|suspended pending|revoked pending|"
        r"competency|will be replaced|had with|ownership|appraisal cycle|"
        r"performance appraisal|performance evaluation",
        lookback=40,
    ),
    Rule(
        "counterfactual",
        re.compile(
            r"(?:\bif (?:only )?[^,.!?\n]{1,60}\b(?:had|hadn'?t|had not)\b|^[ \t]*had\b|[.;][ \t]*had\b)"
            r"[^,.!?\n]{0,60},?[ \t]*"
            r"(?:(?:this|it|we|the(?: [a-z-]+){1,3})[ \t]+(?:would(?:n'?t| not| never)?|"
            r"could(?:n'?t| not)?)|(?:we|it)'d(?:[ \t]+(?:not|never))?)[ \t]+"
            r"(?:have[ \t]+)?(?:happen|avoided|prevented|caught|been|lasted|ended|stopped|"
            r"noticed|seen|detected|spotted|known|found|recovered|saved|taken|occur|"
            r"be here|be in this|be sitting here|be having this|missed|lost|needed|filled|"
            r"failed|crashed|broken|gone|run out)|"
            # The same the other way round: "we wouldn't be here if X had ..."
            r"\b(?:we|this|it)(?:[ \t]+[a-z-]+){0,2}[ \t]+(?:would(?:n'?t| not| never)|"
            r"could(?:n'?t| not))[ \t]+"
            r"[^,.!?\n]{1,60}\bif[ \t]+[^,.!?\n]{1,40}\b(?:had|hadn'?t|had not)\b|"
            r"\bif [^,.!?\n]{1,40}\b(?:actually|just|simply|only) [^,.!?\n]{1,60},?"
            r"[^.!?\n]{0,40}\bwould(?:n'?t| not| never)? (?:have|be (?:writing|here|in this))\b|"
            r"\b(?:we|it|this)(?: \w+){0,2} would have been (?:fine|ok|okay|alright)\b"
            r"[^.!?\n]{0,20}\bif\b",
            re.IGNORECASE | re.MULTILINE,
        ),
        "a counterfactual about what someone should have done",
        _const("Say what happened and what would make the safe outcome the default"),
        anchor=r"if |had|we |this |it ",
    ),
    Rule(
        "person-counterfactual",
        re.compile(
            r"\b(?P<lead>if)[ \t]+"
            + _WHO
            + r"(?P<verb>[ \t]+had|[ \t]+hadn'?t|[ \t]+had not|'d)\b[^.!?\n]{0,80}?"
            r"(?:\b(?:would|could)(?:n'?t| not| never)?[ \t]+|'d[ \t]+)"
            r"(?:(?:never|still|not|already)[ \t]+)?have\b",
            re.IGNORECASE,
        ),
        "a counterfactual about what a person should have done",
        _const("Say what happened and what would make the safe outcome the default"),
        needs_person=True,
        anchor=r"if\b",
        anchor_group="lead",
        lookback=0,
    ),
    Rule(
        "person-without",
        re.compile(
            r"\b" + _WHO + r"[ \t]+(?:\w+[ \t]+)?"
            # "Support asked for a way to ... without joining": a request
            r"(?!(?:asked|requested|suggested|proposed|wanted|needed|preferred|"
            r"offered|agreed|decided)\b)(?P<verb>\w+ed|ran|pushed|merged|"
            r"shipped|made|did|wrote|set|sent|put|took|gave|left|went|kept)\b"
            r"(?:[^.;!?\n]|\.(?=\d)){0,80}?"
            r"\b(?P<rest>without (?:first |even |ever |having )?\w+ing|without to \w+|by mistake|"
            r"by accident|instead of doing anything|"
            r"against (?:prod|production|the live \w+) instead of|"
            r"instead of (?:following|using|reading|checking|waiting|through|via)|"
            r"without (?:a |an |any )?(?:canary|review|tests?|approval|sign-?off|backup|"
            r"rollback plan|heads-up|second pair of eyes)|thinking|assuming)\b",
            re.IGNORECASE,
        ),
        "a person's action framed as a lapse",
        _const("Describe the step the process did not require, not the person"),
        needs_person=True,
        strict_person=True,
        anchor=r"without\b|by mistake\b|by accident\b|thinking\b|assuming\b|against\b|"
        r"instead of\b",
        anchor_group="rest",
    ),
    Rule(
        "on-a-person",
        re.compile(
            r"\b(?:(?:this|that|it|the)(?: whole| entire)?(?: one| outage| incident| failure|"
            r" issue| mess)?"
            r"(?:[ \t]+(?:is|was)|'s)[ \t]+(?:(?:all|entirely|squarely|completely|totally)[ \t]+)?"
            r"(?:(?P<on>on)|(?P<down2>down)[ \t]+to)|"
            r"(?:comes?|came|boils?|boiled)[ \t]+(?P<down>down)[ \t]+to)[ \t]+"
            + _WHO
            + r"(?P<verb>)\b(?:[ \t,;.]|$)",
            re.IGNORECASE,
        ),
        "puts the incident on a person",
        _const("Name the conditions that made the outcome likely"),
        needs_person=True,
        anchor=r"on\b|down\b",
        anchor_group="on down down2",
    ),
    Rule(
        "keep-away",
        re.compile(
            r"\b(?P<lead>make sure|ensure|see to it that|remind|tell|ask)[ \t]+(?:that[ \t]+)?"
            + _WHO
            + r"[ \t]+(?P<verb>doesn'?t|does not|never|won'?t|will not|can'?t|cannot|stops?|"
            r"to (?:be more careful|double-check|check|test|remember|pay attention|read)|"
            r"(?:actually |really )?(?:reads?|follows?|checks?|double-checks?|tests?|"
            r"pays attention|understands?))\b"
            r"(?P<act>[ \t]+(?:touch|go near|deploy|merge|push|approve|run|get|have))?",
            re.IGNORECASE,
        ),
        "an action item aimed at a person, not the system",
        _const("Change the system so the risky step needs a safeguard"),
        needs_person=True,
        strict_person=True,
        anchor=r"make sure|ensure|see to it|remind|tell|ask",
        anchor_group="lead",
        lookback=0,
    ),
    Rule(
        "person-failure-and",
        re.compile(
            r"\b"
            + _WHO
            + r"(?:[ \t]+(?:on|from|in) (?:the )?[\w-]+(?: team)?)?"
            + r"[ \t]+[^.;!?\n,]{1,50}?[ \t](?P<conj>and|but)[ \t]+(?:then[ \t]+)?"
            r"(?:(?:just|simply|also)[ \t]+)?(?P<verb>" + PERSONAL + r")\b",
            re.IGNORECASE,
        ),
        "a person as the subject of a failure",
        _const("Describe the event and what let it happen, not the person"),
        needs_person=True,
        strict_person=True,
        # The conjunction before a personal failure, not every "and".
        anchor=r"(?:and|but) (?:then )?(?:(?:just|simply|also) )?(?:" + PERSONAL + r")",
        anchor_group="conj",
    ),
    Rule(
        "person-passive",
        re.compile(
            r"\b(?P<lead>"
            + "|".join(_PASSIVE)
            + r")[ \t]+by[ \t]+"
            + _WHO
            + r"(?P<verb>)\b",
            re.IGNORECASE,
        ),
        "a person as the cause, in the passive",
        _const("Describe the event and what let it happen, not the person"),
        needs_person=True,
        strict_person=True,
        anchor="|".join(f"{verb} by" for verb in _PASSIVE),
        anchor_group="lead",
        lookback=0,
    ),
    Rule(
        "person-passive-without",
        re.compile(
            r"\b(?:pushed|merged|deployed|shipped|run|ran|applied|approved|changed|made|"
            r"dropped|deleted|edited|released)[ \t]+by[ \t]+"
            + _WHO
            + r"(?P<verb>)\b[^.;!?\n]{0,60}?"
            r"\b(?P<rest>without (?:first |even )?\w+ing|without (?:a |an |any )?"
            r"(?:canary|review|tests?|approval|sign-?off|backup|snapshot|rollback plan|"
            r"heads-up|second pair of eyes))\b",
            re.IGNORECASE,
        ),
        "a person's action framed as a lapse",
        _const("Describe the step the process did not require, not the person"),
        needs_person=True,
        strict_person=True,
        anchor=r"without\b",
        anchor_group="rest",
    ),
    Rule(
        "fault-by-person",
        re.compile(
            r"\b(?P<lead>(?:fault|mistake|error|screw-?up|blunder|oversight|lapse|slip(?:-?up)?|"
            r"negligence|inattention|carelessness|deletion|omission|misconfiguration|"
            r"mishandling|breach))(?:[ \t]+of[ \t]+[^.;!?\n]{1,40}?)?[ \t]+"
            r"(?:(?:was|were|is|has been)[ \t]+(?:made|done|committed)[ \t]+|"
            r"(?:made[ \t]+)?(?:is[ \t]+)?)"
            r"(?:coming[ \t]+)?(?:by|of|from|on the part of)[ \t]+"
            + _WHO
            + r"(?P<verb>)\b",
            re.IGNORECASE,
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
        needs_person=True,
        strict_person=True,
        anchor=r"fault|mistake|error|screw|blunder|oversight|lapse|slip|negligence|"
        r"inattention|carelessness|deletion|omission|misconfiguration|mishandling|breach",
        anchor_group="lead",
        lookback=0,
    ),
    Rule(
        "person-responsible",
        re.compile(
            r"\b"
            + _WHO
            + r"[ \t]+(?P<verb>is|was|are|were)[ \t]+(?:(?:directly|solely|personally|"
            r"fully|entirely)[ \t]+)?(?P<lead>responsible) for[ \t]+(?:the|this|that|our)[ \t]+"
            r"(?:[\w-]+[ \t]+)?(?:outage|incident|failure|downtime|breach|data loss|mess|"
            r"problem|breakage)\b|"
            r"\b(?P<lead2>(?i:root cause|the cause|culprit|the problem|the issue))[ \t]+"
            r"(?:is|was)[ \t]+"
            r"(?P<who2>whoever|someone|somebody|the[ \t]+(?:[a-z]+[ \t]+)?(?:intern|new hire|"
            r"dba|engineer|operator|reviewer|contractor|developer|admin|on-?call)|"
            r"[^\W\d_][\w-]*)(?:'s)?\b|"
            r"\bthe (?P<who3>person|engineer|one|people) (?:who|which|that) [^.!?\n]{1,60}\b"
            r"(?P<lead3>(?:is|was|are|were) (?:responsible|to blame|at fault))",
        ),
        "puts the incident on a person",
        _const("Name the conditions that made the outcome likely"),
        needs_person=True,
        strict_person=True,
        anchor=r"responsible|root cause|the cause|culprit|the problem|the issue|is to blame|"
        r"was to blame|"
        r"is at fault|was at fault|is responsible|was responsible",
        anchor_group="lead lead2 lead3",
    ),
    Rule(
        "person-habit",
        re.compile(
            r"\b(?P<lead>[Cc]lassic|[Tt]ypical)[ \t]+"
            + _WHO
            + r"(?P<verb>)\b(?![ \t]*'s)|"
            r"\b(?P<lead2>another)[ \t]+(?P<who2>[A-Z][a-z]+)[ \t]+special\b|"
            r"\b(?P<lead3>(?:second|third|fourth|fifth|\w+th) time)[ \t]+(?P<who3>\w+)[ \t]+"
            r"(?:has|had|did)\b|"
            r"\b(?P<lead4>pattern of)[ \t]+"
            + _TITLE
            + r"(?P<who4>"
            + ROLES
            + r"|[^\W\d_][\w'-]*)[ \t]+\w+ing\b",
            re.IGNORECASE,
        ),
        "makes the incident about a person's habits",
        _const("Describe the event and what let it happen, not the person"),
        needs_person=True,
        strict_person=True,
        anchor=r"classic|typical|another|second time|third time|fourth time|fifth time|"
        r"time|pattern of",
        anchor_group="lead lead2 lead3 lead4",
        lookback=0,
    ),
    Rule(
        "person-would-have",
        re.compile(
            r"\bby[ \t]+"
            + _WHO
            + r"(?P<verb>)[ \t]+(?P<lead>would)(?:n'?t| not)?[ \t]+have[ \t]+"
            r"(?:prevented|avoided|caught|stopped|saved)\b",
            re.IGNORECASE,
        ),
        "a counterfactual about what a person should have done",
        _const("Say what happened and what would make the safe outcome the default"),
        needs_person=True,
        strict_person=True,
        anchor=r"would",
        anchor_group="lead",
    ),
    Rule(
        "why-person",
        re.compile(
            r"\b(?P<lead>why)[ \t]+(?:on earth[ \t]+|the hell[ \t]+)?(?:did|didn'?t)[ \t]+"
            + _WHO
            # "Why did the team need to ask?", "... not get paged?": states
            + r"[ \t]+(?!(?:not[ \t]+)?(?:need|get|have|receive|see|hear|know|want|"
            r"expect)\b)(?P<verb>[a-z]+)\b(?![ \t]+not\b)|"
            r"\b(?P<lead2>did)[ \t]+(?P<who2>you|he|she|they)[ \t]+(?:seriously[ \t]+|"
            r"really[ \t]+|just[ \t]+|actually[ \t]+)?(?:skip|forget|ignore|miss|break|"
            r"delete|drop|not)\b",
            re.IGNORECASE,
        ),
        "asks why a person acted, not what made it reasonable",
        _const("What made this the reasonable thing to do at the time?"),
        needs_person=True,
        strict_person=True,
        anchor=r"why|did",
        anchor_group="lead lead2",
        lookback=0,
    ),
    Rule(
        "person-had",
        re.compile(
            r"(?:^|[.;!?][ \t]*)(?P<lead>[Hh]ad)[ \t]+"
            + _WHO
            + r"(?P<verb>)[ \t]+[^,.!?\n]{1,80},[^.!?\n]{0,80}?"
            r"(?:\b(?:would|could)(?:n'?t| not)?[ \t]+|'d[ \t]+)"
            r"(?:(?:never|still|not)[ \t]+)?have\b",
            re.MULTILINE,  # "^" at each line's start, not only the text's
        ),
        "a counterfactual about what a person should have done",
        _const("Say what happened and what would make the safe outcome the default"),
        needs_person=True,
        anchor=r"had",
        anchor_group="lead",
    ),
    Rule(
        "person-lapse",
        re.compile(
            r"\b(?P<who>[^\W\d_][\w-]*)'s[ \t]+(?P<lead>" + _LAPSES + r")\b(?P<verb>)|"
            r"\b(?P<lead2>failure|problem|mistake|issue)(?: here)? (?:is|was) "
            r"(?P<who2>[^\W\d_][\w-]*) not \w+ing\b",
            re.IGNORECASE,
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
        needs_person=True,
        strict_person=True,
        anchor=_LAPSES.strip("(?:)") + "|failure|problem|mistake|issue",
        anchor_group="lead lead2",
        role_nouns=True,
    ),
    Rule(
        "person-lapse",
        # "a failure on the part of Mr Adebayo", "complacency on the part of ops"
        re.compile(
            r"\bon the part of[ \t]+"
            + _TITLE
            + r"(?P<who>"
            + ROLES
            + r"|those involved|"
            r"the individuals?(?: involved)?|[^\W\d_][\w-]*)\b(?P<verb>)",
            re.IGNORECASE,
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
        needs_person=True,
        strict_person=True,
        anchor="on the part of",
        lookback=0,
    ),
    Rule(
        "blame",
        re.compile(r"\b(?<!un)blam(?:e|ed|es|ing)\b(?!less)", re.IGNORECASE),
        "talks about blame",
        _const("Describe the system conditions, not who is to blame"),
        anchor=r"blam",
        lookback=0,
    ),
]

_TECHNICAL = re.compile(
    r"\bfault[- ](?:injection|tolerance|tolerant|domain|line|isolation|detection|code)s?\b|"
    r"\berror (?:budget|rate|code|handling|message)s?\b|\bgit blame\b",
    re.IGNORECASE,
)


_TECHNICAL_WORDS = [("fault", False), ("error", False), ("git blame", True)]


def _technical_spans(text: str, words: _Words | None) -> list[tuple[int, int]]:
    """Where "fault injection", "error budget" and the like are: found by
    their first word, since a case-blind regex over the text scans slowly."""
    if words is None:
        return [m.span() for m in _TECHNICAL.finditer(text)]
    spans = []
    for start, _ in words.hits(_TECHNICAL_WORDS):
        if found := _TECHNICAL.match(text, start):
            spans.append(found.span())
    return spans


_CALENDAR = {
    *["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    *["january", "february", "march", "april", "may", "june", "july", "august"],
    *[
        "september",
        "october",
        "november",
        "december",
        "call",
        "prod",
        "production",
        "staging",
    ],
}


def _is_person(word: str, participants: set[str]) -> bool:
    lowered = word.lower().removesuffix("'s")
    # "I assumed the canary covered it, so I didn't check": an account of
    # one's own reasoning is what a retrospective asks for.
    if lowered in _STOP_STARTS or lowered in _CALENDAR or lowered == "i":
        return False
    return (
        word[:1].isupper() or lowered in participants or bool(_ROLE.fullmatch(lowered))
    )


def _person_ok(rule: Rule, match: re.Match[str], participants: set[str]) -> bool:
    groups = match.groupdict()
    who = next(
        (groups[g] for g in ("who", "who2", "who3", "who4") if groups.get(g)), ""
    )
    verb = (match.group("verb") or "").lower()
    role = _ROLE.fullmatch(who) is not None or bool(
        rule.role_nouns and _ROLE.fullmatch("the " + who)
    )
    named = who.lower().removesuffix("'s") in participants
    # "make sure Mateo doesn't touch ...": an act only people do, so any name.
    strict = rule.strict_person and not match.groupdict().get("act")
    if strict or re.fullmatch(SHARED, verb, re.IGNORECASE):
        return role or named  # "The job missed its window" is not a person
    return role or named or _is_person(who, participants)


# A person's action that follows the procedure or helps is not a lapse:
# "Keiko deleted the stuck pods as the runbook describes".
_HELPFUL = re.compile(
    r"\b(?:as (?:the )?runbook|per (?:the )?runbook|"
    r"(?<!instead of )(?<!without )following the runbook|as planned|"
    r"as agreed|as documented|to (?:restore|recover|mitigate|unblock)\b|"
    r"which (?:restored|fixed|stopped|resolved|cleared|unblocked|recovered|freed)|"
    r"once (?:we|they|he|she|it was) (?:confirmed|verified|checked)|"
    r"to (?:stop|prevent|protect|contain|reduce|limit|run|investigate|test)\b|"
    r"because (?:the|it|its|a|an|our)\b|per the \w+|during the maintenance|"
    r"for the maintenance|maintenance window|"
    r"after (?:confirming|verifying|checking|approval|sign-?off|review)|"
    r"after handing (?:it |things )?over|so (?:that )?(?:we|they|the \w+) could\b|"
    r"(?:was|were|seemed) (?:reasonable|justified|sensible|the right call)\b|"
    r"(?<!have )(?:caught|prevented|saved) the\b|"
    r"since the \w+ (?:was|were) already\b|while the \w+ (?:was|were) (?:being )?\w+ed\b|"
    r"broke [^.,;!?\n]{0,40}\b(?:into|down into|up into)\b|"
    r"(?:deleted|dropped|removed|wiped) (?:the |all |some )?(?:[\w-]+ )?"
    r"(?:stale|duplicate|orphaned|stuck|expired|unused|leftover|old|temp|temporary|"
    r"obsolete|deprecated|redundant)\b)",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"[.;!?\n]")
_THEN_TO = re.compile(r"[ \t]+to\b", re.IGNORECASE)


# Lapses no reason undoes: "ignored the alert because it looked noisy".
_NO_EXCUSE = re.compile(r"(?:ignored|forgot|neglected|overlooked|disregarded)\b", re.I)


def _helpful(text: str, match: re.Match[str]) -> bool:
    """Does the person's action follow the procedure or help? From the verb
    on, but the verb's own "to" ("forgot to run the suite") is no purpose."""
    start = match.start("verb") if "verb" in match.re.groupindex else -1
    if start < 0:
        return bool(_HELPFUL.search(text, match.start(), _end(text, match)))
    if _NO_EXCUSE.match(match.group("verb")):
        return False
    own_to = -1
    if match.group("verb").lower().endswith(" to"):
        own_to = match.end("verb") - 2
    elif after := _THEN_TO.match(text, match.end("verb")):
        own_to = after.end() - 2
    return any(
        found.start() != own_to
        for found in _HELPFUL.finditer(text, start, _end(text, match))
    )


# How far past its anchor a match (and its sentence) is looked at.
_REACH = 240


def _end(text: str, match: re.Match[str]) -> int:
    """The end of the sentence `match` is in (or _REACH past it)."""
    limit = min(len(text), match.end() + _REACH)
    found = _CLAUSE_END.search(text, match.end(), limit)
    return found.start() if found else limit


_LITERAL = set("abcdefghijklmnopqrstuvwxyz0123456789 '-")


def _split_top(source: str) -> list[str] | None:
    """`a|b(?:c|d)|e` -> ['a', 'b(?:c|d)', 'e']; None for a class or escape
    this reader does not follow."""
    parts, depth, start, at = [], 0, 0, 0
    while at < len(source):
        char = source[at]
        if char == "\\" or char == "[":
            # Skip an escape or a class whole; neither holds a top-level "|".
            if char == "\\":
                at += 2
                continue
            close = source.find("]", at + 2)
            if close < 0:
                return None
            at = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:at])
            start = at + 1
        at += 1
    parts.append(source[start:])
    return parts


def _start_words(source: str) -> set[str] | None:
    """The literal text every match of `source` starts with, one per way it
    can start ("didn'?t|(?:was|were) not" -> {"didn", "was", "were"}), or
    None where a match may start with something else."""
    alternatives = _split_top(source)
    if alternatives is None:
        return None
    found: set[str] = set()
    for alternative in alternatives:
        if alternative.startswith("(?:"):
            depth, at = 1, 3
            while depth and at < len(alternative):
                depth += (alternative[at] == "(") - (alternative[at] == ")")
                at += 1
            at -= 1  # at the ")" that closes the group
            if alternative[at + 1 : at + 2] in ("?", "*", "{"):
                return None  # an optional group: the match may start later
            inner = _start_words(alternative[3:at])
            if inner is None:
                return None
            found |= inner
            continue
        prefix = ""
        for at, char in enumerate(alternative):
            if char not in _LITERAL:
                break
            if alternative[at + 1 : at + 2] in ("?", "*", "{"):
                break  # this character is optional: the prefix ends before it
            prefix += char
        if not prefix.strip() or not prefix[0].isalpha():
            return None
        found.add(prefix)
    return found


def _literal_hits(
    lower: str, literals: list[tuple[str, bool]]
) -> list[tuple[int, int]]:
    """Where the words start at a word boundary (and end at one if asked),
    as `\\b(?:word|...)` would find them, in order."""
    hits = []
    size = len(lower)
    find = lower.find
    for word, bounded in literals:
        length = len(word)
        at = find(word)
        while at >= 0:
            # A word character: alphanumeric or an underscore, as \w reads it.
            before = lower[at - 1] if at else " "
            if not (before.isalnum() or before == "_"):
                end = at + length
                after = lower[end] if bounded and end < size else " "
                if not (after.isalnum() or after == "_"):
                    hits.append((at, end))
            at = find(word, at + 1)
    return sorted(set(hits))


_WORD_RUN = re.compile(r"\w+")


class _Words:
    """Where each word of the lower-cased text starts. Rules look their
    anchor words up here: finding each of some 600 anchor words with
    str.find scanned a long text 600 times, most of lint's time."""

    def __init__(self, lower: str) -> None:
        self.lower = lower
        at: dict[str, list[int]] = {}
        for run in _WORD_RUN.finditer(lower):
            word = run.group()
            if word in at:
                at[word].append(run.start())
            else:
                at[word] = [run.start()]
        self.at = at
        self.sorted = sorted(at)

    def hits(self, literals: list[tuple[str, bool]]) -> list[tuple[int, int]]:
        """The same as _literal_hits(self.lower, literals)."""
        lower, at, size = self.lower, self.at, len(self.lower)
        found = []
        for literal, bounded in literals:
            head = _WORD_RUN.match(literal)
            if head is None:
                return _literal_hits(lower, literals)
            first = head.group()
            whole = len(first) == len(literal)
            if whole and not bounded:  # "negligen" finds "negligent"
                index = bisect_left(self.sorted, first)
                words = []
                while index < len(self.sorted) and self.sorted[index].startswith(first):
                    words.append(self.sorted[index])
                    index += 1
            else:  # the word's run ends where the literal's first word does
                words = [first] if first in at else []
            length = len(literal)
            for word in words:
                for start in at[word]:
                    if not whole and not lower.startswith(literal, start):
                        continue
                    end = start + length
                    if bounded and end < size:
                        after = lower[end]
                        if after.isalnum() or after == "_":
                            continue
                    found.append((start, end))
        return sorted(set(found))


# A rule whose matches start this close to the anchor is tried only at the
# word starts there, not at every character: "who who who ..." pasted into a
# field took seconds.
_NEAR = 32
_WORD_START = re.compile(r"\b\w")


def _match_at_words(
    rule: Rule, text: str, window: int, hit: int, end: int
) -> re.Match[str] | None:
    starts = [w.start() for w in _WORD_START.finditer(text, window, hit)]
    for start in [*starts, hit]:
        match = rule.pattern.match(text, start, end)
        if match is None:
            continue
        if rule.anchor_group:
            groups = (match.start(group) for group in rule.anchor_group.split())
            if max(groups) == hit:
                return match
        elif match.start() <= hit < match.end():
            return match
    return None


def _matches(rule: Rule, text: str, words: _Words | None) -> Iterable[re.Match[str]]:
    """The rule's matches, looked for only around its anchor words: the
    person rule would otherwise try a name at every word of the text."""
    if not rule.anchor:
        yield from rule.pattern.finditer(text)
        return
    lower = words.lower if words is not None else None
    if words is not None and rule.literals is not None:
        hits = words.hits(rule.literals)
    elif words is not None and rule.prefixes is not None:
        anchor = rule.anchor_lower
        hits = [
            (start, found.end())
            for start, _ in words.hits(rule.prefixes)
            if (found := anchor.match(words.lower, start))
        ]
    elif lower is not None:
        hits = ((hit.start(), hit.end()) for hit in rule.anchor_lower.finditer(lower))
    else:  # lower-casing changed the length: positions would not match
        hits = ((hit.start(), hit.end()) for hit in rule.anchor_any_case.finditer(text))
    seen = -1
    for hit_start, hit_end in hits:
        # Bounded both ways: a pasted paragraph is one long line, and
        # scanning to its ends from every anchor grew with its square.
        back = hit_start - rule.lookback
        window = max(text.rfind("\n", max(0, back), hit_start) + 1, back, 0)
        end = text.find("\n", hit_end, hit_end + _REACH)
        end = min(len(text), hit_end + _REACH) if end < 0 else end
        if rule.lookback <= _NEAR:
            found = _match_at_words(rule, text, window, hit_start, end)
            if found is not None and found.start() > seen:
                seen = found.start()
                yield found
            continue
        for match in rule.pattern.finditer(text, window, end):
            if match.start() > hit_start:
                break  # later matches belong to later anchors
            if match.start() <= seen:
                continue
            if rule.anchor_group:
                starts = (match.start(group) for group in rule.anchor_group.split())
                if max(starts) != hit_start:  # the one group that took part
                    continue
            elif not match.start() <= hit_start < match.end():
                continue
            seen = match.start()
            yield match


# "What were you weighing when you chose to wait?": the question the
# method asks, not an accusation.
_QUESTION_START = re.compile(
    r"[ \t]*what (?:trade-?offs|options|information|signals|context|constraints|"
    r"(?:did|were) (?:you|they|we) (?:know|see|weigh|consider))",
    re.IGNORECASE,
)


def _open_question(text: str, match: re.Match[str], names: set[str]) -> bool:
    start = match.start()
    line_start = text.rfind("\n", 0, start) + 1
    marks = [text.rfind(mark, line_start, start) for mark in ".!?"]
    sentence = max([line_start, *(m + 1 for m in marks if m >= 0)])
    if not _QUESTION_START.match(text, sentence):
        return False
    end = _CLAUSE_END.search(text, start)
    return bool(end and text[end.start()] == "?")


_YET = re.compile(r"\b(?:yet|so far)\b", re.IGNORECASE)
_BLAME_WORDS = re.compile(r"\bto blame\b|\bat fault\b", re.IGNORECASE)
_NEGATOR = re.compile(
    r"\b(?!(?:without|no) doubt\b|not only\b)"
    r"(?:not|no|never|without|nor|isn'?t|aren'?t|wasn'?t|rather than|instead of|"
    r"beyond|avoid|avoids|avoiding)\b(?:(?!\bbut\b)[^.;!?,:\u2014\n]){0,40}$|"
    # "the phrase 'human error'": a word mentioned, not used
    r"\b(?:phrase|term|word|words|label|wording)[ \t]+['\"\u2018\u201c]?$",
    re.IGNORECASE,
)
_NEGATED_AFTER = re.compile(
    r"['\"\u2019\u201d]?[ \t]+(?:is|was|are|would|will|should|must|does|did)"
    r"(?: not|n't| never| rarely| seldom)\b|"
    r"[ \t]+is (?:a|only a|just a|never a) (?:starting point|symptom|label|prompt)\b",
    re.IGNORECASE,
)
# "not ..., but to understand": the contrast that keeps the negation.
_BUT = re.compile(
    r"[^.;!?\n]{0,40}\bbut\b(?![ \t]+(?:to|rather|on|about|how|what|why|instead|"
    r"in|at|for|the|a|an|we|i|let|let's|it|this|that|our|there)\b)",
    re.IGNORECASE,
)


def _negated(text: str, match: re.Match[str], names: set[str]) -> bool:
    """ "It is not the purpose of this review to assign blame", "No
    disciplinary action is proposed", "Human error is not accepted as a root
    cause": these say blame is not the point. "Not blaming anyone, but ..."
    still blames."""
    start, end = match.span()
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60) : start]
    if _BUT.match(text, end):
        return False
    return bool(_NEGATOR.search(before) or _NEGATED_AFTER.match(text, end))


# "Had the latency alert been configured ..., we would have been paged":
# a counterfactual about a system is how the method asks for improvements.
_SYSTEM_SUBJECT = re.compile(
    r"\b(?:had|if)[ \t]+(?P<subject>(?:the|a|an|our|this|that|its)[ \t]+[\w -]{1,40}?)"
    r"[ \t]+(?:had[ \t]+)?been\b",
    re.IGNORECASE,
)


def _about_a_system(text: str, match: re.Match[str], names: set[str]) -> bool:
    subject = _SYSTEM_SUBJECT.search(match.group())
    return subject is not None and not _names_a_person(subject.group("subject"), names)


def _names_a_person(words: str, names: set[str]) -> bool:
    """Is this noun phrase a person: a participant, or a role as its head
    ("the on-call engineer", not "the on-call dashboard")?"""
    parts = words.split()
    if any(word.lower() in names for word in parts):
        return True
    return bool(
        _ROLE.fullmatch(words) or (parts and _ROLE.fullmatch("the " + parts[-1]))
    )


# "The scheduler should have retried the writes": what a system was built
# to do. "The config should have been updated" still judges someone, and so
# does "The surgeon should have checked": only what systems do is exempt.
_SYSTEM_SHOULD = re.compile(
    r"(?:(?:^|[.;:!?,][ \t]+)[ \t]*(?P<subject>(?:the|our|its|this|that|which|what)[ \t]+"
    r"[\w -]{1,40}?)"
    r"|\b(?P<pronoun>it|which))[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SYSTEM_ACT = re.compile(
    r"[ \t]+(?:have[ \t]+)?(?:shown|retried|alerted|fired|paged|failed over|rejected|"
    r"blocked|caught|detected|triggered|returned|logged|flagged|warned|timed out|scaled|"
    r"drained|rolled back|sent|included|covered|kept|stopped|throttled|queued|refused|"
    r"reported|displayed|validated|checked for|matched|expired|rotated|renewed|"
    r"restarted|recovered|switched|routed|cached|synced|notified)\b",
    re.IGNORECASE,
)


def _system_should(text: str, match: re.Match[str], names: set[str]) -> bool:
    if not match.group().lower().startswith(("should", "ought")):
        return False  # the branches about people: "a more careful engineer ..."
    start = match.start()
    line_start = text.rfind("\n", 0, start) + 1
    subject = _SYSTEM_SHOULD.search(text, max(line_start, start - 60), start)
    if subject is None or not _SYSTEM_ACT.match(text, match.end()):
        return False
    return not _names_a_person(subject.group("subject") or "", names)


def _not_yet(text: str, match: re.Match[str], names: set[str]) -> bool:
    """ "nobody has looked into that yet": a gap to fill, not a lapse."""
    return bool(_YET.search(text, match.end(), _end(text, match)))


def _blame_negated(text: str, match: re.Match[str], names: set[str]) -> bool:
    return bool(_BLAME_WORDS.search(match.group())) and _negated(text, match, names)


def _should_exempt(text: str, match: re.Match[str], names: set[str]) -> bool:
    return _negated(text, match, names) or _system_should(text, match, names)


# Matches a rule leaves alone, by rule id (every rule of that id): each
# answers "is this match one of the rule's known neutral shapes?".
_EXEMPT: dict[str, Callable[[str, re.Match[str], set[str]], bool]] = {
    "blame": _negated,
    "accountable": _negated,
    "human-error": _negated,
    "should-have": _should_exempt,
    "fault": _blame_negated,
    "counterfactual": _about_a_system,
    "nobody-noticed": _not_yet,
    "person-failure": _open_question,
}


_HANDLE = {"handle", "aka", "nick", "nickname", "alias", "username", "login"}
_NOT_A_NAME = {
    *("the", "from", "of", "and", "team", "on", "at", "in", "for", "with"),
    *("mr", "ms", "mrs", "miss", "mx", "dr", "prof"),
}


_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u202f": " "})


def participant_names(participants: Iterable[str]) -> set[str]:
    """The words of each participant's name, lower-case: "Priya Nair (SRE)"
    gives priya and nair, since formal text says "Ms Nair". Only the first
    word and capitalised ones count: "Sam from the DB team" is Sam."""
    found = set()
    for participant in participants:
        words = [w.strip(",.;:'\"@") for w in participant.split("(")[0].split()]
        words = [w for w in words if len(w) > 1 and w[0].isalpha()]
        for at, word in enumerate(words):
            if word.lower() in _NOT_A_NAME or (word.isupper() and len(word) > 1 and at):
                continue
            # "Kezia Obi, handle kez": chat lines use the handle
            handle = at and words[at - 1].lower() in _HANDLE
            if at == 0 or word[0].isupper() or handle:
                found.add(word.lower())
    return found


def lint(
    text: str, participants: Iterable[str] = (), *, tone: ToneModel | None = None
) -> list[Finding]:
    """Every finding in `text`, with 1-based line and column positions.

    Each rule runs once over the whole text (patterns never cross a
    newline), several times faster than every rule on every line. `tone`
    replaces the shipped word-statistics model (for cross-validation).
    """
    names = participant_names(participants)
    # Typographic apostrophes and no-break spaces read as plain ones; one
    # character for one, so every position stays the same.
    text = text.translate(_PLAIN)
    lower = text.lower()
    # Lower-casing can change a text's length ("İ"): positions would differ.
    words = _Words(lower) if len(lower) == len(text) else None
    technical = _technical_spans(text, words)
    technical_starts = [a for a, _ in technical]
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    found: list[Finding] = []
    for rule in RULES:
        for match in _matches(rule, text, words):
            start, end = match.span()
            # Inside "fault injection", "error budget" and the like?
            # (a span starting before the match's end that ends after its start)
            at = bisect_right(technical_starts, end - 1) - 1
            if at >= 0 and start < technical[at][1]:
                continue
            if rule.needs_person and not _person_ok(rule, match, names):
                continue
            exempt = _EXEMPT.get(rule.id)
            if exempt is not None and exempt(text, match, names):
                continue
            if rule.needs_person and _helpful(text, match):
                continue
            if rule.id == "person-failure":
                end = match.end("verb")
            found.append(_finding(text, starts, start, end, rule, match))
    found += _person_negative(text, words, starts, names, {f.line for f in found})
    flagged = {f.line for f in found}
    found += _tone(text, lower, starts, names, flagged, tone or shipped_tone(), words)
    found.sort(key=lambda f: (f.line, f.column))
    return found


# A line that opens with a participant or a role ("09:14 <mika> ..." too)
# and goes on to say that something went wrong. The widest check, so it
# needs both, and it looks only at lines no other rule has flagged.
_LEAD = re.compile(
    r"[ \t]*(?:\[[^\]\n]*\][ \t]*|<[^>\n]*>[ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]*)*@?"
    + _WHO,
    re.IGNORECASE,
)
_NEGATIVE_RE = re.compile(r"\b(?:" + _NEGATIVE + r")\b", re.IGNORECASE)
_STATE = re.compile(
    r"[ \t]+(?:have|had|get|got|receive|received|see|saw|seen|hear|heard|know|knew|on|in|"
    r"paged|need|"
    r"notified|told|informed|given|added|included|available|aware|able|yet)\b",
    re.IGNORECASE,
)
# "could not reproduce" says what was possible, not what someone failed at.
_UNABLE = re.compile(
    r"\b(?:could|can|would|will|may|might|need|needs|needed|has|have)[ \t]+not\b",
    re.IGNORECASE,
)
_PREDICATE_START = re.compile(
    r"[ \t]+(?:\w+ly[ \t]+)?(?:(?:was|were|is|are|has|have|had|did|does|do|never|kept|"
    r"ran|went|left|took|made|let|sent|put|got|gave|broke|forgot|saw|came|began|"
    r"brought|chose|knew|thought|told|said|could|would|should)\b|\w+n't\b|\w+ed\b|"
    r"\w+s\b)",
    re.IGNORECASE,
)
_OWN_PREDICATE = re.compile(
    r"(?![ \t]+(?:confirmed|noticed|found|saw|asked|reported|observed|noted|said|"
    r"checked|verified|explained|mentioned|suggested|thought|realised|realized|"
    r"discovered|spotted|flagged|warned|wrote|posted|replied|learned|heard|says|tells|"
    r"asks|writes|replies|notes|suggests|mentions|explains|confirms|reports)\b)"
    r"(?:[ \t]+[^ \t.;!?\n]+){1,4}",
    re.IGNORECASE,
)
_NEGATIVE_WORDS = [
    (word.removesuffix("s?"), not word.endswith("s?")) for word in _NEGATIVE.split("|")
]
_PERSON_NEGATIVE = Rule(
    "person-negative",
    _LEAD,
    "a person as the subject of something that went wrong",
    _const("Make the system the subject: what happened, and what allowed it?"),
)


def _person_negative(
    text: str,
    words: _Words | None,
    starts: list[int],
    names: set[str],
    flagged: set[int],
) -> list[Finding]:
    found = []
    done = set(flagged)
    # Only lines that say something went wrong are looked at (most do not).
    if words is not None:
        cues = [at for at, _ in words.hits(_NEGATIVE_WORDS)]
    else:
        cues = [m.start() for m in _NEGATIVE_RE.finditer(text)]
    for cue_at in cues:
        line = bisect_right(starts, cue_at)
        if line in done:
            continue
        done.add(line)
        offset = starts[line - 1]
        lead = _LEAD.match(text, offset)
        if lead is None:
            continue
        who = lead.group("who")
        if who.lower() not in names and not _ROLE.fullmatch(who):
            continue
        # "The contractor onboarding checklist does not ...": the person
        # is not the subject unless a verb follows.
        if not _PREDICATE_START.match(text, lead.end()):
            continue
        limit = min(len(text), lead.end() + _REACH)
        sentence_end = _CLAUSE_END.search(text, lead.end(), limit)
        stop = sentence_end.start() if sentence_end else limit
        # The person's own predicate: "Kwame never ...", not "Priya
        # confirmed the fix did not regress" (a report of what was seen).
        own = _OWN_PREDICATE.match(text, lead.end(), stop)
        if own is None or _HELPFUL.search(text, offset, stop):
            continue
        cue = _NEGATIVE_RE.search(text, lead.end(), own.end())
        if cue is None or _UNABLE.search(text, lead.end(), cue.end()):
            continue
        if _STATE.match(text, cue.end()):  # "was not paged", "did not have access"
            continue
        if _TECHNICAL.search(text, offset, stop):
            continue
        found.append(
            _finding(text, starts, lead.start("who"), cue.end(), _PERSON_NEGATIVE, lead)
        )
    return found


_TONE = Rule(
    "blame-tone",
    re.compile(""),
    "reads as blame on a person",
    _const("Describe what happened and what made it possible, not who did it."),
)
# A sentence ends at . ! or ? before a space (not inside "v1.2").
# Where a sentence ends: a run of . ! ? before a space. Found at the start
# of each run only, so a line of 30,000 dots stays linear.
_SENTENCE_END_RUN = re.compile(r"(?<![.!?])[.!?]++(?=\s)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")


def _sentences(line: str) -> list[tuple[int, int]]:
    """The spans of a line's sentences, without their outer spaces."""
    spans, start = [], 0
    for end_mark in [*_SENTENCE_END_RUN.finditer(line), None]:
        end = end_mark.end() if end_mark else len(line)
        piece = line[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if piece.strip(" \t.!?"):
            spans.append((start + left, start + right))
        start = end
    return spans


@cache
def shipped_tone() -> ToneModel:
    from retrotui.model.tone_weights import BIAS, THRESHOLD, WEIGHTS

    return ToneModel(BIAS, WEIGHTS, THRESHOLD)


# "He didn't have permission, so he escalated": what someone lacked, as
# the rules read "did not have access" (see _STATE).
_REPORTED_STATE = re.compile(
    r"\b(?:did|does|do|had|has|have|was|were)(?:n't|n\u2019t| not) (?:have|get|"
    r"receive|see|know|hear|been (?:paged|told|given|added|invited|notified))\b",
    re.IGNORECASE,
)


def _tone(
    text: str,
    lower: str,
    starts: list[int],
    names: set[str],
    flagged: set[int],
    model: ToneModel,
    words_index: _Words | None = None,
) -> list[Finding]:
    """Sentences that read as blame by their words, on lines no rule flagged;
    a helpful or technical sentence is left alone, as the rules leave it."""
    found: list[Finding] = []
    if not model.weights:  # the rules alone (for measuring them)
        return found
    lines = text.split("\n")
    lowered = lower.split("\n") if len(lower) == len(text) else None
    naming: set[int] | None = None
    if words_index is not None:  # the lines that hold a person's word
        naming = {
            bisect_right(starts, at)
            for word in gate_words(names)
            for at in words_index.at.get(word, ())
        }
    for number, line in enumerate(lines, start=1):
        # Most lines name no one or are one sentence: a line's words are
        # read once for both.
        if number in flagged or (naming is not None and number not in naming):
            continue
        if lowered is None:
            words = tokens(line, names)
        else:
            words = lower_tokens(lowered[number - 1], names)
        if not mentions_person(words):
            continue
        several = bool(_SENTENCE_BREAK.search(line))
        if several:
            spans = _sentences(line)
        elif model.weigh(words) <= model.threshold:
            continue
        else:
            spans = [(len(line) - len(line.lstrip()), len(line.rstrip()))]
        for start, end in spans:
            sentence = line[start:end]
            if several:  # each sentence scored on its own words
                score = model.score(sentence, names)
                if score is None or score <= model.threshold:
                    continue
            if _HELPFUL.search(sentence) or _TECHNICAL.search(sentence):
                continue
            if _REPORTED_STATE.search(sentence):
                continue
            offset = starts[number - 1]
            cues = ", ".join(f'"{cue}"' for cue in model.cues(sentence, names))
            message = f"{_TONE.message} ({cues})" if cues else _TONE.message
            found.append(
                Finding(
                    number,
                    start + 1,
                    end + 1,
                    _TONE.id,
                    message,
                    _TONE.suggest(None),
                    text[offset + start : offset + end],
                )
            )
            break  # one finding a line, as the person-negative check gives
    return found


def _finding(
    text: str, starts: list[int], start: int, end: int, rule: Rule, match: re.Match[str]
) -> Finding:
    """A finding for text[start:end], with 1-based line and columns."""
    line = bisect_right(starts, start)
    offset = starts[line - 1]
    return Finding(
        line,
        start - offset + 1,
        end - offset + 1,
        rule.id,
        rule.message,
        rule.suggest(match),
        text[start:end],
    )


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
