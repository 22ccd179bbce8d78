"""Helpers shared by every subcommand: argument parsing, JSON output and error reporting.

Every command reads dates and instants with `parse_date_arg` and `parse_instant_arg`,
prints JSON with `dump_json`, writes a legal reference with `ref_json` and reports a
[`TthcError`][tthc.errors.TthcError] with `report_error` (one line ``error[<code>]: <message>`` on
stderr, exit status 2); any other exception is an internal error, reported by
`report_internal` (one line and where to report it, exit status 3).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import json
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tthc._time import VN_TZ, read_instant
from tthc.errors import InputTypeError, TthcError, UnknownProcedure

if TYPE_CHECKING:
    from tthc.calendar import DayInfo
    from tthc.legal import LegalRef
    from tthc.units import AdministrativeUnit

__all__: list[str] = []  # private module: import the names directly

Handler = Callable[[argparse.Namespace], int]
"""What a subcommand runs: the parsed arguments in, the exit status out."""


# DD/MM/YYYY (one or two digits for the day and the month, as on Vietnamese forms), then an
# optional time after a space or "T" (29/04/2026 16:00).
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(.*))?", re.ASCII)
_ONE_DIGIT_HOUR = re.compile(r"^(\S+?)[ T](\d)(?=:)", re.ASCII)
_INSTANT_FORMS = "'29/04/2026 16:00' or '2026-04-29 16:00' (Vietnam time), or with an offset: '2026-04-29T16:00+07:00'"


def parse_date_arg(text: str, name: str) -> _dt.date:
    """Read a command-line date written ``YYYY-MM-DD`` (ISO 8601) or ``DD/MM/YYYY``.

    The one date reader of the command line: every option or argument that takes a date uses it.

    Raises:
        InputTypeError: ``text`` is not a date in either form (a date and time included).
    """
    value = text.strip()
    match = _DMY.fullmatch(value)
    try:
        if match is not None and match.group(4) is None:
            day, month, year = (int(match.group(i)) for i in (1, 2, 3))
            return _dt.date(year, month, day)
        if match is None:
            return _dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise InputTypeError(
        f"Ngày (date): {name} {text!r} is not a date",
        hint=f"write {name} as DD/MM/YYYY or YYYY-MM-DD, e.g. 01/03/2026 or 2026-03-01",
        argument=name,
    )


def parse_instant_arg(text: str, name: str, term: str) -> _dt.datetime:
    """Read a date and time of day; one without a UTC offset is read as Vietnam time (UTC+7).

    Accepted: ``DD/MM/YYYY HH:MM`` and ISO 8601 (``YYYY-MM-DD HH:MM``, ``YYYY-MM-DDTHH:MM+07:00``).
    A date alone is refused: the time of day decides a due date (a dossier accepted after 15:00
    is handled as accepted the next working day), so 00:00 is never assumed.

    Args:
        text: The command-line value.
        name: The option, for the message (``"--accepted"``).
        term: Vietnamese term and English meaning, e.g. ``"Thời điểm tiếp nhận (acceptance time)"``.

    Raises:
        InputTypeError: ``text`` is not a date and time, or is a date without a time of day.
    """
    raw = text.strip()
    match = _DMY.fullmatch(raw)
    iso = raw  # not a DD/MM/YYYY date: ISO 8601 or nothing
    if match is not None and _is_date(dmy := "-".join(match.group(i).zfill(2) for i in (3, 2, 1))):
        clock = (match.group(4) or "").strip()
        iso = f"{dmy}T{clock}" if clock else dmy
    iso = _ONE_DIGIT_HOUR.sub(r"\1T0\2", iso)  # 7:30 is 07:30
    if _is_date(iso):
        raise InputTypeError(
            f"{term}: {name} {text!r} is a date without a time of day (thiếu giờ)",
            hint=f"write {name} with the time: {_INSTANT_FORMS}",
            argument=name,
        )
    try:
        value = read_instant(iso)  # +07:00 in VN_TZ, as tthc reads every stored instant
    except ValueError:
        raise InputTypeError(
            f"{term}: {name} {text!r} is not a date and time",
            hint=f"write {name} as {_INSTANT_FORMS}",
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


def _is_date(text: str) -> bool:
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def resolve_unit_arg(
    text: str,
    name: str,
    *,
    province: str | None = None,
    on: _dt.date | None = None,
) -> AdministrativeUnit:
    """Return the unit a command-line value names: a code (``31135``) or a name (``"P. Ninh Kiều"``).

    Names are matched as [`tthc.units.find_units`][tthc.units.find_units] does (accents, case and abbreviated kinds
    ignored); an unknown name raises with the closest names ([`tthc.units.suggest_units`][tthc.units.suggest_units]).

    Raises:
        UnknownUnit: no unit has this code or name.
        UnitNotInForce: the code names no unit in force on ``on``.
        AmbiguousUnitName: the name matches several units.
    """
    from tthc.units import unit, unit_by_name  # noqa: PLC0415 - keep `tthc --help` fast

    value = text.strip()
    if value.isascii() and value.isdigit():
        return unit(value, on=on)
    if not value:
        raise InputTypeError(
            f"Đơn vị hành chính (administrative unit): {name} is empty",
            hint=f"give {name} a unit code (31135) or name (Ninh Kiều)",
            argument=name,
        )
    return unit_by_name(value, province, on=on)


def resolve_procedure_arg(text: str, name: str) -> str:
    """Return the procedure code a command-line value names: a code, a tthc key or a name.

    A value that looks like a code or a key (``1.001193``, ``quy-hoach.phe-duyet``) is returned
    as given; a name (``"đăng ký khai sinh"``) gives the one procedure named so (accents and case
    ignored), or the only procedure the search finds.

    Raises:
        UnknownProcedure: no procedure, or several, match the name; the message lists them.
    """
    from tthc._text import fold  # noqa: PLC0415
    from tthc.procedures import load_catalog  # noqa: PLC0415 - keep `tthc --help` fast

    value = text.strip()
    if _CODE_LIKE.fullmatch(value):
        return value
    found = load_catalog().search(value, limit=20)
    wanted = fold(value).removeprefix("thu tuc ")
    named = [p for p in found if fold(p.name_vi).removeprefix("thu tuc ") == wanted]
    chosen = named or list(found)
    if len(chosen) == 1:
        return chosen[0].code
    listed = "; ".join(f"{p.code} {p.name_vi}" for p in chosen[:5])
    raise UnknownProcedure(
        f"Thủ tục hành chính (procedure): {name} {text!r} "
        + (f"matches several procedures: {listed}" if chosen else "matches no procedure"),
        hint=f'give the code; tthc procedure search "{value}" lists the procedures by name',
        code=text,
        candidates=tuple(p.code for p in chosen),
    )


_CODE_LIKE = re.compile(r"[\w.\-]+", re.ASCII)
"""A procedure code (``1.001193``) or a tthc key (``quy-hoach.phe-duyet``): ASCII, no space."""


def ref_json(ref: LegalRef | None) -> dict[str, Any] | None:
    """Return a legal reference in its one JSON shape ([`LegalRef.to_dict`][tthc.legal.LegalRef.to_dict])."""
    return None if ref is None else ref.to_dict()


def day_json(info: DayInfo) -> dict[str, Any]:
    """Return a day of the calendar in its one JSON shape (``calendar``, ``workdays``, ...)."""
    return {
        "date": info.date.isoformat(),
        "kind": info.kind.value,
        "is_working_day": info.is_working_day,
        "name_vi": info.name_vi,
        "name_en": info.name_en,
        "provisional": info.provisional,
        "legal_ref": ref_json(info.legal_ref),
    }


def dump_json(data: Any, *, indent: int = 2) -> str:
    """Serialise command output as pretty, UTF-8 JSON (no trailing newline).

    Absent values are ``null``, never ``""``: an empty string anywhere in ``data`` is written as
    ``null`` (the rule of ``tthc schema``, the JSON Schema every ``--json`` output follows).
    """
    return json.dumps(_absent_as_null(data), ensure_ascii=False, indent=indent)


def _absent_as_null(value: Any) -> Any:
    if isinstance(value, str) and not value:
        return None
    if isinstance(value, dict):
        return {key: _absent_as_null(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_absent_as_null(item) for item in value]
    return value


#: Exit statuses of every command.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3

REPORT_TO = "the tthc maintainers (https://tthc.readthedocs.io)"
"""Where to report an internal error (printed with it)."""


def usage_error(message: str) -> int:
    """Print ``error[cli.usage]: <message>`` on stderr and return the exit status 2.

    For options that cannot go together, or an option a command cannot honour: the message
    names the option to give or to drop (an option is never ignored silently).
    """
    print(f"error[cli.usage]: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def report_error(err: TthcError, command: str | None = None) -> int:
    """Print ``error[<code>]: <message> (<hint>)`` on stderr and return the exit status 2.

    The hint names a command or an option ([`tthc.cli._hints.cli_hint`][tthc.cli._hints.cli_hint]), not the Python
    of the library's own hint.

    Args:
        err: The error.
        command: The subcommand that raised it, for a ``tthc COMMAND --help`` hint.
    """
    from tthc.cli._hints import cli_hint  # noqa: PLC0415 - only on the error path

    hint = cli_hint(err, command)
    print(f"error[{err.code}]: {err.message}" + (f" ({hint})" if hint else ""), file=sys.stderr)
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
    """Wrap a subcommand so that a [`TthcError`][tthc.errors.TthcError] becomes exit status 2.

    [`tthc.cli.main`][tthc.cli.main] does the same for every command; the wrapper keeps a subcommand
    correct when it is registered on another parser (tests, embedding applications).
    """

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except TthcError as err:
            return report_error(err, getattr(args, "command", None))

    return run
