#!/usr/bin/env bash
# Build and run one libFuzzer target: ./run.sh [pipeline|glossary|windows|equivalence] [RUNS] [extra libFuzzer flags...]
#   pipeline  bytes -> Document -> annotate -> lint -> clean -> record -> JSON
#   glossary  bytes -> UTF-8 YAML -> GlossaryLoader (beside a minimal countries file) -> Lexicon
#   windows   first byte: a window size; the rest: a file read in windows and linted, each flag
#             checked against the file read whole
#   equivalence  first byte: a window size; the rest: a file linted whole and in windows, whose
#             flags must be the same (in sentences no window cuts; no safe fix only at a cut)
# RUNS defaults to 20000; -1 runs until stopped (or until -max_total_time=SECONDS, if passed).
# The build and the growing corpus live in Fuzz/.build (git-ignored); the seeds in Seeds/ are
# read, never written. A crash is written as Fuzz/.build/artifacts/<target>/crash-<sha1>;
# reproduce it with `./run.sh <target> 1 PATH/TO/crash-...` after a build, and minimise it with
# `-minimize_crash=1 -runs=100000`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:-pipeline}"
runs="${2:-20000}"
shift $(($# < 2 ? $# : 2))

case "$target" in
pipeline) product=FuzzPipeline limits=(-max_len=4096) ;;
glossary) product=FuzzGlossary limits=(-max_len=4096) ;;
windows) product=FuzzWindows limits=(-max_len=8192) ;;
equivalence) product=FuzzEquivalence limits=(-max_len=8192) seeds=windows ;;
*)
    echo "usage: $0 [pipeline|glossary|windows|equivalence] [RUNS] [libFuzzer flags...]" >&2
    exit 2
    ;;
esac

scratch="$here/.build"
export RXTEXT_GLOSSARIES="${RXTEXT_GLOSSARIES:-$(cd "$here/.." && pwd)/glossaries}"

swift build --package-path "$here" --scratch-path "$scratch" -c release --product "$product" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2

corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
dict=()
[[ -f "$here/$target.dict" ]] && dict=(-dict="$here/$target.dict")

# Files named among the extra arguments (a crash to reproduce) are run alone: libFuzzer takes
# its positional arguments all as inputs or all as corpus directories, and a file beside the
# corpus directories fails with "Not a directory".
for argument in "$@"; do
    if [[ "$argument" != -* ]]; then
        exec "$scratch/release/$product" "${limits[@]}" -timeout=10 -rss_limit_mb=4096 \
            -artifact_prefix="$artifacts/" "$@"
    fi
done

# The generated corpus comes first (libFuzzer writes new inputs there); the seeds are read only.
exec "$scratch/release/$product" "${limits[@]}" -timeout=10 -rss_limit_mb=4096 -runs="$runs" \
    -artifact_prefix="$artifacts/" "${dict[@]}" "$@" "$corpus" "$here/Seeds/${seeds:-$target}"
