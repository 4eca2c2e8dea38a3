#!/usr/bin/env python3
"""Run `rxtext lint --stdin --format jsonl` under Spark's RDD.pipe and compare with a plain run.

    spark_pipe_test.py [--rxtext PATH] [--glossaries DIR] [CORPUS]

Every *.txt under CORPUS (default corpus/; README.md and expected/ are skipped) becomes one JSON
line {"id": relative path, "text": contents}. The lines go through
`sc.parallelize(lines, 4).pipe("rxtext lint --stdin --format jsonl --glossaries DIR")` on a local[2]
Spark, and the collected output is compared with `rxtext lint --format jsonl FILE...` run from the
corpus root (so its paths are the ids): for each file the multiset of (rule, start, end, text,
fingerprint) must be equal, and every id must come back exactly once. Both runs start in the
corpus root, so both find the same .rxtext.yaml.

Prints `spark: N files, M flags, equal` and exits 0; exits 1 with a diff otherwise, 2 when
something needed is missing. Needs pyspark (PyPI) and Java 17 or later.
"""

import argparse
import collections
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOG4J2 = """\
rootLogger.level = error
logger.repl.name = org.apache.spark.repl.Main
logger.repl.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


def corpus_files(root: Path) -> list[str]:
    """Relative POSIX paths of the *.txt articles under root, sorted."""
    files = []
    for path in sorted(root.rglob("*.txt")):
        relative = path.relative_to(root)
        if "expected" in relative.parts[:-1] or path.name == "README.md":
            continue
        files.append(relative.as_posix())
    return files


def key(flag: dict) -> tuple:
    return (flag.get("rule"), flag.get("start"), flag.get("end"), flag.get("text"), flag.get("fingerprint"))


def plain_run(rxtext: str, glossaries: str, files: list[str]) -> tuple[dict, list[str]]:
    """path -> Counter of flag keys, from `rxtext lint --format jsonl FILES...` in the cwd."""
    process = subprocess.run(
        [rxtext, "lint", "--format", "jsonl", "--glossaries", glossaries, *files],
        capture_output=True, text=True, encoding="utf-8",
    )
    problems = []
    if process.returncode not in (0, 1):
        problems.append(f"plain run: exit status {process.returncode}: {process.stderr.strip()}")
    flags = {name: collections.Counter() for name in files}
    for number, line in enumerate(process.stdout.splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        path = record.get("path")
        if "error" in record and "rule" not in record:
            problems.append(f"plain run: {path}: {record['error']}")
        elif path not in flags:
            problems.append(f"plain run: line {number}: unexpected path {path!r}")
        else:
            flags[path][key(record)] += 1
    return flags, problems


def spark_run(rxtext: str, glossaries: str, lines: list[str]) -> list[str]:
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession  # imported late: its absence is reported by main()

    with tempfile.TemporaryDirectory(prefix="rxtext-spark-") as scratch:
        # Spark puts SPARK_CONF_DIR on the driver's classpath, where log4j2 finds this file.
        Path(scratch, "log4j2.properties").write_text(LOG4J2)
        os.environ["SPARK_CONF_DIR"] = scratch
        java_options = f"-Djava.io.tmpdir={scratch}"
        # The JVM inherits standard error when it starts; hand it a log file instead, so that its
        # own start-up notices ("Using incubator modules") stay out of the output. The log is
        # shown only if Spark fails.
        jvm_log = Path(scratch, "jvm-stderr.log")
        saved = os.dup(2)
        with open(jvm_log, "wb") as log:
            os.dup2(log.fileno(), 2)
        try:
            spark = (
                SparkSession.builder.master("local[2]")
                .appName("rxtext-spark-pipe-test")
                .config("spark.driver.extraJavaOptions", java_options)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.local.dir", scratch)
                .getOrCreate()
            )
        except BaseException:
            os.dup2(saved, 2)
            sys.stderr.write(jvm_log.read_text(errors="replace"))
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        try:
            spark.sparkContext.setLogLevel("ERROR")
            command = " ".join(
                shlex.quote(part) for part in [rxtext, "lint", "--stdin", "--format", "jsonl", "--glossaries", glossaries]
            )
            return spark.sparkContext.parallelize(lines, 4).pipe(command).collect()
        except BaseException:
            sys.stderr.write(jvm_log.read_text(errors="replace"))
            raise
        finally:
            spark.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus", help="corpus directory (default: corpus)")
    parser.add_argument("--rxtext", default=".build/debug/rxtext", help="the rxtext binary")
    parser.add_argument("--glossaries", default="glossaries", help="the glossary directory")
    arguments = parser.parse_args(argv)

    started = time.monotonic()
    rxtext = str(Path(arguments.rxtext).resolve())
    glossaries = str(Path(arguments.glossaries).resolve())
    root = Path(arguments.corpus).resolve()
    for what, path in (("rxtext binary", rxtext), ("glossary directory", glossaries), ("corpus", str(root))):
        if not os.path.exists(path):
            print(f"spark_pipe_test.py: no {what} at {path}", file=sys.stderr)
            return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("spark_pipe_test.py: missing Python module pyspark: pip install pyspark (and Java 17+: "
              "apt-get install default-jre-headless)", file=sys.stderr)
        return 2

    os.chdir(root)  # ids are relative to the corpus root, and both runs find the same .rxtext.yaml
    files = corpus_files(root)
    if not files:
        print(f"spark_pipe_test.py: no *.txt files under {root}", file=sys.stderr)
        return 2
    lines = [
        json.dumps({"id": name, "text": Path(name).read_text(encoding="utf-8")}, ensure_ascii=False) for name in files
    ]

    expected, problems = plain_run(rxtext, glossaries, files)
    output = spark_run(rxtext, glossaries, lines)

    seen = collections.Counter()
    actual = {name: collections.Counter() for name in files}
    for line in output:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            problems.append(f"spark: not JSON ({error}): {line[:200]}")
            continue
        item = record.get("id")
        seen[item] += 1
        if "error" in record:
            problems.append(f"spark: {item}: {record['error']}")
        elif item in actual:
            for flag in record.get("flags", []):
                actual[item][key(flag)] += 1
    for name in files:
        if seen[name] != 1:
            problems.append(f"spark: id {name} came back {seen[name]} times, expected once")
    for item in seen:
        if item not in actual:
            problems.append(f"spark: unexpected id {item!r}")
    for name in files:
        if actual[name] != expected[name]:
            problems.append(f"{name}: flags differ")
            for flag, count in sorted((expected[name] - actual[name]).items(), key=str):
                problems.append(f"  - plain only (x{count}): {flag}")
            for flag, count in sorted((actual[name] - expected[name]).items(), key=str):
                problems.append(f"  + spark only (x{count}): {flag}")

    elapsed = time.monotonic() - started
    total = sum(sum(counter.values()) for counter in expected.values())
    if problems:
        print("\n".join(problems))
        print(f"spark: {len(files)} files, {total} flags, NOT equal ({elapsed:.1f} s)")
        return 1
    print(f"spark: {len(files)} files, {total} flags, equal")
    print(f"spark_pipe_test.py: {elapsed:.1f} s including Spark start-up", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
