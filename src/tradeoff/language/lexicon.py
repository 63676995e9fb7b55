"""The words that make a claim a reason, an alternative, a cost, a hedge or a sizing.

One lexicon for the reviewer and the interviewer, so they never disagree about what a
candidate said. Each pattern is narrow on purpose: "ensures", "guarantees" and "allows"
are claims of a property, not reasons, and "over 5 years" is not a rejected alternative.
"""

from __future__ import annotations

import re

from tradeoff.language.literals import SCREEN, fold

# ", so 116 writes/s" introduces the figure a rate works out to, not why anything was
# chosen; ", so 6 replicas suffice" draws a decision from a figure and gives its reason: a
# figure after "so" is a reason only when its clause goes on to a verb of its own.
_NOT_A_DERIVED_FIGURE = (
    r"(?!\s+(?:about |roughly |around |approximately |approx\. |~|≈)?[$€£]?\d"
    r"(?!(?:(?![,.;:]\s)[^;()\n])*?\b(?:suffices?|suffice|is|are|was|were|will|would|can"
    r"|could|should|must|fits?|needs?|handles?|covers?|keeps?|stays?|leaves?|gives?|means"
    r"|enough|safe|plenty|comfortably|easily)\b))"
)
# A reason clause says why: the cause, the purpose, or the consequence that justifies it.
REASON = re.compile(
    r"(?=[,abcdefghijlmnoprstw])(?:"  # first characters (see "First characters" below)
    # ", so the system can replay" after a parenthesis: the comma has no word boundary
    # before it there, so it is matched outside the group that needs one.
    r",\s+so\b(?!\s+(?:far|much|many|long|on)\b)"
    + _NOT_A_DERIVED_FIGURE
    # "since the epoch" counts time from a point, as "since 2020" does; so does "since a"
    # and a name masked by the caller ("since a QQQQQQ." for "since a custom epoch."), a
    # clause with no verb of its own.
    + r"|\b(because|since(?!\s+(?:\d|then|v\d|launch|inception|day one|the start"
    r"|(?:an? |the )?(?:custom |unix |fixed |chosen )?epoch"
    r"|(?:an? |the )?Q{4,}\s*(?:[.;,)]|$)))|so that"
    r"|in order to|due to|given that|as a result|that way|this way|thus|therefore|hence"
    r"|otherwise|which (?:fits|means|gives|lets|keeps|avoids|makes|cuts|bounds|spreads"
    r"|removes|reduces|matches|suits|caps)|that (?:lets|avoids|bounds|caps)"
    # "that keeps" is a reason when it says what it keeps a thing as ("a TTL that keeps the
    # cache small"), not what a part holds ("a service that keeps the latest position").
    r"|that keeps (?:[\w-]+ ){1,4}?(?:small|bounded|warm|fresh|consistent|low|under|below"
    r"|fast|cheap|in sync|safe|stable|short|alive|available|hot|busy|sorted|ordered)\b"
    r"|this (?:keeps|lets|avoids|means|bounds|caps|gives|spreads|removes|reduces|prevents"
    r"|eliminates|isolates|decouples|protects|saves|frees|halves|spares|simplifies|absorbs)"
    r"|to (?:avoid|keep|prevent|reduce|cut|handle|absorb|protect|survive|spread|bound|cap"
    r"|limit|isolate|amortize|amortise|decouple|smooth|minimi[sz]e|maximi[sz]e|stay|fit"
    r"|tolerate|recover|detect|serve|guarantee|achieve|fix|repair|catch)"
    # "x so the y" gives a reason; a sentence opening "So a user..." only takes the floor.
    # A label that says its text is the reason: "Rationale: ...", "*Justification:* ...",
    # "Pros: ..." (a column or heading so named is read the same way: REASON_COLUMN).
    r"|the reason|(?:reasons?|rationale)\s*:|(?:justification|pros|benefits?|advantages?)\s*:"
    # "presigned saves us running 110 Gbit/s of upload servers": the benefit that chose it.
    r"(?=\W*\w)|lets us|saves? (?:us|you)\b"
    r"|(?<=[\w)] )so (?:we|the|it|each|a|an|that|reads|writes|no|every|clients"
    r"|users|only|one|there|this|they|two|both|neither|nothing|none|servers|nodes|callers"
    r"|duplicates|retries)\b|means (?:that|we|the|a|each|no)"
    # "so consumers can replay", "so the workers never block": a subject of any name (the
    # caller masks concept names, so "consumers" reads "QQQQQQQQQ") with a modal after it
    # is a consequence clause, whatever the subject is called. One word, or one after a
    # determiner: "so big it never fits" is a degree, not a consequence.
    r"|(?<=[\w)] )so (?!(?:far|much|many|long|on|as)\b)"
    r"(?:(?:the|each|all|our|its|their|every|other|both|these|those) )?[\w-]+ (?:can(?:not|'t)?"
    r"|will|won't|never|always|only|don't|do not|need not|no longer|stay|stays|keep|keeps)\b"
    # ... and a subject of several words that goes on to what it never (or always) does:
    # "separate topics per priority so login codes never wait behind a campaign" says what
    # the choice guarantees. ("It was so slow it never finished": after a copula "so" says
    # how much, not why.)
    r"|(?<=[\w)] )(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!\bbeen )"
    r"so (?!(?:far|much|many|long|on|few|little)\b)(?:[a-z-]+ ){1,3}?"
    r"(?:never|always|cannot|can't|won't|don't|doesn't|do not|does not|stays?)\b"
    r"|why\b"
    # What a part offers, tied to what the design does with it: "allows payload filtering
    # (which we use for RBAC)".
    r"|\bwhich we (?:use|need|rely on)\b"
    # ... and what the design needs it for: "pre-filters on metadata before the ANN
    # search, which is critical for ACL enforcement".
    r"|\bwhich (?:is|are) (?:critical|essential|crucial|vital|needed|required) (?:for|to)\b"
    # What makes an option suit its use: "billions of rows ... makes a distributed KV store
    # a better fit for the hot path".
    r"|\b(?:better|best|good|natural|great) fit for\b"
    # The gain a choice buys, set against the cost just said: "adds ~100 ms of latency, but
    # reduces hallucination by ...". ("but it is slower" is the cost, not the gain.)
    r"|\bbut (?:it |this |that )?(?:significantly |greatly |much |sharply )?(?:reduces|cuts"
    r"|improves|avoids|prevents|eliminates|saves|lowers|halves|boosts)\b"
    # The gain an option has over the one named beside it: "Smaller (384-dim) reduces
    # storage and retrieval latency vs. 1024-dim", as "cheaper than" below.
    r"|\b(?:reduces|cuts|lowers|halves|saves|improves|boosts|speeds up)\b[^.;:]{1,60}?"
    r"\b(?:vs\.?|versus|compared (?:to|with))\s"
    # A merit set against a named option is the reason for the option it praises: "self-
    # hosted, cheaper than hosted at our volume", "cheaper to use spot instances than
    # reserved ones"; against a figure ("p99 faster than 200 ms") it is a target.
    r"|\b(?:better|cheaper|faster|simpler|safer|easier) to [\w/ -]{2,80}? than\b"
    r"|(?:better|cheaper|faster|simpler|safer|easier|more (?:reliable|secure)) than"
    r"(?!\s*(?:~|≈|about |around |roughly |under |over )?[$€£]?\d)))",
    re.I,
)
# A purpose that is the document's, not the design's: "Internal load balancers are not
# shown to reduce clutter", "To avoid repeating discussions, refer to ...".
ABOUT_THE_TEXT = re.compile(
    r"\bto (?:reduce|avoid) (?:clutter|repeating discussions|repetition)\b|\bfor brevity\b", re.I
)
# A sentence that opens by pointing back at the one before it and says why it holds or what
# it costs: "This keeps the app servers stateless.", "The reason is the write-heavy load.",
# "That is because ...", "This split lets us scale writes.". A careful reader reads it as the
# reason of the sentence before it, not as a claim of its own. The property verbs (ensures,
# guarantees, allows, enables, provides) stay out, as in REASON.
BACK_REASON = re.compile(
    # ... after a "Note:" label of its own: "*Note: This means the count is eventually
    # consistent but highly available.*"
    r"^\W*(?:(?:note|nb|n\.b\.)\W*:\W*)?"
    r"(?:(?:this|that|these|doing so)(?:\s+[\w-]+){0,2}?\s+(?:keeps|lets|avoids|means"
    r"|bounds|caps|gives|spreads|removes|reduces|prevents|eliminates|isolates|decouples"
    r"|protects|saves|frees|cuts|halves|spares|simplifies|absorbs|matters because|is why"
    r"|costs|adds|complicates)\b"
    r"|(?:this|that|it)(?:'s| is| was) (?:because|why|so that)\b"
    r"|the (?:main |key |only |whole )?reasons? (?:is|are|being|for this|here)\b|reason:)",
    re.I,
)
BACK_REASON_STEMS = ("this", "that", "these", "doing so", "it", "reason")
# A sentence that opens "Instead," and says what is done in place of what the sentence
# before it rejected: "Celebrities do not push. Instead, their posts are pulled at read time."
SETS_AGAINST = re.compile(r"^\W*instead\s*,", re.I)
# A label that opens a claim and names the role of what follows it: the reason, the cost or
# the rejected alternative of the decision it is listed with ("*Justification:* ...",
# "Trade-off: ...", "Cons: ...", "*Alternative*: ...").
ROLE_LABEL = re.compile(
    r"^\W*(justification|rationale|reasons?|why|pros|benefits?|advantages?|trade-?offs?"
    r"|cons|downsides?|drawbacks?|flaws?|weakness(?:es)?|alternatives?(?: considered)?"
    r"|rejected)\W*:(?=\W*\w)",
    re.I,
)
# The mark of the option a comparison table chose: a column headed "Hybrid (chosen)" over
# columns for the others, or a row "**Token bucket (chosen)**" over rows for the others.
CHOSEN = re.compile(r"\((?:chosen|selected|our choice|recommended|picked)\)|\u2705", re.I)
# Two quantities set side by side ("Lua calls take 50 ms instead of 1 ms", "minutes instead
# of milliseconds"): a comparison of numbers, not an option rejected.
QUANTITIES_COMPARED = re.compile(
    r"(?:\d[\d.,]*\s*[a-zµ%]*|\b(?:milli)?seconds|\bminutes|\bhours|\bdays)\s+instead of\s+~?"
    r"(?:\d|(?:milli)?seconds\b|minutes\b|hours\b|days\b)",
    re.I,
)
# "ensures", "guarantees" and "allows" state a property; alone they are not a reason.
PROPERTY_VERBS = re.compile(r"\b(ensures?|guarantees?|allows?|enables?|provides?)\b", re.I)
# A property verb whose object is a bare quality ("which ensures correctness", "Guarantees
# high availability."), ending its clause: it claims the goal and says nothing of how the
# choice reaches it, so a heading or a column named "Rationale" does not make it a reason.
_PRAISE = (
    r"(?:(?:highly|very|extremely|infinitely|massively|always|super|really)\s+)?"
    r"(?:scalable|available|reliable|fast|robust|flexible|resilient|performant|popular|mature"
    r"|proven|battle-tested)"
)
EMPTY_PROPERTY = re.compile(
    r"\b(?:ensures?|ensuring|guarantees?|guaranteeing|provides?|providing|enables?|gives?)\s+"
    r"(?:(?:high|higher|better|strong|stronger|full|complete|total|data|system|overall|its"
    r"|the|our|maximum|good|great|low|lower)\s+){0,2}(?:correctness|reliability|consistency"
    r"|scalability|availability|durability|integrity|performance|security|safety|robustness"
    r"|resilience|fault[- ]tolerance|accuracy|efficiency|quality|stability|fairness|latency"
    r"|speed)\b\s*(?:[.;|]|$)"
    # A product praised in general, with nothing of this design's need: "goes into Cassandra
    # because it is highly scalable and always available", "because Kafka can handle
    # basically unlimited throughput".
    r"|\bbecause\s+(?:it|they|[A-Z][\w.-]+)\s+(?:is|are)\s+"
    + _PRAISE
    + r"(?:\s+and\s+"
    + _PRAISE
    + r")?\s*(?:[.;|]|$)"
    r"|\bcan handle (?:basically |virtually |practically |almost )?(?:unlimited|infinite"
    r"|any amount of)\b",
    re.I,
)

