"""The status-change record sent to the national portal.

It must carry the portal's own field names (the sync service of the Cổng Dịch vụ công quốc gia:
MaHoSo, TrangThaiHoSo, NgayHenTra, DanhSachHoSoBoSung, ...; tthc_rules.md §4-5): a misspelt key
is a record the portal drops.
"""

from __future__ import annotations

import pytest
from dossier_builders import (
    AUTHORITY,
    CODE,
    ONE_STOP,
    K,
    _in_process,
    _new,
    t,
)

from tthc.deadlines import Duration
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    portal_status_record,
)
from tthc.errors import (
    InvalidEvent,
)


def _dossier() -> Dossier:
    d = Dossier(CODE, "1.001193", Channel.ONLINE, "Một cửa", "UBND", Duration.working_days(5))
    return d.apply_all(
        [
            DossierEvent(K.SUBMITTED_ONLINE, CODE, t(9, 8), Actor(ActorRole.APPLICANT, "Cổng")),
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu bản sao"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(12, 9), ONE_STOP),
        ]
    )


def test_portal_record_uses_the_portal_field_names() -> None:
    record = portal_status_record(_dossier())
    portal = record.to_portal_dict()
    assert list(portal) == [
        "MaHoSo", "MaTTHC", "KenhThucHien", "TrangThaiHoSo", "ThoiDiemXuLy", "PhongBanXuLy",
        "ChucDanh", "NoiDungXuLy", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra",
        "NgayKetThucXuLy", "NgayTra", "NgayTuChoi", "DanhSachHoSoBoSung",
    ]  # fmt: skip
    assert portal["MaHoSo"] == CODE
    assert portal["MaTTHC"] == "1.001193"
    assert portal["KenhThucHien"] == record.channel_code
    assert portal["TrangThaiHoSo"] == record.status_code
    assert portal["ThoiDiemXuLy"] == record.changed_at
    assert portal["PhongBanXuLy"] == record.actor_unit
    assert portal["ChucDanh"] == record.actor_role
    assert portal["NoiDungXuLy"] == record.content
    assert portal["NgayNopHoSo"] == record.submitted_at
    assert portal["NgayTiepNhan"] == record.received_at == "20260309090000"
    assert portal["NgayHenTra"] == record.due_at
    assert portal["NgayKetThucXuLy"] == record.finished_at
    assert portal["NgayTra"] == record.delivered_at
    assert portal["NgayTuChoi"] == record.refused_at
    (supplement,) = portal["DanhSachHoSoBoSung"]
    assert list(supplement) == [
        "NgayBoSung",
        "NgayTiepNhanBoSung",
        "NgayHenTraTruoc",
        "NgayHenTraMoi",
    ]
    (expected,) = record.supplements
    assert supplement == {
        "NgayBoSung": expected.requested_at,
        "NgayTiepNhanBoSung": expected.received_at,
        "NgayHenTraTruoc": expected.previous_due,
        "NgayHenTraMoi": expected.new_due,
    }
    assert supplement["NgayBoSung"] == "20260310090000"
    assert supplement["NgayTiepNhanBoSung"] == "20260312090000"


def test_portal_record_event_index() -> None:
    d = _dossier()
    with pytest.raises(InvalidEvent) as info:
        portal_status_record(_new())
    assert info.value.message == (
        f"Hồ sơ chưa có sự kiện (no events): dossier {CODE} has nothing to report"
    )
    assert info.value.context == {"dossier_code": CODE, "reason": "no_events"}
    for index in (5, -6):
        with pytest.raises(InvalidEvent) as info:
            portal_status_record(d, index)
        assert info.value.message == (
            f"Sự kiện không tồn tại (no such event): index {index} for a dossier with 5 events"
        )
        assert info.value.context == {
            "dossier_code": CODE,
            "reason": "no_such_event",
            "index": index,
        }
    assert portal_status_record(d, 4) == portal_status_record(d)
    assert portal_status_record(d, -5) == portal_status_record(d, 0)
    assert portal_status_record(d, 0).status_code == portal_status_record(d, -5).status_code
    assert portal_status_record(d, 1).received_at == "20260309090000"


def test_portal_record_of_each_event() -> None:
    d = _in_process().apply_all(
        [
            DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, t(10, 9), ONE_STOP, reason="Thiếu"),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, t(12, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(12, 10), ONE_STOP, to_unit="UBND"),
            DossierEvent(K.RESULT_ISSUED, CODE, t(13, 9), AUTHORITY),
        ]
    )
    first = portal_status_record(d, 0)
    assert (first.status_name, first.event, first.changed_at) == (
        "Được tiếp nhận",
        "accepted",
        "20260309090000",
    )
    assert (first.actor_unit, first.actor_role) == (ONE_STOP.unit, ActorRole.ONE_STOP.name_vi)
    assert first.content == EventKind.ACCEPTED.name_vi  # no reason: the event's name
    assert (first.finished_at, first.delivered_at, first.refused_at) == ("", "", "")
    assert first.supplements == ()
    asked = portal_status_record(d, 2)
    assert (asked.content, asked.finished_at) == ("Thiếu", "")
    (open_supplement,) = asked.supplements
    assert (open_supplement.received_at, open_supplement.new_due) == ("", "")
    last = portal_status_record(d)
    assert (last.event, last.changed_at, last.actor_unit) == (
        "result_issued",
        "20260313090000",
        AUTHORITY.unit,
    )
    assert last.finished_at == "20260313090000"
    assert last == portal_status_record(d, 5) == portal_status_record(d, -1)
