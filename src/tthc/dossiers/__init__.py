"""The life cycle of a dossier (hồ sơ thủ tục hành chính) under Decree 118/2025/NĐ-CP.

A [`Dossier`][tthc.dossiers.Dossier] is immutable data: who it is (code, procedure, channel, reception and
competent units), the processing time that applies, and an append-only tuple of
[`DossierEvent`][tthc.dossiers.DossierEvent]. Everything else, its [`DossierStatus`][tthc.dossiers.DossierStatus], the current due date and its
history, the pauses while the applicant has to act, the breaches of the law and the timeliness,
is *derived* from the events by replaying them through [`TRANSITIONS`][tthc.dossiers.TRANSITIONS], the transition table.

[`Dossier.apply`][tthc.dossiers.Dossier.apply] returns a new dossier with one more event, or raises
[`InvalidTransition`][tthc.errors.InvalidTransition] (the event is not allowed now, with the events that are
and the legal basis) or [`InvalidEvent`][tthc.errors.InvalidEvent] (the event is malformed for this
dossier: another dossier's code, out of time order, wrong actor, no reason where the law wants
one). Acts that the law forbids but that do happen, such as a supplement request on the fifth
working day, are accepted and recorded in [`Dossier.breaches`][tthc.dossiers.Dossier.breaches] with the article they breach.

The transition table, who may record each event, the legal references of the rules and the
national portal codes live in ``tthc/data/dossier_rules.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tthc import serde as _serde_module
from tthc.dossiers._dossier import Dossier
from tthc.dossiers._legal import dossier_rules_version
from tthc.dossiers._model import (
    Actor,
    ActorRole,
    Channel,
    DossierEvent,
    DossierStatus,
    EventKind,
    SectorRules,
)
from tthc.dossiers._portal import PortalStatusRecord, SupplementRecord, portal_status_record
from tthc.dossiers._records import (
    Breach,
    DeadlineRevision,
    DeadlineRevisionKind,
    Handoff,
    Pause,
    PauseReason,
)
from tthc.dossiers._rules import TRANSITIONS, Transition, allowed_events, mermaid_state_diagram
from tthc.dossiers._timeline import TimelineEntry

if TYPE_CHECKING:
    import cattrs

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # the dossier and its log
    "Dossier",
    "DossierEvent",
    "EventKind",
    "Actor",
    "ActorRole",
    "Channel",
    "SectorRules",
    # the state machine
    "DossierStatus",
    "TRANSITIONS",
    "Transition",
    "allowed_events",
    "mermaid_state_diagram",
    "dossier_rules_version",
    # what a replay derives
    "Breach",
    "DeadlineRevision",
    "DeadlineRevisionKind",
    "Handoff",
    "Pause",
    "PauseReason",
    "TimelineEntry",
    # the national portal
    "PortalStatusRecord",
    "SupplementRecord",
    "portal_status_record",
]


def _configure_serde(conv: cattrs.Converter) -> None:
    from tthc.dossiers._serde import configure  # noqa: PLC0415 - cattrs.gen on first use only

    configure(conv)


_serde_module.register_hooks(_configure_serde)
