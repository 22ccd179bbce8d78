"""A dossier's timeline: the status after each event and how long it lasted."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from tthc.dossiers._model import Actor, DossierEvent, DossierStatus, EventKind

__all__: list[str] = []  # private module: the names are exported by tthc.dossiers


@attrs.frozen(slots=True)
class TimelineEntry:
    """The dossier's status after one event, and how long it stayed so.

    Attributes:
        event_index: Index of the event.
        event: What happened.
        actor: Who acted.
        status: Status after the event.
        start: When the event happened.
        end: When the next event happened (or ``as_of``, or ``None`` for the open last entry).
        duration: ``end - start`` or ``None``.
    """

    event_index: int
    event: EventKind
    actor: Actor
    status: DossierStatus
    start: _dt.datetime
    end: _dt.datetime | None
    duration: _dt.timedelta | None


def timeline(
    events: Sequence[DossierEvent],
    statuses: Sequence[DossierStatus],
    as_of: _dt.datetime | None,
) -> tuple[TimelineEntry, ...]:
    """Return one entry per event; the last one ends at ``as_of`` unless terminal (else open)."""
    entries: list[TimelineEntry] = []
    count = len(events)
    for index, event in enumerate(events):
        status = statuses[index]
        end: _dt.datetime | None
        if index + 1 < count:
            end = events[index + 1].at
        elif as_of is not None and not status.is_terminal:
            end = max(as_of, event.at)
        else:
            end = None
        entries.append(
            TimelineEntry(
                event_index=index,
                event=event.kind,
                actor=event.actor,
                status=status,
                start=event.at,
                end=end,
                duration=None if end is None else end - event.at,
            )
        )
    return tuple(entries)


def time_in_status(entries: Sequence[TimelineEntry]) -> dict[DossierStatus, _dt.timedelta]:
    """Total time spent in each status over ``entries`` (open entries are not counted)."""
    totals: dict[DossierStatus, _dt.timedelta] = {}
    for entry in entries:
        if entry.duration is not None:
            totals[entry.status] = totals.get(entry.status, _dt.timedelta()) + entry.duration
    return totals
