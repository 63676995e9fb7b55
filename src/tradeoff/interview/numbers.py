"""Numbers said aloud ("100M a month is 40 writes/s, 12K at peak"), tied to the prompt's figures.

An interviewer checks a spoken estimate against what they know, credits it when it is
close, and notices when the written design says something else. Each quantity in a
sentence is read with the estimate grammar and matched to the reference figure of the
same kind of quantity whose name shares its words ("writes/s" -> writes_per_s).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tradeoff.catalog.derivation import NumberRef
from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import RATE_NOUNS, FoundQuantity, find_quantities
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.interview.questions import stems
from tradeoff.language.bounds import is_bound, is_rejected
from tradeoff.language.mentions import status_code_at
from tradeoff.language.periods import SECONDS, every_period, other_period, reference_period

# A number, its scale, and up to three words after it that may carry its unit.
_NUMBER = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion)\b|[kKmMbBtT]\b)?)"
    r"(?![\d,.]*[x×](?:\s|$|[.,;]))"  # "10x" is a multiplier, not a quantity (nor its "1")
    r"((?:\s*(?:/\s*)?[A-Za-z][A-Za-z/]*){0,4})"
)
_PERCENT = re.compile(r"^\s*(%|percent)")
# A video resolution said as its width ("4K", "8K"): written with a capital K and no rate or
# count after it ("4K footage", "at 4K the cache", "4K on paid plans").
_RESOLUTION = re.compile(r"[2458]K")
_LINES = re.compile(r"p(?:\d{2})?\b")  # 720p, 1080p60
# A length on screen ("21 pixel cells", "100 px columns"): how tall or wide, never a count
# of what follows, as the prompt's own pixel figures are never compared. "1800 by 900
# pixels with 100 by 21 pixel cells" was taken for 21 visible cells, called low against
# the 774 on screen and asked "How did you get 21 pixel cells?".
_SCREEN_LENGTH = re.compile(r"\s*(?:px|pixels?|css pixels?)\b", re.I)
_COUNTED_NOUN = re.compile(
    r"\s*(?:/|per\b|qps|rps|tps|requests?|users?|writes?|reads?|rows?|keys?|items?|events?"
    r"|messages?|ops|calls?|orders?|connections?|sessions?|clients?|devices?|servers?|nodes?)",
    re.I,
)
# Words that may follow a number but never carry its unit ("6 billion links at about ...").
_TRAILING = re.compile(
    r"(?:\s+(?:and|or|x|over|by|is|at|to|of|a|an|the|so|with|about|around|roughly"
    r"|approximately|nearly|almost|on|in|for|from|per|as|than|that|which|it|one"
    # ("10 MB/s through the Raft log": where the figure goes, said after it)
    r"|through|into|via|across|onto|under|after|before|between|behind"
    # an adverb ("50 GB upload safely"), not a period said as one ("1M uploads daily")
    r"|(?!(?:daily|weekly|monthly|yearly|hourly|nightly)\b)[a-z]+ly"
    # a participle after what is counted ("6 shards keyed", of "6 shards keyed by API key"),
    # not a noun in -eed ("feed", "speed")
    r"|[a-z]{2,}[^e\s]ed))+$",
    re.I,
)
# What may follow the grammar's phrase and still belong to it: "12K at peak", "in total".
# (Not a name: "a year in Cassandra" is a year, kept in Cassandra.)
_TAIL = re.compile(r"(?:\s+(?:at|in|on|during|per|a|an|the)\b(?:\s+(?-i:[a-z])\w*)?)?\s*", re.I)
# An HTTP status code said by its number ("returns a 301 redirect", "the 404 rate", "HTTP
# 429"): a code, not a quantity to check against the prompt's figures.
_STATUS_AFTER = re.compile(
    r"\s*(?:redirects?|responses?|status|errors?|codes?|rates?|moved|found|not found"
    r"|too many|unauthori[sz]ed|forbidden|unavailable|created|ok)\b"
    # ... but "500 errors a second" is a quantity
    r"(?!\s*(?:/|per\b|an?\s+(?:second|minute|hour|day|week|month|year)\b|each\b))",
    re.I,
)
# "HTTP 429", "status 503", "returns a 302": "returns 200 posts" keeps its count.
_STATUS_BEFORE = re.compile(
    r"\b(?:(?:http|status|code)\s+(?:an?\s+)?|(?:returns?|returning|responds? with)\s+an?\s+)$",
    re.I,
)
_STATUS = re.compile(r"[1-5]\d\d")
# A number that names one of several ("part 7", "chunk 3", "floor 12", "step 2", "#4"): an
# identifier, never a count to check against the prompt's figures.
_LABEL_BEFORE = re.compile(
    r"\b(?:part|chunk|step|line|version|floor|page|row|column|phase|number|no\.)\s*$|#\s*$", re.I
)
# The redirect codes are named bare ("302 keeps the clicks", "I use 301"): as a plain count
# with no unit or rate they are codes, never figures to check against the facts.
_REDIRECT_CODE = re.compile(r"30[12378]")
_PER_SECOND = re.compile(r"/\s*s(?:ec)?\b|per sec|qps|rps|a second|each second", re.I)
_CLOSE = 3.0
# A reference that counts money (its unit is dropped: dollars are a plain number here).
_MONEY = re.compile(r"cost|price|spend|revenue|dollar", re.I)
_CURRENCY = re.compile(r"[$€£]|\b(?:dollars?|usd|euros?|cents?)\b", re.I)
_UNRELATED = 1000.0  # within 3x of the reference: the same estimate, rounded differently


@dataclass(frozen=True)
class Spoken:
    """One quantity in a sentence and the reference figure it estimates, if any."""

    text: str  # verbatim from the sentence
    value: Q
    ref: NumberRef | None
    peak: bool = False  # said as a peak ("peaks near 3,600"): it states the peak factor too
    per_unit: bool = False  # said of one machine ("each node generates 10K ids/s")
    # The words said of it: its clause up to it, and what follows it ("Applications are
    # kept for" and "year"), as stems. What it is a figure of, when it is compared with a
    # figure given (`names_figure`).
    words: frozenset[str] = frozenset()
    # Said as a change the candidate proposes ("I'd batch fixes and send every 8 seconds"):
    # their design choice, no claim that the figure given is otherwise.
    proposed: bool = False
    # Said as how often something happens ("a sweeper runs every 30 seconds"): an interval,
    # never how long a thing lasts (a 10-minute hold).
    interval: bool = False
    # Said as how long a lock, lease, timeout or TTL holds ("a 30 second TTL refreshed by
    # every ping"): the candidate's setting, no claim about how often anything happens.
    lease: bool = False

    @property
    def ratio(self) -> float | None:
        if self.ref is None or self.ref.value <= 0 or self.value.value <= 0:
            return None
        return self.value.value / self.ref.value

    @property
    def off(self) -> bool:
        """More than 3x away from the reference: worth a sanity check. What one machine
        does is checked only against what one machine can do, and only above it: a node
        may run far below its capacity when the fleet is larger."""
        ratio = self.ratio
        if ratio is not None and self.per_unit and ratio < 1:
            return False
        return ratio is not None and not 1 / _CLOSE <= ratio <= _CLOSE


def off_by(ratio: float | None, factor: float) -> bool:
    """Whether a figure `ratio` times its reference is off by `factor` and no more: taken
    back by that factor, it lands within what a sanity check lets pass (`Spoken.off`)."""
    return ratio is not None and factor > 0 and 1 / _CLOSE <= ratio / factor <= _CLOSE


def thresholds_in(sentence: str, refs: tuple[NumberRef, ...]) -> list[NumberRef]:
    """The reference figures a threshold in the sentence is about: "for celebrities with
    over 1M followers I fan out on read" sets a bound (never a figure to check) and, in
    setting it, assumes that some accounts have that many followers."""
    found: list[NumberRef] = []
    quantities_in(sentence, refs, bounds=found)
    return found


# A rate said with its direction out ("3M messages/s out", "2 GB/s of egress") is what is
# read or sent, not what comes in; only a figure of egress may be its figure.
_OUTBOUND = re.compile(
    r"^[\w/ .]{0,30}?\b(?:out|outbound|egress|read out|delivered|consumed)\b", re.I
)
_EGRESS_REF = re.compile(r"egress|outbound|_out\b|deliver|fanout|fan_out", re.I)


def quantities_in(
    sentence: str, refs: tuple[NumberRef, ...], *, bounds: list[NumberRef] | None = None
) -> list[Spoken]:
    """Every readable quantity in a sentence, each matched to a reference when one fits.

    A bare count that follows a rate in a list ("4,000 reads/s, 12K at peak") is read as
    the same kind of quantity: that is how people shorten a list of rates aloud.
    """
    sentence, said_as = _in_digits(sentence)
    out: list[Spoken] = []
    previous: tuple[Q, int] | None = None  # the last quantity and where it ended
    previous_named: frozenset[str] = frozenset()  # the words that said what it counts
    factors: tuple[Q, Q] | None = None  # the last quantity and the one it multiplies ("A at B")
    number_end = -1  # where the last quantity's number ended
    # The estimate grammar's phrase for each number ("1M followers"), quoted whole: the
    # longest reading below may run on into the clause ("1M followers we skip fan").
    phrases = {f.start: f for f in find_quantities(sentence)}
    spans = [(m.start(1), m.end(1)) for m in _NUMBER.finditer(sentence)]
    for match in _NUMBER.finditer(sentence):
        if _PERCENT.match(sentence[match.end(1) :]):
            continue
        if _RESOLUTION.fullmatch(match.group(1)) and not _COUNTED_NOUN.match(match.group(2)):
            continue  # "at 4K the frame cache breaks first": a picture size, not 4,000 of it
        if _LINES.match(match.group(2)):
            continue  # "the 1080p rendition": a picture height, not 1,080 of something
        if _SCREEN_LENGTH.match(match.group(2)):
            continue  # "21 pixel cells": a cell's height, not 21 cells
        if _STATUS.fullmatch(match.group(1)) and (
            _STATUS_AFTER.match(sentence[match.end(1) :])
            or _STATUS_BEFORE.search(sentence[: match.start(1)])
        ):
            continue  # "a 301 redirect": a status code
        if status_code_at(sentence, match.start(1), match.end(1)):
            continue  # "gets 429 with Retry-After": a code, as the reviewer reads it
        if _LABEL_BEFORE.search(sentence[: match.start(1)]):
            continue  # "re-sending part 7", "floor 12": which one, not how many
        if _RATIO_AFTER.match(sentence, match.end(1)) or _RATIO_BEFORE.search(
            sentence[: match.start(1)]
        ):
            continue  # "with 100:1 reads", "at 10:30": one side of a ratio or a time
        if any(f.start() <= match.start(1) < f.end() for f in _FRACTION.finditer(sentence)):
            continue  # "about 1/32 of the keys": a share, not 32 of something
        reading = _longest_reading(match.group(1), match.group(2))
        if reading is None:
            continue
        text, value = reading
        if (
            _REDIRECT_CODE.fullmatch(match.group(1))
            and value.kind == (0, 0)
            and not _PER_SECOND.search(text)
        ):
            continue  # "I use 302 because ...", "301 would be cached": a redirect's code
        phrase = phrases.get(match.start(1))
        quoted = text
        if phrase is not None and not _TAIL.fullmatch(text[len(phrase.text) :]):
            quoted = phrase.text  # "1M followers", not "1M followers we skip fan"
        if is_rejected(sentence[: match.start(1)]):
            continue  # "8,750 req/s at peak, not 87,000": the slip withdrawn, no figure said
        if is_bound(sentence[: match.start(1)]):
            # "above 1M followers": a threshold the candidate chose, not a figure to check
            previous = (value, match.start() + len(text))
            if bounds is not None:
                per_second = bool(_PER_SECOND.search(text))
                label = _label(sentence, match.end(1))
                bound = _reference(value, stems(label), refs, per_second, match.group(1) + label)
                if bound is not None:
                    bounds.append(bound[0])
            continue
        if (
            value.kind == (0, 0)
            and previous is not None
            and previous[0].kind != (0, 0)
            and _shortened(phrases.get(match.start(1)))
        ):
            gap = sentence[previous[1] : match.start()]
            # (the reading before may have taken the "of the" in: "46 Gbit/s of the")
            said_before = sentence[max(0, previous[1] - 12) : match.start()]
            listed = "," in gap or " and " in gap or _PART_OF.search(said_before) is not None
            if len(gap) < 30 and listed and not _DERIVES.search(gap):
                value = Q(value.value, *previous[0].kind)
        per_second = bool(_PER_SECOND.search(text))
        label = _label(sentence, match.end(1))
        compound = _COMPOUND_COUNT.match(label) if value.kind == (0, 0) else None
        if compound is not None:
            # "a 100-person board": the count is of people, and the board it describes is
            # no thing it counts; read as the board's 20,000 objects it was "low".
            label = compound.group(0)
        said = sentence[max(0, match.start(1) - 1) : match.end(1)] + label
        own = _own_words(sentence, match, spans)
        derived = _after_derivation(own, match.start(1) - _own_span(sentence, match, spans)[0])
        unit = _PER_UNIT.search(derived)
        # "50 workers can transcode one video in parallel": machines for one thing, no fleet
        per_unit = unit is not None or bool(_MACHINES.match(label) and _PER_THING.search(derived))
        if _of_head(sentence[: match.start(1)]) & _WHOLES:
            # "Each API gateway instance calls a Redis cluster of 6 shards": the 6 is the
            # cluster's size, said as what the cluster is of; the gateway is what calls it.
            # Read as one gateway's, the count went unchecked against the 20 shards derived.
            unit, per_unit = None, False
        # The machine named is what the figure is of: "each fetcher node downloads 1,000
        # pages per second" is the fetcher node's rate (fetcher_node_rate).
        named = stems(label) | (stems(unit.group(0)) if unit is not None else frozenset())
        named |= _of_head(sentence[: match.start(1)])
        replication = _REPLICATION_BEFORE.search(sentence[: match.start(1)]) is not None
        if replication:
            # "onto a ring of ingesters with replication 3", "RF=3": how many copies, no
            # count of what the clause opens with (called low against the 150 ingesters).
            named = _REPLICATION_WORDS
        # "90 million POSTs a day at 2 kB, so roughly 18 GB": the result of a product worked
        # just before it, however it is joined on ("so", "is", a comma); no restatement of
        # the 2 kB. Read as one, the tenfold slip went unchecked.
        worked_product = (
            previous is not None
            and factors is not None
            and _RESULT_GAP.match(sentence, previous[1], match.start()) is not None
            and _their_product(*factors, value)
        )
        restates = not worked_product and _restates(sentence, previous, match.start())
        if restates:
            # "1 billion notifications a day, which is roughly 1,000 per second": the same
            # notifications, another unit; only a figure of what they are may be its figure.
            named |= previous_named - _PERIOD_WORDS
        elif _continues_list(sentence, previous, match.start(), named, text[len(match.group(1)) :]):
            # "350 payments a second, and at the peak about 1,750 a second": a figure that
            # names nothing, listed after one that did, counts the same thing.
            named |= previous_named - _PERIOD_WORDS
        # ("At peak that's about 1,200 runs a second": the peak named in the clause before
        # the number, after the number before it, is what the number is of.)
        peak = (
            _peak(phrase)
            or "peak" in text.lower()[len(match.group(1)) :]
            or _PEAK_BEFORE.search(sentence[_own_span(sentence, match, spans)[0] : match.start(1)])
            is not None
        )
        # "peaks near 3,600" is not the daily average, nor the reverse: the figure at the
        # other end of the day is left out before choosing, so "35,000 searches per second"
        # (the 3,472/s average, 10x over) is not taken for the 10,417/s peak, nearer in
        # value, and then dropped, leaving the slip unchecked. A number close to that other
        # figure ("10,000/s on Monday mornings") may be it said plainly: it stays unchecked.
        # Said as an average ("230K/s avg", "on average 3,000 a second"): never a peak figure,
        # twin or not ("peak_suggest_per_s" has no plain twin, only "suggest_requests_per_s").
        average = not peak and _AVERAGE.search(f"{sentence[: match.start(1)][-15:]} {text}")
        # A day's amount ("about 350 TB a day") is a day's, no peak moment: it was taken for
        # the peak upload ingress, near it in value, and credited the egress estimate.
        daily = not peak and _PER_DAY.search(text) is not None
        sided = tuple(
            r
            for r in refs
            if (peak == ("peak" in r.name) or not _has_twin(r, refs))
            and not (peak and _an_average(r, refs))
            and not ((average or daily) and "peak" in r.name)
        )
        if peak:
            sided = _at_peak(sided, refs)
        usable = _usable(sided, per_unit, named)
        if peak:
            # A figure said at the peak is a figure there, never the peak's factor ("the 930
            # at peak" is no "peak_factor" of 930): a factor is said as one ("3x", "twice").
            usable = tuple(r for r in usable if not _factor_ref(r))
        if _OUTBOUND.match(text[len(match.group(1)) :]):
            # "3M messages/s out": what consumers read, not the rate producers write
            usable = tuple(r for r in usable if _EGRESS_REF.search(r.name))
        # A result worked out in the clause ("200,000 formulas at 2 microseconds each is 40
        # ms") is a figure of what its working computes: one that names nothing is matched
        # by its words, never taken for another figure merely near it in value (the 16.7 ms
        # frame budget for a recalculation worked 10x short).
        worked = False
        if (_worked_result(sentence, previous, match.start()) or worked_product) and not any(
            named & name_stems(r.name) for r in usable
        ):
            # What the working is of, in the words that lead to it ("Recalculating 200,000
            # formulas ..." names the recalculation): the figures those words name.
            led = stems(sentence[: match.start(1)]) - _PERIOD_WORDS
            parts = {
                part
                for r in usable
                for part in name_stems(r.name)
                if len(part) >= 4 and part not in _PERIOD_WORDS
                and any(word.startswith(part) for word in led)
            }  # fmt: skip
            if parts:
                named, worked = named | parts, True
        # "an 8 GB laptop": a size said as the attribute of a thing no figure of the prompt
        # names is that thing's, no figure to credit or check (the laptop's RAM was reported
        # as the 3.75 GB of footage, near in value: 'correcting "8 GB laptop can" said
        # before'). "a 50 GB upload" names the uploads the figures are of, and is read on.
        attributive = (
            value.kind == (0, 1)
            and _ARTICLE_BEFORE.search(sentence[: match.start(1)]) is not None
            and _names_a_thing(label)
            and _THING_NEXT.match(label) is not None
            and not any(stems(label) & name_stems(r.name) for r in refs)
        )
        found_ref = _reference(
            value, named, usable, per_second, said, named_only=restates or worked or attributive
        )
        if found_ref is not None and len(sided) < len(refs) and not average:
            other = _reference(value, named, _usable(refs, per_unit, named), per_second, said)
            if other is not None and other[0] not in sided and _near(other[1], other[0]):
                found_ref = None
        own_size = value.kind == (0, 1) and _names_a_thing(label)
        if found_ref is None and not own_size:
            # "Posts are about 200 writes per second": when the words after a number name no
            # figure, the subject its clause opens with says what it counts. Not when they
            # name a thing of their own: "Small objects are packed into 1 GB append-only
            # extents" sizes the extents, and was read as the average object size.
            left = _subject_start(sentence, match, spans, phrases)
            subject = stems(sentence[left : match.start(1)]) - named
            if not subject and sentence[:left].endswith("("):
                # A figure written in brackets after what it is of: "Seen-set: Bloom filter
                # (~6 GB for 50B URLs)" sizes the filter, and read as of nothing it stood
                # beside "about 60 GB" said aloud with no contradiction listed.
                opened = _clause_span(sentence, left - 1)[0]
                subject = stems(sentence[opened : left - 1]) - named
            # (Nor when a noun just before says what it is of: "returns an upload id and a
            # part size of 8 MB" is the part's size, not the uploads' the clause opens with.)
            if subject and not replication and not _of_head(sentence[: match.start(1)]):
                # Restated or worked out, a figure is still of what its words name: "so a
                # round trip is about 220 seconds" is no 2-minute longest wait, near as it is.
                usable = _usable(sided, per_unit, named | subject)
                found_ref = _reference(
                    value, named | subject, usable, per_second, said, named_only=restates or worked
                )
        if (
            found_ref is not None
            and _TIMES_AFTER.match(sentence, match.end(1))
            and not _factor_ref(found_ref[0])
        ):
            # "a flash sale might be 50 times that": a multiplier, only ever a factor (it
            # was said against "about 2 million orders a day")
            found_ref = None
        if found_ref is not None and _alert_window(sentence, match.start(1)):
            found_ref = None  # "alert if p99 goes over 2 seconds for 5 minutes": the window
        if found_ref is not None and _bucket_width(sentence[match.end(1) :], found_ref[0]):
            found_ref = None  # "rolls up into 1 min and 1 hour aggregates": a bucket's width
        since = max((end for _, end in spans if end <= match.start(1)), default=0)
        if found_ref is not None and _per_caller(sentence[since : match.start(1)] + own,
                                                 found_ref[0]):  # fmt: skip
            # "token bucket per API key, 100 requests/s": one caller's limit, no figure of
            # the whole API's traffic ("Earlier I said about 300 million API requests a day").
            # One caller's figure is that caller's when the prompt has one: "each client
            # receives 19,800 cursor updates a second" is "cursor_msgs_per_client", though the
            # board's fan-out, as far off the other way, was nearer by a rounding.
            own_refs = _callers_refs(sentence[since : match.start(1)] + own, usable)
            found_ref = _reference(value, named, own_refs, per_second, said) if own_refs else None
            per_unit = True
        if found_ref is not None and _media_span(sentence[match.end(1) :], found_ref[0]):
            found_ref = None  # "2 seconds of decoded frames": so much video, no frame budget
        interval = value.kind == (1, 0) and _EVERY.search(sentence[: match.start(1)]) is not None
        if found_ref is not None and interval and not is_interval(found_ref[0]):
            found_ref = None  # "releases expired holds every 30 seconds": no hold's length
        lease = found_ref is not None and _lease(sentence, match, found_ref[0])
        if lease:
            found_ref = None  # "a 10 second lock": how long the lock is held, no ping interval
        if found_ref is not None and _of_one_thing(sentence[match.end(1) :], found_ref[0]):
            # "100,000 cells in one operation" is one paste's, no sheet's: a figure of one
            # thing, as one machine's is
            found_ref, per_unit = None, True
        if (
            found_ref is not None
            and not peak
            and value.kind[0] == -1
            and "peak" in found_ref[0].name
            and found_ref[1].value < found_ref[0].value
            and not _near(found_ref[1], found_ref[0])
        ):
            # "5 calls is 1,750 req/s, and at 5x peak ...": a rate not said at the peak and far
            # below the prompt's peak figure is the average, which the prompt gives no figure
            # of; checked against the peak it would be called low for being right.
            found_ref = None
        if (
            found_ref is not None
            and not _near(found_ref[1], found_ref[0])
            and _share_unsaid(derived, found_ref[0])
        ):
            # "48 slots, so 480 items when the machine is full": the machine's items, not
            # the 10 one slot holds ("items_per_slot"); a total is no one thing's share
            found_ref = None
        ref, value = found_ref if found_ref is not None else (None, value)
        if (
            ref is not None
            and ref.kind == "fact"
            and not _near(value, ref)
            and gives_too(ref.text, value)
        ):
            ref = None  # "each 100 kB object": the median the fact gives, not its average
        quoted = _TRAILING.sub("", _CLAUSE_AFTER.sub("", quoted.strip()))
        digits, words = said_as.get(match.start(1), ("", ""))
        if digits and quoted.startswith(digits):
            quoted = words + quoted[len(digits) :]  # quoted as said: "a million checks"
        said_with = stems(
            sentence[_subject_start(sentence, match, spans, phrases) : match.start(1)]
        )
        if own_size:
            said_with = frozenset()  # the extents' size, not the objects' the clause opens with
        elif replication:
            # the copies' number: "each series onto ... with replication 3" names the series
            # the clause opens with, and was told "Earlier I said 100 million active time
            # series; you said 3"
            said_with = _REPLICATION_WORDS
        elif _of_head(sentence[: match.start(1)]):
            # "returns an upload id and a part size of 8 MB": the part's size; the uploads
            # the clause opens with were read as what it is of, against "200 MB" an upload.
            said_with = frozenset()
        proposed = _PROPOSES.search(
            sentence[_clause_start(sentence, match.start(1)) : match.start(1)]
        )
        out.append(
            Spoken(
                quoted,
                value,
                ref,
                peak,
                per_unit,
                said_with | stems(label),
                proposed is not None,
                interval,
                lease,
            )
        )
        # (from the number's digits: its reading may have taken the "at" in, "... a day at")
        product = number_end >= 0 and bool(_PRODUCT_GAP.match(sentence, number_end, match.start()))
        factors = (previous[0], value) if product and previous is not None else None
        number_end = match.end(1)
        previous = (value, match.start() + len(text))
        # What a figure counts, not what it counts per: "5 requests a search, so about
        # 5,800 a second" restates the requests, and carrying "search" over read the 5,800
        # as searches (the 100 million a day, "Which one are you designing for?").
        previous_named = named - _denominator(label)
    return out


# A conjunction that opens the next clause: "every 8 seconds when the car is idle" is quoted
# as "8 seconds", not "8 seconds when the car".
_CLAUSE_AFTER = re.compile(
    r"\s+(?:when|whenever|while|if|unless|until|because|since|once|where|whereas)\b.*$", re.I
)
# A change the candidate proposes, in the clause before the number: "I'd batch fixes and
# send every 8 seconds", "we could drop to 8 seconds". An estimate said the same way ("I'd
# say 2 million drivers", "I'd design for 3 million") still states a figure.
# ("idle cars could batch and send every 8 seconds": "could" proposes whoever does it; a
# "could be" or "could reach" said of a figure still estimates it.)
_PROPOSES = re.compile(
    r"\b(?:i'd|i would|we'd|we would|i could|we could)\s+"
    r"(?!(?:say|guess|estimate|expect|think|assume|imagine|figure|put|plan|design|size"
    r"|provision|budget)\b)"
    r"|\bcould\s+(?!(?:be|reach|hit|get|grow|go|have|see|take|say|guess|estimate|expect"
    r"|think|assume|imagine|figure|put|plan|design|size|provision|budget)\b)",
    re.I,
)
_CLAUSE_OPEN = re.compile(r"[;:.!?]|\bbut\b", re.I)


def _clause_start(sentence: str, start: int) -> int:
    """Where the clause holding a number starts: after the last semicolon, colon or "but"
    before it."""
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(sentence, 0, start)]
    return opens[-1] if opens else 0


_EVERY = re.compile(r"\bevery\s+(?:about\s+|around\s+|roughly\s+|~)?$", re.I)
_INTERVAL_NAME = re.compile(
    r"interval|every|period|frequen|poll|heartbeat|tick|cadence|refresh", re.I
)


def is_interval(ref: NumberRef) -> bool:
    """Whether a figure is how often something happens (ping_interval), not how long
    something lasts (hold_duration, trip_retention)."""
    return _INTERVAL_NAME.search(ref.name) is not None


# What holds something for a span of time: a lock, a lease, a timeout, a TTL; and the
# timers a client sets on input, a debounce or a throttle ("with a 150 ms debounce").
_LEASE_WORDS = (
    r"(?:locks?|leases?|timeouts?|ttls?|expir\w*|holds?|reservations?|debounces?|throttles?)"
)
_LEASE_AFTER = re.compile(rf"^\s*[a-z-]*\s*{_LEASE_WORDS}\b", re.I)
_LEASE_BEFORE = re.compile(rf"\b{_LEASE_WORDS}\s+(?:of|for|after|in)\s+(?:about\s+)?$", re.I)
_LEASE_NAME = re.compile(r"lock|lease|timeout|ttl|expir|hold|reserv|offer|debounc|throttl", re.I)
# A figure's name that makes it a bound ("max_debounce", "min_partitions").
_BOUND = re.compile(r"(?:max|min)_")


def _lease(sentence: str, match: re.Match[str], ref: NumberRef) -> bool:
    """Whether a span of time is how long a lock, lease, timeout, TTL or input timer holds
    ("a driver gets a 10 second lock", "a lease of 30 seconds", "with a 150 ms debounce"):
    the candidate's choice, never an interval the prompt gives of something else (how often
    a driver pings), unless the figure is itself such a span. A bound on one ("max_debounce",
    the most a latency budget leaves for it) is not: the timer chosen is no estimate of how
    long it may be, and was listed as "Estimate said: 150 ms debounce (max debounce)"."""
    if ref.dims != (1, 0):
        return False
    if _LEASE_NAME.search(ref.name) and not _BOUND.match(ref.name):
        return False
    after = sentence[match.end(1) :]
    return bool(_LEASE_AFTER.match(after) or _LEASE_BEFORE.search(sentence[: match.start(1)][-30:]))


# The thing a number is "of": "a campaign of 100 million users" is the campaign's size,
# not the 500 million users registered ("That looks low to me. What makes you pick 100
# million users?"). Words that say how much or which part are no such thing.
_OF_HEAD = re.compile(
    r"\b(?!(?:lots?|number|numbers|tens|hundreds|thousands|millions|billions|one|out|most"
    r"|some|all|each|any|total|sum|rate|average|maximum|minimum|max|min|upwards|excess"
    r"|order|range|factor|part|share|none|couple)\b)([a-z]{3,})\s+of\s+"
    r"(?:about\s+|around\s+|roughly\s+|up to\s+|nearly\s+|~)?$",
    re.I,
)


# The words of a figure's name that are HTTP methods ("gets_per_s"): said as the method.
_METHOD_PARTS = frozenset({"get", "gets", "put", "puts", "post", "posts", "delete", "deletes"})


@lru_cache(maxsize=2048)
def name_stems(name: str) -> frozenset[str]:
    """The stems of a figure's name ("gets_per_s"): a method's word in it is the method, not
    the verb "get" that `stems` drops, so "39,000 GETs/s" meets the GET rate, not the PUTs
    whose words the figure before it named."""
    parts = name.split("_")
    return stems(" ".join(p.removesuffix("s").upper() if p in _METHOD_PARTS else p for p in parts))


def gives_too(text: str, value: Q) -> bool:
    """Whether a fact's text states this value as one of its figures: "each 100 kB object"
    is the median the fact gives beside its 1 MB average ("the average object size is about
    1 MB. Most are small (median around 100 kB)"), said back; no other value for the
    average, to challenge or list as a disagreement. A figure the fact writes in words
    ("About one million drivers are online") is read as its digits, as the candidate's is."""
    return any(
        f.dims == value.kind and f.value.value > 0
        and abs(f.value.value - value.value) <= 0.1 * f.value.value
        for f in find_quantities(_in_digits(text)[0])
    )  # fmt: skip


_RATE_STEMS = stems(" ".join(RATE_NOUNS))


def _names_a_thing(label: str) -> bool:
    """Whether the words after a number name a thing it measures, more than a rate's noun
    ("writes"), a period or a unit's filler: "append-only extents", not "writes per second".
    Only a size is held to it ("1 GB extents" is the extents' size); a rate's noun varies
    too much ("1,200 runs a second" are the executions the clause's "peak" is of). The
    unit itself names nothing: "~6 GB for 50B URLs" names no thing of its own, and the
    filter its bracket follows is what it sizes."""
    named = stems(label) - _RATE_STEMS - _PERIOD_WORDS - _FILLERS - _KIND_WORDS
    return bool(named - _DATA_UNITS)


_DATA_UNITS = stems("b kb mb gb tb pb eb kib mib gib tib byte bytes bit bits")


def _of_head(before: str) -> frozenset[str]:
    """The stem of the noun a number right after "<noun> of" is of."""
    match = _OF_HEAD.search(before[-40:])
    return stems(match.group(1)) if match is not None else frozenset()


# One machine of a fleet: "each node generates 10K ids/s" is one node's share, and the
# fleet's 100,000 IDs a second is no figure to check it against (it was, and "looks low").
_UNIT = (
    r"(?:node|worker|shard|partition|server|ingester|broker|drive|disk|host|machine|instance"
    r"|box|process|replica|core|generator|gateway|fetcher)"
)
_PER_UNIT = re.compile(
    rf"\b(?:each|per|every|one|a single|a|an)\s+(?:[a-z-]+\s+)?{_UNIT}\b(?!s)", re.I
)
# What a whole of machines is called: a count said as what one is of ("a cluster of 6
# shards", "a fleet of 40 workers") is the whole's, whatever the clause opened with.
_WHOLES = stems("cluster fleet pool ring farm")
_UNIT_NAME = re.compile(rf"(?:^|_){_UNIT}(?:_|$)")
_MACHINES = re.compile(
    r"\s*(?:workers?|nodes?|servers?|machines?|instances?|pods?|consumers?|threads?|gpus?"
    r"|cores?|hosts?|containers?)\b",
    re.I,
)
_PER_THING = re.compile(
    r"\b(?:one|a single|each|every|per)\s+"
    r"(?!(?:second|sec|minute|min|hour|day|week|month|year)s?\b)[a-z]{3,}",
    re.I,
)
# A figure said of what one thing holds: "100,000 cells in one operation", "5 MB in a single
# request". Periods are no such thing ("in one day" is a rate's period).
_IN_ONE = re.compile(
    r"^[^,;:.]{0,30}?\b(?:in|for|of)\s+(?:one|a single|each|every)\s+"
    r"(?!(?:second|sec|minute|min|hour|day|week|month|year|go|place|piece)s?\b)([a-z]{3,})",
    re.I,
)


_ALERTS = re.compile(r"\b(?:alert|alarm|page|paging|pages|notify|fire|fires|trigger)\w*\b", re.I)
_FOR_SPAN = re.compile(r"\bfor\s+(?:more than\s+|over\s+|at least\s+|longer than\s+)?$", re.I)


# What a span of time is the width of: "1 min and 1 hour aggregates", "5-minute rollups".
_BUCKETS = re.compile(
    r"^[^,;:.]{0,25}?\b(?:aggregates?|aggregations?|roll-?ups?|buckets?|bins?|windows?"
    r"|resolutions?|granularity|precision)\b",
    re.I,
)


def _bucket_width(after: str, ref: NumberRef) -> bool:
    """Whether a span of time is said as the width of what data is rolled up into ("rolls
    up raw points into 1 min and 1 hour aggregates"): no interval or period the prompt
    gives (a rule evaluated every 30 seconds), unless the figure is itself such a width."""
    if ref.dims != (1, 0):
        return False  # a span of time only
    name = ref.name.lower()
    if any(word in name for word in ("resolution", "rollup", "bucket", "window", "granular")):
        return False
    return _BUCKETS.match(after) is not None


# One caller's share: "per API key", "each app", "per customer".
_PER_CALLER = re.compile(
    r"\b(?:per|each|every|a single|one)\s+(?:api\s+)?(key|app|tenant|customer|account|client"
    r"|caller|workspace|user)s?\b",
    re.I,
)


def _callers_refs(own: str, refs: tuple[NumberRef, ...]) -> tuple[NumberRef, ...]:
    """The figures of the one caller a clause names ("each client": "..._per_client")."""
    found = _PER_CALLER.search(own)
    if found is None:
        return ()
    return tuple(r for r in refs if f"per_{found.group(1).lower()}" in r.name.lower())


def _per_caller(own: str, ref: NumberRef) -> bool:
    """Whether a figure is said of one caller ("token bucket per API key, 100 requests/s")
    and the reference is not a figure of one such caller ("api_req_per_s" is the fleet's;
    "files_per_user" is one user's, "default_limit" a limit, which is any caller's)."""
    found = _PER_CALLER.search(own)
    name = ref.name.lower()
    if found is None or found.group(1).lower() in name:
        return False
    return not any(word in name for word in ("limit", "quota"))  # a limit is any caller's


# A span of media: "2 seconds of decoded frames", "10 minutes of 4K video", "2 seconds at 60
# fps".
_MEDIA = re.compile(
    r"^\s*[a-z]*\s*(?:of\s+(?:[\w-]+\s+){0,2}(?:frames?|video|footage|audio|media|playback)\b"
    r"|at\s+\d+\s*fps\b)",
    re.I,
)


def _media_span(after: str, ref: NumberRef) -> bool:
    """Whether a span of time is an amount of video ("cache about 2 seconds of decoded
    frames"), which no per-frame time or interval the prompt gives is: only a figure of a
    length of media (a duration, a buffer) may be it."""
    if ref.dims != (1, 0):
        return False
    name = ref.name.lower()
    if any(word in name for word in ("duration", "length", "video", "clip", "buffer", "media")):
        return False
    return _MEDIA.match(after) is not None


def _alert_window(sentence: str, start: int) -> bool:
    """Whether a number is how long a condition must hold before an alert fires: "alert if
    p99 goes over 2 seconds for 5 minutes". It is the candidate's monitoring window, no
    figure of the prompt (a five-minute trip)."""
    return _FOR_SPAN.search(sentence[max(0, start - 30) : start]) is not None and bool(
        _ALERTS.search(sentence)
    )


def _of_one_thing(after: str, ref: NumberRef) -> bool:
    """Whether the words after a number say it counts what one thing holds ("in one
    operation"), where the reference it was read as names no such thing: the prompt's
    figure is a total, and one paste's cells are no sheet's."""
    found = _IN_ONE.match(after)
    if found is None:
        return False
    return not stems(found.group(1)) & name_stems(ref.name)


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s*$", re.I)
# The noun right after a size's unit, with no "of", "per" or "each" between them.
_THING_NEXT = re.compile(r"\s*(?!(?:of|per|each|a|an|the|in|on|for|to|at|is|are)\b)[a-z]", re.I)


def _share_unsaid(derived: str, ref: NumberRef) -> bool:
    """Whether a reference is one thing's share ("items_per_slot", "max_seats_per_booking")
    and the number's own words never say it per that thing ("per slot", "each slot", "in a
    slot"). Such a number may count the whole ("480 items when the machine is full"), and a
    total checked against one slot's figure drew "That looks high to me" on right working."""
    parts = ref.name.split("_")
    if len(parts) < 3 or parts[-2] != "per" or parts[-1] in _TIME_PARTS:
        return False
    thing = parts[-1]
    if _unit_ref(ref.name):
        return False  # one machine's figure: read by `per_unit`
    per = rf"\b(?:per|each|every|a|an|one|a single)\s+(?:[a-z-]+\s+)?{re.escape(thing)}"
    said = re.search(per, derived, re.I)
    if said is None and re.search(rf"\b{re.escape(thing)}", derived, re.I):
        said = re.search(r"\b(?:each|apiece)\b", derived, re.I)  # "slots hold 100 items each"
    return said is None


# (Not the comma of a number: "about 10,700 hinted writes a second per down node" was cut
# at "10", and "per down node" was no longer said of it.)
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()]|\b(?:so|which|then|but|while|whereas)\b", re.I)


