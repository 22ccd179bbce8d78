"""Biểu 07a/BTP/KSTT from dossiers built through the public API, around the period edges.

The period is September 2026: 15/08/2026 to 14/09/2026 (Thông tư 09/2026/TT-BTP Điều 10 →
Nghị định 09/2019/NĐ-CP Điều 12). Due dates follow the official 2026 calendar: Mon 31/8 is a
swapped day off made up on Sat 22/8, Tue 1/9 and Wed 2/9 are the National Day holidays
(Thông báo 9441/TB-BNV). Working-day limits count from the day after acceptance (BLDS Điều
147.2); a supplement restarts the limit from zero (Nghị định 118/2025 Điều 19.5).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import InputTypeError, ReportError, UnknownProcedure
from tthc.reports import Form07aRow, ReportPeriod, classify_dossier, columns, form_07a

K = EventKind
ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Ninh Kiều")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Ninh Kiều")
APPLICANT = Actor(ActorRole.APPLICANT, "Trần Văn An")
FIELDS = {"1.001193": "Hộ tịch", "2.000815": "Chứng thực"}
SEPTEMBER = ReportPeriod.month(2026, 9)
OCTOBER = ReportPeriod.month(2026, 10)
AUGUST = ReportPeriod.month(2026, 8)


def t(month: int, day: int, hour: int = 9, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, tzinfo=VN_TZ)


def accepted(
    code: str, at: dt.datetime, days: int = 5, *, channel: Channel = Channel.COUNTER
) -> Dossier:
    procedure = "2.000815" if code.startswith("CT") else "1.001193"
    dossier = Dossier(
        code, procedure, channel, ONE_STOP.unit, AUTHORITY.unit, Duration.working_days(days)
    )
    if channel is Channel.ONLINE:
        dossier = dossier.apply(
            DossierEvent(K.SUBMITTED_ONLINE, code, at - dt.timedelta(days=1), APPLICANT)
        )
    dossier = dossier.apply(DossierEvent(K.ACCEPTED, code, at, ONE_STOP))
    forwarded = at + dt.timedelta(minutes=30)
    return then(dossier, K.FORWARDED, forwarded, ONE_STOP, to_unit=AUTHORITY.unit)


def then(
    dossier: Dossier, kind: EventKind, at: dt.datetime, actor: Actor = AUTHORITY, **kw: object
) -> Dossier:
    return dossier.apply(DossierEvent(kind, dossier.code, at, actor, **kw))  # type: ignore[arg-type]


def scenario() -> dict[str, Dossier]:
    d: dict[str, Dossier] = {}
    # A: accepted Fri 14/8 (August period), due Fri 21/8; result Thu 20/8: early, carried over.
    d["A"] = then(accepted("HT-A", t(8, 14)), K.RESULT_ISSUED, t(8, 20, 15))
    # B: accepted Mon 14/9, the period's last day: received in September, due 21/9.
    d["B"] = then(accepted("HT-B", t(9, 14, 10)), K.RESULT_ISSUED, t(9, 18, 15))
    # C: accepted Tue 15/9, the first day of the October period; due 22/9, result on it.
    d["C"] = then(accepted("HT-C", t(9, 15)), K.RESULT_ISSUED, t(9, 22, 16))
    # D: accepted Thu 20/8, due Wed 26/8 (Sat 22/8 is a make-up working day); result on it.
    d["D"] = then(accepted("HT-D", t(8, 20)), K.RESULT_ISSUED, t(8, 26, 16))
    # E: accepted Fri 28/8, due Wed 9/9 (31/8, 1/9, 2/9 off); result Thu 10/9: late.
    d["E"] = then(accepted("HT-E", t(8, 28)), K.RESULT_ISSUED, t(9, 10, 10))
    # F: accepted Thu 10/9 with 10 working days, due Thu 24/9; never finished.
    d["F"] = accepted("HT-F", t(9, 10), 10)
    # G: accepted Mon 24/8 (due 3/9); supplement asked Wed 26/8, received Mon 7/9: restarts,
    # due Mon 14/9; result on it: on time (late against the first due date).
    g = then(accepted("HT-G", t(8, 24)), K.SUPPLEMENT_REQUESTED, t(8, 26), reason="thiếu giấy tờ")
    g = then(g, K.SUPPLEMENT_RECEIVED, t(9, 7), ONE_STOP)
    g = then(g, K.FORWARDED, t(9, 7, 10), ONE_STOP, to_unit=AUTHORITY.unit)
    d["G"] = then(g, K.RESULT_ISSUED, t(9, 14, 16))
    # H: accepted Thu 3/9 (due 10/9); supplement asked Fri 4/9, still awaited on 14/9: judged on
    # the request date (766 formula), so within the limit although 14/9 is after 10/9.
    h = then(accepted("HT-H", t(9, 3)), K.SUPPLEMENT_REQUESTED, t(9, 4), reason="thiếu giấy tờ")
    h = then(h, K.SUPPLEMENT_RECEIVED, t(9, 21), ONE_STOP)  # restart: due Mon 28/9
    h = then(h, K.FORWARDED, t(9, 21, 10), ONE_STOP, to_unit=AUTHORITY.unit)
    d["H"] = then(h, K.RESULT_ISSUED, t(9, 25, 10))
    # I: accepted Thu 3/9, withdrawn by the applicant Fri 4/9 (Điều 21): ended, early.
    d["I"] = then(
        accepted("HT-I", t(9, 3, 14)), K.WITHDRAWN, t(9, 4), APPLICANT, reason="rút hồ sơ"
    )
    # K: online, accepted Mon 17/8, due Sat 22/8 (make-up day); result Wed 19/8: early.
    d["K"] = then(accepted("CT-K", t(8, 17), channel=Channel.ONLINE), K.RESULT_ISSUED, t(8, 19))
    # L: accepted Sat 1/8, result Wed 5/8: ended before September.
    d["L"] = then(accepted("HT-L", t(8, 1)), K.RESULT_ISSUED, t(8, 5))
    # J: refused at intake: never received.
    j = Dossier(
        "HT-J", "1.001193", Channel.ONLINE, ONE_STOP.unit, AUTHORITY.unit, Duration.working_days(5)
    )
    j = j.apply(DossierEvent(K.SUBMITTED_ONLINE, "HT-J", t(9, 1), APPLICANT))
    d["J"] = j.apply(
        DossierEvent(
            K.REFUSED_AT_INTAKE, "HT-J", t(9, 3), ONE_STOP, reason="không thuộc thẩm quyền"
        )
    )
    return d


def fully_online(dossier: Dossier) -> bool:
    return dossier.code == "CT-K"


def test_due_dates_used_by_the_scenario() -> None:
    d = scenario()
    assert d["A"].due_date == dt.date(2026, 8, 21)
    assert d["D"].due_date == dt.date(2026, 8, 26)
    assert d["E"].due_date == dt.date(2026, 9, 9)
    assert d["F"].due_date == dt.date(2026, 9, 24)
    assert d["G"].due_date == dt.date(2026, 9, 14)
    assert d["K"].due_date == dt.date(2026, 8, 22)


def test_september_every_column() -> None:
    form = form_07a(scenario().values(), SEPTEMBER, fields=FIELDS, online_full=fully_online)
    assert [row.field for row in form.rows] == ["Chứng thực", "Hộ tịch"]
    assert form.row("Hộ tịch") == Form07aRow(
        "Hộ tịch",
        received_counter=7,  # B, D, E, F, G, H, I
        carried_over=1,  # A: accepted 14/8, open on 15/8
        resolved_early=2,  # A, I
        resolved_on_time=2,  # D, G
        resolved_late=1,  # E
        pending_in_time=3,  # B, F, H (H judged on its supplement request)
    )
    assert form.row("chung thuc") == Form07aRow(
        "Chứng thực", received_online_full=1, resolved_early=1
    )
    total = form.total
    assert total.by_number() == {
        3: 9,
        4: 1,
        5: 0,
        6: 0,
        7: 7,
        8: 1,
        9: 6,
        10: 3,
        11: 2,
        12: 1,
        13: 3,
        14: 3,
        15: 0,
    }
    assert total.received_total == total.resolved_total + total.pending_total


def test_october_carries_over_what_september_left_pending() -> None:
    dossiers = scenario().values()
    september = form_07a(dossiers, SEPTEMBER, fields=FIELDS, online_full=fully_online)
    october = form_07a(dossiers, OCTOBER, fields=FIELDS, online_full=fully_online)
    assert october.total.carried_over == september.total.pending_total == 3
    assert october.row("Hộ tịch") == Form07aRow(
        "Hộ tịch",
        received_counter=1,  # C, accepted on the 15th
        carried_over=3,  # B, F, H
        resolved_early=2,  # B (18/9 < 21/9), H (25/9 < 28/9 after the restart)
        resolved_on_time=1,  # C
        pending_overdue=1,  # F: due 24/9, open on 14/10
    )


def test_august_is_the_first_period_in_force() -> None:
    august = form_07a(scenario().values(), AUGUST, fields=FIELDS, online_full=fully_online)
    # A (14/8) and L (1/8) were received; L ended early on 5/8 (due Fri 7/8); A is pending.
    assert august.row("Hộ tịch") == Form07aRow(
        "Hộ tịch", received_counter=2, resolved_early=1, pending_in_time=1
    )
    with pytest.raises(ReportError, match="applies from 01/08/2026") as info:
        form_07a([], ReportPeriod.month(2026, 7))
    assert info.value.code == "report.invalid"


def test_tet_inside_the_period_is_skipped() -> None:
    # February 2027 runs 15/1-14/2/2027. Accepted Wed 3/2/2027 with 5 working days: Tết (4-10/2,
    # projected under Bộ luật Lao động 2019 Điều 112) is skipped, due Wed 17/2/2027, so the
    # dossier is within the limit on 14/2 (it would be overdue counting calendar days).
    dossier = accepted("HT-T", t(2, 3, year=2027))
    assert dossier.due_date == dt.date(2027, 2, 17)
    form = form_07a([dossier], ReportPeriod.month(2027, 2), fields=FIELDS)
    assert form.total.by_number()[14] == 1


def test_online_dossiers_need_to_say_fully_or_partly() -> None:
    with pytest.raises(ReportError, match="toàn trình") as info:
        form_07a(scenario().values(), SEPTEMBER, fields=FIELDS)
    assert info.value.context["dossier"] == "CT-K"
    partly = form_07a(scenario().values(), SEPTEMBER, fields=FIELDS, online_full=lambda _: False)
    assert partly.row("Chứng thực").received_online_partial == 1


def test_unknown_field_is_refused() -> None:
    with pytest.raises(UnknownProcedure, match=r"9\.999999"):
        form_07a([accepted("X-1", t(9, 1, 9)) and _with_procedure("9.999999")], SEPTEMBER)


def _with_procedure(code: str) -> Dossier:
    dossier = Dossier(  # a province's own procedure, not in the bundled catalogue
        "X-1",
        code,
        Channel.COUNTER,
        ONE_STOP.unit,
        AUTHORITY.unit,
        Duration.working_days(5),
        local_procedure=True,
    )
    return dossier.apply(DossierEvent(K.ACCEPTED, "X-1", t(9, 3), ONE_STOP))


def test_fields_default_to_the_bundled_catalogue() -> None:
    # 1.001193 Đăng ký khai sinh is in the catalogue under the field "Hộ tịch".
    form = form_07a([scenario()["B"]], SEPTEMBER)
    assert [row.field for row in form.rows] == ["Hộ tịch"]


def test_fields_as_a_function_and_bad_arguments() -> None:
    form = form_07a([scenario()["B"]], SEPTEMBER, fields=lambda d: "Lĩnh vực thử")
    assert form.rows[0].field == "Lĩnh vực thử"
    with pytest.raises(InputTypeError, match="fields must map"):
        form_07a([], SEPTEMBER, fields=["Hộ tịch"])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="ReportPeriod"):
        form_07a([], "2026-09")  # type: ignore[arg-type]


def test_classify_dossier() -> None:
    d = scenario()
    assert classify_dossier(d["A"], SEPTEMBER) == ("carried_over", "resolved_early")
    assert classify_dossier(d["C"], SEPTEMBER) is None  # accepted after the period
    assert classify_dossier(d["L"], SEPTEMBER) is None  # ended before it
    assert classify_dossier(d["J"], SEPTEMBER) is None  # never received


def test_rows_refuse_broken_identities_and_bad_counts() -> None:
    with pytest.raises(ReportError, match=r"\(3\) = 1"):
        Form07aRow("Hộ tịch", received_counter=1)
    with pytest.raises(InputTypeError, match="whole number"):
        Form07aRow("Hộ tịch", received_counter=-1, resolved_early=-1)
    with pytest.raises(InputTypeError, match="field"):
        Form07aRow(" ")


def test_columns_are_the_official_ones() -> None:
    numbers = {column.key: column.number for column in columns()}
    assert numbers == {
        "received_total": 3,
        "received_online_full": 4,
        "received_online_partial": 5,
        "received_post": 6,
        "received_counter": 7,
        "carried_over": 8,
        "resolved_total": 9,
        "resolved_early": 10,
        "resolved_on_time": 11,
        "resolved_late": 12,
        "pending_total": 13,
        "pending_in_time": 14,
        "pending_overdue": 15,
    }


def test_csv_and_dict_output() -> None:
    form = form_07a(scenario().values(), SEPTEMBER, fields=FIELDS, online_full=fully_online)
    lines = form.to_csv().splitlines()
    assert lines[0].startswith("STT,Lĩnh vực giải quyết,(3),(4)")
    assert lines[2] == "1,Chứng thực,1,1,0,0,0,0,1,1,0,0,0,0,0"
    assert lines[-1] == ",TỔNG CỘNG,9,1,0,0,7,1,6,3,2,1,3,3,0"
    data = form.to_dict()
    assert data["period"]["start"] == "2026-08-15"
    assert data["total"]["pending_total"] == 3
    assert "Biểu số 07a/BTP/KSTT" in data["legal_ref"]["citation"]  # the one JSON shape
    assert {rule.key for rule in form.counting_rules} >= {"carried_over", "resolved"}
