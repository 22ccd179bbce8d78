"""tthc._slots: a frozen attrs class's instance built by plain slot writes, then its class."""

from __future__ import annotations

import pickle
import sys

import attrs
import pytest

from tthc._slots import slots_builder
from tthc.deadlines import Deadline
from tthc.deadlines._engine import _DEADLINE_SLOTS
from tthc.dossiers import DossierEvent
from tthc.dossiers._model import _EVENT_SLOTS


@attrs.frozen(slots=True, weakref_slot=False)
class _Point:
    x: int = attrs.field(validator=attrs.validators.gt(0))
    label: str = ""


@attrs.frozen(slots=True)
class _WithWeakref:
    x: int


def _built(x: object, label: object) -> _Point:
    point = object.__new__(slots_builder(_Point))
    point.x = x
    point.label = label
    point.__class__ = _Point
    assert isinstance(point, _Point)
    return point


def test_a_built_instance_is_the_instance_the_constructor_builds() -> None:
    point = _built(3, "a")
    assert type(point) is _Point
    assert point == _Point(3, "a")
    assert hash(point) == hash(_Point(3, "a"))
    assert repr(point) == "_Point(x=3, label='a')"
    assert pickle.loads(pickle.dumps(point)) == point


def test_a_built_instance_is_frozen() -> None:
    point = _built(3, "a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        point.x = 4  # type: ignore[misc]


def test_the_builder_runs_no_validator() -> None:
    # the callers give values they checked: the builder does not check them again
    assert _built(-1, "a").x == -1
    with pytest.raises(ValueError, match="must be > 0"):
        _Point(-1)


def test_the_builder_has_the_slots_of_its_class_and_nothing_else() -> None:
    builder = slots_builder(_Point)
    assert builder.__slots__ == ("x", "label")
    assert builder.__bases__ == (object,)
    point = object.__new__(builder)
    with pytest.raises(AttributeError):
        point.other = 1  # no __dict__: a misspelt field is refused, not stored


def test_a_class_with_a_weakref_slot_has_a_builder_from_python_3_12_only() -> None:
    # CPython 3.10 and 3.11 refuse __class__ assignment between such classes (refused when the
    # builder is made, at import, never on a caller's object); 3.12 allows it
    if sys.version_info < (3, 12):
        with pytest.raises(TypeError, match="layout differs"):
            slots_builder(_WithWeakref)
    else:
        assert slots_builder(_WithWeakref).__slots__ == ("x", "__weakref__")


@pytest.mark.parametrize(
    ("cls", "builder"), [(Deadline, _DEADLINE_SLOTS), (DossierEvent, _EVENT_SLOTS)]
)
def test_the_package_builders_have_every_field_of_their_class(cls: type, builder: type) -> None:
    assert builder.__slots__ == tuple(field.name for field in attrs.fields(cls))