def _near(value: Q, ref: NumberRef) -> bool:
    """Whether a number, read as the reference counts it, is within 3x of it."""
    return abs(math.log(value.value / ref.value)) <= math.log(_CLOSE)


_FILLERS = stems("a an per at about around roughly s sec")


def _continues_list(
    sentence: str, previous: tuple[Q, int] | None, start: int, named: frozenset[str], after: str
) -> bool:
    """Whether a number that names nothing of its own ("1,750 a second", "12K at peak")
    follows a figure of the same kind in a list: after a comma or "and", close by, with no
    working between them."""
    if previous is None or named - _PERIOD_WORDS or previous[0].kind == (0, 0):
        return False
    if stems(after) - _PERIOD_WORDS - _FILLERS:
        return False  # "1,750 webhook events a second" says what it counts
    gap = sentence[previous[1] : start]
    return len(gap) < 50 and ("," in gap or " and " in gap) and not _DERIVES.search(gap)


_WORKED = re.compile(
    r"(?:\b(?:each|apiece)\s+(?:is|are|comes to|gives)|[=≈]|\bcomes? to|\bworks? out to)"
    r"\s*(?:about|roughly|around|~)?\s*$",
    re.I,
)


# What joins the two factors of a product said aloud ("200,000 formulas at 2 microseconds",
# "90 million POSTs a day at 2 kB", "1M x 5"), and what joins its result on after them.
_PRODUCT_GAP = re.compile(
    r"[^,;.!?\d]{0,30}?\b(?:at|times)\s+(?:about\s+|roughly\s+|~)?$|\s*[x×*]\s*$", re.I
)
_RESULT_GAP = re.compile(
    r"\s*(?:each\s+)?(?:,\s*)?(?:so|is|that's|that is|which is|gives|=|≈)?\s*"
    r"(?:about|roughly|around|approximately|~)?\s*$",
    re.I,
)


