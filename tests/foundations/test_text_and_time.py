"""One accent folding, one tone-placement key, one set of Vietnamese date formats."""

from __future__ import annotations

import datetime as dt
import unicodedata
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc import _text, _time


def test_fold() -> None:
    assert _text.fold("Phường  Thủy Xuân") == "phuong thuy xuan"
    assert _text.fold("ĐẮK R’LẤP") == _text.fold("Đắk R'Lấp") == "dak r'lap"
    # Line breaks, NBSP, zero-width space, soft hyphen and BOM separate words the same way.
    assert _text.fold("Ninh\u00a0Kiều\u200b\nx\u00ady\ufeff") == "ninh kieu x y"


def test_tone_key_keeps_accents_but_not_tone_placement() -> None:
    # The statistics office writes "Hoà"/"Thuỷ"; decisions of 2025 write "Hòa"/"Thủy".
    assert _text.tone_key("Phường Hoà Bình") == _text.tone_key("phường hòa bình")
    assert _text.tone_key("Thuỷ") == _text.tone_key("Thủy")
    assert _text.tone_key("Hòa") != _text.tone_key("Hóa")
    assert _text.tone_key("Hòa") != _text.tone_key("Hoa")


def test_has_diacritics() -> None:
    assert _text.has_diacritics("ngày")
    assert _text.has_diacritics("đi")
    assert not _text.has_diacritics("ngay  lam viec")


@given(st.text(max_size=40))
def test_fold_is_idempotent_and_accent_blind(text: str) -> None:
    once = _text.fold(text)
    assert _text.fold(once) == once
    assert _text.fold(_text.nfc(text)) == once


def test_vietnamese_dates() -> None:
    day = dt.date(2026, 4, 29)
    assert _time.weekday_vi(day) == "Thứ Tư"
    assert _time.weekday_vi(dt.date(2026, 5, 3)) == "Chủ nhật"
    assert _time.format_date(day) == "29/04/2026"
    assert _time.format_weekday_date(day) == "Thứ Tư 29/04/2026"
    utc = dt.datetime(2026, 4, 29, 9, 0, tzinfo=dt.timezone.utc)
    assert _time.format_instant(utc) == "Thứ Tư 29/04/2026 16:00"


def test_hours_are_exact() -> None:
    assert _time.hours_of(dt.timedelta(hours=1, minutes=30)) == Fraction(3, 2)
    assert _time.hours_of(dt.timedelta(days=1)) == 24
    assert _time.hours_of(dt.timedelta(microseconds=1)) == Fraction(1, 3_600_000_000)
    assert _time.hours_of(-dt.timedelta(minutes=20)) == Fraction(-1, 3)


# --- every rule of tthc._text, one by one (mutation testing, issue 17 item 5) -------------------

# Old-style tone placement (statistics office lists, "Hoà", "Thuỷ") and the placement of the 2025
# resolutions ("Hòa", "Thủy"): both correct Vietnamese, one key.
_PLACEMENTS = [
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uỳ", "ùy"),
    ("uý", "úy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
]


@pytest.mark.parametrize(("old", "new"), _PLACEMENTS)
def test_tone_key_moves_every_old_placement(old: str, new: str) -> None:
    assert _text.tone_key(f"Kh{old}") == f"kh{new}"
    assert _text.tone_key(f"kh{new}") == f"kh{new}"
    # NFD input (the tone as a combining mark) gives the same key.
    assert _text.tone_key(unicodedata.normalize("NFD", f"KH{old.upper()}")) == f"kh{new}"


def test_tone_key_folds_apostrophes_and_spaces_only() -> None:
    # "Đắk R’Lấp": the accents and "đ" stay, the curly apostrophe and the spacing do not.
    assert _text.tone_key("  Đắk\u00a0R’Lấp\n") == "đắk r'lấp"
    for mark in ("’", "‘", "ʼ", "`", "´"):
        assert _text.tone_key(f"H{mark}Leo") == "h'leo", mark
    assert _text.tone_key("Xã Ea H'Leo") == "xã ea h'leo"


def test_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Phường Hòa")
    assert decomposed != "Phường Hòa"
    assert _text.nfc(decomposed) == "Phường Hòa"
    assert _text.nfc("Hòa") == "Hòa"


def test_squash_space() -> None:
    assert _text.squash_space("  Ninh \t\n Kiều\u00a0\u00a0x ") == "Ninh Kiều x"
    for mark in ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"):
        assert _text.squash_space(f"{mark}a{mark}{mark}b{mark}") == "a b", repr(mark)
    assert _text.squash_space("") == ""


def test_fold_every_rule() -> None:
    # "đ"/"Đ" are letters of their own (no decomposition): folded by hand to "d"/"D".
    assert _text.fold("đường Đồng") == "duong dong"
    assert _text.fold("ĐĐ đđ") == "dd dd"
    # Tones, hats and horns are combining marks (category Mn) once decomposed.
    assert _text.fold("ắằẳẵặ ơ ư ê ô â ă") == "aaaaa o u e o a a"
    assert _text.fold(unicodedata.normalize("NFD", "Thủy")) == _text.fold("Thủy") == "thuy"
    # Apostrophes of every kind to "'", case folded, spacing squashed.
    for mark in ("’", "‘", "ʼ", "`", "´"):
        assert _text.fold(f" Ea  H{mark}LEO ") == "ea h'leo", mark
    assert _text.fold("STRASSE Straße") == "strasse strasse"  # casefold, not lower
    assert _text.fold("") == ""


def test_has_diacritics_every_rule() -> None:
    assert _text.has_diacritics("Hòa")
    assert _text.has_diacritics(unicodedata.normalize("NFD", "Hòa"))
    assert _text.has_diacritics("Đ")
    assert _text.has_diacritics("ơ")
    # Neither an apostrophe (curly or straight), nor case, nor spacing is a mark.
    assert not _text.has_diacritics("Ea H’Leo")
    assert not _text.has_diacritics("EA  H'LEO\u00a0")
    assert not _text.has_diacritics("Straße")
    assert not _text.has_diacritics("")
