"""Capacity is read from what an answer computes, however it is written, and a rung is
credited only on evidence of that rung (issue 9, "judge substance, not mentions")."""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import read_text
from tradeoff.language.claims import Claim
from tradeoff.language.texmath import plain_math
from tradeoff.review.substance import Rung, ladder


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, tuple(catalog().vocabulary.concepts.values()))


def rungs(text: str) -> dict[str, Rung]:
    return {r.name: r for r in ladder("capacity", claims(text))}


def test_typeset_formulas_read_as_plain_arithmetic() -> None:
    assert plain_math(r"$\frac{500 \times 10^6}{30 \times 24 \times 3600} \approx 193$ req/s") == (
        "(500 × 10^6) / (30 × 24 × 3600) ≈ 193 req/s"
    )
    bold = r"$50\text{M} \times 200\text{ bytes} \approx \mathbf{10\text{ GB/day}}$"
    assert plain_math(bold) == "50M × 200 bytes ≈ 10 GB/day"
    assert plain_math(r"\frac{1 \times 10^9}{86\,400} ≈ 11\,574 \text{ writes/s}") == (
        "(1 × 10^9) / (86,400) ≈ 11,574 writes/s"
    )
    assert plain_math(r"\[ 2^{32} \approx 4.3\text{B} \]") == "2^32 ≈ 4.3B"


def test_dollar_amounts_are_not_math() -> None:
    text = "It costs $5 a month, or $10 with a replica; $ 3 is a typo."
    assert plain_math(text) is text


def test_typeset_estimates_reach_the_derived_rung() -> None:
    found = rungs(
        "## Estimates\n\n"
        r"- Writes: $\frac{100\text{M}}{2.6\text{M s}} \approx 38$ writes/s."
        "\n"
        r"- Reads: $38 \times 100 \approx 3{,}800$ reads/s."
        "\n"
        r"- Storage: $6\text{B} \times 500\text{ bytes} \approx 3\text{ TB}$."
        "\n"
    )
    assert found["rates and storage derived"].reached > 0.6


def test_deadlines_rate_limits_and_maximums_are_no_sanity_checks() -> None:
    found = rungs(
        "## Requirements\n\n"
        "- New posts reach followers within 5 seconds.\n"
        "- p99 under 100 ms within a region.\n"
        "- Each client gets a rate limit of 100 req/min.\n"
        "- Max upload size: 5 GB.\n"
    )
    assert found["sanity checks and limits"].reached == 0.0


def test_a_figure_judged_against_what_a_part_can_take_is_a_sanity_check() -> None:
    found = rungs(
        "## Estimates\n\n"
        "- 40 GB of counters per shard, within the 64 GB memory limit.\n"
        "- Worst case is bounded: 2,000 followees x 10 posts = 20,000 rows read.\n"
    )
    assert found["sanity checks and limits"].reached == 1.0


def test_a_judgement_of_the_figure_just_before_it_is_a_sanity_check() -> None:
    found = rungs(
        "## Storage\n\n"
        "Each year adds 10 TB x 3 copies = 30 TB.\n"
        "That is easily handled by a small sharded store.\n\n"
        "Hot set: 20% x 1B x 100 bytes = 20 GB.\n"
        "(This fits in RAM on one cache node.)\n"
    )
    assert found["sanity checks and limits"].reached == 1.0


def test_a_judgement_of_a_delay_is_no_capacity_check() -> None:
    found = rungs(
        "## Search\n\n"
        "An edited title may reach the index 1-5 seconds late.\n"
        "This is acceptable; ingestion throughput matters more.\n"
    )
    assert found["sanity checks and limits"].reached == 0.0