# The periods a rate factor may be said over ("90 million POSTs a day" is read per second).
_PRODUCT_PERIODS = (1.0, 60.0, 3600.0, 86400.0, 30 * 86400.0, 365 * 86400.0)


def _their_product(first: Q, second: Q, result: Q) -> bool:
    """Whether a result is the product of two factors said before it slipped by a power of
    ten: 40 ms after "200,000 formulas at 2 microseconds" (400 ms worked), not 4 GB after "2
    seconds at 60 fps" (120 frames, times a frame size said earlier). A product worked right
    is left as it was read ("10M open jobs at 5 KB, about 50 GB"): only the slip is new."""
    base = first.value * second.value
    if base <= 0 or result.value <= 0:
        return False
    rate = first.kind[0] < 0 or second.kind[0] < 0
    for period in _PRODUCT_PERIODS if rate else (1.0,):
        power = math.log10(result.value / (base * period))
        if abs(power - round(power)) < 0.03 and 1 <= abs(round(power)) <= 3:
            return True
    return False


def _worked_result(sentence: str, previous: tuple[Q, int] | None, start: int) -> bool:
    """Whether a number is the result of working just before it in its sentence: "200,000
    formulas at 2 microseconds each is 40 ms", "1M x 5 = 5M"."""
    return previous is not None and _WORKED.search(sentence[max(0, start - 30) : start]) is not None


