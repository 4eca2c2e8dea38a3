#!/usr/bin/env bash
# Rewrites corpus/expected/NAME.record.json and NAME.flags.json from the current rxtext output.
# Run after a deliberate change to extraction or rules, then review the diff before committing:
# the snapshots are what CorpusTests asserts field by field.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product rxtext >/dev/null
for article in corpus/*.txt; do
    name=$(basename "$article" .txt)
    .build/debug/rxtext extract "$article" --glossaries glossaries | python3 -c '
import json, sys
name = sys.argv[1]
document = json.load(sys.stdin)
record = document["record"]
record.pop("mentions", None)
for result in record["results"]:
    result.pop("evidence", None)
with open(f"corpus/expected/{name}.record.json", "w", encoding="utf-8") as out:
    json.dump(record, out, ensure_ascii=False, indent=1)
    out.write("\n")
flags = [{"rule": f["rule"], "start": f["start"], "end": f["end"], "text": f["text"]} for f in document["flags"]]
with open(f"corpus/expected/{name}.flags.json", "w", encoding="utf-8") as out:
    json.dump(flags, out, ensure_ascii=False, indent=1)
    out.write("\n")
' "$name"
    echo "updated corpus/expected/$name.{record,flags}.json"
done
