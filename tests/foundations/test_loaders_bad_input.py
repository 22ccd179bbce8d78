"""Every loader of the package, given unreadable JSON or asked to run code (issue 8).

Safe loading: nothing in ``src/tthc`` can execute code found in a file (no pickle, marshal,
shelve, ``yaml.load``, ``eval``/``exec``); every JSON loader reads through
:func:`tthc._data.parse_json`: it refuses bad syntax, nesting too deep, a key given twice and
bytes in no JSON encoding with its own documented error class, stable code and context, and drops
a leading byte-order mark; legal references in data files refuse unknown fields and non-strings. (Staff effort is read from CSV only: its refusal of
JSON is tested in tests/staffing/test_staffing_bad_input.py.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tthc import _data, procedures, serde, workflows
from tthc.calendar import _official as _calendar_data
from tthc.deadlines import Duration
from tthc.dossiers import Channel, Dossier
from tthc.errors import (
    CalendarDataError,
    CatalogError,
    DataFileError,
    SerializationError,
    TthcError,
)
from tthc.legal import LegalRef

SRC = Path(__file__).resolve().parents[2] / "src" / "tthc"


def test_no_loader_can_execute_code() -> None:
    forbidden = re.compile(
        r"\b(pickle|marshal|shelve|yaml\.load|yaml\.unsafe_load|eval\(|exec\(|__import__\()"
    )
    paths = sorted(SRC.rglob("*.py"))
    assert len(paths) > 50  # the package was found
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            assert not forbidden.search(code), f"{path.relative_to(SRC)}:{number}: {line.strip()}"


def test_legal_refs_refuse_unknown_fields_and_non_strings() -> None:
    with pytest.raises(DataFileError) as info:
        LegalRef.from_mapping({"document": "1/QĐ", "page": "3"}, where="in f.json x")
    assert info.value.context == {"field": "page"}
    assert "in f.json x" in info.value.message
    with pytest.raises(DataFileError) as info:
        LegalRef.from_mapping({"document": 118})
    assert info.value.context == {"field": "document"}
    with pytest.raises(DataFileError):
        LegalRef.from_mapping(["118/2025/NĐ-CP"])  # type: ignore[arg-type]


# --- unreadable JSON: every loader goes through tthc._data.parse_json -----------------------------

#: A key without quotes on line 2, column 2: ``JSONDecodeError``.
BAD_SYNTAX = '{"a": 1,\n x}'
#: Deeper than the interpreter's recursion limit: ``RecursionError`` inside ``json.loads``.
TOO_DEEP = "[" * 100_000


def _load_catalogue_text(tmp_path: Path, text: str) -> object:
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    return procedures.load_catalog(path)


def _serde_loader(cls: str, call: Any) -> tuple[Any, ...]:
    context = {"path": "$", "cls": cls}
    return (
        call,
        SerializationError,
        "serde.invalid",
        f"Dữ liệu JSON hỏng (corrupted JSON): the {cls} document",
        "the file was truncated or edited by hand; restore it from a backup",
        context,
        context,
    )


#: loader id -> (call, error class, code, message start, hint of a syntax error,
#: context of a syntax error, context of a too-deep document); "{file}" stands for the path.
_JSON_LOADERS: dict[str, tuple[Any, ...]] = {
    "calendar meta": (
        lambda tmp_path, text: _calendar_data.parse_meta(text, file="m.json"),
        CalendarDataError,
        "calendar.bad_data",
        "Dữ liệu lịch (calendar data): m.json",
        None,
        {"file": "m.json", "row": 2, "field": "*"},
        {"file": "m.json", "row": "$", "field": "*"},
    ),
    "procedure catalogue": (
        _load_catalogue_text,
        CatalogError,
        "procedure.bad_catalog",
        "Danh mục thủ tục (procedure catalogue) {file}",
        "the file must be a JSON list of records or an object with 'procedures'",
        {"file": "{file}", "line": 2},
        {"file": "{file}", "field": "procedures"},
    ),
    "workflow": _serde_loader("Workflow", lambda tmp_path, text: workflows.from_json(text)),
    "dossier (serde)": _serde_loader(
        "Dossier", lambda tmp_path, text: serde.from_json(text, Dossier)
    ),
}


def _json_error(loader: str, tmp_path: Path, text: str) -> tuple[TthcError, dict[str, str]]:
    call, cls = _JSON_LOADERS[loader][:2]
    with pytest.raises(TthcError) as info:
        call(tmp_path, text)
    assert type(info.value) is cls
    return info.value, {"{file}": str(tmp_path / "c.json")}


def _fill(context: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {
        key: names.get(value, value) if isinstance(value, str) else value
        for key, value in context.items()
    }


#: How each unreadable text ends the message.
_JSON_FAULTS = {
    "syntax": " is not valid JSON: Expecting property name enclosed in double quotes "
    "(line 2, column 2)",
    "too deep": " is nested too deeply to be read (JSON nesting beyond Python's recursion limit)",
}


@pytest.mark.parametrize("fault", sorted(_JSON_FAULTS))
@pytest.mark.parametrize("loader", sorted(_JSON_LOADERS))
def test_unreadable_json_error_class_code_and_context(
    loader: str, fault: str, tmp_path: Path
) -> None:
    _, _, code, start, hint, syntax_context, deep_context = _JSON_LOADERS[loader]
    syntax = fault == "syntax"
    err, names = _json_error(loader, tmp_path, BAD_SYNTAX if syntax else TOO_DEEP)
    assert err.code == code
    assert dict(err.context) == _fill(syntax_context if syntax else deep_context, names)
    assert err.hint == (hint if syntax else None)
    assert err.message == start.replace("{file}", names["{file}"]) + _JSON_FAULTS[fault]


#: A key given twice in one object: ``json`` would keep the last value, tthc refuses the file.
DUPLICATE_KEY = '{"a": 1,\n "a": 2}'
#: loader id -> context of a duplicate-key error ("{file}" stands for the path).
_DUPLICATE_CONTEXT: dict[str, dict[str, Any]] = {
    "calendar meta": {"file": "m.json", "key": "a", "field": "*"},
    "procedure catalogue": {"file": "{file}", "key": "a"},
    "workflow": {"key": "a", "path": "$", "cls": "Workflow"},
    "dossier (serde)": {"key": "a", "path": "$", "cls": "Dossier"},
}


@pytest.mark.parametrize("loader", sorted(_JSON_LOADERS))
def test_duplicate_keys_are_refused_by_every_loader(loader: str, tmp_path: Path) -> None:
    # new with tthc._data.parse_json (issue 14): tthc._validate.parse_json_data kept the last value
    _, _, code, start = _JSON_LOADERS[loader][:4]
    err, names = _json_error(loader, tmp_path, DUPLICATE_KEY)
    assert err.code == code
    assert dict(err.context) == _fill(_DUPLICATE_CONTEXT[loader], names)
    assert err.hint == "keep one value for each key"
    assert err.message == start.replace("{file}", names["{file}"]) + (
        " has the key 'a' twice in one object; JSON readers disagree on which one counts, "
        "so the file is refused"
    )


def test_a_byte_order_mark_is_dropped_by_every_loader() -> None:
    meta = _data.bundled_text("calendar/calendar.json")
    assert _calendar_data.parse_meta("\ufeff" + meta) == _calendar_data.parse_meta(meta)
    workflow = workflows.examples()[0]
    text = workflows.to_json(workflow)
    assert workflows.from_json("\ufeff" + text) == workflow
    assert workflows.from_json(("\ufeff" + text).encode()) == workflow
    dossier = Dossier(
        "H29.55-260309-0007",
        "1.001193",
        Channel.COUNTER,
        "Một cửa",
        "UBND xã",
        Duration.working_days(3),
    )
    assert serde.from_json("\ufeff" + serde.to_json(dossier), Dossier) == dossier
    # (the catalogue: tests/test_procedures_bad_input.py; the reader: test_data_reader.py)


def test_json_bytes_in_no_json_encoding() -> None:
    # b"\xff\xfe" is a UTF-16-LE byte-order mark; the lone b"\x00" after it is half a character.
    for call, cls in (
        (lambda b: serde.from_json(b, Dossier), "Dossier"),
        (workflows.from_json, "Workflow"),
    ):
        with pytest.raises(SerializationError) as info:
            call(b"\xff\xfe\x00")
        assert info.value.context == {"path": "$", "cls": cls}
        assert info.value.message == (
            f"Dữ liệu JSON hỏng (corrupted JSON): the {cls} document is not valid JSON: its bytes "
            "are not utf-16-le text (truncated data at byte 2)"
        )
    with pytest.raises(CalendarDataError) as calendar_info:
        _calendar_data.parse_meta(b"\xff\xfe\x00", file="m.json")  # type: ignore[arg-type]
    assert calendar_info.value.context == {"file": "m.json", "field": "*"}