def _restates(sentence: str, previous: tuple[Q, int] | None, start: int) -> bool:
    """Whether a number says the one just before it again in other units: "100 million a
    month, which is about 40 a second", "1 billion a day, so roughly 1,000 per second"."""
    if previous is None:
        return False
    gap = sentence[previous[1] : start]
    return len(gap) < 40 and _RESTATES.search(gap) is not None


_PERIOD_WORDS = stems("second seconds minute hour day week month year average peak")
# Words every figure of a kind has: "a part size of 8 MB" shares only "size" with
# "abandoned_partial_size" (what an abandoned upload stopped at), and was called low.
_UNIT_WORDS = stems("second seconds minute minutes hour hours ms millisecond milliseconds size")
_RESTATES = re.compile(r"\b(?:which is|that's|that is|so|i\.e\.|or)\b|[=≈]", re.I)


def _usable(
    refs: tuple[NumberRef, ...], per_unit: bool, words: frozenset[str]
) -> tuple[NumberRef, ...]:
    """The references a number may be: one machine's figures for a number said of one
    machine; otherwise the rest, and a machine's figure only when the number's words name
    it. "1 billion notifications a day, which is roughly 1,000 per second on average" is
    the fleet's rate, not one sender worker's 2,000 provider calls a second, though the two
    are close: read as that, it was reported as an assumption about worker capacity."""
    if per_unit:
        return tuple(r for r in refs if _unit_ref(r.name))
    # Named by its machine, not by what it counts: "10M series" is the fleet's active
    # series, not the 2 million one ingester holds ("series_per_ingester").
    return tuple(r for r in refs if not _unit_ref(r.name) or words & _machine_words(r.name))


