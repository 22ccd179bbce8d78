"""tthc.workflows — validate()'s refusals word for word, and the readers of the rule data and
the bundled citations naming where a bad row is."""

from __future__ import annotations

import datetime as dt

import pytest
from workflow_helpers import ON, ok_chain, wf

from tthc.errors import DataFileError, InputTypeError
from tthc.units import UnitLevel
from tthc.workflows import _io_json, _rules, validate


def test_validate_names_the_wrong_argument() -> None:
    w = wf(*ok_chain())
    with pytest.raises(InputTypeError) as info:
        validate(w, on=dt.datetime(2026, 3, 1))
    assert info.value.context == {"argument": "on", "got": "datetime"}
    assert info.value.message.startswith("Ngày (date): on must be a datetime.date")
    with pytest.raises(InputTypeError) as info:
        validate(w, on=ON, legal_limit="5 ngày")  # type: ignore[arg-type]
    assert (info.value.message, info.value.context) == (
        "Thời hạn giải quyết (legal limit) must be a Duration or ProcessingTime, got str",
        {"argument": "legal_limit"},
    )
    with pytest.raises(InputTypeError) as info:
        validate(w, on=ON, procedure=object())
    assert (info.value.message, info.value.context) == (
        "Thủ tục (procedure) must be a tthc.procedures.Procedure, got object",
        {"argument": "procedure"},
    )


def test_a_level_without_rule_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every level is in the bundled data; a data file without one is refused by name.
    monkeypatch.setattr(_rules, "rules", lambda: _rules.Rules("x", (), {}))
    with pytest.raises(DataFileError) as info:
        _rules.level_rule(UnitLevel.COMMUNE)
    assert (info.value.message, info.value.context) == (
        "Cấp (level) commune has no rule in the workflow data",
        {"field": "level"},
    )


@pytest.mark.parametrize(
    "workflow",
    [
        {"legal_basis": {"doc": "118-2025-nd-cp", "bogus": 1}},
        {"phases": [{"id": "g1", "legal_ref": {"doc": "118-2025-nd-cp", "bogus": 1}}]},
    ],
)
def test_a_bad_bundled_citation_names_its_file(workflow: dict[str, object]) -> None:
    with pytest.raises(DataFileError) as info:
        _io_json._resolve_citations({"workflow": workflow}, "in tthc/data/workflows/x.json")
    assert info.value.message == (
        "Căn cứ pháp lý (legal reference): unknown field 'bogus' in tthc/data/workflows/x.json"
    )
    assert info.value.context == {"field": "bogus"}
