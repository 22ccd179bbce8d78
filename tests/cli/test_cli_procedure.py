"""``tthc procedure search|show|fields`` and ``tthc catalogue lint`` (issue 16)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tthc.cli import main


def test_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "search", "khai sinh", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1.001193  Thủ tục đăng ký khai sinh  [Hộ tịch; Cấp xã")
    assert lines[-1] == "3 thủ tục / procedures"
    assert main(["procedure", "search", "ket hon", "--publisher", "bo-tu-phap", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["code"] == "1.000894"
    assert all(row["publisher"] in ("bo-tu-phap", None) for row in found)  # null, never ""


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "show", "1.000574"]) == 0
    out = capsys.readouterr().out
    assert "khác nhau (disagreement)" in out
    assert "(from description)" in out
    assert "Quyết định công bố (announcing decision)" in out
    assert main(["procedure", "show", "1.001193", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sources"] == 2
    assert data["channels"][-1]["reading"].startswith("đọc được (read)")
    assert data["decision_legal_ref"]["document"] == "163/QĐ-BTP"


def test_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "fields", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["Hộ tịch"] >= 40
    assert main(["procedure", "fields"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("lĩnh vực / fields")


def test_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "show", "9.999999"]) == 2
    assert capsys.readouterr().err.startswith("error[procedure.unknown]:")
    assert main(["procedure", "search", "x", "--limit", "-1"]) == 2
    assert capsys.readouterr().err.startswith("error[input.wrong_type]:")


def test_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "findings.csv"
    assert main(["catalogue", "lint", "--publisher", "bo-tu-phap", "--csv", str(target)]) == 1
    out = capsys.readouterr().out
    assert "Bộ Tư pháp" in out  # the body by its name in the text; the CSV keeps the slug
    assert "phát hiện / findings" in out
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {row["kind"] for row in rows} == {"disagreement", "refusal"}
    assert {row["publisher"] for row in rows} <= {"bo-tu-phap", "(curated)"}
    assert main(["catalogue", "lint", "--publisher", "toa-an-nhan-dan", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["by_publisher"]["toa-an-nhan-dan"] == {"refusal": 6}
    assert len(data["findings"]) == 6
