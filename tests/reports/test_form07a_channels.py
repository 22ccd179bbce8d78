"""Biểu 07a counts dossiers by the channel they record (issue 16, item 4).

Circular 09/2026/TT-BTP, Biểu số 07a/BTP/KSTT, "Số lượng hồ sơ tiếp nhận — Trong kỳ": column
(4) "Trực tuyến toàn trình", (5) "Trực tuyến một phần", (6) "Qua dịch vụ bưu chính", (7) "Trực
tiếp". A dossier recorded as ``Channel.ONLINE_FULL`` or ``ONLINE_PARTIAL`` goes to its column
directly; only a plain ``Channel.ONLINE`` dossier (kind not recorded) needs ``online_full=``.

The period is September 2026: 15/08/2026 to 14/09/2026 (Điều 10 of the circular → Nghị định
09/2019/NĐ-CP Điều 12). Every dossier is accepted on Mon 7/9/2026 with 5 working days: the count
starts the next day (Bộ luật Dân sự Điều 147.2), Tue 8 … Fri 11 and Mon 14/9 (12–13/9 is a
weekend, no holiday: official 2026 calendar), so it is due Mon 14/9; its result on Thu 10/9 is
early (column 10).
"""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import pytest

from tthc._time import VN_TZ
from tthc.cli import main
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import ReportError
from tthc.reports import ReportPeriod, dossiers_to_table, form_07a, form_07a_from_table
from tthc.reports._form07a import channel_column
from tthc.serde import to_json

K = EventKind
ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Ninh Kiều")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Ninh Kiều")
APPLICANT = Actor(ActorRole.APPLICANT, "Trần Văn An")
SEPTEMBER = ReportPeriod.month(2026, 9)
FIELDS = {"1.001193": "Hộ tịch"}


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 9, day, hour, tzinfo=VN_TZ)


def resolved(code: str, channel: Channel) -> Dossier:
    dossier = Dossier(
        code, "1.001193", channel, ONE_STOP.unit, AUTHORITY.unit, Duration.working_days(5)
    )
    if channel.is_online:  # Decree 118/2025 Điều 17.2: an online dossier is submitted first
        dossier = dossier.apply(DossierEvent(K.SUBMITTED_ONLINE, code, at(6, 20), APPLICANT))
    events = [
        DossierEvent(K.ACCEPTED, code, at(7), ONE_STOP),
        DossierEvent(K.FORWARDED, code, at(7, 10), ONE_STOP, to_unit=AUTHORITY.unit),
        DossierEvent(K.RESULT_ISSUED, code, at(10, 15), AUTHORITY),
    ]
    return dossier.apply_all(events)


def dossiers() -> list[Dossier]:
    return [
        resolved("HT-1", Channel.ONLINE_FULL),
        resolved("HT-2", Channel.ONLINE_FULL),
        resolved("HT-3", Channel.ONLINE_PARTIAL),
        resolved("HT-4", Channel.POST),
        resolved("HT-5", Channel.COUNTER),
    ]


def test_due_date_of_the_scenario() -> None:
    assert {d.due_date for d in dossiers()} == {dt.date(2026, 9, 14)}


def test_recorded_kinds_go_to_their_columns_without_online_full() -> None:
    row = form_07a(dossiers(), SEPTEMBER, fields=FIELDS).row("Hộ tịch")
    assert {n: row.by_number()[n] for n in (3, 4, 5, 6, 7, 8, 9, 10)} == {
        3: 5,  # received: (4) + (5) + (6) + (7) + (8)
        4: 2,  # HT-1, HT-2 trực tuyến toàn trình
        5: 1,  # HT-3 trực tuyến một phần
        6: 1,  # HT-4 bưu chính
        7: 1,  # HT-5 trực tiếp
        8: 0,
        9: 5,
        10: 5,  # all early: results on 10/9, due 14/9
    }


def test_online_full_is_asked_only_for_dossiers_of_unknown_kind() -> None:
    asked: list[str] = []

    def partly(dossier: Dossier) -> bool:
        asked.append(dossier.code)
        return False

    plain = resolved("HT-6", Channel.ONLINE)
    row = form_07a([*dossiers(), plain], SEPTEMBER, fields=FIELDS, online_full=partly).row(
        "Hộ tịch"
    )
    assert asked == ["HT-6"]  # the recorded kinds are never second-guessed
    assert (row.received_online_full, row.received_online_partial) == (2, 2)
    with pytest.raises(ReportError) as info:
        form_07a([*dossiers(), plain], SEPTEMBER, fields=FIELDS)
    assert info.value.context == {"dossier": "HT-6", "reason": "online_kind_unknown"}
    assert info.value.hint is not None
    assert "online_full" in info.value.hint


def test_the_table_route_counts_the_same() -> None:
    pytest.importorskip("numpy")
    table = dossiers_to_table(dossiers(), SEPTEMBER, fields=FIELDS)
    assert table["channel"] == ["online_full", "online_full", "online_partial", "post", "counter"]
    assert form_07a_from_table(table, SEPTEMBER) == form_07a(dossiers(), SEPTEMBER, fields=FIELDS)


def test_a_channel_without_a_column_is_refused_not_guessed() -> None:
    # a channel added to the vocabulary before the form has a column for it
    kiosk = types.SimpleNamespace(value="kiosk", label="Ki-ốt (kiosk)")
    dossier = types.SimpleNamespace(code="HT-7", channel=kiosk)
    with pytest.raises(ReportError, match="no column") as info:
        channel_column(dossier, None)  # type: ignore[arg-type]
    assert info.value.context == {"dossier": "HT-7", "channel": "kiosk", "reason": "no_column"}


def test_cli_counts_recorded_kinds_and_names_the_option_for_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "dossiers.jsonl"
    saved.write_text("\n".join(to_json(d) for d in dossiers()) + "\n", encoding="utf-8")
    fields = tmp_path / "fields.csv"
    fields.write_text("procedure_code,field\n1.001193,Hộ tịch\n", "utf-8")
    args = ["report", "07a", "--period", "2026-09", "--fields", str(fields), "--csv"]
    assert main([*args, str(saved)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == ",TỔNG CỘNG,5,2,1,1,1,0,5,5,0,0,0,0,0"
    plain = tmp_path / "plain.json"
    plain.write_text(to_json(resolved("HT-6", Channel.ONLINE)), encoding="utf-8")
    assert main([*args, str(saved), str(plain)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[report.invalid]: Biểu 07a")
    assert "--online-as" in err
    assert main([*args, "--online-as", "full", str(saved), str(plain)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == ",TỔNG CỘNG,6,3,1,1,1,0,6,6,0,0,0,0,0"
