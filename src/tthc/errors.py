"""Errors raised by tthc, each with a stable machine-readable ``code``.

Every exception the library raises on purpose derives from [`TthcError`][tthc.errors.TthcError]. Systems that call
tthc can branch on ``err.code`` (stable across releases) rather than on message text, log
``err.to_dict()``, and show ``err.hint`` to the operator: it says what the caller can do.

Messages name the Vietnamese legal term first and the English meaning after it, for example
``"Ngày ngoài phạm vi lịch (date outside the calendar range): …"``. They never include data the
caller did not pass in.

Where a built-in exception class is the natural category, the tthc class also derives from it
(``CalendarRangeError`` is a ``LookupError``, ``InputTypeError`` a ``TypeError``), so generic
handlers keep working. New error classes are added here, never elsewhere, so that the list of
codes stays in one place (see ``docs/reference/errors.md``).

The hierarchy (a test keeps this drawing equal to the classes)::

    TthcError
    ├── InputTypeError              (also TypeError)
    ├── NaiveDatetimeError          (also ValueError)
    ├── InvalidArrayError           (also ValueError)
    ├── MissingExtraError           (also ImportError)
    ├── DataFileError               (also ValueError)
    │   ├── CalendarDataError
    │   └── CatalogError
    ├── SerializationError          (also ValueError)
    ├── CalendarRangeError          (also LookupError)
    ├── ProvisionalCalendarError    (also LookupError)
    ├── ProcessingTimeParseError    (also ValueError)
    │   └── CaseRequired
    ├── DurationError               (also ValueError)
    ├── ExtensionNotAllowed         (also ValueError)
    ├── DossierError                (also ValueError)
    │   ├── InvalidTransition
    │   ├── InvalidEvent
    │   └── RegimeNotModelled
    ├── UnknownProcedure            (also LookupError)
    ├── UnknownUnit                 (also LookupError)
    ├── UnitNotInForce              (also LookupError)
    ├── AmbiguousUnitName           (also LookupError)
    ├── NoCompetenceRule            (also LookupError)
    └── ReportError                 (also ValueError)

To raise one: ``raise UnknownUnit("Đơn vị hành chính (administrative unit) …", hint="…",
unit="31135")`` — the message, then a ``hint`` saying what the caller can do, then structured
context as keyword arguments; the stable ``code`` belongs to the class. Never raise a bare ``ValueError``/``KeyError`` from the package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

__all__ = [
    "AmbiguousUnitName",
    "CalendarDataError",
    "CalendarRangeError",
    "CaseRequired",
    "CatalogError",
    "DataFileError",
    "DossierError",
    "DurationError",
    "ExtensionNotAllowed",
    "InputTypeError",
    "InvalidArrayError",
    "InvalidEvent",
    "InvalidTransition",
    "MissingExtraError",
    "NaiveDatetimeError",
    "NoCompetenceRule",
    "ProcessingTimeParseError",
    "ProvisionalCalendarError",
    "RegimeNotModelled",
    "ReportError",
    "SerializationError",
    "TthcError",
    "UnitNotInForce",
    "UnknownProcedure",
    "UnknownUnit",
    "all_error_codes",
]


class TthcError(Exception):
    """Base class of every error tthc raises on purpose.

    Attributes:
        code: Stable, machine-readable identifier (``"calendar.out_of_range"``). Class-level.
        message: Human-readable message: Vietnamese term, English meaning, details.
        hint: What the caller can do about it, or ``None`` when nothing useful can be said.
        context: Structured details (the offending value, the allowed range, ...).
    """

    code: ClassVar[str] = "tthc.error"

    def __init__(self, message: str, *, hint: str | None = None, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.context: Mapping[str, Any] = dict(context)

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (multiprocessing, Dask) with their hint and context.
        return (_rebuild, (type(self), self.message, self.hint, dict(self.context)))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-friendly description: code, message, hint and context (as strings)."""
        return {
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "context": {key: _plain(value) for key, value in self.context.items()},
        }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | frozenset | set):
        return [_plain(v) for v in value]
    return str(value)


# --- input -------------------------------------------------------------------------------------


class InputTypeError(TthcError, TypeError):
    """A value of the wrong type was passed (e.g. a ``datetime`` where a ``date`` is meant)."""

    code: ClassVar[str] = "input.wrong_type"


class NaiveDatetimeError(TthcError, ValueError):
    """A naive ``datetime`` was passed where the time of day matters and a zone is required."""

    code: ClassVar[str] = "input.naive_datetime"


class InvalidArrayError(TthcError, ValueError):
    """An array argument of the bulk API has bad values or shapes (NaT, partial days, mismatch)."""

    code: ClassVar[str] = "input.invalid_array"


class MissingExtraError(TthcError, ImportError):
    """An optional dependency (``pip install tthc[numpy]`` and the like) is not installed."""

    code: ClassVar[str] = "install.missing_extra"


# --- data files --------------------------------------------------------------------------------


