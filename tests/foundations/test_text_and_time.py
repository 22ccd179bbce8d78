"""One accent folding, one tone-placement key, one set of Vietnamese date formats."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

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
