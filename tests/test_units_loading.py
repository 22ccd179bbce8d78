"""tthc.units reading its bundled tables: each row helper on good and bad rows, and the whole
registry read afresh and compared with the CSV files it comes from.

The tables are read once per process (``functools.cache``); mutation testing forks each mutant
from a process that has read them already, so these tests call the row helpers directly and read
the tables again after clearing the caches (issue 17 item 5). Facts: QĐ 19/2025/QĐ-TTg (codes),
Nghị quyết 202/2025/QH15 (34 provinces), Nghị quyết 1654–1687/NQ-UBTVQH15 of 16/6/2025 (one per
province, "Điều 1, khoản N" per commune), effective 1/7/2025; pre-reform units end on 30/6/2025.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from tthc import units as tu
from tthc._data import bundled_csv
from tthc.errors import DataFileError
from tthc.legal import Validity, document
from tthc.units import AdministrativeUnit, UnitKind, UnitLevel

REFORM = dt.date(2025, 7, 1)
BEFORE = dt.date(2025, 6, 30)
_CACHED = (
    "_abbreviations",
    "_meta",
    "_ref",
    "_resolutions",
    "_resolution_ref",
    "_new_units",
    "_legacy_units",
    "_name_index",
    "_succession",
)


@pytest.fixture
def afresh() -> None:
    """Forget the tables read so far, so that the test reads them again."""
    for name in _CACHED:
        getattr(tu, name).cache_clear()


# --- one row at a time -------------------------------------------------------------------------


def test_validity_of_a_row() -> None:
    both = tu._validity({"valid_from": "2025-07-01", "valid_to": "2026-04-29"}, "x.csv", 7)
    assert (both.start, both.end) == (REFORM, dt.date(2026, 4, 29))
    assert tu._validity({"valid_from": "", "valid_to": ""}, "x.csv", 7) == Validity(None, None)
    assert tu._validity({}, "x.csv", 7) == Validity(None, None)
    assert tu._validity({"valid_to": "2025-06-30"}, "x.csv", 7) == Validity(None, BEFORE)


@pytest.mark.parametrize(
    "row", [{"valid_from": "1/7/2025"}, {"valid_from": "2025-07-01", "valid_to": "2025-02-30"}]
)
def test_a_bad_date_on_a_row(row: dict[str, str]) -> None:
    with pytest.raises(DataFileError) as err:
        tu._validity(row, "communes_2025.csv", 12)
    assert type(err.value) is DataFileError
    assert err.value.message == "Tệp dữ liệu (data file) communes_2025.csv: bad date on row 12"
    assert dict(err.value.context) == {"file": "communes_2025.csv", "row": 12}
    assert err.value.__cause__ is None
    assert err.value.__suppress_context__


def test_kind_of_a_row() -> None:
    assert tu._kind("đặc khu", "x.csv", 3) is UnitKind.SPECIAL_ZONE
    with pytest.raises(DataFileError) as err:
        tu._kind("huyen", "legacy_units_2024.csv", 40)
    assert err.value.message == (
        "Tệp dữ liệu (data file) legacy_units_2024.csv: unknown kind 'huyen' on row 40"
    )
    assert dict(err.value.context) == {"file": "legacy_units_2024.csv", "row": 40, "field": "kind"}
    assert err.value.__cause__ is None
    assert err.value.__suppress_context__


def test_registry_keeps_the_order_and_indexes_by_code() -> None:
    a, b = tu.unit("31135"), tu.unit("92")
    registry = tu._registry(iter([a, b]))
    assert registry.ordered == (a, b)
    assert dict(registry.by_code) == {"31135": a, "92": b}


def test_read_csv_reads_the_units_folder() -> None:
    rows = tu._read_csv("provinces_2025.csv")
    assert len(rows) == 34
    assert rows[0] == {
        "code": "01",
        "name": "Thành phố Hà Nội",
        "short_name": "Hà Nội",
        "kind": "thành phố trực thuộc trung ương",
        "valid_from": "2025-07-01",
        "valid_to": "",
        "doc": "202-2025-qh15",
    }


# --- the whole registry, read again -------------------------------------------------------------


def _series_ref(resolution: str, clause: str) -> object:
    # NQ 1654–1687/NQ-UBTVQH15: the registry's series, with the province's number and the clause.
    series = document("1654-1687-nq-ubtvqh15")
    return attrs.evolve(
        series, document=f"{resolution}/NQ-UBTVQH15", article=f"Điều 1, khoản {clause}"
    )


def test_the_2025_units_are_the_rows_of_the_csv_files(afresh: None) -> None:
    expected = [
        AdministrativeUnit(
            code=row["code"],
            full_name=row["name"],
            kind=UnitKind(row["kind"]),
            province_code=row["code"],
            parent_code=None,
            validity=Validity(REFORM, None),
            legal_basis=document("202-2025-qh15"),
        )
        for row in bundled_csv("units/provinces_2025.csv")
    ] + [
        AdministrativeUnit(
            code=row["code"],
            full_name=row["name"],
            kind=UnitKind(row["kind"]),
            province_code=row["province_code"],
            parent_code=row["province_code"],
            validity=Validity(REFORM, None),
            legal_basis=_series_ref(row["resolution"], row["clause"]),  # type: ignore[arg-type]
        )
        for row in bundled_csv("units/communes_2025.csv")
    ]
    registry = tu._new_units()
    assert list(registry.ordered) == expected
    assert len(expected) == 34 + 3321
    assert dict(registry.by_code) == {u.code: u for u in expected}


def test_the_pre_reform_units_are_the_rows_of_the_csv_file(afresh: None) -> None:
    rows = bundled_csv("units/legacy_units_2024.csv")
    parent = {row["code"]: row["parent_code"] for row in rows}
    province = {
        "province": "code",  # a province is its own
        "district": "parent_code",  # a district's parent is its province
        "commune": "",  # a commune's parent is a district
    }
    expected = [
        AdministrativeUnit(
            code=row["code"],
            full_name=row["name"],
            kind=UnitKind(row["kind"]),
            province_code=(
                row[province[row["level"]]]
                if province[row["level"]]
                else parent[row["parent_code"]]
            ),
            parent_code=row["parent_code"] or None,
            validity=Validity(None, BEFORE),
            legacy=True,
        )
        for row in rows
    ]
    registry = tu._legacy_units()
    assert list(registry.ordered) == expected
    assert len(expected) == 63 + 696 + 10035
    assert dict(registry.by_code) == {u.code: u for u in expected}
    assert all(u.level.value == row["level"] for u, row in zip(expected, rows, strict=True))


def test_the_succession_is_the_rows_of_the_csv_file(afresh: None) -> None:
    rows = bundled_csv("units/succession_2025.csv")
    table = tu._succession()
    pairs = [s for found in table.by_old.values() for s in found]

    def key(s: tu.Succession) -> tuple[str, ...]:
        return (s.old.code, s.new.code, s.share, s.legal_basis.document, s.legal_basis.article)

    assert sorted(map(key, pairs)) == sorted(
        (
            row["old_code"],
            row["new_code"],
            row["share"],
            f"{row['resolution']}/NQ-UBTVQH15",
            f"Điều 1, khoản {row['clause']}",
        )
        for row in rows
    )
    assert all(
        s.legal_basis
        == _series_ref(
            s.legal_basis.document.partition("/")[0], s.legal_basis.article.rpartition(" ")[2]
        )
        for s in pairs
    )
    assert all(s.effective == REFORM and s.old.legacy and not s.new.legacy for s in pairs)
    assert all(code == s.old.code for code, found in table.by_old.items() for s in found)
    assert all(code == s.new.code for code, found in table.by_new.items() for s in found)
    # by_new: the same rows by new code, then the provinces (below) by new province code.
    assert sorted(
        (s.new.code, s.old.code)
        for found in table.by_new.values()
        for s in found
        if s.new.level is UnitLevel.COMMUNE
    ) == sorted((row["new_code"], row["old_code"]) for row in rows)
    # Nghị quyết 202/2025/QH15: the 63 provinces went, whole, into the 34.
    assert len(table.by_old_province) == 63
    for old_code, (merged,) in table.by_old_province.items():
        assert (merged.old.code, merged.whole, merged.effective) == (old_code, True, REFORM)
        assert (merged.old.legacy, merged.old.level) == (True, UnitLevel.PROVINCE)
        assert (merged.new.legacy, merged.new.level) == (False, UnitLevel.PROVINCE)
        assert merged.legal_basis == document("202-2025-qh15")
    assert {new.new.code for (new,) in table.by_old_province.values()} == {
        p.code for p in tu.provinces()
    }
    assert {
        code: [s.old.code for s in found]
        for code, found in table.by_new.items()
        if len(code) == 2  # 2-digit codes are provinces (QĐ 19/2025/QĐ-TTg)
    } == {
        new: sorted(old for old, (s,) in table.by_old_province.items() if s.new.code == new)
        for new in sorted({s.new.code for (s,) in table.by_old_province.values()})
    }
