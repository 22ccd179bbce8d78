"""The bundled competence rules checked for bad cross-references (issue 8, safe loading).

A rule naming a unit kind or an authority kind that does not exist, an unknown field or a
``supersedes`` that points nowhere is refused with a :class:`~tthc.errors.DataFileError` whose
``path`` names the place in ``competence/rules.json``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from tthc import authorities
from tthc.errors import DataFileError


@pytest.fixture
def rules_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    original = authorities._load_json
    data = copy.deepcopy(original("rules.json"))
    monkeypatch.setattr(
        authorities, "_load_json", lambda name: data if name == "rules.json" else original(name)
    )
    authorities._table.cache_clear()
    yield data
    authorities._table.cache_clear()


def _rule_error(rules_data: dict[str, Any]) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        authorities.competence_rules()
    return info.value


def test_competence_rule_naming_a_unit_kind_that_does_not_exist(rules_data: dict[str, Any]) -> None:
    rule = rules_data["procedures"][0]["rules"][0]
    rule["body_by_kind"] = {"huyện lỵ": "UBND"}
    err = _rule_error(rules_data)
    assert err.context["path"] == "rules.json procedures[0].rules[0].body_by_kind.huyện lỵ"


def test_competence_rule_naming_an_authority_kind_that_does_not_exist(
    rules_data: dict[str, Any],
) -> None:
    rules_data["procedures"][1]["rules"][0]["authority"] = "DISTRICT_PC_CHAIR_2019"
    assert _rule_error(rules_data).context["path"] == "rules.json procedures[1].rules[0]"


def test_competence_rule_unknown_field_and_dangling_supersedes(rules_data: dict[str, Any]) -> None:
    rules_data["procedures"][0]["rules"][0]["valid_form"] = "2025-07-01"
    assert _rule_error(rules_data).context["path"].endswith("rules[0].valid_form")
    del rules_data["procedures"][0]["rules"][0]["valid_form"]
    rules_data["procedures"][0]["rules"][0]["supersedes"] = "no-such-rule"
    assert "supersedes" in _rule_error(rules_data).context["path"]
    del rules_data["procedures"][0]["rules"][0]["supersedes"]
    rules_data["procedures"][0]["owner"] = "x"
    assert _rule_error(rules_data).context["path"] == "rules.json procedures[0].owner"
