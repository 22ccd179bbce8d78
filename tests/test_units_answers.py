"""tthc.units answers, field by field: districts, dates given to every lookup, provinces of the
other era, "did you mean" within a province, predecessors of a province, names without kind.

Facts: Nghị quyết 202/2025/QH15 (34 provinces from 63: Cần Thơ 92 took in Hậu Giang 93 and Sóc
Trăng 94), Luật 72/2025/QH15 Điều 51 khoản 3 (no district level from 1/7/2025), the pre-reform
list of 30/6/2025 (696 districts: 49 quận, 508 huyện, 52 thị xã, 86 thành phố thuộc tỉnh and
Thủ Đức, thành phố thuộc thành phố trực thuộc trung ương), QĐ 19/2025/QĐ-TTg (codes).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tthc import units as tu
from tthc.errors import InputTypeError, UnitNotInForce, UnknownUnit
from tthc.legal import Validity, document
from tthc.units import AdministrativeUnit, UnitKind

REFORM = dt.date(2025, 7, 1)
BEFORE = dt.date(2025, 6, 30)


# --- districts (cấp huyện) ----------------------------------------------------------------------


def test_no_districts_from_the_reform() -> None:
    assert tu.districts() == ()
    assert tu.districts(on=REFORM) == ()
    assert tu.districts("92") == ()


def test_696_districts_before_the_reform() -> None:
    before = tu.districts(on=BEFORE)
    assert Counter(u.kind for u in before) == {
        UnitKind.RURAL_DISTRICT: 508,
        UnitKind.PROVINCIAL_CITY: 86,
        UnitKind.TOWN: 52,
        UnitKind.URBAN_DISTRICT: 49,
        UnitKind.MUNICIPAL_CITY: 1,  # Thành phố Thủ Đức (Hồ Chí Minh)
    }
    assert all(u.legacy and u.validity == Validity(None, BEFORE) for u in before)


def test_the_districts_of_can_tho_before_the_reform() -> None:
    # Cần Thơ (92) until 30/6/2025: 5 quận and 4 huyện.
    expected = [
        ("916", "Quận Ninh Kiều"),
        ("917", "Quận Ô Môn"),
        ("918", "Quận Bình Thuỷ"),
        ("919", "Quận Cái Răng"),
        ("923", "Quận Thốt Nốt"),
        ("924", "Huyện Vĩnh Thạnh"),
        ("925", "Huyện Cờ Đỏ"),
        ("926", "Huyện Phong Điền"),
        ("927", "Huyện Thới Lai"),
    ]
    for province in ("92", "Cần Thơ", tu.unit("92", on=BEFORE)):
        found = tu.districts(province, on=BEFORE)
        assert [(u.code, u.full_name) for u in found] == expected
        assert {(u.province_code, u.parent_code) for u in found} == {("92", "92")}
    # Hậu Giang (93), merged into Cần Thơ on 1/7/2025: its 8 districts of 30/6/2025.
    assert [u.code for u in tu.districts("93", on=BEFORE)] == [str(c) for c in range(930, 938)]
    assert tu.districts("Hậu Giang", on=BEFORE) == tu.districts("93", on=BEFORE)


# --- a date given as something else ---------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda on: tu.unit("31135", on=on),
        lambda on: tu.unit("31135").in_force(on),
        lambda on: tu.require_in_force(tu.unit("31135"), on),
        lambda on: tu.provinces(on=on),
        lambda on: tu.communes(on=on),
        lambda on: tu.districts(on=on),
        lambda on: tu.find_units("Ninh Kiều", on=on),
        lambda on: tu.unit_by_name("Ninh Kiều", on=on),
        lambda on: tu.suggest_units("Ninh Kiều", on=on),
        lambda on: tu.find_units("Ninh Kiều", "Cần Thơ", on=on),
    ],
)
def test_every_date_is_checked_as_on(call: Callable[[Any], object]) -> None:
    with pytest.raises(InputTypeError) as err:
        call("2025-07-01")
    assert err.value.message == "Ngày (date): on must be a datetime.date, got str"
    assert dict(err.value.context) == {"argument": "on", "got": "str"}
    with pytest.raises(InputTypeError) as err:
        call(dt.datetime(2025, 7, 1, 8, 0))
    assert dict(err.value.context) == {"argument": "on", "got": "datetime"}


# --- a province of the other era -----------------------------------------------------------------


def test_a_pre_reform_province_by_code_on_a_pre_reform_date() -> None:
    # Hậu Giang (93) until 30/6/2025: xã Vị Thanh (31465) and thành phố Vị Thanh (930).
    assert [u.code for u in tu.find_units("Vị Thanh", "93", on=BEFORE)] == ["31465", "930"]
    assert [u.code for u in tu.find_units("Vị Thanh", "Hậu Giang", on=BEFORE)] == ["31465", "930"]
    assert [u.code for u in tu.suggest_units("Vi Than", "93", on=BEFORE)] == [
        "31465",
        "930",
        "31450",  # Xã Vị Thắng
    ]
    assert tu.unit_by_name("Xã Vị Thanh", "93", on=BEFORE).code == "31465"


def test_no_unit_named_on_a_pre_reform_date_in_a_province() -> None:
    # Quận Ninh Kiều was in Cần Thơ, not in Hà Nội (01): on 30/6/2025 the name is not "pre-reform"
    # (it is of the date asked), it is just not in Hà Nội, and nothing close is there.
    with pytest.raises(UnknownUnit) as err:
        tu.unit_by_name("Quận Ninh Kiều", "01", on=BEFORE)
    assert (err.value.message, err.value.hint, dict(err.value.context)) == (
        "Đơn vị hành chính (administrative unit): no unit named 'Quận Ninh Kiều' in 01",
        "check the spelling, or pass province= (a code such as '92' or a name)",
        {"name": "Quận Ninh Kiều", "pre_reform": False, "suggestions": ()},
    )


def test_no_unit_named_in_a_province_suggests_only_from_it() -> None:
    # Phường Ninh Kiều (31135) is in Cần Thơ: not suggested for Hà Nội.
    with pytest.raises(UnknownUnit) as err:
        tu.unit_by_name("Nin Kieu", tu.unit("01"))
    assert (err.value.message, err.value.hint, dict(err.value.context)) == (
        "Đơn vị hành chính (administrative unit): no unit named 'Nin Kieu' in "
        "Thành phố Hà Nội (01)",
        "check the spelling, or pass province= (a code such as '92' or a name)",
        {"name": "Nin Kieu", "pre_reform": False, "suggestions": ()},
    )


# --- "did you mean" ------------------------------------------------------------------------------


def test_suggestions_within_a_province_look_at_its_names() -> None:
    # Phú Thọ (25): xã Tam Nông (08434) is close to "An Nong"; Bắc Ninh (24): phường Thuận Thành
    # (09400) and Tân An (07682) to "Tan Thanh". The close names of the other provinces (15
    # communes are called Tân Thành, Tân Thanh or Tân Thạnh) do not crowd them out.
    assert [u.code for u in tu.suggest_units("An Nong", "25")] == ["08434"]
    assert [u.code for u in tu.suggest_units("Tan Thanh", "24", limit=5)] == ["09400", "07682"]
    # Đồng Tháp (82): three close names, the third (xã Tân Hòa) was crowded out before.
    with pytest.raises(UnknownUnit) as err:
        tu.unit_by_name("Tan Than", "82")
    assert err.value.hint == (
        "did you mean Xã Tân Thành (29938), Xã Tân Thạnh (30157), Xã Tân Hòa (28702)?"
    )
    assert err.value.context["suggestions"] == ("29938", "30157", "28702")


def test_a_province_is_found_within_itself() -> None:
    # find_units(name, province) keeps the units of the province and the province itself.
    assert tu.find_units("Thành phố Cần Thơ", "92") == (tu.unit("92"),)
    assert tu.find_units("Cần Thơ", "Cần Thơ") == (tu.unit("92"),)
    assert tu.find_units("Cần Thơ", "01") == ()
    # "Tan Hoa" is close to Thanh Hóa (38), the province itself.
    assert [u.code for u in tu.suggest_units("Tan Hoa", "38", limit=1)] == ["38"]


def test_suggestions_closest_first_then_by_code() -> None:
    # "tan thanh" names 15 communes of 2025 (QĐ 19/2025/QĐ-TTg), the first five by code.
    assert [u.code for u in tu.suggest_units("Tan Thanh", limit=5)] == [
        "02578",
        "05923",
        "06445",
        "13474",
        "15661",
    ]
    assert [u.code for u in tu.suggest_units("Tan Thanh", limit=1)] == ["02578"]
    # A unit under both of its keys ("xa tan thanh" and "tan thanh") is suggested once: the 15
    # exact ones first, then the next closest names.
    found = tu.suggest_units("Xã Tân Thành", limit=20)
    assert len({u.code for u in found}) == len(found) == 20
    assert [u.code for u in found[:15]] == [u.code for u in tu.find_units("Tan Thanh")]
    assert [u.code for u in found[15:]] == ["29593", "10792", "31615", "09400", "27013"]


def test_suggestions_before_the_reform() -> None:
    # 30/6/2025: quận Ninh Kiều (916); no 2025 unit is suggested.
    assert [u.code for u in tu.suggest_units("Nin Kieu", "92", on=BEFORE)] == ["916"]
    assert all(u.legacy for u in tu.suggest_units("Nin Kieu", on=BEFORE))


# --- units of a date, with a unit that ceased ---------------------------------------------------


def _ceased() -> AdministrativeUnit:
    # A 2025 commune that ceased (as by a later resolution): in force 1/7/2025–31/12/2025 only.
    return AdministrativeUnit(
        code="99001",
        full_name="Xã Thử Nghiệm",
        kind=UnitKind.COMMUNE,
        province_code="92",
        parent_code="92",
        validity=Validity(REFORM, dt.date(2025, 12, 31)),
    )


def test_name_lookups_keep_only_the_units_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    gone = _ceased()
    index = {"thu nghiem": (gone,), "xa thu nghiem": (gone,)}
    monkeypatch.setattr(tu, "_name_index", lambda era: index)
    assert tu.find_units("Thử Nghiệm", on=dt.date(2025, 12, 31)) == (gone,)
    assert tu.find_units("Thử Nghiệm", on=dt.date(2026, 1, 1)) == ()
    assert tu.find_units("Thử Nghiệm") == (gone,)  # no date: the 2025 registry as it is
    assert tu.suggest_units("Thu Nghiem", on=dt.date(2025, 12, 31)) == (gone,)
    assert tu.suggest_units("Thu Nghiem", on=dt.date(2026, 1, 1)) == ()


def test_a_unit_not_in_force_with_an_open_bound() -> None:
    # A pre-reform unit built by the caller with a start and no end: before its start, the hint
    # still points to successors and prints the open end as "…".
    early = AdministrativeUnit(
        code="99002",
        full_name="Xã Thử Nghiệm",
        kind=UnitKind.COMMUNE,
        province_code="92",
        parent_code="916",
        validity=Validity(dt.date(2020, 1, 1), None),
        legacy=True,
    )
    with pytest.raises(UnitNotInForce) as err:
        tu.require_in_force(early, dt.date(2019, 12, 31))
    assert err.value.hint == "after … use tthc.units.successors('99002')"


# --- succession of provinces (NQ 202/2025/QH15) ---------------------------------------------------


def test_predecessors_of_a_province() -> None:
    # Cần Thơ (92) = Cần Thơ + Hậu Giang (93) + Sóc Trăng (94), whole, from 1/7/2025.
    found = tu.predecessors("92")
    assert [(s.old.code, s.old.full_name, s.new.code, s.whole) for s in found] == [
        ("92", "Thành phố Cần Thơ", "92", True),
        ("93", "Tỉnh Hậu Giang", "92", True),
        ("94", "Tỉnh Sóc Trăng", "92", True),
    ]
    assert {(s.legal_basis, s.effective) for s in found} == {(document("202-2025-qh15"), REFORM)}
    # The inverse of successors for every province.
    for new in tu.provinces():
        assert all(tu.successors(s.old.code) == (s,) for s in tu.predecessors(new.code))
    assert sum(len(tu.predecessors(p.code)) for p in tu.provinces()) == 63


# --- names -------------------------------------------------------------------------------------


def test_the_name_is_the_full_name_without_its_kind() -> None:
    # Pre-reform wards with a one-character name ("Phường 1"): the name is "1".
    ward = tu.find_units("Phường 1", on=BEFORE)[0]
    assert (ward.full_name, ward.name, ward.label) == ("Phường 1", "1", "phường 1")
    assert tu.unit("92").name == "Cần Thơ"
    assert tu.unit("92").label == "thành phố Cần Thơ"
    # A kind with nothing after it is kept whole (no empty name).
    bare = AdministrativeUnit(
        code="99003",
        full_name="Xã ",
        kind=UnitKind.COMMUNE,
        province_code="92",
        parent_code="92",
        validity=Validity(REFORM, None),
    )
    assert bare.name == "Xã "


@pytest.mark.parametrize("query", ["đk Phú Quốc", "Đk phú quốc", "đK. Phu Quoc", "ĐK Phú Quốc"])
def test_the_special_zone_abbreviation_in_any_case(query: str) -> None:
    # Đặc khu Phú Quốc (31078), NQ 1667/NQ-UBTVQH15 (An Giang).
    assert [u.code for u in tu.find_units(query)] == ["31078"]
    assert tu.normalize_name(query) == "phu quoc"
