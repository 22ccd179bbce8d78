"""Staff effort per procedure and role: effort tables, the EffortSource hook, effort CSV files."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tthc.errors import DataFileError, InputTypeError, UnknownProcedure
from tthc.staffing import ROLE_NAMES, EffortTable, ProcedureEffort, effort_table, read_efforts


class FakeWorkflow:
    """What a tthc.workflows.Workflow looks like to tthc.staffing (the EffortSource hook)."""

    procedure_code = "1.013978"

    def staff_minutes_by_role(self) -> dict[str, Any]:
        return {"processing": Decimal("240"), "reception": 20, "approval": 15.5}


def test_role_names() -> None:
    assert dict(ROLE_NAMES) == {
        "reception": "tiếp nhận hồ sơ",
        "processing": "thẩm định, xử lý",
        "approval": "phê duyệt, ký",
        "return": "trả kết quả",
    }
    with pytest.raises(TypeError):
        ROLE_NAMES["x"] = "y"  # type: ignore[index]


def test_effort_table_and_workflow_hook() -> None:
    table = effort_table([FakeWorkflow(), ProcedureEffort.from_hours("X", {"processing": "1.5"})])
    entry = table.lookup("1.013978")
    assert entry.roles == ("reception", "processing", "approval")
    assert entry.total_minutes == Decimal("275.5")
    assert entry.source == "fakeworkflow"
    assert table.lookup("X").minutes_for("processing") == Decimal(90)
    assert table.lookup("X").minutes_for("reception") == 0
    assert len(table) == 2
    assert table.get("nope") is None
    hours = effort_table({"A": {"processing": 2}}, unit="hours")
    assert hours.lookup("A").total_minutes == Decimal(120)
    merged = hours.merged_with(effort_table({"A": {"x": 1}, "B": {"x": 1}}))
    assert merged.lookup("A").roles == ("processing",)
    assert merged.lookup("B").roles == ("x",)
    with pytest.raises(UnknownProcedure) as caught:
        table.lookup("9.999999", "đất đai")
    assert caught.value.code == "procedure.unknown"


def test_fields_match_without_case_or_accents() -> None:
    table = effort_table(fields={"Hộ tịch": {"processing": 25}})
    for spelling in ("hộ tịch", "HỘ TỊCH", "ho tich", " Ho  Tich "):
        assert table.lookup("1.001193", spelling).total_minutes == Decimal(25)
    merged = table.merged_with(effort_table(fields={"ho tich": {"x": 1}, "đất đai": {"x": 2}}))
    assert merged.lookup("P", "hộ tịch").roles == ("processing",)
    assert merged.lookup("P", "dat dai").roles == ("x",)
    with pytest.raises(InputTypeError):
        effort_table(fields={"hộ tịch": {"x": 1}, "Ho tich": {"x": 2}})  # the same field twice


@pytest.mark.parametrize(
    "call",
    [
        lambda: effort_table({"A": {"processing": 1}}, unit="days"),
        lambda: effort_table({"A": {"processing": -1}}),
        lambda: effort_table({"A": {"processing": "ten"}}),
        lambda: effort_table({"A": {}}),
        lambda: effort_table({"A": {1: 5}}),  # type: ignore[dict-item]
        lambda: effort_table("1.001193"),  # type: ignore[arg-type]
        lambda: effort_table(5),  # type: ignore[arg-type]
        lambda: effort_table([object()]),  # type: ignore[list-item]
        lambda: effort_table(fields=[("hộ tịch", {})]),  # type: ignore[arg-type]
        lambda: ProcedureEffort(key="", minutes=()),
        lambda: ProcedureEffort(key="A", minutes=[("x", Decimal(1))]),  # type: ignore[arg-type]
        lambda: ProcedureEffort(key="A", minutes=(("x", 1),)),  # type: ignore[arg-type]
        lambda: ProcedureEffort(key="A", minutes=(("x", Decimal(1)), ("x", Decimal(2)))),
        lambda: ProcedureEffort.from_source("not a workflow"),  # type: ignore[arg-type]
        lambda: EffortTable(procedures=[ProcedureEffort.from_minutes("A", {"x": 1})]),  # type: ignore[arg-type]
        lambda: EffortTable(
            procedures=(
                ProcedureEffort.from_minutes("A", {"x": 1}),
                ProcedureEffort.from_minutes("A", {"y": 1}),
            )
        ),
    ],
)
def test_effort_errors(call: Any) -> None:
    with pytest.raises(InputTypeError):
        call()


def test_read_efforts_csv(tmp_path: Path) -> None:
    path = tmp_path / "efforts.csv"
    path.write_text(
        "procedure_code,field,role,minutes\n"
        "1.001193,,reception,10\n"
        '1.001193,,processing,"20,5"\n'
        ",hộ tịch,processing,30\n",
        encoding="utf-8",
    )
    table = read_efforts(path)
    assert table.lookup("1.001193").minutes_for("processing") == Decimal("20.5")
    assert table.lookup("x", "Hộ tịch").total_minutes == Decimal(30)
    hours = tmp_path / "hours.csv"
    hours.write_text("procedure_code,role,hours\nA,processing,1.25\n", encoding="utf-8")
    assert read_efforts(hours).lookup("A").total_minutes == Decimal(75)


@pytest.mark.parametrize(
    ("text", "row", "field"),
    [
        ("procedure_code,role,minutes,hours\nA,x,1,1\n", 1, "minutes"),
        ("role,minutes\nx,1\n", 1, "procedure_code"),
        ("procedure_code,minutes\nA,1\n", 1, "role"),
        ("procedure_code,role,minutes\nA,x,abc\n", 2, "minutes"),
        ("procedure_code,role,minutes\nA,x,-1\n", 2, "minutes"),
        ("procedure_code,role,minutes\nA,x,1\nA,x,2\n", 3, "role"),
        ("procedure_code,field,role,minutes\nA,hộ tịch,x,1\n", 2, "procedure_code"),
        ("procedure_code,role,minutes\nA,,1\n", 2, "role"),
        ("procedure_code,role,minutes\n\nA,x\n", 3, None),
        ("procedure_code,role,minutes\n", 2, None),
        ("", 1, None),
        # A field default given twice, spelled with and without accents.
        ("field,role,minutes\nhộ tịch,x,1\nHo tich,x,2\n", 3, "role"),
    ],
)
def test_read_efforts_csv_errors(text: str, row: int, field: str | None) -> None:
    with pytest.raises(DataFileError) as caught:
        read_efforts(io.StringIO(text))
    assert caught.value.context["file"] == "<stream>"
    assert caught.value.context["row"] == row
    assert caught.value.context.get("field") == field


@pytest.mark.parametrize(
    "document",
    [
        json.dumps({"unit": "hours", "procedures": {"A": {"processing": 0.5}}}),
        '  [{"procedure_code": "A"}]',
        "{not json",
    ],
)
def test_read_efforts_refuses_json(document: str, tmp_path: Path) -> None:
    # JSON effort files are no longer read (issue 14: one input format, CSV).
    with pytest.raises(DataFileError) as caught:
        read_efforts(io.StringIO(document))
    assert (caught.value.context["file"], caught.value.context["row"]) == ("<stream>", 1)
    assert "CSV only" in caught.value.message
    assert caught.value.hint is not None
    assert "procedure_code,role,minutes" in caught.value.hint
    path = tmp_path / "efforts.json"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(DataFileError):
        read_efforts(path)