class DataFileError(TthcError, ValueError):
    """A data file (bundled or user-supplied) is malformed.

    ``context`` names ``file``, ``row`` (1-based, header = row 1 for CSV) or JSON ``path``, and
    ``field``.
    """

    code: ClassVar[str] = "data.invalid"


class CalendarDataError(DataFileError):
    """A calendar overlay or calendar metadata file is malformed."""

    code: ClassVar[str] = "calendar.bad_data"


class CatalogError(DataFileError):
    """A procedure catalogue file is malformed."""

    code: ClassVar[str] = "procedure.bad_catalog"


class SerializationError(TthcError, ValueError):
    """A JSON document could not be turned into tthc objects (``context['path']`` names where)."""

    code: ClassVar[str] = "serde.invalid"


# --- calendar ----------------------------------------------------------------------------------


class CalendarRangeError(TthcError, LookupError):
    """A date (or a result of date arithmetic) lies outside the calendar's supported range."""

    code: ClassVar[str] = "calendar.out_of_range"


class ProvisionalCalendarError(TthcError, LookupError):
    """A strict calendar was asked about a year whose days off are not yet officially announced."""

    code: ClassVar[str] = "calendar.provisional"


# --- deadlines ---------------------------------------------------------------------------------


class ProcessingTimeParseError(TthcError, ValueError):
    """A processing-time text (thời hạn giải quyết) could not be read without guessing."""

    code: ClassVar[str] = "deadline.unparsable"


class CaseRequired(ProcessingTimeParseError):
    """The text gives distinct cases (or channels) with no default: the caller must name one.

    ``context["cases"]`` lists the labels the caller may name.
    """

    code: ClassVar[str] = "deadline.case_required"


class DurationError(TthcError, ValueError):
    """A duration is meaningless (negative amount, unit mismatch, fraction of a calendar day)."""

    code: ClassVar[str] = "deadline.invalid_duration"


class ExtensionNotAllowed(TthcError, ValueError):
    """An extension (gia hạn) was asked for when Decree 118/2025 Art. 19.6 does not allow it."""

    code: ClassVar[str] = "deadline.extension_not_allowed"


# --- dossiers ----------------------------------------------------------------------------------


class DossierError(TthcError, ValueError):
    """Base of dossier errors."""

    code: ClassVar[str] = "dossier.error"


class InvalidTransition(DossierError):
    """An event is not allowed in the dossier's current status."""

    code: ClassVar[str] = "dossier.invalid_transition"


class InvalidEvent(DossierError):
    """An event is malformed for this dossier (other dossier, out of time order, naive time)."""

    code: ClassVar[str] = "dossier.invalid_event"


class RegimeNotModelled(DossierError):
    """The dossier was received under a one-stop regime tthc does not model.

    Dossiers are judged under the rules in force when they were received. tthc models the
    regime of Decree 118/2025/NĐ-CP (from 1/7/2025); a dossier received before it fell under
    Decree 61/2018/NĐ-CP (amended by Decree 107/2021/NĐ-CP), whose life-cycle rules are not in
    tthc's data.
    """

    code: ClassVar[str] = "dossier.regime_not_modelled"


# --- procedures, units, authorities ------------------------------------------------------------


class UnknownProcedure(TthcError, LookupError):
    """No procedure with this code is in the catalogue."""

    code: ClassVar[str] = "procedure.unknown"


class UnknownUnit(TthcError, LookupError):
    """No administrative unit with this code or name is known."""

    code: ClassVar[str] = "unit.unknown"


class UnitNotInForce(TthcError, LookupError):
    """The administrative unit exists but did not exist (was not in force) on the given date."""

    code: ClassVar[str] = "unit.not_in_force"


class AmbiguousUnitName(TthcError, LookupError):
    """A unit name matches several units; ``context['candidates']`` lists their codes."""

    code: ClassVar[str] = "unit.ambiguous"


class NoCompetenceRule(TthcError, LookupError):
    """No competence rule covers this procedure, unit and date: tthc will not guess."""

    code: ClassVar[str] = "authority.no_rule"


# --- reports ------------------------------------------------------------------------------------


class ReportError(TthcError, ValueError):
    """A statistical report cannot be filled from what was given without guessing.

    For example an online dossier whose channel does not say whether it was fully or partly
    online (columns (4) and (5) of Biểu 07a), or a period before the form was in force.
    """

    code: ClassVar[str] = "report.invalid"


def _rebuild(
    cls: type[TthcError], message: str, hint: str | None, context: dict[str, Any]
) -> TthcError:
    return cls(message, hint=hint, **context)


def all_error_codes() -> dict[str, type[TthcError]]:
    """Return every error code defined by tthc, mapped to its class (for docs and tests)."""
    found: dict[str, type[TthcError]] = {}
    pending: list[type[TthcError]] = [TthcError]
    while pending:
        cls = pending.pop()
        found[cls.code] = cls
        pending.extend(cls.__subclasses__())
    return dict(sorted(found.items()))
