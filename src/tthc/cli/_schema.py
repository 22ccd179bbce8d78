"""``tthc schema [COMMAND]``: the JSON Schema of what every command prints with ``--json``.

The schema (JSON Schema draft 2020-12) is bundled as ``tthc/data/schema/cli.schema.json``: one
definition per command in ``$defs`` under ``command.<words joined by dots>``
(``command.workflow.check``), and the shared shapes (``legal_ref``, ``day``, ``unit``, ``date``,
``instant`` ...) beside them. Example::

    tthc schema                     # the whole schema
    tthc schema deadline            # what `tthc deadline --json` prints, on its own
    tthc schema workflow check

The rules it writes down: one legal-reference object (``LegalRef.to_dict``) under the key
``legal_ref`` (one) or ``legal_refs`` (a list); ``confidence`` in a legal reference is how the
document is known, ``rule_confidence`` how well a competence rule is established; an absent
value is ``null``, never ``""``; ISO dates and instants.
"""

from __future__ import annotations

import argparse
from typing import Any

from tthc._data import bundled_json
from tthc.cli._common import dump_json, guarded
from tthc.errors import InputTypeError

__all__: list[str] = []  # private module: `register` is called by tthc.cli

SCHEMA_FILE = "schema/cli.schema.json"
"""The bundled schema, relative to ``tthc/data``."""

PREFIX = "command."
"""The prefix of a command's definition in ``$defs``."""

TEXT_ONLY: dict[str, str] = {
    "workflow diagram": "prints a Mermaid flowchart (text), no JSON",
}
"""Commands that print no JSON, and what they print instead."""

_ALIASES = {
    "calendar export": "calendar-export",
    "export-calendar": "calendar-export",
    "unit-successors": "unit successors",
    "unit-predecessors": "unit predecessors",
}


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        help="lược đồ JSON của đầu ra --json / the JSON Schema of every command's --json output",
        description="In lược đồ JSON (JSON Schema 2020-12) của đầu ra --json: của mọi lệnh, "
        "hoặc của một lệnh. / Print the JSON Schema (draft 2020-12) of what every command "
        "prints with --json, or of one COMMAND on its own.",
    )
    parser.add_argument(
        "command",
        nargs="*",
        metavar="COMMAND",
        help="lệnh / a command, e.g. deadline or workflow check (default: every command)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="in JSON (luôn luôn) / print JSON (always: a schema is JSON)",
    )
    parser.set_defaults(func=guarded(_schema))


def cli_schema() -> dict[str, Any]:
    """Return the bundled JSON Schema of every command's ``--json`` output."""
    schema: dict[str, Any] = bundled_json(SCHEMA_FILE)
    return schema


def command_names(schema: dict[str, Any]) -> list[str]:
    """Return the commands the schema describes, as typed (``"workflow check"``)."""
    return [
        name[len(PREFIX) :].replace(".", " ") for name in schema["$defs"] if name.startswith(PREFIX)
    ]


def command_schema(command: str) -> dict[str, Any]:
    """Return the standalone JSON Schema of one command's ``--json`` output.

    Args:
        command: The command as typed, ``"deadline"`` or ``"workflow check"``.

    Raises:
        InputTypeError: ``command`` prints no JSON or is not a tthc command.
    """
    schema = cli_schema()
    words = " ".join(command.replace(".", " ").split())
    words = _ALIASES.get(words, words)
    key = PREFIX + words.replace(" ", ".")
    if key not in schema["$defs"]:
        known = command_names(schema)
        what = TEXT_ONLY.get(words, "is not a command that prints JSON")
        raise InputTypeError(
            f"Lược đồ JSON (JSON Schema): tthc {words} {what}",
            hint="run tthc schema with one of: " + ", ".join(known),
            argument="COMMAND",
            command=words,
        )
    defs = schema["$defs"]
    used = _reachable(defs[key], defs, {key})
    return {
        "$schema": schema["$schema"],
        "title": f"tthc {words} --json",
        "description": schema["description"],
        "$ref": f"#/$defs/{key}",
        "$defs": {name: defs[name] for name in defs if name in used},
    }


def _reachable(node: Any, defs: dict[str, Any], seen: set[str]) -> set[str]:
    """Return the names of the ``$defs`` that ``node`` refers to, directly or not."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref[len("#/$defs/") :]
            if name not in seen:
                seen.add(name)
                _reachable(defs[name], defs, seen)
        for value in node.values():
            _reachable(value, defs, seen)
    elif isinstance(node, list):
        for value in node:
            _reachable(value, defs, seen)
    return seen


def _schema(args: argparse.Namespace) -> int:
    command = " ".join(args.command)
    print(dump_json(command_schema(command) if command else cli_schema()))
    return 0