def _machine_words(name: str) -> frozenset[str]:
    """The words of a machine's figure that name the machine ("ingester", "node")."""
    parts = name.split("_")
    return stems(" ".join(p for p in parts if re.fullmatch(_UNIT + "s?", p)))


def _unit_ref(name: str) -> bool:
    """Whether a reference figure is one machine's ("node_ops", "ids_per_worker_per_s"), not
    the fleet's or a count of machines ("cache_nodes")."""
    return _UNIT_NAME.search(name) is not None


def _subject_start(
    sentence: str,
    number: re.Match[str],
    spans: list[tuple[int, int]],
    phrases: dict[int, FoundQuantity],
) -> int:
    """Where the words a number's clause says of it before it begin: its clause, after the
    number before it and that number's own words ("300 million daily users and about 100
    graph lookups each": "users" is what the 300 million counts, not the 100)."""
    before = max((f.end for f in phrases.values() if f.end <= number.start(1)), default=0)
    return max(_own_span(sentence, number, spans)[0], before)


def _own_words(sentence: str, number: re.Match[str], spans: list[tuple[int, int]]) -> str:
    """The words of a number's clause that are its own: from the number before it to the
    number after it. In "so 1M checks/s is about 170K per shard", "per shard" is said of
    170K; the 1M is the fleet's rate."""
    left, right = _own_span(sentence, number, spans)
    return sentence[left:right]


