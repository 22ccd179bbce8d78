"""Dossier-count records given as Python values: every answer and refusal in full (issue 17)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc.errors import DataFileError, InputTypeError
from tthc.staffing import DossierCount, Month, dossier_counts

BASE = {"unit_code": "U", "procedure_code": "P", "month": "2026-01", "count": 1}
JAN = Month(2026, 1)

ROW_ERRORS: list[tuple[dict[str, Any], str, str]] = [
    ({"unit_code": None}, "unit_code", "the value is missing"),
    ({"unit_code": " "}, "unit_code", "the value is missing"),
    ({"procedure_code": ""}, "procedure_code", "the value is missing"),
    ({"month": None}, "month", "the value is missing"),
    ({"count": " "}, "count", "the value is missing"),
    ({"count": None}, "count", "the value is missing"),
    ({"unit_name": 5}, "unit_name", "expected text, got int"),
    ({"unit_kind": b"x"}, "unit_kind", "expected text, got bytes"),
    ({"field": 1.5}, "field", "expected text, got float"),
    ({"unit_code": 5}, "unit_code", "expected text, got int"),
    ({"month": dt.datetime(2026, 1, 1)}, "month", "expected a month, got a datetime"),
    ({"month": 202601}, "month", "expected text, got int"),
    ({"month": " 2026-13 "}, "month", "'2026-13' is not a month (write YYYY-MM)"),
    ({"count": "12345678901"}, "count", "more than 1,000,000,000 dossiers"),
    ({"count": 10**9 + 1}, "count", "more than 1,000,000,000 dossiers"),
    ({"count": -1}, "count", "'-1' is not a whole number of dossiers (0 or more)"),
    ({"count": 1.0}, "count", "'1.0' is not a whole number of dossiers (0 or more)"),
    ({"count": True}, "count", "'True' is not a whole number of dossiers (0 or more)"),
    ({"count": "1.5"}, "count", "'1.5' is not a whole number of dossiers (0 or more)"),
    ({"count": "x" * 50}, "count", f"{'x' * 40!r} is not a whole number of dossiers (0 or more)"),
    ({"in_person": 2}, "in_person", "2 in person is more than the count 1"),
    ({"in_person": -1}, "in_person", "'-1' is not a whole number of dossiers (0 or more)"),
    ({"in_person": "12345678901"}, "in_person", "more than 1,000,000,000 dossiers"),
]


@pytest.mark.parametrize(("change", "field", "words"), ROW_ERRORS)
def test_row_refusal(change: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(DataFileError) as caught:
        dossier_counts([BASE, {**BASE, **change}])
    assert (
        caught.value.message
        == f"Tệp dữ liệu (data file) <records>, row 2, field {field!r}: {words}"
    )
    assert dict(caught.value.context) == {"file": "<records>", "row": 2, "field": field}


def test_records_read() -> None:
    given = DossierCount("U", "P", JAN, 3)
    assert dossier_counts(
        [
            given,
            {**BASE, "month": dt.date(2026, 1, 31)},
            {**BASE, "month": " 01/2026 ", "count": " 7 ", "in_person": ""},
            {**BASE, "month": JAN, "count": 10**9, "in_person": "1000000000"},
            {
                **BASE,
                "unit_code": " U ",
                "count": "0",
                "unit_kind": " xã ",
                "unit_name": " Xã A",
                "field": "hộ tịch ",
                "in_person": 0,
            },
        ]
    ) == (
        given,
        DossierCount("U", "P", JAN, 1),
        DossierCount("U", "P", JAN, 7),
        DossierCount("U", "P", JAN, 10**9, in_person=10**9),
        DossierCount("U", "P", JAN, 0, "Xã A", "xã", "hộ tịch", 0),
    )
    assert dossier_counts([]) == ()
    assert dossier_counts(iter([BASE])) == (DossierCount("U", "P", JAN, 1),)


def test_records_refused() -> None:
    with pytest.raises(DataFileError) as caught:
        dossier_counts([BASE, 5])  # type: ignore[list-item]
    assert caught.value.message == (
        "Số liệu hồ sơ (dossier counts): record 2 is a int, expected a mapping or DossierCount"
    )
    assert dict(caught.value.context) == {"file": "<records>", "row": 2}
    for bad in ("abc", b"abc", {"a": 1}, 5):
        with pytest.raises(InputTypeError) as refused:
            dossier_counts(bad)  # type: ignore[arg-type]
        assert refused.value.message == (
            f"Số liệu hồ sơ (dossier counts): pass an iterable of records, got {type(bad).__name__}"
        )
        assert dict(refused.value.context) == {"argument": "records"}
