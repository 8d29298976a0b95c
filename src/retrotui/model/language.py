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
from functools import cached_property

ROLES = (
    r"(?:the|a|an|our|their)(?: [a-z-]+)? (?:intern|new hire|dba|on-?call(?: engineer)?|reviewer|"
    r"developer|dev|engineer|sre|operator|admin|author|tester|qa team|contractor|team|"
    r"developers|devs|engineers|reviewers|testers|operators|admins|folks|people|"
    r"vendor|supplier|partner|third party|manager|lead|approver|analyst|architect|person|"
    r"team member|supervisor|help ?desk|service desk|staff|crew|shift)|"
    r"[a-z-]+ team|"
    r"the on-?call(?: engineer| person)?|support|ops|qa|eng|engineering|infra|networking|"
    r"devops|someone|somebody|whoever|the team|management|leadership|it staff|"
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
    r"(?:does not|doesn'?t) (?:respect|follow|bother|care|read|listen)|"
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
    r"picked|chose|selected|opened|uploaded|applied|configured|sent|rolled) "
    r"(?:[\w-]+ ){0,3}(?:(?:against|to|on|in|from) )?the wrong|"
    r"(?:can'?t|cannot|could ?n'?t|could not)(?: even)? (?:follow|read|be trusted)|"
    r"let (?:a|an|the) (?:broken|bad|buggy|faulty|untested) |"
    r"messed up|screwed up|pushed (?:an? |the )?(?:[\w-]+ )?(?:bad|broken|faulty|buggy|untested)|"
    r"botched|fat-?fingered|was careless|were careless|"
    r"never (?:looked|checked|tested|read|followed up|replied|responded|acknowledged|escalated)|"
    r"never (?:noticed|passed on|told|mentioned|warned|informed)|"
    r"skipped|let [^.,;!?\n]{1,30} slip|rubber-?stamped|waved [^.,;!?\n]{1,30} through|"
    r"slept through|sat on|brushed off|fumbled|shrugged off|mislabell?ed|misread|misjudged|"
    r"(?:was|were)(?:n'?t| not) paying attention"
)
# Failures systems have too ("the job missed its window"): flagged only after
# a participant's name or a role.
SHARED = (
    r"broke|missed|deleted|dropped(?! (?:into|in|by|off|out)\b)|overwrote|wiped|failed to|"
    r"caused|took down|brought down|overrode|bypassed|hard-?coded|did nothing|rushed|"
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
    r"(?:rushed|hasty|sloppy|careless|botched|reckless|half-baked|inability|"
    r"attitude|obsession|lack of|incompetence|unwillingness|refusal|insistence|"
    r"haste|impatience|arrogance|laziness)"
)
# "ignored by Bruno": done to the system by a person.
_PASSIVE = [
    *["ignored", "disregarded", "overlooked", "neglected", "botched", "mishandled"],
    *["snoozed", "dismissed", "muted", "skipped", "missed", "dropped", "deleted"],
    *["wiped", "broken", "broke", "caused", "misconfigured", "fat-fingered"],
    "fatfingered",
]
_NAME = r"(?P<who>(?:[^\W\d_][\w'-]*)|" + ROLES + r")"
_WHO = r"(?P<who>" + ROLES + r"|[^\W\d_][\w'-]*)"  # a role, tried first
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
            r"\b(?:could|might)(?:[ \t]+have|'ve)[ \t]+(?:just|simply)\b",
            re.IGNORECASE,
        ),
        '"should have" judges with hindsight',
        _const("Our process did not make this the default; what would have?"),
        anchor=r"should|ought|could|might",
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
            + r")(?: [\w-]+)? (?:not|never)\b|"
            r"\b(?:nobody|no one|no-one|not (?:a single|one) (?:person|one|engineer|of us)|"
            r"none of us)(?: [^.,;!?\n]{1,30}?)? (?:noticed|bothered|checked|caught|read|looked|"
            r"acted|responded|spoke up|said anything|did anything|"
            r"could be bothered|cared|thought to|took the time|bothered to|watching|"
            r"monitoring|paying attention)\b|"
            r"\bcould(?:n'?t| not) be bothered\b|"
            r"\b(?:nobody|no one)(?: [^.,;!?\n]{1,30}?)? took [^.,;!?\n]{1,40} seriously\b",
            re.IGNORECASE,
        ),
        "asks who failed to notice",
        _const("What would have made this visible sooner?"),
        anchor=r"why|how|nobody|no one|no-one|could|not a single|not one|none of us",
        lookback=0,
    ),
    Rule(
        "human-error",
        re.compile(
            r"\bhuman errors?\b|\b(?:operator|engineer|admin|developer) (?:errors?|mistakes?)\b"
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
            r"nice of (?:someone|somebody|whoever) to|"
            r"knew better|should know better|not cut out for|cut(?:ting|s)? corners|"
            r"so-called [\"“']|how hard (?:is|was|can) it (?:really )?to (?:check|read|look|"
            r"follow|ask|test|notice|remember)\b|you managed to\b|"
            r"(?:treats?|treated|uses?|used) \w+ as a rubber[- ]stamp|"
            r"(?:is|are|'s|'re) (?:always|constantly|forever) (?:rushing|forgetting)|"
            r"keeps? (?:shipping broken|forgetting)|"
            r"ha(?:s|ve|d) a (?:history|habit|track record) of (?:cutting|ignoring|rushing|"
            r"forgetting)|which is typical of (?:him|her|them)|"
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
        r"told|listened|typical of|whoever",
    ),
    Rule(
        "fault",
        re.compile(
            r"\b(?:(?:his|her|their|my|your|someone'?s|somebody'?s|[A-Z][a-z]+'s)[ \t]+"
            r"(?:fault|mistake|screw-?up|error|failure to|oversight|lapse|slip-?up|blunder|"
            r"inattention|negligence|carelessness|sloppiness))\b|"
            r"\bwhose (?:fault|mistake|screw-?up)\b|\bat fault\b|\bto blame\b|"
            r"\b(?:fault|blame|responsibility) (?:lies|lay|rests|rested) (?:squarely |entirely )?"
            r"with\b|"
            r"\b(?:his|her|someone'?s|somebody'?s)[ \t]+" + _LAPSES + r"\b|"
            r"\b(?:mistake|error|fault|screw-?up) (?:was|is) (?:all )?(?:his|hers|theirs|"
            r"[A-Z][a-z]+'s)(?!\w)|"
            r"\b(?:it was|it's|it is) (?:[A-Z][a-z]+'s|his|her|their) (?:job|responsibility|"
            r"duty) to\b|\bon (?:his|her|their|[A-Z][a-z]+'s) watch\b|"
            r"\bfailed in (?:his|her|their) (?:duty|responsibility|job)\b|"
            r"\bnot my (?:team's )?problem\b|\bowes [^.!?\n]{0,30}an apology\b|"
            r"\b(?:mistake|error|fault) on (?:the )?[\w-]+'s side\b",
        ),
        "assigns fault to a person",
        _const("Name the decision and what made it reasonable at the time"),
        anchor=r"fault|mistake|screw|error|failure to|oversight|lapse|slip|blunder|blame|"
        r"inattention|negligence|carelessness|sloppiness|responsibility|rushed|hasty|"
        r"sloppy|careless|botched|reckless|half-baked|inability|attitude|obsession|"
        r"lack of|incompetence|unwillingness|refusal|s job|his job|her job|their job|"
        r"duty|s watch|his watch|her watch|their watch|not my|owe|insistence|haste|"
        r"impatience|arrogance|laziness|failure|problem|issue",
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
            r"(?:(?<![a-z] )|(?<=out )|(?<=know )|(?<=ask )|(?<=lol )|(?<=so ))"
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
            r"\b(?:we all|everyone|everybody) knows? who\b|"
            r"\bname who\b",
            re.IGNORECASE,
        ),
        "looks for the person, not the gate",
        _const("Which review step let this class of change through?"),
        anchor=r"who|which",
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
        "counterfactual",
        re.compile(
            r"(?:\bif (?:only )?[^,.!?\n]{1,60}\b(?:had|hadn'?t|had not)\b|^[ \t]*had\b|[.;][ \t]*had\b)"
            r"[^,.!?\n]{0,60},?[ \t]*"
            r"(?:(?:this|it|we|the(?: [a-z-]+){1,3})[ \t]+(?:would(?:n'?t| not| never)?|"
            r"could(?:n'?t| not)?)|(?:we|it)'d(?:[ \t]+(?:not|never))?)[ \t]+"
            r"(?:have[ \t]+)?(?:happen|avoided|prevented|caught|been|lasted|ended|stopped|"
            r"noticed|seen|detected|spotted|known|found|recovered|saved|taken|occur|"
            r"be here|be in this|missed|lost|needed)|"
            # The same the other way round: "we wouldn't be here if X had ..."
            r"\b(?:we|this|it)(?:[ \t]+[a-z-]+){0,2}[ \t]+(?:would(?:n'?t| not| never)|"
            r"could(?:n'?t| not))[ \t]+"
            r"[^,.!?\n]{1,60}\bif[ \t]+[^,.!?\n]{1,40}\b(?:had|hadn'?t|had not)\b|"
            r"\bif [^,.!?\n]{1,40}\b(?:actually|just|simply|only) [^,.!?\n]{1,60},?"
            r"[^.!?\n]{0,40}\bwould(?:n'?t| not| never)? (?:have|be (?:writing|here|in this))\b|"
            r"\b(?:we|it|this)(?: \w+){0,2} would have been (?:fine|ok|okay|alright)\b"
            r"[^.!?\n]{0,20}\bif\b",
            re.IGNORECASE,
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
            r"\b" + _WHO + r"[ \t]+(?:\w+[ \t]+)?(?P<verb>\w+ed|ran|pushed|merged|"
            r"shipped|made|did|wrote|set|sent|put|took|gave|left|went|kept)\b"
            r"(?:[^.;!?\n]|\.(?=\d)){0,80}?"
            r"\b(?P<rest>without (?:first |even |ever )?\w+ing|without to \w+|by mistake|"
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
            r"negligence|inattention|carelessness))[ \t]+(?:made[ \t]+)?(?:is[ \t]+)?"
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
        r"inattention|carelessness",
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
            r"(?:has|had|did)\b",
        ),
        "makes the incident about a person's habits",
        _const("Describe the event and what let it happen, not the person"),
        needs_person=True,
        strict_person=True,
        anchor=r"classic|typical|another|second time|third time|fourth time|fifth time|"
        r"time",
        anchor_group="lead lead2 lead3",
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
            r"\b(?P<lead>why)[ \t]+(?:on earth[ \t]+|the hell[ \t]+)?did[ \t]+"
            + _WHO
            + r"[ \t]+(?P<verb>[a-z]+)\b|"
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
    r"\berror (?:budget|rate|code|handling|message)s?\b",
    re.IGNORECASE,
)


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
    if lowered in _STOP_STARTS or lowered in _CALENDAR:
        return False
    return (
        word[:1].isupper() or lowered in participants or bool(_ROLE.fullmatch(lowered))
    )


