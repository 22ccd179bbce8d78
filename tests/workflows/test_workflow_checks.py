"""tthc.workflows — validate(): every finding, one by one."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from workflow_helpers import CAN_THO_WARD, ON, WRONG, D, H, at, codes, ok_chain, step, wf

from tthc.authorities import AuthorityKind as K
from tthc.calendar import OfficeHours
from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.errors import DataFileError, InputTypeError
from tthc.legal import Validity
from tthc.procedures import Procedure, ProcessingRule, load_catalog
from tthc.units import UnitLevel
from tthc.workflows import (
    Phase,
    Severity,
    Workflow,
    critical_path,
    example,
    read_csv,
    schedule,
    validate,
)


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
    # 8,5 h of 8-hour days: 1,0625 days, written to two decimals, Vietnamese style.
    assert "1,06 ngày làm việc (8,5 giờ làm việc) on the critical path" in found[0].message
    assert "(a 4 giờ làm việc, b 0,5 ngày làm việc, c 30 phút làm việc)" in found[0].message
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
    # Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 51 khoản 3: district bodies end operation from 01/7/2025.
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
