"""A user's procedure catalogue that is malformed, hostile or random (issue 8).

Safe loading: unknown fields and wrong types are refused with the path of the bad field, the
size is capped, unreadable bytes are refused. Fuzz contract (tests/fuzzing.py): whatever file
arrives, :func:`tthc.procedures.load_catalog` returns a :class:`~tthc.procedures.Catalog` or
raises a documented tthc error, within 5 s. Seeds: the bundled catalogue (national TTHC portal
records) and the real processing-time wordings of tests/data/processing_time_shapes.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import (
    FUZZ,
    JSON,
    SHAPES,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
)
from tthc import _data, procedures
from tthc.errors import CatalogError
from tthc.procedures import Catalog, load_catalog

# --- safe loading: errors name the field ----------------------------------------------------------

RECORD = {"code": "1.001193", "name": "Đăng ký khai sinh", "processing_time_text": "Trong ngày"}


def _catalog(tmp_path: Path, data: Any) -> CatalogError:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        procedures.load_catalog(path)
    return info.value


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({**RECORD, "nmae": "typo"}, "nmae"),
        ({**RECORD, "name": 5}, "name"),
        ({**RECORD, "level": {"a": 1}}, "level"),
        ({**RECORD, "legal_basis": "118/2025/NĐ-CP"}, "legal_basis"),
        ({**RECORD, "as_of": "2026-02-30"}, "as_of"),
        ({**RECORD, "authority_kind": "huyen_uy_ban_1999"}, "authority_kind"),
        ({**RECORD, "competence_key": "no-such-procedure"}, "competence_key"),
        (
            {**RECORD, "processing_time_by_channel": [{"channel": "Trực tiếp", "tme": "1 ngày"}]},
            "processing_time_by_channel[0].tme",
        ),
        (
            {**RECORD, "processing_time_by_channel": [{"channel": 1, "time": "1 ngày"}]},
            "processing_time_by_channel[0].channel",
        ),
    ],
)
def test_catalogue_record_errors_name_the_field(
    tmp_path: Path, record: dict[str, Any], field: str
) -> None:
    err = _catalog(tmp_path, {"procedures": [RECORD, record]})
    assert err.context["field"] == field
    assert err.context["index"] == 1
    assert err.context["code"] == "1.001193"


def test_catalogue_file_level_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = _catalog(tmp_path, {"procedures": [], "extra": 1})
    assert err.context["field"] == "extra"
    assert _catalog(tmp_path, [[]]).context["field"] == "record"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(CatalogError, match="nested too deeply"):
        procedures.load_catalog(deep)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'[{"code": "1", "name": "H\xe9 t\xecch"}]')  # Latin-1, not UTF-8
    with pytest.raises(CatalogError, match="not UTF-8"):
        procedures.load_catalog(latin)
    # the cap is read where load_catalog is defined (tthc.procedures or its private module)
    monkeypatch.setattr(sys.modules[load_catalog.__module__], "MAX_CATALOG_BYTES", 10)
    with pytest.raises(CatalogError, match="larger than 10 bytes"):
        procedures.load_catalog(deep)


def test_catalogue_with_bom_and_known_keys_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    data = {"data_version": "x", "description": "d", "procedures": [RECORD]}
    path.write_text("\ufeff" + json.dumps(data), encoding="utf-8")
    assert [p.code for p in procedures.load_catalog(path)] == ["1.001193"]


# --- fuzz: load_catalog(path) ---------------------------------------------------------------------

_RECORD_KEYS = [
    "code", "name", "field", "level", "authority", "authority_kind", "processing_time_text",
    "processing_time_prose", "processing_time_by_channel", "fees_text", "result", "legal_basis",
    "as_of", "competence_key", "source",
]  # fmt: skip


def _bundled_records() -> list[dict[str, Any]]:
    raw = _data.bundled_json("procedures.json")
    return list(raw["procedures"] if isinstance(raw, dict) else raw)


_RECORDS = _bundled_records()


@st.composite
def _mutated_record(draw: st.DrawFn) -> dict[str, Any]:
    record = dict(draw(st.sampled_from(_RECORDS)))
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.integers(0, 2))
        key = draw(st.sampled_from([*_RECORD_KEYS, "unknown_field"]))
        if action == 0:
            record.pop(key, None)
        elif action == 1:
            record[key] = draw(JSON)
        else:
            record[key] = draw(st.sampled_from([*SHAPES, "", " ", "1.001193", "x" * 300]))
    return record


def _catalog_from(tmp: Path, text: str | bytes) -> None:
    path = tmp / "catalog.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = contract("load_catalog", path.stat().st_size, lambda: load_catalog(path))
    if result is not None:
        assert isinstance(result, Catalog)
        for procedure in result:
            assert procedure.code.strip()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tthc-fuzz-catalogue")


@FUZZ
@given(data=st.data())
def test_load_catalog_random_json(fuzz_dir: Path, data: st.DataObject) -> None:
    value = data.draw(
        JSON
        | st.lists(_mutated_record(), max_size=3)
        | st.fixed_dictionaries(
            {"procedures": st.lists(_mutated_record(), max_size=3), "data_version": JSON}
        )
    )
    _catalog_from(fuzz_dir, json.dumps(value, ensure_ascii=data.draw(st.booleans())))


@FUZZ
@given(data=st.data())
def test_load_catalog_random_bytes(fuzz_dir: Path, data: st.DataObject) -> None:
    raw = data.draw(
        st.binary(max_size=200)
        | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
    _catalog_from(fuzz_dir, raw)


def test_load_catalog_deep_nesting_and_large_file(fuzz_dir: Path) -> None:
    _catalog_from(fuzz_dir, "[" * 100_000)
    _catalog_from(fuzz_dir, '{"procedures": ' + "[" * 50_000)
    big = json.dumps(_RECORDS * max(1, 2_000_000 // max(1, len(json.dumps(_RECORDS)))))
    _catalog_from(fuzz_dir, big)