def _person_ok(rule: Rule, match: re.Match[str], participants: set[str]) -> bool:
    groups = match.groupdict()
    who = groups.get("who") or groups.get("who2") or groups.get("who3") or ""
    verb = (match.group("verb") or "").lower()
    role = _ROLE.fullmatch(who) is not None
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
    r"since the \w+ (?:was|were) already\b|while the \w+ (?:was|were) (?:being )?\w+ed\b|"
    r"broke [^.,;!?\n]{0,40}\b(?:into|down into|up into)\b|"
    r"(?:deleted|dropped|removed|wiped) (?:the |all |some )?(?:[\w-]+ )?"
    r"(?:stale|duplicate|orphaned|stuck|expired|unused|leftover|old|temp|temporary|"
    r"obsolete|deprecated|redundant)\b)",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"[.;!?\n]")


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


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _literal_hits(
    lower: str, literals: list[tuple[str, bool]]
) -> list[tuple[int, int]]:
    """Where the words start at a word boundary (and end at one if asked),
    as `\\b(?:word|...)` would find them, in order."""
    hits = []
    for word, bounded in literals:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word(lower[at - 1])) and (
                not bounded or end == len(lower) or not _is_word(lower[end])
            ):
                hits.append((at, end))
            at = lower.find(word, at + 1)
    return sorted(set(hits))


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


