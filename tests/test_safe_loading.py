"""Safe loading (issue 8): no code execution, unknown fields and wrong types refused with the
path of the bad field, sizes capped, cross-references checked."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tthc import _calendar_data, authorities, procedures, serde, workflows, workload
from tthc.dossiers import Dossier
from tthc.errors import (
    CalendarDataError,
    CatalogError,
    DataFileError,
    SerializationError,
    TthcError,
)
from tthc.legal import LegalRef

SRC = Path(__file__).resolve().parent.parent / "src" / "tthc"


def test_no_loader_can_execute_code() -> None:
    forbidden = re.compile(
        r"\b(pickle|marshal|shelve|yaml\.load|yaml\.unsafe_load|eval\(|exec\(|__import__\()"
    )
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            assert not forbidden.search(code), f"{path.name}:{number}: {line.strip()}"


# --- catalogue ------------------------------------------------------------------------------------

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
    monkeypatch.setattr(procedures, "MAX_CATALOG_BYTES", 10)
    with pytest.raises(CatalogError, match="larger than 10 bytes"):
        procedures.load_catalog(deep)


def test_catalogue_with_bom_and_known_keys_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    data = {"data_version": "x", "description": "d", "procedures": [RECORD]}
    path.write_text("\ufeff" + json.dumps(data), encoding="utf-8")
    assert [p.code for p in procedures.load_catalog(path)] == ["1.001193"]


# --- calendar data --------------------------------------------------------------------------------

HEADER = ",".join(_calendar_data.OVERLAY_COLUMNS)
ROW = "2026-04-30,public_holiday,Ngày Chiến thắng,Victory Day,45/2019/QH14,Bộ luật,Quốc hội,2019-11-20,Điều 112,,official"


def _overlay(text: str) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as info:
        _calendar_data.parse_overlay(text, file="x.csv")
    return info.value


def test_overlay_rows_on_dates_that_do_not_exist_are_refused() -> None:
    for bad in ("2026-02-30", "2026-13-01", "20260430", "2026-W18-4", "30/04/2026"):
        err = _overlay(f"{HEADER}\n{ROW.replace('2026-04-30', bad, 1)}\n")
        assert err.context == {"file": "x.csv", "row": 2, "field": "date"}
    assert len(_calendar_data.parse_overlay(f"{HEADER}\n{ROW}\n")) == 1


def test_overlay_unknown_columns_bad_csv_and_size() -> None:
    assert _overlay(f"{HEADER},extra\n{ROW},x\n").context["field"] == "extra"
    assert _overlay(f'{HEADER}\n{ROW}\n"2026\r').context["field"] == "*"
    assert "larger than" in _overlay("x" * (_calendar_data.MAX_FILE_BYTES + 1)).message


META = json.loads(_calendar_data._read_text(_calendar_data.META_FILE))


def _meta(data: Any) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as info:
        _calendar_data.parse_meta(json.dumps(data), file="m.json")
    return info.value


def test_meta_unknown_fields_and_wrong_types_name_the_field() -> None:
    cases: list[tuple[Any, str]] = []
    for key, value in (("extra", 1), ("name", 5), ("statutory_bases", 3), ("first_day", 20150101)):
        data = copy.deepcopy(META)
        data[key] = value
        cases.append((data, key))
    data = copy.deepcopy(META)
    data["weekly_rest"]["name_vi"] = ["x"]
    cases.append((data, "name_vi"))
    data = copy.deepcopy(META)
    data["weekly_rest"]["colour"] = "red"
    cases.append((data, "colour"))
    data = copy.deepcopy(META)
    data["statutory_bases"][0]["kind"] = "national_party_day"
    cases.append((data, "kind"))
    data = copy.deepcopy(META)
    data["statutory_bases"][0]["legal_ref"]["page"] = 3
    cases.append((data, "legal_ref"))
    for bad, field in cases:
        assert _meta(bad).context["field"] == field, field
    assert "nested too deeply" in _meta_text("[" * 100_000).message
    assert _calendar_data.parse_meta(json.dumps(META)).data_version == META["data_version"]


def _meta_text(text: str) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as info:
        _calendar_data.parse_meta(text)
    return info.value


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


# --- competence rules: cross-references -----------------------------------------------------------


@pytest.fixture
def rules_data(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    original = authorities._load_json
    data = copy.deepcopy(original("rules.json"))
    monkeypatch.setattr(
        authorities, "_load_json", lambda name: data if name == "rules.json" else original(name)
    )
    authorities._table.cache_clear()
    yield data
    authorities._table.cache_clear()


def _rule_error(rules_data: dict[str, Any]) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        authorities.competence_rules()
    return info.value


def test_competence_rule_naming_a_unit_kind_that_does_not_exist(rules_data: dict[str, Any]) -> None:
    rule = rules_data["procedures"][0]["rules"][0]
    rule["body_by_kind"] = {"huyện lỵ": "UBND"}
    err = _rule_error(rules_data)
    assert err.context["path"] == "rules.json procedures[0].rules[0].body_by_kind.huyện lỵ"


def test_competence_rule_naming_an_authority_kind_that_does_not_exist(
    rules_data: dict[str, Any],
) -> None:
    rules_data["procedures"][1]["rules"][0]["authority"] = "DISTRICT_PC_CHAIR_2019"
    assert _rule_error(rules_data).context["path"] == "rules.json procedures[1].rules[0]"


def test_competence_rule_unknown_field_and_dangling_supersedes(rules_data: dict[str, Any]) -> None:
    rules_data["procedures"][0]["rules"][0]["valid_form"] = "2025-07-01"
    assert _rule_error(rules_data).context["path"].endswith("rules[0].valid_form")
    del rules_data["procedures"][0]["rules"][0]["valid_form"]
    rules_data["procedures"][0]["rules"][0]["supersedes"] = "no-such-rule"
    assert "supersedes" in _rule_error(rules_data).context["path"]
    del rules_data["procedures"][0]["rules"][0]["supersedes"]
    rules_data["procedures"][0]["owner"] = "x"
    assert _rule_error(rules_data).context["path"] == "rules.json procedures[0].owner"


# --- dossier JSON ---------------------------------------------------------------------------------


def test_dossier_json_nested_too_deeply() -> None:
    with pytest.raises(SerializationError) as info:
        serde.from_json("[" * 100_000, Dossier)
    assert info.value.context["path"] == "$"


def test_meta_size_cap_and_empty_projection() -> None:
    text = " " * (_calendar_data.MAX_FILE_BYTES + 1)
    assert "larger than" in _meta_text(text).message
    assert _calendar_data.projected_days([]) == {}


# --- unreadable JSON: every loader goes through tthc._validate.parse_json_data ---------------------

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
    "workload efforts": (
        lambda tmp_path, text: workload.read_efforts(io.StringIO(text)),
        DataFileError,
        "data.invalid",
        "Tệp dữ liệu (data file) <stream>",
        None,
        {"file": "<stream>", "row": 2},
        {"file": "<stream>", "path": "$"},
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
