"""Vietnam time: the zone, conversions, Vietnamese weekday names and date formats.

One home for every piece of code that turns a date or an instant into text a person reads, so
that every module prints "Thứ Tư 29/04/2026" the same way.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from fractions import Fraction

__all__: list[str] = []  # private module: import the names directly

VN_TZ = _dt.timezone(_dt.timedelta(hours=7), "ICT")
"""Vietnam time (giờ Việt Nam): UTC+7, no daylight saving since 1975."""

WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
"""Vietnamese weekday names, Monday first (``date.weekday()`` order)."""

_SECONDS_PER_HOUR = 3600
_FROM_ISO = _dt.datetime.fromisoformat
_COMBINE = _dt.datetime.combine


def read_instant(text: str) -> _dt.datetime:
    """Return the instant of an ISO 8601 text; one at Vietnam's offset (+07:00) is in ``VN_TZ``.

    ``datetime.fromisoformat`` gives each ``+07:00`` a zone of its own, without a name. tthc
    writes its instants from ``VN_TZ``, so reading them back in it keeps a round trip's zone
    (its name, "ICT", included) and lets the replay and ``compute_deadline`` count in Vietnam
    time without converting each instant again. Any other offset is kept as written; a text
    without an offset gives a naive datetime, which the caller refuses.

    Raises:
        ValueError: ``text`` is not an ISO 8601 date and time.
    """
    instant = _FROM_ISO(text)
    # equal offsets compare equal; a ZoneInfo, another offset or None does not
    if instant.tzinfo == VN_TZ:
        return _COMBINE(instant, instant.time(), VN_TZ)
    return instant


def weekday_vi(day: _dt.date) -> str:
    """Return the Vietnamese weekday name of ``day`` (``"Thứ Tư"`` for 29/4/2026)."""
    return WEEKDAY_VI[day.weekday()]


def format_date(day: _dt.date) -> str:
    """Return ``day`` as ``DD/MM/YYYY``, the Vietnamese administrative format."""
    return day.strftime("%d/%m/%Y")


def format_weekday_date(day: _dt.date) -> str:
    """Return ``"Thứ Tư 29/04/2026"``."""
    return f"{weekday_vi(day)} {format_date(day)}"


def format_instant(at: _dt.datetime) -> str:
    """Return an aware instant in Vietnam time as ``"Thứ Tư 29/04/2026 16:00"``."""
    local = at.astimezone(VN_TZ)
    return f"{weekday_vi(local)} {local:%d/%m/%Y %H:%M}"


def hours_of(span: _dt.timedelta) -> Fraction:
    """Return ``span`` in hours, exactly (microsecond precision, no float rounding)."""
    whole = span.days * 86_400 + span.seconds
    return Fraction(whole * 1_000_000 + span.microseconds, _SECONDS_PER_HOUR * 1_000_000)


def long_date_vi(day: _dt.date) -> str:
    """Return ``day`` as a Vietnamese document writes it: ``"ngày 04 tháng 5 năm 2026"``.

    A day below 10 and the months 1 and 2 take a leading zero (``"ngày 15 tháng 02 năm 2026"``),
    as Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I, prescribes for dates of documents.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def decimal_vi(value: float | Decimal | Fraction, places: int = 2) -> str:
    """Return a number as Vietnamese text shows it: ``"1.618,24"`` (``.`` groups, ``,`` decimals).

    ``places`` digits after the comma (rounded as ``format`` does: half to even); ``0`` gives
    an integer with grouped thousands (``"1.618"``). Decimals and fractions are exact.
    """
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{value:,.{places}f}"
    return text.translate(_VI_DECIMAL)


_VI_DECIMAL = str.maketrans({",": ".", ".": ","})
