"""Every field of every bundled assumption, and every refusal of the file reader in full.

The expected values are read independently from the bundled ``workload_assumptions.json`` (the
law and publications it cites are checked in ``test_assumptions.py``); the conftest fixture reads
the file again in each test, so a change to the reader shows here (issue 17, item 5).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from decimal import Decimal
from typing import Any

import pytest

from tthc._data import bundled_text
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity
from tthc.staffing import Assumption, load_assumptions
from tthc.staffing._assumptions import (
    ASSUMPTIONS_FILE,
    _frozen,
    _plain_value,
    _ReadOnlyMapping,
    decimal_from_data,
    default_float,
    parse_assumptions,
)

_RAW = json.loads(bundled_text("workload_assumptions.json"))


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _thawed(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    if isinstance(value, _ReadOnlyMapping):
        return {key: _thawed(item) for key, item in value.items()}
    return value


def test_every_field_of_every_assumption_is_read() -> None:
    loaded = load_assumptions()
    assert loaded.data_version == _RAW["data_version"] == "2026.11.1"
    assert [item.key for item in loaded.items] == [raw["key"] for raw in _RAW["assumptions"]]
    assert len(loaded.items) == 11
    for item, raw in zip(loaded.items, _RAW["assumptions"], strict=True):
        assert item.name_vi == raw["name_vi"]
        assert item.name_en == raw["name_en"]
        assert _thawed(item.value) == raw["value"]
        assert type(item.value) is type(_frozen(raw["value"]))
        assert item.unit == raw["unit"]
        assert item.basis == raw["basis"]
        assert item.note == raw["note"]
        assert item.validity == Validity(
            start=_date(raw["validity"]["start"]), end=_date(raw["validity"]["end"])
        )
        ref = raw.get("legal_ref")
        assert item.legal_ref == (None if ref is None else LegalRef.from_mapping(ref))
        assert item.is_planning is (raw["basis"] == "planning_assumption")


def test_values_are_read_only_and_travel() -> None:
    effort = load_assumptions()["default_effort_by_field"].value
    assert isinstance(effort, _ReadOnlyMapping)
    assert dict(effort["hộ tịch"]) == {"reception": "12", "processing": "25", "approval": "5"}
    assert len(effort) == len(_RAW["assumptions"][10]["value"])
    assert list(effort) == list(_RAW["assumptions"][10]["value"])
    with pytest.raises(TypeError):
        effort["hộ tịch"] = {}  # type: ignore[index]
    assert repr(_ReadOnlyMapping({"a": 1})) == "_ReadOnlyMapping({'a': 1})"
    for twin in (pickle.loads(pickle.dumps(effort)), copy.deepcopy(effort), copy.copy(effort)):
        assert twin == effort
        assert type(twin) is _ReadOnlyMapping
    source = {"a": 1}
    kept = _ReadOnlyMapping(source)
    source["a"] = 2
    assert kept["a"] == 1
    assert _frozen([1, [2, {"b": [3]}]]) == (1, (2, _ReadOnlyMapping({"b": (3,)})))
    assert type(_frozen([1, [2]])[1]) is tuple
    assert _frozen((1, [2])) == (1, (2,))
    assert _frozen("x") == "x"
    weights = load_assumptions()["arrival_weekday_weights"]
    assert weights.value == ("1.2", "1.0", "1.0", "1.0", "0.9", "1.0", "1.0")


def test_assumption_value_is_converted_when_built() -> None:
    item = Assumption("k", "vi", "en", [1, {"a": [2]}], "u", "law", None, Validity(), "")
    assert item.value == (1, _ReadOnlyMapping({"a": (2,)}))


def test_describe_in_full() -> None:
    a = load_assumptions()
    assert a["annual_leave_days"].describe() == (
        "Nghỉ hằng năm / Annual leave: 12 working days per year — điểm a khoản 1 Điều 113, "
        "Bộ luật Lao động 45/2019/QH14 (Quốc hội, 20/11/2019)"
    )
    assert a["max_mean_wait_minutes"].describe() == (
        "Thời gian chờ trung bình tối đa / Target: maximum mean wait in the queue: 15 minutes"
        " — giả định lập kế hoạch / planning assumption"
    )
    utilisation = a["utilisation"]
    assert utilisation.legal_ref is not None
    assert utilisation.describe() == (
        "Tỷ lệ thời gian dành cho giải quyết hồ sơ / Utilisation (share of available hours spent"
        " on dossier work): 0.85 fraction of available hours — giả định lập kế hoạch / planning"
        f" assumption; method: {utilisation.legal_ref.cite()}"
    )
    assert a["arrival_weekday_weights"].describe() == (
        "Phân bố lượt đến theo ngày trong tuần / Relative arrivals by weekday (Monday … Sunday):"
        " [1.2, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0] relative weight — giả định lập kế hoạch /"
        " planning assumption"
    )
    assert (
        a["default_effort_by_field"]
        .describe()
        .endswith(": {…} minutes per dossier — giả định lập kế hoạch / planning assumption")
    )
    law_without_source = Assumption("k", "Tên", "Name", 3, "u", "law", None, Validity(), "")
    assert law_without_source.describe() == "Tên / Name: 3 u — no legal source"
    assert _plain_value(()) == "[]"
    assert _plain_value(("a",)) == "[a]"
    assert _plain_value(Decimal("1.50")) == "1.50"


def test_numbers_and_dates_of_the_file() -> None:
    a = load_assumptions()
    assert a.decimal("utilisation") == Decimal("0.85")
    assert a.decimal("annual_leave_days") == Decimal(12)
    assert a.date("reform_date") == dt.date(2025, 7, 1)
    assert default_float("max_wait_probability") == 0.5
    assert default_float("max_mean_wait_minutes") == 15.0
    assert decimal_from_data("0.5", "k") == Decimal("0.5")
    assert decimal_from_data(7, "k") == Decimal(7)


def _refusal(call: Any) -> tuple[str, str, dict[str, Any]]:
    with pytest.raises(DataFileError) as caught:
        call()
    return caught.value.code, caught.value.message, dict(caught.value.context)


_FILE = {"file": ASSUMPTIONS_FILE}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "True is not a number"),
        ("x", "'x' is not a number"),
        (None, "None is not a number"),
        ("NaN", "'NaN' is not a finite number"),
        ("Infinity", "'Infinity' is not a finite number"),
        ("-Infinity", "'-Infinity' is not a finite number"),
    ],
)
def test_numbers_refused(value: object, words: str) -> None:
    assert _refusal(lambda: decimal_from_data(value, "k")) == (
        "data.invalid",
        f"Giả định (assumption) 'k': {words}",
        {**_FILE, "field": "k"},
    )


def test_keys_and_dates_refused() -> None:
    a = load_assumptions()
    assert _refusal(lambda: a["nope"]) == (
        "data.invalid",
        "Giả định (assumption) 'nope' is not in workload_assumptions.json",
        {**_FILE, "field": "nope"},
    )
    assert _refusal(lambda: a.date("utilisation")) == (
        "data.invalid",
        "Giả định (assumption) 'utilisation': '0.85' is not an ISO date",
        {**_FILE, "field": "utilisation"},
    )
    assert _refusal(lambda: a.decimal("erlang_c_model")) == (
        "data.invalid",
        "Giả định (assumption) 'erlang_c_model': 'M/M/c' is not a number",
        {**_FILE, "field": "erlang_c_model"},
    )


_ENTRY = '"key": "a", "name_vi": "vi", "name_en": "en", "value": [1, {"b": 2}]'


def _file(*entries: str) -> str:
    return '{"data_version": "1", "assumptions": [' + ", ".join(entries) + "]}"


def test_a_minimal_entry_takes_the_defaults() -> None:
    read = parse_assumptions(
        _file("{" + _ENTRY + ', "basis": "planning_assumption", "legal_ref": "x"}'), "ok.json"
    )
    assert read.data_version == "1"
    assert read.items == (
        Assumption(
            key="a",
            name_vi="vi",
            name_en="en",
            value=(1, _ReadOnlyMapping({"b": 2})),
            unit="",
            basis="planning_assumption",
            legal_ref=None,
            validity=Validity(),
            note="",
        ),
    )
    dated = parse_assumptions(
        _file(
            "{" + _ENTRY + ', "basis": "law", "unit": "u", "note": "n",'
            ' "legal_ref": {"doc": "45-2019-qh14", "article": "Điều 113.1.a"},'
            ' "validity": {"start": "2021-01-01", "end": ""}}',
            "{" + _ENTRY.replace('"a"', '"c"') + ', "basis": "literature",'
            ' "legal_ref": {"doc": "erlang-1917"}, "validity": {"end": "2030-12-31"}}',
        ),
        "ok.json",
    )
    first, second = dated.items
    assert (first.unit, first.note, first.basis) == ("u", "n", "law")
    assert first.validity == Validity(start=dt.date(2021, 1, 1), end=None)
    assert first.legal_ref == LegalRef.from_mapping(
        {"doc": "45-2019-qh14", "article": "Điều 113.1.a"}
    )
    assert second.validity == Validity(start=None, end=dt.date(2030, 12, 31))
    assert second.basis == "literature"


def _bad(text: str) -> tuple[str, str, dict[str, Any]]:
    return _refusal(lambda: parse_assumptions(text, "bad.json"))


_PREFIX = "Tệp dữ liệu (data file) bad.json"


@pytest.mark.parametrize(
    "text",
    ["[]", '{"assumptions": {}}', '{"data_version": "1"}', '{"data_version": "1", "x": []}'],
)
def test_file_without_a_list_of_assumptions(text: str) -> None:
    assert _bad(text) == (
        "data.invalid",
        f"{_PREFIX}: expected an object with an 'assumptions' list",
        {"file": "bad.json", "path": "assumptions"},
    )


@pytest.mark.parametrize(
    "version", ["", '"data_version": ""', '"data_version": 1', '"data_version": null']
)
def test_file_without_a_version(version: str) -> None:
    text = "{" + version + (", " if version else "") + '"assumptions": []}'
    assert _bad(text) == (
        "data.invalid",
        f"{_PREFIX}: 'data_version' is missing",
        {"file": "bad.json", "path": "data_version"},
    )


def test_entry_that_is_not_an_object() -> None:
    assert _bad(
        _file(
            "{" + _ENTRY + ', "basis": "literature"' + ', "legal_ref": {"doc": "erlang-1917"}}',
            "[1]",
        )
    ) == (
        "data.invalid",
        f"{_PREFIX}: assumptions[1] is not an object",
        {"file": "bad.json", "path": "assumptions[1]"},
    )


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ('"key": "a"', "basis"),
        ('"basis": "planning_assumption", "name_vi": "", "name_en": "", "value": 1', "key"),
        ('"basis": "planning_assumption", "key": "a", "name_en": "", "value": 1', "name_vi"),
        ('"basis": "planning_assumption", "key": "a", "name_vi": "", "value": 1', "name_en"),
        ('"basis": "planning_assumption", "key": "a", "name_vi": "", "name_en": ""', "value"),
        (_ENTRY + ', "basis": "guess"', "basis"),
        (_ENTRY + ', "basis": "law"', "legal_ref"),
        (_ENTRY + ', "basis": "literature", "legal_ref": "erlang-1917"', "legal_ref"),
        (_ENTRY + ', "basis": "planning_assumption", "validity": {"start": "x"}', ""),
        (_ENTRY + ', "basis": "planning_assumption", "validity": {"end": "2026-13-01"}', ""),
        (_ENTRY + ', "basis": "planning_assumption", "validity": 5', ""),
        (_ENTRY + ', "basis": "law", "legal_ref": {"doc": "no-such-document"}', ""),
    ],
)
def test_entry_refused_with_its_field(entry: str, field: str) -> None:
    good = "{" + _ENTRY + ', "basis": "planning_assumption"}'
    assert _bad(_file(good, "{" + entry + "}")) == (
        "data.invalid",
        f"{_PREFIX}: assumptions[1] is missing or has an invalid field {field!r}",
        {
            "file": "bad.json",
            "path": f"assumptions[1].{field}" if field else "assumptions[1]",
            "field": field,
        },
    )


def test_file_that_is_not_json() -> None:
    assert _bad("{") == (
        "data.invalid",
        f"{_PREFIX} is not valid JSON: Expecting property name enclosed in double quotes (line 1,"
        " column 2)",
        {"file": "bad.json", "row": 1},
    )
