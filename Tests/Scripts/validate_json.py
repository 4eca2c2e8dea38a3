#!/usr/bin/env python3
"""Validate JSON documents against one of rxtext's JSON Schemas (draft 2020-12).

    validate_json.py SCHEMA FILE...              each FILE is one JSON document
    validate_json.py --jsonl SCHEMA FILE...      each non-blank line of each FILE is one document
    validate_json.py --def flag SCHEMA FILE...   validate against SCHEMA's $defs/flag instead

FILE may be `-` for standard input. Every *.json file in SCHEMA's directory is loaded into the
reference registry (by its $id), so lint.schema.json can refer to extract.schema.json.

Prints one line per error, `FILE:LINE: JSON-PATH: MESSAGE`, and exits 1 if there was any (a
document that is not JSON is an error too); exits 2 on usage errors or a missing module.
Needs the PyPI package jsonschema (4.18 or later); `jsonschema[format-nongpl]` adds the checkers
for the `format` keywords that need them.
"""

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as error:  # pragma: no cover - depends on the machine
    print(
        f"validate_json.py: missing Python module ({error.name}): pip install 'jsonschema[format-nongpl]'",
        file=sys.stderr,
    )
    sys.exit(2)


def load_registry(schema_path: Path) -> tuple[dict, Registry]:
    """The schema at schema_path, and a registry holding it and its sibling schemas."""
    registry = Registry()
    schema = None
    candidates = sorted(set(schema_path.parent.glob("*.json")) | {schema_path})
    for path in candidates:
        try:
            contents = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            if path.resolve() == schema_path.resolve():
                raise SystemExit(f"validate_json.py: cannot read schema {path}: {error}")
            continue
        if not isinstance(contents, dict):
            continue
        if path.resolve() == schema_path.resolve():
            schema = contents
        if "$id" in contents:
            resource = Resource.from_contents(contents, default_specification=DRAFT202012)
            registry = registry.with_resource(contents["$id"], resource)
    assert schema is not None
    return schema, registry


# --- line numbers for JSON paths -------------------------------------------------------------
# json.loads does not report positions, so a small scanner maps each value's path to the line it
# starts on. It is used only to point at lines; the documents are validated as json.loads reads them.

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


class _Lines:
    def __init__(self, text: str):
        self.text = text
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        self.lines: dict[tuple, int] = {}

    def line(self, offset: int) -> int:
        low, high = 0, len(self.newlines)
        while low < high:
            middle = (low + high) // 2
            if self.newlines[middle] < offset:
                low = middle + 1
            else:
                high = middle
        return low + 1

    def skip(self, offset: int) -> int:
        return _WHITESPACE.match(self.text, offset).end()

    def value(self, offset: int, path: tuple) -> int:
        offset = self.skip(offset)
        self.lines[path] = self.line(offset)
        char = self.text[offset]
        if char == "{":
            offset = self.skip(offset + 1)
            if self.text[offset] == "}":
                return offset + 1
            while True:
                key, offset = json.decoder.scanstring(self.text, self.skip(offset) + 1)
                offset = self.skip(offset)
                offset = self.value(offset + 1, path + (key,))  # past ':'
                offset = self.skip(offset)
                if self.text[offset] == "}":
                    return offset + 1
                offset += 1  # ','
        if char == "[":
            offset = self.skip(offset + 1)
            if self.text[offset] == "]":
                return offset + 1
            index = 0
            while True:
                offset = self.skip(self.value(offset, path + (index,)))
                index += 1
                if self.text[offset] == "]":
                    return offset + 1
                offset += 1  # ','
        if char == '"':
            return json.decoder.scanstring(self.text, offset + 1)[1]
        return _SCALAR.match(self.text, offset).end()


def line_map(text: str) -> dict[tuple, int]:
    lines = _Lines(text)
    try:
        lines.value(0, ())
    except Exception:  # the map is a nicety: fall back to the document's first line
        pass
    return lines.lines


def line_of(lines: dict[tuple, int], path, first_line: int) -> int:
    path = tuple(path)
    while path and path not in lines:
        path = path[:-1]
    return first_line - 1 + lines.get(path, 1)


# --- validation -------------------------------------------------------------------------------


def describe(error: "jsonschema.ValidationError") -> str:
    message = error.message
    if error.context:
        # oneOf / anyOf: say which branch came closest and why it failed. A branch that failed
        # only on its type is the least telling, so the others are preferred.
        telling = [branch for branch in error.context if branch.validator != "type"]
        closest = best_match(telling or error.context)
        where = closest.json_path if closest.json_path != "$" else ""
        message += f" (closest: {where + ': ' if where else ''}{closest.message})"
    if len(message) > 400:
        message = message[:400] + "..."
    return message


def documents(name: str, text: str, jsonl: bool):
    """(first line, text) for each document in a file."""
    if not jsonl:
        yield 1, text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Validate JSON files against an rxtext JSON Schema.")
    parser.add_argument("schema", type=Path, help="the schema file (draft 2020-12)")
    parser.add_argument("files", nargs="+", help="JSON files (`-` for standard input)")
    parser.add_argument("--jsonl", action="store_true", help="validate each non-blank line as a document")
    parser.add_argument("--def", dest="definition", metavar="NAME", help="validate against the schema's $defs/NAME")
    arguments = parser.parse_args(argv)

    schema, registry = load_registry(arguments.schema)
    Draft202012Validator.check_schema(schema)
    if arguments.definition:
        if arguments.definition not in schema.get("$defs", {}):
            known = ", ".join(sorted(schema.get("$defs", {})))
            print(f"validate_json.py: {arguments.schema} has no $defs/{arguments.definition} (has: {known})",
                  file=sys.stderr)
            return 2
        base = schema.get("$id", "")
        schema = {"$schema": schema["$schema"], "$ref": f"{base}#/$defs/{arguments.definition}"}
    validator = Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )

    error_count = 0
    document_count = 0
    for name in arguments.files:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"{name}:0: $: cannot read: {error}")
            error_count += 1
            continue
        if not arguments.jsonl and not text.strip():
            print(f"{name}:1: $: empty file, expected a JSON document")
            error_count += 1
            continue
        for first_line, chunk in documents(name, text, arguments.jsonl):
            document_count += 1
            try:
                instance = json.loads(chunk)
            except ValueError as error:
                line = first_line + getattr(error, "lineno", 1) - 1
                print(f"{name}:{line}: $: not JSON: {error}")
                error_count += 1
                continue
            errors = sorted(validator.iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.message))
            if not errors:
                continue
            lines = line_map(chunk)
            for error in errors:
                line = line_of(lines, error.absolute_path, first_line)
                print(f"{name}:{line}: {error.json_path}: {describe(error)}")
                error_count += 1
    print(
        f"validate_json.py: {document_count} document{'s' if document_count != 1 else ''}, "
        f"{error_count} error{'s' if error_count != 1 else ''}",
        file=sys.stderr,
    )
    return 1 if error_count else 0


if __name__ == "__main__":
    sys.exit(main())
