"""tthc.workflows — the model: Workflow, Phase and Step refuse a bad configuration."""

from __future__ import annotations

import attrs
import pytest
from workflow_helpers import H, ok_chain, step, wf

from tthc.authorities import AuthorityKind as K
from tthc.deadlines import Duration
from tthc.errors import DataFileError, DurationError, InputTypeError
from tthc.units import UnitLevel
from tthc.workflows import Phase, Step, Workflow


def test_model_refuses_bad_configuration() -> None:
    with pytest.raises(DataFileError, match="used twice"):
        wf(step("a"), step("a"))
    with pytest.raises(DataFileError, match="no step"):
        Workflow("1.001193", "t", ())
    with pytest.raises(DataFileError, match="not valid"):
        step("bad id")
    with pytest.raises(DataFileError, match="depends on itself"):
        step("a", H(1), "a")
    with pytest.raises(DurationError, match="cannot be a step budget"):
        step("a", Duration.months(1))
    with pytest.raises(DurationError, match="cannot be a step budget"):
        step("a", Duration.clock_hours(2))
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", "4 giờ")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), depends_on=["b"])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), unit_level="commune")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), authority_kind="commune_pc")  # type: ignore[arg-type]
    with pytest.raises(DataFileError, match="not one of"):
        wf(step("a", phase="gd9"), phases=(Phase("gd1", "Giai đoạn 1"),))
    with pytest.raises(DataFileError, match="declares no phases"):
        wf(step("a", phase="gd1"))
    with pytest.raises(DataFileError, match="procedure code"):
        Workflow(" ", "t", (step("a"),))
    with pytest.raises(DataFileError, match="version"):
        Workflow("1.001193", "", (step("a"),))
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", [step("a")])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", (step("a"),), phases=["x"])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", (step("a"),), legal_limit="5 ngày")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow(1, "t", (step("a"),))  # type: ignore[arg-type]


def test_step_lookup_and_levels() -> None:
    w = wf(*ok_chain())
    assert w.step("b").name == "Bước b"
    assert w.key == "1.001193@t"
    with pytest.raises(DataFileError, match="not in workflow"):
        w.step("zz")
    s = step("x", unit_level=UnitLevel.COMMUNE, authority_kind=K.DISTRICT_DIVISION)
    assert s.levels == (UnitLevel.COMMUNE, UnitLevel.DISTRICT)


def test_validators_run_on_every_construction() -> None:
    with pytest.raises(DataFileError, match="not valid"):
        Phase("g d", "Giai đoạn")
    with pytest.raises(InputTypeError):
        Phase("gd1", 1)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Phase("gd1", "Giai đoạn", starts_after=None)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Step("a", "x", "y", H(1), note=1)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Workflow("1.001193", "t", (step("a"),), name=None)  # type: ignore[arg-type]
    with pytest.raises(DataFileError, match="used twice"):
        wf(step("a", phase="gd1"), phases=(Phase("gd1", "Một"), Phase("gd1", "Hai")))
    # attrs.evolve builds a new instance: the validators run again.
    good = wf(*ok_chain())
    with pytest.raises(DataFileError, match="no step"):
        attrs.evolve(good, steps=())
    with pytest.raises(DataFileError, match="depends on itself"):
        attrs.evolve(good.steps[1], depends_on=("b",))
