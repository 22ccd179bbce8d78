"""The result classes refuse shapes that would hide a choice; the data file is checked on load."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from tthc import units
from tthc.errors import DataFileError, InputTypeError, UnknownUnit
from tthc.migrate import (
    Conversion,
    MigrationStatus,
    OldPlace,
    _address,
    convert_address,
    migration_report,
)
from tthc.migrate._address import read_part
from tthc.migrate._index import indexes


def test_a_split_cannot_pose_as_whole_nor_whole_as_already_new() -> None:
    split = convert_address("Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội")
    with pytest.raises(InputTypeError):
        attrs.evolve(split, status=MigrationStatus.WHOLE)
    with pytest.raises(InputTypeError):
        attrs.evolve(split, status=MigrationStatus.AMBIGUOUS)
    with pytest.raises(InputTypeError):
        attrs.evolve(split, new=list(split.new))
    whole = convert_address("P. Tân An, Q. Ninh Kiều, TP Cần Thơ")
    with pytest.raises(InputTypeError):
        attrs.evolve(whole, status=MigrationStatus.ALREADY_NEW)
    with pytest.raises(InputTypeError):
        OldPlace(province="92", district=None, commune=None)  # type: ignore[arg-type]


def test_explain_of_an_already_new_address() -> None:
    found = convert_address("Phường Ninh Kiều, Thành phố Cần Thơ")
    assert isinstance(found, Conversion)
    assert found.explain().splitlines() == [
        "Địa chỉ / mã (record): 'Phường Ninh Kiều, Thành phố Cần Thơ'",
        "Kết quả (status): đã theo đơn vị mới (already new: a 2025 unit)",
        "  → Phường Ninh Kiều (31135) — khoản 1 Điều 1, Nghị quyết 1668/NQ-UBTVQH15 "
        "(Ủy ban Thường vụ Quốc hội, 16/06/2025)",
    ]
    place = convert_address("Huyện Côn Đảo, Bà Rịa - Vũng Tàu").old
    assert place is not None
    assert (place.unit.code, str(place)) == ("755", "Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu")


def test_a_province_alone_names_no_commune() -> None:
    with pytest.raises(UnknownUnit):
        convert_address("Thành phố Cần Thơ")


def test_the_accents_decide_only_when_one_name_matches_them() -> None:
    index = indexes(dt.date(2025, 7, 1)).old_communes
    both = units.find_units("Tân An", on=dt.date(2025, 6, 30))
    twins = tuple(u for u in both if u.code in ("31135", "32245"))  # Tân An, Tân Ân
    assert index.narrow(twins, read_part("Tân Ân")) == twins[1:]
    assert index.narrow(twins, read_part("Tàn An")) == twins  # neither: both stay
    assert index.narrow(twins, read_part("Tan An")) == twins  # no accents: both stay


def test_a_missing_value_in_the_summary() -> None:
    text = migration_report([None, "P. Tân An, Q. Ninh Kiều, TP Cần Thơ"]).summary()
    assert "dòng / row 1: '' → không tìm thấy (unknown): Giá trị trống (missing value)" in text


def test_a_malformed_forms_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_address, "bundled_json", lambda _name: {"kinds": {}})
    with pytest.raises(DataFileError) as caught:
        _address.forms.__wrapped__()
    assert caught.value.context["file"] == "migrate/address_forms.json"
