"""Every public model of units, authorities, procedures, workflows and staffing round-trips.

Issue 17, items 2 and 5: a model written with :func:`tthc.serde.to_json` reads back equal with
:func:`tthc.serde.from_json` (and writes the same text again), survives ``pickle`` (protocols 2
and highest), ``copy`` and ``deepcopy``, and keeps its answers. The strategies are the shared
ones of ``tests/strategies.py`` (models built by hand over their fields, and real records of
the bundled registry, catalogue, rules, workflows and assumptions). The calendar, deadline,
dossier and legal models are covered by ``tests/test_serde.py``.

Two public classes are not attrs models and are not written by ``tthc.serde``: a workflow
``Report`` is a tuple of findings (each finding is a model, written on its own) and a
``Catalog`` is an index over its procedures (each procedure is a model); both pickle and copy.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import strategies
import tthc.authorities
import tthc.procedures
import tthc.staffing
import tthc.units
import tthc.workflows
from tthc.authorities import CompetenceRule
from tthc.errors import InputTypeError, SerializationError
from tthc.procedures import load_catalog
from tthc.serde import from_json, to_json
from tthc.staffing import Assumption, Assumptions, load_assumptions
from tthc.workflows import Report, Workflow, schedule, validate

#: No shrinking: a failure prints the example drawn (shrinking nested models took minutes).
_PROPERTY = settings(
    max_examples=12,
    deadline=None,
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _first_unit(plan: tthc.staffing.WorkloadPlan) -> tthc.staffing.UnitPlan:
    return plan.units[0]


#: One strategy per public attrs model (the parts of a plan are drawn from drawn plans).
STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "AdministrativeUnit": strategies.administrative_units,
    "Succession": strategies.successions,
    "Authority": strategies.authorities,
    "CompetenceRule": strategies.competence_rules,
    "CompetenceResult": strategies.competence_results | strategies.resolved_competences(),
    "ReceptionResult": strategies.reception_results,
    "Procedure": strategies.procedures,
    "ProcessingRule": strategies.processing_rules,
    "tthc.procedures.Finding": strategies.catalogue_findings,
    "Workflow": strategies.workflows,
    "Phase": strategies.phases,
    "Step": strategies.steps,
    "tthc.workflows.Finding": strategies.workflow_findings,
    "StepDue": strategies.schedules().flatmap(lambda pair: st.sampled_from(pair[1])),
    "Blame": strategies.blames(),
    "StepUsage": strategies.blames().filter(lambda b: b.usage).map(lambda b: b.usage[-1]),
    "Month": strategies.months,
    "DossierCount": strategies.dossier_counts(),
    "ProcedureEffort": strategies.procedure_efforts,
    "EffortTable": strategies.effort_tables,
    "Demand": strategies.demands(),
    "DemandRow": strategies.demands().filter(lambda d: d.rows).map(lambda d: d.rows[0]),
    "Capacity": strategies.capacities,
    "QueueTargets": strategies.queue_targets,
    "CounterPlan": strategies.counter_plans,
    "QueueResult": strategies.counter_plans.filter(lambda p: p.peak).map(lambda p: p.peak),
    "WorkloadPlan": strategies.workload_plans(),
    "UnitPlan": strategies.workload_plans().map(_first_unit),
    "RoleNeed": strategies.workload_plans()
    .filter(lambda p: _first_unit(p).roles)
    .map(lambda p: _first_unit(p).roles[0]),
    "ReformChange": strategies.workload_plans()
    .filter(lambda p: _first_unit(p).reform)
    .map(lambda p: _first_unit(p).reform),
    "PlanSettings": strategies.workload_plans().map(lambda p: p.settings),
    "ArrivalProfile": strategies.workload_plans().map(lambda p: p.settings.profile),
    "Assumption": strategies.assumption_items,
    "Assumptions": st.builds(
        Assumptions, st.just("test"), st.lists(strategies.assumption_items, max_size=3).map(tuple)
    )
    | st.just(load_assumptions()),
}

_MODULES = (tthc.units, tthc.authorities, tthc.procedures, tthc.workflows, tthc.staffing)
_SHARED_NAMES = {"Finding"}  # two packages name a model Finding: keyed by module


def _public_models() -> dict[str, type]:
    models = {}
    for module in _MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                key = f"{module.__name__}.{name}" if name in _SHARED_NAMES else name
                models[key] = obj
    return models


def test_every_public_model_has_a_strategy() -> None:
    assert sorted(_public_models()) == sorted(STRATEGIES)


def _assert_round_trips(model: object) -> None:
    cls = type(model)
    text = to_json(model)
    back = from_json(text, cls)
    assert type(back) is cls
    assert back == model
    assert to_json(back) == text  # the second trip writes the same bytes
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(model, protocol=protocol))
        assert type(again) is cls
        assert again == model
    assert copy.copy(model) == model
    assert copy.deepcopy(model) == model


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@_PROPERTY
@given(data=st.data())
def test_any_model_round_trips_through_json_pickle_and_copy(name: str, data: st.DataObject) -> None:
    model = data.draw(STRATEGIES[name], label=name)
    assert isinstance(model, _public_models()[name])
    _assert_round_trips(model)


# --- answers kept, not only equality ----------------------------------------------------------


@_PROPERTY
@given(strategies.workflows, strategies.instants)
def test_a_stored_workflow_schedules_and_validates_like_the_original(
    workflow: Workflow, accepted: dt.datetime
) -> None:
    for back in (from_json(to_json(workflow), Workflow), pickle.loads(pickle.dumps(workflow))):
        assert schedule(back, accepted) == schedule(workflow, accepted)
        assert list(validate(back, on=accepted.date())) == list(
            validate(workflow, on=accepted.date())
        )


def test_variant_facts_keep_their_json_type() -> None:
    """A competence rule's variant fact ``false`` stays a boolean, ``"false"`` stays text.

    The bundled rules for building permits inside a high-tech park hold ``("in_high_tech_park",
    False)`` (data/competence_rules.json); without its hook the converter could not read them.
    """
    rule = next(r for r in tthc.authorities.competence_rules() if r.variant)
    for value in (False, True, "false", "single_commune"):
        changed = attrs.evolve(rule, variant=(("fact", value),))
        back = from_json(to_json(changed), CompetenceRule)
        assert back.variant == (("fact", value),)
        assert type(back.variant[0][1]) is type(value)


@pytest.mark.parametrize("bad", [1, None, 1.5, [], {}])
def test_a_variant_fact_of_another_json_type_is_refused_at_its_path(bad: object) -> None:
    rule = next(r for r in tthc.authorities.competence_rules() if r.variant)
    data = json.loads(to_json(rule))
    data["variant"] = [["fact", bad]]
    with pytest.raises(SerializationError) as info:
        from_json(json.dumps(data), CompetenceRule)
    assert info.value.code == "serde.invalid"
    assert info.value.context["path"] == "$.variant[0][1]"
    assert "a string or true or false" in str(info.value)


def test_assumption_values_come_back_read_only_and_equal() -> None:
    """Lists are tuples and objects read-only mappings, as when loaded from the bundled file."""
    assumptions = load_assumptions()
    back = from_json(to_json(assumptions), Assumptions)
    assert back == assumptions
    weights = back["default_effort_by_field"].value
    assert weights == assumptions["default_effort_by_field"].value
    with pytest.raises(TypeError):
        weights["x"] = 1  # type: ignore[index]
    item = Assumption("k", "v", "e", {"a": [1, {"b": [2]}]}, "", "law", None, _VALIDITY, "")
    assert item.value == {"a": (1, {"b": (2,)})}
    assert isinstance(item.value["a"], tuple)
    assert pickle.loads(pickle.dumps(item)) == item
    assert copy.deepcopy(item).value["a"][1]["b"] == (2,)
    assert repr(item.value).startswith("_ReadOnlyMapping(")


_VALIDITY = tthc.units.unit("92").validity


def test_report_and_catalogue_are_not_written_by_serde_but_pickle() -> None:
    """Documented in this module: a Report is a tuple of findings, a Catalog an index."""
    workflow = tthc.workflows.examples()[0]
    report = validate(workflow, on=dt.date(2026, 3, 1))
    with pytest.raises(InputTypeError):
        to_json(report)
    back = pickle.loads(pickle.dumps(report))
    assert type(back) is Report
    assert list(back) == list(report)
    assert [from_json(to_json(f), type(f)) for f in report] == list(report)
    catalog = load_catalog()
    again = pickle.loads(pickle.dumps(catalog))
    assert list(again) == list(catalog)
    assert copy.deepcopy(catalog)[next(iter(catalog)).code] == next(iter(catalog))


def test_a_stored_capacity_keeps_its_decimals_exactly() -> None:
    """Hours are stored as decimal strings: ``Decimal("7.25")`` is not read back as a float."""
    capacity = tthc.staffing.staff_capacity(
        tthc.staffing.Month(2026, 10), utilisation=Decimal("0.85"), annual_leave_days=12
    )
    back = from_json(to_json(capacity), type(capacity))
    assert back.utilisation == Decimal("0.85")
    assert str(back.productive_hours) == str(capacity.productive_hours)
    assert back.days_off == capacity.days_off


@pytest.mark.parametrize(("bad", "message"), [(7, "is not one of"), (True, "an integer")])
def test_an_integer_enum_is_read_as_its_member_and_checked(bad: object, message: str) -> None:
    """``RuleLayer`` is an IntEnum: read back as the member (not a bare int), 7 and true refused."""
    rule = tthc.authorities.competence_rules()[0]
    back = from_json(to_json(rule), CompetenceRule)
    assert type(back.layer) is type(rule.layer)
    data = json.loads(to_json(rule))
    data["layer"] = bad
    with pytest.raises(SerializationError, match=message) as info:
        from_json(json.dumps(data), CompetenceRule)
    assert info.value.context["path"] == "$.layer"
