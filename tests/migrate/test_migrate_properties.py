"""Properties: formatting noise never changes a result; a split commune gives all its successors."""

from __future__ import annotations

import datetime as dt
import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import units
from tthc._text import fold, has_diacritics
from tthc.errors import AmbiguousUnitName
from tthc.migrate import MigrationStatus, convert_address, convert_code

BEFORE = dt.date(2025, 6, 30)
PROVINCES = ("92", "93", "94", "79")  # Cần Thơ, Hậu Giang, Sóc Trăng, Hồ Chí Minh City
ABBREVIATIONS = {
    "Phường": ("P.", "Ph.", "P", "phuong", "PHƯỜNG"),
    "Xã": ("X.", "xa", "X"),
    "Thị trấn": ("TT.", "TT", "thi tran"),
    "Thị xã": ("TX.", "TX", "thi xa"),
    "Quận": ("Q.", "Q", "quan"),
    "Huyện": ("H.", "H", "huyen"),
    "Thành phố": ("TP.", "TP", "Tp", "Tp.", "thanh pho", "T.P."),
    "Tỉnh": ("T.", "tinh", "T"),
}
KIND_WORD = re.compile("^(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + ") ")


@functools.cache
def old_addresses() -> tuple[tuple[str, str], ...]:
    """(canonical address, old code) of every old commune of the four provinces whose name,
    without accents, is unique in its district (with accents removed, others need the accents)."""
    rows = []
    for province in PROVINCES:
        prov = units.legacy_unit(province)
        found = units.communes(province, on=BEFORE)
        for commune in found:
            twins = [
                c
                for c in found
                if c.parent_code == commune.parent_code
                and units.normalize_name(c.full_name) == units.normalize_name(commune.full_name)
            ]
            if len(twins) == 1:
                district = units.legacy_unit(commune.parent_code or "")
                text = f"{commune.full_name}, {district.full_name}, {prov.full_name}"
                rows.append((text, commune.code))
    return tuple(rows)


def noisy_part(part: str, draw: st.DrawFn) -> str:
    match = KIND_WORD.match(part)
    if match and draw(st.booleans()):
        part = draw(st.sampled_from(ABBREVIATIONS[match.group(1)])) + " " + part[match.end() :]
    part = draw(st.sampled_from((str.lower, str.upper, str.title, str)))(part)
    if draw(st.booleans()):
        part = fold(part) if part.islower() else part
    if draw(st.booleans()):
        part = (
            part.replace("hòa", "hoà")
            .replace("Hòa", "Hoà")
            .replace("thủy", "thuỷ")
            .replace("Thủy", "Thuỷ")
        )
    return part.replace(" ", draw(st.sampled_from((" ", "  ", " \u00a0"))))


@st.composite
def noisy(draw: st.DrawFn, text: str) -> str:
    parts = [noisy_part(p, draw) for p in text.split(", ")]
    separator = draw(st.sampled_from((", ", ",", " , ", " ,  ")))
    return draw(st.sampled_from(("", " ", "  "))) + separator.join(parts)


@st.composite
def old_address_and_noise(draw: st.DrawFn) -> tuple[str, str]:
    text, _ = draw(st.sampled_from(old_addresses()))
    return text, draw(noisy(text))


def result(text: str) -> tuple[str, tuple[str, ...], str | None]:
    found = convert_address(text)
    return found.status.value, found.codes, found.old.code if found.old else None


@settings(max_examples=80, deadline=None)
@given(old_address_and_noise())
def test_noise_never_changes_a_result(pair: tuple[str, str]) -> None:
    canonical, noised = pair
    assert result(noised) == result(canonical)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(units.communes("92")), st.data())
def test_noise_never_changes_a_new_form_address(
    commune: units.AdministrativeUnit, data: st.DataObject
) -> None:
    canonical = f"{commune.full_name}, Thành phố Cần Thơ"
    noised = data.draw(noisy(canonical))
    before, after = _status_or_error(canonical), _status_or_error(noised)
    if after != before:
        # Only removing the commune's accents may change it (the noise takes them off one part
        # at a time), and only by widening an ambiguity: "Tân Thạnh" and "Tân Thành" meet as
        # "tan thanh"; the answer is never another unit.
        assert not has_diacritics(noised.split(",")[0]), noised
        assert after[0] == "ambiguous"
        assert set(before[1]) <= set(after[1])


def _status_or_error(text: str) -> tuple[str, tuple[str, ...]]:
    try:
        found = convert_address(text)
    except AmbiguousUnitName as err:
        return ("ambiguous", tuple(err.context["candidates"]))
    return (found.status.value, found.codes)


def test_every_canonical_old_address_converts_to_its_successors() -> None:
    for text, code in old_addresses():
        found = convert_address(text)
        assert found.old is not None, text
        assert found.old.code == code, text
        assert found.codes == tuple(s.new.code for s in units.successors(code)), text


@functools.cache
def split_communes() -> tuple[str, ...]:
    return tuple(c.code for c in units.communes(on=BEFORE) if len(units.successors(c.code)) > 1)


def test_every_split_old_commune_returns_all_its_successors() -> None:
    codes = split_communes()
    assert len(codes) == 441  # the succession table's count of split communes
    for code in codes:
        expected = tuple(s.new.code for s in units.successors(code))
        by_code = convert_code(code)
        assert by_code.status is MigrationStatus.SPLIT
        assert by_code.codes == expected
        commune = units.legacy_unit(code)
        district = units.legacy_unit(commune.parent_code or "")
        province = units.legacy_unit(commune.province_code)
        text = f"{commune.full_name}, {district.full_name}, {province.full_name}"
        # (No old commune that was split shares its name with another in its district.)
        by_text = convert_address(text)
        assert by_text.status is MigrationStatus.SPLIT, text
        assert by_text.codes == expected, text


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(split_communes()))
def test_a_split_commune_in_any_hand_is_never_picked(code: str) -> None:
    commune = units.legacy_unit(code)
    district = units.legacy_unit(commune.parent_code or "")
    text = fold(
        f"{commune.full_name}, {district.full_name}, {units.legacy_unit(commune.province_code).full_name}"
    )
    try:
        found = convert_address(text)
    except AmbiguousUnitName:
        return  # without accents two names may meet: listed, never picked
    assert len(found.new) >= 2
    assert found.new_code is None
