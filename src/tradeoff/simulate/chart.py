"""The run's timelines drawn with matplotlib: latency, requests and errors, queue lengths.

The figure is built without pyplot, whose global state is not safe across the threads of a
web server; the CLI saves it to a file and the web page inlines it as SVG text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from tradeoff.errors import TradeoffError


def _gaps(values: list[float | None]) -> list[float]:
    """None (a bin with no completed request) as NaN, so the line breaks there."""
    return [v if v is not None else float("nan") for v in values]


def figure(summary: dict[str, Any]) -> Figure:
    """Three stacked panels over the run, with a dotted red line where each failure starts."""
    line = summary["timeline"]
    t = line["t_s"]
    fig = Figure(figsize=(9, 8), layout="tight")
    axes = fig.subplots(3, 1, sharex=True)
    axes[0].plot(t, _gaps(line["p50_ms"]), label="p50")
    axes[0].plot(t, _gaps(line["p99_ms"]), label="p99")
    axes[0].set_ylabel("latency (ms)")
    axes[0].legend()
    axes[1].plot(t, line["completed"], label="completed")
    axes[1].plot(t, line["errors"], label="errors")
    axes[1].set_ylabel(f"requests per {line['bin_s']:g}s")
    axes[1].legend()
    for name, values in line["queue"].items():
        axes[2].plot(t, values, label=name)
    axes[2].set_ylabel("queue length")
    axes[2].set_xlabel("time (s)")
    axes[2].legend(fontsize="small")
    for failure in summary["failures"]:
        for axis in axes:
            axis.axvline(failure["at_s"], color="red", linestyle=":")
    return fig


def save(summary: dict[str, Any], path: Path) -> None:
    """The chart as FILE.png or FILE.svg (the suffix picks the format)."""
    try:
        figure(summary).savefig(path)
    except OSError as exc:
        raise TradeoffError(f"{path}: cannot write the chart ({exc.strerror})") from None


def svg(summary: dict[str, Any]) -> str:
    """The chart as an `<svg>` element to place in a page (no XML prolog or doctype).

    Text is drawn as paths and labels reach the file only escaped by matplotlib, so node
    names from the design cannot inject markup.
    """
    buffer = io.StringIO()
    figure(summary).savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]
