#!/usr/bin/env bash
# Installs rxtext: the binary in PREFIX/bin, the glossaries in PREFIX/share/rxtext/glossaries,
# where the installed binary looks for them first (GlossaryLocator), so `rxtext lint` works from
# any directory with no --glossaries.
#
#   scripts/install.sh [--prefix DIR] [--binary PATH]
#
# --prefix defaults to $PREFIX, else /usr/local. Without --binary it builds one first (swift
# build -c release; the binary uses the Swift runtime of the toolchain that built it); the test
# suite passes the binary it built. `make install PREFIX=DIR` runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-/usr/local}"
binary=""
while (($#)); do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
        --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
        -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if [ -z "$binary" ]; then
    echo "install: swift build -c release --product rxtext"
    swift build -c release --product rxtext
    binary="$(swift build -c release --show-bin-path)/rxtext"
fi
[ -x "$binary" ] || { echo "install.sh: no executable at $binary" >&2; exit 2; }

share="$prefix/share/rxtext"
install -d "$prefix/bin" "$share"
install -m 755 "$binary" "$prefix/bin/rxtext"
# The glossaries replace an older install's whole, so a removed file does not linger.
staging="$(mktemp -d "$share/.glossaries.XXXXXX")"
cp -R glossaries/. "$staging/"
chmod -R u=rwX,go=rX "$staging"
rm -rf "$share/glossaries"
mv "$staging" "$share/glossaries"
echo "install: $prefix/bin/rxtext, glossaries in $share/glossaries"
