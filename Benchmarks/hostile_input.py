#!/usr/bin/env python3
"""Time and memory of `rxtext lint` on pathological input (issue 21, item 1).

Writes one-sentence files of 64 KB, 256 KB and 1 MB (the sample articles of corpus/ with every
sentence and line break removed, repeated) and 500 KB of "Hell " (a doubled word every five
bytes: the most flags a byte can give), then runs each binary on each file, one job, and prints a
Markdown table of wall time, CPU time, peak RSS (from wait4's rusage), output bytes and flags.
It is a benchmark, not a test: nothing is asserted, and the machine's load shows in the wall
times (CPU time and RSS are steadier).

    python3 Benchmarks/hostile_input.py --rxtext after=.build/release/rxtext \
        [--rxtext before=/tmp/rxtext-before] [--format jsonl] [--out Benchmarks/out/hostile]
    python3 Benchmarks/hostile_input.py --long-line /tmp/line-1g.txt [--sentence-ends] [--size-mb 1024]
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB = 1024


def one_sentence_text() -> str:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    text = re.sub(r'[.!?:;\n\r"“”]+', " ", text)
    return re.sub(r"\s+", " ", text)


def write_inputs(out: Path) -> list:
    out.mkdir(parents=True, exist_ok=True)
    base = one_sentence_text()
    files = []
    for name, size in [("sentence-64k", 64 * KB), ("sentence-256k", 256 * KB), ("sentence-1m", 1024 * KB)]:
        data = (base * (size // len(base) + 1)).encode()[:size]
        data = data[: data.rfind(b" ")] + b".\n"
        path = out / f"{name}.txt"
        path.write_bytes(data)
        files.append(path)
    path = out / "hell-500k.txt"
    path.write_text("Hell " * (500 * KB // 5), encoding="utf-8")
    files.append(path)
    return files


def write_long_line(path: Path, size: int, sentence_ends: bool) -> int:
    """One line of `size` bytes: the sample articles repeated, with their sentence ends (one line
    of many sentences, for window cuts inside sentences) or without (one sentence). The copies
    are whole, so a flag of the text read whole recurs at the same offset modulo the returned
    copy length. Written in 4 MB pieces: a 1 GB file never sits in memory."""
    if sentence_ends:
        text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
        base = re.sub(r"\s+", " ", text) + " "
    else:
        base = one_sentence_text()
    piece = (base * (4 * 1024 * KB // len(base) + 1)).encode()
    written = 0
    with open(path, "wb") as sink:
        while written + len(piece) < size:
            sink.write(piece)
            written += len(piece)
        rest = piece[: size - written - 2]
        sink.write(rest[: rest.rfind(b" ")] + b".\n")
    return len(base.encode())


def run(binary: str, path: Path, fmt: str, out: Path) -> dict:
    output = out / f"{path.stem}.{fmt}.out"
    started = time.monotonic()
    with open(output, "wb") as sink:
        process = subprocess.Popen(
            [binary, "lint", "--format", fmt, "--jobs", "1", "--glossaries", str(ROOT / "glossaries"), str(path)],
            stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    size = output.stat().st_size
    with open(output, "rb") as f:
        lines = sum(1 for _ in f)
    output.unlink()
    return {"status": os.waitstatus_to_exitcode(status), "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "bytes": size, "lines": lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rxtext", action="append", default=[], help="LABEL=PATH of a binary (repeatable)")
    parser.add_argument("--format", default="jsonl")
    parser.add_argument("--out", default=str(ROOT / "Benchmarks" / "out" / "hostile"))
    parser.add_argument("--long-line", metavar="PATH", help="only write one long line there (1 GiB unless --size-mb)")
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--sentence-ends", action="store_true", help="keep the articles' sentence ends in --long-line")
    args = parser.parse_args()
    if args.long_line:
        period = write_long_line(Path(args.long_line), args.size_mb * 1024 * KB, args.sentence_ends)
        print(f"{args.long_line}: one line of {args.size_mb} MiB, copies of {period} bytes")
        return
    if not args.rxtext:
        parser.error("give --rxtext LABEL=PATH (or --long-line PATH)")
    out = Path(args.out)
    files = write_inputs(out)
    print(f"| input | binary | wall s | CPU s | peak RSS MB | output MB | {args.format} lines | exit |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for path in files:
        for spec in args.rxtext:
            label, binary = spec.split("=", 1)
            r = run(binary, path, args.format, out)
            print(f"| {path.stem} ({path.stat().st_size // KB} KB) | {label} | {r['wall']:.2f} | {r['cpu']:.2f} | "
                  f"{r['rss_mb']:.0f} | {r['bytes'] / 2**20:.1f} | {r['lines']} | {r['status']} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
