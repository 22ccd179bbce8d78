"""The README's short tour, pointed at every bundled procedure (issue 21, item 5).

The tour reads a procedure from the catalogue, takes its processing time at the counter,
computes the due date of a dossier accepted on Wednesday 29/4/2026 at 16:00, asks who is
competent at Phường Ninh Kiều (31135, Cần Thơ), opens a dossier and accepts it. Pointed at any
bundled code, each step must give an answer, a ``CaseRequired`` request (several cases: name
one) or a specific tthc refusal with a stable code and a hint, never another exception
(``StopIteration``, ``AttributeError`` on a ``None`` authority, ...).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tthc import VN_TZ, load_catalog
from tthc.authorities import CompetenceResult, competence_rules, resolve_authority
from tthc.deadlines import ProcessingTime, compute_deadline
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, DossierStatus, EventKind
from tthc.errors import (
    CaseRequired,
    DurationError,
    NoCompetenceRule,
    ProcessingTimeParseError,
    SerializationError,
    TthcError,
    UnknownProcedure,
)
from tthc.procedures import Procedure
from tthc.serde import from_json, to_json

ACCEPTED = dt.datetime(2026, 4, 29, 16, 0, tzinfo=VN_TZ)  # Wednesday, after the 15:00 cut-off
UNIT = "31135"  # Phường Ninh Kiều, Cần Thơ (19/2025/QĐ-TTg)
DESK = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Ninh Kiều")

#: The refusals the tour may meet, each a documented, specific answer of tthc.
REFUSALS: tuple[type[TthcError], ...] = (
    CaseRequired,  # several cases or channels: name one
    DurationError,  # the time differs by case ("không phải xác minh: 2 ngày …"): pick one
    ProcessingTimeParseError,  # the published time cannot be read ("Không có thông tin", ...)
    NoCompetenceRule,  # no researched rule, a missing fact, or another level of unit
)


def _time(procedure: Procedure) -> ProcessingTime:
    """The tour's first line: ``procedure.timed_rule(Channel.COUNTER).time``."""
    rule = procedure.timed_rule(Channel.COUNTER)
    assert rule.time is not None  # timed_rule returns only rules whose time was read
    return rule.time


def _authority(code: str) -> CompetenceResult:
    who = resolve_authority(code, unit=UNIT, on=ACCEPTED.date())
    # the tour prints the answer: safe for "left to the province" and unmapped records too
    assert who.name_vi
    assert str(who) == f"{who.name_vi} — {who.legal_basis.cite()}"
    return who


def _dossier(code: str, competent: str, time: ProcessingTime) -> Dossier:
    dossier = Dossier(code.replace(".", "-"), code, Channel.COUNTER, DESK.unit, competent, time)
    dossier = dossier.apply(DossierEvent(EventKind.ACCEPTED, dossier.code, ACCEPTED, DESK))
    assert dossier.status is DossierStatus.ACCEPTED
    assert dossier.due_date is not None
    assert dossier.deadline is not None
    assert dossier.deadline.due_date == dossier.due_date
    assert EventKind.FORWARDED in dossier.allowed_events()
    return dossier


def _outcome(step: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "answer", step()
    except REFUSALS as err:
        refusal = err
    # a refusal says what to do: a stable code and a hint
    assert refusal.code.count(".") == 1, refusal
    assert refusal.hint, refusal
    return type(refusal).__name__, None


def _tour(procedure: Procedure) -> tuple[str, ...]:
    code = procedure.code
    time_kind, time = _outcome(lambda: _time(procedure))
    due_kind, _ = _outcome(lambda: compute_deadline(ACCEPTED, time)) if time else ("skipped", None)
    who_kind, who = _outcome(lambda: _authority(code))
    competent = who.name_vi if who else (procedure.authority_text or "UBND")
    dossier_kind, _ = (
        _outcome(lambda: _dossier(code, competent, time)) if time else ("skipped", None)
    )
    return time_kind, due_kind, who_kind, dossier_kind


def test_the_tour_answers_or_refuses_cleanly_for_every_bundled_procedure() -> None:
    catalog = load_catalog()
    outcomes = Counter[tuple[str, ...]]()
    for procedure in catalog:
        outcomes[_tour(procedure)] += 1
    assert sum(outcomes.values()) == len(catalog) > 2_000
    # the tour's own procedure and most others go all the way
    assert _tour(catalog["1.001193"]) == ("answer", "answer", "answer", "answer")
    # measured on the 2026-06-10 snapshot: 1,988 of 2,677 go all the way
    assert outcomes[("answer", "answer", "answer", "answer")] > len(catalog) // 2
    kinds = {kind for outcome in outcomes for kind in outcome}
    assert {"ProcessingTimeParseError", "CaseRequired", "NoCompetenceRule"} <= kinds


def test_the_tour_of_a_procedure_left_to_the_province_prints_who_decides() -> None:
    # Nghị định 49/2026/NĐ-CP Điều 14: the province decides (rule left_to_province)
    left = next(
        rule.procedure_codes[0]
        for rule in competence_rules()
        if rule.left_to_province and rule.procedure_codes and not rule.variant
    )
    who = resolve_authority(left, unit=UNIT, on=ACCEPTED.date())
    assert who.authority is None
    assert who.name_vi == "Do Ủy ban nhân dân thành phố Cần Thơ quyết định"
    assert str(who).startswith("Do Ủy ban nhân dân thành phố Cần Thơ quyết định — ")


def test_an_unknown_procedure_code_is_refused_with_a_hint() -> None:
    time = _time(load_catalog()["1.001193"])
    with pytest.raises(UnknownProcedure) as info:
        Dossier("X-1", "1.00119", Channel.COUNTER, DESK.unit, "UBND", time)  # a digit short
    assert info.value.context["procedure"] == "1.00119"
    assert "tthc procedure search" in (info.value.hint or "")
    assert "local_procedure=True" in (info.value.hint or "")
    # a province's own procedure is opened explicitly
    local = Dossier(
        "X-1", "1.00119", Channel.COUNTER, DESK.unit, "UBND", time, local_procedure=True
    )
    assert local.procedure_code == "1.00119"
    # stored with the dossier (only when set), so a saved province dossier reads back
    assert '"local_procedure": true' in to_json(local)
    assert from_json(to_json(local), Dossier) == local
    assert "local_procedure" not in to_json(Dossier("X-2", "1.001193", *local_args(time)))


def test_a_stored_dossier_with_events_loads_whatever_the_catalogue_holds() -> None:
    # the check guards opening a dossier; one with recorded events is history, and a later
    # snapshot of the catalogue may drop an abolished procedure: it must still load (issue 17)
    time = _time(load_catalog()["1.001193"])
    opened = Dossier("X-3", "1.001193", *local_args(time))
    accepted = opened.apply(DossierEvent(EventKind.ACCEPTED, "X-3", ACCEPTED, DESK))
    stored = to_json(accepted).replace('"1.001193"', '"1.999999"')
    loaded = from_json(stored, Dossier)
    assert loaded.procedure_code == "1.999999"
    assert loaded.due_date == accepted.due_date
    assert '"events": []' not in stored
    with pytest.raises(SerializationError, match=r"1\.999999' is not in the bundled catalogue"):
        from_json(to_json(opened).replace('"1.001193"', '"1.999999"'), Dossier)  # a draft


def local_args(time: ProcessingTime) -> tuple[Any, ...]:
    return (Channel.COUNTER, DESK.unit, "UBND", time)