ALTERNATIVE = re.compile(
    # "Instead, ..." opening a sentence sets its choice against what the one before it said.
    r"(?:^\W*|[.;:!?]\W*\s)instead\s*,"
    r"|\b(instead of|rather than|vs\.?|versus|compared (?:to|with)|as opposed to|unlike"
    r"|we (?:considered|rejected|ruled out|dropped|avoided)|rejected|ruled out"
    r"|alternatives? (?:is|are|was|were|would be|considered)|alternative:"
    r"|(?:better|cheaper|faster|simpler|safer|slower|worse) than"
    # The comparative split by what is done: "it is cheaper to use spot instances than to
    # pay for reserved ones"; and the option a question turns down: "*Why not NoSQL?*".
    r"|(?:better|cheaper|faster|simpler|safer|easier) to [\w/ -]{2,80}? than\b"
    r"|why not [\w./+-]+(?: [\w./+-]+){0,3}\?"
    r"|(?:chose|choose|choosing|pick|picked|picking|prefer|preferred|favou?r|use|using"
    r"|went with|go with)\s+[\w./+-]+(?:\s+[\w./+-]+){0,3}\s+over\s+(?!time\b|the network"
    r"|http|tcp|udp|\d))",
    re.I,
)
# A choice written as a label over its explanation, as trade-off lists are: "Canvas over
# DOM: DOM cells cannot keep 60 fps ...", "A conditional update instead of a lock per show:
# two customers picking different seats never wait". The label names the option kept and
# the one turned down; what follows the colon says why. "X over Y" opens such a label only
# under a heading about decisions: "Chat over WebSocket:" elsewhere names a transport. The
# option turned down may take articles: "Bloom filter over an exact set in a database:".
_OVER_LABEL = re.compile(
    r"^\W*[\w./+-]+(?:\s+[\w./+-]+){0,4}\s+over\s+[\w./+-]+(?:\s+[\w./+-]+){0,6}\s*:"
)
DECISIONS_HEADING = re.compile(
    r"trade-?offs?|decisions?|choices|alternatives|why (?:this|these)|rationale", re.I
)
_AFTER_COLON_COST = re.compile(
    r"^\W*(?:the (?:cost|price|downside|drawback)|costs?\b|downsides?|drawbacks?|cons?\b|at the"
    r" (?:cost|expense|price))",
    re.I,
)


