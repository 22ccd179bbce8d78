"""Dossier counts: the CSV reader (one size cap, row and field in every error) and records."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from tthc import _data
from tthc.errors import DataFileError, InputTypeError
from tthc.staffing import MAX_FILE_BYTES, DossierCount, Month, dossier_counts, read_dossier_counts

D = dt.date
HEADER = "unit_code,unit_name,unit_kind,procedure_code,field,month,count,in_person\n"


def test_one_size_cap() -> None:
    assert MAX_FILE_BYTES == _data.MAX_FILE_BYTES


def test_read_dossier_counts(tmp_path: Path) -> None:
    path = tmp_path / "dossiers.csv"
    path.write_bytes(
        (
            "\ufeff"
            + HEADER
            + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2026-01,120,80\n"
            + "\n"
            + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,01/2026,5,\n"
        ).encode()
    )
    rows = read_dossier_counts(path)
    assert rows[0] == DossierCount(
        unit_code="31120",
        procedure_code="1.001193",
        month=Month(2026, 1),
        count=120,
        unit_name="Phường Cái Khế",
        unit_kind="phường",
        field="hộ tịch",
        in_person=80,
    )
    assert rows[1].in_person is None
    minimal = io.StringIO("UNIT_CODE,procedure_code,month,count,comment\nU,P,2026-01,1,x\n")
    assert read_dossier_counts(minimal)[0].unit_code == "U"


@pytest.mark.parametrize(
    ("body", "row", "field"),
    [
        ("31120,,,1.001193,,2026-13,1,\n", 2, "month"),
        ("31120,,,1.001193,,2026-01,-1,\n", 2, "count"),
        ("31120,,,1.001193,,2026-01,12.5,\n", 2, "count"),
        ("31120,,,1.001193,,2026-01,,\n", 2, "count"),
        (",,,1.001193,,2026-01,1,\n", 2, "unit_code"),
        ("31120,,,,,2026-01,1,\n", 2, "procedure_code"),
        ("31120,,,1.001193,,2026-01,3,4\n", 2, "in_person"),
        ("31120,,,1.001193,,2026-01,3,x\n", 2, "in_person"),
        ("31120,,,1.001193,,2026-01,1,\n31120,,,1.001193,,2026-01,eval(1),\n", 3, "count"),
        ("31120,,,1.001193,,2026-01,²,\n", 2, "count"),  # a digit that is not a decimal digit
    ],
)
def test_read_dossier_counts_row_errors(body: str, row: int, field: str) -> None:
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO(HEADER + body))
    err = caught.value
    assert (err.context["file"], err.context["row"], err.context["field"]) == (
        "<stream>",
        row,
        field,
    )
    assert f"row {row}" in err.message
    assert repr(field) in err.message


def test_read_dossier_counts_file_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO("unit_code,procedure_code,month\nU,P,2026-01\n"))
    assert (caught.value.context["row"], caught.value.context["field"]) == (1, "count")
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO("unit_code,unit_code,procedure_code,month,count\n"))
    assert caught.value.context["field"] == "unit_code"
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO(HEADER + "1,2,3\n"))
    assert caught.value.context["row"] == 2
    with pytest.raises(DataFileError):
        read_dossier_counts(io.StringIO(HEADER))
    with pytest.raises(DataFileError):
        read_dossier_counts(io.StringIO(""))
    big = tmp_path / "big.csv"
    big.write_text(HEADER + "U,,,P,,2026-01,1,\n" * 100, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(big, max_bytes=1000)
    assert caught.value.context["file"] == str(big)
    with pytest.raises(DataFileError):
        read_dossier_counts(io.BytesIO(b"x" * 2000), max_bytes=1000)
    with pytest.raises(DataFileError):
        read_dossier_counts(io.BytesIO(HEADER.encode() + b"\xff\xfe,1\n"))
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(tmp_path / "missing.csv")
    assert caught.value.context["file"].endswith("missing.csv")
    with pytest.raises(InputTypeError):
        read_dossier_counts(big, max_bytes=0)
    with pytest.raises(InputTypeError):
        read_dossier_counts(123)  # type: ignore[arg-type]
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(tmp_path)  # a directory is not a regular file
    assert caught.value.context["file"] == str(tmp_path)
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO('unit_code,procedure_code,month,count\n"U,P\n'))
    assert caught.value.context["file"] == "<stream>"


def test_dossier_counts_records() -> None:
    rows = dossier_counts(
        [
            {"unit_code": "U", "procedure_code": "P", "month": D(2026, 1, 15), "count": 2},
            DossierCount("U", "P", Month(2026, 2), 3),
        ]
    )
    assert [r.month for r in rows] == [Month(2026, 1), Month(2026, 2)]
    with pytest.raises(InputTypeError):
        dossier_counts("unit_code,procedure_code")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        dossier_counts({"unit_code": "U"})  # type: ignore[arg-type]
    with pytest.raises(DataFileError) as caught:
        dossier_counts(
            [{"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1}, 5]
        )  # type: ignore[list-item]
    assert (caught.value.context["file"], caught.value.context["row"]) == ("<records>", 2)
    bad_records = [
        ({"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1.5}, "count"),
        ({"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": True}, "count"),
        ({"unit_code": 7, "procedure_code": "P", "month": "2026-01", "count": 1}, "unit_code"),
        (
            {"unit_code": "U", "procedure_code": "P", "month": dt.datetime(2026, 1, 1), "count": 1},
            "month",
        ),
        ({"unit_code": "U", "procedure_code": "P", "month": "2026-01"}, "count"),
        ({"unit_code": "U", "procedure_code": "P", "month": 202601, "count": 1}, "month"),
    ]
    for record, field in bad_records:
        with pytest.raises(DataFileError) as caught:
            dossier_counts([record])
        assert caught.value.context["field"] == field
    for kwargs in (
        {"unit_code": ""},
        {"month": "2026-01"},
        {"count": -1},
        {"in_person": 5},
        {"field": None},
    ):
        base: dict[str, Any] = {
            "unit_code": "U",
            "procedure_code": "P",
            "month": Month(2026, 1),
            "count": 1,
        }
        base.update(kwargs)
        with pytest.raises(InputTypeError):
            DossierCount(**base)
