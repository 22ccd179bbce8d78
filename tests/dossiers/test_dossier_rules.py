"""The transition table and the legal data of ``dossier_rules.json``."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from tthc.dossiers import (
    TRANSITIONS,
    ActorRole,
    Channel,
    DossierStatus,
    EventKind,
    allowed_events,
    dossier_rules_version,
)
from tthc.errors import (
    DataFileError,
)

K = EventKind

S = DossierStatus


def test_every_event_kind_has_a_rule() -> None:
    from tthc.dossiers import TRANSITIONS

    assert {row.event for row in TRANSITIONS.values()} == set(EventKind)


def test_every_event_that_needs_a_reason_cites_its_article() -> None:
    from tthc.dossiers import _legal

    needs_reason = {kind.value for kind in EventKind if kind.reason_required}
    assert needs_reason == {
        "returned_at_intake", "refused_at_intake", "supplement_requested", "extension_granted",
        "refused_after_review", "correction_requested",
    }  # fmt: skip
    assert needs_reason <= set(_legal.rules().event_refs)


def test_rules_data_names_known_documents() -> None:
    # the file cites the registry (data/documents.json) by id; a registered document carries no
    # article of its own, so an entry without one cites the whole document
    from tthc.dossiers._legal import parse_rules as _parse_rules

    nd118 = "118-2025-nd-cp"
    raw = {
        "data_version": "t",
        "regime": {
            "name_vi": "Một cửa",
            "name_en": "one-stop",
            "doc": nd118,
            "before": "NĐ 61/2018",
            "validity": {"start": "2025-07-01", "end": None},
        },
        "channels": {},
        "statuses": {},
        "events": {"withdrawn": {"doc": nd118}, "accepted": {}},
        "rules": {"T1": {"doc": nd118, "article": "Điều 17.2", "en": "submitted"}},
        "limits": {"correction": {"doc": nd118, "value": "3"}},
        "breaches": {"x": {"doc": nd118, "vi": "Muộn", "en": "late", "article": ""}},
    }
    parsed = _parse_rules(raw)
    assert parsed.data_version == "t"
    assert parsed.rule_text == {"T1": "submitted"}
    assert dict(parsed.events) == raw["events"]
    assert dict(parsed.statuses) == {}
    assert dict(parsed.channels) == {}
    assert parsed.rules["T1"].article == "Điều 17.2"
    assert parsed.rules["T1"].document == "118/2025/NĐ-CP"
    assert parsed.limits["correction"][0] == 3
    assert parsed.breaches["x"] == ("Muộn (late)", parsed.event_refs["withdrawn"])
    assert parsed.event_refs["withdrawn"].article == ""  # no article: the document's own
    assert "accepted" not in parsed.event_refs
    assert parsed.regime_validity.start == dt.date(2025, 7, 1)
    assert parsed.regime_validity.end is None
    assert (parsed.regime_name, parsed.regime_before) == ("Một cửa (one-stop)", "NĐ 61/2018")
    assert parsed.regime_ref.article == ""
    raw["regime"]["validity"] = {"start": None, "end": "2030-12-31"}  # type: ignore[index]
    ended = _parse_rules(raw).regime_validity
    assert (ended.start, ended.end) == (None, dt.date(2030, 12, 31))
    bad_regime = {**raw, "regime": {**raw["regime"], "doc": "61-2018-nd-cp-unknown"}}  # type: ignore[dict-item]
    with pytest.raises(DataFileError) as info:
        _parse_rules(bad_regime)
    assert info.value.context == {"file": "dossier_rules.json", "path": "regime"}
    for section, key, entry in (
        ("limits", "correction", {"doc": nd118, "value": "3", "article": 5}),
        ("breaches", "x", {"doc": nd118, "vi": "v", "en": "e", "article": 5}),
        ("events", "withdrawn", {"doc": nd118, "article": 5}),
    ):
        bad = {**raw, section: {key: entry}}
        with pytest.raises(DataFileError) as info:
            _parse_rules(bad)
        assert f"{section}.{key}" in info.value.message
    for doc in ("nd999", ["118-2025-nd-cp"]):  # an unknown id, or no id at all
        raw["rules"] = {"T1": {"doc": doc, "en": "x"}}
        with pytest.raises(DataFileError) as info:
            _parse_rules(raw)
        assert info.value.message == (
            "Tệp dữ liệu (data file) dossier_rules.json: rules.T1 names an unknown document"
        )
        assert info.value.context == {"file": "dossier_rules.json", "path": "rules.T1"}


def test_the_bundled_rules_cite_the_registry() -> None:
    # Decree 118/2025 as registered in data/documents.json; the status codes are the ones
    # provincial systems share with the national portal (no official specification: "reported")
    from tthc.dossiers import _legal
    from tthc.legal import document

    data = _legal.rules()
    assert data.regime_ref == attrs.evolve(document("118-2025-nd-cp"), article="Điều 40.1")
    assert "documents" not in _legal.raw()
    for entry in (*data.rules.values(), *data.event_refs.values()):
        # T18, re-homing a dossier to its unit's successor, follows the 2025 reform (issue 19)
        expected = "72/2025/QH15" if entry is data.rules["T18"] else "118/2025/NĐ-CP"
        assert entry.document == expected
    assert {v["doc"] for v in _legal.raw()["statuses"].values()} == {"dvcqg-trang-thai-ho-so"}
    assert document("dvcqg-trang-thai-ho-so").confidence == "reported"


def test_the_table_is_read_from_the_data_file() -> None:
    # rows in the file's order (the diagram keeps it), each naming a rule the file defines
    from tthc.dossiers import _legal
    from tthc.dossiers._rules import EVENT_ROLES, parse_roles, parse_table

    raw = _legal.raw()
    # 32 life-cycle rows and 10 re-homing rows (one per non-final status, issue 19)
    assert len(TRANSITIONS) == len(raw["transitions"]) == 42
    first = next(iter(TRANSITIONS.values()))
    assert (first.source, first.event, first.target, first.rule) == (
        DossierStatus.DRAFT, EventKind.SUBMITTED_ONLINE, DossierStatus.SUBMITTED, "T1",
    )  # fmt: skip
    # every kind of online filing is submitted on the portal (issue 16: toàn trình, một phần)
    assert first.channels == frozenset(
        {Channel.ONLINE, Channel.ONLINE_FULL, Channel.ONLINE_PARTIAL}
    )
    assert TRANSITIONS[(DossierStatus.SUBMITTED, EventKind.WITHDRAWN)].channels == set(Channel)
    assert EVENT_ROLES[EventKind.WITHDRAWN] == {ActorRole.APPLICANT}
    assert EVENT_ROLES[EventKind.SUBMITTED_ONLINE] == {ActorRole.APPLICANT, ActorRole.PORTAL}
    row = {"from": "draft", "event": "accepted", "to": "accepted", "rule": "T4"}
    for bad, index in (
        ({**row, "to": "archived"}, "transitions[0]"),
        ({**row, "rule": "T99"}, "transitions[0]"),
        ({**row, "channels": ["fax"]}, "transitions[0]"),
        ({"from": "draft"}, "transitions[0]"),
    ):
        with pytest.raises(DataFileError) as info:
            parse_table({"rules": {"T4": {}}, "transitions": [bad]})
        assert info.value.context == {"file": "dossier_rules.json", "path": index}
        assert info.value.message.startswith(
            f"Tệp dữ liệu (data file) dossier_rules.json: {index} is not valid ("
        )
    events = {kind.value: {"roles": ["one_stop"]} for kind in EventKind}
    assert set(parse_roles({"events": events}).values()) == {frozenset({ActorRole.ONE_STOP})}
    events["withdrawn"] = {"roles": ["citizen"]}
    with pytest.raises(DataFileError) as info:
        parse_roles({"events": events})
    assert info.value.context["path"] == "events.withdrawn.roles"


def test_table_rules_statuses_and_events_all_have_legal_data() -> None:
    assert dossier_rules_version()
    for row in TRANSITIONS.values():
        if row.event is EventKind.REHOMED:  # the 2025 reform, not Decree 118 (issue 19)
            assert (row.rule, row.legal_ref.document) == ("T18", "72/2025/QH15")
            assert row.description
            continue
        assert row.legal_ref.document == "118/2025/NĐ-CP"
        assert row.legal_ref.article.startswith("Điều")
        assert row.description
    codes = {status: status.portal_code for status in DossierStatus}
    assert codes[S.DRAFT] is None
    assert {c for c in codes.values() if c is not None} == set(range(1, 11))
    for status in DossierStatus:
        assert status.name_vi
        assert status.name_en
        # str() is the stable value, like StrEnum (issue 21); people read .label / .name_vi
        assert str(status) == f"{status}" == status.value
        assert status.label.startswith(status.name_vi)
    for kind in EventKind:
        assert kind.name_vi
        assert kind.name_en
        assert str(kind) == f"{kind}" == kind.value
        assert kind.label.startswith(kind.name_vi)
    for role in ActorRole:
        assert role.name_vi
    assert Channel.POST.portal_code == 3
    # re-homing to a unit's successor (issue 19) is allowed in every non-final status
    assert allowed_events(S.DRAFT, Channel.ONLINE) == (K.SUBMITTED_ONLINE, K.REHOMED)
    assert allowed_events(S.DRAFT, Channel.POST) == (
        K.RETURNED_AT_INTAKE,
        K.REFUSED_AT_INTAKE,
        K.ACCEPTED,
        K.REHOMED,
    )
