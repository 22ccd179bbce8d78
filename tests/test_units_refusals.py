"""tthc.units refusals, word for word: the error class and code, the message (Vietnamese term and
English meaning), the hint and every field of the context.

A caller branches on the code, logs the context and shows the hint (tthc.errors); each of them is
pinned here. Facts: QĐ 19/2025/QĐ-TTg (codes), Nghị quyết 1656/NQ-UBTVQH15 Điều 1 khoản 14
(Phường Phúc Xá 00001 → Phường Hồng Hà 00097), NQ 1668/NQ-UBTVQH15 Điều 1 khoản 1 (Phường Ninh
Kiều 31135 of Cần Thơ 92, from three wards of quận Ninh Kiều 916), NQ 1669/NQ-UBTVQH15 (Đặc khu
Bạch Long Vĩ 11948), all effective 1/7/2025; the pre-reform units end on 30/6/2025.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tthc import units as tu
from tthc.errors import (
    AmbiguousUnitName,
    InputTypeError,
    TthcError,
    UnitNotInForce,
    UnknownUnit,
)

REFORM = dt.date(2025, 7, 1)
BEFORE = dt.date(2025, 6, 30)

_CODE_HINT = "2025 codes (QĐ 19/2025/QĐ-TTg) have 2 digits for a province and 5 for a commune"
_OLD_CODE_HINT = "pre-reform codes have 2 (province), 3 (district) or 5 (commune) digits"


def _refusal(
    call: Callable[[], Any], kind: type[TthcError]
) -> tuple[str, str, str | None, dict[str, Any]]:
    with pytest.raises(kind) as err:
        call()
    assert type(err.value) is kind
    assert str(err.value.args[0]) == err.value.message
    return err.value.code, err.value.message, err.value.hint, dict(err.value.context)


# --- by code ------------------------------------------------------------------------------------


def test_a_pre_reform_code_without_a_date() -> None:
    # 00001 Phường Phúc Xá ceased on 30/6/2025 (NQ 1656/NQ-UBTVQH15 Điều 1 khoản 14).
    assert _refusal(lambda: tu.unit("00001"), UnitNotInForce) == (
        "unit.not_in_force",
        "Đơn vị hành chính cũ (pre-reform unit): Phường Phúc Xá (00001) ceased on 30/06/2025 "
        "and has no 2025 unit with this code",
        "use tthc.units.successors('00001') for the new unit(s), or pass on=",
        {"code": "00001", "validity": "… – 30/06/2025", "legacy": True},
    )


@pytest.mark.parametrize("on", [None, REFORM, BEFORE])
def test_no_unit_has_the_code(on: dt.date | None) -> None:
    assert _refusal(lambda: tu.unit(" 99999 ", on=on), UnknownUnit) == (
        "unit.unknown",
        "Mã đơn vị hành chính (unit code): no administrative unit has code '99999'",
        _CODE_HINT,
        {"code": "99999"},
    )


def test_a_2025_code_before_the_reform() -> None:
    # 11948 Đặc khu Bạch Long Vĩ is a 2025 code only.
    assert _refusal(lambda: tu.unit("11948", on=BEFORE), UnitNotInForce) == (
        "unit.not_in_force",
        "Đơn vị hành chính không tồn tại vào ngày này (unit not in force): Đặc khu Bạch Long Vĩ "
        "(11948) existed 01/07/2025 – …, not on 30/06/2025",
        "before 01/07/2025 use the pre-reform unit (tthc.units.legacy_unit)",
        {"code": "11948", "on": "2025-06-30", "validity": "01/07/2025 – …", "legacy": False},
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: tu.unit("00001", on=REFORM),
        lambda: tu.require_in_force(tu.legacy_unit("00001"), REFORM),
    ],
)
def test_a_pre_reform_unit_after_the_reform(call: Callable[[], Any]) -> None:
    assert _refusal(call, UnitNotInForce) == (
        "unit.not_in_force",
        "Đơn vị hành chính không tồn tại vào ngày này (unit not in force): Phường Phúc Xá "
        "(00001) existed … – 30/06/2025, not on 01/07/2025",
        "after 30/06/2025 use tthc.units.successors('00001')",
        {"code": "00001", "on": "2025-07-01", "validity": "… – 30/06/2025", "legacy": True},
    )


def test_a_2025_unit_before_the_reform() -> None:
    assert _refusal(lambda: tu.require_in_force(tu.unit("31135"), BEFORE), UnitNotInForce) == (
        "unit.not_in_force",
        "Đơn vị hành chính không tồn tại vào ngày này (unit not in force): Phường Ninh Kiều "
        "(31135) existed 01/07/2025 – …, not on 30/06/2025",
        "before 01/07/2025 use the pre-reform unit (tthc.units.legacy_unit)",
        {"code": "31135", "on": "2025-06-30", "validity": "01/07/2025 – …", "legacy": False},
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: tu.unit(""),
        lambda: tu.legacy_unit(""),
        lambda: tu.successors(""),
        lambda: tu.predecessors(""),
    ],
)
def test_an_empty_code(call: Callable[[], Any]) -> None:
    assert _refusal(call, UnknownUnit) == (
        "unit.unknown",
        "Mã đơn vị hành chính (unit code) must not be empty",
        "pass the official code, e.g. '31135'",
        {"code": ""},
    )


def test_a_blank_code_keeps_what_was_passed() -> None:
    assert _refusal(lambda: tu.unit(" \t"), UnknownUnit)[3] == {"code": " \t"}


@pytest.mark.parametrize(
    ("call", "got"),
    [
        (lambda: tu.unit(31135), "int"),  # type: ignore[arg-type]
        (lambda: tu.legacy_unit(None), "NoneType"),  # type: ignore[arg-type]
        (lambda: tu.successors(1), "int"),  # type: ignore[arg-type]
        (lambda: tu.predecessors(b"00097"), "bytes"),  # type: ignore[arg-type]
    ],
)
def test_a_code_that_is_not_a_string(call: Callable[[], Any], got: str) -> None:
    assert _refusal(call, InputTypeError) == (
        "input.wrong_type",
        f"Mã đơn vị hành chính (unit code) must be a string, got {got}",
        "codes keep their leading zeros: pass '00004', not 4",
        {"argument": "code", "got": got},
    )


def test_no_pre_reform_unit_has_the_code() -> None:
    # 11948 is a 2025 code only: legacy_unit does not fall back to the 2025 registry.
    assert _refusal(lambda: tu.legacy_unit(" 11948"), UnknownUnit) == (
        "unit.unknown",
        "Đơn vị hành chính cũ (pre-reform unit): no unit with code '11948' existed on 30/06/2025",
        _OLD_CODE_HINT,
        {"code": "11948"},
    )


def test_require_in_force_wants_a_unit() -> None:
    assert _refusal(lambda: tu.require_in_force("31135", REFORM), InputTypeError) == (  # type: ignore[arg-type]
        "input.wrong_type",
        "Đơn vị hành chính (administrative unit): expected an AdministrativeUnit, got str",
        "look the unit up first: tthc.units.unit(code) or tthc.units.unit_by_name(name)",
        {"argument": "unit", "got": "str"},
    )


def test_require_in_force_wants_a_date_first() -> None:
    with pytest.raises(InputTypeError) as err:
        tu.require_in_force("31135", dt.datetime(2025, 7, 1))  # type: ignore[arg-type]
    assert err.value.context["argument"] == "on"


# --- by name ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: tu.find_units(5),  # type: ignore[arg-type]
        lambda: tu.unit_by_name(5),  # type: ignore[arg-type]
        lambda: tu.suggest_units(5),  # type: ignore[arg-type]
    ],
)
def test_a_name_that_is_not_a_string(call: Callable[[], Any]) -> None:
    assert _refusal(call, InputTypeError) == (
        "input.wrong_type",
        "Tên đơn vị hành chính (unit name) must be a string, got int",
        "pass the name as text, e.g. 'Phường Ninh Kiều', or look the unit up by code with "
        "tthc.units.unit(code)",
        {"argument": "name", "got": "int"},
    )


@pytest.mark.parametrize("limit", [0, -1, True, 1.5, "3"])
def test_a_limit_that_is_not_a_positive_int(limit: object) -> None:
    assert _refusal(lambda: tu.suggest_units("Ninh Kiều", limit=limit), InputTypeError) == (  # type: ignore[arg-type]
        "input.wrong_type",
        f"Số gợi ý (number of suggestions): limit must be a positive int, got {limit!r}",
        "pass limit=1 or more (default 3)",
        {"argument": "limit", "got": repr(limit)},
    )


def test_limit_one_is_enough() -> None:
    assert [u.code for u in tu.suggest_units("Nin Kieu", limit=1)] == ["31135"]


def test_no_unit_named_with_a_close_name() -> None:
    # "Nin Kieu" is a near miss of Phường Ninh Kiều (31135).
    assert _refusal(lambda: tu.unit_by_name("Nin Kieu"), UnknownUnit) == (
        "unit.unknown",
        "Đơn vị hành chính (administrative unit): no unit named 'Nin Kieu'",
        "did you mean Phường Ninh Kiều (31135)?",
        {"name": "Nin Kieu", "pre_reform": False, "suggestions": ("31135",)},
    )


def test_no_unit_named_lists_every_close_name() -> None:
    # "tan thanh" (unaccented) names 15 communes of 2025, in code order (QĐ 19/2025/QĐ-TTg):
    # the first three (the default limit) are suggested.
    assert _refusal(lambda: tu.unit_by_name("Tan Thanhh"), UnknownUnit)[2:] == (
        "did you mean Xã Tân Thanh (02578), Xã Tân Thành (05923), Xã Tân Thành (06445)?",
        {"name": "Tan Thanhh", "pre_reform": False, "suggestions": ("02578", "05923", "06445")},
    )


def test_no_unit_named_a_pre_reform_name() -> None:
    # Quận Ninh Kiều (916) existed until 30/6/2025 only; "Q. Ninh Kiều" is the same name.
    for name in ("Quận Ninh Kiều", "Q. Ninh Kiều"):
        assert _refusal(lambda name=name: tu.unit_by_name(name, on=REFORM), UnknownUnit) == (  # type: ignore[misc]
            "unit.unknown",
            f"Đơn vị hành chính (administrative unit): no unit named {name!r}",
            "this is a pre-reform name: find its code with find_units(name, on=date(2025, 6, 30)) "
            "and use successors(code)",
            {"name": name, "pre_reform": True, "suggestions": ()},
        )


def test_a_2025_name_before_the_reform_is_not_called_pre_reform() -> None:
    # Đặc khu Bạch Long Vĩ exists from 1/7/2025 only; on 30/6/2025 the close names are huyện
    # Bạch Long Vĩ (318, Hải Phòng) and xã Bạch Long (14206, Nam Định).
    assert _refusal(lambda: tu.unit_by_name("Đặc khu Bạch Long Vĩ", on=BEFORE), UnknownUnit) == (
        "unit.unknown",
        "Đơn vị hành chính (administrative unit): no unit named 'Đặc khu Bạch Long Vĩ'",
        "did you mean Huyện Bạch Long Vĩ (318), Xã Bạch Long (14206)?",
        {"name": "Đặc khu Bạch Long Vĩ", "pre_reform": False, "suggestions": ("318", "14206")},
    )


def test_no_unit_named_nothing_close() -> None:
    assert _refusal(lambda: tu.unit_by_name("Zzzz Qqqq", "92"), UnknownUnit) == (
        "unit.unknown",
        "Đơn vị hành chính (administrative unit): no unit named 'Zzzz Qqqq' in 92",
        "check the spelling, or pass province= (a code such as '92' or a name)",
        {"name": "Zzzz Qqqq", "pre_reform": False, "suggestions": ()},
    )


def test_no_unit_named_in_a_province_given_as_a_unit() -> None:
    # Phường Ninh Kiều is in Cần Thơ (92), not in Hà Nội (01): nothing close there either.
    message = _refusal(lambda: tu.unit_by_name("Nin Kieu", tu.unit("01")), UnknownUnit)[1]
    assert message == (
        "Đơn vị hành chính (administrative unit): no unit named 'Nin Kieu' in Thành phố Hà Nội (01)"
    )


def test_an_ambiguous_name() -> None:
    # Thái Nguyên (19) has xã Văn Lang (02143) and xã Văn Lăng (05665): unaccented, both match.
    assert _refusal(lambda: tu.unit_by_name("Van Lang", "19"), AmbiguousUnitName) == (
        "unit.ambiguous",
        "Tên đơn vị hành chính trùng (ambiguous unit name): 'Van Lang' matches 2 units: "
        "02143 Xã Văn Lang (Tỉnh Thái Nguyên); 05665 Xã Văn Lăng (Tỉnh Thái Nguyên)",
        "pass province= or use the unit code",
        {"name": "Van Lang", "candidates": ("02143", "05665")},
    )


def test_an_ambiguous_name_names_the_2025_province() -> None:
    # NQ 202/2025/QH15: Lào Cai and Yên Bái became Tỉnh Lào Cai under Yên Bái's code 15; the
    # 2025 province is named, not the pre-reform Tỉnh Yên Bái that had the code.
    assert _refusal(lambda: tu.unit_by_name("Lào Cai"), AmbiguousUnitName)[1:] == (
        "Tên đơn vị hành chính trùng (ambiguous unit name): 'Lào Cai' matches 2 units: "
        "02647 Phường Lào Cai (Tỉnh Lào Cai); 15 Tỉnh Lào Cai (Tỉnh Lào Cai)",
        "pass province= or use the unit code",
        {"name": "Lào Cai", "candidates": ("02647", "15")},
    )


def test_a_province_name_matching_two_provinces(monkeypatch: pytest.MonkeyPatch) -> None:
    # Province names are unique in the bundled data; were two provinces to share one, the name
    # would be refused, not resolved to the first.
    twins = (tu.unit("92"), tu.unit("93", on=BEFORE))
    monkeypatch.setattr(tu, "find_units", lambda name, on=None: twins)
    assert _refusal(lambda: tu.communes("Cần Thơ"), AmbiguousUnitName) == (
        "unit.ambiguous",
        "Tỉnh (province): 'Cần Thơ' matches several provinces",
        "pass the province code, e.g. '92' for Cần Thơ",
        {"name": "Cần Thơ", "candidates": ("92", "93")},
    )


def test_an_ambiguous_pre_reform_name_names_the_old_provinces() -> None:
    # On 30/6/2025 "Phường 1" named wards in many towns; each is described with its old province.
    with pytest.raises(AmbiguousUnitName) as err:
        tu.unit_by_name("Phường 1", on=BEFORE)
    hits = tu.find_units("Phường 1", on=BEFORE)
    assert err.value.context["candidates"] == tuple(u.code for u in hits)
    first = hits[0]
    province = tu.legacy_unit(first.province_code)
    assert province.legacy
    assert f"{first.code} {first.full_name} ({province.full_name})" in err.value.message
    assert f"matches {len(hits)} units: " in err.value.message


# --- provinces ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: tu.communes("Atlantis"),
        lambda: tu.districts("Atlantis", on=BEFORE),
        lambda: tu.find_units("Ninh Kiều", "Atlantis"),
        lambda: tu.suggest_units("Ninh Kiều", "Atlantis"),
    ],
)
def test_no_province_named(call: Callable[[], Any]) -> None:
    assert _refusal(call, UnknownUnit) == (
        "unit.unknown",
        "Tỉnh (province): no province named 'Atlantis'",
        "pass the province code, e.g. '92' for Cần Thơ",
        {"name": "Atlantis"},
    )


def test_a_commune_name_is_not_a_province_name() -> None:
    # "Ninh Kiều" names a ward (31135), not a province.
    assert _refusal(lambda: tu.communes("Ninh Kiều"), UnknownUnit)[1:] == (
        "Tỉnh (province): no province named 'Ninh Kiều'",
        "pass the province code, e.g. '92' for Cần Thơ",
        {"name": "Ninh Kiều"},
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: tu.communes("31135"),
        lambda: tu.communes(tu.unit("31135")),
        lambda: tu.find_units("Ninh Kiều", " 31135 "),
    ],
)
def test_a_unit_that_is_not_a_province(call: Callable[[], Any]) -> None:
    assert _refusal(call, UnknownUnit) == (
        "unit.unknown",
        "Tỉnh (province): Phường Ninh Kiều (31135) is not a province",
        "pass a 2-digit province code",
        {"code": "31135"},
    )


def test_a_pre_reform_district_is_not_a_province() -> None:
    assert _refusal(lambda: tu.communes("916", on=BEFORE), UnknownUnit)[1:] == (
        "Tỉnh (province): Quận Ninh Kiều (916) is not a province",
        "pass a 2-digit province code",
        {"code": "916"},
    )


def test_a_province_code_of_the_other_era() -> None:
    # Hậu Giang (93) merged into Cần Thơ on 1/7/2025: its code names no 2025 province.
    assert _refusal(lambda: tu.communes("93"), UnitNotInForce)[0] == "unit.not_in_force"
    assert len(tu.communes("93", on=BEFORE)) == len(tu.communes("Hậu Giang", on=BEFORE))


@pytest.mark.parametrize(("province", "got"), [(92, "int"), (b"92", "bytes"), (["92"], "list")])
def test_a_province_of_the_wrong_type(province: object, got: str) -> None:
    assert _refusal(lambda: tu.communes(province), InputTypeError) == (  # type: ignore[arg-type]
        "input.wrong_type",
        f"Tỉnh (province) must be a code, a name or an AdministrativeUnit, got {got}",
        "pass a code such as '92', a name such as 'Cần Thơ', or a unit from tthc.units.unit",
        {"argument": "province", "got": got},
    )


# --- succession ---------------------------------------------------------------------------------


def test_successors_of_a_2025_code() -> None:
    assert _refusal(lambda: tu.successors(" 11948 "), UnknownUnit) == (
        "unit.unknown",
        "Đơn vị hành chính cũ (pre-reform unit): no unit with code '11948'",
        "'11948' is a 2025 code only: use predecessors('11948')",
        {"code": "11948", "in_2025": True},
    )


def test_successors_of_no_code() -> None:
    assert _refusal(lambda: tu.successors("99999"), UnknownUnit) == (
        "unit.unknown",
        "Đơn vị hành chính cũ (pre-reform unit): no unit with code '99999'",
        _OLD_CODE_HINT,
        {"code": "99999", "in_2025": False},
    )


def test_successors_of_a_district() -> None:
    # Luật 72/2025/QH15 Điều 51 khoản 3: the district level ended; quận Ninh Kiều (916) has none.
    assert _refusal(lambda: tu.successors("916"), UnknownUnit) == (
        "unit.unknown",
        "Cấp huyện (district level) was abolished: Quận Ninh Kiều (916) has no successor of its "
        "own; its communes were re-arranged one by one",
        "pass the code of the old commune (5 digits)",
        {"code": "916"},
    )


def test_predecessors_of_a_pre_reform_code() -> None:
    assert _refusal(lambda: tu.predecessors(" 00001 "), UnknownUnit) == (
        "unit.unknown",
        "Mã đơn vị hành chính (unit code): no administrative unit has code '00001'",
        _CODE_HINT,
        {"code": "00001"},
    )
