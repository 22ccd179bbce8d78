"""``tthc workload plan``: text, JSON and CSV output, errors and the optional chart."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from tthc.cli import _workload as workload_cli

HEADER = "unit_code,unit_name,unit_kind,procedure_code,field,month,count,in_person\n"


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tthc")
    workload_cli.register(parser.add_subparsers())
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
    assert "Kế hoạch nhân lực / staff plan: 07/2025 – 08/2025" in text
    assert "31120  Phường Cái Khế" in text
    assert "⚑" in text
    assert "điểm a khoản 1 Điều 113, Bộ luật Lao động 45/2019/QH14" in text
    assert "planning assumption" in text
    assert "  07/2025  23 ngày" in text  # July 2025: 23 working days, the month as people write it

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
