"""The dossier's hooks on the converter of ``tthc.serde`` (``tthc.dossiers._serde``).

The converter is built once per process and cached, so most tests only ever see the hooks as
they were registered at the first build. These tests rebuild it (``fresh``) and check what
the hooks do: the tagged processing time, no calendar written for a dossier without one,
and an event the replay refuses reported at its index in the log (``$.events[2]``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import cattrs
import pytest
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from tthc import serde
from tthc._time import VN_TZ
from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
)
from tthc.dossiers import _serde as dossier_serde
from tthc.errors import InvalidEvent, SerializationError

CODE = "000.00.01.H29-260309-0007"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn")


def t(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=VN_TZ)


def _dossier(limit: ProcessingTime | Duration | None = None) -> Dossier:
    dossier = Dossier(
        CODE,
        "1.001193",
        Channel.COUNTER,
        "Bộ phận Một cửa",
        "UBND phường Sài Gòn",
        Duration.working_days(5) if limit is None else limit,
    )
    return dossier.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(EventKind.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
        ]
    )


def _of_another_dossier(dossier: Dossier) -> dict[str, Any]:
    # a third event recorded for another dossier: the replay refuses it (reason other_dossier)
    data = serde.to_dict(dossier)
    data["events"].append(dict(data["events"][1], dossier_code="000.00.01.H29-260309-0008"))
    return data


def test_the_processing_time_is_tagged_with_its_type(fresh: cattrs.Converter) -> None:
    by_duration = _dossier()
    data = fresh.unstructure(by_duration)
    assert data["processing_time"] == {
        "amount": "5",
        "unit": "working_day",
        "cutoff": None,
        "type": "duration",
    }
    assert fresh.structure(data, Dossier) == by_duration
    limit = parse_processing_time("05 ngày làm việc")
    by_text = _dossier(limit)
    data = fresh.unstructure(by_text)
    assert data["processing_time"]["type"] == "processing_time"
    assert data["processing_time"]["source"] == "05 ngày làm việc"
    back = fresh.structure(data, Dossier)
    assert back == by_text
    assert type(back.processing_time) is ProcessingTime
    assert serde.from_json(serde.to_json(by_text), Dossier) == by_text


def test_no_calendar_is_written_for_a_dossier_without_one(fresh: cattrs.Converter) -> None:
    plain = _dossier()
    data = fresh.unstructure(plain)
    assert "calendar" not in data  # none: the national calendar
    assert list(data)[:6] == [
        "code", "procedure_code", "channel", "reception_unit", "competent_unit",
        "processing_time",
    ]  # fmt: skip


def test_a_refused_event_is_reported_at_its_index(fresh: cattrs.Converter) -> None:
    data = _of_another_dossier(_dossier())
    with pytest.raises(ClassValidationError) as info:
        fresh.structure(data, Dossier)
    top = info.value
    assert (top.message, top.cl) == ("While structuring Dossier", Dossier)
    (events,) = top.exceptions
    assert isinstance(events, IterableValidationError)
    assert (events.message, events.cl) == ("While replaying the events", tuple)
    (note,) = events.__notes__
    assert isinstance(note, AttributeValidationNote)
    assert (str(note), note.name, note.type) == ("the event log", "events", tuple)
    (refusal,) = events.exceptions
    assert isinstance(refusal, InvalidEvent)
    assert (refusal.context["reason"], refusal.context["index"]) == ("other_dossier", 2)
    (item,) = list(getattr(refusal, "__notes__", []))
    assert isinstance(item, IterableValidationNote)
    assert (str(item), item.index, item.type) == ("item 2", 2, DossierEvent)
    # what tthc.serde makes of it: the path of the event
    with pytest.raises(SerializationError) as err:
        serde.from_dict(data, Dossier)
    assert err.value.context["path"] == "$.events[2]"
    assert err.value.context["errors"] == (
        "$.events[2]: Sự kiện của hồ sơ khác (event for another dossier): the event is for "
        f"000.00.01.H29-260309-0008, this dossier is {CODE}",
    )


def test_a_bad_field_keeps_its_own_path(fresh: cattrs.Converter) -> None:
    # an error cattrs already placed (at an attribute) is passed on untouched
    data = serde.to_dict(_dossier())
    data["events"][0]["to_unit"] = "UBND"
    with pytest.raises(ClassValidationError) as info:
        fresh.structure(data, Dossier)
    (events,) = info.value.exceptions
    assert (events.message, events.__notes__) == (
        "While structuring tuple[tthc.dossiers._model.DossierEvent, ...]",
        ["Structuring class Dossier @ attribute events"],
    )
    with pytest.raises(SerializationError) as err:
        serde.from_dict(data, Dossier)
    assert err.value.context["errors"] == (
        "$.events[0]: Sự kiện (event) 'accepted' does not take to_unit",
    )


def test_the_event_path_is_added_to_notes_already_there() -> None:
    refusal = InvalidEvent("Sự kiện (event) refused", reason="out_of_order", index=3)
    setattr(refusal, "__notes__", ["recorded by the portal"])  # noqa: B010 - as Python 3.10 allows
    events = dossier_serde._at_its_event(refusal)
    assert isinstance(events, IterableValidationError)
    assert events.exceptions == (refusal,)
    first, item = list(getattr(refusal, "__notes__", []))
    assert first == "recorded by the portal"
    assert (str(item), item.index, item.type) == ("item 3", 3, DossierEvent)


@pytest.mark.parametrize(
    "error",
    [
        InvalidEvent("no index"),
        InvalidEvent("a bool is no index", index=True),
        InvalidEvent("nor is a str", index="3"),
        ValueError("not a dossier error"),
    ],
)
def test_an_error_without_an_event_index_is_left_alone(error: Exception) -> None:
    assert dossier_serde._at_its_event(error) is error
    assert not hasattr(error, "__notes__")
