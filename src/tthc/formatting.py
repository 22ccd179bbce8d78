"""Text for people, the Vietnamese way: dates, weekdays, numbers and legal citations.

Every command of tthc prints through these helpers, and a caller that shows tthc's answers
on a receipt or a page can use the same ones::

    >>> import datetime as dt
    >>> from tthc.formatting import long_date_vi, weekday_vi, weekday_date_vi, decimal_vi
    >>> long_date_vi(dt.date(2026, 5, 4))
    'ngày 04 tháng 5 năm 2026'
    >>> weekday_vi(dt.date(2026, 5, 4))
    'Thứ Hai'
    >>> weekday_date_vi(dt.date(2026, 4, 29))
    'Thứ Tư 29/04/2026'
    >>> decimal_vi(1618.24)
    '1.618,24'

Citations of an article in the Vietnamese order ("khoản 1 Điều 13", "điểm a khoản 2 Điều 5")
are `provision_vi` (what [`tthc.legal.LegalRef.cite`][tthc.legal.LegalRef.cite] prints).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import Decimal
from fractions import Fraction

from tthc import _time
from tthc._validate import require_date
from tthc.errors import InputTypeError

__all__ = [
    "date_vi",
    "decimal_vi",
    "long_date_vi",
    "provision_vi",
    "weekday_date_vi",
    "weekday_vi",
]


def weekday_vi(day: _dt.date) -> str:
    """Return the Vietnamese weekday name: ``"Thứ Hai"`` … ``"Thứ Bảy"``, ``"Chủ nhật"``.

    Raises:
        InputTypeError: ``day`` is not a date.
    """
    return _time.weekday_vi(_a_day(day))


def date_vi(day: _dt.date) -> str:
    """Return ``day`` as ``DD/MM/YYYY`` (``"29/04/2026"``), the administrative short form.

    Raises:
        InputTypeError: ``day`` is not a date.
    """
    return _time.format_date(_a_day(day))


def weekday_date_vi(day: _dt.date) -> str:
    """Return ``"Thứ Tư 29/04/2026"``: the weekday, then the short form.

    Raises:
        InputTypeError: ``day`` is not a date.
    """
    return _time.format_weekday_date(_a_day(day))


def long_date_vi(day: _dt.date) -> str:
    """Return ``day`` as a document writes it: ``"ngày 04 tháng 5 năm 2026"``.

    A day below 10 and the months 1 and 2 take a leading zero (``"ngày 15 tháng 02 năm
    2026"``), the rule of Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I.

    Raises:
        InputTypeError: ``day`` is not a date.
    """
    return _time.long_date_vi(_a_day(day))


def decimal_vi(value: float | Decimal | Fraction, places: int = 2) -> str:
    """Return a number with a decimal comma and dotted thousands: ``"1.618,24"``, ``"1,38"``.

    Args:
        value: An int, float, Decimal or Fraction (not a bool; finite).
        places: Digits after the comma, 0–6 (``0``: an integer, ``"1.618"``).

    Raises:
        InputTypeError: ``value`` is not a finite number, or ``places`` not an int in 0–6.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        raise InputTypeError(
            f"Số (number) must be an int, float, Decimal or Fraction, got {type(value).__name__}",
            argument="value",
            got=type(value).__name__,
        )
    if isinstance(value, (float, Decimal)) and not math.isfinite(value):
        raise InputTypeError(
            f"Số (number) must be finite, got {value!r}", argument="value", got=repr(value)
        )
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 6:
        raise InputTypeError(
            f"Số chữ số thập phân (decimal places) must be an int from 0 to 6, got {places!r}",
            hint="pass places=2 for hours and days",
            argument="places",
        )
    return _time.decimal_vi(value, places)


def _a_day(day: object) -> _dt.date:
    return require_date(day, "day")


def provision_vi(article: str) -> str:
    """Return an article reference in the Vietnamese order, smallest unit first.

    Data files write articles several ways; people read them as Vietnamese legal texts do
    ("điểm a khoản 2 Điều 5"):

    >>> provision_vi("Điều 19.5")
    'khoản 5 Điều 19'
    >>> provision_vi("Điều 17.2.c")
    'điểm c khoản 2 Điều 17'
    >>> provision_vi("Điều 13 khoản 1")
    'khoản 1 Điều 13'
    >>> provision_vi("Điều 1, khoản 1")
    'khoản 1 Điều 1'
    >>> provision_vi("Điều 5 khoản 1 điểm b, c")
    'điểm b, c khoản 1 Điều 5'
    >>> provision_vi("Điều 19.5, 5.1.e")
    'khoản 5 Điều 19, điểm e khoản 1 Điều 5'

    Parts joined by ``;`` are rendered one by one; whole articles ("Điều 16, 18–21"), annexes
    ("Phụ lục I") and any other wording are kept as written.

    Raises:
        InputTypeError: ``article`` is not a str.
    """
    if not isinstance(article, str):
        raise InputTypeError(
            f"Điều khoản (article) must be a str, got {type(article).__name__}",
            argument="article",
            got=type(article).__name__,
        )
    return "; ".join(_one_provision(part.strip()) for part in article.split(";"))


_ARTICLE = "Điều "
_DOTTED = re.compile(r"(?P<art>\d+)(?:\.(?P<clause>\d+)(?:\.(?P<point>[a-zđ]))?)?")
_WORDED = re.compile(
    r"(?P<art>\d+),?\s+khoản\s+(?P<clause>[^\s,]+(?:,\s*(?:khoản\s+)?[^\s,]+)*)"
    r"(?:\s+điểm\s+(?P<point>.+?))?(?P<tail>\s*\(.*\))?"
)


def _one_provision(text: str) -> str:
    if not text.startswith(_ARTICLE):
        return text
    body = text[len(_ARTICLE) :].strip()
    worded = _WORDED.fullmatch(body)
    if worded:
        clause = re.sub(r",\s*khoản\s+", ", ", worded["clause"])
        point = f"điểm {worded['point']} " if worded["point"] else ""
        return f"{point}khoản {clause} Điều {worded['art']}{worded['tail'] or ''}"
    items = [item.strip() for item in body.split(",")]
    dotted = [_DOTTED.fullmatch(item) for item in items]
    if all(dotted) and any(m["clause"] for m in dotted if m):
        return ", ".join(_dotted([m for m in dotted if m]))
    return text


def _same_article(previous: re.Match[str] | None, match: re.Match[str]) -> bool:
    """Whether ``match`` is a further clause (no point) of the clause (no point) before it."""
    return (
        previous is not None
        and previous["art"] == match["art"]
        and bool(previous["clause"] and match["clause"])
        and not (previous["point"] or match["point"])
    )


def _dotted(matches: list[re.Match[str]]) -> list[str]:
    """Render "19.5", "5.1.e" items; clauses of one article in a row share it ("khoản 2, 3")."""
    parts: list[str] = []
    previous: re.Match[str] | None = None
    for match in matches:
        if _same_article(previous, match):
            parts[-1] = parts[-1].replace(" Điều ", f", {match['clause']} Điều ")
        else:
            words = [f"Điều {match['art']}"]
            if match["clause"]:
                words.insert(0, f"khoản {match['clause']}")
            if match["point"]:
                words.insert(0, f"điểm {match['point']}")
            parts.append(" ".join(words))
        previous = match
    return parts
