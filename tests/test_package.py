"""The package surface: cheap import, explicit ``__all__``, lazy re-exports."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import tthc


def test_version() -> None:
    assert tthc.__version__.count(".") == 2


def test_lazy_reexports() -> None:
    from tthc.calendar import civil_service_calendar

    assert tthc.civil_service_calendar is civil_service_calendar
    assert "civil_service_calendar" in dir(tthc)
    with pytest.raises(AttributeError):
        _ = tthc.no_such_name  # type: ignore[attr-defined]


def test_import_does_not_build_anything() -> None:
    # `import tthc` must stay cheap: no calendar build, no `holidays` import (design.md §1).
    code = (
        "import sys, tthc; "
        "print(any(m == 'holidays' or m.startswith('holidays.') for m in sys.modules)); "
        "print('tthc.calendar' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def public_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(tthc.__path__, "tthc.")
        if not info.name.split(".")[-1].startswith("_")
    )


@pytest.mark.parametrize("name", public_modules())
def test_public_modules_declare_all(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} must declare __all__"
    for item in exported:
        assert hasattr(module, item), f"{name}.__all__ names missing {item}"


def test_every_lazy_name_resolves() -> None:
    for name in tthc.__all__:
        assert getattr(tthc, name) is not None
