"""The dossier-count CSV reader in full: header refusals and the fast path (issue 17, item 5).

The fast path must take the common rows (a row it declines goes through the slow path, which
gives the same record, so only calling it directly shows that it still works).
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from tthc.errors import DataFileError
from tthc.staffing import DossierCount, Month, ReformChange, read_dossier_counts, reform_changes
from tthc.staffing._reader import _fast_path, _slow_path

HEADER = ["unit_code", "procedure_code", "month", "count"]
FULL = [*HEADER, "unit_name", "unit_kind", "field", "in_person"]
JAN = Month(2026, 1)


def _refused(text: str, message: str, hint: str | None = None, **context: object) -> None:
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.StringIO(text))
    assert (caught.value.message, caught.value.hint) == (
        f"Tệp dữ liệu (data file) <stream>{message}",
        hint,
    )
    assert dict(caught.value.context) == {"file": "<stream>", **context}


def test_header_refusals() -> None:
    _refused("", " is empty; expected a header row", row=1)
    _refused(
        "unit_code,procedure_code,month,count, COUNT \n",
        ": column 'count' appears twice in the header",
        row=1,
        field="count",
    )
    _refused(
        "unit_code,procedure_code,month\n",
        ": the header has no column 'count'",
        "required columns: unit_code, procedure_code, month, count",
        row=1,
        field="count",
    )
    _refused("unit_code,procedure_code,month,count\n\n,,,\n", " has no data rows", row=2)
    _refused(
        "unit_code,procedure_code,month,count\nU,P,2026-01\n",
        ", row 2: 3 fields, the header has 4",
        row=2,
    )
    # Two empty extra columns are allowed: blank names do not count as duplicates.
    rows = read_dossier_counts(
        io.StringIO("unit_code,procedure_code,month,count,,\nU,P,2026-01,1,,\n")
    )
    assert rows == (DossierCount("U", "P", JAN, 1),)


def test_fast_path_takes_the_common_rows() -> None:
    fast = _fast_path(HEADER, "f.csv")
    assert fast(["U", "P", "2026-01", "10"]) == DossierCount("U", "P", JAN, 10)
    assert fast(["U", "P", "2026-01", "11"]) == DossierCount("U", "P", JAN, 11)  # cached month
    assert fast([" U ", "P", " 01/2026", "0"]) == DossierCount("U", "P", JAN, 0)
    assert fast(["U", "P", "2026-01", "1000000000"]) == DossierCount("U", "P", JAN, 10**9)
    full = _fast_path(FULL, "f.csv")
    assert full(["U", "P", "2026-02", "5", " Xã A ", "xã", "hộ tịch", "5"]) == DossierCount(
        "U", "P", Month(2026, 2), 5, "Xã A", "xã", "hộ tịch", 5
    )
    assert full(["U", "P", "2026-02", "5", "", "", "", "1000000000"]) is None
    assert full(["U", "P", "2026-02", "1000000000", "", "", "", "1000000000"]) == DossierCount(
        "U", "P", Month(2026, 2), 10**9, in_person=10**9
    )
    assert full(["U", "P", "2026-02", "5", "", "", "", ""]) == DossierCount(
        "U", "P", Month(2026, 2), 5
    )
    for declined in (
        ["", "P", "2026-01", "1"],
        ["U", "", "2026-01", "1"],
        ["U", "P", "2026-13", "1"],
        ["U", "P", "2026-01", "1000000001"],
        ["U", "P", "2026-01", "01000000000"],
        ["U", "P", "2026-01", "١"],
        ["U", "P", "2026-01", "-1"],
    ):
        assert fast(declined) is None, declined
    for declined in (
        ["U", "P", "2026-01", "2", "", "", "", "3"],
        ["U", "P", "2026-01", "2", "", "", "", "x"],
    ):
        assert full(declined) is None, declined


def test_slow_path_of_a_blank_row_and_of_a_record() -> None:
    assert _slow_path(HEADER, ["", " ", "", ""], "f.csv", 3) is None
    assert _slow_path(HEADER, [" U", "P", "2026-01", " 7 "], "f.csv", 3) == DossierCount(
        "U", "P", JAN, 7
    )


def test_new_units_rank_by_their_volume_after() -> None:
    records = [
        {"unit_code": "A", "procedure_code": "P", "month": "2025-06", "count": 0},
        {"unit_code": "A", "procedure_code": "P", "month": "2025-07", "count": 3},
        {"unit_code": "B", "procedure_code": "P", "month": "2025-07", "count": 9},
        {"unit_code": "C", "procedure_code": "P", "month": "2025-07", "count": 0},
        {"unit_code": "D", "procedure_code": "P", "month": "2025-06", "count": 10},
        {"unit_code": "D", "procedure_code": "P", "month": "2025-07", "count": 11},
    ]
    changes = reform_changes(records)
    assert [(c.unit_code, c.percent) for c in changes] == [
        ("B", "mới / new"),
        ("A", "mới / new"),
        ("D", "+10,0 %"),
        ("C", "0"),
    ]
    assert changes[0] == ReformChange("B", "", 1, 1, 0, 9, Decimal("0.00"), Decimal("9.00"), None)