def test_a_per_second_conversion_is_a_derivation() -> None:
    for text in (
        "2 billion new files per month → ~770 writes/sec",
        "Uploads: 3,000,000 videos/day = 35/s on average",
        "Throughput: 500 queries / s (≈ 1.3B queries / month)",
    ):
        (claim,) = claims(text)
        assert claim.features.derivation, text
    for text in ("Peak: 10 req/s → 20 req/s with retries", "Limit: 100 req/s per key"):
        (claim,) = claims(text)
        assert not claim.features.derivation, text


def test_constants_dates_and_status_codes_compute_nothing() -> None:
    code = (
        "```\nlocal granted = 0\nif tokens >= 1 then\n"
        '"expires_at": "2030-06-30T00:00:00Z",\nCache-Control: public, max-age=600\n'
        "int32 retry_after_ms = 2;\nUse 4-8 shards by hash(key) mod N\n"
        "Copy every shard 3x (1 leader, 2 followers)\n```\n"
    )
    for claim in claims(code):
        assert not claim.features.derivation, claim.text
    (prose,) = claims("Redirects answer with a 301/302 to the stored address.")
    assert not prose.features.derivation


def test_sums_in_code_are_derivations() -> None:
    code = (
        "```\nper video   = 6 renditions x 120 MB = 720 MB\n"
        "bytes/day   = 2B views x 300 s x 0.3 MB/s\n            = 180 PB/day\n"
        "peak x3     = 6,000 uploads/s\nhot share: 15% of keys = 30M keys\n"
        "posts/user/day = 3 → 300 M posts/day\n```\n"
    )
    found = {c.text: c.features.derivation for c in claims(code)}
    assert all(found.values()), found


def test_a_fleet_counted_with_a_word_between_is_a_sizing() -> None:
    for text in (
        "We need at least 12-16 primary nodes to take 800K ops/s.",
        "4,000,000 / 100,000 = 40 primaries",
        "Transcoding runs on 300 GPU workers.",
    ):
        (claim,) = claims(text)
        assert claim.features.sizing, text
    for text in (
        "Each write lists 12 storage node IPs.",
        "Reads time out after a 5 ms primary check.",
        "A user with 10M followers posts.",
    ):
        (claim,) = claims(text)
        assert not claim.features.sizing, text


def test_an_item_asking_for_egress_needs_a_rate_of_bytes() -> None:
    from tradeoff.review.coverage import item_support

    item = next(
        i
        for i in catalog().problems["news-feed"].rubric.dimensions()["capacity"].items
        if i.id == "media-bandwidth"
    )
    budget = claims(
        "## Capacity\n\n- Media egress budget on the feed path: 40 ms p99 via the CDN.\n"
    )
    assert item_support(item, budget, dimension="capacity").status != "substance"
    rate = claims(
        "## Capacity\n\n- Media egress at peak: 170K feeds/s x 3 images x 200 KB = 100 GB/s,"
        " about 800 Gbit/s, so it comes from the CDN.\n"
    )
    assert item_support(item, rate, dimension="capacity").status == "substance"


def test_a_requirement_judges_no_estimate() -> None:
    found = rungs(
        "## Non-functional requirements\n\n"
        "- Feeds may lag by up to 5 s; that staleness is acceptable.\n"
        "- The check must add negligible overhead (under 2 ms).\n\n"
        "## Storage requirements estimate\n\n"
        "- 2 TB of posts a year, easily held by one sharded cluster.\n"
    )
    assert found["sanity checks and limits"].reached == 0.5


def test_a_figure_per_qualified_part_is_a_limit() -> None:
    found = rungs(
        "## Capacity\n\n"
        "- Safe throughput per primary shard: 60,000 ops/s.\n"
        "- Target about 15K rps per API node.\n"
    )
    assert found["sanity checks and limits"].reached == 1.0


def _video_support(text: str, item_id: str) -> str:
    from tradeoff.review.substance import item_support

    problem = catalog().problems["video-streaming"]
    item = next(i for d, i in problem.rubric.items() if i.id == item_id)
    return item_support(item, claims(text), "capacity").status


