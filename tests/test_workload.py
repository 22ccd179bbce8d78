"""Tests of ``tthc.workload``: capacity, demand, FTE, Erlang C counters, CSV input, the plan.

Sources:

* 2026 working days: the official 2026 calendar (tests/data/vn_public_sector_calendar_reference.csv,
  249 working days): Tết Dương lịch 1/1 + swapped 2/1 worked on Saturday 10/1 (12729/VPCP-KGVX),
  Tết 16–20/2 and 31/8 ↔ 22/8, 1–2/9 (9441/TB-BNV), compensatory 27/4 for Giỗ Tổ on Sunday 26/4
  (Bộ luật Lao động 2019 Điều 111.3), 30/4, 1/5 (Điều 112.1), 24/11 Ngày Văn hóa Việt Nam.
* Annual leave: 12 working days (Bộ luật Lao động 2019 Điều 113.1.a).
* Erlang B / C: published values cited next to each test.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import _cli_workload, workload
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.errors import CalendarRangeError, DataFileError, InputTypeError, UnknownProcedure
from tthc.workload import (
    ArrivalProfile,
    DossierCount,
    EffortTable,
    Month,
    PlanSettings,
    ProcedureEffort,
    QueueTargets,
    arrival_rates,
    compute_demand,
    counters_needed,
    dossier_counts,
    effort_table,
    erlang_b,
    erlang_c,
    fte_needed,
    load_assumptions,
    mean_wait,
    plan_counters,
    plan_workload,
    read_dossier_counts,
    read_efforts,
    reform_changes,
    staff_capacity,
)

ROOT = Path(__file__).resolve().parent.parent
D = dt.date
T = dt.time
FLAT = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
BARE = {"annual_leave_days": 0, "utilisation": 1}


# --- capacity: the 2026 calendar by hand ---------------------------------------------------------

# month: (weekdays Mon–Fri, weekday days off, working Saturdays, working days)
# Jan: 22 weekdays − Thu 1/1 (Tết Dương lịch) − Fri 2/1 (swap) + Sat 10/1 (make-up)    = 21
# Feb: 20 weekdays − Mon–Fri 16–20/2 (Tết Nguyên đán)                                    = 15
# Mar: 22 weekdays, no day off                                                            = 22
# Apr: 22 weekdays − Mon 27/4 (nghỉ bù Giỗ Tổ, 26/4 is a Sunday) − Thu 30/4              = 20
# May: 21 weekdays − Fri 1/5                                                              = 20
# Jun: 22 weekdays                                                                        = 22
# Jul: 23 weekdays                                                                        = 23
# Aug: 21 weekdays − Mon 31/8 (swap) + Sat 22/8 (make-up)                                 = 21
# Sep: 22 weekdays − Tue 1/9 − Wed 2/9 (Quốc khánh)                                       = 20
# Oct: 22 weekdays                                                                        = 22
# Nov: 21 weekdays − Tue 24/11 (Ngày Văn hóa Việt Nam)                                    = 20
# Dec: 23 weekdays                                                                        = 23
# Total: 249 working days = the official count for 2026.
HAND_2026 = {
    1: (22, [D(2026, 1, 1), D(2026, 1, 2)], [D(2026, 1, 10)], 21),
    2: (20, [D(2026, 2, d) for d in range(16, 21)], [], 15),
    3: (22, [], [], 22),
    4: (22, [D(2026, 4, 27), D(2026, 4, 30)], [], 20),
    5: (21, [D(2026, 5, 1)], [], 20),
    6: (22, [], [], 22),
    7: (23, [], [], 23),
    8: (21, [D(2026, 8, 31)], [D(2026, 8, 22)], 21),
    9: (22, [D(2026, 9, 1), D(2026, 9, 2)], [], 20),
    10: (22, [], [], 22),
    11: (21, [D(2026, 11, 24)], [], 20),
    12: (23, [], [], 23),
}


def _weekdays(year: int, month: int) -> int:
    day, count = D(year, month, 1), 0
    while day.month == month:
        count += day.weekday() < 5
        day += dt.timedelta(days=1)
    return count


@pytest.mark.parametrize("month", range(1, 13))
def test_capacity_2026_matches_hand_count(month: int) -> None:
    weekdays, off, extra, working = HAND_2026[month]
    assert _weekdays(2026, month) == weekdays
    assert weekdays - len(off) + len(extra) == working
    cap = staff_capacity(Month(2026, month), **BARE)
    assert cap.working_days == working
    assert [info.date for info in cap.days_off] == off
    assert [info.date for info in cap.extra_working_days] == extra
    assert cap.working_days_in_year == 249
    assert cap.hours_per_day == Decimal("8.00")
    assert cap.gross_hours == Decimal(8 * working)
    assert cap.leave_hours == 0
    assert cap.productive_hours == Decimal(8 * working)
    assert not cap.provisional


def test_capacity_2026_year_total() -> None:
    assert sum(v[3] for v in HAND_2026.values()) == 249
    # January with the defaults: leave 12 × 21/249 × 8 h = 8.0964 h; (168 − 8.0964) × 0.85.
    jan = staff_capacity(Month(2026, 1))
    assert jan.gross_hours == Decimal("168.00")
    assert jan.leave_hours == Decimal("8.10")
    assert jan.available_hours == Decimal("159.90")
    assert jan.productive_hours == Decimal("135.92")
    assert jan.annual_leave_days == Decimal("12.00")
    assert jan.utilisation == Decimal("0.85")
    # Over the year the leave adds up to exactly 12 days × 8 h = 96 h:
    # (249 × 8 − 96) × 0.85 = 1611.6 h per staff member.
    records = [
        {"unit_code": "U1", "procedure_code": "P", "month": f"2026-{m:02d}", "count": 1}
        for m in range(1, 13)
    ]
    plan = plan_workload(
        records,
        effort_table({"P": {"processing": 60}}),
        start=Month(2026, 1),
        settings=PlanSettings(),
    )
    assert plan.capacity_hours == Decimal("1611.60")
    assert plan.months == tuple(Month(2026, m) for m in range(1, 13))


def test_capacity_options() -> None:
    # 7.5-hour days (07:30–11:30, 13:30–17:00) and a local closure on Monday 5/1/2026.
    hours = OfficeHours(((T(7, 30), T(11, 30)), (T(13, 30), T(17, 0))))
    from tthc.legal import LegalRef

    cal = civil_service_calendar().with_days_off(
        [D(2026, 1, 5)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=LegalRef("1/QĐ-UBND", kind="Quyết định"),
    )
    cap = staff_capacity(
        Month(2026, 1), calendar=cal, office_hours=hours, annual_leave_days=0, utilisation=1
    )
    assert cap.working_days == 20
    assert cap.gross_hours == Decimal("150.00")
    assert D(2026, 1, 5) in [info.date for info in cap.days_off]
    # Projected year: provisional.
    assert staff_capacity(Month(2030, 3)).provisional


def test_capacity_errors() -> None:
    with pytest.raises(InputTypeError):
        staff_capacity("2026-01")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=0)
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=Decimal("1.5"))
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), annual_leave_days=-1)
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), annual_leave_days=300)
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), annual_leave_days=True)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=float("nan"))
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation=Decimal("Infinity"))
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), utilisation="0.8")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), calendar="national")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        staff_capacity(Month(2026, 1), office_hours="8h")  # type: ignore[arg-type]
    with pytest.raises(CalendarRangeError):
        staff_capacity(Month(2040, 1))


# --- months --------------------------------------------------------------------------------------


def test_month() -> None:
    assert Month.parse("2026-01") == Month(2026, 1) == Month.parse("01/2026")
    assert Month.parse(" 2026-1 ") == Month(2026, 1)
    assert str(Month(2026, 2)) == "2026-02"
    assert Month(2026, 2).last_day == D(2026, 2, 28)
    assert Month(2024, 12).last_day == D(2024, 12, 31)
    assert Month(2024, 12).next() == Month(2025, 1)
    assert Month.of(D(2026, 3, 9)) == Month(2026, 3)
    assert Month(2025, 12) < Month(2026, 1)
    for bad in ("2026-13", "2026", "Jan 2026", "00/2026"):
        with pytest.raises(InputTypeError):
            Month.parse(bad)
    with pytest.raises(InputTypeError):
        Month.parse(202601)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Month(2026, 0)
    with pytest.raises(InputTypeError):
        Month("2026", 1)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Month.of(dt.datetime(2026, 1, 1, 8, 0))  # type: ignore[arg-type]


# --- FTE arithmetic ------------------------------------------------------------------------------


def test_fte_needed_rounds_up_on_the_exact_ratio() -> None:
    assert fte_needed(Decimal(320), Decimal(160)) == 2
    assert fte_needed(Decimal("320.01"), 160) == 3
    assert fte_needed(0, 160) == 0
    assert fte_needed(Fraction(1, 3), Fraction(1, 3)) == 1
    assert fte_needed(0.1 + 0.2, 0.3) == 2  # floats are read via their repr: 0.30000000000000004
    with pytest.raises(InputTypeError):
        fte_needed(10, 0)
    with pytest.raises(InputTypeError):
        fte_needed(-1, 10)
    with pytest.raises(InputTypeError):
        fte_needed("10", 10)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        fte_needed(True, 10)  # type: ignore[arg-type]


def _one_unit(count: int, month: str = "2026-01") -> list[dict[str, Any]]:
    return [
        {
            "unit_code": "31120",
            "unit_name": "Phường Cái Khế",
            "unit_kind": "phường",
            "procedure_code": "1.001193",
            "field": "hộ tịch",
            "month": month,
            "count": count,
        }
    ]


EFFORT = effort_table({"1.001193": {"reception": 10, "processing": 20}})


def test_plan_fte_by_hand() -> None:
    bare = PlanSettings(annual_leave_days=Decimal(0), utilisation=Decimal(1))
    # 1008 dossiers × 20 min = 336 h = exactly 2 × 168 h (January 2026): 2 staff, not 3.
    plan = plan_workload(_one_unit(1008), EFFORT, settings=bare)
    unit = plan.units[0]
    assert plan.capacity_hours == Decimal("168.00")
    processing = unit.role("processing")
    assert processing is not None
    assert processing.demand_hours == Decimal("336.00")
    assert processing.fte_exact == Decimal("2.00")
    assert processing.fte == 2
    reception = unit.role("reception")
    assert reception is not None
    assert reception.demand_hours == Decimal("168.00")
    assert reception.fte == 1
    assert unit.fte == 3
    assert unit.role("approval") is None
    # One more dossier: processing 336.33 h → 3, reception 168.17 h → 2.
    more = plan_workload(_one_unit(1009), EFFORT, settings=bare).units[0]
    assert [(need.role, need.fte) for need in more.roles] == [("reception", 2), ("processing", 3)]
    assert more.fte == 5
    # With the defaults (leave, 0.85) capacity is 135.92 h: 336 / 135.92 = 2.47 → 3.
    default = plan_workload(_one_unit(1008), EFFORT).units[0].role("processing")
    assert default is not None
    assert default.fte == 3
    assert default.fte_exact == Decimal("2.47")


def test_plan_peak_month_and_period() -> None:
    records = _one_unit(100, "2026-01") + _one_unit(700, "2026-02")
    bare = PlanSettings(annual_leave_days=Decimal(0), utilisation=Decimal(1))
    plan = plan_workload(records, EFFORT, settings=bare)
    need = plan.units[0].role("processing")
    assert need is not None
    # Period: (100 + 700) × 20 min = 266.67 h over 168 + 120 h → 0.93 → 1.
    assert need.fte == 1
    # February alone: 233.33 h over 120 h → 2.
    assert (need.peak_month, need.peak_month_fte) == (Month(2026, 2), 2)
    only_jan = plan_workload(records, EFFORT, settings=bare, end=Month(2026, 1))
    assert only_jan.months == (Month(2026, 1),)
    assert only_jan.units[0].dossiers == 100


# --- demand --------------------------------------------------------------------------------------


def test_compute_demand() -> None:
    counts = [
        *_one_unit(120),
        {"unit_code": "31120", "procedure_code": "2.000815", "month": "2026-01", "count": "30"},
        {"unit_code": "31135", "procedure_code": "1.001193", "month": Month(2026, 2), "count": 3},
    ]
    efforts = effort_table(
        {"1.001193": {"reception": 10, "processing": 20}},
        fields={"chứng thực": {"reception": "6", "approval": "1,5"}},
    )
    with pytest.raises(UnknownProcedure):
        compute_demand(counts, efforts)  # 2.000815 has no field in the record
    counts[1]["field"] = "Chứng thực"  # fields match case-insensitively
    demand = compute_demand(counts, efforts)
    assert demand.units == ("31120", "31135")
    assert demand.roles == ("reception", "processing", "approval")
    assert demand.months == (Month(2026, 1), Month(2026, 2))
    # 120 × 10 + 30 × 6 = 1380 min = 23 h of reception in 31120, January.
    assert demand.hours(unit_code="31120", role="reception", month=Month(2026, 1)) == Decimal(
        "23.00"
    )
    assert demand.minutes(role="approval") == Decimal("45.0")
    assert demand.hours(unit_code="31135") == Decimal("1.50")
    row = next(r for r in demand.rows if r.role == "processing" and r.unit_code == "31120")
    assert (row.dossiers, row.hours) == (120, Decimal("40.00"))
    with pytest.raises(InputTypeError):
        compute_demand(counts, {"1.001193": {}})  # type: ignore[arg-type]


# --- efforts -------------------------------------------------------------------------------------


class FakeWorkflow:
    """What a tthc.workflows.Workflow will look like to this module (the EffortSource hook)."""

    procedure_code = "1.013978"

    def staff_minutes_by_role(self) -> dict[str, Any]:
        return {"processing": Decimal("240"), "reception": 20, "approval": 15.5}


def test_effort_table_and_workflow_hook() -> None:
    table = effort_table([FakeWorkflow(), ProcedureEffort.from_hours("X", {"processing": "1.5"})])
    entry = table.lookup("1.013978")
    assert entry.roles == ("reception", "processing", "approval")
    assert entry.total_minutes == Decimal("275.5")
    assert entry.source == "fakeworkflow"
    assert table.lookup("X").minutes_for("processing") == Decimal(90)
    assert table.lookup("X").minutes_for("reception") == 0
    assert len(table) == 2
    assert table.get("nope") is None
    hours = effort_table({"A": {"processing": 2}}, unit="hours")
    assert hours.lookup("A").total_minutes == Decimal(120)
    merged = hours.merged_with(effort_table({"A": {"x": 1}, "B": {"x": 1}}))
    assert merged.lookup("A").roles == ("processing",)
    assert merged.lookup("B").roles == ("x",)
    with pytest.raises(UnknownProcedure) as caught:
        table.lookup("9.999999", "đất đai")
    assert caught.value.code == "procedure.unknown"


@pytest.mark.parametrize(
    "call",
    [
        lambda: effort_table({"A": {"processing": 1}}, unit="days"),
        lambda: effort_table({"A": {"processing": -1}}),
        lambda: effort_table({"A": {"processing": "ten"}}),
        lambda: effort_table({"A": {}}),
        lambda: effort_table({"A": {1: 5}}),  # type: ignore[dict-item]
        lambda: effort_table("1.001193"),  # type: ignore[arg-type]
        lambda: effort_table(5),  # type: ignore[arg-type]
        lambda: effort_table([object()]),  # type: ignore[list-item]
        lambda: effort_table(fields=[("hộ tịch", {})]),  # type: ignore[arg-type]
        lambda: ProcedureEffort(key="", minutes=()),
        lambda: ProcedureEffort(key="A", minutes=[("x", Decimal(1))]),  # type: ignore[arg-type]
        lambda: ProcedureEffort(key="A", minutes=(("x", 1),)),  # type: ignore[arg-type]
        lambda: ProcedureEffort(key="A", minutes=(("x", Decimal(1)), ("x", Decimal(2)))),
        lambda: ProcedureEffort.from_source("not a workflow"),  # type: ignore[arg-type]
        lambda: EffortTable(procedures=[ProcedureEffort.from_minutes("A", {"x": 1})]),  # type: ignore[arg-type]
        lambda: EffortTable(
            procedures=(
                ProcedureEffort.from_minutes("A", {"x": 1}),
                ProcedureEffort.from_minutes("A", {"y": 1}),
            )
        ),
    ],
)
def test_effort_errors(call: Any) -> None:
    with pytest.raises(InputTypeError):
        call()


def test_read_efforts_csv_and_json(tmp_path: Path) -> None:
    path = tmp_path / "efforts.csv"
    path.write_text(
        "procedure_code,field,role,minutes\n"
        "1.001193,,reception,10\n"
        '1.001193,,processing,"20,5"\n'
        ",hộ tịch,processing,30\n",
        encoding="utf-8",
    )
    table = read_efforts(path)
    assert table.lookup("1.001193").minutes_for("processing") == Decimal("20.5")
    assert table.lookup("x", "Hộ tịch").total_minutes == Decimal(30)
    hours = tmp_path / "hours.csv"
    hours.write_text("procedure_code,role,hours\nA,processing,1.25\n", encoding="utf-8")
    assert read_efforts(hours).lookup("A").total_minutes == Decimal(75)
    document = {
        "unit": "hours",
        "procedures": {"A": {"processing": 0.5, "approval": "0.25"}},
        "fields": {"đất đai": {"processing": 3}},
    }
    as_json = tmp_path / "efforts.json"
    as_json.write_text(json.dumps(document), encoding="utf-8")
    table = read_efforts(as_json)
    assert table.lookup("A").total_minutes == Decimal(45)
    assert table.lookup("B", "đất đai").total_minutes == Decimal(180)
    assert read_efforts(io.StringIO('{"procedures": {"A": {"x": 1}}}')).lookup("A").total_minutes


@pytest.mark.parametrize(
    ("text", "row", "field"),
    [
        ("procedure_code,role,minutes,hours\nA,x,1,1\n", 1, "minutes"),
        ("role,minutes\nx,1\n", 1, "procedure_code"),
        ("procedure_code,minutes\nA,1\n", 1, "role"),
        ("procedure_code,role,minutes\nA,x,abc\n", 2, "minutes"),
        ("procedure_code,role,minutes\nA,x,-1\n", 2, "minutes"),
        ("procedure_code,role,minutes\nA,x,1\nA,x,2\n", 3, "role"),
        ("procedure_code,field,role,minutes\nA,hộ tịch,x,1\n", 2, "procedure_code"),
        ("procedure_code,role,minutes\nA,,1\n", 2, "role"),
        ("procedure_code,role,minutes\n\nA,x\n", 3, None),
        ("procedure_code,role,minutes\n", 2, None),
        ("", 1, None),
    ],
)
def test_read_efforts_csv_errors(text: str, row: int, field: str | None) -> None:
    with pytest.raises(DataFileError) as caught:
        read_efforts(io.StringIO(text))
    assert caught.value.context["file"] == "<stream>"
    assert caught.value.context["row"] == row
    assert caught.value.context.get("field") == field


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ("{not json", None),
        ("[1, 2]", "$"),
        ('{"unit": "days"}', "unit"),
        ('{"extra": 1}', "extra"),
        ('{"procedures": []}', "procedures"),
        ('{"procedures": {"A": {}}}', "procedures.A"),
        ('{"procedures": {"A": {"x": -1}}}', "procedures.A.x"),
        ('{"procedures": {"A": {"x": true}}}', "procedures.A.x"),
        ('{"procedures": {"A": {"x": "abc"}}}', "procedures.A.x"),
        ('{"fields": {"A": {"x": null}}}', "fields.A.x"),
    ],
)
def test_read_efforts_json_errors(document: str, path: str | None) -> None:
    with pytest.raises(DataFileError) as caught:
        read_efforts(io.StringIO(document))
    assert caught.value.context.get("path") == path


def test_read_efforts_json_float_nan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text('{"procedures": {"A": {"x": NaN}}}', encoding="utf-8")
    with pytest.raises(DataFileError):
        read_efforts(path)


# --- dossier counts CSV --------------------------------------------------------------------------

HEADER = "unit_code,unit_name,unit_kind,procedure_code,field,month,count,in_person\n"


def test_read_dossier_counts(tmp_path: Path) -> None:
    path = tmp_path / "dossiers.csv"
    path.write_bytes(
        (
            "\ufeff"
            + HEADER
            + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2026-01,120,80\n"
            + "\n"
            + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,01/2026,5,\n"
        ).encode()
    )
    rows = read_dossier_counts(path)
    assert rows[0] == DossierCount(
        unit_code="31120",
        procedure_code="1.001193",
        month=Month(2026, 1),
        count=120,
        unit_name="Phường Cái Khế",
        unit_kind="phường",
        field="hộ tịch",
        in_person=80,
    )
    assert rows[1].in_person is None
    minimal = io.StringIO("UNIT_CODE,procedure_code,month,count,comment\nU,P,2026-01,1,x\n")
    assert read_dossier_counts(minimal)[0].unit_code == "U"


@pytest.mark.parametrize(
    ("body", "row", "field"),
    [
        ("31120,,,1.001193,,2026-13,1,\n", 2, "month"),
        ("31120,,,1.001193,,2026-01,-1,\n", 2, "count"),
        ("31120,,,1.001193,,2026-01,12.5,\n", 2, "count"),
        ("31120,,,1.001193,,2026-01,,\n", 2, "count"),
        (",,,1.001193,,2026-01,1,\n", 2, "unit_code"),
        ("31120,,,,,2026-01,1,\n", 2, "procedure_code"),
        ("31120,,,1.001193,,2026-01,3,4\n", 2, "in_person"),
        ("31120,,,1.001193,,2026-01,3,x\n", 2, "in_person"),
        ("31120,,,1.001193,,2026-01,1,\n31120,,,1.001193,,2026-01,eval(1),\n", 3, "count"),
    ],
)
def test_read_dossier_counts_row_errors(body: str, row: int, field: str) -> None:
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO(HEADER + body))
    err = caught.value
    assert (err.context["file"], err.context["row"], err.context["field"]) == (
        "<stream>",
        row,
        field,
    )
    assert f"row {row}" in err.message
    assert repr(field) in err.message


def test_read_dossier_counts_file_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO("unit_code,procedure_code,month\nU,P,2026-01\n"))
    assert (caught.value.context["row"], caught.value.context["field"]) == (1, "count")
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO("unit_code,unit_code,procedure_code,month,count\n"))
    assert caught.value.context["field"] == "unit_code"
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO(HEADER + "1,2,3\n"))
    assert caught.value.context["row"] == 2
    with pytest.raises(DataFileError):
        read_dossier_counts(io.StringIO(HEADER))
    with pytest.raises(DataFileError):
        read_dossier_counts(io.StringIO(""))
    big = tmp_path / "big.csv"
    big.write_text(HEADER + "U,,,P,,2026-01,1,\n" * 100, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(big, max_bytes=1000)
    assert caught.value.context["file"] == str(big)
    with pytest.raises(DataFileError):
        read_dossier_counts(io.BytesIO(b"x" * 2000), max_bytes=1000)
    with pytest.raises(DataFileError):
        read_dossier_counts(io.BytesIO(HEADER.encode() + b"\xff\xfe,1\n"))
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(tmp_path / "missing.csv")
    assert caught.value.context["file"].endswith("missing.csv")
    with pytest.raises(InputTypeError):
        read_dossier_counts(big, max_bytes=0)
    with pytest.raises(InputTypeError):
        read_dossier_counts(123)  # type: ignore[arg-type]


def test_dossier_counts_records() -> None:
    rows = dossier_counts(
        [
            {"unit_code": "U", "procedure_code": "P", "month": D(2026, 1, 15), "count": 2},
            DossierCount("U", "P", Month(2026, 2), 3),
        ]
    )
    assert [r.month for r in rows] == [Month(2026, 1), Month(2026, 2)]
    with pytest.raises(InputTypeError):
        dossier_counts("unit_code,procedure_code")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        dossier_counts({"unit_code": "U"})  # type: ignore[arg-type]
    with pytest.raises(DataFileError) as caught:
        dossier_counts(
            [{"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1}, 5]
        )  # type: ignore[list-item]
    assert (caught.value.context["file"], caught.value.context["row"]) == ("<records>", 2)
    bad_records = [
        ({"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1.5}, "count"),
        ({"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": True}, "count"),
        ({"unit_code": 7, "procedure_code": "P", "month": "2026-01", "count": 1}, "unit_code"),
        (
            {"unit_code": "U", "procedure_code": "P", "month": dt.datetime(2026, 1, 1), "count": 1},
            "month",
        ),
        ({"unit_code": "U", "procedure_code": "P", "month": "2026-01"}, "count"),
    ]
    for record, field in bad_records:
        with pytest.raises(DataFileError) as caught:
            dossier_counts([record])
        assert caught.value.context["field"] == field
    for kwargs in (
        {"unit_code": ""},
        {"month": "2026-01"},
        {"count": -1},
        {"in_person": 5},
        {"field": None},
    ):
        base: dict[str, Any] = {
            "unit_code": "U",
            "procedure_code": "P",
            "month": Month(2026, 1),
            "count": 1,
        }
        base.update(kwargs)
        with pytest.raises(InputTypeError):
            DossierCount(**base)


# --- Erlang B / C ---------------------------------------------------------------------------------


def _erlang_c_direct(c: int, a: Fraction) -> Fraction:
    """Textbook formula, exact rational arithmetic (independent of the recursion)."""
    top = a**c / math.factorial(c) * Fraction(c) / (c - a)
    return top / (sum(a**k / math.factorial(k) for k in range(c)) + top)


def _erlang_c_log(c: int, a: float) -> float:
    """Log-space textbook formula for large c (independent of the recursion)."""
    log_terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(c)]
    log_top = c * math.log(a) - math.lgamma(c + 1) + math.log(c / (c - a))
    peak = max(*log_terms, log_top)
    total = sum(math.exp(t - peak) for t in log_terms) + math.exp(log_top - peak)
    return math.exp(log_top - peak) / total


# Erlang B tables (e.g. the traffic tables in ITU-T / telephony handbooks): the offered traffic
# that N circuits carry at 1 % (and 2 %) blocking.
ERLANG_B_TABLE = [(5, 1.36, 0.01), (10, 4.46, 0.01), (20, 12.03, 0.01), (50, 37.90, 0.01),
                  (100, 84.06, 0.01), (10, 5.08, 0.02)]  # fmt: skip


@pytest.mark.parametrize(("servers", "traffic", "blocking"), ERLANG_B_TABLE)
def test_erlang_b_against_published_tables(servers: int, traffic: float, blocking: float) -> None:
    assert erlang_b(servers, traffic) == pytest.approx(blocking, abs=0.0002)


def test_erlang_c_against_published_values() -> None:
    # Wolfram Language documentation of ErlangC, basic example ErlangC[3, 2]: 4/9.
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9, rel=1e-12)
    # Call Centre Helper, "Erlang C formula – made simple with an easy worked example":
    # 100 calls per 30 minutes, 180 s average handling time → 10 erlangs; 11 agents:
    # probability of waiting 0.6821, average speed of answer 122.8 s.
    assert erlang_c(11, 10.0) == pytest.approx(0.6821, abs=5e-5)
    assert mean_wait(11, 10.0, 180.0) == pytest.approx(122.8, abs=0.05)
    # Textbook exercise (120 customers an hour, 3 minutes each, 10 servers → 6 erlangs):
    # "from the Erlang C curve, the probability of waiting is about 0.10".
    assert erlang_c(10, 6.0) == pytest.approx(0.10, abs=0.005)
    # Help desk, 30 calls an hour, 5 minutes (2.5 erlangs): 90 % not delayed needs 6 agents.
    assert erlang_c(5, 2.5) > 0.1 > erlang_c(6, 2.5)


@pytest.mark.parametrize(
    ("servers", "traffic"),
    [(1, Fraction(1, 2)), (2, Fraction(3, 2)), (7, Fraction(5)), (15, Fraction(27, 2)),
     (30, Fraction(25))],
)  # fmt: skip
def test_erlang_c_matches_the_direct_formula(servers: int, traffic: Fraction) -> None:
    assert erlang_c(servers, float(traffic)) == pytest.approx(
        float(_erlang_c_direct(servers, traffic)), rel=1e-12
    )


def test_erlang_c_is_stable_for_large_systems() -> None:
    # Factorials of 2,000 overflow floats; the recursion does not.
    value = erlang_c(2000, 1950.0)
    assert 0 < value < 1
    assert value == pytest.approx(_erlang_c_log(2000, 1950.0), rel=1e-9)
    assert erlang_c(5000, 100.0) == 0.0  # underflows cleanly to 0
    assert erlang_b(0, 3.0) == 1.0


def test_erlang_edge_cases_and_errors() -> None:
    assert erlang_c(3, 0.0) == 0.0
    assert erlang_c(3, 3.0) == 1.0  # unstable queue: everyone waits
    assert mean_wait(3, 3.0, 5.0) == math.inf
    assert mean_wait(3, 0.0, 5.0) == 0.0
    for call in (
        lambda: erlang_b(-1, 1.0),
        lambda: erlang_b(2.0, 1.0),  # type: ignore[arg-type]
        lambda: erlang_b(2, -1.0),
        lambda: erlang_c(2, "1"),  # type: ignore[arg-type]
        lambda: mean_wait(2, 1.0, -5),
    ):
        with pytest.raises(InputTypeError):
            call()


@settings(max_examples=60, deadline=None)
@given(
    st.floats(min_value=0.05, max_value=60.0, allow_nan=False),
    st.floats(min_value=0.5, max_value=30.0, allow_nan=False),
    st.floats(min_value=0.01, max_value=1.0),
    st.floats(min_value=0.1, max_value=30.0),
)
def test_counters_needed_is_the_smallest_that_meets_targets(
    arrivals: float, service: float, probability: float, wait: float
) -> None:
    targets = QueueTargets(max_mean_wait_minutes=wait, max_wait_probability=probability)
    result = counters_needed(arrivals, service, targets)
    load = arrivals * service / 60
    assert result.servers > load
    assert result.wait_probability <= probability
    assert result.mean_wait_minutes <= wait
    assert result.wait_probability == pytest.approx(erlang_c(result.servers, load), rel=1e-9)
    fewer = result.servers - 1
    if fewer > load:
        assert erlang_c(fewer, load) > probability or mean_wait(fewer, load, service) > wait
    assert erlang_c(result.servers, load) >= erlang_b(result.servers, load)


def test_counters_needed_examples() -> None:
    # 30 an hour × 5 min = 2.5 erlangs: 3 counters → P(wait) 0.702, Wq 2.81 min; 4 counters →
    # P(wait) 0.320, Wq = 0.320 × 5 / 1.5 = 1.07 min.
    result = counters_needed(
        30, 5, QueueTargets(max_mean_wait_minutes=15, max_wait_probability=0.5)
    )
    assert (result.servers, round(result.wait_probability, 3)) == (4, 0.32)
    assert result.mean_wait_minutes == pytest.approx(1.0662, abs=1e-4)
    assert result.occupancy == pytest.approx(0.625)
    assert result.wait_longer_than(0) == pytest.approx(result.wait_probability)
    assert result.wait_longer_than(2) == pytest.approx(
        result.wait_probability * math.exp(-1.5 * 2 / 5)
    )
    none = counters_needed(0, 5)
    assert (none.servers, none.wait_probability, none.wait_longer_than(1)) == (0, 0.0, 0.0)
    with pytest.raises(InputTypeError):
        counters_needed(10, 5, targets={"max_wait_probability": 0.2})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        counters_needed(-1, 5)
    for bad in (
        {"max_mean_wait_minutes": 0},
        {"max_wait_probability": 0},
        {"max_wait_probability": 2},
    ):
        with pytest.raises(InputTypeError):
            QueueTargets(**bad)
    defaults = QueueTargets()
    assert (defaults.max_mean_wait_minutes, defaults.max_wait_probability) == (15.0, 0.5)


def test_arrival_rates_and_plan_counters() -> None:
    # January 2026: 21 working days × 8 one-hour slots; flat profile → 1680 / 168 = 10 an hour.
    rates = arrival_rates(1680, Month(2026, 1), profile=FLAT)
    assert set(rates.values()) == {10.0}
    assert {weekday for weekday, _ in rates} == {0, 1, 2, 3, 4, 5}  # Saturday 10/1 is worked
    assert sorted({start for _, start in rates}) == [
        T(7, 30), T(8, 30), T(9, 30), T(10, 30), T(13), T(14), T(15), T(16)
    ]  # fmt: skip
    # Monday weighted 2: Mondays of January 2026 are 5/1, 12/1, 19/1, 26/1 (4 days).
    monday = ArrivalProfile(weekday_weights=(2, 1, 1, 1, 1, 1, 1), hour_weights=(1,) * 24)
    rates = arrival_rates(1000, Month(2026, 1), profile=monday)
    assert rates[(0, T(8, 30))] == pytest.approx(1000 * 2 / ((21 + 4) * 8))
    plan = plan_counters(rates, 12)
    assert plan.peak_slot is not None
    assert plan.peak_slot[0] == 0
    assert plan.counters == max(result.servers for _, result in plan.slots)
    assert plan_counters({}, 5).counters == 0
    # Default profile: the 08:30 slot on Monday is the busiest.
    default = arrival_rates(1000, Month(2026, 3))
    assert max(default, key=default.__getitem__) == (0, T(8, 30))
    assert arrival_rates(0, Month(2026, 3), profile=ArrivalProfile(hour_weights=(0,) * 24))
    for call in (
        lambda: arrival_rates(10, "2026-01"),  # type: ignore[arg-type]
        lambda: arrival_rates(10, Month(2026, 1), profile="flat"),  # type: ignore[arg-type]
        lambda: arrival_rates(10, Month(2026, 1), profile=ArrivalProfile(hour_weights=(0,) * 24)),
        lambda: arrival_rates(-1, Month(2026, 1)),
        lambda: plan_counters([1, 2], 5),  # type: ignore[arg-type]
        lambda: plan_counters({(7, T(8)): 1.0}, 5),
        lambda: plan_counters({(0, "08:00"): 1.0}, 5),  # type: ignore[dict-item]
        lambda: ArrivalProfile(weekday_weights=(1,) * 6),
        lambda: ArrivalProfile(hour_weights=(-1,) * 24),
    ):
        with pytest.raises(InputTypeError):
            call()


def test_arrival_profile_from_counts() -> None:
    profile = ArrivalProfile.from_counts({(0, T(8)): 30, (0, T(9)): 10, (1, T(8)): 10})
    assert profile.weekday_weights[0] == pytest.approx(7 * 40 / 50)
    assert profile.hour_weights[8] == pytest.approx(24 * 40 / 50)
    for bad in ({}, {(0, T(8)): 0}, {("Mon", T(8)): 1}, {(0, 8): 1}):
        with pytest.raises(InputTypeError):
            ArrivalProfile.from_counts(bad)  # type: ignore[arg-type]


# --- reform changes and the plan ------------------------------------------------------------------


def _reform_records() -> list[dict[str, Any]]:
    records = []
    for month, a, b, c in (
        ("2025-05", 100, 50, 0),
        ("2025-06", 100, 50, 0),
        ("2025-07", 300, 55, 20),
    ):
        records.append({"unit_code": "A", "procedure_code": "P", "month": month, "count": a})
        records.append({"unit_code": "B", "procedure_code": "P", "month": month, "count": b})
        if c:
            records.append({"unit_code": "C", "procedure_code": "P", "month": month, "count": c})
    return records


def test_reform_changes() -> None:
    changes = reform_changes(_reform_records())
    assert [c.unit_code for c in changes] == ["C", "A", "B"]
    new, a, b = changes
    assert (new.change, new.percent) == (None, "mới / new")
    assert (a.before_per_month, a.after_per_month, a.change) == (
        Decimal("100.00"),
        Decimal("300.00"),
        Decimal("2.0000"),
    )
    assert a.percent == "+200.0 %"
    assert b.percent == "+10.0 %"
    assert (a.months_before, a.months_after) == (2, 1)
    # A reform date in mid-month leaves that month out of both sides.
    mid = reform_changes(_reform_records(), reform_date=D(2025, 6, 15))
    assert mid[0].months_before == 1
    assert reform_changes(_reform_records()[:2]) == ()
    with pytest.raises(InputTypeError):
        reform_changes(_reform_records(), reform_date="2025-07-01")  # type: ignore[arg-type]


def test_plan_workload_full() -> None:
    records = [
        {**r, "unit_kind": "xã" if r["unit_code"] != "B" else "tỉnh", "in_person": r["count"] // 2}
        for r in _reform_records()
    ]
    efforts = effort_table({"P": {"reception": 12, "processing": 30, "approval": 5}})
    plan = plan_workload(records, efforts, unit_kind="commune", settings=PlanSettings(flag_top=1))
    assert [u.unit_code for u in plan.units] == ["A", "C"]
    assert plan.months == (Month(2025, 7),)  # default period: from the reform on
    assert [f.unit_code for f in plan.flagged] == ["C"]
    unit = plan.units[0]
    assert unit.dossiers == 300
    assert unit.reform is not None
    assert unit.reform.change == Decimal("2.0000")
    assert unit.counters >= 1
    assert unit.counter_queue is not None
    assert unit.counter_queue.mean_service_minutes == pytest.approx(12)
    assert unit.counter_slot == (0, T(8, 30))
    assert plan.roles == ("reception", "processing", "approval")
    assert plan.total_fte == sum(u.fte for u in plan.units)
    assert plan.total_counters == sum(u.counters for u in plan.units)
    assert not plan.provisional
    # All months; exact kind filter; defaults by field for procedures without effort.
    every = plan_workload(records, efforts, start=Month(2025, 5), unit_kind="xã")
    assert len(every.months) == 3
    by_field = plan_workload([{**records[0], "field": "hộ tịch"}])
    assert by_field.units[0].role("processing") is not None
    with pytest.raises(UnknownProcedure):
        plan_workload([records[0]], use_field_defaults=False)
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, unit_kind="phường")  # no such unit: empty
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, start=Month(2025, 7), end=Month(2025, 6))
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, start="2025-07")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        plan_workload(records, {"P": {"x": 1}})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, settings={"utilisation": 1})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        plan_workload(records, efforts, unit_kind=" ")
    with pytest.raises(InputTypeError):
        plan_workload([], efforts)


def test_plan_workload_enriches_units_when_the_registry_works() -> None:
    record = {"unit_code": "31135", "procedure_code": "P", "month": "2026-01", "count": 10}
    plan = plan_workload([record], effort_table({"P": {"processing": 6}}), enrich_units=True)
    unit = plan.units[0]
    if unit.unit_name:  # tthc.units is optional here: only check when it answered
        assert unit.unit_name == "Phường Ninh Kiều"
        assert unit.unit_kind == "phường"
    assert workload._registry_unit("no-such-code") is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"utilisation": Decimal(0)},
        {"annual_leave_days": Decimal(-1)},
        {"in_person_share": Decimal("1.5")},
        {"targets": 5},
        {"profile": "flat"},
        {"counter_role": ""},
        {"reform_date": "2025-07-01"},
        {"flag_top": -1},
    ],
)
def test_plan_settings_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InputTypeError):
        PlanSettings(**kwargs)


# --- assumptions ----------------------------------------------------------------------------------


def test_assumptions_have_sources() -> None:
    assumptions = load_assumptions()
    assert assumptions.data_version
    leave = assumptions["annual_leave_days"]
    assert (leave.value, leave.basis) == (12, "law")
    assert leave.legal_ref is not None
    assert leave.legal_ref.document == "45/2019/QH14"
    assert leave.legal_ref.article == "Điều 113.1.a"
    assert assumptions.date("reform_date") == D(2025, 7, 1)
    assert assumptions.decimal("utilisation") == Decimal("0.85")
    for item in assumptions.items:
        assert item.basis in {"law", "literature", "planning_assumption"}
        assert item.note
        if not item.is_planning:
            assert item.legal_ref is not None, item.key
        assert item.describe().startswith(item.name_vi)
    assert "planning assumption" in assumptions["utilisation"].describe()
    with pytest.raises(DataFileError):
        assumptions["nope"]
    with pytest.raises(DataFileError):
        assumptions.decimal("erlang_c_model")
    with pytest.raises(DataFileError):
        assumptions.date("utilisation")


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"assumptions": []}',
        '{"data_version": "1", "assumptions": [1]}',
        '{"data_version": "1", "assumptions": [{"key": "a"}]}',
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "law"}]}',
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "guess"}]}',
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "planning_assumption", "validity": {"start": "x"}}]}',
    ],
)
def test_assumptions_file_errors(text: str) -> None:
    with pytest.raises(DataFileError):
        workload._parse_assumptions(text, "bad.json")


def test_assumption_weights_must_be_lists() -> None:
    bad = workload._parse_assumptions(
        '{"data_version": "1", "assumptions": [{"key": "w", "name_vi": "", "name_en": "",'
        ' "value": [1, 2], "basis": "planning_assumption"}, {"key": "default_effort_by_field",'
        ' "name_vi": "", "name_en": "", "value": 3, "basis": "planning_assumption"}]}',
        "bad.json",
    )
    with pytest.raises(DataFileError):
        workload._default_field_effort(bad)
    assert bad["w"].describe().endswith("planning assumption")


# --- CLI, example, docs ---------------------------------------------------------------------------


def _cli(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="tthc")
    _cli_workload.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    dossiers = tmp_path / "dossiers.csv"
    lines = [HEADER.strip()]
    for code, name, kind in (("31120", "Phường Cái Khế", "phường"), ("31999", "Xã Mẫu", "xã")):
        for month, count in (
            ("2025-05", 300),
            ("2025-06", 320),
            ("2025-07", 500),
            ("2025-08", 520),
        ):
            lines.append(f"{code},{name},{kind},1.001193,hộ tịch,{month},{count},{count // 2}")
            lines.append(f"{code},{name},{kind},1.013978,đất đai,{month},{count // 20},")
    dossiers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    efforts = tmp_path / "efforts.csv"
    efforts.write_text(
        "procedure_code,role,minutes\n1.001193,reception,12\n1.001193,processing,25\n",
        encoding="utf-8",
    )
    return dossiers, efforts


def test_cli_text_json_csv(sample: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    dossiers, efforts = sample
    base = ["workload", "plan", str(dossiers), "--unit-kind", "commune", "--effort", str(efforts)]
    assert _cli([*base, "--top", "1"]) == 0
    text = capsys.readouterr().out
    assert "Kế hoạch nhân lực / staff plan: 2025-07 – 2025-08" in text
    assert "31120  Phường Cái Khế" in text
    assert "⚑" in text
    assert "Điều 113.1.a, Bộ luật Lao động 45/2019/QH14" in text
    assert "planning assumption" in text
    assert re.search(r"2025-09|2025-07  23 ngày", text)

    assert _cli([*base, "--json", "--annual-leave", "14", "--utilisation", "0.8",
                 "--max-wait", "10", "--max-wait-probability", "0.3",
                 "--in-person-share", "0.5", "--from", "2025-05"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"start": "2025-05", "end": "2025-08"}
    assert data["settings"]["annual_leave_days"] == "14"
    assert data["settings"]["max_wait_probability"] == 0.3
    assert [u["unit_code"] for u in data["units"]] == ["31120", "31999"]
    unit = data["units"][0]
    assert unit["reform"]["change"] is not None
    assert unit["counter_peak"]["start"] == "08:30"
    assert {item["key"] for item in data["assumptions"]["items"]} >= {"annual_leave_days"}

    assert _cli([*base, "--csv", "--to", "2025-07"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("unit_code,unit_name,unit_kind,dossiers")
    assert "fte_reception" in rows[0]
    assert len(rows) == 3


def test_cli_errors_and_chart(
    sample: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dossiers, _ = sample
    bad = tmp_path / "bad.csv"
    bad.write_text("unit_code,procedure_code,month,count\nU,P,2026-01,many\n", encoding="utf-8")
    assert _cli(["workload", "plan", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[data.invalid]: ")
    assert "row 2" in err
    assert _cli(["workload", "plan", str(dossiers), "--from", "July"]) == 2
    assert "error[input.wrong_type]" in capsys.readouterr().err
    assert _cli(["workload", "plan", str(dossiers), "--no-field-defaults"]) == 2
    assert "error[procedure.unknown]" in capsys.readouterr().err
    assert _cli(["workload"]) == 2
    chart = tmp_path / "chart.png"
    assert _cli(["workload", "plan", str(dossiers), "--chart", str(chart)]) == 0
    captured = capsys.readouterr()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "chart skipped" in captured.err
    else:  # pragma: no cover - depends on the optional extra
        assert chart.exists()


def test_example_scripts_run_small(tmp_path: Path) -> None:
    script = ROOT / "examples" / "workload_plan.py"
    result = subprocess.run(
        [sys.executable, str(script), "--communes", "8", "--top", "3"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Kế hoạch nhân lực / staff plan: 2025-07 – 2026-06 (12 tháng / months), 8 đơn vị" in (
        result.stdout
    )
    assert result.stdout.count("⚑") == 3 + 1  # three rows and the heading
    generator = ROOT / "examples" / "workload" / "generate_can_tho.py"
    outputs = []
    for folder in ("a", "b"):
        done = subprocess.run(
            [sys.executable, str(generator), str(tmp_path / folder), "--communes", "5"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append((tmp_path / folder / "dossiers.csv").read_bytes())
    assert outputs[0] == outputs[1]  # seeded: reproducible
    rows = read_dossier_counts(tmp_path / "a" / "dossiers.csv")
    assert {r.unit_kind for r in rows} == {"phường", "xã"}
    assert read_efforts(tmp_path / "a" / "efforts.csv").lookup("1.001193").total_minutes == 37


def test_docs_page_runs() -> None:
    page = ROOT / "docs" / "guide" / "workload.md"
    blocks = re.findall(r"^```python[^\n]*\n(.*?)^```\s*$", page.read_text("utf-8"), re.S | re.M)
    assert blocks
    namespace: dict[str, object] = {"__name__": "docs:workload"}
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"workload.md (block {number})", "exec"), namespace)
