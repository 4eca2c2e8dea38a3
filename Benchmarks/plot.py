#!/usr/bin/env python3
"""Draw docs/benchmarks.svg from Benchmarks/out/results.json.

    Benchmarks/out/venv/bin/python Benchmarks/plot.py [results.json] [out.svg]

Throughput (MB/s, MB = 2^20 bytes, wall time) against corpus size (log x) on the small-file
layout, one line per tool and core count; the 100 MB large-file layout is drawn as hollow markers
at the same x. Tools not run on a size have no point there.
"""

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

SERIES = [  # tool, jobs, label, style
    ("rxtext", 1, "rxtext lint, 1 core", dict(color="#c0392b", marker="o", lw=2.5)),
    ("rxtext", 2, "rxtext lint, 2 cores", dict(color="#c0392b", marker="o", lw=2.5, ls="--")),
    ("icu-floor", 1, "ICU floor (word+sentence), 1 thread", dict(color="#2c3e50", marker="s", lw=2)),
    ("icu-floor", 2, "ICU floor, 2 threads", dict(color="#2c3e50", marker="s", lw=2, ls="--")),
    ("codespell", 1, "codespell", dict(color="#27ae60", marker="^")),
    ("typos", 1, "typos, 1 thread", dict(color="#8e44ad", marker="v")),
    ("typos", 2, "typos, 2 threads", dict(color="#8e44ad", marker="v", ls="--")),
    ("harper-cli", 2, "harper-cli", dict(color="#d35400", marker="D")),
    ("proselint", 1, "proselint", dict(color="#7f8c8d", marker="P")),
]


def main():
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH / "out" / "results.json"
    dst = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "benchmarks.svg"
    results = json.loads(src.read_text())
    corpora = results["corpora"]

    fig, ax = plt.subplots(figsize=(10.5, 5.5))
    for tool, jobs, label, style in SERIES:
        pts, large = [], []
        for r in results["lint"]:
            if r["tool"] != tool or r["jobs"] != jobs or not r["ok"]:
                continue
            c = corpora[r["corpus"]]
            x = c["bytes"] / 2**20
            (large if c["layout"] == "large" else pts).append((x, r["throughput_mbs"]))
        if not pts and not large:
            continue
        pts.sort()
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], label=label, **style)
        if large:
            ax.plot([p[0] for p in large], [p[1] for p in large], linestyle="none", marker=style["marker"],
                    markerfacecolor="none", markeredgecolor=style["color"], markersize=9)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("corpus size (MB, small-file layout; hollow markers: 100 MB in 10 large files)")
    ax.set_ylabel("throughput (MB/s, wall time; log scale)")
    ax.set_title(f"rxtext lint vs ICU floor and peers — {results['machine']['nproc']} cores, "
                 f"{results['date'][:10]}")
    ax.set_xticks([1, 10, 100])
    ax.set_xticklabels(["1", "10", "100"])
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    dst.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(dst, format="svg", metadata={"Date": None})
    print(f"wrote {dst}")


if __name__ == "__main__":
    main()
