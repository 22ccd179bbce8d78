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


# --- reading an instant (tthc._time.read_instant) --------------------------------------------------


def test_an_instant_at_vietnams_offset_is_read_in_vn_tz() -> None:
    # VN_TZ is UTC+7 named "ICT"; fromisoformat alone gives +07:00 a zone without that name
    read = _time.read_instant("2026-04-29T16:00:00.250000+07:00")
    assert read.tzinfo is _time.VN_TZ
    assert read.tzname() == "ICT"
    assert read == dt.datetime(2026, 4, 29, 9, 0, 0, 250000, tzinfo=dt.timezone.utc)
    assert (read.hour, read.microsecond) == (16, 250000)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2026-04-29T09:00:00+00:00", dt.timedelta(0)),
        ("2026-04-29T04:00:00-05:00", dt.timedelta(hours=-5)),
        ("2026-04-29T16:30:00+07:30", dt.timedelta(hours=7, minutes=30)),  # Saigon before 1975
    ],
)
def test_an_instant_at_another_offset_is_kept_as_written(text: str, offset: dt.timedelta) -> None:
    read = _time.read_instant(text)
    assert read.tzinfo is not _time.VN_TZ
    assert read.utcoffset() == offset
    assert read == dt.datetime.fromisoformat(text)


def test_an_instant_without_an_offset_is_read_naive() -> None:
    assert _time.read_instant("2026-04-29T16:00:00").tzinfo is None  # the caller refuses it


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("hôm qua", "Invalid isoformat"),
        ("2026-02-30T10:00:00+07:00", "day is out of range"),
        ("", "Invalid isoformat"),
    ],
)
def test_a_text_that_is_no_instant_is_refused(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        _time.read_instant(text)


@given(
    st.datetimes(
        min_value=dt.datetime(1, 1, 2),
        max_value=dt.datetime(9999, 12, 30),
        timezones=st.sampled_from(
            [_time.VN_TZ, dt.timezone.utc, dt.timezone(dt.timedelta(hours=7))]
            + [dt.timezone(dt.timedelta(minutes=m)) for m in (-300, 330, 420, 450, 480)]
        ),
    )
)
def test_reading_an_instant_back_gives_the_same_instant_and_offset(instant: dt.datetime) -> None:
    read = _time.read_instant(instant.isoformat())
    assert read == instant
    assert read.utcoffset() == instant.utcoffset()
    # the wall clock as written (isoformat does not write fold, which a fixed offset ignores)
    assert read.replace(tzinfo=None) == instant.replace(tzinfo=None, fold=0)
    assert (read.tzinfo is _time.VN_TZ) == (instant.utcoffset() == dt.timedelta(hours=7))
