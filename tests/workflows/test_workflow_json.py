"""tthc.workflows — JSON documents of a workflow and load()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tthc.errors import DataFileError, InputTypeError, SerializationError
from tthc.workflows import Workflow, example, examples, from_json, load, to_json


@pytest.mark.parametrize("workflow", examples(), ids=lambda w: w.procedure_code)
def test_json_round_trip(workflow: Workflow) -> None:
    text = to_json(workflow)
    assert json.loads(text)["schema_version"] == 1
    assert from_json(text) == workflow


def test_json_errors() -> None:
    with pytest.raises(SerializationError):
        from_json("{not json")
    with pytest.raises(SerializationError, match="unknown field"):
        from_json(json.dumps({"schema_version": 1, "procedure_code": "x", "colour": 1}))
    with pytest.raises(SerializationError, match="schema version"):
        from_json(json.dumps({"schema_version": 9, "workflow": {}}))
    with pytest.raises(InputTypeError):
        to_json("w")  # type: ignore[arg-type]


def test_load_and_read_errors(tmp_path: Path) -> None:
    json_path = tmp_path / "w.json"
    json_path.write_text(to_json(example("ho-tich.khai-sinh")), encoding="utf-8")
    assert load(json_path) == (example("ho-tich.khai-sinh"),)
    with pytest.raises(DataFileError, match="not supported"):
        load(tmp_path / "w.xlsx")
    # The message is tthc._data's, shared by every reader of user files ("cannot be read").
    with pytest.raises(DataFileError, match="cannot be read"):
        load(tmp_path / "missing.csv")
    with pytest.raises(DataFileError, match="cannot be read"):
        load(tmp_path / "missing.json")


def test_json_with_a_byte_order_mark(tmp_path: Path) -> None:
    # Notepad and Excel save "UTF-8" with a byte-order mark; such a file was once refused as
    # corrupted JSON. Every tthc reader drops the mark (tthc._data).
    birth = example("ho-tich.khai-sinh")
    text = "\ufeff" + to_json(birth)
    assert from_json(text) == birth
    assert from_json(text.encode("utf-8")) == birth
    path = tmp_path / "khai-sinh.json"
    path.write_text(text, encoding="utf-8")
    assert load(path) == (birth,)


def test_from_json_takes_text_only() -> None:
    with pytest.raises(InputTypeError):
        from_json(1)  # type: ignore[arg-type]


def test_json_duplicate_key_refused() -> None:
    # json.loads would keep the last value silently: the document is refused instead.
    with pytest.raises(SerializationError) as info:
        from_json('{"schema_version": 1, "schema_version": 1}')
    assert info.value.context == {"key": "schema_version", "path": "$", "cls": "Workflow"}
    assert "twice" in info.value.message


def test_load_reads_regular_utf8_files_only(tmp_path: Path) -> None:
    for name in ("thu-muc.csv", "thu-muc.json"):
        folder = tmp_path / name
        folder.mkdir()
        with pytest.raises(DataFileError, match="not a regular file") as info:
            load(folder)
        assert info.value.context["file"] == str(folder)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"schema_version": 1, "procedure_code": "1.001193 \xe9"}')
    with pytest.raises(DataFileError, match="not UTF-8"):
        load(latin)