_TURNED_DOWN = re.compile(r"\b(?:instead of|rather than)\b", re.I)


def weighs_in_a_label(text: str, heading: str) -> tuple[bool, bool]:
    """(alternative, reason) of a choice written "A over B: why" or "A instead of B: why".

    The label before the first colon must turn an option down ("instead of", "rather than",
    "over" under a decisions heading) and the text after it must say something of its own
    (four words or more) that is not only the cost.
    """
    colon = text.find(": ")
    if colon <= 0:
        return False, False
    label, rest = text[:colon], text[colon + 2 :]
    turned_down = bool(
        _TURNED_DOWN.search(label)
        or (DECISIONS_HEADING.search(heading) and _OVER_LABEL.match(text[: colon + 1]))
    )
    if not turned_down:
        return False, False
    explained = len(rest.split()) >= 4 and _AFTER_COLON_COST.match(rest) is None
    return True, explained


# A heading that sets two options against each other, after any section number and topic
# label: "4.1 Dense vs. Hybrid Search", "Storage: SQL vs. NoSQL", "Push versus pull".
_HEADING_SIDES = re.compile(
    r"^\W*(?:[\dA-Za-z]{1,3}(?:\.\d+)*[.)]?\s+)?(?:[^:]{1,40}:\s+)?"
    r"(?P<a>[\w/+-]+)(?:\s+[\w/+-]+){0,3}?\s+(?:vs\.?|versus)\s+(?P<b>[\w/+-]+)",
    re.I,
)
# A claim that says it is the decision: "Decision: Use hybrid search.", "Chosen: push."
_SAYS_DECISION = re.compile(
    r"^\W*(?:final )?(?:decision|choice|chosen|our choice|we pick|selected|recommendation)\W*:"
    r"\s*(?P<rest>.*)",
    re.I,
)


def picks_a_side(text: str, heading: str) -> bool:
    """Whether a claim labelled as the decision picks one of the two options its heading sets
    against each other: "Decision: Use hybrid search." under "Dense vs. Hybrid Search" turns
    dense search down, as "hybrid over dense" would. The option is known by the first word
    of its side, and only the decision's own sentence counts (its labelled parts name both
    options as they weigh them); a decision naming both sides, or neither ("Decision: a
    recursive splitter" under "Fixed vs. Semantic"), picks none of them."""
    decision = _SAYS_DECISION.match(text)
    sides = _HEADING_SIDES.match(heading) if decision is not None else None
    if decision is None or sides is None:
        return False
    first, second = sides.group("a").lower(), sides.group("b").lower()
    if first == second:
        return False
    said = set(re.findall(r"[\w/+-]+", decision.group("rest").split(". ", 1)[0].lower()))
    return (first in said) != (second in said)


# Column headers that make a table row a comparison or a justification.
ALTERNATIVE_COLUMN = re.compile(
    r"\b(alternatives?|rejected|instead|vs|option b|considered|rather than|why not)", re.I
)
REASON_COLUMN = re.compile(
    r"\b(why|reasons?|rationale|because|justification|pros|benefits?|advantages?|upsides?"
    r"|gains?)\b",
    re.I,
)
COST_COLUMN = re.compile(
    r"\b(costs?|downsides?|trade-?offs?|cons|drawbacks?|risks?|price|we give up)\b", re.I
)

COST = re.compile(
    r"\b(at the (?:cost|expense|price) of|downsides?|drawbacks?|the (?:cost|price) is"
    r"|costs? (?:us|more|extra)|(?:we|i) accept|accepting|accepted|in exchange"
    r"|the trade-?off (?:is|here)|trade-?off:"
    r"|cons?:|flaws?:|weakness(?:es)?:|penalty|overhead|more expensive"
    r"|extra (?:hop|round trip|latency|storage|cost)"
    r"|adds? (?:\w+ )?(?:latency|complexity|a hop|cost|a round trip|operational|load)"
    r"|harder to|(?:this|that|it) complicates\b"
    r"|(?:is|are|gets?|becomes?) (?:expensive|costly|slower)|throughput (?:will )?drops?"
    r"|at the risk of"
    # Two sides weighed in one verb: "4-6 second segments balance cache granularity with
    # switching responsiveness", "trades freshness against load".
    r"|\b(?:balanc|trad)(?:e|es|ing) [\w\s-]{3,40}? (?:with|against|for)\b"
    # "can drop requests" loses them; "latency can drop further" is a gain.
    r"|(?:can|may|might|could|will) (?:lose|serve stale|be stale|miss|double"
    r"|drop(?!\s+(?:further|to|by|below|under|significantly|sharply|dramatically|\d)))"
    # Staleness accepted, not the staleness a choice averts ("a short TTL to limit stale
    # data" states the purpose of the TTL and no price paid for it).
    r"|lose up to|(?<!limit )(?<!limits )(?<!avoid )(?<!avoids )(?<!prevent )(?<!prevents )"
    r"(?<!reduce )(?<!reduces )(?<!minimi[sz]e )(?<!no )(?<!without )"
    r"stale (?:for|by|reads?|data)|weaker consistency|eventually consistent"
    r"|the catch|we give up|gives up|sacrific|worst case|at most (?:\d|one|a|an|two|a few)\b"
    r"|but (?:it|this|that|we) (?:costs?|adds?|means|loses?|needs?|requires?|risks?)"
    # The subject left out: "lower per-query cost, but requires GPU infrastructure", and a
    # cost said with its own adjective: "at a slight accuracy cost".
    r"|but (?:also )?(?:requires|needs|adds|introduces|increases|costs|loses|risks)\b"
    r"|at an? (?:[\w-]+ ){0,2}cost\b)",
    re.I,
)


