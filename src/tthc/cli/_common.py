"""Helpers shared by every subcommand: argument parsing, JSON output and error reporting.

Every command reads dates and instants with :func:`parse_date_arg` and :func:`parse_instant_arg`,
prints JSON with :func:`dump_json`, writes a legal reference with :func:`ref_json` and reports a
:class:`~tthc.errors.TthcError` with :func:`report_error` (one line ``error[<code>]: <message>`` on
stderr, exit status 2); any other exception is an internal error, reported by
:func:`report_internal` (one line and where to report it, exit status 3).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tthc._time import VN_TZ
from tthc.errors import InputTypeError, TthcError

if TYPE_CHECKING:
    from tthc.legal import LegalRef

__all__: list[str] = []  # private module: import the names directly

Handler = Callable[[argparse.Namespace], int]
"""What a subcommand runs: the parsed arguments in, the exit status out."""


def parse_date_arg(text: str, name: str) -> _dt.date:
    """Read a ``YYYY-MM-DD`` (or ``DD/MM/YYYY``) command-line date.

    Raises:
        InputTypeError: ``text`` is not a date in either form.
    """
    value = text.strip()
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/", 2))
            return _dt.date(year, month, day)
        return _dt.date.fromisoformat(value)
    except (ValueError, OverflowError):  # 99999999999999999999/1/2026 overflows a C long
        raise InputTypeError(
            f"Ngày (date): {name} {text!r} is not a date",
            hint="write YYYY-MM-DD or DD/MM/YYYY",
            argument=name,
        ) from None


def parse_instant_arg(text: str, name: str, term: str) -> _dt.datetime:
    """Read an ISO 8601 instant; one without a UTC offset is read as Vietnam time (UTC+7).

    Args:
        text: The command-line value.
        name: The option, for the message (``"--accepted"``).
        term: Vietnamese term and English meaning, e.g. ``"Thời điểm tiếp nhận (acceptance time)"``.

    Raises:
        InputTypeError: ``text`` is not an ISO 8601 date-time.
    """
    try:
        value = _dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputTypeError(
            f"{term} {text!r} is not an ISO date-time",
            hint="write e.g. '2026-04-29 10:00' (Vietnam time) or '2026-04-29T10:00+07:00'",
            argument=name,
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    try:
        value.astimezone(VN_TZ)
    except OverflowError:  # 9999-12-31 23:59-05:00 is in year 10000 in Vietnam
        raise InputTypeError(
            f"{term} {text!r} cannot be expressed in Vietnam time (UTC+7): it falls outside the "
            "years 1–9999",
            hint="write an instant between years 1 and 9999 in Vietnam time",
            argument=name,
        ) from None
    return value


def ref_json(ref: LegalRef | None) -> dict[str, Any] | None:
    """Return a legal reference in its one JSON shape (:meth:`LegalRef.to_dict`)."""
    return None if ref is None else ref.to_dict()


def dump_json(data: Any, *, indent: int = 2) -> str:
    """Serialise command output as pretty, UTF-8 JSON (no trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=indent)


#: Exit statuses of every command.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3

REPORT_TO = "the tthc maintainers (https://tthc.readthedocs.io)"
"""Where to report an internal error (printed with it)."""


def report_error(err: TthcError) -> int:
    """Print ``error[<code>]: <message>`` on stderr and return the exit status 2."""
    print(f"error[{err.code}]: {err}", file=sys.stderr)
    return EXIT_BAD_INPUT


def report_internal(err: BaseException) -> int:
    """Print one line for an error tthc did not expect and return the exit status 3.

    No traceback (``--debug`` shows it): the line names the error and where to report it.
    """
    print(
        f"internal-error[{type(err).__name__}]: {err} — lỗi nội bộ của tthc (an internal error "
        f"of tthc); please report it with the command you ran to {REPORT_TO} "
        "(run it again with --debug for the traceback)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def guarded(handler: Handler) -> Handler:
    """Wrap a subcommand so that a :class:`~tthc.errors.TthcError` becomes exit status 2.

    :func:`tthc.cli.main` does the same for every command; the wrapper keeps a subcommand
    correct when it is registered on another parser (tests, embedding applications).
    """

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except TthcError as err:
            return report_error(err)

    return run