def _after_derivation(own: str, at: int) -> str:
    """A number's own words from the last "that is", "so" or "=" before it: in "at 2 TB
    usable per node that is 750 nodes", "per node" is said of the 2 TB, and the 750 nodes
    (the fleet, ten times too many) were read as one node's figure and never checked."""
    ends = [found.end() for found in _DERIVES.finditer(own, 0, max(at, 0))]
    return own[ends[-1] :] if ends else own


def _own_span(
    sentence: str, number: re.Match[str], spans: list[tuple[int, int]]
) -> tuple[int, int]:
    start, end = number.start(1), number.end(1)
    before = max((e for s, e in spans if e <= start), default=0)
    after = min((s for s, e in spans if s >= end), default=len(sentence))
    left, right = _clause_span(sentence, start)
    return max(left, before), min(right, after)


def _clause_span(sentence: str, at: int) -> tuple[int, int]:
    """Where the clause of the sentence that holds the position `at` starts and ends."""
    start = 0
    for found in _CLAUSE_BREAK.finditer(sentence):
        if found.start() >= at:
            return start, found.start()
        start = found.end()
    return start, len(sentence)


# A number written beside a colon and another number: a ratio ("100:1") or a clock time.
# A share written as a fraction ("moves only about 1/32 of the keys", "2/3 of reads"): the
# denominator is no count of anything, and "How did you get 32?" asked about a share.
_FRACTION = re.compile(r"(?<![\w.,/])\d{1,2}/\d{1,4}(?![\w.,/])")
_RATIO_AFTER = re.compile(r"\s?:\s?\d")
_TIMES_AFTER = re.compile(r"\s*(?:times\b|x\b|×)", re.I)
_RATIO_BEFORE = re.compile(r"\d\s?:\s?$")


def _shortened(phrase: FoundQuantity | None) -> bool:
    """Whether a bare count after a rate is that rate said short ("12K at peak", "400
    writes"), not a quantity of its own: a ratio ("100 reads per write") or a count of
    other things ("5 renditions") keeps its own kind."""
    if phrase is None:
        return True
    if phrase.per:
        return False
    return not phrase.noun or phrase.noun[0].lower() in RATE_NOUNS


# A count after a derivation's connective starts the next step of the working, not the next
# item of a list: "Average file is 5 MB, so 10 million uploads is 50 TB a day" counts
# uploads; read as 10 million bytes, it was challenged as the average file size.
_DERIVES = re.compile(r"\b(?:so|that's|that is|which is|which means|thus|hence|times)\b|[=×]", re.I)


_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50,
    # "wait a couple of seconds between requests to one host" states the 2-second gap: the
    # report listed the politeness fact as "Never asked or assumed" beside it.
    "a couple of": 2,
}  # fmt: skip
# "a million", "two billion", "half a million": a number said in words, as people say
# their estimates aloud ("that's a million checks a second").
_WORDS_NUMBER = re.compile(
    r"(?<![\w.])(?:(half an?|" + "|".join(_COUNTS) + r")\s+)"
    r"(hundred|thousand|million|billion|trillion)\b(?!\s+(?:of|and)\b)",
    re.I,
)


# A span of time said in words: "kept for a year", "deleted after one month", "three years".
# A single period is a span only after "for", "after", "within" or "than" ("10 TB a year"
# is a rate; "for a year" is how long); two or more of them are a span anywhere.
_WORDS_PERIOD = re.compile(
    r"(?:(?<=\bfor )|(?<=\bafter )|(?<=\bwithin )|(?<=\bthan ))(a|an|one)\s+"
    r"(second|minute|hour|day|week|month|year)\b(?!s)"
    r"|(?<![\w.])(" + "|".join(c for c, n in _COUNTS.items() if n > 1) + r")\s+"
    r"(seconds|minutes|hours|days|weeks|months|years)\b",
    re.I,
)
_SAID_IN_WORDS = re.compile(f"{_WORDS_NUMBER.pattern}|{_WORDS_PERIOD.pattern}", re.I)


def _in_digits(sentence: str) -> tuple[str, dict[int, tuple[str, str]]]:
    """The sentence with numbers said in words written in digits ("a million" -> "1
    million", "for a year" -> "for 1 year"), and, at each such number's new start, its
    digits and its words."""
    out: list[str] = []
    said_as: dict[int, tuple[str, str]] = {}
    end = size = 0
    for match in _SAID_IN_WORDS.finditer(sentence):
        if match.group(1) is None:  # a span of time: "a year", "three years"
            count = (match.group(3) or match.group(5)).lower()
            period = match.group(4) or match.group(6)
            digits = f"{_COUNTS[count]} {period}"
        else:
            count = match.group(1).lower()
            scale = match.group(2).lower()
            digits = f"0.5 {scale}" if count.startswith("half") else f"{_COUNTS[count]} {scale}"
            if scale == "hundred":
                digits = "50" if count.startswith("half") else str(_COUNTS[count] * 100)
        out.append(sentence[end : match.start()])
        start = size + match.start() - end
        said_as[start] = (digits, match.group(0))
        out.append(digits)
        size = start + len(digits)
        end = match.end()
    if not said_as:
        return sentence, said_as
    out.append(sentence[end:])
    return "".join(out), said_as


# "46 Gbit/s of the 930 at peak": the whole a part is said out of, in the same unit.
_PART_OF = re.compile(r"\s(?:out\s+)?of\s+(?:the\s+)?(?:about\s+|roughly\s+|~)?$", re.I)


def _factor_ref(ref: NumberRef) -> bool:
    """A prompt's peak factor ("peak_factor: 3"): a multiplier, with no unit."""
    return "peak" in ref.name and ref.kind == "fact" and ref.dims == (0, 0)


# "at peak", "at the evening peak", "at a 5x holiday peak"
_PEAK_BEFORE = re.compile(r"\b(?:at|during|in)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}peak\b", re.I)


def _peak(phrase: FoundQuantity | None) -> bool:
    """Whether the number is said to be a peak ("peaks near 3,600", "12K at peak")."""
    if phrase is None:
        return False
    return any(w.lower().startswith("peak") for w in (*phrase.label, *phrase.noun))


def _longest_reading(number: str, words: str) -> tuple[str, Q] | None:
    """The longest prefix of "number words..." the grammar can read."""
    tokens = words.split()
    for size in range(len(tokens), -1, -1):
        text = " ".join([number, *tokens[:size]])
        try:
            return text, read_quantity(text).value
        except (UnreadableEstimate, ValueError, ZeroDivisionError):
            continue
    return None


def _at_peak(sided: tuple[NumberRef, ...], refs: tuple[NumberRef, ...]) -> tuple[NumberRef, ...]:
    """The rates a figure said at the peak is read against: a daily rate the prompt gives no
    peak of ("payments_per_s") times the prompt's peak factor, so "1,750 payments a second
    at a 5x peak" is the payment rate at its peak, not the nearest rate by value (webhook
    events at 1,040 a second on average)."""
    factors = [r.value for r in refs if "peak" in r.name and r.dims == (0, 0) and r.value > 1]
    if not factors:
        return sided
    return tuple(
        replace(r, value=r.value * factors[0])
        if r.time == -1 and "peak" not in r.name and not _has_twin(r, refs)
        else r
        for r in sided
    )


