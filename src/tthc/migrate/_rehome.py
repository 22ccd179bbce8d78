"""Re-homing a dossier (hồ sơ) whose receiving or competent unit no longer exists."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from tthc.errors import InputTypeError
from tthc.migrate._convert import successor_of

if TYPE_CHECKING:
    from tthc.dossiers import Actor, Dossier

__all__: list[str] = []  # private module: the names are exported by tthc.migrate


def rehome(
    dossier: Dossier,
    *,
    role: str,
    at: _dt.datetime,
    actor: Actor,
    choose: str | None = None,
) -> Dossier:
    """Return ``dossier`` with its old reception or competent unit moved to the successor.

    The move is recorded as a ``REHOMED`` event citing the clause of the resolution that
    transferred the old unit ([`successor_of`][tthc.migrate.successor_of]); the dossier's status, time limit and
    history are unchanged, and its ``reception_unit`` / ``competent_unit`` keep the units it
    was received with (``current_reception_unit`` / ``current_competent_unit`` give the new
    ones).

    Args:
        dossier: The dossier; its current unit for ``role`` is the old unit's code.
        role: ``"reception"`` (Bộ phận Một cửa that received it) or ``"competent"``
            (cơ quan có thẩm quyền giải quyết).
        at: When the move is recorded (aware, not earlier than the dossier's last event).
        actor: Who records it.
        choose: Code of the successor, required when the old unit was split; a person
            decides it from the dossier's address.

    Raises:
        InputTypeError: ``role`` is neither ``"reception"`` nor ``"competent"``.
        AmbiguousUnitName: the old unit was split and ``choose`` is ``None``.
        UnknownUnit: the unit is not an old unit with successors, or ``choose`` is not one of
            its successors.
        InvalidEvent: the event does not fit the dossier (e.g. out of time order).
        InvalidTransition: the dossier's status allows no re-homing (a final status).
    """
    from tthc.dossiers import DossierEvent, EventKind  # noqa: PLC0415 - no import cycle

    if role == "reception":
        old = dossier.current_reception_unit
    elif role == "competent":
        old = dossier.current_competent_unit
    else:
        raise InputTypeError(
            f"Vai trò của đơn vị (unit role) must be 'reception' or 'competent', got {role!r}",
            argument="role",
            got=repr(role),
        )
    succession = successor_of(old, choose=choose)
    event = DossierEvent(
        EventKind.REHOMED,
        dossier.code,
        at,
        actor,
        reason=f"{succession.old} → {succession.new} ({succession.share})",
        legal_ref=succession.legal_basis,
        to_unit=succession.new.code,
        unit_role=role,
        from_unit=old,
    )
    return dossier.apply(event)
