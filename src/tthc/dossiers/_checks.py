"""attrs validators shared by the dossier models: each raises the error tthc documents.

A validator receives ``(instance, attribute, value)``; attrs runs them once every field is set,
in the order of the fields, so a check that reads another field (the event's kind) may rely
on it having been checked already.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tthc._time import VN_TZ
from tthc._validate import require_aware
from tthc.errors import CalendarRangeError, InputTypeError, TthcError

__all__: list[str] = []  # private module

Validator = Callable[[Any, Any, Any], None]


def instance_of(
    kind: type | tuple[type, ...], message: str, *, optional: bool = False
) -> Validator:
    """Refuse a value that is not a ``kind`` with [`InputTypeError`][tthc.errors.InputTypeError] (``argument``: the field).

    ``message`` may name the received type as ``{got}``; ``optional`` lets ``None`` through.
    """

    def check(_: object, attribute: Any, value: object) -> None:
        if (value is None and optional) or isinstance(value, kind):
            return
        raise InputTypeError(message.format(got=type(value).__name__), argument=attribute.name)

    return check


def non_empty_str(
    message: str, error: type[TthcError] = InputTypeError, **context: Any
) -> Validator:
    """Refuse a value that is not a ``str`` with something else than spaces in it."""

    def check(_: object, attribute: Any, value: object) -> None:
        if isinstance(value, str) and value.strip():
            return
        raise error(message.format(name=attribute.name), argument=attribute.name, **context)

    return check


def vietnam_instant(value: object, name: str) -> Any:
    """Return the aware datetime ``value`` if it can be expressed in Vietnam time, else raise.

    ``datetime(9999, 12, 31, 23, 59, tzinfo=UTC-5)`` is a valid instant that falls in year
    10000 in Vietnam, where every date of a dossier is counted: it is refused here, with a tthc
    error, rather than as an ``OverflowError`` deep in the arithmetic.

    Raises:
        InputTypeError: ``value`` is not a ``datetime``.
        NaiveDatetimeError: ``value`` has no UTC offset.
        CalendarRangeError: ``value`` lies outside years 1–9999 in Vietnam time.
    """
    instant = require_aware(value, name)
    if instant.year in (1, 9999):  # only the first and last years can overflow
        try:
            instant.astimezone(VN_TZ)
        except OverflowError:
            raise CalendarRangeError(
                f"Thời điểm (instant): {name}={instant.isoformat()} falls outside years 1–9999 "
                "in Vietnam time (UTC+7), where a dossier's dates are counted",
                hint="pass an instant inside the calendar's range",
                argument=name,
            ) from None
    return instant