def may_hold(text: str, stems: tuple[str, ...]) -> bool:
    """Whether `text` may match a pattern each of whose matches holds one of `stems` (lower
    case): a substring test lets most claims skip the pattern. Exact for ASCII text; other
    text may hold letters that re.I folds and `lower()` does not ("ſ" for "s"), so it is
    searched."""
    if not text.isascii():
        return True
    lowered = text.lower()
    for stem in stems:  # noqa: SIM110 (a loop is twice as fast as any() over a generator)
        if stem in lowered:
            return True
    return False


# A word of every alternative of HEDGE (or of what must follow it).
HEDGE_STEMS = ("depend", "any", "either", "both", "all", "tbd", "determined", "chosen", "confirmed",
               "pick", "choose", "decide", "select", "finali", "up to the", "whichever",
               "no strong preference", "settle", "worked out", "figured out", "sorted out",
               "left to", "left for", "left until", " or use")  # fmt: skip
HEDGE = re.compile(
    r"\b(depends on (?:the )?(?:use case|use-case|requirements|needs|workload|team|context"
    r"|situation|scale|specific)|it depends\b(?!\s+on\s+(?:a|an|the)\s+\w+\s+(?:that|which))"
    r"|any (?:of [^.;?]{1,60}? )?(?:would|will|could|can) (?:work|do)"
    r"|either (?:one |option |choice )?(?:would|will|could|can) (?:work|do)"
    r"|(?:would|will|could) all (?:work|do)\b(?!\s+(?:a|an|the)\b)"
    r"|all (?:of (?:them|these|those) |three |the options )?(?:would|will|could) (?:work|do)"
    r"\b(?!\s+(?:a|an|the)\b)"
    r"|both (?:are|would be) (?:good|fine|valid|viable|great|reasonable)(?: choices| options)?"
    r"|both (?:would |will |can |could )?work (?:well|fine|equally)"
    r"|\btbd\b|to be (?:decided|determined|chosen|confirmed)"
    r"|(?:can|could|will) be (?:chosen|decided|picked|determined|selected|finali[sz]ed) later"
    # Deferred to the build, without naming any option: "the choice of store can be settled
    # during implementation", "is left to implementation".
    r"|(?:can|could|will|may) be (?:chosen|decided|picked|determined|selected|finali[sz]ed"
    r"|settled|worked out|figured out|sorted out) (?:later|during (?:implementation|development"
    r"|the build)|at implementation(?: time)?|in implementation)"
    r"|(?:is|are|be) left (?:to|for|until) (?:the )?(?:implementation|implementers?|build)"
    r"|(?:the team|teams|we|you) (?:can|could|may) (?:pick|choose|decide|select)"
    r"(?: later| once| when| based)|up to the (?:team|implementer|implementation)"
    r"|whichever (?:is|fits|the team)|no strong preference|either way works"
    # Two ways offered and none taken: "the pool can be partitioned per instance or use a
    # distributed lock" says what could be done, not what this design does.
    # (A term the claim names is masked as "QQQ" before this is searched.)
    r"|\b(?:can|could|may) (?:be (?:\w+ed|split|set|kept|built|run|held|spread|Q+)|use)\b"
    r"(?:\([^()]{0,80}\)|[^.;?()]){0,80}?\bor use\b)",
    re.I,
)

DEFERRED_STEMS = ("later", "if ne", "future", "down the road", "eventually", "someday",
                  "when we need", "as needed")  # fmt: skip
# "Later" defers work as an adverb ("we can shard later"); after an article it is a time
# within the mechanism ("skipped until a later pass", "the later write wins"), and "later
# than" compares two times.
DEFERRED = re.compile(
    r"\b((?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bany )(?<!\bsome )later(?! than)|if needed"
    r"|if necessary|in the future|down the road|eventually(?! consistent)|someday|when we need"
    r"|as needed|future work)\b",
    re.I,
)

# First characters. A pattern searched in most claims opens with a lookahead for the
# characters its matches start with: "(?=[\d~≈ap])" before QUANTITY. Python's `re` skips
# ahead by itself only for a pattern that starts with a literal or a case-sensitive class;
# one that opens with `\b`, a lookbehind or a case-insensitive alternation is tried at every
# position of a text, alternative by alternative, lower-casing the character for each. The
# lookahead turns most positions away on one class test, and since every match starts with
# one of its characters, the matches are the same. tests/test_pattern_forms.py derives the
# first characters of each such pattern from its parse tree and checks its lookahead admits
# them all, so a branch added with a new first letter fails that test, not a review.
_COUNTED = (
    r"(?:nodes?|shards?|replicas?|servers?|instances?|partitions?|brokers?|machines?|hosts?"
    r"|pods?|workers?|regions?|zones?|azs?|availability zones|clusters?|copies|disks?|cores?"
    r"|gateways?"
    r"|vcpus?|gpus?|boxes|racks?|data ?cent(?:er|re)s?|consumers?|threads?|connections?"
    r"|containers?|vms?|tasks?|primar(?:y|ies)|masters?|secondar(?:y|ies))"
)
# Words after a number that make it a measure, not a count of what follows: "200 per
# node", "the 5 ms primary timeout", "500 GB disks".
_NOT_COUNTED = (
    r"(?:per|ms|s|secs?|seconds?|mins?|minutes?|hours?|days?|[kmgtp]i?b|bytes?|qps|rps|req"
    r"|requests?|ops|%)\b"
)
_SMALL_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|dozens of)"
# A replication factor said as ways: "replicates three ways", "3-way replication",
# "replicated 3x" is taken by "x 3" already. "There are three ways to do it" counts no
# copies: the ways must be the replication's.
_WAYS = (
    r"(?:\d|two|three|four|five)[- ]way\s+(?:replicat\w*|mirror\w*|cop(?:y|ies))"
    r"|replicat\w*\s+(?:\w+\s+)?(?:\d|two|three|four|five)[- ]?(?:ways?|times|fold)\b"
)
SIZING = re.compile(
    r"(?=[\d(defnoqrstx×])"  # first characters, see above
    # One word may stand between a number and what it counts: "15-20 primary nodes", "3
    # Redis shards", "8 GPU workers"; not a unit ("5 ms primary timeout").
    rf"\b(?:\d[\d,.]*\s*(?:k\s*)?(?:x\s*)?(?:(?<=\s)(?!{_NOT_COUNTED})[A-Za-z][\w-]+\s+)?"
    # "14 storage node IPs" counts addresses.
    rf"{_COUNTED}\b(?!\s+(?:ips?|ids?|addresses|names)\b)"
    rf"|{_SMALL_NUMBER}\s+(?:\w+\s+)?{_COUNTED}\b"
    # "x 4" multiplies a count of parts; "10x 1 s" or "x 64 KB" multiplies a time or a size.
    r"|(?:rf|replication factor)\s*(?:=|of|:)?\s*\d"
    r"|[x×]\s*\d+\b(?!\s*(?:ms|s|sec|seconds?|mins?|minutes?|h|hours?|days?|[kmgtp]i?b|bytes?)\b)"
    r"|\(\s*x\s*\d+\s*\)"
    r"|\bn\s*=\s*\d|quorum of \d|\d+\s*-\s*node|\d+\s*of\s*\d+\s+(?:replicas|nodes)"
    rf"|{_WAYS})",
    re.I,
)
# What follows a count of machines when they serve one thing, not the system: "50 workers
# transcode one video in parallel", "4 threads per request". A machine ("3 replicas per
# shard", "8 workers per region") or a time keeps it a sizing, and so does "each" ("16
# shards, each handling 2,500 reads/s", "3 nodes with 64 GB RAM each").
_FOR_ONE_THING = re.compile(
    rf"[^,;.(]{{0,40}}?\b(?:one|a single|per)\s+(?!{_COUNTED}\b)"
    r"(?!(?:second|sec|minute|min|hour|day|week|month|year|per|of)s?\b)[a-z]{3,}",
    re.I,
)


