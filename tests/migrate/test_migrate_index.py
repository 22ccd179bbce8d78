"""The name indexes: built from tthc.units (with units.districts), keyed by name and era."""

from __future__ import annotations

import datetime as dt

from tthc import units
from tthc.migrate._address import read_part
from tthc.migrate._index import indexes

BEFORE = dt.date(2025, 6, 30)


def test_units_districts_by_date_and_province() -> None:
    assert len(units.districts(on=BEFORE)) == 696
    assert units.districts() == ()  # the district level ended on 1/7/2025
    can_tho = units.districts("92", on=BEFORE)
    assert [d.full_name for d in can_tho][:2] == ["Quận Ninh Kiều", "Quận Ô Môn"]
    assert {d.province_code for d in units.districts("Sóc Trăng", on=BEFORE)} == {"94"}


def test_indexes_hold_both_eras_and_the_districts_without_communes() -> None:
    ix = indexes(dt.date(2025, 7, 1))
    # Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo: each became a đặc khu
    assert ix.commune_less == frozenset({"318", "471", "498", "536", "755"})
    assert ix.new_province_of["94"] == "92"
    assert ix.new_province_of["93"] == "92"
    assert "ba ria - vung tau" in ix.joined
    assert [
        u.code for u in ix.old_communes.find(read_part("Phường Tân An"), parents=frozenset({"916"}))
    ] == ["31135"]
    assert [
        u.code
        for u in ix.new_communes.find(read_part("Phường Tân An"), provinces=frozenset({"92"}))
    ] == ["31147"]
    assert ix.old_districts.find(read_part("Q. Ninh Kiều"))[0].code == "916"
    assert ix.aliases(read_part("TP.HCM")) == frozenset({"79"})
    assert ix.aliases(read_part("Cần Thơ")) == frozenset()