def _an_average(ref: NumberRef, refs: tuple[NumberRef, ...]) -> bool:
    """Whether a figure is the average of a quantity whose peak the prompt also gives: the
    average itself ("exec_per_s"), or the fact it is read from, under another name
    ("executions_per_day", the same rate). A number said at peak is neither."""
    if "peak" in ref.name:
        return False
    return any(
        "peak" not in other.name
        and _has_twin(other, refs)
        and other.dims == ref.dims
        and abs(other.value - ref.value) <= 0.01 * ref.value
        for other in refs
    )


_AVERAGE = re.compile(r"\b(?:avg|average|on average|mean)\b", re.I)
_PER_DAY = re.compile(r"(?:\b(?:a|per|each|every)\s+day|/\s*day|\bdaily)\b", re.I)


def _has_twin(ref: NumberRef, refs: tuple[NumberRef, ...]) -> bool:
    """Whether the prompt has the same quantity at the other end of the day: a peak figure
    ("location_updates_peak") with an average beside it, or an average with its peak. With
    no twin ("250,000 location writes a second" from the busiest hour's drivers, only a peak
    figure given), a figure not said as a peak is still that figure."""
    words = set(ref.name.split("_")) - {"peak"}
    return any(
        other is not ref and set(other.name.split("_")) - {"peak"} == words for other in refs
    )


# The thing a figure is counted per, after its own noun: "requests a search", "reads per
# user" (a period is no thing: "a day" says when, and `_PERIOD_WORDS` drops it anyway).
_PER_NOUN = re.compile(r"\S\s+(?:a|an|per|each|every)\s+([a-z]{3,})\b", re.I)


def _denominator(label: str) -> frozenset[str]:
    """The stems of what a figure is counted per ("search" of "requests a search")."""
    match = _PER_NOUN.search(label)
    return stems(match.group(1)) if match is not None else frozenset()


# A replication factor named before its number: "replication 3", "a replication factor of
# 3", "RF=3".
_REPLICATION_BEFORE = re.compile(
    r"\b(?:replication(?:\s+factor)?|rf)\s*(?:of\s+|=\s*|:\s*|is\s+)?$", re.I
)
_REPLICATION_WORDS = stems("replication factor")


# A count joined to its noun by a hyphen, as an adjective of the next noun: "a 100-person
# board", "a 5-node cluster". The hyphenated noun is what is counted.
_COMPOUND_COUNT = re.compile(r"^-[a-z]+\b(?=\s+[a-z])", re.I)


def _label(sentence: str, start: int) -> str:
    """The words that name what a number counts: up to the next number or clause break."""
    rest = sentence[start : start + 40]
    stop = re.search(r"\d|[,;:(]|\b(?:and|is|so|which|then|but)\b", rest)
    return rest[: stop.start()] if stop else rest


def _reference(
    value: Q,
    words: frozenset[str],
    refs: tuple[NumberRef, ...],
    per_second: bool,
    said: str,
    *,
    named_only: bool = False,
) -> tuple[NumberRef, Q] | None:
    """The reference of the same kind sharing most words with the number's label, the
    closest in value among equals, and the number read as that reference counts it. One
    within 3x comes first: "100 million posts a day is about 1,200 writes a second" is the
    post rate (1,157/s), not the fan-out writes (231,000/s) that share the word; a rate
    said per second is a derived figure, not the fact it comes from. Without a shared word
    only a reference within 3x is taken: an unlabelled number may be credited, never called
    wrong.

    What a number is said over matters as much as its unit. A reference that counts per day
    ("video_hours_per_day", a day's hours) is met by "720,000 hours a day", read as a rate,
    and one that counts per year by "2 PB of new storage a day", 365 times over; not by an
    amount said over a span ("5-year storage"). Money is counted without a unit, so a bare
    number is never a cost: "500 hours uploaded a minute" shares "upload" with
    "storage_cost_per_year_of_uploads", and checking one against the other told the
    candidate their upload rate "looks low".
    """
    money = _CURRENCY.search(said) is not None
    best: tuple[int, float, NumberRef, Q] | None = None
    best_key: tuple[bool, bool, int, float] | None = None
    for ref in refs:
        if ref.value <= 0 or value.value <= 0:
            continue
        if _MONEY.search(ref.name) and not money:
            continue
        read = _as_counted(value, ref, said)
        if read is None or _counts_another_thing(value, said, ref):
            continue
        if (_REQUEST_RATE.search(said) or _METHOD_COUNT.search(said)) and not name_stems(
            ref.name
        ) & _REQUEST_NAMES:
            # "1,750 req/s" counts requests: no figure of webhook events ("webhook_events_
            # per_s"), though near it in value; it was listed as "1,750 req/s (webhook events
            # per second)" and credited the webhook estimate.
            continue
        # A unit said names no figure: "a round trip is about 220 seconds" shares only
        # "second" with "seconds_per_stop", and was called 22 times one stop's cost.
        shared = len(words & _ref_words(ref) - _UNIT_WORDS)
        distance = abs(math.log(read.value / ref.value))
        if per_second != (ref.kind == "step"):
            distance += 0.01  # a tie-break only
        if shared == 0 and (named_only or value.kind == (0, 0) or distance > math.log(_CLOSE)):
            continue  # (a figure restated is of what it was said of, however close another)
        if distance > math.log(_UNRELATED):
            continue  # a thousand times apart: another quantity that shares a word
        close = distance <= math.log(_CLOSE)
        # A figure restated ("300 million daily users and 100 graph lookups each, that's
        # about 35,000 reads a second") is of what was said, word for word: the graph reads,
        # every word of them said, not the database reads behind a cache ("db" never said),
        # however close.
        full = named_only and _KIND_WORDS | {"s"} | words >= name_stems(ref.name)
        key = (full, close, shared, -distance)
        if best_key is None or key > best_key:
            best, best_key = (shared, distance, ref, read), key
    return (best[2], best[3]) if best else None


@lru_cache(maxsize=2048)
def _given_noun(ref: NumberRef) -> tuple[str, ...]:
    """What a rate or a size the interviewer gave counts, in the fact's words, up to its
    plural: "lock acquires" of "About 2,000 lock acquires and releases per second", "small
    writes" of "commits about 30,000 small writes per second"; nothing for a count or a
    figure worked out (whose name is all there is), or when the words after the figure
    count nothing ("... while", "people use the app")."""
    if ref.kind != "fact" or ref.dims == (0, 0) or ref.value <= 0:
        return ()
    # (A rate whose period comes later, "2,000 lock acquires ... per second", reads as a
    # count of its value.)
    kinds = (ref.dims, (0, 0)) if ref.dims[0] == -1 else (ref.dims,)
    for found in find_quantities(_in_digits(ref.text)[0]):
        if found.value.kind in kinds and 0.9 <= found.value.value / ref.value <= 1.1:
            plural = next(
                (n for n, w in enumerate(found.noun) if w.endswith("s") and not w.endswith("ss")),
                None,
            )
            return () if plural is None else found.noun[: plural + 1]
    return ()


@lru_cache(maxsize=2048)
def _ref_words(ref: NumberRef) -> frozenset[str]:
    """The words a figure is named by: its name's, and for a rate or a size the interviewer
    gave, the words the fact says it with ("About 2,000 lock acquires and releases per
    second" is `avg_lock_ops`, and "At 50,000 acquires a second" is that figure said
    twenty-five times over, which went unchecked because "acquires" is no word of its
    name). A count is left to its name: the words after "500 million people use" name no
    thing a count of servers or shards could not share."""
    noun = stems(" ".join(_given_noun(ref)))
    extra = noun - _PERIOD_WORDS - _FILLERS - _UNIT_WORDS - _KIND_WORDS
    return name_stems(ref.name) | extra


# A rate said in requests: its unit names what it counts.
# ("1,400 requests a second if we send one per keystroke" counts requests too, and was
# taken for the 1,157 searches a second, near in value, so the tenfold slip went unchecked.)
_REQUEST_RATE = re.compile(
    r"\d\s*(?:req(?:uest)?s?\s*/\s*s(?:ec)?\b|rps\b|qps\b"
    r"|requests?\s+(?:a|per|each)\s+(?:second|sec)\b)",
    re.I,
)
# A count of HTTP calls by their method ("90 million POSTs a day"): requests, over any
# period. Said of an idempotency store, it was taken for the 30 million payments a day and
# asked back as a disagreement ("Which one are you designing for?"), though three POSTs a
# payment make it.
_METHOD_COUNT = re.compile(
    r"\d\s*(?:[kmb]\b|thousand|million|billion)?\s*(?-i:GET|POST|PUT|PATCH|DELETE)s?\b", re.I
)
# The words of a figure's name that count requests of some kind.
_REQUEST_NAMES = stems(
    "req reqs request requests api call calls qps rps read reads write writes get gets put puts"
    " post posts op ops operation operations query queries lookup lookups hit hits traffic"
) | stems("GET PUT POST PATCH DELETE")  # a method as a figure's name reads it ("gets_per_s")

