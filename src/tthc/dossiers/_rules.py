"""The transition table, as data: ``(status, event) -> Transition``, from ``dossier_rules.json``.

Each row names the rule it follows (``"T7"``); the rule's legal basis and wording are in the
same file. Who may record each kind of event is there too.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from tthc.dossiers import _legal
from tthc.dossiers._model import ActorRole, Channel, DossierStatus, EventKind
from tthc.errors import DataFileError
from tthc.legal import LegalRef

__all__: list[str] = []  # private module: the names are exported by tthc.dossiers

ALL_CHANNELS = frozenset(Channel)


@attrs.frozen(slots=True)
class Transition:
    """One row of the transition table: ``source --event--> target``.

    Attributes:
        source: Status the dossier must be in.
        event: The event.
        target: Status after the event.
        rule: Rule id in ``dossier_rules.json`` (``"T7"``), which holds its legal basis.
        channels: Channels for which the row applies.
    """

    source: DossierStatus
    event: EventKind
    target: DossierStatus
    rule: str
    channels: frozenset[Channel] = ALL_CHANNELS

    @property
    def legal_ref(self) -> LegalRef:
        """Legal basis of the rule."""
        return _legal.rules().rules[self.rule]

    @property
    def description(self) -> str:
        """What the rule says, in English."""
        return _legal.rules().rule_text[self.rule]


def _bad(where: str, exc: Exception) -> DataFileError:
    return DataFileError(
        f"Tệp dữ liệu (data file) {_legal.DATA_FILE}: {where} is not valid ({exc})",
        file=_legal.DATA_FILE,
        path=where,
    )


def _row(entry: Mapping[str, Any], rules: Mapping[str, Any], where: str) -> Transition:
    try:
        if entry["rule"] not in rules:
            raise KeyError(entry["rule"])
        channels = entry.get("channels")
        return Transition(
            DossierStatus(entry["from"]),
            EventKind(entry["event"]),
            DossierStatus(entry["to"]),
            str(entry["rule"]),
            ALL_CHANNELS if channels is None else frozenset(Channel(c) for c in channels),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise _bad(where, exc) from None


def parse_table(raw: Mapping[str, Any]) -> Mapping[tuple[DossierStatus, EventKind], Transition]:
    """Return the table of the file's ``transitions`` rows (the order of the file is kept)."""
    rows: Iterable[Transition] = (
        _row(entry, raw["rules"], f"transitions[{index}]")
        for index, entry in enumerate(raw["transitions"])
    )
    return types.MappingProxyType({(row.source, row.event): row for row in rows})


def parse_roles(raw: Mapping[str, Any]) -> Mapping[EventKind, frozenset[ActorRole]]:
    """Return the roles that may record each kind of event (``events.<kind>.roles``)."""
    roles: dict[EventKind, frozenset[ActorRole]] = {}
    for kind in EventKind:
        where = f"events.{kind.value}.roles"
        try:
            roles[kind] = frozenset(ActorRole(r) for r in raw["events"][kind.value]["roles"])
        except (KeyError, ValueError, TypeError) as exc:
            raise _bad(where, exc) from None
    return types.MappingProxyType(roles)


#: The transition table, as data: ``(status, event) -> Transition``. Immutable.
TRANSITIONS: Mapping[tuple[DossierStatus, EventKind], Transition] = parse_table(_legal.raw())

#: Roles that may record each kind of event. A supplement request recorded by the competent
#: authority itself is accepted but flagged (Điều 5.1.e: it must go through the one-stop).
EVENT_ROLES: Mapping[EventKind, frozenset[ActorRole]] = parse_roles(_legal.raw())


def allowed_events(status: DossierStatus, channel: Channel) -> tuple[EventKind, ...]:
    """Return the events the table allows in ``status`` for ``channel`` (ignoring history).

    [`Dossier.allowed_events`][tthc.dossiers.Dossier.allowed_events] also applies the once-only rules (one supplement request,
    one extension).
    """
    return tuple(
        kind
        for kind in EventKind
        if (row := TRANSITIONS.get((status, kind))) is not None and channel in row.channels
    )


def rules_for(kind: EventKind) -> list[Transition]:
    """Return one row per rule that ``kind`` follows somewhere in the table."""
    seen: dict[str, Transition] = {}
    for row in TRANSITIONS.values():
        if row.event is kind and row.rule not in seen:
            seen[row.rule] = row
    return list(seen.values())


def mermaid_state_diagram() -> str:
    """Return a Mermaid ``stateDiagram-v2`` of [`TRANSITIONS`][tthc.dossiers.TRANSITIONS] (generated, never drawn by hand).

    Edges with several events are merged; events limited to some channels say which. The
    re-homing of a dossier to its unit's successor (``REHOMED``, rule T18), allowed in every
    non-final status and changing none, is left out: it would loop on every state.
    """
    lines = ["stateDiagram-v2"]
    for status in DossierStatus:
        lines.append(f'    state "{status.name_vi}<br/>{status.name_en}" as {status.name}')
    lines.append(f"    [*] --> {DossierStatus.DRAFT.name}")
    edges: dict[tuple[DossierStatus, DossierStatus], list[str]] = {}
    for row in TRANSITIONS.values():
        if row.event is EventKind.REHOMED:
            continue
        label = row.event.value
        if row.channels != ALL_CHANNELS:
            label += " (" + "/".join(sorted(c.value for c in row.channels)) + ")"
        edges.setdefault((row.source, row.target), []).append(label)
    for (source, target), labels in edges.items():
        lines.append(f"    {source.name} --> {target.name}: {', '.join(labels)}")
    for status in DossierStatus:
        if status.is_terminal or status is DossierStatus.DELIVERED:
            lines.append(f"    {status.name} --> [*]")
    return "\n".join(lines) + "\n"
