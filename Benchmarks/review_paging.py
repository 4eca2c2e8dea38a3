#!/usr/bin/env python3
"""Time and memory of `rxtext review` on pathological input (issue 21: the flags API's paging).

Writes the inputs of hostile_input.py (the 64 KB one-sentence file and 500 KB of "Hell "), each
alone in a folder, and for each binary and file starts `/usr/bin/time -v rxtext review DIR`, waits
for the URL, fetches `/api/flags` (the first page, or with `--query` any other; a binary without
paging answers every flag), then a page deep in the list, stops the server with SIGTERM and reads
its peak RSS from time's report. Prints a Markdown table. A benchmark: nothing is asserted.

    python3 Benchmarks/review_paging.py --rxtext after=.build/debug/rxtext [--rxtext before=PATH]
"""

import argparse
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_input import ROOT, write_inputs  # noqa: E402


def fetch(base, token, path):
    started = time.monotonic()
    request = urllib.request.Request(base + path, headers={"X-RXText-Token": token})
    with urllib.request.urlopen(request, timeout=600) as response:
        body = response.read()
    return time.monotonic() - started, body


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def measure(binary, folder, deep_offset):
    scratch = Path(tempfile.mkdtemp(prefix="rxtext-review-bench-"))
    started = time.monotonic()
    timer = subprocess.Popen(
        ["/usr/bin/time", "-v", binary, "review", str(folder), "--glossaries", str(ROOT / "glossaries"),
         "--db", str(scratch / "review.sqlite")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    while url is None:
        ready, _, _ = select.select([timer.stdout], [], [], 1)
        if ready:
            line = timer.stdout.readline().strip()
            if line.startswith("http://"):
                url = line
            elif not line and timer.poll() is not None:
                raise SystemExit(f"{binary} exited: {timer.stderr.read()}")
    serving = time.monotonic() - started
    # The server's own peak so far (lint and the flag catalog), before any request.
    status = "".join(Path(f"/proc/{c}/status").read_text() for c in children(timer.pid))
    hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    parts = urllib.parse.urlsplit(url)
    token = urllib.parse.parse_qs(parts.query)["token"][0]
    base = f"{parts.scheme}://{parts.netloc}"
    first_time, first = fetch(base, token, "/api/flags")
    first_page = time.monotonic() - started
    answer = json.loads(first)
    deep = None
    if "offset" in answer:
        offset = min(deep_offset, max(0, answer["total"] - 1))
        deep_time, deep_body = fetch(base, token, f"/api/flags?offset={offset}")
        deep = (offset, deep_time, len(deep_body))
    for child in children(timer.pid):
        os.kill(child, signal.SIGTERM)
    _, report = timer.communicate(timeout=60)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
    shutil.rmtree(scratch)
    return {"serving": serving, "first_time": first_time, "first_page": first_page, "bytes": len(first),
            "flags": len(answer["flags"]), "total": answer["total"], "deep": deep, "rss_kb": rss, "hwm_kb": hwm, "cpu": cpu}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rxtext", action="append", required=True, help="LABEL=PATH of a binary (repeatable)")
    parser.add_argument("--out", default=str(ROOT / "Benchmarks" / "out" / "review"))
    parser.add_argument("--deep-offset", type=int, default=100_000)
    args = parser.parse_args()
    out = Path(args.out)
    inputs = {p.stem: p for p in write_inputs(out / "inputs")}
    print("| input | binary | URL printed s | /api/flags s | first page ready s | bytes | flags / total "
          "| deep page | peak RSS serving | peak RSS | CPU s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for stem in ("sentence-64k", "hell-500k"):
        folder = out / stem
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(inputs[stem], folder / inputs[stem].name)
        for spec in args.rxtext:
            label, binary = spec.split("=", 1)
            r = measure(binary, folder, args.deep_offset)
            deep = "–" if r["deep"] is None else f"offset {r['deep'][0]}: {r['deep'][1]:.2f} s, {r['deep'][2]:,} B"
            print(f"| {stem} | {label} | {r['serving']:.2f} | {r['first_time']:.2f} | {r['first_page']:.2f} | "
                  f"{r['bytes']:,} | {r['flags']:,} / {r['total']:,} | {deep} | {r['hwm_kb'] / 1024:.0f} MB | "
                  f"{r['rss_kb'] / 1024:.0f} MB "
                  f"({r['rss_kb']:,} KB) | {r['cpu']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
