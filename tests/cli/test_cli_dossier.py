"""``tthc dossier show`` and ``tthc dossier portal`` (src/tthc/cli/_dossier.py).

The dossier is the worked example E3-E5 of the tthc rules spec §7 (Decree 118/2025/NĐ-CP):
accepted Mon 9/3/2026 09:15 with 10 working days (due Mon 23/3); supplement asked Wed 11/3,
received Fri 20/3 10:00, so the limit restarts (Điều 19.5) and is due Fri 3/4; an apology and
extension notified Thu 2/4 set Fri 10/4 (Điều 19.6).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from tthc._time import VN_TZ
from tthc.cli import _dossier as dossier_cli
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.serde import to_json

CODE = "000.00.01.H29-260309-0001"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Sài Gòn")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")
K = EventKind


def vn(month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=VN_TZ)


def _dossier() -> Dossier:
    d = Dossier(
        CODE,
        "1.001193",
        Channel.COUNTER,
        ONE_STOP.unit,
        AUTHORITY.unit,
        Duration.working_days(10),
    )
    return d.apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, vn(3, 9, 9, 15), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, vn(3, 9, 10), ONE_STOP, to_unit=AUTHORITY.unit),
            DossierEvent(
                K.SUPPLEMENT_REQUESTED, CODE, vn(3, 11, 10), ONE_STOP, reason="Bổ sung bản sao"
            ),
            DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, vn(3, 20, 10), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, vn(3, 20, 11), ONE_STOP, to_unit=AUTHORITY.unit),
            DossierEvent(
                K.EXTENSION_GRANTED,
                CODE,
                vn(4, 2, 9),
                AUTHORITY,
                new_due_date=dt.date(2026, 4, 10),
                reason="Xin lỗi ông/bà: hẹn lại ngày 10/4/2026",
            ),
        ]
    )


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.json"
    path.write_text(to_json(_dossier(), indent=2), encoding="utf-8")
    return path


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tthc")
    dossier_cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


def test_show_text(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["dossier", "show", str(saved), "--as-of", "2026-04-06 09:00"]) == 0
    out = capsys.readouterr().out
    assert CODE in out
    assert "Đang xử lý" in out  # in process, portal code 4
    assert "Thứ Sáu 10/04/2026 17:00" in out  # extended due date
    assert "23/03/2026 → 03/04/2026" in out  # restart after the supplement (Điều 19.5)
    assert "Trong hạn" in out  # in time on 6/4
    assert "khoản 6 Điều 19" in out


def test_show_overdue_text_exits_1(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["dossier", "show", str(saved), "--as-of", "2026-04-13 09:00"]) == 1
    assert "Quá hạn" in capsys.readouterr().out  # overdue, still printed in full


def test_show_json(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # overdue on 13/4: the command reports a problem (exit 1, issue 17)
    assert run(["dossier", "show", str(saved), "--as-of", "2026-04-13T09:00+07:00", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "in_process"
    assert data["portal_code"] == 4
    assert data["due_date"] == "2026-04-10"
    assert data["due_at"] == "2026-04-10T17:00:00+07:00"
    assert data["timeliness"] == "overdue"  # still open on Mon 13/4, after Fri 10/4
    assert [r["kind"] for r in data["deadline_history"]] == ["set", "restarted", "extended"]
    assert [r["due_date"] for r in data["deadline_history"]] == [
        "2026-03-23",
        "2026-04-03",
        "2026-04-10",
    ]
    assert len(data["timeline"]) == 6
    assert data["timeline"][2]["status"] == "supplement_requested"
    # 11/3 10:00 -> 20/3 10:00: nine days waiting for the applicant
    assert data["timeline"][2]["duration_seconds"] == 9 * 24 * 3600
    assert data["timeline"][-1]["end"] == "2026-04-13T09:00:00+07:00"
    assert data["breaches"] == []


def test_show_defaults_to_the_last_event(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["dossier", "show", str(saved), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-04-02T09:00:00+07:00"
    assert data["as_of_source"] == "last event"
    assert data["timeliness"] == "in_time"


def test_show_as_of_earlier_drops_later_events(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["dossier", "show", str(saved), "--as-of", "2026-03-12 08:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "supplement_requested"
    assert data["portal_code"] == 5
    assert data["due_date"] == "2026-03-23"
    assert data["events"] == 3


def test_portal(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["dossier", "portal", str(saved), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    # TrangThaiHoSo (tthc rules §4.1): 2 accepted, 4 in process, 5 supplement requested
    assert [r["TrangThaiHoSo"] for r in records] == [2, 4, 5, 2, 4, 4]
    last = records[-1]
    assert last["MaHoSo"] == CODE
    assert last["NgayHenTra"] == "20260410170000"
    assert last["DanhSachHoSoBoSung"] == [
        {
            "NgayBoSung": "20260311100000",
            "NgayTiepNhanBoSung": "20260320100000",
            "NgayHenTraTruoc": "20260323170000",
            "NgayHenTraMoi": "20260403170000",
        }
    ]
    assert run(["dossier", "portal", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "TrangThaiHoSo=5" in out
    assert "NgayHenTraMoi=20260403170000" in out


def test_bad_json_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "code": ', encoding="utf-8")
    for sub in ("show", "portal"):
        assert run(["dossier", sub, str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error[serde.invalid]:")
        assert len(err.strip().splitlines()) == 1
    # valid JSON that is not a dossier
    other = tmp_path / "other.json"
    other.write_text('{"schema_version": 1, "code": 5}', encoding="utf-8")
    assert run(["dossier", "show", str(other)]) == 2
    assert capsys.readouterr().err.startswith("error[serde.invalid]:")


def test_other_errors_exit_2(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["dossier", "show", str(tmp_path / "missing.json")]) == 2
    assert capsys.readouterr().err.startswith("error[data.invalid]:")
    assert run(["dossier", "portal", str(tmp_path / "missing.json")]) == 2
    assert capsys.readouterr().err.startswith("error[data.invalid]:")
    assert run(["dossier", "show", str(saved), "--as-of", "yesterday"]) == 2
    assert capsys.readouterr().err.startswith("error[input.wrong_type]:")


def test_dossier_without_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = Dossier(CODE, "1.001193", Channel.ONLINE, "a", "b", Duration.working_days(5))
    path = tmp_path / "empty.json"
    path.write_text(to_json(empty), encoding="utf-8")
    assert run(["dossier", "show", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["status"], data["due_date"], data["timeliness"]) == ("draft", None, None)
    assert run(["dossier", "show", str(path)]) == 0
    assert "not accepted yet" in capsys.readouterr().out
    assert run(["dossier", "portal", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_file_read_through_the_data_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A directory is not a dossier file: refused before reading (tthc._data.read_source).
    assert run(["dossier", "show", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[data.invalid]: Tệp hồ sơ (dossier file)")
    assert "not a regular file" in err
    # A missing file names what to pass.
    assert run(["dossier", "portal", str(tmp_path / "missing.json")]) == 2
    assert "serde.to_json" in capsys.readouterr().err
