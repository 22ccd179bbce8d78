"""Exact numbers, text cleaning and the attrs validators shared by the staffing modules.

Staff minutes are exact decimals and every sum is rational (`Fraction`):
numbers enter through `exact` and leave through `to_decimal`, rounded half-to-even.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from tthc._text import nfc
from tthc.errors import InputTypeError

__all__: list[str] = []  # private module: import the names directly

CENT = Decimal("0.01")
"""Hours and averages are reported to 0.01."""

TEN_THOUSANDTH = Decimal("0.0001")
"""Ratios and minutes per dossier are kept to 0.0001."""

Number = int | float | Decimal | Fraction | str
"""What a caller may pass for an amount (text is read by `parse_amount`)."""

Validator = Callable[[Any, Any, Any], None]
"""An attrs validator: ``(instance, attribute, value) -> None``."""

MAX_EXPONENT = 100
"""A decimal amount is refused beyond 10^100 or with more than 100 decimal places (its exact
reading would cost time and memory in the exponent: ``1e999999999`` never ends)."""

_DECIMAL_TEXT_RE = re.compile(r"^[+]?(\d+([.,]\d*)?|[.,]\d+)$")


def clean(text: str) -> str:
    """Return ``text`` in NFC without surrounding whitespace (inner spaces kept)."""
    return nfc(text).strip()


def exact(value: object, name: str, *, allow_zero: bool = True) -> Fraction:
    """Return a non-negative finite number as an exact Fraction (floats via their repr).

    Raises:
        InputTypeError: ``value`` is not a number (``bool`` and text refused), is not finite,
            is negative, or is zero when ``allow_zero`` is false.
    """
    result = _fraction(value, name)
    if result < 0 or (result == 0 and not allow_zero):
        bound = "positive" if not allow_zero else "zero or more"
        raise InputTypeError(
            f"Số (number): {name} must be {bound}, got {value}", argument=name, value=str(value)
        )
    return result


def _fraction(value: object, name: str) -> Fraction:
    if isinstance(value, bool):
        raise InputTypeError(
            f"Số (number): {name} must be a number, got bool", argument=name, got="bool"
        )
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Decimal | float):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite:
            raise InputTypeError(f"Số (number): {name} must be finite", argument=name)
        if isinstance(value, Decimal):
            _check_decimal_size(value, name)
        return Fraction(value) if isinstance(value, Decimal) else Fraction(repr(value))
    raise InputTypeError(
        f"Số (number): {name} must be a number, got {type(value).__name__}",
        argument=name,
        got=type(value).__name__,
    )


def _check_decimal_size(value: Decimal, name: str) -> None:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, checked by the caller
    if value and (value.adjusted() > MAX_EXPONENT or exponent < -MAX_EXPONENT):
        raise InputTypeError(
            f"Số (number): {name} is out of range (at most 10^{MAX_EXPONENT}, "
            f"{MAX_EXPONENT} decimal places)",
            argument=name,
            value=str(value)[:40],
        )


def as_float(value: object, name: str) -> float:
    """Return a non-negative finite number as a float (checked like `exact`)."""
    return float(exact(value, name))


def to_decimal(value: Fraction | Decimal | int, places: Decimal = CENT) -> Decimal:
    """Return ``value`` rounded half-to-even to ``places`` (0.01 by default)."""
    if isinstance(value, Fraction):
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        quotient = Decimal(value)
    return quotient.quantize(places, rounding=ROUND_HALF_EVEN)


def parse_amount(text: str) -> Decimal | None:
    """Parse ``"12"``, ``"12.5"`` or ``"12,5"``; return None when it is not such a number."""
    value = text.strip().replace(" ", "")
    if not _DECIMAL_TEXT_RE.match(value):
        return None
    return Decimal(value.replace(",", "."))


# --- attrs validators ----------------------------------------------------------------------------


def instance_of(cls: type, message: str) -> Validator:
    """A validator that refuses any value that is not a ``cls`` with ``message``."""

    def check(_instance: object, attribute: Any, value: object) -> None:
        if not isinstance(value, cls):
            raise InputTypeError(message, argument=attribute.name)

    return check


def non_empty_text(message: str) -> Validator:
    """A validator that refuses anything but a string with a non-blank character."""

    def check(_instance: object, attribute: Any, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InputTypeError(message, argument=attribute.name)

    return check
