"""The exact refusals of a re-homing (issue 17, item 5: the mutants of ``_on_rehomed``).

A ``REHOMED`` event moves a dossier from an old unit to the successor the 2025 reform gave it
(Luật 72/2025/QH15; Nghị quyết 1668/NQ-UBTVQH15 of the Standing Committee for the communes of
Cần Thơ). The succession data bundled with tthc (``tthc.units.successors``) says:

* 31135 Phường Tân An went whole into 31135 Phường Ninh Kiều (Điều 1, khoản 1);
* 31178 Phường Bùi Hữu Nghĩa was split between 31120 Phường Cái Khế (Điều 1, khoản 2) and
  31168 Phường Bình Thủy (Điều 1, khoản 6).

Each refusal is pinned whole (message, hint, context): the caller reads the code and context,
the person the message and hint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import InvalidEvent
from tthc.legal import LegalRef
from tthc.migrate import successor_of

CODE = "CT-250801-0002"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Ninh Kiều")
RESOLUTION = "Nghị quyết 1668/NQ-UBTVQH15 (Ủy ban Thường vụ Quốc hội, 16/06/2025)"


def _at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2025, 8, day, hour, tzinfo=VN_TZ)


def _in_process() -> Dossier:
    """Received by old ward 31135, decided by old ward 31178; events 0 and 1."""
    dossier = Dossier(
        CODE, "1.001193", Channel.COUNTER, "31135", "31178", Duration.working_days(10)
    )
    return dossier.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, CODE, _at(4), ONE_STOP),
            DossierEvent(EventKind.FORWARDED, CODE, _at(4, 10), ONE_STOP, to_unit="31178"),
        ]
    )


def _clause(choose: str) -> LegalRef:
    return successor_of("31178", choose=choose).legal_basis


def _move(**changes: Any) -> DossierEvent:
    """The right move of 31178 (competent) to 31168 under Điều 1, khoản 6, then ``changes``."""
    event = DossierEvent(
        EventKind.REHOMED,
        CODE,
        _at(5),
        ONE_STOP,
        legal_ref=_clause("31168"),
        to_unit="31168",
        unit_role="competent",
        from_unit="31178",
    )
    return attrs.evolve(event, **changes)


def test_the_clauses_are_those_of_the_resolution() -> None:
    # the data the refusals below quote: Điều 1, khoản 2 and khoản 6 of NQ 1668/NQ-UBTVQH15
    assert _clause("31120").cite() == f"khoản 2 Điều 1, {RESOLUTION}"
    assert _clause("31168").cite() == f"khoản 6 Điều 1, {RESOLUTION}"


def test_a_unit_the_dossier_does_not_have_is_refused_whole() -> None:
    # the reception unit is 31135, not 31178: the third event (index 2) is refused
    with pytest.raises(InvalidEvent) as caught:
        _in_process().apply(_move(unit_role="reception"))
    err = caught.value
    assert err.code == "dossier.invalid_event"
    assert err.message == (
        "Đơn vị cũ không đúng (not the dossier's unit): the reception unit of dossier "
        "CT-250801-0002 is '31135', not '31178'"
    )
    assert err.hint == (
        "re-home the unit the dossier has now (see current_reception_unit / current_competent_unit)"
    )
    assert err.context == {"dossier_code": CODE, "reason": "not_current_unit", "index": 2}


def test_a_unit_that_is_not_a_successor_is_refused_whole() -> None:
    # 31135 (Phường Ninh Kiều) took over no part of 31178 (Phường Bùi Hữu Nghĩa)
    with pytest.raises(InvalidEvent) as caught:
        _in_process().apply(_move(to_unit="31135"))
    err = caught.value
    assert err.code == "dossier.invalid_event"
    assert err.message == (
        "Đơn vị kế thừa không đúng (not a successor): '31135' did not take over '31178' in the "
        "2025 reform (Đơn vị kế thừa (successor): '31135' is not a successor of Phường Bùi Hữu "
        f"Nghĩa (31178): 31120 Phường Cái Khế (khoản 2 Điều 1, {RESOLUTION}); 31168 Phường "
        f"Bình Thủy (khoản 6 Điều 1, {RESOLUTION}) (choose one of 31120, 31168))"
    )
    assert err.hint == "use tthc.migrate.rehome, with choose= for a split unit"
    assert err.context == {"dossier_code": CODE, "reason": "not_a_successor", "index": 2}
    assert err.__cause__ is not None
    assert err.__cause__.context["candidates"] == ("31120", "31168")  # type: ignore[attr-defined]


def test_a_move_under_another_clause_is_refused_whole() -> None:
    # 31168 took its part of 31178 under khoản 6, not khoản 2 (which gave 31120 its part)
    with pytest.raises(InvalidEvent) as caught:
        _in_process().apply(_move(legal_ref=_clause("31120")))
    err = caught.value
    assert err.code == "dossier.invalid_event"
    assert err.message == (
        "Căn cứ không đúng (wrong legal basis): the move of 31178 to 31168 follows "
        f"khoản 6 Điều 1, {RESOLUTION}"
    )
    assert err.hint == "cite the clause of the resolution that transferred the old unit"
    assert err.context == {
        "dossier_code": CODE,
        "reason": "wrong_legal_basis",
        "legal_ref": _clause("31168"),
        "index": 2,
    }


def test_the_right_move_changes_the_unit_only() -> None:
    before = _in_process()
    after = before.apply(_move())
    assert (after.current_reception_unit, after.current_competent_unit) == ("31135", "31168")
    assert after.status is before.status
    assert after.due_date == before.due_date


@pytest.mark.parametrize(
    ("role", "shown"),
    [("applicant", "'applicant'"), ("", "''"), (1, "1")],
)
def test_a_unit_role_outside_the_two_is_refused_whole(role: object, shown: str) -> None:
    with pytest.raises(InvalidEvent) as caught:
        _move(unit_role=role)
    err = caught.value
    assert err.message == (
        f"Vai trò của đơn vị (unit role) must be one of reception, competent, got {shown}"
    )
    assert err.hint is None
    assert err.context == {"argument": "unit_role", "reason": "payload"}


@pytest.mark.parametrize("old", ["", 31178])
def test_an_old_unit_must_be_a_non_empty_code(old: object) -> None:
    # the code as text (an int 31178 is not the code "31178"), never empty
    with pytest.raises(InvalidEvent) as caught:
        _move(from_unit=old)
    err = caught.value
    assert err.message == "Đơn vị cũ (old unit) must be a non-empty str, the old unit's code"
    assert err.hint is None
    assert err.context == {"argument": "from_unit", "reason": "payload"}
