"""Dossier JSON that is malformed, hostile or random (issue 8).

Fuzz contract (tests/fuzzing.py): whatever text or bytes arrive, ``serde.from_json(text,
Dossier)`` returns a :class:`~tthc.dossiers.Dossier` that survives a second round trip unchanged,
or raises a documented tthc error, within 5 s. Seed: a dossier of Decree 118/2025's one-stop
flow (accepted, forwarded, fee requested and paid) written by ``serde.to_json``.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import (
    FUZZ,
    JSON,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
    json_paths,
    mutated_json,
)
from tthc import serde
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import SerializationError

_CODE = "H29.55-260309-0007"
_VN = dt.timezone(dt.timedelta(hours=7))


def test_dossier_json_nested_too_deeply() -> None:
    with pytest.raises(SerializationError) as info:
        serde.from_json("[" * 100_000, Dossier)
    assert info.value.context["path"] == "$"


# --- fuzz: serde.from_json ------------------------------------------------------------------------


def _sample_dossier() -> Dossier:
    one_stop = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa xã Đắk Hà")
    authority = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND xã Đắk Hà")
    at = dt.datetime(2026, 3, 9, 9, 15, tzinfo=_VN)
    d = Dossier(_CODE, "1.001193", Channel.COUNTER, "Một cửa", "UBND xã", Duration.working_days(3))
    return d.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, _CODE, at, one_stop),
            DossierEvent(
                EventKind.FORWARDED,
                _CODE,
                at.replace(minute=30),
                one_stop,
                to_unit="UBND xã Đắk Hà",
            ),
            DossierEvent(
                EventKind.PAYMENT_REQUESTED,
                _CODE,
                at.replace(hour=10),
                authority,
                amount=Decimal("150000.50"),
            ),
            DossierEvent(EventKind.PAYMENT_RECEIVED, _CODE, at.replace(hour=11), one_stop),
        ]
    )


_DOSSIER_DATA = json.loads(serde.to_json(_sample_dossier()))
_DOSSIER_PATHS = [p for p in json_paths(_DOSSIER_DATA) if p]
_ODD_VALUES = st.sampled_from(
    [
        "2026-02-30T09:00:00+07:00",
        "2026-03-09T09:00:00",
        "NaN",
        "1e999",
        "-1",
        "Infinity",
        "accepted",
        "2026-13-01",
        "",
        "05 ngày làm việc",
    ]
)


def _check_dossier_json(text: str | bytes) -> None:
    result = contract("serde.from_json(Dossier)", len(text), lambda: serde.from_json(text, Dossier))
    if result is not None:
        assert isinstance(result, Dossier)
        # whatever was accepted survives a second round trip unchanged
        assert serde.from_json(serde.to_json(result), Dossier) == result


@FUZZ
@given(mutated_json(_DOSSIER_DATA, JSON | _ODD_VALUES, _DOSSIER_PATHS))
def test_dossier_json_mutated(text: str) -> None:
    _check_dossier_json(text)


@FUZZ
@given(st.text(max_size=300) | st.binary(max_size=300) | JSON.map(json.dumps))
def test_dossier_json_random(text: str | bytes) -> None:
    _check_dossier_json(text)


def test_dossier_json_deep_nesting_and_huge_text() -> None:
    _check_dossier_json("[" * 100_000)
    _check_dossier_json('{"schema_version": 1, "code": ' + "[" * 100_000)
    _check_dossier_json(json.dumps({**_DOSSIER_DATA, "code": "x" * 1_000_000}))
