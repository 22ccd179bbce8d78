"""The one reader of data files (``tthc._data``): caps, regular files, BOM, duplicate keys."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tthc import _data
from tthc.errors import CatalogError, DataFileError, InputTypeError


def test_bundled_files_are_read() -> None:
    registry = _data.bundled_json("documents.json")
    assert "118-2025-nd-cp" in registry["documents"]
    rows = _data.bundled_csv("units/provinces_2025.csv")
    assert len(rows) == 34  # Nghị quyết 202/2025/QH15: 34 provinces from 1/7/2025
    assert rows[0]["code"] == "01"


def test_a_zipped_installation_reads_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no data directory beside the module (a zipped tthc): the same bytes, through
    # importlib.resources, and the same refusal for a missing file
    direct = _data.bundled_text("documents.json")
    monkeypatch.setattr(_data, "_DATA_DIR", "/nonexistent/tthc/data")
    assert _data.bundled_text("documents.json") == direct
    with pytest.raises(DataFileError, match="missing from the tthc installation"):
        _data.bundled_text("no/such/file.json")


def test_a_missing_bundled_file_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="missing from the tthc installation") as info:
        _data.bundled_text("no/such/file.json")
    assert info.value.context["file"] == "no/such/file.json"


def test_duplicate_keys_are_refused() -> None:
    # json.loads would keep the last "events": a dossier would silently lose its history.
    with pytest.raises(DataFileError, match="'events' twice") as info:
        _data.parse_json('{"events": [1, 2], "events": []}', "d.json")
    assert info.value.context == {"file": "d.json", "key": "events"}
    with pytest.raises(CatalogError):
        _data.parse_json('{"a": {"b": 1, "b": 2}}', None, CatalogError)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("{", "not valid JSON"),
        (b"\xff\xfe{", "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("1" * 5_000, "number too long"),
    ],
)
def test_unreadable_json(text: str | bytes, match: str) -> None:
    with pytest.raises(DataFileError, match=match):
        _data.parse_json(text, "x.json")


def test_bom_is_dropped_everywhere(tmp_path: Path) -> None:
    assert _data.parse_json("\ufeff[1]", None) == [1]
    assert _data.parse_json(b"\xef\xbb\xbf[1]", None) == [1]
    path = tmp_path / "rows.csv"
    path.write_bytes("\ufeffa,b\n1,2\n".encode())
    rows, name = _data.read_csv(path)
    assert rows == [{"a": "1", "b": "2"}]
    assert name == str(path)


def test_user_files_streams_and_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    assert _data.read_json(path) == ({"a": 1}, str(path))
    assert _data.read_source(io.StringIO("\ufeffabc")) == ("abc", "<stream>")
    assert _data.read_source(io.BytesIO(b"abc"))[0] == "abc"
    with pytest.raises(DataFileError, match="larger than 3 bytes") as info:
        _data.read_source(path, max_bytes=3)
    assert info.value.context["max_bytes"] == 3
    with pytest.raises(DataFileError, match="larger than 2 bytes"):
        _data.read_source(io.BytesIO(b"abc"), max_bytes=2)


@pytest.mark.parametrize("bad", [0, -1, True, 1.5])
def test_the_cap_must_be_a_positive_integer(bad: object) -> None:
    with pytest.raises(InputTypeError):
        _data.read_source(io.BytesIO(b""), max_bytes=bad)  # type: ignore[arg-type]


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not a regular file"):
        _data.read_source(tmp_path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # reading a FIFO would block forever
    with pytest.raises(DataFileError, match="not a regular file"):
        _data.read_source(fifo)
    with pytest.raises(DataFileError, match="cannot be read"):
        _data.read_source(tmp_path / "absent.json")


def test_text_that_is_not_utf8_and_bad_sources(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("Hòa".encode("latin-1"))
    with pytest.raises(DataFileError, match="not UTF-8 text"):
        _data.read_source(path)
    with pytest.raises(InputTypeError, match="pass a path or an open file"):
        _data.read_source(42)  # type: ignore[arg-type]


def test_csv_rows_must_match_the_header() -> None:
    with pytest.raises(DataFileError, match="row 3 does not have one value per column"):
        _data.parse_csv("a,b\n1,2\n3\n", "short.csv")
    with pytest.raises(DataFileError, match="row 2 does not have one value per column"):
        _data.parse_csv("a,b\n1,2,3\n", "long.csv")
