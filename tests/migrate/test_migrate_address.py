"""Reading an address into parts: kind words, abbreviations, numbers, spellings, separators."""

from __future__ import annotations

import pytest

from tthc.migrate._address import (
    forms,
    inner_splits,
    name_key,
    normalize,
    read_part,
    split_parts,
    tone_name_key,
)
from tthc.units import UnitKind

CITIES = {UnitKind.CENTRAL_CITY, UnitKind.PROVINCIAL_CITY, UnitKind.MUNICIPAL_CITY}


@pytest.mark.parametrize(
    ("segment", "kinds", "key"),
    [
        ("Phường Tân An", {UnitKind.WARD}, "tan an"),
        ("P. Tân An", {UnitKind.WARD}, "tan an"),
        ("P.Tân An", {UnitKind.WARD}, "tan an"),
        ("Ph. Tân An", {UnitKind.WARD}, "tan an"),
        ("p tan an", {UnitKind.WARD}, "tan an"),
        ("Q. Ninh Kiều", {UnitKind.URBAN_DISTRICT}, "ninh kieu"),
        ("quận 3", {UnitKind.URBAN_DISTRICT}, "3"),
        ("Q3", {UnitKind.URBAN_DISTRICT}, "3"),
        ("TP Cần Thơ", CITIES, "can tho"),
        ("TP. Cần Thơ", CITIES, "can tho"),
        ("Tp Cần Thơ", CITIES, "can tho"),
        ("T.P. Cần Thơ", CITIES, "can tho"),
        ("T. Sóc Trăng", {UnitKind.PROVINCE}, "soc trang"),
        ("H. Long Phú", {UnitKind.RURAL_DISTRICT}, "long phu"),
        ("X. Long Phú", {UnitKind.COMMUNE}, "long phu"),
        ("TT. Một Ngàn", {UnitKind.TOWNSHIP}, "mot ngan"),
        ("TX. Ngã Năm", {UnitKind.TOWN}, "nga nam"),
        ("Thị xã Ngã Năm", {UnitKind.TOWN}, "nga nam"),
        ("Đặc khu Côn Đảo", {UnitKind.SPECIAL_ZONE}, "con dao"),
        ("Phường 1", {UnitKind.WARD}, "1"),
        ("P.01", {UnitKind.WARD}, "1"),
        ("P1", {UnitKind.WARD}, "1"),
        ("Phường I", {UnitKind.WARD}, "1"),
        ("Phường VII", {UnitKind.WARD}, "7"),
        ("Xã Vị Thanh 1", {UnitKind.COMMUNE}, "vi thanh 1"),
        ("Tân An", set(), "tan an"),
        ("Phú Mỹ", set(), "phu my"),
        ("Thanh An", set(), "thanh an"),
        ("Xã Quí Quân", {UnitKind.COMMUNE}, "quy quan"),
        ("Huyện Ea H’leo", {UnitKind.RURAL_DISTRICT}, "ea h'leo"),
    ],
)
def test_kind_word_and_key(segment: str, kinds: set[UnitKind], key: str) -> None:
    part = read_part(normalize(segment))
    assert (set(part.kinds), part.key) == (kinds, key)


def test_tone_key_agrees_on_spelling_variants_and_keeps_accents() -> None:
    assert tone_name_key("Hoà Tiến") == tone_name_key("Hòa Tiến")
    assert tone_name_key("Bình Thuỷ") == tone_name_key("bình thủy")
    assert tone_name_key("Quí Quân") == tone_name_key("Quý Quân")
    assert tone_name_key("Tân Ân") != tone_name_key("Tân An")
    assert name_key("Tân Ân") == name_key("Tân An")
    assert name_key("IV") == "4"
    assert name_key("IV", numbered=False) == "iv"
    assert read_part("Tan An").accented is False
    assert read_part("Tân An").accented is True


def test_split_keeps_names_with_a_dash_and_drops_the_country() -> None:
    joined = frozenset({"ba ria - vung tau"})
    text = normalize("Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu, Việt Nam")
    assert [t for _, t in split_parts(text, joined)] == ["Huyện Côn Đảo", "Tỉnh Bà Rịa - Vũng Tàu"]
    text = normalize("Số 5 - Phường 1 - Quận 3 - TP.HCM")
    spans = split_parts(text, joined)
    assert [t for _, t in spans] == ["Số 5", "Phường 1", "Quận 3", "TP.HCM"]
    assert [text[start : start + len(t)] for start, t in spans] == [t for _, t in spans]
    assert split_parts(normalize(" , ; Phường 1 ,, VN")) == ((4, "Phường 1"),)
    assert [t for _, t in split_parts("Phường 1, Quận 3, TP.HCM, 700000, Việt Nam")] == [
        "Phường 1",
        "Quận 3",
        "TP.HCM",
    ]


def test_normalize_squashes_spaces_and_straightens_apostrophes() -> None:
    assert normalize("  Ea\u00a0H’leo \n") == "Ea H'leo"


def test_inner_splits_only_at_kind_words_followed_by_a_name() -> None:
    part = read_part("12 Lý Tự Trọng P. Tân An Q. Ninh Kiều")
    assert [p.text for p in inner_splits(part)] == ["12 Lý Tự Trọng", "P. Tân An", "Q. Ninh Kiều"]
    assert [p.start for p in inner_splits(part)] == [0, 15, 25]
    alone = read_part("Đường 30 Tháng 4")
    assert inner_splits(alone) == (alone,)


def test_forms_are_read_from_the_data_file() -> None:
    data = forms()
    assert data.aliases["tphcm"] == "79"
    assert dict(data.prefixes)["tt."] == frozenset({UnitKind.TOWNSHIP})
    assert data.syllables["qui"] == "quy"
    assert "viet nam" in data.country


def test_trailing_dots_and_odd_characters_keep_the_name_whole() -> None:
    assert read_part("TP Cần Thơ.").key == "can tho"
    assert read_part("TP Cần Thơ.").tone == "cần thơ"
    assert read_part("P. Tân An .").key == "tan an"
    odd = read_part("Phường Tân Aß")  # casefold makes "ß" two letters: read from the folded text
    assert odd.key == "tan ass"
    assert odd.kinds == {UnitKind.WARD}