def is_sizing(text: str) -> bool:
    """Whether the text counts the parts the design runs ("12 shards", "RF 3"), not machines
    given to one item of work."""
    return any(_FOR_ONE_THING.match(text, found.end()) is None for found in SIZING.finditer(text))


# A count of the parts a design runs ("12 shards", "RF 3", "a 5-node group"), without the
# bare product "x 200" that SIZING also takes: in an estimate, "x 200 followers" counts
# work, not parts.
PART_COUNT = re.compile(
    r"(?=[\ddefnoqrst])"  # first characters, see above
    rf"\b(?:\d[\d,.]*\s*(?:k\s*)?{_COUNTED}\b|{_SMALL_NUMBER}\s+(?:\w+\s+)?{_COUNTED}\b"
    r"|(?:rf|replication factor)\s*(?:=|of|:)?\s*\d|quorum of \d|\d+\s*-\s*node"
    rf"|{_WAYS})",
    re.I,
)

# A number with a scale or a unit: what a capacity claim is made of.
QUANTITY = re.compile(
    r"(?=[\d~≈ap])(?:"  # first characters, see above
    r"(?<![\w.])(?:~|≈|about |around )?\d[\d,]*(?:\.\d+)?\s*(?:"
    r"[kmbt]\b|bn\b|thousand|million|billion|trillion|%|x\b"
    r"|(?:[kmgtpe]i?b|bytes?|[kmgtp]?bits?|[kmgtp]bps|[kmgtpe]i?b/s|[kmgtp]bits?/s)\b"
    r"|(?:qps|rps|tps|ops|iops|req(?:uest)?s?|writes?|reads?|messages?|events?|users?|dau|mau"
    r"|rows?|records?|keys?|items?|files?|videos?|posts?|tweets?|urls?|links?|pages?"
    # The units of a retrieval workload: "40 M chunks", "800 tokens", "2M documents".
    r"|quer(?:y|ies)|docs?|documents?|chunks?|tokens?|vectors?"
    # The size of a building or a lot, in the object-oriented prompts: "20 floors, 4 cars".
    r"|floors?|elevators?|cars?|levels?|spots?|screens?|seats?"
    # ... and of a shared board or document: "up to 50 people", "20,000 shapes".
    r"|people|participants|collaborators|editors|shapes)\b"
    r"|(?:ms|µs|us|ns|sec(?:ond)?s?|s|min(?:ute)?s?|h(?:ours?)?|days?|weeks?|months?|years?)\b"
    r"|/\s*(?:s|sec|second|day|month|year|user|hour|min)\b|per (?:second|day|month|user|hour)"
    # A rate of anything counted: "10,000 queries/day", "200 chunks/s", "5 calls per second".
    r"|[a-z]+\s*/\s*(?:s|sec|second|day|month|year|hour|min)\b"
    r"|[a-z]+ per (?:second|day|month|hour|minute)\b"
    r")|\b\d+(?:\.\d+)?\s*\^\s*\d+|\b\d+e\d+\b|\b(?:p9\d|p50)\b|\b\d+(?:\.\d+)?\s*nines\b)",
    re.I,
)
# A rate written in words, which the digit readings never see: "one request per host per
# second", "once a day", "two retries every minute". Only a rate counts: "one primary" or
# "two of the shards" in words is a count a line rarely means as a figure.
SPELLED_RATE = re.compile(
    r"(?=[otfsenw])\b(?:one|two|three|four|five|six|seven|eight|nine|ten|once|twice)\b"
    r"(?:\s+[a-z-]+){0,2}?\s+(?:per|a|an|every|each)\s+(?:[a-z-]+\s+(?:per\s+)?)?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b",
    re.I,
)
DERIVATION = re.compile(
    r"\d[\d,.]*\s*[a-z%/]*\s*(?:[x×*/÷+]|\bper\b|\btimes\b|\bdivided by\b|\bover\b)"
    r"[^=≈→\n]{0,80}?\d[^=≈→\n]{0,40}?\s*(?:=|≈|~=|→|->|⇒|\bis about\b|\bis roughly\b"
    r"|\bcomes to\b|\bgives\b|\bequals\b|\bis\b|\bthat(?:'|’)?s(?: about| roughly)?)"
    r"\s*[~≈]?\s*\**\s*\$?\d",
    re.I,
)
# Every match of DERIVATION writes its result after one of these (the alternatives of its
# marker group: "~=" holds "=", "is about" and "is roughly" hold "is"). "that" is for a
# result said as "that's 40 GB", which main's pattern reads (kept here so the merge stays
# exact; a mark the pattern does not need only lets more texts be searched).
_RESULT_MARKS = ("=", "≈", "→", "->", "⇒", "is", "comes to", "gives", "equals", "that")


