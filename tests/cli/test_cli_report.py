"""``tthc report period`` and ``tthc report 07a`` on dossiers saved with ``to_json``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
from test_form07a import scenario

from tthc.cli import main
from tthc.serde import to_json


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    lines = [to_json(d) for key, d in scenario().items() if key != "K"]  # K is online
    path = tmp_path / "dossiers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "period", "2026-10"]) == 0
    assert capsys.readouterr().out == "Tháng 10 năm 2026 (Từ ngày 15/09/2026 đến ngày 14/10/2026)\n"
    assert main(["report", "period", "2026-Q3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["start"], data["end"], data["filed"]) == ("2026-06-15", "2026-09-14", True)


def test_form_07a_text_json_csv(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fields = saved.parent / "fields.csv"
    fields.write_text("procedure_code,field\n1.001193,Hộ tịch\n2.000815,Chứng thực\n", "utf-8")
    assert main(["report", "07a", "--period", "2026-09", str(saved), "--fields", str(fields)]) == 0
    out = capsys.readouterr().out
    assert "Tháng 9 năm 2026 (Từ ngày 15/08/2026 đến ngày 14/09/2026)" in out
    assert out.splitlines()[2].split() == [
        "Hộ",
        "tịch",
        "8",
        "0",
        "0",
        "0",
        "7",
        "1",
        "5",
        "2",
        "2",
        "1",
        "3",
        "3",
        "0",
    ]
    assert main(["report", "07a", "--period", "2026-09", str(saved), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["received_total"] == 8
    assert data["rows"][0]["field"] == "Hộ tịch"  # from the bundled catalogue
    assert main(["report", "07a", "--period", "2026-09", str(saved), "--csv"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == ",TỔNG CỘNG,8,0,0,0,7,1,5,2,2,1,3,3,0"


def test_form_07a_files(saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openpyxl")
    xlsx, page = tmp_path / "07a.xlsx", tmp_path / "07a.html"
    args = ["report", "07a", "--period", "2026-09", str(saved), "--xlsx", str(xlsx)]
    assert main([*args, "--html", str(page), "--reporter", "UBND phường Ninh Kiều"]) == 0
    assert xlsx.stat().st_size > 1000
    assert "Đơn vị báo cáo: UBND phường Ninh Kiều" in page.read_text("utf-8")


def test_online_dossiers_need_a_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "k.json"
    path.write_text(to_json(scenario()["K"]), encoding="utf-8")
    assert main(["report", "07a", "--period", "2026-09", str(path)]) == 2
    assert capsys.readouterr().err.startswith("error[report.invalid]: Biểu 07a")
    fields = tmp_path / "fields.csv"
    fields.write_text("procedure_code,field\n2.000815,Chứng thực\n", "utf-8")
    args = ["--online-as", "full", "--csv", "--fields", str(fields)]
    assert main(["report", "07a", "--period", "2026-09", str(path), *args]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == ",TỔNG CỘNG,1,1,0,0,0,0,1,1,0,0,0,0,0"


def test_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "period", "2026-13"]) == 2
    assert "error[input.wrong_type]" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{}\n", encoding="utf-8")
    assert main(["report", "07a", "--period", "2026-09", str(broken)]) == 2
    assert f"{broken}:1:" in capsys.readouterr().err
    fields = tmp_path / "fields.csv"
    fields.write_text("code,name\n", encoding="utf-8")
    assert main(["report", "07a", "--period", "2026-09", str(broken), "--fields", str(fields)]) == 2
    assert "procedure_code,field" in capsys.readouterr().err


def test_unknown_procedure_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tthc._time import VN_TZ
    from tthc.deadlines import Duration
    from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind

    desk = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa")
    dossier = Dossier(  # a province's own procedure, not in the bundled catalogue
        "X-1",
        "9.999999",
        Channel.COUNTER,
        desk.unit,
        "UBND",
        Duration.working_days(5),
        local_procedure=True,
    )
    at = dt.datetime(2026, 9, 3, 9, tzinfo=VN_TZ)
    dossier = dossier.apply(DossierEvent(EventKind.ACCEPTED, "X-1", at, desk))
    path = tmp_path / "x.json"
    path.write_text(to_json(dossier), encoding="utf-8")
    assert main(["report", "07a", "--period", "2026-09", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[procedure.unknown]")
    assert "--fields FIELDS.csv" in err
