"""The dossier's own hooks on the one converter of :mod:`tthc.serde`.

A dossier's processing time is a tagged union (``{"type": "processing_time", ...}`` or
``{"type": "duration", ...}``); its calendar travels with it (``"calendar"``: the registered
calendar it derives from and its own days, written only when the dossier has one; none means
the national calendar), so that it is due on the same day after a round trip. Reading a
dossier replays its log on that calendar: an event that does not fit is reported at its path,
``$.events[3]``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from tthc.deadlines import Duration, ProcessingTime
from tthc.dossiers._dossier import Dossier
from tthc.dossiers._model import DossierEvent
from tthc.errors import DossierError

__all__: list[str] = []  # private module

_TAGS = {Duration: "duration", ProcessingTime: "processing_time"}


def configure(conv: cattrs.Converter) -> None:
    """Register the dossier hooks on ``conv`` (called by :func:`tthc.serde.register_hooks`)."""
    configure_tagged_union(
        ProcessingTime | Duration,
        conv,
        tag_generator=lambda cls: _TAGS[cls],
        tag_name="type",
    )
    conv.register_unstructure_hook(
        Dossier, make_dict_unstructure_fn(Dossier, conv, calendar=override(omit_if_default=True))
    )
    structure = make_dict_structure_fn(Dossier, conv)
    conv.register_structure_hook(Dossier, _pointing_at_the_event(structure))


def _pointing_at_the_event(
    structure: Callable[[Any, Any], Dossier],
) -> Callable[[Any, Any], Dossier]:
    """Wrap ``structure`` so that an event the replay refuses is reported at its index."""

    def hook(data: Any, cls: Any) -> Dossier:
        try:
            return structure(data, cls)
        except ClassValidationError as exc:
            noted, plain = exc.group_exceptions()
            errors = [*(sub for sub, _ in noted), *(_at_its_event(sub) for sub in plain)]
            raise ClassValidationError(exc.message, errors, exc.cl) from None

    return hook


def _at_its_event(exc: Exception) -> Exception:
    """Return a refusal of the replay with the path of its event (``events[index]``)."""
    index = exc.context.get("index") if isinstance(exc, DossierError) else None
    if isinstance(index, bool) or not isinstance(index, int):
        return exc
    # the notes cattrs reads to name a path (set by hand: Python 3.10 has no add_note)
    item = IterableValidationNote(f"item {index}", index, DossierEvent)
    setattr(exc, "__notes__", [*getattr(exc, "__notes__", ()), item])  # noqa: B010
    events = IterableValidationError("While replaying the events", [exc], tuple)
    setattr(events, "__notes__", [AttributeValidationNote("the event log", "events", tuple)])  # noqa: B010
    return events
