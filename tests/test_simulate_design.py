"""The simulator on designs: annotations, defaults, failures, determinism and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from tradeoff.cli.main import app
from tradeoff.design import parse_design
from tradeoff.simulate import SimConfig, Workload, build_network, parse_failure, run_design
from tradeoff.simulate.annotations import parse_edge_label, parse_node_label, parse_tables
from tradeoff.simulate.build import DesignModelError
from tradeoff.simulate.station import Outage, run_station

runner = CliRunner()

DESIGN = """# Short links

```mermaid
flowchart LR
  U[Mobile client] --> LB[Load balancer]
  LB --> API[API x4 @ 2ms w=8]
  API --> C[(Redis hit=90%)]
  API --> DB[(Postgres @ 1ms w=16)]
  API -->|async| Q[Kafka]
  Q --> W[Worker x2 @ 5ms]
  W --> DB
```

| node | instances | service time |
|---|---|---|
| Worker | 3 | 4 ms |
"""


def write(tmp_path: Path, text: str, name: str = "design.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_label_annotations_are_read_and_removed_from_the_name() -> None:
    name, spec, findings = parse_node_label("API x4 @ 2ms w=8", 3)
    assert (name, spec.instances, spec.service, spec.workers, findings) == ("API", 4, 0.002, 8, [])
    name, spec, _ = parse_node_label("Redis hit=90%", 4)
    assert (name, spec.hit) == ("Redis", 0.9)
    _, spec, _ = parse_node_label("Postgres @ 20k/s r=3", 5)
    assert (spec.rate, spec.replicas) == (20_000, 3)
    edge, _ = parse_edge_label("async x3", 6)
    assert (edge.sync, edge.fanout) == (False, 3)
    assert parse_edge_label("30% of reads", 7)[0].p == 0.3


def test_table_rows_override_labels_and_keep_their_line() -> None:
    specs, findings = parse_tables(DESIGN.splitlines())
    assert specs["worker"].instances == 3 and specs["worker"].service == 0.004
    assert specs["worker"].lines["instances"] == 16
    assert findings == []
    network = build_network(parse_design(DESIGN))
    worker = network.stations["Worker"]
    assert (worker.instances, worker.service) == (3, 0.004)


def test_defaults_come_from_the_reference_table_and_are_reported() -> None:
    network = build_network(parse_design(DESIGN))
    redis = network.stations["Redis"]
    assert redis.service == pytest.approx(1 / 100_000)  # kv-cache: 100,000 ops/s a node
    assert "service" in redis.assumed and "service" not in network.stations["API"].assumed
    texts = [a.shown() for a in network.assumptions]
    assert any(t.startswith("line 7: Redis: 100,000 requests/s") for t in texts)
    assert any("only on a Redis miss" in t for t in texts)  # look-aside read of the database
    assert "Load balancer" not in network.stations  # passes requests on


def test_a_label_that_does_not_parse_is_a_finding_with_its_line(tmp_path: Path) -> None:
    text = DESIGN.replace("API x4 @ 2ms w=8", "API x4 @ quick wrkers=8")
    result = runner.invoke(
        app,
        [
            "simulate",
            str(write(tmp_path, text)),
            "--qps",
            "500",
            "--duration",
            "5s",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {f["line"] for f in findings} == {6}
    assert any("@ quick" in f["text"] for f in findings)
    assert any("wrkers=8" in f["text"] for f in findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```mermaid\nflowchart LR\n  U[Client] --> API[API]\n```\n", "no path from a client"),
        (
            "```mermaid\nflowchart LR\n  U[Client] --> A[Auth service]\n"
            "  A --> B[Billing service]\n  B --> A\n  B --> D[(Orders DB)]\n```\n",
            "loop Auth service -> Billing service",
        ),
        (
            "```mermaid\nflowchart LR\n  U[Client] --> A[API]\n  A --> Q[Kafka]\n"
            "  Q --> W[Worker]\n  W --> A\n```\n",
            "cycle with no exit: API -> Kafka -> Worker -> API",
        ),
        (
            "```mermaid\nflowchart LR\n  U[Client] --> A[API x0]\n  A --> D[(DB)]\n```\n",
            "line 3: API has zero capacity",
        ),
    ],
)
def test_bad_designs_give_one_line_and_exit_2(tmp_path: Path, text: str, expected: str) -> None:
    result = runner.invoke(app, ["simulate", str(write(tmp_path, text)), "--qps", "100"])
    assert result.exit_code == 2
    assert expected in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_bad_options_give_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN)
    for extra in (["--fail", "Nope@3s"], ["--fail", "API@soon"], ["--duration", "long"]):
        result = runner.invoke(app, ["simulate", str(path), "--qps", "100", *extra])
        assert result.exit_code == 2, extra
        assert len(result.output.strip().splitlines()) == 1


def test_killed_replica_timeline_matches_the_hand_computed_case() -> None:
    # Two servers, 0.8 s per job, a job every 0.5 s: jobs alternate servers. Server 1 dies at
    # 10.2 s for 5 s. The job that came at 9.5 s is on it and is lost at 10.2 s. Server 0
    # alone then starts a job every 0.8 s while they come every 0.5 s: each waits 0.3 s more
    # than the one before (10.5 s waits 0.3, 11.0 waits 0.6 ... 13.0 waits 1.8). At 15.2 s
    # server 1 is back: the 13.5 s job starts on it (wait 1.7), and from then two servers
    # serve 2.5 jobs/s against 2 arriving, so each wait is 0.1 s shorter than the last until
    # the queue is gone with the job of 22.0 s.
    arrivals = np.arange(0, 30, 0.5)
    service = np.full(len(arrivals), 0.8)
    run = run_station(arrivals, service, 2, outages=(Outage((1,), 10.2, 15.2),))
    assert np.flatnonzero(run.killed).tolist() == [19]
    assert run.lost_at[19] == pytest.approx(10.2)
    wait = run.start - arrivals
    hand = {
        20: 0.0,
        21: 0.3,
        22: 0.6,
        23: 0.9,
        24: 1.2,
        25: 1.5,
        26: 1.8,
        27: 1.7,
        28: 1.6,
        35: 0.9,
        43: 0.1,
        44: 0.0,
        50: 0.0,
    }
    for job, expected in hand.items():
        assert wait[job] == pytest.approx(expected, abs=1e-9), job
    assert np.all(wait[:19] == 0)


def test_killing_a_node_fails_requests_while_it_is_down() -> None:
    network = build_network(parse_design(DESIGN))
    config = SimConfig(duration=20, seed=1, failures=(parse_failure("API@8s+4s"),))
    result = run_design(parse_design(DESIGN), Workload(1000, 1, "test"), config)
    failed_at = result.run.failed_at[~np.isnan(result.run.failed_at)]
    assert len(failed_at) > 3000  # about 4 s x 1,000/s
    assert failed_at.min() >= 8 and failed_at.max() < 12
    report = result.summary["failures"][0]
    assert report["errors"] == len(failed_at)
    assert report["time_to_recover_s"] is not None and report["time_to_recover_s"] <= 5
    errors = result.summary["timeline"]["errors"]
    assert sum(errors[8:12]) == len(failed_at) and sum(errors[:8]) == 0
    assert network.station_named("api") == "API"


def test_the_same_seed_gives_the_same_output(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN)
    args = [
        "simulate",
        str(path),
        "--qps",
        "2000",
        "--duration",
        "5s",
        "--format",
        "json",
        "--fail",
        "Redis:flush@2s",
        "--retries",
        "1",
        "--timeout",
        "50ms",
    ]
    first = runner.invoke(app, [*args, "--seed", "4"])
    second = runner.invoke(app, [*args, "--seed", "4"])
    other = runner.invoke(app, [*args, "--seed", "5"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert first.stdout != other.stdout


def test_json_has_the_documented_fields_and_chart_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN)
    chart = tmp_path / "timeline.png"
    result = runner.invoke(
        app,
        [
            "simulate",
            str(path),
            "--problem",
            "url-shortener",
            "--duration",
            "5s",
            "--format",
            "json",
            "--chart",
            str(chart),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["workload"]["offered_per_s"] == pytest.approx(3802.57 * 3, rel=1e-3)
    api = next(n for n in doc["nodes"] if n["node"] == "API")
    assert api["analytic"]["utilisation"] == pytest.approx(11_407.7 * 0.002 / 32, rel=1e-3)
    assert {"p50", "p95", "p99"} <= set(doc["latency_ms"])
    assert doc["bottleneck"]["node"] == "Worker" and doc["bottleneck"]["line"] == 10
    assert chart.stat().st_size > 1000


def test_an_overloaded_node_is_the_bottleneck_and_its_queue_grows() -> None:
    doc = parse_design(DESIGN)
    result = run_design(doc, Workload(1000, 1, "test"), SimConfig(duration=10, seed=2))
    worker_queue = result.summary["timeline"]["queue"]["Worker"]
    assert result.summary["bottleneck"]["node"] == "Worker"  # 3 x 250/s against 1,000/s
    assert worker_queue[-1] > worker_queue[2] > 0


def test_the_design_has_no_diagram(tmp_path: Path) -> None:
    with pytest.raises(DesignModelError, match="no component diagram"):
        build_network(parse_design("# Notes\n\nJust prose.\n"))
