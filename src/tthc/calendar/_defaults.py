"""The default calendar and office hours, resolved in one place.

Every public function that takes ``calendar=None`` and ``office_hours=None`` resolves them here:
``None`` means the national [`civil_service_calendar`][tthc.calendar.civil_service_calendar] and the default
[`OfficeHours`][tthc.calendar.OfficeHours] (07:30–11:30, 13:00–17:00); anything else must be of the
right type or [`InputTypeError`][tthc.errors.InputTypeError] is raised.
"""

from __future__ import annotations

from tthc.calendar._model import OfficeHours
from tthc.calendar._national import civil_service_calendar
from tthc.calendar._work_calendar import WorkCalendar
from tthc.errors import InputTypeError

__all__: list[str] = []  # private module: import the names directly

DEFAULT_OFFICE_HOURS = OfficeHours()
"""The default office hours (one shared, immutable instance)."""


def resolve_calendar(calendar: WorkCalendar | None) -> WorkCalendar:
    """Return ``calendar``, or the national calendar when it is ``None``.

    Raises:
        InputTypeError: ``calendar`` is neither ``None`` nor a [`WorkCalendar`][tthc.calendar.WorkCalendar].
    """
    if calendar is None:
        return civil_service_calendar()
    if not isinstance(calendar, WorkCalendar):
        raise InputTypeError(
            f"Lịch làm việc (calendar): expected a WorkCalendar, got {type(calendar).__name__}",
            hint="pass tthc.calendar.civil_service_calendar() or a calendar derived from it",
            argument="calendar",
            got=type(calendar).__name__,
        )
    return calendar


def resolve_office_hours(office_hours: OfficeHours | None) -> OfficeHours:
    """Return ``office_hours``, or the default [`OfficeHours`][tthc.calendar.OfficeHours] when it is ``None``.

    Raises:
        InputTypeError: ``office_hours`` is neither ``None`` nor an [`OfficeHours`][tthc.calendar.OfficeHours].
    """
    if office_hours is None:
        return DEFAULT_OFFICE_HOURS
    if not isinstance(office_hours, OfficeHours):
        raise InputTypeError(
            "Giờ làm việc (office hours): expected an OfficeHours, got "
            f"{type(office_hours).__name__}",
            hint="pass tthc.calendar.OfficeHours(...) or None for 07:30–11:30, 13:00–17:00",
            argument="office_hours",
            got=type(office_hours).__name__,
        )
    return office_hours


def resolve(
    calendar: WorkCalendar | None, office_hours: OfficeHours | None
) -> tuple[WorkCalendar, OfficeHours]:
    """Return ``(calendar, office_hours)`` with ``None`` replaced by the national defaults.

    The calendar is checked first, so a call with two wrong arguments names the calendar.

    Raises:
        InputTypeError: an argument is neither ``None`` nor of the expected type.
    """
    return resolve_calendar(calendar), resolve_office_hours(office_hours)
