"""tthc.workflows: internal processes, validation, per-step due times, blame, CSV/JSON, CLI.

Calendar facts used below (public-sector calendar 2026, bundled overlay): Tết holidays Mon 16/2 –
Fri 20/2/2026; 30/4 and 1/5/2026 (Thu, Fri) days off; Sat 10/1/2026 a make-up working day.
Office windows: the default 07:30–11:30 and 13:00–17:00 (8 working hours a day).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import VN_TZ
from tthc.authorities import AuthorityKind as K
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.errors import (
    DataFileError,
    DurationError,
    InputTypeError,
    NaiveDatetimeError,
    SerializationError,
)
from tthc.legal import LegalRef, Validity
from tthc.procedures import Procedure, ProcessingRule, load_catalog
from tthc.units import UnitLevel
from tthc.workflows import (
    CSV_COLUMNS,
    Phase,
    Report,
    Severity,
    Step,
    Workflow,
    blame,
    critical_path,
    data_version,
    example,
    examples,
    from_csv,
    from_json,
    load,
    mermaid,
    read_csv,
    schedule,
    to_csv,
    to_json,
    validate,
)

ROOT = Path(__file__).resolve().parents[1]
WRONG = ROOT / "examples" / "data" / "wrong_workflows.csv"
CAN_THO_WARD = "31135"  # Phường Ninh Kiều, TP Cần Thơ (QĐ 19/2025/QĐ-TTg)
ON = dt.date(2026, 3, 1)
H = Duration.working_hours
D = Duration.working_days


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def step(sid: str, budget: Duration | None = None, *deps: str, **kw: Any) -> Step:
    return Step(sid, f"Bước {sid}", "Công chức", budget or H(1), depends_on=deps, **kw)


def wf(*steps: Step, **kw: Any) -> Workflow:
    kw.setdefault("legal_limit", D(5))
    return Workflow("1.001193", "t", steps, **kw)


def ok_chain(**kw: Any) -> tuple[Step, ...]:
    """Intake → process → sign → return, all at the commune: no finding."""
    return (
        step("a", H(1), is_intake=True),
        step("b", H(2), "a"),
        step("c", H(1), "b", is_signing=True, authority_kind=K.COMMUNE_PC),
        step("d", H(1), "c", is_return=True),
    )


def codes(report: Report) -> list[str]:
    return [f.code for f in report]


# --- the model ----------------------------------------------------------------------------------


def test_model_refuses_bad_configuration() -> None:
    with pytest.raises(DataFileError, match="used twice"):
        wf(step("a"), step("a"))
    with pytest.raises(DataFileError, match="no step"):
        Workflow("1.001193", "t", ())
    with pytest.raises(DataFileError, match="not valid"):
        step("bad id")
    with pytest.raises(DataFileError, match="depends on itself"):
        step("a", H(1), "a")
    with pytest.raises(DurationError, match="cannot be a step budget"):
        step("a", Duration.months(1))
    with pytest.raises(DurationError, match="cannot be a step budget"):
        step("a", Duration.clock_hours(2))
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", "4 giờ")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), depends_on=["b"])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), unit_level="commune")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), authority_kind="commune_pc")  # type: ignore[arg-type]
    with pytest.raises(DataFileError, match="not one of"):
        wf(step("a", phase="gd9"), phases=(Phase("gd1", "Giai đoạn 1"),))
    with pytest.raises(DataFileError, match="declares no phases"):
        wf(step("a", phase="gd1"))
    with pytest.raises(DataFileError, match="procedure code"):
        Workflow(" ", "t", (step("a"),))
    with pytest.raises(DataFileError, match="version"):
        Workflow("1.001193", "", (step("a"),))
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", [step("a")])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", (step("a"),), phases=["x"])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", (step("a"),), legal_limit="5 ngày")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow(1, "t", (step("a"),))  # type: ignore[arg-type]


def test_step_lookup_and_levels() -> None:
    w = wf(*ok_chain())
    assert w.step("b").name == "Bước b"
    assert w.key == "1.001193@t"
    with pytest.raises(DataFileError, match="not in workflow"):
        w.step("zz")
    s = step("x", unit_level=UnitLevel.COMMUNE, authority_kind=K.DISTRICT_DIVISION)
    assert s.levels == (UnitLevel.COMMUNE, UnitLevel.DISTRICT)


# --- the bundled processes validate clean ---------------------------------------------------------


@pytest.mark.parametrize("workflow", examples(), ids=lambda w: w.procedure_code)
def test_bundled_examples_validate_clean(workflow: Workflow) -> None:
    report = validate(workflow, on=dt.date(2026, 6, 1), unit=CAN_THO_WARD)
    assert report.ok
    assert not report.warnings
    # 2.000908 has no competence rule in tthc: the signer is reported as not checked.
    assert set(codes(report)) <= {"signer.not_checked"}


def test_bundled_examples_content() -> None:
    cert = example("chung-thuc.ban-sao-tu-so-goc")
    # Hà Nội QĐ 663/QĐ-TTPVHCC as read by a 2026 research report: 02 h + 03 h + 02 h + 01 h.
    assert [s.budget for s in cert.steps] == [H(2), H(3), H(2), H(1)]
    assert cert.legal_basis is not None
    assert cert.legal_basis.confidence == "reported"
    assert cert.legal_limit == Duration.same_day()
    land = example("dat-dai.dang-ky-bien-dong")
    assert [p.id for p in land.phases] == ["gd1", "gd2"]
    assert land.phases[1].clock_stops_before
    assert land.legal_limit == D(18)
    path, total = critical_path(land)
    # 0,5 + 5 + 3 (tax branch, longer than the 2-day cadastral branch) + 0,5 | 0,5 + 3 + 2 + 1 + 0
    assert path == ("b1", "b2", "b3", "b5", "b6", "b7", "b8", "b9", "b10")
    assert total == dt.timedelta(hours=8 * 15.5)
    assert len(examples()) == 3
    assert data_version()
    with pytest.raises(DataFileError, match="does not exist"):
        example("khong-co")


# --- validation findings, one by one --------------------------------------------------------------


def test_clean_chain_has_only_the_signer_info() -> None:
    report = validate(wf(*ok_chain()), on=ON)
    assert codes(report) == ["signer.not_checked"]
    assert report.ok
    assert report.infos == tuple(report)
    assert isinstance(report, tuple)


def test_over_limit_mixes_half_days_and_hours() -> None:
    # 4 giờ làm việc + 0,5 ngày làm việc = 8 working hours = exactly one working day: fits.
    fits = wf(
        step("a", H(4), is_intake=True),
        step("b", D("0.5"), "a", is_return=True),
        legal_limit=D(1),
    )
    assert "workflow.over_limit" not in codes(validate(fits, on=ON))
    over = wf(
        step("a", H(4), is_intake=True),
        step("b", D("0.5"), "a"),
        step("c", Duration.working_minutes(30), "b", is_return=True),
        legal_limit=D(1),
    )
    report = validate(over, on=ON)
    found = [f for f in report if f.code == "workflow.over_limit"]
    assert len(found) == 1
    assert found[0].severity is Severity.ERROR
    assert found[0].steps == ("a", "b", "c")
    assert "8,5 giờ làm việc" in found[0].message
    assert found[0].legal_ref is not None
    assert found[0].legal_ref.document == "118/2025/NĐ-CP"
    assert not report.ok
    # With 4,5-hour days (a province's own windows) the same budgets are longer still.
    short = OfficeHours(((dt.time(7, 30), dt.time(12, 0)),))
    assert "workflow.over_limit" in codes(validate(fits, on=ON, office_hours=short))


def test_over_limit_parallel_branches_count_once() -> None:
    # Two 3-day branches in parallel: critical path 1 + 3 + 1 = 5 days, not 8.
    branches = wf(
        step("a", D(1), is_intake=True),
        step("x", D(3), "a", branch="thue"),
        step("y", D(3), "a", branch="dia-chinh"),
        step("z", D(1), "x", "y", is_return=True),
        legal_limit=D(5),
    )
    assert "workflow.over_limit" not in codes(validate(branches, on=ON))
    assert critical_path(branches)[1] == dt.timedelta(hours=40)


def test_limit_sources_and_precedence() -> None:
    w = wf(step("a", D(3), is_intake=True), step("b", D(3), "a", is_return=True))
    assert "workflow.over_limit" in codes(validate(w, on=ON))  # 6 > 5 (workflow.legal_limit)
    assert "workflow.over_limit" not in codes(validate(w, on=ON, legal_limit=D(10)))
    pt = ProcessingTime(source="07 ngày làm việc", base=D(7))
    assert "workflow.over_limit" not in codes(validate(w, on=ON, legal_limit=pt))

    def procedure(code: str, *rules: tuple[str | None, str]) -> Procedure:
        return Procedure(
            code,
            "Thủ tục",
            processing_rules=tuple(
                ProcessingRule(channel=c, text=t, time=parse_processing_time(t) if t else None)
                for c, t in rules
            ),
        )

    six = procedure("1.001193", ("Trực tiếp", "06 ngày làm việc"))
    assert "workflow.over_limit" not in codes(validate(w, on=ON, procedure=six))
    mismatch = validate(w, on=ON, procedure=procedure("2.000908", (None, "6 ngày làm việc")))
    assert "workflow.procedure_mismatch" in codes(mismatch)
    assert not mismatch.ok
    # Limits that differ by channel: pick one, or the check is reported as not done.
    split = procedure(
        "1.001193", ("Trực tuyến", "4 ngày làm việc"), ("Dịch vụ bưu chính", "8 ngày làm việc")
    )
    assert "workflow.limit_not_checked" in codes(validate(w, on=ON, procedure=split))
    assert "workflow.over_limit" in codes(validate(w, on=ON, procedure=split, channel="Trực tuyến"))
    unread = procedure("1.001193", ("Trực tiếp", ""))
    assert "workflow.limit_not_checked" in codes(validate(w, on=ON, procedure=unread))
    # The bundled catalogue record of 1.001193 (same day, 15:00 cut-off) against the model.
    catalogue = load_catalog()["1.001193"]
    birth = example("ho-tich.khai-sinh")
    assert validate(birth, on=ON, procedure=catalogue, legal_limit=None).ok
    with pytest.raises(InputTypeError):
        validate(w, on=ON, procedure=object())
    with pytest.raises(InputTypeError):
        validate(w, on=ON, legal_limit="5 ngày")  # type: ignore[arg-type]


def test_limit_not_checked() -> None:
    none = validate(wf(*ok_chain(), legal_limit=None), on=ON)
    assert "workflow.limit_not_checked" in codes(none)
    assert none.ok
    only_cases = ProcessingTime(source="theo từng trường hợp")
    assert "workflow.limit_not_checked" in codes(
        validate(wf(*ok_chain()), on=ON, legal_limit=only_cases)
    )
    # Calendar days (a 15-day public posting) cannot be summed in working hours.
    posting = wf(
        step("a", H(1), is_intake=True),
        step("b", Duration.calendar_days(15), "a", is_return=True),
    )
    assert critical_path(posting)[1] is None
    assert "workflow.limit_not_checked" in codes(validate(posting, on=ON))
    calendar_limit = validate(wf(*ok_chain()), on=ON, legal_limit=Duration.calendar_days(15))
    assert "workflow.limit_not_checked" in codes(calendar_limit)


def test_district_level_after_1_july_2025() -> None:
    # Luật 72/2025/QH15 Điều 51 khoản 3: district bodies end operation from 01/7/2025.
    w = wf(
        step("a", H(1), is_intake=True),
        step("b", H(2), "a", unit_level=UnitLevel.DISTRICT),
        step("c", H(1), "b", is_return=True, authority_kind=K.DISTRICT_DIVISION),
    )
    report = validate(w, on=dt.date(2025, 7, 1))
    found = [f for f in report if f.code == "step.abolished_level"]
    assert [f.steps for f in found] == [("b",), ("c",)]
    assert found[0].severity is Severity.ERROR
    assert found[0].legal_ref is not None
    assert found[0].legal_ref.document == "72/2025/QH15"
    assert found[0].legal_ref.article == "Điều 51 khoản 3"
    assert "step.abolished_level" not in codes(validate(w, on=dt.date(2025, 6, 30)))


def test_signer_not_competent() -> None:
    # Đăng ký khai sinh: UBND cấp xã (Luật Hộ tịch 2014 Điều 13 khoản 1), not a commune division.
    chain = list(ok_chain())
    chain[2] = step("c", H(1), "b", is_signing=True, authority_kind=K.COMMUNE_DIVISION)
    report = validate(wf(*chain), on=ON, unit=CAN_THO_WARD)
    found = [f for f in report if f.code == "signer.not_competent"]
    assert len(found) == 1
    assert found[0].steps == ("c",)
    assert found[0].legal_ref is not None
    assert found[0].legal_ref.document == "60/2014/QH13"
    assert "commune_pc" in found[0].hint
    # The Chair signs on behalf of the committee: accepted.
    chain[2] = step("c", H(1), "b", is_signing=True, authority_kind=K.COMMUNE_PC_CHAIR)
    assert codes(validate(wf(*chain), on=ON, unit=CAN_THO_WARD)) == []


def test_signer_not_checked() -> None:
    report = validate(wf(*ok_chain()), on=ON)  # no unit
    assert codes(report) == ["signer.not_checked"]
    assert report[0].severity is Severity.INFO
    other = Workflow("9.999999", "t", ok_chain(), legal_limit=D(5))
    assert codes(validate(other, on=ON, unit=CAN_THO_WARD)) == ["signer.not_checked"]
    chain = list(ok_chain())
    chain[2] = step("c", H(1), "b", is_signing=True)  # no authority kind
    assert codes(validate(wf(*chain), on=ON, unit=CAN_THO_WARD)) == ["signer.not_checked"]
    # A unit that does not exist on the date: reported, not raised.
    assert codes(validate(wf(*ok_chain()), on=ON, unit="99999")) == ["signer.not_checked"]
    # Karaoke licences: the law leaves the authority to the province (van-hoa.karaoke).
    karaoke = Workflow("van-hoa.karaoke", "t", ok_chain(), legal_limit=D(5))
    left = validate(karaoke, on=ON, unit=CAN_THO_WARD)
    assert set(codes(left)) <= {"signer.not_checked", "signer.not_competent"}


def test_no_intake_no_return_no_signing() -> None:
    bare = wf(step("a"), step("b", H(1), "a"))
    found = codes(validate(bare, on=ON))
    assert "workflow.no_intake" in found
    assert "workflow.no_return" in found
    assert "workflow.no_signing" in found
    # Not received at a one-stop (e.g. an internal procedure): intake/return not required.
    off = codes(validate(wf(step("a"), step("b", H(1), "a"), one_stop=False), on=ON))
    assert "workflow.no_intake" not in off
    assert "workflow.no_return" not in off


def test_unknown_step_and_cycle() -> None:
    unknown = wf(*ok_chain()[:3], step("d", H(1), "c", "zz", is_return=True))
    report = validate(unknown, on=ON)
    assert "graph.unknown_step" in codes(report)
    assert "workflow.over_limit" not in codes(report)
    cyc = wf(
        step("a", H(1), is_intake=True),
        step("b", H(1), "a", "c"),
        step("c", H(1), "b", is_signing=True),
        step("d", H(1), "c", is_return=True),
    )
    found = [f for f in validate(cyc, on=ON) if f.code == "graph.cycle"]
    assert found[0].steps == ("b", "c")
    with pytest.raises(DataFileError, match="cycle"):
        schedule(cyc, at(2026, 3, 2, 8))
    with pytest.raises(DataFileError, match="unknown step"):
        schedule(unknown, at(2026, 3, 2, 8))
    with pytest.raises(DataFileError, match="cycle"):
        critical_path(cyc)


def test_unreachable_and_dead_end() -> None:
    w = wf(*ok_chain(), step("lost", H(1)), step("side", H(1), "b"))
    report = validate(w, on=ON)
    by_code = {f.code: f for f in report}
    assert by_code["graph.unreachable"].steps == ("lost",)
    assert by_code["graph.dead_end"].steps == ("side",)
    assert by_code["graph.dead_end"].severity is Severity.WARNING


def test_phase_order_and_phase_barrier() -> None:
    phases = (Phase("gd1", "Giai đoạn 1"), Phase("gd2", "Giai đoạn 2"))
    good = wf(
        step("a", H(1), phase="gd1", is_intake=True),
        step("b", H(1), "a", phase="gd1"),
        step("c", H(1), phase="gd2", is_signing=True),  # starts after the whole of gd1
        step("d", H(1), "c", phase="gd2", is_return=True),
        phases=phases,
    )
    assert codes(validate(good, on=ON)) == ["signer.not_checked"]
    bad = wf(
        step("a", H(1), phase="gd1", is_intake=True),
        step("b", H(1), "a", "c", phase="gd1"),
        step("c", H(1), phase="gd2"),
        step("d", H(1), "c", phase="gd2", is_return=True),
        phases=phases,
    )
    found = [f for f in validate(bad, on=ON) if f.code == "phase.order"]
    assert found[0].steps == ("b", "c")


def test_zero_budgets() -> None:
    zero = Duration.immediate()
    w = wf(
        step("a", zero, is_intake=True),
        step("b", zero, "a"),
        step("c", H(1), "b", is_signing=True),
        step("d", zero, "c", is_return=True),  # "Trả kết quả 0 ngày": accepted
    )
    by_code = {f.code: f for f in validate(w, on=ON)}
    assert by_code["step.zero_handoff"].steps == ("a",)
    assert by_code["step.zero_handoff"].legal_ref is not None
    assert by_code["step.zero_handoff"].legal_ref.article == "Điều 18 khoản 2"
    assert by_code["step.zero_budget"].steps == ("b",)
    assert all(f.steps != ("d",) for f in by_code.values())


def test_not_in_force_and_argument_checks() -> None:
    w = wf(*ok_chain(), validity=Validity(dt.date(2025, 7, 1), dt.date(2025, 12, 31)))
    assert "workflow.not_in_force" in codes(validate(w, on=ON))
    assert "workflow.not_in_force" not in codes(validate(w, on=dt.date(2025, 9, 1)))
    with pytest.raises(InputTypeError):
        validate(w, on=dt.datetime(2026, 3, 1))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        validate("w", on=ON)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        validate(w, on=ON, calendar="cal")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        validate(w, on=ON, office_hours="8h")  # type: ignore[arg-type]


def test_findings_render_and_serialise() -> None:
    report = validate(wf(step("a"), step("b", H(1), "a")), on=ON)
    assert report.errors[0].severity is Severity.ERROR
    assert [f.severity for f in report] == sorted(
        (f.severity for f in report), key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index
    )
    text = str(report.errors[0])
    assert text.startswith("error[workflow.no_intake]")
    assert "Nghị định 118/2025/NĐ-CP" in text
    data = report.errors[0].to_dict()
    assert data["legal_ref"]["citation"].startswith("Điều 17")
    assert json.dumps(data, ensure_ascii=False)
    assert "Report(" in repr(report)
    assert report.codes == tuple(codes(report))


def test_the_wrong_configuration_shows_every_finding() -> None:
    seen: set[str] = set()
    for w in read_csv(WRONG):
        seen.update(codes(validate(w, on=ON, unit=CAN_THO_WARD)))
    assert seen == {
        "workflow.over_limit",
        "workflow.limit_not_checked",
        "workflow.no_intake",
        "workflow.no_return",
        "workflow.no_signing",
        "workflow.not_in_force",
        "graph.unknown_step",
        "graph.cycle",
        "graph.unreachable",
        "graph.dead_end",
        "phase.order",
        "step.abolished_level",
        "step.zero_budget",
        "step.zero_handoff",
        "signer.not_competent",
        "signer.not_checked",
    }  # workflow.procedure_mismatch needs a procedure object: see test_limit_sources...


# --- per-step due times ------------------------------------------------------------------------


def due_times(w: Workflow, accepted: dt.datetime, **kw: Any) -> dict[str, dt.datetime]:
    return {s.step_id: s.due for s in schedule(w, accepted, **kw)}


def test_schedule_around_30_april_and_lunch() -> None:
    # Đăng ký khai sinh (1 h, 4 h, 2 h, 1 h) accepted Wed 29/4/2026 14:00.
    # b1: 14:00 + 1 h = 15:00. b2: 15:00–17:00 (2 h); Thu 30/4, Fri 1/5 holidays, weekend;
    # Mon 4/5 07:30 + 2 h = 09:30. b3: 09:30 + 2 h = 11:30. b4: lunch skipped → 13:00 + 1 h.
    plan = schedule(example("ho-tich.khai-sinh"), at(2026, 4, 29, 14))
    assert [(p.step_id, p.due) for p in plan] == [
        ("b1", at(2026, 4, 29, 15)),
        ("b2", at(2026, 5, 4, 9, 30)),
        ("b3", at(2026, 5, 4, 11, 30)),
        ("b4", at(2026, 5, 4, 14)),
    ]
    assert plan[1].start == at(2026, 4, 29, 15)
    assert plan[1].working_time == dt.timedelta(hours=4)
    assert plan[3].working_time == dt.timedelta(hours=1)  # 11:30 → 14:00 holds 1 working hour


def test_schedule_lunch_break_inside_a_step() -> None:
    w = wf(step("a", H(2), is_intake=True))
    # 10:30 + 2 h: 1 h until 11:30, lunch, 13:00 + 1 h = 14:00.
    assert due_times(w, at(2026, 3, 3, 10, 30)) == {"a": at(2026, 3, 3, 14)}
    # Accepted during lunch: counting starts at 13:00.
    assert due_times(w, at(2026, 3, 3, 12, 15)) == {"a": at(2026, 3, 3, 15)}


def test_schedule_across_tet_2026() -> None:
    # One working day (8 h) from Fri 13/2/2026 15:00: 2 h on Friday; Tết 16–20/2 off;
    # Mon 23/2: 07:30–11:30 (4 h) and 13:00–15:00 (2 h) → 15:00.
    w = wf(step("a", D(1), is_intake=True))
    assert due_times(w, at(2026, 2, 13, 15)) == {"a": at(2026, 2, 23, 15)}


def test_schedule_on_make_up_saturday() -> None:
    # Sat 10/1/2026 is a make-up working day: Fri 9/1 16:00 + 4 h = 1 h Friday + 3 h Saturday.
    w = wf(step("a", H(4), is_intake=True))
    assert due_times(w, at(2026, 1, 9, 16)) == {"a": at(2026, 1, 10, 10, 30)}


def test_schedule_outside_hours_and_weekend() -> None:
    w = wf(step("a", H(1), is_intake=True))
    # Sat 7/3/2026 21:00 → next window Mon 9/3 07:30 + 1 h.
    assert due_times(w, at(2026, 3, 7, 21)) == {"a": at(2026, 3, 9, 8, 30)}
    # The instant may come in another zone: 01:00 UTC = 08:00 Vietnam time.
    utc = dt.datetime(2026, 3, 9, 1, 0, tzinfo=dt.timezone.utc)
    assert due_times(w, utc) == {"a": at(2026, 3, 9, 9)}


def test_schedule_parallel_branches_and_join_land_across_tet() -> None:
    # Đăng ký biến động accepted Thu 12/2/2026 10:00 (see the bundled process):
    # b1 0,5 d: 10:00 + 4 h → 15:30. b2 5 d (40 h) from Thu 15:30: 1,5 h Thu, 8 h Fri 13/2,
    # Tết 16–20/2, 8 h Mon 23, Tue 24, Wed 25 (33,5 h), 6,5 h Thu 26/2 → 15:30.
    # Branches from Thu 26/2 15:30: thuế 3 d → Tue 3/3 15:30; địa chính 2 d → Mon 2/3 15:30.
    # Join b5 waits for both: Tue 3/3 15:30 + 4 h → Wed 4/3 10:00.
    due = due_times(example("dat-dai.dang-ky-bien-dong"), at(2026, 2, 12, 10))
    assert due["b1"] == at(2026, 2, 12, 15, 30)
    assert due["b2"] == at(2026, 2, 26, 15, 30)
    assert due["b3"] == at(2026, 3, 3, 15, 30)
    assert due["b4"] == at(2026, 3, 2, 15, 30)
    assert due["b5"] == at(2026, 3, 4, 10)
    # Phase 2 follows at once in the plan: b6 0,5 d → 15:30; b7 3 d → Mon 9/3 15:30;
    # b8 2 d → Wed 11/3 15:30; b9 1 d → Thu 12/3 15:30; b10 0 → same instant.
    assert due["b6"] == at(2026, 3, 4, 15, 30)
    assert due["b10"] == at(2026, 3, 12, 15, 30)


def test_schedule_phase_waits_for_payment() -> None:
    # Proof of payment arrives Mon 16/3/2026 08:00: phase 2 starts then.
    # b6 0,5 d: 08:00 + 4 h → 13:30. b7 3 d → Thu 19/3 13:30.
    land = example("dat-dai.dang-ky-bien-dong")
    due = due_times(land, at(2026, 2, 12, 10), phase_starts={"gd2": at(2026, 3, 16, 8)})
    assert due["b5"] == at(2026, 3, 4, 10)
    assert due["b6"] == at(2026, 3, 16, 13, 30)
    assert due["b7"] == at(2026, 3, 19, 13, 30)
    # A resume time earlier than the end of phase 1 does not pull phase 2 forward.
    early = due_times(land, at(2026, 2, 12, 10), phase_starts={"gd2": at(2026, 2, 12, 10)})
    assert early["b6"] == at(2026, 3, 4, 15, 30)
    with pytest.raises(DataFileError, match="not in the workflow"):
        schedule(land, at(2026, 2, 12, 10), phase_starts={"gd9": at(2026, 3, 1)})
    with pytest.raises(InputTypeError):
        schedule(land, at(2026, 2, 12, 10), phase_starts=[("gd2", at(2026, 3, 1))])  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        schedule(land, at(2026, 2, 12, 10), phase_starts={"gd2": dt.datetime(2026, 3, 1)})


def test_schedule_same_day_and_calendar_day_budgets() -> None:
    same = wf(step("a", Duration.same_day(), is_intake=True))
    # Received Fri 6/3/2026 15:20, after the 15:00 cut-off → next working day, Mon 9/3 (E6/E8).
    assert due_times(same, at(2026, 3, 6, 15, 20)) == {"a": at(2026, 3, 9, 17)}
    assert due_times(same, at(2026, 3, 6, 14, 50)) == {"a": at(2026, 3, 6, 17)}
    no_cutoff = wf(step("a", Duration.same_day(None), is_intake=True))
    assert due_times(no_cutoff, at(2026, 3, 7, 9)) == {"a": at(2026, 3, 9, 17)}  # Saturday
    posting = wf(step("a", Duration.calendar_days(2), is_intake=True))
    # Wed 29/4 + 2 days = Fri 1/5 (holiday) → Mon 4/5/2026, end of office hours.
    assert due_times(posting, at(2026, 4, 29, 9)) == {"a": at(2026, 5, 4, 17)}
    zero = wf(step("a", Duration.immediate(), is_intake=True))
    assert due_times(zero, at(2026, 3, 7, 21)) == {"a": at(2026, 3, 7, 21)}


def test_schedule_custom_calendar_and_hours() -> None:
    storm = LegalRef("12/CĐ-UBND", kind="Công điện", issuer="UBND tỉnh (ví dụ)")
    cal = civil_service_calendar().with_days_off(
        [dt.date(2026, 3, 10)], name_vi="Nghỉ tránh bão", name_en="Storm closure", legal_ref=storm
    )
    w = wf(step("a", D(1), is_intake=True))
    # Mon 9/3 09:00 + 8 h: 8 h Mon (09:00–17:00 minus lunch = 6,5 h), Tue 10/3 closed (storm),
    # Wed 11/3 07:30 + 1,5 h → 09:00.
    assert due_times(w, at(2026, 3, 9, 9), calendar=cal) == {"a": at(2026, 3, 11, 9)}
    hours = OfficeHours(((dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17))))
    assert due_times(w, at(2026, 3, 9, 7), office_hours=hours) == {"a": at(2026, 3, 9, 17)}


def test_schedule_refuses_bad_input() -> None:
    w = example("ho-tich.khai-sinh")
    with pytest.raises(NaiveDatetimeError):
        schedule(w, dt.datetime(2026, 3, 2, 8))
    with pytest.raises(InputTypeError):
        schedule("w", at(2026, 3, 2, 8))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        schedule(w, at(2026, 3, 2, 8), calendar="cal")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        schedule(w, at(2026, 3, 2, 8), office_hours="8h")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    budgets=st.lists(st.integers(min_value=0, max_value=40 * 60), min_size=1, max_size=6),
    day=st.integers(min_value=0, max_value=300),
    minute=st.integers(min_value=0, max_value=24 * 60 - 1),
)
def test_chain_uses_exactly_its_working_time(budgets: list[int], day: int, minute: int) -> None:
    steps = tuple(
        step(
            f"s{i}",
            Duration.working_minutes(b) if b else Duration.immediate(),
            *((f"s{i - 1}",) if i else ()),
        )
        for i, b in enumerate(budgets)
    )
    accepted = at(2026, 1, 1) + dt.timedelta(days=day, minutes=minute)
    plan = schedule(wf(*steps), accepted)
    for p, b in zip(plan, budgets, strict=True):
        assert p.due >= p.start
        assert p.working_time == dt.timedelta(minutes=b)
    for a, b in itertools.pairwise(plan):
        assert b.start == a.due


# --- blame ---------------------------------------------------------------------------------------


def test_blame_the_step_that_overran() -> None:
    w = example("ho-tich.khai-sinh")
    accepted = at(2026, 4, 29, 14)  # plan: b4 due Mon 4/5/2026 14:00 (see above)
    done = {
        "b1": at(2026, 4, 29, 14, 45),
        "b2": at(2026, 5, 5, 9, 30),  # due 4/5 09:30 counted from 14:45 → 4/5 09:15; 1 day late
        "b3": at(2026, 5, 5, 11),
        "b4": at(2026, 5, 5, 13, 30),
    }
    result = blame(w, accepted, done)
    assert result.late
    assert result.step_id == "b2"
    assert result.chain == ("b1", "b2", "b3", "b4")
    usage = {u.step_id: u for u in result.usage}
    # b2 started 29/4 14:45; its 4 h end Mon 4/5 09:15; done Tue 5/5 09:30 = 8 h 15 min later.
    assert usage["b2"].due_at == at(2026, 5, 4, 9, 15)
    assert usage["b2"].overrun == dt.timedelta(hours=8, minutes=15)
    assert usage["b1"].overrun == dt.timedelta(0)
    assert result.planned_end == at(2026, 5, 4, 14)
    assert result.finished_at == at(2026, 5, 5, 13, 30)
    assert result.delay == dt.timedelta(hours=7, minutes=30)  # 14:00 Mon → 13:30 Tue
    assert "'b2'" in result.explain()
    # The same with the plan passed in.
    plan = schedule(w, accepted)
    assert blame(w, plan, done).step_id == "b2"


def test_blame_on_time_and_joins() -> None:
    w = example("ho-tich.khai-sinh")
    on_time = blame(w, at(2026, 3, 2, 8), {"b1": at(2026, 3, 2, 8, 30), "b2": at(2026, 3, 2, 10)})
    assert not on_time.late
    assert on_time.step_id is None
    assert "No step" in on_time.explain()
    land = example("dat-dai.dang-ky-bien-dong")
    accepted = at(2026, 3, 2, 8)
    done = {
        "b1": at(2026, 3, 2, 11),
        "b2": at(2026, 3, 6, 16),
        "b3": at(2026, 3, 20, 10),  # the tax branch is very late
        "b4": at(2026, 3, 9, 10),
        "b5": at(2026, 3, 20, 14),
    }
    result = blame(land, accepted, done)
    assert result.step_id == "b3"
    assert result.chain == ("b1", "b2", "b3", "b5")
    # Phase 2 after a payment wait: the wait is not blamed on b6.
    done2 = {**done, "b6": at(2026, 4, 1, 11)}
    waited = blame(land, accepted, done2, phase_starts={"gd2": at(2026, 4, 1, 8)})
    b6 = next(u for u in waited.usage if u.step_id == "b6")
    assert b6.started_at == at(2026, 4, 1, 8)
    assert b6.overrun == dt.timedelta(0)
    unwaited = blame(land, accepted, done2)
    b6 = next(u for u in unwaited.usage if u.step_id == "b6")
    assert b6.started_at == at(2026, 3, 20, 14)
    assert b6.overrun > dt.timedelta(0)


def test_blame_refuses_bad_input() -> None:
    w = example("ho-tich.khai-sinh")
    with pytest.raises(DataFileError, match="not in workflow"):
        blame(w, at(2026, 3, 2, 8), {"zz": at(2026, 3, 2, 9)})
    with pytest.raises(DataFileError, match="none given"):
        blame(w, at(2026, 3, 2, 8), {})
    with pytest.raises(DataFileError, match="no step can be measured"):
        blame(w, at(2026, 3, 2, 8), {"b2": at(2026, 3, 2, 9)})
    with pytest.raises(NaiveDatetimeError):
        blame(w, at(2026, 3, 2, 8), {"b1": dt.datetime(2026, 3, 2, 9)})
    with pytest.raises(InputTypeError):
        blame(w, (), {"b1": at(2026, 3, 2, 9)})
    with pytest.raises(InputTypeError):
        blame(w, at(2026, 3, 2, 8), [("b1", at(2026, 3, 2, 9))])  # type: ignore[arg-type]


# --- JSON, CSV, Mermaid ----------------------------------------------------------------------------


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


def _without_phase_refs(w: Workflow) -> Workflow:
    return attrs.evolve(w, phases=tuple(attrs.evolve(p, legal_ref=None) for p in w.phases))


@pytest.mark.parametrize("workflow", examples(), ids=lambda w: w.procedure_code)
def test_csv_round_trip(workflow: Workflow) -> None:
    text = to_csv(workflow)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert len(text.splitlines()) == 1 + len(workflow.steps)
    assert from_csv(text) == (_without_phase_refs(workflow),)


def test_csv_several_workflows_blank_repeats_and_semicolons(tmp_path: Path) -> None:
    both = to_csv(examples())
    assert from_csv(both) == tuple(_without_phase_refs(w) for w in examples())
    sheet = (
        "procedure_code;workflow_version;step_id;step_name;role;budget;depends_on;is_intake;"
        "is_return;legal_limit\n"
        "1.001193;v1;b1;Tiếp nhận;Một cửa;0,5 ngày làm việc;;x;;1 ngày làm việc\n"
        "1.001193;v1;b2;Trả;Một cửa;4 giờ làm việc;b1;;có;\n"
    )
    path = tmp_path / "sheet.csv"
    path.write_text("\ufeff" + sheet, encoding="utf-8")  # Excel writes a BOM
    (w,) = read_csv(path)
    assert w.legal_limit == D(1)
    assert [s.budget for s in w.steps] == [D("0.5"), H(4)]
    assert w.steps[1].is_return
    assert load(path) == (w,)
    assert codes(validate(w, on=ON)) == ["workflow.no_signing"]


def csv_error(text: str) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        from_csv(text, file="quy-trinh.csv")
    return info.value


HEAD = "procedure_code,workflow_version,step_id,step_name,role,budget,depends_on,is_intake\n"


@pytest.mark.parametrize(
    ("body", "row", "field"),
    [
        (
            "1.001193,v1,b1,Tiếp nhận,Một cửa,4 giờ làm việc,,x\n1.001193,v1,b2,Xử lý,CV,abc,b1,\n",
            3,
            "budget",
        ),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,4 giờ,,x\n", 2, "budget"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,2 tháng,,x\n", 2, "budget"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc,,maybe\n", 2, "is_intake"),
        ("1.001193,v1,b1,Tiếp nhận,,1 ngày làm việc,,x\n", 2, "role"),
        (
            "1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc,,x\n1.001193,v1,b1,Lại,CV,1 giờ làm việc,,\n",
            3,
            "step_id",
        ),
        ("1.001193,v1,b 1,Tiếp nhận,Một cửa,1 ngày làm việc,,x\n", 2, "step_id"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc,b1,x\n", 2, "depends_on"),
        ("1.001193,v1,b1,Tiếp nhận,Một cửa,1 ngày làm việc\n", 2, ""),
    ],
)
def test_csv_row_precise_errors(body: str, row: int, field: str) -> None:
    err = csv_error(HEAD + body)
    assert err.context["file"] == "quy-trinh.csv"
    assert err.context["row"] == row
    assert err.context["field"] == field
    assert f"row {row}" in err.message


def test_csv_header_and_workflow_level_errors() -> None:
    assert csv_error("").context["row"] == 1
    unknown = csv_error(HEAD.replace("is_intake", "mau_sac") + "x\n")
    assert (unknown.context["row"], unknown.context["field"]) == (1, "mau_sac")
    missing = csv_error("procedure_code,workflow_version,step_id\n1,v,b\n")
    assert missing.context["field"] == "step_name"
    dup = csv_error("procedure_code,procedure_code\n")
    assert dup.context["field"] == "procedure_code"
    head = "procedure_code,workflow_version,step_id,step_name,role,budget,"
    conflict = csv_error(
        head + "legal_limit\n1,v,a,A,R,1 giờ làm việc,5 ngày làm việc\n"
        "1,v,b,B,R,1 giờ làm việc,\n1,v,c,C,R,1 giờ làm việc,6 ngày làm việc\n"
    )
    assert (conflict.context["row"], conflict.context["field"]) == (4, "legal_limit")
    bad_limit = csv_error(
        head + "legal_limit\n1,v,a,A,R,1 giờ làm việc,\n1,v,b,B,R,1 giờ làm việc,xyz\n"
    )
    assert (bad_limit.context["row"], bad_limit.context["field"]) == (3, "legal_limit")
    bad_date = csv_error(head + "valid_from\n1,v,a,A,R,1 giờ làm việc,31/02/2026\n")
    assert bad_date.context["field"] == "valid_from"
    reversed_dates = csv_error(
        head + "valid_from,valid_to\n1,v,a,A,R,1 giờ làm việc,2026-05-01,2026-01-01\n"
    )
    assert reversed_dates.context["field"] == "valid_to"
    no_doc = csv_error(head + "decision_issuer\n1,v,a,A,R,1 giờ làm việc,UBND tỉnh\n")
    assert no_doc.context["field"] == "decision_issuer"
    bad_conf = csv_error(
        head + "decision_document,decision_confidence\n1,v,a,A,R,1 giờ làm việc,1/QĐ,sure\n"
    )
    assert bad_conf.context["field"] == "decision_confidence"
    bad_level = csv_error(head + "unit_level\n1,v,a,A,R,1 giờ làm việc,thôn\n")
    assert bad_level.context["field"] == "unit_level"
    bad_kind = csv_error(head + "authority_kind\n1,v,a,A,R,1 giờ làm việc,ubnd\n")
    assert bad_kind.context["field"] == "authority_kind"
    phase_cols = csv_error(head + "phase,phase_name\n1,v,a,A,R,1 giờ làm việc,,Giai đoạn 1\n")
    assert phase_cols.context["field"] == "phase_name"
    mixed = csv_error(head + "phase\n1,v,a,A,R,1 giờ làm việc,gd1\n1,v,b,B,R,1 giờ làm việc,\n")
    assert (mixed.context["row"], mixed.context["field"]) == (3, "phase")
    phase_conflict = csv_error(
        head
        + "phase,phase_name\n1,v,a,A,R,1 giờ làm việc,gd1,Một\n1,v,b,B,R,1 giờ làm việc,gd1,Hai\n"
    )
    assert (phase_conflict.context["row"], phase_conflict.context["field"]) == (3, "phase_name")
    bad_stop = csv_error(head + "phase,phase_clock_stops\n1,v,a,A,R,1 giờ làm việc,gd1,?\n")
    assert bad_stop.context["field"] == "phase_clock_stops"
    bad_phase = csv_error(head + "phase\n1,v,a,A,R,1 giờ làm việc,g d\n")
    assert bad_phase.context["field"] == "phase"
    bad_one_stop = csv_error(head + "one_stop\n1,v,a,A,R,1 giờ làm việc,?\n")
    assert bad_one_stop.context["field"] == "one_stop"
    with pytest.raises(InputTypeError):
        from_csv(b"x")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        to_csv(["w"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 giờ làm việc", H(4)),
        ("04 Giờ làm việc", H(4)),
        ("0,5 ngày làm việc", D("0.5")),
        ("1.5 ngày làm việc", D("1.5")),
        ("30 phút làm việc", Duration.working_minutes(30)),
        ("15 ngày", Duration.calendar_days(15)),
        ("0", Duration.immediate()),
        ("0 ngày", Duration.immediate()),
        ("0 giờ", Duration.immediate()),
        ("ngay", Duration.immediate()),
        ("trong ngày", Duration.same_day()),
        ("trong ngày (sau 15:00)", Duration.same_day()),
        ("trong ngày (nhận sau 16 giờ)", Duration.same_day(dt.time(16))),
        ("2 working_hour", H(2)),
    ],
)
def test_csv_budget_wordings(text: str, expected: Duration) -> None:
    head = "procedure_code,workflow_version,step_id,step_name,role,budget\n"
    (w,) = from_csv(head + f'1,v,a,A,R,"{text}"\n')
    assert w.steps[0].budget == expected


def test_load_and_read_errors(tmp_path: Path) -> None:
    json_path = tmp_path / "w.json"
    json_path.write_text(to_json(example("ho-tich.khai-sinh")), encoding="utf-8")
    assert load(json_path) == (example("ho-tich.khai-sinh"),)
    with pytest.raises(DataFileError, match="not supported"):
        load(tmp_path / "w.xlsx")
    with pytest.raises(DataFileError, match="cannot read"):
        load(tmp_path / "missing.csv")
    with pytest.raises(DataFileError, match="cannot read"):
        load(tmp_path / "missing.json")


def test_mermaid() -> None:
    text = mermaid(example("dat-dai.dang-ky-bien-dong"))
    assert text.startswith("flowchart TD\n")
    assert 'subgraph p0["Giai đoạn 1: đến khi xác định nghĩa vụ tài chính"]' in text
    assert "p0 -.->|Người sử dụng đất nộp chứng từ hoàn thành nghĩa vụ tài chính| p1" in text
    assert "s1 -->|thue| s2" in text  # the tax branch
    assert 's7{{"Ký xác nhận' in text  # the signing step is a hexagon
    assert 's0(["Tiếp nhận' in text  # intake is a stadium
    plain = mermaid(wf(step("a", H(1), is_intake=True, note="x"), step("b", H(1), "a")))
    assert "subgraph" not in plain
    assert "s0 --> s1" in plain
    with pytest.raises(InputTypeError):
        mermaid("w")  # type: ignore[arg-type]


# --- CLI -----------------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Any:
    import tthc.cli

    modules = tuple(dict.fromkeys((*tthc.cli._SUBCOMMAND_MODULES, "tthc._cli_workflows")))
    monkeypatch.setattr(tthc.cli, "_SUBCOMMAND_MODULES", modules)
    return tthc.cli.main


def test_cli_check_exit_codes(cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "khai-sinh.csv"
    good.write_text(to_csv(example("ho-tich.khai-sinh")), encoding="utf-8")
    assert cli(["workflow", "check", str(good), "--unit", CAN_THO_WARD]) == 0
    out = capsys.readouterr().out
    assert "1.001193" in out
    assert "OK" in out
    assert cli(["workflow", "check", str(WRONG), "--on", "2026-03-01", "--unit", CAN_THO_WARD]) == 1
    out = capsys.readouterr().out
    assert "error[step.abolished_level] [b2]" in out
    assert "Luật 72/2025/QH15" in out
    assert cli(["workflow", "check", str(WRONG), "--on", "01/03/2026", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    first = data["workflows"][0]
    assert first["on"] == "2026-03-01"
    assert any(f["code"] == "workflow.over_limit" for f in first["findings"])
    assert cli(["workflow", "check", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_cli_bad_input_exit_2(cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["workflow", "check", str(tmp_path / "none.csv")]) == 2
    assert capsys.readouterr().err.startswith("error[data.invalid]:")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEAD + "1.001193,v1,b1,Tiếp nhận,Một cửa,abc,,x\n", encoding="utf-8")
    assert cli(["workflow", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[data.invalid]:")
    assert "row 2" in err
    undated = tmp_path / "undated.csv"
    undated.write_text(
        HEAD + "1.001193,v1,b1,Tiếp nhận,Một cửa,1 giờ làm việc,,x\n", encoding="utf-8"
    )
    assert cli(["workflow", "check", str(undated)]) == 2
    assert "--on" in capsys.readouterr().err
    assert cli(["workflow", "check", str(undated), "--on", "2026-13-01"]) == 2
    assert capsys.readouterr().err.startswith("error[input.wrong_type]:")
    assert cli(["workflow", "check", str(undated), "--on", "2026-03-01"]) == 1  # no return step


def test_cli_diagram(cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "land.json"
    path.write_text(to_json(example("dat-dai.dang-ky-bien-dong")), encoding="utf-8")
    assert cli(["workflow", "diagram", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("%% 1.013831 tthc-mau-2026\nflowchart TD\n")


def test_decimal_budgets_are_exact() -> None:
    # 0,25 ngày làm việc = 2 working hours exactly (no float rounding).
    w = wf(step("a", D(Decimal("0.25")), is_intake=True))
    assert due_times(w, at(2026, 3, 2, 7, 30)) == {"a": at(2026, 3, 2, 9, 30)}
