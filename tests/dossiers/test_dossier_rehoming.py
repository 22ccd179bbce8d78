"""Re-homing a dossier of an old unit to its successor (issue 19, item 4).

From 1/7/2025 the old communes are gone (Nghị quyết 1668/NQ-UBTVQH15 for Cần Thơ; Luật Tổ
chức chính quyền địa phương 72/2025/QH15). A dossier whose receiving or competent unit is an old
unit moves to its successor by a ``REHOMED`` event citing the clause that transferred it; its
status, time limit and history stay; a split commune needs an explicit choice. The expected
successors are those of the succession data (``tthc.units.successors``):

* 31135 Phường Tân An (Ninh Kiều) went whole into 31135 Phường Ninh Kiều (Điều 1, khoản 1,
  Nghị quyết 1668/NQ-UBTVQH15);
* 31120 Phường An Hòa went whole into 31120 Phường Cái Khế (Điều 1, khoản 2);
* 31178 Phường Bùi Hữu Nghĩa was split between 31120 Phường Cái Khế (Điều 1, khoản 2) and
  31168 Phường Bình Thủy (Điều 1, khoản 6).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from tthc import serde
from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import (
    TRANSITIONS,
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    DossierStatus,
    EventKind,
    portal_status_record,
)
from tthc.errors import (
    AmbiguousUnitName,
    InputTypeError,
    InvalidEvent,
    InvalidTransition,
    UnknownUnit,
)
from tthc.legal import LegalRef
from tthc.migrate import rehome, successor_of
from tthc.units import successors

CODE = "CT-250801-0001"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Ninh Kiều")
SYSTEM = Actor(ActorRole.PORTAL, "Hệ thống thông tin giải quyết TTHC thành phố Cần Thơ")
RESOLUTION = "Nghị quyết 1668/NQ-UBTVQH15"


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2025, 8, day, hour, tzinfo=VN_TZ)


def in_process(reception: str = "31135", competent: str = "31178") -> Dossier:
    """A counter dossier received by an old ward, accepted and forwarded to an old ward."""
    dossier = Dossier(
        CODE, "1.001193", Channel.COUNTER, reception, competent, Duration.working_days(10)
    )
    accepted = DossierEvent(EventKind.ACCEPTED, CODE, at(4), ONE_STOP)
    forwarded = DossierEvent(EventKind.FORWARDED, CODE, at(4, 10), ONE_STOP, to_unit=competent)
    return dossier.apply_all([accepted, forwarded])


def test_the_event_is_bilingual_and_cites_the_law() -> None:
    kind = EventKind.REHOMED
    assert kind.value == "rehomed"
    assert kind.name_vi == "Chuyển đơn vị do sắp xếp đơn vị hành chính"
    assert kind.name_en == "re-homed to the successor unit (2025 reform)"
    assert not kind.reason_required
    rows = [row for row in TRANSITIONS.values() if row.event is kind]
    # one row per non-terminal status, back to itself, under rule T18 (Luật 72/2025/QH15)
    assert {row.source for row in rows} == {s for s in DossierStatus if not s.is_terminal}
    assert all(row.target is row.source and row.rule == "T18" for row in rows)
    assert rows[0].legal_ref.document == "72/2025/QH15"


def test_a_whole_commune_moves_to_its_one_successor() -> None:
    before = in_process()
    after = rehome(before, role="reception", at=at(5), actor=SYSTEM)
    event = after.events[-1]
    assert event.kind is EventKind.REHOMED
    assert (event.unit_role, event.from_unit, event.to_unit) == ("reception", "31135", "31135")
    assert event.legal_ref is not None
    assert event.legal_ref.document == RESOLUTION.removeprefix("Nghị quyết ")
    assert event.legal_ref.cite() == successor_of("31135").legal_basis.cite()
    assert "khoản 1 Điều 1" in event.legal_ref.cite()
    assert after.current_reception_unit == "31135"  # Phường Ninh Kiều (new) has the same code
    # status, clock and handoffs unchanged; the portal sees no status change
    assert after.status is before.status is DossierStatus.IN_PROCESS
    assert after.due_date == before.due_date
    assert after.handoffs() == before.handoffs()
    assert portal_status_record(after).status_code == portal_status_record(before).status_code


def test_an_old_code_moves_to_a_new_code() -> None:
    before = in_process(competent="31120")
    after = rehome(before, role="competent", at=at(5), actor=ONE_STOP)
    assert after.current_competent_unit == "31120"
    assert after.events[-1].legal_ref == successors("31120")[0].legal_basis  # Điều 1, khoản 2


def test_a_split_commune_needs_an_explicit_choice() -> None:
    before = in_process()
    with pytest.raises(AmbiguousUnitName) as caught:
        rehome(before, role="competent", at=at(5), actor=ONE_STOP)
    assert caught.value.context["candidates"] == ("31120", "31168")
    chosen = rehome(before, role="competent", at=at(5), actor=ONE_STOP, choose="31168")
    assert chosen.current_competent_unit == "31168"  # Phường Bình Thủy
    event = chosen.events[-1]
    assert event.legal_ref is not None
    assert "khoản 6 Điều 1" in event.legal_ref.cite()
    assert RESOLUTION.removeprefix("Nghị quyết ") in event.legal_ref.cite()
    # the other candidate, with its own clause (Điều 1, khoản 2)
    other = rehome(before, role="competent", at=at(5), actor=ONE_STOP, choose="31120")
    assert other.current_competent_unit == "31120"
    assert other.events[-1].legal_ref is not None
    assert "khoản 2 Điều 1" in other.events[-1].legal_ref.cite()


def test_a_wrong_successor_is_refused() -> None:
    before = in_process()
    with pytest.raises(UnknownUnit):
        rehome(before, role="competent", at=at(5), actor=ONE_STOP, choose="31135")
    # the same event written by hand is refused by the dossier
    basis = successor_of("31178", choose="31168").legal_basis
    wrong = DossierEvent(
        EventKind.REHOMED,
        CODE,
        at(5),
        ONE_STOP,
        legal_ref=basis,
        to_unit="31135",
        unit_role="competent",
        from_unit="31178",
    )
    with pytest.raises(InvalidEvent) as caught:
        before.apply(wrong)
    assert caught.value.context["reason"] == "not_a_successor"
    # the right successor with another clause than the one that transferred the unit
    other_clause = successor_of("31178", choose="31120").legal_basis  # Điều 1, khoản 2
    miscited = attrs.evolve(wrong, to_unit="31168", legal_ref=other_clause)
    with pytest.raises(InvalidEvent, match="wrong legal basis") as caught:
        before.apply(miscited)
    assert caught.value.context["reason"] == "wrong_legal_basis"
    assert caught.value.context["legal_ref"] == basis  # Điều 1, khoản 6


def test_only_the_current_unit_can_be_rehomed() -> None:
    before = in_process()
    basis = successor_of("31178", choose="31168").legal_basis
    event = DossierEvent(
        EventKind.REHOMED,
        CODE,
        at(5),
        ONE_STOP,
        legal_ref=basis,
        to_unit="31168",
        unit_role="reception",  # the reception unit is 31135, not 31178
        from_unit="31178",
    )
    with pytest.raises(InvalidEvent) as caught:
        before.apply(event)
    assert caught.value.context["reason"] == "not_current_unit"
    moved = rehome(before, role="competent", at=at(5), actor=ONE_STOP, choose="31168")
    # once moved, the old unit is no longer the dossier's: a second move of it is refused
    again = DossierEvent(
        EventKind.REHOMED,
        CODE,
        at(6),
        ONE_STOP,
        legal_ref=basis,
        to_unit="31168",
        unit_role="competent",
        from_unit="31178",
    )
    with pytest.raises(InvalidEvent, match="not the dossier's unit"):
        moved.apply(again)


def test_the_event_needs_its_payload_and_legal_basis() -> None:
    basis = successor_of("31135").legal_basis
    full = {"to_unit": "31135", "unit_role": "reception", "from_unit": "31135"}
    with pytest.raises(InvalidEvent, match="needs legal_ref"):
        DossierEvent(EventKind.REHOMED, CODE, at(5), ONE_STOP, **full)  # type: ignore[arg-type]
    for missing in full:
        given = {key: value for key, value in full.items() if key != missing}
        with pytest.raises(InvalidEvent, match=f"needs {missing}"):
            DossierEvent(
                EventKind.REHOMED,
                CODE,
                at(5),
                ONE_STOP,
                legal_ref=basis,
                **given,  # type: ignore[arg-type]
            )
    with pytest.raises(InvalidEvent, match="unit role"):
        DossierEvent(
            EventKind.REHOMED, CODE, at(5), ONE_STOP, legal_ref=basis, **{**full, "unit_role": "x"}
        )
    with pytest.raises(InvalidEvent, match="does not take from_unit"):
        DossierEvent(EventKind.ACCEPTED, CODE, at(5), ONE_STOP, from_unit="31135")
    with pytest.raises(InvalidEvent, match="does not take unit_role"):
        DossierEvent(EventKind.ACCEPTED, CODE, at(5), ONE_STOP, unit_role="reception")
    with pytest.raises(InputTypeError, match="unit role"):
        rehome(in_process(), role="applicant", at=at(5), actor=ONE_STOP)


def test_history_is_never_rewritten() -> None:
    before = in_process()
    after = rehome(before, role="competent", at=at(5), actor=ONE_STOP, choose="31168")
    after = rehome(after, role="reception", at=at(5, 10), actor=ONE_STOP)
    assert after.events[: len(before.events)] == before.events
    assert (after.reception_unit, after.competent_unit) == ("31135", "31178")
    assert (after.current_reception_unit, after.current_competent_unit) == ("31135", "31168")
    assert (before.current_reception_unit, before.current_competent_unit) == ("31135", "31178")
    # the past is read as it was
    assert after.as_of(at(4, 12)).current_competent_unit == "31178"
    assert [entry.status for entry in after.timeline()][-1] is DossierStatus.IN_PROCESS


def test_a_final_dossier_is_not_rehomed() -> None:
    before = in_process()
    withdrawn = before.apply(
        DossierEvent(EventKind.WITHDRAWN, CODE, at(5), Actor(ActorRole.APPLICANT, "Nguyễn Văn A"))
    )
    with pytest.raises(InvalidTransition):
        rehome(withdrawn, role="reception", at=at(6), actor=ONE_STOP)


def test_the_rehoming_round_trips_through_json() -> None:
    dossier = rehome(in_process(), role="competent", at=at(5), actor=ONE_STOP, choose="31168")
    text = serde.to_json(dossier)
    back = serde.from_json(text, Dossier)
    assert back == dossier
    assert back.events[-1].from_unit == "31178"
    assert back.events[-1].unit_role == "competent"
    assert isinstance(back.events[-1].legal_ref, LegalRef)
    assert back.current_competent_unit == "31168"
    assert serde.to_json(back) == text