def is_derivation(text: str) -> bool:
    """`DERIVATION.search(text) is not None`. Half the texts with digits hold no result
    marker (in their folded form, as re.I reads letters); on those the pattern would try
    each digit against each way to an operator and a marker up to 120 characters on."""
    folded = fold(text)
    return any(mark in folded for mark in _RESULT_MARKS) and DERIVATION.search(text) is not None


# A formula with its result elsewhere (the primer's "150 TB per month" over the nested
# "10 KB per tweet * 500 million tweets per day * 30 days per month") is a calculation too.
# A word of an operand may carry its period: "2M PUT/s × 16 MB", "20 million ops/sec peak
# ÷ 2,000 nodes" multiply and divide as "2M PUTs per second × 16 MB" does.
_FORMULA = (
    r"\d[\d,.]*{plus}(?:\s*{plus}[a-zA-Z%]+{plus}(?:/[a-zA-Z]+{plus})?\.?){{0,6}}\s*"
    r"(?:[*×÷]|/(?=\s*\(?\s*\d)|\bx\b"
    r"|\btimes\b|\bdivided by\b)\s*\(?\s*~?\d"
)
# Each unit word is read whole (possessive `+`): backtracking into a word's letters tried
# every split of up to six words at every digit, 60 ms a long answer. A split can only
# matter where a letter follows "%" ("20%x 3": \bx\b after "%"); such text is also tried
# with the backtracking form, so `is_formula` answers exactly as that form alone.
FORMULA = re.compile(_FORMULA.format(plus="+"), re.I)
_FORMULA_SPLIT = re.compile(_FORMULA.format(plus=""), re.I)
_PERCENT_LETTER = re.compile(r"%[a-zA-Z]", re.I)


# Two HTTP status codes side by side ("respond with a 301/302", "401/403") divide nothing.
_STATUS_PAIR = re.compile(r"\b[1-5]\d\d\s*/\s*[1-5]\d\d\b(?!\s*(?:[%=≈]|[a-z]+/|\d))", re.I)


def is_formula(text: str) -> bool:
    """Whether `text` holds a formula (`FORMULA` read with backtracking into words)."""
    if "/" in text and _STATUS_PAIR.search(text):
        text = _STATUS_PAIR.sub(lambda m: " " * len(m.group(0)), text)
    if FORMULA.search(text) is not None:
        return True
    return _PERCENT_LETTER.search(text) is not None and _FORMULA_SPLIT.search(text) is not None


# A rate carried into another period: "100M new links per month → ~40 writes/s", "1M
# uploads/day = 11.6/s". A per-second conversion is a derivation (it divides by the
# seconds in a day or a month) though no operator is written.
_PERIOD = (
    r"(?:(?:/\s*|\bper\s+|\ban?\s+|\beach\s+)(s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?"
    r"|days?|weeks?|months?|years?|yr)\b|\b(qps|rps|tps|ops|iops)\b)"
)
_RATE = (
    r"\d[\d,.]*\s*(?:[kmbt]\b|bn\b|thousand|million|billion)?(?:[\s-]*[a-z][\w-]*){0,4}?\s*"
    + _PERIOD
)
# Said aloud, the arrow is a word: "500 hours a minute; that's 720,000 hours a day".
# A result said in words after its inputs: "that's", "that is", "which is", or a comma or a
# colon and "about" ("2B messages a day, about 23K/s", "2M requests a day: about 23/s").
_SPOKEN_ARROW = (
    r"\b(?:that(?:'|’)?s|that is|which is)(?: about| roughly| around)?"
    r"|[,:]\s*(?:or\s+)?(?:about|roughly|around)\b"
)
# The rate after the arrow is looked at, not taken, so that in a chain ("10K docs/day =
# 180K chunks/day = 2.1 chunks/sec") it can be the rate before the next arrow: taken, the
# day-to-day step swallowed the rate the conversion into seconds starts from.
CONVERSION = re.compile(
    _RATE
    + r"[^=≈→⇒\n]{0,40}?(?:=|≈|~=|→|->|⇒|"
    + _SPOKEN_ARROW
    + r")\s*[~≈]?\s*\**\s*(?="
    + _RATE
    + ")",
    re.I,
)
# "100M links a month is about 40 writes a second", "... in an hour is another 28K a
# second": "is" right after a rate, before a rate of another period, is the arrow said
# aloud. Only right after it: in "100 requests a minute, and peak is 1M a second" the "is"
# belongs to another clause.
CONVERSION_SAID = re.compile(
    _RATE + r"\s+is(?: about| roughly| around| nearly| almost| another)?\s*[~≈]?\s*" + _RATE,
    re.I,
)
_SECOND = frozenset({"s", "sec", "secs", "second", "seconds", "qps", "rps", "tps", "ops", "iops"})
_CONVERSION_MARKERS = (
    "=", "≈", "→", "->", "⇒", "that's", "That's", "that’s", "That’s", "that is", "which is", " is ",
    ", about", ", roughly", ", around", ", or about", ": about", ": roughly", ": around",
)  # fmt: skip
_PERIOD_WORD = re.compile(rf"(?=[/aeiopqrt])(?:{_PERIOD})", re.I)  # first characters, see above


def _period(word: str) -> str:
    word = word.lower()
    if word in _SECOND:
        return "s"
    return {"hr": "h", "hrs": "h", "yr": "year"}.get(word, word.rstrip("s") or word)


def is_conversion(text: str) -> bool:
    """Whether `text` carries a rate from one period into another ("1B a month -> 400/s")."""
    if not any(marker in text for marker in _CONVERSION_MARKERS):
        return False  # every match holds one; the pattern backtracks from every digit
    # A conversion states two periods (one on each side), most arithmetic one or none.
    periods = {_period(m.group(1) or m.group(2)) for m in _PERIOD_WORD.finditer(text)}
    if len(periods) < 2:
        return False
    for match in (*CONVERSION.finditer(text), *CONVERSION_SAID.finditer(text)):
        left = match.group(1) or match.group(2)
        right = match.group(3) or match.group(4)
        if left and right and _period(left) != _period(right):
            return True
    return False


