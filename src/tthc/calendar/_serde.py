"""A calendar's own hooks on the one converter of [`tthc.serde`][tthc.serde]: what a stored calendar is.

A calendar is stored as the name of the registered calendar it derives from (``base``: today
the national [`civil_service_calendar`][tthc.calendar.civil_service_calendar]) and its overlay, the days it
changes, each with its kind, names and legal reference (a province's storm closure, a decided
make-up day)::

    {"base": "Lịch làm việc khu vực công (Vietnam public sector)", "name": "Cần Thơ",
     "strict": false,
     "days": [{"date": "2026-10-05", "kind": "local_closure", "name_vi": "...",
               "name_en": "...", "legal_ref": {...}}]}

Reading it rebuilds the calendar from the registered one with the same overlay, so every answer
is the same. A base name that does not resolve is refused, never replaced by the national
calendar. A calendar that cannot be written this way (built by hand with another range or
weekly rest, a day of the base removed, a day without its legal reference) is refused when
written, so that nothing is lost.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from tthc.calendar._model import DayInfo, DayKind
from tthc.calendar._national import civil_service_calendar
from tthc.calendar._work_calendar import WorkCalendar
from tthc.errors import SerializationError
from tthc.legal import LegalRef

__all__: list[str] = []  # private module


@attrs.frozen(slots=True)
class StoredDay:
    """One day of a stored overlay: the date, what it is, its names and legal reference."""

    date: _dt.date
    kind: DayKind
    name_vi: str
    name_en: str
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class StoredCalendar:
    """A stored calendar: the registered base, the calendar's name and mode, its overlay."""

    base: str
    name: str
    strict: bool
    days: tuple[StoredDay, ...]


def registered_calendars() -> dict[str, Callable[[], WorkCalendar]]:
    """Return the calendars a stored calendar may name as its ``base``, by name."""
    national = civil_service_calendar()
    return {national.name: civil_service_calendar}


def _unstorable(calendar: WorkCalendar, why: str) -> SerializationError:
    return SerializationError(
        f"Lịch làm việc (working calendar) {calendar.name!r} cannot be stored: {why}",
        hint="derive the calendar from tthc.calendar.civil_service_calendar() with "
        "with_days_off(...) / with_working_days(...)",
        path="$",
        calendar=calendar.name,
    )


def _base_of(calendar: WorkCalendar) -> WorkCalendar:
    for factory in registered_calendars().values():
        base = factory().with_strict(calendar.strict)
        if (
            base.first_day == calendar.first_day
            and base.last_day == calendar.last_day
            and base.confirmed_through == calendar.confirmed_through
            and base.data_version == calendar.data_version
            and base.weekly_rest == calendar.weekly_rest
            and base._rest_info == calendar._rest_info
            and base._special.keys() <= calendar._special.keys()
        ):
            return base
    raise _unstorable(calendar, "it is not derived from a registered calendar")


@functools.lru_cache(maxsize=64)
def stored(calendar: WorkCalendar) -> StoredCalendar:
    """Return what is stored of ``calendar`` (cached: dossiers share their calendars).

    Raises:
        SerializationError: ``calendar`` cannot be rebuilt from what would be stored.
    """
    base = _base_of(calendar)
    days = []
    for day, info in sorted(calendar._special.items()):
        if base._special.get(day) == info:
            continue
        if info.legal_ref is None:
            raise _unstorable(calendar, f"{day.isoformat()} has no legal reference")
        days.append(StoredDay(day, info.kind, info.name_vi, info.name_en, info.legal_ref))
    result = StoredCalendar(base.name, calendar.name, calendar.strict, tuple(days))
    if rebuilt(result) != calendar:
        raise _unstorable(calendar, "some of its days differ from their rebuilt form")
    return result


@functools.lru_cache(maxsize=64)
def rebuilt(data: StoredCalendar) -> WorkCalendar:
    """Return the calendar ``data`` describes: its registered base with the overlay laid on.

    Raises:
        SerializationError: ``base`` names no registered calendar (``context['subpath']``).
        CalendarRangeError: a day lies outside the base calendar's range.
    """
    factory = registered_calendars().get(data.base)
    if factory is None:
        known = ", ".join(repr(key) for key in registered_calendars())
        raise SerializationError(
            f"Lịch làm việc (working calendar) {data.base!r} is not a registered calendar "
            f"(known: {known}); a stored dossier never runs on another calendar instead",
            hint="store calendars derived from tthc.calendar.civil_service_calendar()",
            subpath=".base",
        )
    base = factory().with_strict(data.strict)
    special = dict(base._special)
    for day in data.days:
        special[day.date] = DayInfo(
            date=day.date,
            kind=day.kind,
            is_working_day=day.kind.is_working,
            name_vi=day.name_vi,
            name_en=day.name_en,
            legal_ref=day.legal_ref,
            provisional=day.date > base.confirmed_through,
        )
    return base._derive(special, data.name)


def configure(conv: cattrs.Converter) -> None:
    """Register the calendar hooks on ``conv`` (called by [`tthc.serde.converter`][tthc.serde.converter] when it builds it)."""

    def unstructure(calendar: WorkCalendar) -> Any:
        return conv.unstructure(stored(calendar), StoredCalendar)

    def structure(data: Any, _: Any) -> WorkCalendar:
        return rebuilt(conv.structure(data, StoredCalendar))

    # by predicate: register_*_hook(WorkCalendar) would evaluate its annotations (array[int])
    conv.register_unstructure_hook_func(lambda cls: cls is WorkCalendar, unstructure)
    conv.register_structure_hook_func(lambda cls: cls is WorkCalendar, structure)