# What a number counts: the plural after it, past one word ("100,000 replicated writes").
_COUNTED = re.compile(r"^\s*\S+\s+(?:[a-z]+\s+)?([a-z]+s)\b", re.I)


def _counts_another_thing(value: Q, said: str, ref: NumberRef) -> bool:
    """A count or a rate names what it counts ("50 rows", "50,000 acquires a second"); a
    reference that counts other things ("visible_cells", "herd_notifications") is not its
    figure, even when another word ("visible") is shared or the values are close: "only 50
    rows are visible" was checked against 774 visible cells and called low, and "50,000
    acquires a second" was credited as the 50,000 watch notifications a second of a herd."""
    match = _COUNTED.match(said)
    head = _counted_head(ref.name)
    if not head.endswith("s") and head not in _TIME_PARTS and _given_noun(ref):
        # A figure whose name counts nothing ("commit_capacity") counts what its fact says:
        # "about 30,000 small writes per second", no lock acquires ("At 50,000 acquires a
        # second" was taken for the cluster's capacity, near in value, and the lock rate
        # said 25 times over went unchecked).
        head = _given_noun(ref)[-1]
    if match is None or not head.endswith("s") or len(head) < 4:
        return False
    return _wire_kind(stems(match.group(1))) != _wire_kind(stems(head))


# What goes over a connection is counted by any of these words: "19,800 cursor updates a
# second" are the cursor messages ("cursor_msgs_per_client") in other words, and a tenfold
# slip in them passed unchecked because "updates" was taken for another thing counted.
_WIRE_COUNTS = frozenset({"messag", "msg", "updat", "event", "ping"})


def _wire_kind(found: frozenset[str]) -> frozenset[str]:
    return frozenset({"messag"}) if found and found <= _WIRE_COUNTS else found


# A figure name's last part that is a unit ("reads_per_s", "price_per_gb"): a rate or a
# price, not one thing's share.
_TIME_PARTS = frozenset(
    "s ms us sec second minute min hour day week month year quarter gb tb".split()
)


def _counted_head(ref_name: str) -> str:
    """The word of a figure's name that says what it counts: its last, before an "at"
    phrase that says when it holds. "db_reads_at_peak" counts reads; read as "peak" it
    counted nothing, and "4.4M ops/s at peak" (gets, sets and deletes together) was checked
    against the 200,000 database reads a second behind the cache and called high. A bare
    "_peak" suffix is left as it was: "250,000 location writes a second" are the
    "location_updates_peak" in other words, which a word-for-word check would refuse. A
    share of one thing ("max_seats_per_booking") counts what comes before "per": "50
    threads grab the same seat" is no number of seats a booking may take."""
    parts = ref_name.split("_")
    if len(parts) > 2 and parts[-2] == "at":
        parts = parts[:-2]
    if len(parts) > 2 and parts[-2] == "per" and parts[-1] not in _TIME_PARTS:
        parts = parts[:-2]  # "max_seats_per_booking" counts seats, one booking's
    return parts[-1]


def _as_counted(value: Q, ref: NumberRef, said: str) -> Q | None:
    """The spoken quantity as the reference counts it, or None when it is another one: a
    rate said per the reference's own period is that period's amount; an amount said for
    another period than the reference's is not comparable."""
    period = reference_period(ref.name)
    if value.kind == ref.dims:
        if period is not None and value.kind[0] >= 0 and other_period(said, ref.name):
            # "2 PB of new storage a day" is a year's storage over 365; "5-year storage"
            # is a total over a span, compared with nothing.
            every = every_period(said)
            if every is None or every == period:
                return None
            return Q(value.value * SECONDS[period] / SECONDS[every], *value.kind)
        return value
    per_period = (value.kind[0] + 1, value.kind[1]) == ref.dims
    if period is not None and per_period and every_period(said) is not None:
        # A rate said over any period ("240 TB a day") is so much per the reference's period
        # (a year's storage, 365 times a day's): read only when said over the same period, a
        # day's storage found no storage figure and was taken for the peak upload ingress.
        return Q(value.value * SECONDS[period], *ref.dims)
    return None


# Words of a figure's name that say only what kind of quantity it is, which its unit says.
_KIND_WORDS = frozenset({"size", "per", "day", "rate", "time", "count", "total", "num"})


def names_figure(spoken: Spoken, ref: NumberRef, given: str) -> bool:
    """Whether the words said with a number name the figure `ref`, stated in the sentence
    `given`: a word of the figure's name begins one of them ("app" of "applications" for
    app_retention), or two of them are words of the sentence that gave it ("applications",
    "kept"). "Postings are kept for a year" shares "kept" with "Applications are kept for
    three years": another thing's retention, never compared with it."""
    said = spoken.words - _PERIOD_WORDS
    name = [w for w in name_stems(ref.name) if len(w) >= 3 and w not in _KIND_WORDS]
    if any(word.startswith(part) for part in name for word in said):
        return True
    return len(said & (stems(given) - _PERIOD_WORDS)) >= 2


def given_phrase(ref: NumberRef, text: str) -> tuple[str, str] | None:
    """The phrase of a fact's text that states the figure `ref`, as written ("three
    years"), and the sentence it is in; None when no phrase of the text is that figure."""
    period = reference_period(ref.name)
    # ("On a normal day about 2 million orders are placed": a day's count, its period said
    # apart from it, is the figure orders_per_day.)
    whole = ref.value * SECONDS[period] if period is not None and ref.dims[0] == -1 else None
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        for found in quantities_in(sentence, (ref,)):
            if found.ref is ref and found.ratio is not None and 0.9 <= found.ratio <= 1.1:
                return found.text, sentence.strip()
            if whole and found.value.kind == (0, 0) and 0.9 <= found.value.value / whole <= 1.1:
                return found.text, sentence.strip()
    for sentence in re.split(r"(?<=[.!?;])\s+", text) if ref.value > 0 else ():
        # The fact the figure is defined from states it in its own words, whether or not
        # they read as the figure's: "About 500 million people use the app daily" is `dau`,
        # though "people use the app" names no users, and "50 million users" said back
        # against it went unrecorded. Its value and kind, once in the sentence, are it.
        # (A rate whose period the sentence says apart from it, "About 2,000 lock acquires
        # and releases per second", reads as a count of its value.)
        kinds = {ref.dims}
        if ref.dims == (-1, 0) and _PER_SECOND_SAID.search(sentence):
            kinds.add((0, 0))
        same = [
            found
            for found in quantities_in(sentence, ())
            if found.value.kind in kinds and 0.9 <= found.value.value / ref.value <= 1.1
        ]
        if len(same) == 1:
            return same[0].text, sentence.strip()
    return None


_PER_SECOND_SAID = re.compile(r"\b(?:per|a|each|every)\s+second\b", re.I)


def given_clause(phrase: str, sentence: str) -> str:
    """What the interviewer said of a figure, to say it again: the sentence's clause that
    holds the phrase ("Applications are kept for three years", "On a normal day about 2
    million orders are placed"), or the phrase alone when the sentence does not hold it as
    written."""
    at = sentence.find(phrase)
    if at < 0:
        return phrase
    start = max(sentence.rfind(";", 0, at), sentence.rfind(":", 0, at)) + 1
    # (An aside opened after the figure ends it: "About 2 million large uploads a day
    # (videos, raw camera files, archives)" was said back as "... a day (videos".)
    stop = re.search(r"[,;:(]|[.!?]$", sentence[at + len(phrase) :])
    end = at + len(phrase) + stop.start() if stop else len(sentence)
    clause = sentence[start:end].strip()
    # A clause that says much else ("Every execution leaves a history record (start, end,
    # ...) of about 500 bytes, which owners can query for 90 days") buries the figure.
    return clause if len(clause.split()) <= _CLAUSE_WORDS else phrase


_CLAUSE_WORDS = 12


def names_another(spoken: Spoken, text: str, given: str) -> bool:
    """Whether the words said with a number name what another sentence of a fact's `text`
    is about and the sentence `given` (the one that gives the figure) is not: "Postings
    are kept for a year" against "Postings expire after 30 days unless renewed.
    Applications are kept for three years" is about the postings."""
    others = stems(text) - stems(given) - _PERIOD_WORDS
    return bool(spoken.words & others)


def counts_another_thing(spoken: Spoken, ref: NumberRef) -> bool:
    """Whether a count said names another thing than the figure counts: "the 8 cells
    around it" counts cells, never the million drivers online, whatever the clause says of
    drivers."""
    return _counts_another_thing(spoken.value, spoken.text, ref)
