"""The fast reading of a stored dossier (``tthc.dossiers._serde``): the plain form, read in one pass.

A dossier stored by ``tthc.serde.to_json`` is read by a fast reader of exactly that form; any
other value is handed back (``_NotPlain``, or the error of the value) to the converter's full
reading, which reports each error with its path. The full reading gives the same answers, so
these tests call the fast readers themselves: each must read every plain value to the same
record as the full reading, and hand back every value outside the plain form, even one the
record would accept (a ``str`` enum member where JSON gives a ``str``).

The converter is built once per process and cached; ``fresh`` builds it again, so that the
readers are built by the code under test.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given, settings

import strategies
from tthc import serde
from tthc._time import VN_TZ
from tthc.calendar import OfficeHours
from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    SectorRules,
)
from tthc.dossiers import _serde as dossier_serde
from tthc.errors import InvalidEvent, SerializationError
from tthc.legal import LegalRef

NotPlain = dossier_serde._NotPlain
CODE = "000.00.01.H29-260309-0011"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn", name="Lê Văn A")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")
# Decree 118/2025/NĐ-CP, Điều 20: the receiving agency of an inter-agency step has its own time
STEP = Duration.working_days(2)
BASIS = LegalRef("118/2025/NĐ-CP", kind="Nghị định", article="Điều 20")


def t(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=VN_TZ)


def _events() -> list[DossierEvent]:
    """A log with every kind of payload: reasons, a step time, an amount, a citation."""
    return [
        DossierEvent(EventKind.ACCEPTED, CODE, t(9, 9), ONE_STOP, reason="Nhận đủ hồ sơ"),
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            t(9, 10),
            ONE_STOP,
            legal_ref=BASIS,
            to_unit="UBND phường Sài Gòn",
            time_allowed=STEP,
        ),
        DossierEvent(
            EventKind.PAYMENT_REQUESTED,
            CODE,
            t(10, 9),
            AUTHORITY,
            amount=Decimal("150000.50"),
        ),
        DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, t(10, 14), ONE_STOP),
    ]


def _dossier(limit: ProcessingTime | Duration | None = None, **kw: Any) -> Dossier:
    return Dossier(
        CODE,
        "1.001193",
        Channel.COUNTER,
        "Bộ phận Một cửa",
        "UBND phường Sài Gòn",
        Duration.working_days(5) if limit is None else limit,
        _events(),
        **kw,
    )


def _stored(record: Any) -> Any:
    """``record`` as JSON gives it back (``to_dict`` keeps enum members, JSON has plain text)."""
    data = json.loads(serde.to_json(record))
    del data["schema_version"]
    return data


# --- events --------------------------------------------------------------------------------------


_EXTENSION = DossierEvent(
    EventKind.EXTENSION_GRANTED,
    CODE,
    t(13, 9),
    AUTHORITY,
    reason="Cần xác minh thêm",  # Điều 19.6: the apology gives its reasons and the new date
    new_due_date=dt.date(2026, 3, 20),
)
_REHOMED = DossierEvent(
    EventKind.REHOMED,
    CODE,
    t(13, 10),
    Actor(ActorRole.PORTAL, "Hệ thống"),
    legal_ref=LegalRef("1668/NQ-UBTVQH15", kind="Nghị quyết", article="Điều 1, khoản 1"),
    to_unit="31135",
    unit_role="reception",
    from_unit="31135",
)


@pytest.mark.parametrize("event", [*_events(), _EXTENSION, _REHOMED])
def test_every_stored_event_is_read_back_by_the_fast_reader(
    fresh: cattrs.Converter, event: DossierEvent
) -> None:
    data = _stored(event)
    assert len(data) == 12  # every field written: the one-pass reading
    back = dossier_serde._event_reader(fresh)(data)
    assert back == event
    assert [type(getattr(back, f.name)) for f in attrs.fields(DossierEvent)] == [
        type(getattr(event, f.name)) for f in attrs.fields(DossierEvent)
    ]
    assert dossier_serde._plain_reader(fresh, DossierEvent)(data) == event


def test_an_event_without_its_empty_fields_is_read_by_the_field_reader(
    fresh: cattrs.Converter,
) -> None:
    # a hand-written event may leave out the fields that are empty
    data = {
        "kind": "forwarded",
        "dossier_code": CODE,
        "at": "2026-03-09T10:00:00+07:00",
        "actor": {"role": "one_stop", "unit": "Bộ phận Một cửa phường Sài Gòn"},
        "to_unit": "UBND",
        "time_allowed": {"amount": "2", "unit": "working_day", "cutoff": None},
    }
    back = dossier_serde._event_reader(fresh)(data)
    assert back == DossierEvent(
        EventKind.FORWARDED,
        CODE,
        t(9, 10),
        Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn"),
        to_unit="UBND",
        time_allowed=STEP,
    )
    with pytest.raises(TypeError):  # an unknown field: the full reading reports it
        dossier_serde._event_reader(fresh)(dict(data, note="x"))


class _Kind(str, enum.Enum):
    """A ``str`` that JSON never gives: the fast reading must hand it on."""

    TEXT = "text"


def _plain_event() -> dict[str, Any]:
    return _stored(_events()[1])


_NOT_PLAIN_EVENTS: list[tuple[str, Callable[[dict[str, Any]], object]]] = [
    ("kind: a number", lambda e: e.update(kind=1)),
    ("kind: a str enum", lambda e: e.update(kind=EventKind.FORWARDED)),
    ("code: a number", lambda e: e.update(dossier_code=5)),
    ("code: a str enum", lambda e: e.update(dossier_code=_Kind.TEXT)),
    ("reason: null", lambda e: e.update(reason=None)),
    ("reason: a str enum", lambda e: e.update(reason=_Kind.TEXT)),
    ("to_unit: a number", lambda e: e.update(to_unit=5)),
    ("to_unit: a str enum", lambda e: e.update(to_unit=_Kind.TEXT)),
    ("unit_role: a number", lambda e: e.update(unit_role=5)),
    ("from_unit: a number", lambda e: e.update(from_unit=5)),
    ("at: no offset", lambda e: e.update(at="2026-03-09T10:00:00")),
    ("at: a number", lambda e: e.update(at=1773025200)),
    ("actor: a str", lambda e: e.update(actor="Một cửa")),
    ("actor: an unknown field", lambda e: e["actor"].update(office="x")),
    ("actor role: a number", lambda e: e["actor"].update(role=2)),
    ("actor unit: a number", lambda e: e["actor"].update(unit=2)),
    ("actor name: null", lambda e: e["actor"].update(name=None)),
    ("step: a list", lambda e: e.update(time_allowed=["2", "working_day", None])),
    ("step: an unknown field", lambda e: e["time_allowed"].update(note="x")),
    ("step: no cutoff", lambda e: e["time_allowed"].pop("cutoff")),
    ("step amount: a number", lambda e: e["time_allowed"].update(amount=2)),
    ("step unit: a number", lambda e: e["time_allowed"].update(unit=1)),
    ("step cutoff: a number", lambda e: e["time_allowed"].update(cutoff=15)),
    ("not an object", lambda e: e.clear()),
]


@pytest.mark.parametrize(
    "change", [change for _, change in _NOT_PLAIN_EVENTS], ids=[n for n, _ in _NOT_PLAIN_EVENTS]
)
def test_a_value_outside_the_plain_form_is_handed_to_the_full_reading(
    fresh: cattrs.Converter, change: Callable[[dict[str, Any]], object]
) -> None:
    data = _plain_event()
    change(data)
    with pytest.raises(NotPlain):
        dossier_serde._event_reader(fresh)(data if data else ["not", "an", "object"])


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("kind", "arrived", KeyError),  # no such kind
        ("actor", {"role": "mayor", "unit": "UBND"}, NotPlain),  # no such role: the full reading
        ("at", "9/3/2026 10:00", ValueError),
    ],
)
def test_an_unknown_value_is_refused_by_the_fast_reader(
    fresh: cattrs.Converter, field: str, value: object, error: type[Exception]
) -> None:
    data = dict(_plain_event(), **{field: value})
    with pytest.raises(error):
        dossier_serde._event_reader(fresh)(data)


def test_an_event_with_another_field_in_place_of_one_is_not_plain(
    fresh: cattrs.Converter,
) -> None:
    data = _plain_event()
    del data["amount"]
    data["price"] = None  # twelve fields, one of them unknown
    with pytest.raises(KeyError):
        dossier_serde._event_reader(fresh)(data)


def test_the_fast_reader_still_runs_the_checks_of_the_event(fresh: cattrs.Converter) -> None:
    data = _stored(_events()[0])
    data["to_unit"] = "UBND"  # Điều 20: only a forwarding names a receiving unit
    with pytest.raises(InvalidEvent) as info:
        dossier_serde._event_reader(fresh)(data)
    assert info.value.message == "Sự kiện (event) 'accepted' does not take to_unit"


# --- step times and actors -----------------------------------------------------------------------


def test_a_step_time_is_read_once_and_shared(fresh: cattrs.Converter) -> None:
    read = dossier_serde._duration_reader(fresh)
    assert read(None) is None
    first = read({"amount": "2", "unit": "working_day", "cutoff": None})
    assert first == STEP
    assert read({"amount": "2", "unit": "working_day", "cutoff": None}) is first
    # "trong ngày": received after 15:00, done the next working day (the cut-off is stored)
    same_day = read({"amount": "0", "unit": "same_day", "cutoff": "15:00:00"})
    assert same_day == Duration.same_day(dt.time(15, 0))


def test_an_actor_is_read_with_or_without_a_name() -> None:
    assert dossier_serde._plain_actor({"role": "one_stop", "unit": "Một cửa", "name": "A"}) == (
        Actor(ActorRole.ONE_STOP, "Một cửa", "A")
    )
    assert dossier_serde._plain_actor({"role": "portal", "unit": "Hệ thống"}) == Actor(
        ActorRole.PORTAL, "Hệ thống"
    )
    with pytest.raises(NotPlain):
        dossier_serde._plain_actor({"role": "portal", "unit": "Hệ thống", "name": 1})
    with pytest.raises(NotPlain):
        dossier_serde._plain_actor({"role": ActorRole.PORTAL, "unit": "Hệ thống"})
    with pytest.raises(NotPlain):
        dossier_serde._plain_actor({"role": "portal", "unit": _Kind.TEXT})


def test_a_str_and_an_instant_are_read_as_json_gives_them() -> None:
    assert dossier_serde._plain_str("UBND") == "UBND"
    with pytest.raises(NotPlain):
        dossier_serde._plain_str(_Kind.TEXT)
    instant = dossier_serde._plain_instant("2026-03-09T10:00:00-05:00")
    assert instant == dt.datetime(2026, 3, 9, 22, tzinfo=VN_TZ)
    assert instant.utcoffset() == dt.timedelta(hours=-5)  # kept as written
    with pytest.raises(NotPlain):
        dossier_serde._plain_instant("2026-03-09T10:00:00")
    with pytest.raises(NotPlain):
        dossier_serde._plain_instant(_Kind.TEXT)


# --- the dossier ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dossier",
    [
        _dossier(),
        _dossier(parse_processing_time("05 ngày làm việc")),
        _dossier(sector_rules=SectorRules(supplement_wait_days=30, legal_ref=BASIS)),
        _dossier(
            office_hours=OfficeHours(
                ((dt.time(7), dt.time(11)), (dt.time(13, 30), dt.time(17, 30)))
            )
        ),
        _dossier(local_procedure=True),
    ],
    ids=["duration", "reading", "sector rules", "office hours", "local"],
)
def test_a_stored_dossier_is_read_back_by_the_fast_reader(
    fresh: cattrs.Converter, dossier: Dossier
) -> None:
    back = dossier_serde._plain_reader(fresh, Dossier)(_stored(dossier))
    assert back == dossier
    assert back.events == dossier.events
    assert back.due_date == dossier.due_date
    assert type(back.processing_time) is type(dossier.processing_time)
    assert (back.sector_rules, back.office_hours, back.local_procedure) == (
        dossier.sector_rules,
        dossier.office_hours,
        dossier.local_procedure,
    )


_NOT_PLAIN_DOSSIERS: list[tuple[str, Callable[[dict[str, Any]], object], type[Exception]]] = [
    ("code: a number", lambda d: d.update(code=7), NotPlain),
    ("code: a str enum", lambda d: d.update(code=_Kind.TEXT), NotPlain),
    ("channel: a number", lambda d: d.update(channel=1), NotPlain),
    ("channel: unknown", lambda d: d.update(channel="fax"), KeyError),
    ("events: an object", lambda d: d.update(events={}), NotPlain),
    ("an unknown field", lambda d: d.update(note="x"), TypeError),
    ("no code", lambda d: d.pop("code"), TypeError),
]


@pytest.mark.parametrize(
    ("change", "error"),
    [(change, error) for _, change, error in _NOT_PLAIN_DOSSIERS],
    ids=[n for n, _, _ in _NOT_PLAIN_DOSSIERS],
)
def test_a_dossier_outside_the_plain_form_is_handed_on(
    fresh: cattrs.Converter, change: Callable[[dict[str, Any]], object], error: type[Exception]
) -> None:
    data = _stored(_dossier())
    change(data)
    with pytest.raises(error):
        dossier_serde._plain_reader(fresh, Dossier)(data)


def test_only_an_object_is_a_plain_dossier(fresh: cattrs.Converter) -> None:
    with pytest.raises(NotPlain):
        dossier_serde._plain_reader(fresh, Dossier)([_stored(_dossier())])


@attrs.frozen
class _Private:
    _secret: str


def test_a_record_with_private_attributes_has_no_plain_reader(fresh: cattrs.Converter) -> None:
    with pytest.raises(TypeError) as info:
        dossier_serde._plain_reader(fresh, _Private)
    assert str(info.value) == "_Private: private attributes are not read by the plain reader"


@attrs.frozen
class _Optional:
    note: str | None
    when: dt.date | None
    role: ActorRole


def test_optional_fields_are_read_when_given(fresh: cattrs.Converter) -> None:
    read = dossier_serde._plain_reader(fresh, _Optional)
    assert read({"note": None, "when": None, "role": "portal"}) == _Optional(
        None, None, ActorRole.PORTAL
    )
    assert read({"note": "x", "when": "2026-03-09", "role": "applicant"}) == _Optional(
        "x", dt.date(2026, 3, 9), ActorRole.APPLICANT
    )
    for bad in ({"note": 1}, {"note": _Kind.TEXT}, {"role": ActorRole.PORTAL}):
        with pytest.raises(NotPlain):
            read({"note": None, "when": None, "role": "portal", **bad})
    with pytest.raises(KeyError):
        read({"note": None, "when": None, "role": "mayor"})


def test_a_required_value_is_read_by_its_hook(fresh: cattrs.Converter) -> None:
    read = dossier_serde._value_reader(fresh, dt.date)
    assert read("2026-03-09") == dt.date(2026, 3, 9)
    with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the hook raises on None
        read(None)
    optional = dossier_serde._value_reader(fresh, dt.date | None)
    assert optional(None) is None


# --- the limit -----------------------------------------------------------------------------------


def _limit_form(text: str) -> dict[str, Any]:
    return _stored(_dossier(parse_processing_time(text)))["processing_time"]


def test_a_stored_reading_equal_to_its_text_is_that_reading(fresh: cattrs.Converter) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    form = _limit_form("05 ngày làm việc")
    assert read(form) is dossier_serde._reading("05 ngày làm việc")[1]
    assert read(dict(form)) is read(form)  # read once per text


@pytest.mark.parametrize(
    ("change", "path"),
    [
        # the stored base says 40 days where the text says 5: the text wins, the file is refused
        (lambda f: f["base"].update(amount="40"), "$.processing_time"),
        (lambda f: f.update(no_limit=0), "$.processing_time"),  # 0 is not false
        (lambda f: f.update(note="x"), "$.processing_time"),
    ],
)
def test_a_stored_reading_that_differs_goes_to_the_converter(
    fresh: cattrs.Converter, change: Callable[[dict[str, Any]], object], path: str
) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    form = _limit_form("05 ngày làm việc")
    change(form)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the converter's own refusal
        read(form)
    data = _stored(_dossier(parse_processing_time("05 ngày làm việc")))
    data["processing_time"] = form
    with pytest.raises(SerializationError) as info:
        serde.from_dict(data, Dossier)
    assert info.value.context["path"].startswith(path)


def test_a_stored_reading_with_another_field_in_place_of_one_is_refused(
    fresh: cattrs.Converter,
) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    form = _limit_form("05 ngày làm việc")
    del form["cases"]
    form["note"] = None  # as many fields as the reading has, one of them unknown
    with pytest.raises(ClassValidationError):
        read(form)


def test_only_an_object_is_a_stored_reading(fresh: cattrs.Converter) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    form = types.MappingProxyType(_limit_form("05 ngày làm việc"))
    reading = dossier_serde._reading("05 ngày làm việc")[1]
    assert read(form) == reading  # read by the converter, which re-derives it
    assert read(form) is not reading


def test_a_limit_that_is_not_a_stored_reading_is_read_by_the_converter(
    fresh: cattrs.Converter,
) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    assert read({"type": "duration", "amount": "5", "unit": "working_day", "cutoff": None}) == (
        Duration.working_days(5)
    )
    form = _limit_form("05 ngày làm việc")
    reading = dossier_serde._reading("05 ngày làm việc")[1]
    # a field left out takes its default: the same reading, re-derived by the converter
    del form["cases"]
    assert read(form) == reading
    assert read(form) is not reading
    # no source text: a reading built by hand, taken as stored
    by_hand = read(dict(form, source=""))
    assert (by_hand.source, by_hand.base) == ("", Duration.working_days(5))
    with pytest.raises(Exception):  # noqa: B017, PT011 - the converter's own refusal
        read(dict(form, source=None))


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (0, False, False),
        (1, True, False),
        (1, 1.0, False),
        ("10", "10", True),
        (None, None, True),
        ({"a": [1, {"b": None}]}, {"a": [1, {"b": None}]}, True),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        ({"a": 1}, {"b": 1}, False),
        ({"a": 1}, {"a": 2}, False),
        ([1, 2], [1, 2, 3], False),
        ([1, 2], [1, 3], False),
        ([0], [False], False),
        ({"a": 0}, {"a": False}, False),
    ],
)
def test_json_values_are_the_same_only_with_the_same_types(
    one: object, other: object, same: bool
) -> None:
    assert dossier_serde._same(one, other) is same
    assert dossier_serde._same(other, one) is same


class _Number(enum.IntEnum):
    TEN = 10


def test_a_reading_is_compared_as_json_gives_it_back() -> None:
    value = {
        EventKind.ACCEPTED: (EventKind.FORWARDED, _Number.TEN, True, None, 1.5, "x"),
        "list": [False],
    }
    as_json = dossier_serde._as_json(value)
    assert as_json == {"accepted": ["forwarded", 10, True, None, 1.5, "x"], "list": [False]}
    key, items = next(iter(as_json.items()))
    assert type(key) is str
    assert [type(item) for item in items] == [str, int, bool, type(None), float, str]


def test_the_dossier_hook_reads_the_plain_form_without_the_full_reading() -> None:
    calls: list[object] = []

    def structure(data: Any, cls: Any) -> Any:
        calls.append(data)
        return "full"

    def fast(data: Any) -> Any:
        if data == "plain":
            return "fast"
        raise NotPlain

    hook = dossier_serde._pointing_at_the_event(structure, fast)
    assert hook("plain", Dossier) == "fast"
    assert calls == []
    assert hook("other", Dossier) == "full"
    assert calls == ["other"]


def test_the_converter_reads_a_stored_dossier_by_the_fast_reader(fresh: cattrs.Converter) -> None:
    # the fast reader gives the reading of the text as read once (the full reading re-derives it)
    dossier = _dossier(parse_processing_time("05 ngày làm việc"))
    back = fresh.structure(_stored(dossier), Dossier)
    assert back == dossier
    assert back.processing_time is dossier_serde._reading("05 ngày làm việc")[1]
    assert serde.from_json(serde.to_json(dossier), Dossier).processing_time is back.processing_time
    # a value outside the plain form is read by the full reading, to the same dossier
    data = _stored(dossier)
    data["events"][0]["reason"] = EventKind.ACCEPTED  # a str, not the one JSON gives
    other = fresh.structure(data, Dossier)
    assert other.events[0].reason == "accepted"
    assert other.processing_time is not back.processing_time


def test_the_local_flag_is_written_only_when_set(fresh: cattrs.Converter) -> None:
    assert "local_procedure" not in fresh.unstructure(_dossier())
    assert "calendar" not in fresh.unstructure(_dossier())
    local = fresh.unstructure(_dossier(local_procedure=True))
    assert local["local_procedure"] is True
    assert list(local)[-1] == "local_procedure"


@settings(max_examples=40, deadline=None, database=None)
@given(strategies.dossiers())
def test_any_stored_dossier_is_read_back_whole_by_the_fast_reader(dossier: Dossier) -> None:
    data = _stored(dossier)
    back = dossier_serde._plain_reader(serde.converter(), Dossier)(data)
    assert back == dossier  # calendar and office hours included
    assert back.events == dossier.events
    assert (back.status, back.due_date) == (dossier.status, dossier.due_date)
    assert serde.to_json(back) == serde.to_json(dossier)