def _matches(rule: Rule, text: str, lower: str | None) -> Iterable[re.Match[str]]:
    """The rule's matches, looked for only around its anchor words: the
    person rule would otherwise try a name at every word of the text."""
    if not rule.anchor:
        yield from rule.pattern.finditer(text)
        return
    if lower is not None and rule.literals is not None:
        hits = _literal_hits(lower, rule.literals)
    elif lower is not None and rule.prefixes is not None:
        anchor = rule.anchor_lower
        hits = [
            (start, found.end())
            for start, _ in _literal_hits(lower, rule.prefixes)
            if (found := anchor.match(lower, start))
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
    lower = text.lower()
    for rule in RULES:
        for match in _matches(rule, text, lower if len(lower) == len(text) else None):
            start, end = match.span()
            # Inside "fault injection", "error budget" and the like?
            at = bisect_right(technical_starts, start) - 1
            if at >= 0 and start < technical[at][1]:
                continue
            if rule.needs_person and not _person_ok(rule, match, names):
                continue
            if rule.needs_person and _HELPFUL.search(text, start, _end(text, match)):
                continue
            if rule.id == "person-failure":
                end = match.end("verb")
            found.append(_finding(text, starts, start, end, rule, match))
    found += _person_negative(text, lower, starts, names, {f.line for f in found})
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
    r"[ \t]+(?:have|had|get|got|receive|received|see|saw|hear|heard|on|in|paged|"
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
    r"discovered|spotted|flagged|warned|wrote|posted|replied|learned|heard)\b)"
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
    text: str, lower: str, starts: list[int], names: set[str], flagged: set[int]
) -> list[Finding]:
    found = []
    done = set(flagged)
    # Only lines that say something went wrong are looked at (most do not);
    # str.find over the lower-case text finds them fastest.
    if len(lower) == len(text):
        cues = [at for at, _ in _literal_hits(lower, _NEGATIVE_WORDS)]
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