def test_a_storage_figure_beside_renditions_sizes_no_transcoding_fleet() -> None:
    """ "Sizes transcoding ... (about 2,080 workers)" asks for a count of machines: a line of
    storage arithmetic that names renditions counts none, and one that counts workers does."""
    storage = "At about 1 GB per hour of source and 5 renditions adding 2 GB, that's 2 PB a day."
    assert _video_support(storage, "transcode-fleet") != "substance"
    fleet = "50,000 hours a day at 1x encoding speed is about 2,100 transcoding workers."
    assert _video_support(fleet, "transcode-fleet") == "substance"


def test_one_video_s_bitrate_is_no_egress() -> None:
    """ "1 GB per hour of source" and "5 Mbps per viewer" measure one video or one viewer,
    inputs to egress; "peak egress is about 17 Tbit/s" is the system's."""
    assert _video_support("Video is about 1 GB per hour of source.", "egress") != "substance"
    assert _video_support("Each stream runs at 5 Mbps per viewer.", "egress") != "substance"
    assert _video_support("Peak egress is about 17 Tbit/s.", "egress") == "substance"


def test_how_long_a_record_is_kept_is_no_estimate() -> None:
    """ "stores the key with the response for 24 hours" sets a retention; "Sizes idempotency
    storage: ... kept 24 hours at about 2 kB is about 180 GB" asks for the storage."""
    from tradeoff.review.substance import states_kind_named

    item = (
        "Sizes idempotency storage: 90 million POSTs a day kept 24 hours at about 2 kB is 180 GB."
    )
    kept = "The server stores the key with the response for 24 hours, so a retry is safe."
    assert not states_kind_named(item, claims(kept)[0])
    sized = "Idempotency records: 90M POSTs a day x 2 kB, kept 24 hours, is about 180 GB."
    assert states_kind_named(item, claims(sized)[0])
    budget = "A full recalculation of 200,000 formulas at 2 us takes about 400 ms."
    assert states_kind_named("Recalculation takes about 400 ms (24 frames).", claims(budget)[0])


def test_a_debounce_setting_is_no_latency_budget() -> None:
    """ "Typing is debounced by 150 ms" sets a delay; the typeahead's budget item asks for
    "300 ms minus a 100 ms round trip, 35 ms of server time ... leaves about 150 ms"."""
    from tradeoff.review.substance import states_kind_named

    item = "300 ms minus a 100 ms round trip and 35 ms of server time leaves about 150 ms."
    setting = "Typing is debounced by 150 ms, and each request carries an AbortController."
    assert not states_kind_named(item, claims(setting)[0])
    budget = "300 ms minus a 100 ms round trip and 35 ms at the server leaves about 160 ms."
    assert states_kind_named(item, claims(budget)[0])


def test_a_rate_of_any_noun_is_a_quantity() -> None:
    # The quick reading knew only some nouns ("writes", "posts"); the grammar reads a rate
    # of anything, and a noun after an adjective.
    (claim,) = claims("Peak QPS: 5 queries per second, and 100,000 replicated writes a second.")
    assert claim.features.quantities == 2


def test_a_result_said_aloud_is_a_derivation() -> None:
    (claim,) = claims(
        "At 50,000 acquires a second and two writes per acquire, that's 100,000 replicated"
        " writes a second."
    )
    assert claim.features.derivation


def test_a_factor_each_then_its_result_is_a_derivation() -> None:
    # "2 rules each is 2M checks a second" multiplies the rate before it by a factor.
    (claim,) = claims(
        "So 1M requests a second at peak and about 2 rules each is 2M checks a second."
    )
    assert claim.features.derivation
    (claim,) = claims("Each shard is 100 GB, and each is replicated 3 times.")
    assert not claim.features.derivation


def test_a_figure_of_another_kind_after_thats_is_no_derivation() -> None:
    (claim,) = claims("The p99 is 200 ms, that's two round trips.")
    assert not claim.features.derivation
