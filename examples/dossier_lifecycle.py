"""The life of an online dossier: supplement, restart of the limit, extension with an apology.

The procedure is 1.012786 (Cấp lại Giấy chứng nhận do bị mất): 10 working days when filed
online, as the national catalogue bundled with tthc says (``tthc deadline --procedure 1.012786``).

Run: python examples/dossier_lifecycle.py
"""

from __future__ import annotations

import datetime as dt

from tthc import VN_TZ
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
from tthc.serde import from_json, to_json

CODE = "000.00.31.H29-260307-0042"
APPLICANT = Actor(ActorRole.APPLICANT, "Nguyễn Văn An")
ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "Chi nhánh Văn phòng đăng ký đất đai")


def vn(day: int, month: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=VN_TZ)


def main() -> None:
    dossier = Dossier(
        CODE,
        "1.012786",
        Channel.ONLINE,
        "Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh",
        "Chi nhánh Văn phòng đăng ký đất đai",
        Duration.working_days(10),
    )
    events = [
        DossierEvent(EventKind.SUBMITTED_ONLINE, CODE, vn(7, 3, 21), APPLICANT),
        DossierEvent(EventKind.ACCEPTED, CODE, vn(9, 3, 9, 15), ONE_STOP),
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            vn(9, 3, 9, 20),
            ONE_STOP,
            to_unit="Chi nhánh Văn phòng đăng ký đất đai",
        ),
        DossierEvent(
            EventKind.SUPPLEMENT_REQUESTED,
            CODE,
            vn(11, 3, 10),
            ONE_STOP,
            reason="Bổ sung đơn đề nghị cấp lại theo đúng mẫu",
        ),
        DossierEvent(EventKind.SUPPLEMENT_RECEIVED, CODE, vn(20, 3, 9), ONE_STOP),
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            vn(20, 3, 9, 30),
            ONE_STOP,
            to_unit="Chi nhánh Văn phòng đăng ký đất đai",
        ),
        DossierEvent(
            EventKind.EXTENSION_GRANTED,
            CODE,
            vn(2, 4, 9),
            AUTHORITY,
            new_due_date=dt.date(2026, 4, 10),
            reason="Xin lỗi ông/bà: cần lấy ý kiến Sở Tư pháp; hẹn trả ngày 10/4/2026",
        ),
        DossierEvent(EventKind.RESULT_ISSUED, CODE, vn(9, 4, 15), AUTHORITY),
        DossierEvent(EventKind.RESULT_DELIVERED, CODE, vn(10, 4, 8, 30), ONE_STOP),
    ]
    dossier = dossier.apply_all(events)

    print(f"Hồ sơ {dossier.code}: {dossier.status.label}")
    print()
    print(f"{'#':>2}  {'when (Vietnam time)':<17}  {'event':<22}  {'status':<22}  lasted")
    for entry in dossier.timeline():
        lasted = "" if entry.duration is None else str(entry.duration)
        when = entry.start.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")
        print(
            f"{entry.event_index:>2}  {when:<17}  {entry.event.value:<22}  "
            f"{entry.status.value:<22}  {lasted}"
        )
    print()
    print("Due dates (ngày hẹn trả):")
    for change in dossier.deadline_history():
        before = f" (was {change.previous_due_date:%d/%m/%Y})" if change.previous_due_date else ""
        print(
            f"  {change.due_date:%d/%m/%Y}{before}: {change.kind.value} — {change.legal_ref.cite()}"
        )
    print()
    print(f"Waiting for the applicant: {dossier.waiting_for_applicant()}")
    print(f"Timeliness (synced view):  {dossier.timeliness(vn(30, 4, 17)).value}")
    late = dossier.timeliness(vn(30, 4, 17), count_extension=False)
    print(f"Timeliness (legal view):   {late.value if late else '-'}")
    print(f"Breaches: {[b.code for b in dossier.breaches] or 'none'}")
    print()
    print("Portal record:", portal_status_record(dossier).to_portal_dict())
    assert from_json(to_json(dossier), Dossier) == dossier
    print("JSON round trip: exact")


if __name__ == "__main__":
    main()
