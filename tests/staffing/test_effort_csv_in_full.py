"""Staff effort CSV files: every answer and refusal in full (issue 17, item 5)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from tthc.errors import DataFileError
from tthc.staffing import EffortTable, ProcedureEffort, read_dossier_counts, read_efforts

HEAD = "procedure_code,role,minutes\n"


def _refused(text: str, message: str, hint: str | None = None, **context: object) -> None:
    with pytest.raises(DataFileError) as caught:
        read_efforts(io.StringIO(text))
    assert (caught.value.code, caught.value.message) == (
        "data.invalid",
        f"Tệp dữ liệu (data file) <stream>{message}",
    )
    assert caught.value.hint == hint
    assert dict(caught.value.context) == {"file": "<stream>", **context}


def test_procedures_and_fields_in_hours_and_minutes() -> None:
    table = read_efforts(
        io.StringIO(
            "Procedure_Code , FIELD,role,hours\n"
            "P,,r,0.5\n"
            ",Hộ tịch,r,1\n"
            "\n"
            ',Chứng thực,x,"2,5"\n'
            "P,,a,1\n"
            ",Hộ tịch,approval,0\n"
        )
    )
    assert table == EffortTable(
        procedures=(ProcedureEffort("P", (("a", Decimal(60)), ("r", Decimal(30))), "<stream>"),),
        fields=(
            ProcedureEffort("Hộ tịch", (("approval", Decimal(0)), ("r", Decimal(60))), "<stream>"),
            ProcedureEffort("Chứng thực", (("x", Decimal(150)),), "<stream>"),
        ),
    )
    minutes = read_efforts(io.StringIO(HEAD + "1.001193,reception,12\n1.001193,approval,5\n"))
    assert minutes == EffortTable(
        procedures=(
            ProcedureEffort(
                "1.001193", (("reception", Decimal(12)), ("approval", Decimal(5))), "<stream>"
            ),
        )
    )
    # One field written two ways (fields match without case or accents): one entry, named as
    # on its first row (it raised InputTypeError without a row before).
    only_fields = read_efforts(io.StringIO("field,role,minutes\nhộ tịch,r,3\nHỘ TỊCH,s,4\n"))
    assert only_fields == EffortTable(
        fields=(ProcedureEffort("hộ tịch", (("r", Decimal(3)), ("s", Decimal(4))), "<stream>"),)
    )


def test_header_refusals() -> None:
    _refused(
        "role,minutes\nr,1\n",
        ", row 1, field 'procedure_code': the header needs procedure_code",
        row=1,
        field="procedure_code",
    )
    for header in ("procedure_code,role\nP,r\n", "procedure_code,role,minutes,hours\nP,r,1,2\n"):
        _refused(
            header,
            ", row 1, field 'minutes': the header needs exactly one of minutes or hours",
            row=1,
            field="minutes",
        )
    _refused(
        "procedure_code,minutes\nP,1\n",
        ": the header has no column 'role'",
        "required columns: role",
        row=1,
        field="role",
    )
    _refused("", " is empty; expected a header row", row=1)
    _refused(HEAD, " has no data rows", row=2)
    _refused(HEAD + "\n ,  ,\n", " has no data rows", row=2)


def test_row_refusals() -> None:
    both = "give either a procedure_code or a field (a whole-field default), not both"
    for row in ("P,F,r,1", ",,r,1"):
        _refused(
            "procedure_code,field,role,minutes\n" + row + "\n",
            f", row 2, field 'procedure_code': {both}",
            row=2,
            field="procedure_code",
        )
    _refused(
        HEAD + "P,r,1\nP,,1\n", ", row 3, field 'role': the role is empty", row=3, field="role"
    )
    _refused(
        HEAD + "P,r,x\n",
        ", row 2, field 'minutes': 'x' is not a non-negative number",
        row=2,
        field="minutes",
    )
    _refused(
        "procedure_code,role,hours\nP,r,-1\n",
        ", row 2, field 'hours': '-1' is not a non-negative number",
        row=2,
        field="hours",
    )
    _refused(
        HEAD + "P,r,1\nQ,r,1\nP,r,2\n",
        ", row 4, field 'role': P / r is already given at row 2",
        row=4,
        field="role",
    )
    _refused(
        "field,role,hours\nHộ tịch,r,1\nho tich,r,2\n",
        ", row 3, field 'role': ho tich / r is already given at row 2",
        row=3,
        field="role",
    )
    _refused(HEAD + "P,r\n", ", row 2: 2 fields, the header has 3", row=2)
    _refused(
        " [1]",
        " looks like JSON; staff effort is read from CSV only",
        "write one row per procedure and role: procedure_code,role,minutes",
        row=1,
    )


def test_text_csv_cannot_split() -> None:
    big = '"' + "x" * 140_000 + '"'
    _refused(
        HEAD + "P,r," + big + "\n",
        ", row 2: not valid CSV (field larger than field limit (131072))",
        row=2,
    )
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO("unit_code,procedure_code,month,count\nU,P,2026-01," + big))
    assert caught.value.message == (
        "Tệp dữ liệu (data file) <stream>, row 2: not valid CSV (field larger than field limit"
        " (131072))"
    )
    assert dict(caught.value.context) == {"file": "<stream>", "row": 2}


def test_codes_are_exact_and_line_breaks_inside_values_kept() -> None:
    # Procedure codes are compared as written (fields are folded); a carriage return inside a
    # quoted value stays as it is (the file is split on its own line ends only).
    table = read_efforts(io.StringIO(HEAD + 'A,r,1\na,r,2\nA,"x\ry",3\n'))
    assert table == EffortTable(
        procedures=(
            ProcedureEffort("A", (("r", Decimal(1)), ("x\ry", Decimal(3))), "<stream>"),
            ProcedureEffort("a", (("r", Decimal(2)),), "<stream>"),
        )
    )


def test_bare_carriage_returns_end_rows() -> None:
    table = read_efforts(io.StringIO(HEAD + "P,r,1\rQ,r,2\r\n"))
    assert table == EffortTable(
        procedures=(
            ProcedureEffort("P", (("r", Decimal(1)),), "<stream>"),
            ProcedureEffort("Q", (("r", Decimal(2)),), "<stream>"),
        )
    )
