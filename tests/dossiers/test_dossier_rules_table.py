"""Reading the transition table and the roles from raw ``dossier_rules.json`` data.

The bundled table is read once, when ``tthc.dossiers`` is imported; these tests read rows
again from raw data, good and bad, and check the rows built and the exact refusals. Rule ids
are those of the tthc rules spec §4.3: T4 is Decree 118/2025 Điều 17.1 (intake at the counter
or by post), T15 is the withdrawal on the applicant's request (Điều 21).
"""

from __future__ import annotations

from typing import Any

import pytest

from tthc.dossiers import ActorRole, Channel, DossierStatus, EventKind, Transition, _rules
from tthc.errors import DataFileError

RULES: dict[str, Any] = {"T4": {}, "T15": {}}
PAPER = {
    "from": "draft",
    "event": "accepted",
    "to": "accepted",
    "rule": "T4",
    "channels": ["counter", "post"],
}
ANY_CHANNEL = {"from": "submitted", "event": "withdrawn", "to": "withdrawn", "rule": "T15"}


def test_a_row_limited_to_some_channels() -> None:
    row = _rules._row(PAPER, RULES, "transitions[1]")
    assert row == Transition(
        DossierStatus.DRAFT,
        EventKind.ACCEPTED,
        DossierStatus.ACCEPTED,
        "T4",
        frozenset({Channel.COUNTER, Channel.POST}),
    )


def test_a_row_without_channels_applies_to_every_channel() -> None:
    row = _rules._row(ANY_CHANNEL, RULES, "transitions[0]")
    assert (row.source, row.event, row.target, row.rule) == (
        DossierStatus.SUBMITTED,
        EventKind.WITHDRAWN,
        DossierStatus.WITHDRAWN,
        "T15",
    )
    assert row.channels == frozenset(Channel) == _rules.ALL_CHANNELS


def test_parse_table_keys_the_rows_by_status_and_event_in_file_order() -> None:
    table = _rules.parse_table({"rules": RULES, "transitions": [ANY_CHANNEL, PAPER]})
    assert list(table) == [
        (DossierStatus.SUBMITTED, EventKind.WITHDRAWN),
        (DossierStatus.DRAFT, EventKind.ACCEPTED),
    ]
    assert table[(DossierStatus.DRAFT, EventKind.ACCEPTED)].channels == {
        Channel.COUNTER,
        Channel.POST,
    }
    with pytest.raises(TypeError):
        table[(DossierStatus.DRAFT, EventKind.WITHDRAWN)] = table[  # type: ignore[index]
            (DossierStatus.SUBMITTED, EventKind.WITHDRAWN)
        ]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({**PAPER, "rule": "T99"}, "'T99'"),  # a rule the file does not define
        ({k: v for k, v in PAPER.items() if k != "rule"}, "'rule'"),
        ({k: v for k, v in PAPER.items() if k != "from"}, "'from'"),
        ({k: v for k, v in PAPER.items() if k != "event"}, "'event'"),
        ({k: v for k, v in PAPER.items() if k != "to"}, "'to'"),
        ({**PAPER, "from": "archived"}, "'archived' is not a valid DossierStatus"),
        ({**PAPER, "event": "archived"}, "'archived' is not a valid EventKind"),
        ({**PAPER, "to": "archived"}, "'archived' is not a valid DossierStatus"),
        ({**PAPER, "channels": ["fax"]}, "'fax' is not a valid Channel"),
        ({**PAPER, "channels": 3}, "'int' object is not iterable"),
    ],
)
def test_a_bad_row_is_refused_with_its_path_and_cause(entry: dict[str, Any], problem: str) -> None:
    with pytest.raises(DataFileError) as info:
        _rules.parse_table({"rules": RULES, "transitions": [ANY_CHANNEL, entry]})
    assert info.value.message == (
        f"Tệp dữ liệu (data file) dossier_rules.json: transitions[1] is not valid ({problem})"
    )
    assert info.value.context == {"file": "dossier_rules.json", "path": "transitions[1]"}


def test_parse_roles_reads_who_records_each_event() -> None:
    events = {kind.value: {"roles": ["one_stop", "portal"]} for kind in EventKind}
    events["withdrawn"] = {"roles": ["applicant"]}  # Điều 21: the applicant withdraws
    roles = _rules.parse_roles({"events": events})
    assert roles[EventKind.WITHDRAWN] == frozenset({ActorRole.APPLICANT})
    assert roles[EventKind.ACCEPTED] == frozenset({ActorRole.ONE_STOP, ActorRole.PORTAL})
    assert set(roles) == set(EventKind)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"roles": ["citizen"]}, "'citizen' is not a valid ActorRole"),
        ({}, "'roles'"),
        ({"roles": 1}, "'int' object is not iterable"),
    ],
)
def test_a_bad_role_list_is_refused_with_its_path_and_cause(
    entry: dict[str, Any], problem: str
) -> None:
    events: dict[str, Any] = {kind.value: {"roles": ["one_stop"]} for kind in EventKind}
    events["corrected"] = entry
    with pytest.raises(DataFileError) as info:
        _rules.parse_roles({"events": events})
    assert info.value.message == (
        f"Tệp dữ liệu (data file) dossier_rules.json: events.corrected.roles is not valid "
        f"({problem})"
    )
    assert info.value.context == {"file": "dossier_rules.json", "path": "events.corrected.roles"}
