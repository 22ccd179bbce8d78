"""The attrs validators the dossier models share (``tthc.dossiers._checks``).

The models build their validators once, when their classes are defined; these tests build them
again and check each refusal: the error class, its message and its ``argument``.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tthc.dossiers import _checks
from tthc.errors import InputTypeError, InvalidEvent

ROLE = SimpleNamespace(name="role")
CODE = SimpleNamespace(name="dossier_code")


def test_instance_of_lets_the_kind_through_and_names_the_field() -> None:
    check = _checks.instance_of(int, "Số (number) must be an int, got {got}")
    check(None, ROLE, 3)
    with pytest.raises(InputTypeError) as info:
        check(None, ROLE, "3")
    assert info.value.message == "Số (number) must be an int, got str"
    assert info.value.context == {"argument": "role"}
    with pytest.raises(InputTypeError) as info:
        check(None, ROLE, None)  # not optional: None is refused like any other value
    assert info.value.message == "Số (number) must be an int, got NoneType"
    assert info.value.context == {"argument": "role"}


def test_instance_of_optional_lets_none_through_only() -> None:
    check = _checks.instance_of((int, float), "must be a number, got {got}", optional=True)
    check(None, ROLE, None)
    check(None, ROLE, 1.5)
    check(None, ROLE, 2)
    with pytest.raises(InputTypeError) as info:
        check(None, ROLE, "2")
    assert info.value.message == "must be a number, got str"


def test_non_empty_str_refuses_blank_and_other_types() -> None:
    check = _checks.non_empty_str(
        "Mã số hồ sơ (dossier code) {name} must be a non-empty str",
        InvalidEvent,
        reason="empty_dossier_code",
    )
    check(None, CODE, "H29-1")
    for value in ("", "   ", 7, None):
        with pytest.raises(InvalidEvent) as info:
            check(None, CODE, value)
        assert info.value.message == (
            "Mã số hồ sơ (dossier code) dossier_code must be a non-empty str"
        )
        assert info.value.context == {"argument": "dossier_code", "reason": "empty_dossier_code"}


def test_non_empty_str_raises_input_type_error_by_default() -> None:
    check = _checks.non_empty_str("{name}: a name is needed")
    with pytest.raises(InputTypeError) as info:
        check(None, ROLE, " ")
    assert (info.value.message, info.value.context) == (
        "role: a name is needed",
        {"argument": "role"},
    )
