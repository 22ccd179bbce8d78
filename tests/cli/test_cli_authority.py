"""``tthc authority`` and ``tthc unit`` (src/tthc/cli/_authority.py), driven through argparse."""

from __future__ import annotations

import argparse
import json

import pytest

from tthc.cli import _authority


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="tthc")
    _authority.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


def test_authority_text(capsys: pytest.CaptureFixture[str]) -> None:
    # Luật Hộ tịch 2014 Điều 13 khoản 1: UBND cấp xã nơi cư trú.
    assert run("authority", "1.001193", "--unit", "31135", "--on", "2026-03-01") == 0
    out = capsys.readouterr().out
    assert "Ủy ban nhân dân phường Ninh Kiều" in out
    assert "60/2014/QH13" in out


def test_authority_json_with_facts(capsys: pytest.CaptureFixture[str]) -> None:
    # NĐ 145/2025 Điều 6: a plan over several communes is left to the province.
    argv = ["authority", "quy-hoach.phe-duyet", "--unit", "31135", "--on", "2026-03-01"]
    assert run(*argv, "--fact", "plan_scope=multi_commune", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["left_to_province"] is True
    assert data["authority"] is None
    assert data["decided_by"]["unit"]["code"] == "92"
    assert data["rule"]["legal_refs"][0]["document"] == "145/2025/NĐ-CP"
    # NĐ 168/2025 Điều 20 khoản 1: boolean facts.
    argv = ["authority", "2.001610", "--unit", "31135", "--on", "2026-03-01", "--json"]
    assert run(*argv, "--fact", "in_high_tech_park=false") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["authority"]["kind"] == "department_subunit"


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["authority", "9.999999", "--unit", "31135", "--on", "2026-03-01"], "authority.no_rule"),
        (["authority", "1.001193", "--unit", "99999", "--on", "2026-03-01"], "unit.unknown"),
        (["authority", "1.001193", "--unit", "31135", "--on", "2026-13-01"], "input.wrong_type"),
        (["authority", "2.000806", "--unit", "00001", "--on", "2026-03-01"], "unit.not_in_force"),
        (
            [
                "authority",
                "quy-hoach.phe-duyet",
                "--unit",
                "31135",
                "--on",
                "2026-03-01",
                "--fact",
                "x",
            ],
            "input.wrong_type",
        ),
        (["unit", "Không Có Tên Này"], "unit.unknown"),
        (["unit", "Ninh Kiều", "--province", "Atlantis"], "unit.unknown"),
    ],
)
def test_errors_exit_2(argv: list[str], code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error[{code}]: ")
    assert err.count("\n") == 1


def test_unit_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("unit", "Ninh Kiều") == 0
    assert "31135  Phường Ninh Kiều" in capsys.readouterr().out
    assert run("unit", "Tân Thành", "--province", "19") == 0
    assert "05923" in capsys.readouterr().out
    assert run("unit", "Tân Thành") == 0
    assert "pass --province" in capsys.readouterr().out
    # NQ 1656/NQ-UBTVQH15 khoản 4, 5: Cống Vị was split between Ngọc Hà and Giảng Võ.
    assert run("unit", "Cống Vị", "--on", "2025-06-30", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert [(s["new"]["code"], s["share"]) for s in row["successors"]] == [
        ("00008", "part"),
        ("00025", "part"),
    ]
    assert run("unit", "Cống Vị", "--on", "2025-06-30") == 0
    # the share as a Vietnamese label, as `tthc unit successors` prints it (issue 21, item 3)
    assert "→ Phường Giảng Võ (00025) [một phần / part]" in capsys.readouterr().out
