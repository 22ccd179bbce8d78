"""The validators of the staffing models, refusals in full (issue 17, item 5).

attrs validators made by a factory (``non_empty_text(...)``, ``_entries(...)``, ``_weights(7)``)
are built once, when the class is defined; the tests call the factories again so that a change
to them shows, and check the models' refusals through the public constructors too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from tthc.errors import DataFileError, InputTypeError, UnknownProcedure
from tthc.staffing import (
    ArrivalProfile,
    DossierCount,
    EffortTable,
    Month,
    ProcedureEffort,
    effort_table,
    load_assumptions,
)
from tthc.staffing._assumptions import parse_assumptions
from tthc.staffing._inputs import _code, _entries, _field_key, _text, default_field_effort
from tthc.staffing._numbers import instance_of, non_empty_text
from tthc.staffing._profiles import _weights

JAN = Month(2026, 1)
COUNT = attrs.fields(DossierCount)
TABLE = attrs.fields(EffortTable)
PROFILE = attrs.fields(ArrivalProfile)


def _refused(call: Any, message: str, argument: str) -> None:
    with pytest.raises(InputTypeError) as caught:
        call()
    assert (caught.value.code, caught.value.message) == ("input.wrong_type", message)
    assert dict(caught.value.context) == {"argument": argument}


def test_factories_made_again() -> None:
    text_check = non_empty_text("need text")
    text_check(None, COUNT.unit_code, "U")
    text_check(None, COUNT.unit_code, " U ")
    for bad in ("", "  \t", 5, None, b"U"):
        _refused(lambda bad=bad: text_check(None, COUNT.unit_code, bad), "need text", "unit_code")
    type_check = instance_of(Month, "need a month")
    type_check(None, COUNT.month, JAN)
    _refused(lambda: type_check(None, COUNT.month, "2026-01"), "need a month", "month")
    code_check = _code("unit_code")
    code_check(None, COUNT.unit_code, "U")
    _refused(
        lambda: code_check(None, COUNT.unit_code, ""),
        "Số liệu hồ sơ (dossier count): unit_code must be a non-empty string",
        "unit_code",
    )
    name_check = _text("unit_name")
    name_check(None, COUNT.unit_name, "")
    _refused(
        lambda: name_check(None, COUNT.unit_name, 5),
        "Số liệu hồ sơ (dossier count): unit_name must be a string",
        "unit_name",
    )


def test_entries_factory_made_again() -> None:
    check = _entries("fields", _field_key)
    one = ProcedureEffort.from_minutes("Hộ tịch", {"reception": 1})
    other = ProcedureEffort.from_minutes("Chứng thực", {"reception": 1})
    check(None, TABLE.fields, ())
    check(None, TABLE.fields, (one, other))
    for bad in ([one], (one, "x"), ("x",), None):
        _refused(
            lambda bad=bad: check(None, TABLE.fields, bad),
            "Bảng thời gian xử lý (effort table): fields must be a tuple of ProcedureEffort",
            "fields",
        )
    twin = ProcedureEffort.from_minutes("ho tich", {"reception": 2})
    _refused(
        lambda: check(None, TABLE.fields, (one, other, twin)),
        "Bảng thời gian xử lý (effort table): 'ho tich' is listed twice in fields",
        "fields",
    )
    by_code = _entries("procedures", lambda entry: entry.key)
    by_code(None, TABLE.procedures, (one, twin))  # different codes
    _refused(
        lambda: by_code(None, TABLE.procedures, (one, other, one)),
        "Bảng thời gian xử lý (effort table): 'Hộ tịch' is listed twice in procedures",
        "procedures",
    )


def test_weights_factory_made_again() -> None:
    check = _weights(3)
    check(None, PROFILE.hour_weights, (0, 1.5, Decimal("2")))
    for bad in ((1, 2), (1, 2, 3, 4), [1, 2, 3], None):
        _refused(
            lambda bad=bad: check(None, PROFILE.hour_weights, bad),
            "Phân bố lượt đến (arrival profile): hour_weights must be a tuple of 3 numbers",
            "hour_weights",
        )
    with pytest.raises(InputTypeError) as caught:
        check(None, PROFILE.hour_weights, (1, 1, -1))
    assert caught.value.message == "Số (number): hour_weights must be zero or more, got -1"
    with pytest.raises(InputTypeError) as caught:
        check(None, PROFILE.hour_weights, (1, "1", 1))
    assert caught.value.message == "Số (number): hour_weights must be a number, got str"


def test_dossier_count_refusals_in_full() -> None:
    for field in ("unit_code", "procedure_code"):
        for bad in ("", " ", 5):
            values: dict[str, Any] = {"unit_code": "U", "procedure_code": "P", field: bad}
            _refused(
                lambda values=values: DossierCount(month=JAN, count=1, **values),
                f"Số liệu hồ sơ (dossier count): {field} must be a non-empty string",
                field,
            )
    _refused(
        lambda: DossierCount("U", "P", "2026-01", 1),  # type: ignore[arg-type]
        "Số liệu hồ sơ (dossier count): month must be a tthc.staffing.Month",
        "month",
    )
    for field in ("unit_name", "unit_kind", "field"):
        _refused(
            lambda field=field: DossierCount("U", "P", JAN, 1, **{field: 5}),  # type: ignore[arg-type]
            f"Số liệu hồ sơ (dossier count): {field} must be a string",
            field,
        )
    _refused(
        lambda: DossierCount("U", "P", JAN, 1, in_person=2),
        "Số liệu hồ sơ (dossier count): in_person 2 must be between 0 and count 1",
        "in_person",
    )
    _refused(
        lambda: DossierCount("U", "P", JAN, 10**9 + 1),
        "Số liệu hồ sơ (dossier count): count must be between 0 and 1,000,000,000, got 1000000001",
        "count",
    )
    assert DossierCount("U", "P", JAN, 10**9, in_person=10**9).in_person == 10**9
    assert DossierCount("U", "P", JAN, 0, unit_name="", field="").in_person is None


def test_procedure_effort_refusals_in_full() -> None:
    for bad in ("", " ", 5):
        _refused(
            lambda bad=bad: ProcedureEffort(bad, ()),
            "Thủ tục (procedure): the procedure code must be a non-empty string",
            "key",
        )
    _refused(
        lambda: ProcedureEffort("P", [("a", Decimal(1))]),  # type: ignore[arg-type]
        "Thời gian xử lý (staff effort): minutes must be a tuple of (role, Decimal) pairs",
        "minutes",
    )
    _refused(
        lambda: ProcedureEffort("P", (("a", Decimal(1)), ("b", Decimal(0)), ("a", Decimal(2)))),
        "Thời gian xử lý (staff effort): role 'a' is listed twice for P",
        "minutes",
    )
    for pair in (
        ("", Decimal(1)),
        (" ", Decimal(1)),
        (1, Decimal(1)),
        ("a", 1),
        ("a", Decimal(-1)),
        ("a", Decimal("NaN")),
        ("a", Decimal("Infinity")),
        ("a",),
        ("a", Decimal(1), 1),
        ["a", Decimal(1)],
    ):
        _refused(
            lambda pair=pair: ProcedureEffort("P", (pair,)),
            "Thời gian xử lý (staff effort): each entry must be (role, minutes) with a non-empty"
            f" role and a non-negative Decimal, got {pair!r}",
            "minutes",
        )
    assert ProcedureEffort("P", (("a", Decimal(0)),)).total_minutes == 0


class _Workflow:
    procedure_code = "1.001193"

    def staff_minutes_by_role(self) -> dict[str, Any]:
        return {"approval": 3, "reception": "10,5"}


def test_efforts_from_sources_hours_and_tables_in_full() -> None:
    converted = ProcedureEffort.from_source(_Workflow())
    assert converted == ProcedureEffort(
        "1.001193", (("reception", Decimal("10.5")), ("approval", Decimal(3))), "_workflow"
    )
    _refused(
        lambda: ProcedureEffort.from_source(5),  # type: ignore[arg-type]
        "Quy trình (workflow): expected an object with procedure_code and "
        "staff_minutes_by_role(), got int",
        "source",
    )
    hours = ProcedureEffort.from_hours("P", {"x": 1, "reception": "0,5"}, source="s")
    assert hours == ProcedureEffort("P", (("reception", Decimal(30)), ("x", Decimal(60))), "s")
    assert ProcedureEffort.from_hours("P", {"x": 1}).source == "given"
    minutes_entry = ProcedureEffort.from_minutes("A", {"r": 1})
    table = effort_table(
        [minutes_entry, _Workflow()], fields={"Hộ tịch": {"reception": 1}}, unit="hours"
    )
    assert table == EffortTable(
        procedures=(minutes_entry, converted),
        fields=(ProcedureEffort("Hộ tịch", (("reception", Decimal(60)),)),),
    )
    assert len(table) == 3
    assert len(EffortTable()) == 0
    by_hours = effort_table({"A": {"r": 1}}, unit="hours")
    assert by_hours == EffortTable(procedures=(ProcedureEffort("A", (("r", Decimal(60)),)),))
    assert len(by_hours) == 1
    by_minutes = effort_table({"A": {"r": "1,5"}}, fields={"F": {"r": 2}})
    assert by_minutes == EffortTable(
        procedures=(ProcedureEffort("A", (("r", Decimal("1.5")),)),),
        fields=(ProcedureEffort("F", (("r", Decimal(2)),)),),
    )
    assert effort_table() == EffortTable()
    for bad in ("abc", b"abc", 5):
        _refused(
            lambda bad=bad: effort_table(bad),
            "Thời gian xử lý (staff effort): procedures must be a mapping or an iterable of "
            f"ProcedureEffort, got {type(bad).__name__}",
            "procedures",
        )
    _refused(
        lambda: effort_table({}, unit="days"),
        "Đơn vị (unit): 'days' must be 'minutes' or 'hours'",
        "unit",
    )
    _refused(
        lambda: effort_table({}, fields=[("F", {"r": 1})]),  # type: ignore[arg-type]
        "Thời gian xử lý (staff effort): fields must be a mapping field → {role: amount}",
        "fields",
    )


def test_effort_lookup_build_and_merge_in_full() -> None:
    table = effort_table({"A": {"r": 1}}, fields={"Hộ tịch": {"r": 2}})
    field_entry = ProcedureEffort("Hộ tịch", (("r", Decimal(2)),))
    assert table.lookup("B", "HO TICH") == field_entry
    assert table.get("A", "x") == ProcedureEffort("A", (("r", Decimal(1)),))
    assert table.get("B") is None
    assert table.get("B", "") is None
    hint = "add the procedure (or its field) to the effort table: procedure_code,role,minutes"
    for field, words in (("", ""), ("đất đai", " (field 'đất đai')")):
        with pytest.raises(UnknownProcedure) as caught:
            table.lookup("B", field)
        assert caught.value.code == "procedure.unknown"
        assert caught.value.message == (
            f"Thời gian xử lý (staff effort) is not known for procedure 'B'{words}"
        )
        assert caught.value.hint == hint
        assert dict(caught.value.context) == {"procedure_code": "B", "field": field}
    merged = table.merged_with(
        effort_table(
            {"A": {"r": 5}, "C": {"r": 1}}, fields={"ho tich": {"r": 9}, "Đất đai": {"r": 1}}
        )
    )
    assert merged == EffortTable(
        procedures=(
            ProcedureEffort("A", (("r", Decimal(1)),)),
            ProcedureEffort("C", (("r", Decimal(1)),)),
        ),
        fields=(field_entry, ProcedureEffort("Đất đai", (("r", Decimal(1)),))),
    )
    ordered = ProcedureEffort.from_minutes(
        " P ",
        {
            " zeta ": "1,23456",
            "return": 0,
            "approval": 1,
            "processing": 2,
            "reception": 3,
            "alpha": 1,
        },
    )
    assert ordered == ProcedureEffort(
        "P",
        (
            ("reception", Decimal(3)),
            ("processing", Decimal(2)),
            ("approval", Decimal(1)),
            ("return", Decimal(0)),
            ("alpha", Decimal(1)),
            ("zeta", Decimal("1.2346")),
        ),
    )
    assert ordered.minutes_for("zeta") == Decimal("1.2346")
    assert ordered.minutes_for("other") == Decimal(0)
    assert ordered.total_minutes == Decimal("8.2346")
    assert ordered.roles == ("reception", "processing", "approval", "return", "alpha", "zeta")
    empty = (
        "Thời gian xử lý (staff effort) for 'P': give a non-empty mapping role → amount, e.g. "
        "{'reception': 10, 'processing': 30}"
    )
    _refused(lambda: ProcedureEffort.from_minutes("P", {}), empty, "minutes")
    _refused(lambda: ProcedureEffort.from_minutes("P", [1]), empty, "minutes")  # type: ignore[arg-type]
    _refused(
        lambda: ProcedureEffort.from_minutes("P", {1: 2}),  # type: ignore[dict-item]
        "Vai trò (role): role names must be strings, got int",
        "role",
    )
    _refused(
        lambda: ProcedureEffort.from_minutes("P", {"r": "x"}),
        "Thời gian xử lý (staff effort) for 'P', role 'r': 'x' is not a number",
        "r",
    )
    with pytest.raises(InputTypeError) as negative:
        ProcedureEffort.from_minutes("P", {"r": -1})
    assert negative.value.message == "Số (number): P.r must be zero or more, got -1"
    assert dict(negative.value.context) == {"argument": "P.r", "value": "-1"}


def test_default_field_effort_of_a_bad_file() -> None:
    bad = parse_assumptions(
        '{"data_version": "1", "assumptions": [{"key": "default_effort_by_field", "name_vi": "",'
        ' "name_en": "", "value": 3, "basis": "planning_assumption"}]}',
        "b.json",
    )
    with pytest.raises(DataFileError) as caught:
        default_field_effort(bad)
    assert caught.value.message == (
        "Giả định (assumption) default_effort_by_field in workload_assumptions.json must be an "
        "object field → {role: minutes}"
    )
    assert dict(caught.value.context) == {
        "file": "workload_assumptions.json",
        "field": "default_effort_by_field",
    }
    table = default_field_effort(load_assumptions())
    assert table.procedures == ()
    assert table.lookup("x", "Hộ tịch") == ProcedureEffort(
        "hộ tịch",
        (("reception", Decimal(12)), ("processing", Decimal(25)), ("approval", Decimal(5))),
        "default_effort_by_field",
    )
    assert len(table) == len(load_assumptions()["default_effort_by_field"].value)
