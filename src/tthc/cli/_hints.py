"""What the command line tells a user to do about an error: a command or an option, never Python.

A [`TthcError`][tthc.errors.TthcError] carries a ``hint`` written for library users ("use
tthc.units.successors('31117')", "pass facts={'plan_scope': ...}"). The command line prints
instead the hint of this module, chosen by the error's stable ``code`` and its context
(``tthc unit successors 31117``, ``--fact plan_scope=VALUE``). A library hint that names no
Python stays as it is; one that still reads like Python is replaced by the command's ``--help``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping

from tthc._time import format_date
from tthc.errors import TthcError

__all__: list[str] = []  # private module: `cli_hint` is used by tthc.cli._common

_Rule = Callable[[TthcError, str], "str | None"]

# Python in a hint: a call ("successors(", "Catalog.search("), a dotted tthc name, a keyword
# argument ("pass on=", "facts={"), an object ("pass a Duration"). Options and their values
# ("--fact k=v") are removed first.
_PYTHON = re.compile(r"[A-Za-z_][\w.]*\(|\btthc\.[a-z_]|\b[a-z_]{2,}=|\bpass an? [A-Z][a-z]+\b")
_OPTION = re.compile(r"--[\w-]+(?:[ =]\S+)?")


def looks_like_python(hint: str) -> bool:
    """Return whether a hint names Python (a call, a module, a keyword argument)."""
    return _PYTHON.search(_OPTION.sub("", hint)) is not None


def cli_hint(err: TthcError, command: str | None = None) -> str | None:
    """Return the hint to print for ``err`` on the command line (``None``: no hint).

    Args:
        err: The error.
        command: The subcommand that raised it (``"unit"``), for its ``--help``.
    """
    where = command or ""
    rule = _RULES.get(err.code)
    hint = rule(err, where) if rule is not None else None
    if hint is None:
        hint = err.hint
    if hint is not None and looks_like_python(hint):
        hint = f"xem / see: tthc {where} --help".replace("  ", " ")
    return hint


def _ctx(err: TthcError) -> Mapping[str, object]:
    return err.context


def _listed(err: TthcError, key: str) -> list[str]:
    value = err.context.get(key) or ()
    return [str(item) for item in value] if isinstance(value, (list, tuple)) else [str(value)]


def _unknown_unit(err: TthcError, command: str) -> str | None:
    ctx = _ctx(err)
    name = ctx.get("name")
    if ctx.get("pre_reform"):
        return f'tên trước 1/7/2025 / a pre-reform name: tthc unit successors "{name}"'
    if ctx.get("in_2025"):
        code = ctx.get("code")
        return f"{code} là mã từ 1/7/2025 / a 2025 code: tthc unit predecessors {code}"
    if err.message.startswith("Tỉnh (province)"):
        return 'give the province code or name, e.g. --province 92 or --province "TP Cần Thơ"'
    if name is not None and not ctx.get("suggestions"):
        spelling = "check the spelling (accents optional; kinds may be abbreviated: P., X., TP)"
        if command == "unit":
            return spelling
        return f'{spelling}, or give the unit code (tthc unit "NAME" finds it)'
    return None


def _not_in_force(err: TthcError, command: str) -> str | None:
    ctx = _ctx(err)
    code = ctx.get("code")
    if ctx.get("legacy"):
        return f"đơn vị trước 1/7/2025 / a pre-reform unit: tthc unit successors {code}"
    return (
        "before 1/7/2025 the pre-reform units apply: "
        f'tthc unit "NAME" --on {ctx.get("on") or "2025-06-30"} finds their codes'
    )


def _ambiguous_unit(err: TthcError, command: str) -> str | None:
    candidates = _listed(err, "candidates")
    listed = ", ".join(candidates[:8]) + (", …" if len(candidates) > 8 else "")
    if command == "unit":
        return f"give --province (92 or Cần Thơ) or one of the codes: {listed}"
    name = _ctx(err).get("name")
    return f'give the unit code, one of: {listed} (tthc unit "{name}" lists them)'


def _unknown_procedure(err: TthcError, command: str) -> str | None:
    if err.hint is not None and looks_like_python(err.hint):
        return "national codes look like 1.001193; tthc procedure search WORDS finds one by name"
    return None


def _no_rule(err: TthcError, command: str) -> str | None:
    missing = _listed(err, "missing_facts")
    if missing:
        return "give " + " ".join(f"--fact {key}=VALUE" for key in missing)
    hint = err.hint or ""
    if hint.startswith("check the values of the facts: "):
        facts = re.sub(r"(\w+)='([^']*)'", r"--fact \1=\2", hint.split(": ", 1)[1])
        return "give the facts of one rule: " + facts.replace("; ", " | ")
    if looks_like_python(hint):
        return (
            "tthc covers the competence of its own rules only; tthc procedure show CODE prints "
            "the authority as published"
        )
    return None


def _provisional(err: TthcError, command: str) -> str | None:
    return "run without --strict: answers for years not yet announced are marked dự kiến"


def _case_required(err: TthcError, command: str) -> str | None:
    option = "--channel" if _ctx(err).get("reason") == "channel_required" else "--case"
    return f"give {option} with one of: {', '.join(_listed(err, 'cases'))}"


def _unparsable(err: TthcError, command: str) -> str | None:
    if _ctx(err).get("reason") == "accent_free_ambiguous":
        return (
            'type the Vietnamese diacritics, e.g. --time "5 ngày làm việc": text without them is '
            "read only where every time word is unambiguous"
        )
    if err.hint is not None and looks_like_python(err.hint):
        return (
            'give --time with the limit that applies, e.g. --time "5 ngày làm việc", or --case '
            "WORDS when the text has several cases"
        )
    return None


def _too_large(err: TthcError, command: str) -> str | None:
    hint = err.hint or ""
    if "max_bytes" not in hint:
        return None
    if command == "workload":
        return hint.replace("pass a larger max_bytes", "give a larger --max-bytes")
    return "split the file"


def _out_of_range(err: TthcError, command: str) -> str | None:
    ctx = _ctx(err)
    first, last = ctx.get("first_day"), ctx.get("last_day")
    if "edge" in ctx or not (isinstance(first, _dt.date) and isinstance(last, _dt.date)):
        return None  # a count running off the range, or the year of `tthc calendar YEAR`
    if command == "calendar-export":
        return f"cho --from, --to từ {first.year} đến {last.year} / give years {first.year}–{last.year}"
    return (
        f"cho ngày từ {format_date(first)} đến {format_date(last)} / give dates from "
        f"{format_date(first)} to {format_date(last)}, the range of tthc's calendar"
    )


_RULES: Mapping[str, _Rule] = {
    "calendar.out_of_range": _out_of_range,
    "unit.unknown": _unknown_unit,
    "unit.not_in_force": _not_in_force,
    "unit.ambiguous": _ambiguous_unit,
    "procedure.unknown": _unknown_procedure,
    "authority.no_rule": _no_rule,
    "calendar.provisional": _provisional,
    "deadline.case_required": _case_required,
    "deadline.unparsable": _unparsable,
    "data.invalid": _too_large,
    "input.wrong_type": _too_large,
}