# An identifier, code, an endpoint or an arrow makes a sentence concrete.
# Naming the key a store is partitioned, sorted or indexed by is as concrete as naming a column.
SPECIFIC = re.compile(
    r"`[^`]+`|\b(?:GET|POST|PUT|PATCH|DELETE)\s+/|\b[a-z]+_[a-z_]+\b|\w+\(\)|(?<![A-Za-z])\d"
    r"|\b(?:partitioned|sharded|keyed|indexed|sorted|ordered|hashed|clustered) (?:by|on) \w+"
    # What duplicates are told apart by: "consumers dedupe on a message id" names the key,
    # as "keyed by" does ("dedupe" alone names the idea).
    r"|\b(?:dedupe[sd]?|deduplicated?|deduplicates) (?:by|on) \w+"
    # "polls every second", "flushed every minute": an interval spelled out is as concrete as
    # "every 1 s" (not "every day", which prose says of habits)
    r"|\bevery (?:second|minute|hour)\b"
    # An ARIA attribute or role names the markup exactly: "aria-activedescendant", "role
    # combobox" are as concrete as a column.
    r"|\baria-[a-z]+|\brole\s*=?\s*[\"']?(?:combobox|listbox|option|dialog|button|grid|menu"
    r"|tab|tablist|alert|status|log|region|navigation|search)\b",
    re.I,
)

# A field named in camel case, as a front end names its state: "activeIndex" and "isOpen"
# are the identifiers "active_index" and "is_open" would be ("a Combobox owns query,
# suggestions, activeIndex and isOpen" was read as naming its state, not specifying it).
# Two lower-case letters first and one after the capital: "iPhone", "eBay" and "macOS"
# are names, not fields. Case-sensitive, unlike `SPECIFIC`.
CAMEL_CASE = re.compile(r"\b[a-z]{2,}[A-Z][a-z]")

DECIDES = re.compile(
    r"(?=[abcdgilpqsuw])"  # first characters, see above
    # (an adverb may come between: "I'd just use a greedy algorithm for change")
    r"\b((?:we|i)(?:'ll|'d| will| would| shall)?\s+(?:(?:just|simply|probably|still|also"
    r"|definitely)\s+)?(?:use|pick|choose|go with|opt for|store"
    r"|put|keep|run|deploy|rely on|add|introduce|place|shard|partition|replicate|cache"
    # What a design does instead of what it uses: "we skip fan-out and merge at read time".
    r"|skip|merge|pull|push|precompute|cap|trim|batch|denormali[sz]e|index|hash|route"
    # What an API design does: "we version the API by date", "we sign each webhook".
    r"|version|sign|encrypt|expire|dedupe|deduplicate|paginate|throttle|compress"
    # What a client does: "I draw on a canvas and only redraw the dirty region".
    r"|draw|render|redraw|debounce|virtuali[sz]e|prefetch|decode|encode|composite"
    # "I fan out on write for normal users", "I serve segments from a CDN": a chosen strategy;
    # a policy chosen for failure: "if Redis is unreachable we fail open".
    r"|fan(?:-|\s)?out|serve|fail (?:open|closed|over|fast))"
    # One way taken over another named: "I'd play clips through X rather than Y".
    r"|(?:we|i)(?:'ll|'d| will| would)\s+[a-z]+\b[^.;!?]{1,80}?\brather than"
    r"|let's (?:use|go with|pick)|chose|chosen|choosing|picked|decided|decision|going with"
    r"|settled on|prefer|winner|backed by|stored in|lives? in|sits (?:in front|between|behind)"
    # A part placed by where it stands: "a Redis cache in front of the store holds hot codes".
    r"|(?:cache|proxy|gateway|balancer|cdn|queue)s? (?:in front of|between|behind)"
    r"|is used|are used|(?:is|are) (?:hashed|sharded|partitioned|replicated|cached|indexed|keyed"
    r"|routed|spread|placed) (?:in|into|by|on|across|to|over)"
    r"|uses|using|is the (?:store|database|queue|cache|primary)"
    # A part that uses something, said of several: "list endpoints use cursor pagination".
    r"|(?<=[a-z]s )use)\b",
    re.I,
)

# One part acting on another: with two components named, the sentence traces a request path
# ("the Write API stores the tweet in the SQL database") as an arrow on a diagram does.
FLOW = re.compile(
    r"(?=[acdefhilnpqrsuw])"  # first characters, see above
    r"\b(stores?|stored|writes?|writ(?:ing|ten)|reads?|reading|forwards?|sends?|sent|pushes"
    r"|pushed|publish(?:es|ed)?|consumes?|consumed|calls?|called|fetch(?:es|ed)?|routes?|routed"
    r"|looks? up|queries|queried|invalidates?|populates?|serves?|served|pulls?|polls?"
    r"|enqueues?|emits?|streams?|replicates? to|hands? (?:off|over)|passes|returns?|checks?"
    r"|updates?|inserts?|appends?|deletes?|evicts?|subscribes?|notif(?:y|ies))\b",
    re.I,
)


# A line that only points elsewhere: Markdown links, after at most a short label ("Full
# course: [Grokking ...](https://...)", "* [Message queues](https://...)"). A reading list
# names topics and titles ("Crash Course"); it states nothing about the design.
_READING_LIST = re.compile(
    r"^[\s*+\-\d.]*(?:[^\[\]():]{0,40}:\s*)?(?:\[[^\]]*\]\([^)]*\)[\s,;.*+\-]*)+$"
)


def is_reading_list(text: str) -> bool:
    """Whether a line or sentence is only links (with a short label), as in a reading list."""
    return "](" in text and _READING_LIST.match(text) is not None


# Classes said in prose, as a candidate says them aloud: a compound name ("ParkingLot",
# "SpotAllocator"), or a capitalised name that owns, holds or extends something ("a Level
# has Spots", "Vehicle is abstract", "Ticket records the spot").
#
# Searched in every claim, so written to open with a case-sensitive class: `re` then skips
# ahead to the next capital letter by itself (a pattern that opens with `\b`, as this one
# did, is tried at every position). The lookbehind after the first letter is that `\b`
# (a capital is a word character: a boundary before it is a non-word character before it,
# or the start), and the verb after a name is looked ahead at, so both forms share one group.
_CLASS_SAID = re.compile(
    r"([A-Z](?<!\w[A-Z])(?:[a-z]+(?:[A-Z][a-z]+)+\b"
    r"|[a-z]\w*(?= (?:has|have|holds|owns|contains|extends|implements|records|keeps"
    r"|wraps|is (?:an? )?(?:abstract|interface|subclass|enum))\b)))"
)
# Capitalised words that begin a sentence, never a class's name.
_NOT_CLASSES = frozenset(
    {"It", "This", "That", "Each", "Every", "The", "We", "They", "Everything", "Nothing",
     "One", "Which", "What", "Who", "Someone", "Anyone", "There", "He", "She"}
)  # fmt: skip


