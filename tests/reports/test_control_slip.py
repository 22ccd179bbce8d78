"""Phiếu kiểm soát quá trình giải quyết hồ sơ, built from a dossier's event log."""

from __future__ import annotations

import datetime as dt

import pytest
from test_form07a import AUTHORITY, ONE_STOP, K, accepted, t, then

from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier
from tthc.errors import InputTypeError
from tthc.reports import control_slip

DIVISION = Actor(ActorRole.PARTICIPATING_AGENCY, "Phòng Văn hóa - Xã hội")


def test_slip_of_a_dossier_with_an_inter_agency_step() -> None:
    # Accepted Mon 7/9/2026 09:00 (5 working days: due Mon 14/9, 2/9 is long past). Forwarded
    # to the authority at 09:30, which forwards it on Tue 8/9 to a division with 2 working days
    # of its own (due Thu 10/9, end of office hours); the division hands it back Fri 11/9: late.
    dossier = accepted("HT-S", t(9, 7))
    dossier = then(
        dossier,
        K.FORWARDED,
        t(9, 8, 10),
        AUTHORITY,
        to_unit=DIVISION.unit,
        time_allowed=Duration.working_days(2),
    )
    dossier = then(dossier, K.FORWARDED, t(9, 11, 10), DIVISION, to_unit=AUTHORITY.unit)
    dossier = then(dossier, K.RESULT_ISSUED, t(9, 11, 15))
    slip = control_slip(dossier)
    assert [e.event for e in slip.entries] == [
        "accepted",
        "forwarded",
        "forwarded",
        "forwarded",
        "result_issued",
    ]
    step = slip.entries[2]
    assert (step.giver, step.receiver) == (AUTHORITY.unit, DIVISION.unit)
    assert step.step_due is not None
    assert step.step_due.date() == dt.date(2026, 9, 10)
    assert step.handed_on_at == t(9, 11, 10)
    assert (step.result, step.result_vi) == ("late", "Quá hạn")
    assert slip.entries[0].receiver == AUTHORITY.unit
    assert slip.entries[0].result is None  # no limit of its own: not judged
    assert slip.entries[-1].handed_on_at is None
    assert slip.due_date == dt.date(2026, 9, 14)
    assert slip.result == "early"  # the dossier itself: result 11/9 before 14/9
    data = slip.to_dict()
    assert data["entries"][2]["step_due"].startswith("2026-09-10T17:00")
    page = slip.to_html()
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in page
    assert "Giao: UBND phường Ninh Kiều<br>Nhận: Phòng Văn hóa - Xã hội" in page
    assert "10 giờ 00 phút, ngày 08/09/2026" in page
    assert "Kết quả giải quyết hồ sơ: Trước hạn" in page


def test_an_open_dossier_is_judged_as_of() -> None:
    dossier = accepted("HT-O", t(9, 7))
    slip = control_slip(dossier, as_of=t(9, 15, 9))
    assert slip.result == "overdue"
    assert "Quá hạn" in slip.to_html()
    assert control_slip(dossier).result == "in_time"
    assert ONE_STOP.unit in slip.to_html()


def test_slip_needs_a_dossier() -> None:
    with pytest.raises(InputTypeError, match="pass a Dossier"):
        control_slip("HT-1")  # type: ignore[arg-type]


def test_slip_following_the_internal_workflow() -> None:
    from tthc.errors import ReportError
    from tthc.workflows import example, schedule

    # The bundled process of 1.001193 (khai sinh): b1 one-stop 1 h, b2 civil-status officer 4 h,
    # b3 chairman 2 h, b4 one-stop 1 h of working time. Accepted Mon 7/9/2026 09:00.
    workflow = example("ho-tich.khai-sinh")
    dossier = accepted("HT-W", t(9, 7))
    plan = {due.step_id: due.due for due in schedule(workflow, t(9, 7))}
    done = {"b1": t(9, 7, 10), "b2": t(9, 8, 16), "b3": t(9, 8, 16)}
    slip = control_slip(dossier, workflow=workflow, step_completions=done)
    assert [e.event for e in slip.entries] == ["step:b1", "step:b2", "step:b3", "step:b4"]
    b2 = slip.entries[1]
    assert (b2.giver, b2.receiver) == (
        "Công chức Bộ phận Một cửa cấp xã",
        "Công chức Tư pháp - Hộ tịch",
    )
    assert b2.at == t(9, 7, 10)  # it could start when b1 was done
    assert b2.step_due == plan["b2"]
    # Planned: b1 due Mon 7/9 10:00, b2 15:30 (lunch skipped), b3 Tue 8/9 08:00, b4 09:00.
    # b1 done at 10:00: on time; b2 done Tue 8/9: late; b3 done Tue 8/9: on time (by date, as
    # the reports judge); b4 not done yet: not judged.
    assert [e.result for e in slip.entries] == ["on_time", "late", "on_time", None]
    assert plan["b3"] == dt.datetime(2026, 9, 8, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert slip.entries[3].handed_on_at is None
    assert slip.entries[0].event_index is None
    with pytest.raises(ReportError, match="not a step"):
        control_slip(dossier, workflow=workflow, step_completions={"b9": t(9, 7, 10)})
    draft = Dossier(
        "HT-D", "1.001193", Channel.COUNTER, ONE_STOP.unit, AUTHORITY.unit, Duration.working_days(5)
    )
    with pytest.raises(ReportError, match="never accepted"):
        control_slip(draft, workflow=workflow)
