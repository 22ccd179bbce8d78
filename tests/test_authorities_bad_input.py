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
from tthc.errors import DataFileError, NoCompetenceRule


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


_RULE_FIELDS = (
    "also, anchor, authority, body, body_by_kind, body_by_unit, confidence, id, layer, "
    "left_to_province, legal_basis, note, provinces, supersedes, valid_from, valid_to, variant"
)


@pytest.mark.parametrize(
    ("change", "message", "hint", "path"),
    [
        (
            {"valid_form": "2025-07-01"},
            "Tệp dữ liệu (data file): unknown field 'valid_form' at rules.json "
            "procedures[0].rules[0]",
            "fields: " + _RULE_FIELDS,
            "rules.json procedures[0].rules[0].valid_form",
        ),
        (
            {"valid_from": "2025-13-01"},
            "Tệp dữ liệu (data file): bad date '2025-13-01' at rules.json procedures[0].rules[0]",
            None,
            "rules.json procedures[0].rules[0]",
        ),
        (
            {"valid_to": "01/07/2025"},
            "Tệp dữ liệu (data file): bad date '01/07/2025' at rules.json procedures[0].rules[0]",
            None,
            "rules.json procedures[0].rules[0]",
        ),
        (
            {"supersedes": "no-such-rule"},
            "Tệp dữ liệu (data file) rules.json: rule 'ho-tich.khai-sinh/lht2014' supersedes "
            "'no-such-rule', which does not exist",
            None,
            "rules.json rules.ho-tich.khai-sinh/lht2014.supersedes",
        ),
    ],
)
def test_a_bad_rule_is_refused_in_these_words(
    rules_data: dict[str, Any], change: dict[str, str], message: str, hint: str | None, path: str
) -> None:
    rules_data["procedures"][0]["rules"][0].update(change)
    err = _rule_error(rules_data)
    assert (err.message, err.hint, err.context) == (message, hint, {"path": path})


def test_a_bad_procedure_entry_and_unit_kind_are_refused_in_these_words(
    rules_data: dict[str, Any],
) -> None:
    rules_data["procedures"][0]["owner"] = "x"
    err = _rule_error(rules_data)
    assert err.message == (
        "Tệp dữ liệu (data file): unknown field 'owner' at rules.json procedures[0]"
    )
    assert err.hint == "fields: codes, field, key, name_vi, note, research_row, rules"
    del rules_data["procedures"][0]["owner"]
    rules_data["procedures"][0]["rules"][0]["body_by_kind"] = {"huyện lỵ": "UBND"}
    err = _rule_error(rules_data)
    assert err.message == (
        "Tệp dữ liệu (data file) rules.json: rules.json procedures[0].rules[0].body_by_kind "
        "names unit kind 'huyện lỵ', which does not exist"
    )
    assert err.hint is not None
    assert err.hint.startswith("unit kinds: huyện, phường, quận, ")
    assert err.hint.endswith(", thị xã, tỉnh, xã, đặc khu")


def test_no_rule_in_force_in_the_province_is_refused_in_these_words(
    rules_data: dict[str, Any],
) -> None:
    """Rules kept for Hà Nội (01) only: a commune of Cần Thơ has none, and is told the periods."""
    import datetime as dt

    for rule in rules_data["procedures"][0]["rules"]:
        rule["provinces"] = ["01"]
    with pytest.raises(NoCompetenceRule) as info:
        authorities.resolve_authority("ho-tich.khai-sinh", unit="31135", on=dt.date(2026, 3, 1))
    err = info.value
    assert err.message == (
        "Không có quy tắc thẩm quyền (no competence rule): ho-tich.khai-sinh on 01/03/2026; "
        "tthc has rules for 01/03/2027 – …; … – 28/02/2027"
    )
    assert err.hint == "tthc will not guess: check the decree in force on that date, or add a rule"
    assert err.context == {"procedure": "ho-tich.khai-sinh", "on": "2026-03-01"}