def classes_said(text: str) -> set[str]:
    """The class names a line says in prose: "ParkingLot has Levels; a Level has Spots", or
    lists after a label: "Classes: ElevatorSystem, Elevator, Request, Dispatcher"."""
    found = {m.group(1) for m in _CLASS_SAID.finditer(text)}
    for listed in SCREEN.finditer(_CLASS_LIST, text):
        found |= set(re.findall(r"[A-Z]\w*", listed.group(1)))
    return found - _NOT_CLASSES


# Names listed after a "classes:" label, each capitalised: "Classes: Elevator, Request and
# Dispatcher".
_CLASS_LIST = re.compile(
    r"\b(?:main |core )?classes\s*(?:are\s*)?:\s*"
    r"([A-Z]\w*(?:\s*,\s*(?:and\s+)?[A-Z]\w*|\s+and\s+[A-Z]\w*)+)",
    re.I,
)
# Searched in every claim for the class-design reading: skipped where "classes" does not
# occur, as in nearly every claim (about 2 µs a claim where it was tried at each word).
SCREEN.add(_CLASS_LIST)


def names_classes(text: str) -> bool:
    """Whether a claim lays out classes in prose: three class names, or two with one written
    as a compound ("ParkingLot has Levels"); "Redis has replicas" names a product."""
    said = classes_said(text)
    return len(said) >= 3 or (len(said) == 2 and any(_COMPOUND.fullmatch(n) for n in said))


_COMPOUND = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")

# States written in capitals and joined by arrows: "AVAILABLE -> HELD -> BOOKED". Four
# letters or more, so "API -> CDN" (a request path) is not read as states.
_STATE = r"\b[A-Z][A-Z_]{3,}\b"
_TRANSITION = re.compile(rf"{_STATE}\s*(?:->|-->|→|=>)\s*{_STATE}")
_ABOUT_STATES = re.compile(r"\bstat(?:e|es|us|uses)\b|\btransitions?\b|\blifecycle\b", re.I)


_PARTS = re.compile(
    r"\b(?:CLIENTS?|USERS?|BROWSER|GATEWAY|SERVICE|SERVER|CACHE|QUEUE|DATABASE|WORKERS?|KAFKA"
    r"|REDIS|ORIGIN|BACKEND|FRONTEND)\b"
)


# A move between states said in words: "goes PENDING to CONFIRMED", "CONFIRMED to
# CANCELLED", "never goes back to CONFIRMED" is the arrow written out.
_WORDED_TRANSITION = re.compile(rf"{_STATE}\s+(?:(?:back\s+)?to|into)\s+{_STATE}")
_MOVES = re.compile(r"\b(?:goes|go|moves?|changes?|transitions?|passes|becomes?)\b", re.I)


def writes_transitions(text: str, heading: str = "") -> bool:
    """Whether a claim writes state transitions: a chain of two arrows between states in
    capitals ("PENDING -> CONFIRMED -> CANCELLED"), or one under a heading or in a line
    about states ("Booking: PENDING -> EXPIRED on timeout" under "State transitions").
    Said in words, two moves, or one with a verb of moving: "A Booking goes PENDING to
    CONFIRMED or EXPIRED, and CONFIRMED to CANCELLED" was "Not covered, neither said nor
    written" beside the booking's states and transitions."""
    found = _TRANSITION.findall(text)
    if not found:
        worded = _WORDED_TRANSITION.findall(text)
        if not worded or _PARTS.search(" ".join(worded)):
            return False
        return len(worded) >= 2 or _MOVES.search(text) is not None
    if _PARTS.search(" ".join(found)):
        return False  # "CLIENT -> GATEWAY -> SERVICE" is a request path in capitals
    chained = re.search(rf"{_STATE}\s*(?:->|-->|→|=>)\s*{_STATE}\s*(?:->|-->|→|=>)", text)
    return bool(chained) or _ABOUT_STATES.search(f"{text} {heading}") is not None


# A move to a state said in words, the state in capitals: "the order starts as
# PENDING_PAYMENT", "on success it becomes PAID", "moves to SHIPPED".
_PROSE_TRANSITION = re.compile(
    rf"\b(?:starts?|begins?|is created|are created) (?:as|in) ({_STATE})"
    rf"|\b(?:becomes?|moves? (?:in)?to|goes to|transitions? to|is set to|turns?|changes? to)"
    rf" ({_STATE})"
)


def states_moved_to(text: str) -> frozenset[str]:
    """The states in capitals a text says something starts in or moves to ("The order
    starts as PENDING_PAYMENT ... becomes PAID"): two or more are states with transitions,
    as an arrow between them would be."""
    if not any(word in text for word in _MOVE_WORDS):
        return frozenset()  # most lines move nothing anywhere
    return frozenset(a or b for a, b in _PROSE_TRANSITION.findall(text)) - _PART_NAMES


_MOVE_WORDS = ("start", "begin", "created", "become", "move", "goes", "transition", "set to",
               "turn", "change")  # fmt: skip
_PART_NAMES = frozenset(
    "CLIENT CLIENTS USER USERS BROWSER GATEWAY SERVICE SERVER CACHE QUEUE DATABASE WORKER"
    " WORKERS KAFKA REDIS ORIGIN BACKEND FRONTEND".split()
)


# An enumerated type with its values: "SeatStatus (AVAILABLE, HELD, BOOKED)", "VehicleType:
# CAR | TRUCK | BIKE".
_ENUM_VALUES = re.compile(
    r"\b[A-Z]\w*(?:Status|State|Type|Kind|Mode|Role|Level|Size|Direction)\b`?\s*[(:=]?\s*"
    r"\{?\s*[A-Z][A-Z_]{1,}(?:\s*[,|/]\s*[A-Z][A-Z_]{1,}){1,}"
)


SCREEN.add(_ENUM_VALUES)  # skipped on text without a Status, Type, Kind ... word


def lists_enum_values(text: str) -> bool:
    """Whether a claim names an enumerated type with its values in capitals."""
    return SCREEN.search(_ENUM_VALUES, text) is not None


# A line of a metrics exposition (Prometheus text format): a snake_case name, its labels
# and a sample value, "requests_total{code=\"500\"} 12".
_METRIC_SAMPLE = re.compile(
    r"^\s*[A-Za-z_:][\w:]*_[\w:]*(?:\{[^}]*\})?\s+[-+]?(?:\d[\d.]*(?:e[-+]?\d+)?|nan|inf)"
    r"(?:\s+\d+)?\s*$",
    re.I,
)


def is_metric_sample(text: str) -> bool:
    """Whether a line of code is a metric's sample ("rate_limit_fallback_active 1"): the
    words of the metric's name say what is watched, not what the design does, so the line
    specifies monitoring and mentions the rest."""
    return "_" in text and _METRIC_SAMPLE.match(text) is not None
