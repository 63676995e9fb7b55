"""`tradeoff simulate`: the candidate's own diagram under load and failure."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from tradeoff.cli.problems import console
from tradeoff.design import load_design
from tradeoff.errors import TradeoffError

if TYPE_CHECKING:  # the simulator (and numpy) load only when the command runs
    from tradeoff.simulate import Simulation

PROGRESS_OVER = 1_000_000  # requests: shorter runs finish before a bar would be read


class SimFormat(StrEnum):
    rich = "rich"
    json = "json"


def simulate(
    design: Path = typer.Argument(..., help="The design file (Markdown or .excalidraw)."),
    problem: str | None = typer.Option(
        None, "--problem", "-p", help="Take the rate from this prompt."
    ),
    qps: float | None = typer.Option(None, "--qps", help="Requests per second at the entries."),
    peak: float | None = typer.Option(
        None, "--peak", help="Peak factor (default: the prompt's, or 1)."
    ),
    fail: list[str] = typer.Option(
        [],
        "--fail",
        help="NODE@30s, NODE:kill=1@30s, NODE:slow=5x@30s+10s, CACHE:flush@30s, A>B@30s+5s",
    ),
    burst: list[str] = typer.Option(
        [], "--burst", help="FACTORx@START+LENGTH: a burst of traffic, e.g. 3x@20s+10s"
    ),
    duration: str | None = typer.Option(
        None, "--duration", help="Simulated time, e.g. 60s (default 60s)."
    ),
    seed: int = typer.Option(0, "--seed", help="Same seed, same run."),
    retries: int = typer.Option(
        0, "--retries", min=0, max=10, help="Client retries of a failed request."
    ),
    timeout: str | None = typer.Option(None, "--timeout", help="Client timeout, e.g. 500ms."),
    chart: Path | None = typer.Option(
        None, "--chart", help="Write the timelines: FILE.png or FILE.svg"
    ),
    output: SimFormat = typer.Option(
        SimFormat.rich, "--format", "-f", help="rich, or json for scripts."
    ),
) -> None:
    """Queueing maths and a discrete-event simulation of the design's own diagram."""
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise TradeoffError(f"{chart}: the chart must be a .png or .svg file")
    try:
        from tradeoff.simulate.failures import seconds

        length = seconds(duration) if duration is not None else 60.0
        client_timeout = seconds(timeout) if timeout is not None else None
    except ValueError:
        raise TradeoffError("--duration and --timeout take a time such as 60s or 500ms") from None
    if length <= 0:
        raise TradeoffError("--duration must be above zero")
    from tradeoff.simulate import Burst, SimConfig, parse_failure, run_design, workload
    from tradeoff.simulate.failures import parse_burst

    doc = load_design(design)
    load = workload(qps, peak, problem, doc)
    config = SimConfig(
        duration=length,
        seed=seed,
        failures=tuple(parse_failure(f) for f in fail),
        bursts=tuple(
            Burst(start, length, factor) for factor, start, length in map(parse_burst, burst)
        ),
        retries=retries,
        client_timeout=client_timeout,
    )
    expected = load.offered * length
    if output is SimFormat.rich and expected > PROGRESS_OVER:
        with Progress(console=console(), transient=True) as bar:
            task = bar.add_task("simulating", total=1.0)
            result = run_design(
                doc,
                load,
                config,
                lambda done: bar.update(task, completed=done),
                duration is not None,
            )
    else:
        result = run_design(doc, load, config, None, duration is not None)
    if chart is not None:
        write_chart(result, chart)
    if output is SimFormat.json:
        typer.echo(json.dumps(result.summary, indent=2))
        return
    _show(result)
    if chart is not None:
        console().print(f"Chart written to {chart}")


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:,.3g}{unit}" if abs(value) < 1000 else f"{value:,.0f}{unit}"


def _show(result: Simulation) -> None:
    out = console()
    doc: dict[str, Any] = result.summary
    load = doc["workload"]
    out.print(
        f"[bold]Workload[/bold] {load['offered_per_s']:,.0f} requests/s"
        f" ({escape(load['source'])}; peak x{load['peak']:g}) for {doc['duration_s']:g}s,"
        f" {doc['requests']:,} requests, seed {doc['seed']}"
    )
    table = Table(title="Nodes (analytic M/M/c and simulated)", title_justify="left")
    for column in ("node", "line", "servers", "service", "load/s", "util (M/M/c)",
                   "util (sim)", "wait (M/M/c)", "p50", "p99", "lost"):  # fmt: skip
        table.add_column(column, justify="left" if column == "node" else "right")
    for node in doc["nodes"]:
        assumed = "*" if node["assumed"] else ""
        table.add_row(
            escape(node["node"]) + assumed,
            str(node["line"] or "-"),
            str(node["servers"]),
            _fmt(node["service_ms"], " ms"),
            _fmt(node["analytic"]["arrival_per_s"]),
            _fmt(node["analytic"]["utilisation"]),
            _fmt(node["utilisation"]),
            _fmt(node["analytic"]["mean_wait_ms"], " ms"),
            _fmt(node["p50_ms"], " ms"),
            _fmt(node["p99_ms"], " ms"),
            str(node["lost"]),
        )
    out.print(table)
    out.print("[dim]* capacity or hit ratio from defaults (see assumptions)[/dim]")
    lat = doc["latency_ms"]
    out.print(
        f"[bold]Requests[/bold] p50 {_fmt(lat['p50'], ' ms')}, p95 {_fmt(lat['p95'], ' ms')},"
        f" p99 {_fmt(lat['p99'], ' ms')}; errors {doc['error_rate']:.2%};"
        f" availability from replicas {doc['availability']:.4%}"
    )
    neck = doc["bottleneck"]
    if neck is not None:
        source = " (from assumed capacity)" if neck["capacity_assumed"] else ""
        out.print(
            f"[bold]First bottleneck[/bold] {escape(neck['node'])} (line {neck['line']}):"
            f" saturates at {neck['ceiling_per_s']:,.0f} requests/s entering{source}"
        )
    for path in doc["paths"][:5]:
        out.print(f"  path {' -> '.join(path['nodes'])}: {path['share']:.0%} of requests,"
                  f" {_fmt(path['mean_ms'], ' ms')} mean")  # fmt: skip
    for failure in doc["failures"]:
        back = failure["time_to_recover_s"]
        when = (
            "did not recover before the run ended" if back is None else f"recovered after {back:g}s"
        )
        out.print(
            f"[bold]Failure[/bold] {escape(failure['failure'])}:"
            f" {failure['errors']:,} errors; {when}"
        )
    if not doc["retries_settled"]:
        out.print("[yellow]Retries did not settle; figures are from the last pass.[/yellow]")
    if doc["findings"]:
        out.print("[bold]Could not read[/bold]")
        for finding in doc["findings"]:
            out.print(f"  line {finding['line']}: {escape(finding['text'])}")
    out.print("[bold]Assumptions[/bold]")
    for assumption in doc["assumptions"]:
        where = f"line {assumption['line']}: " if assumption["line"] else ""
        out.print(f"  {where}{escape(assumption['text'])}")


def write_chart(result: Simulation, path: Path) -> None:
    """Timelines of latency, errors and queue length (matplotlib, imported only here)."""
    from tradeoff.simulate import chart

    chart.save(result.summary, path)
