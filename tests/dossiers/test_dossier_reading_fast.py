"""Reading a stored event without checking it twice (issue 20, item 4: ``from_json`` cost).

The stored reader (``tthc.dossiers._serde``) reads each field of an event to its type, then
builds the event with ``stored_event`` (``tthc.dossiers._model``), which runs only the checks
those types leave and sets the slots without attrs' ``__init__``. These tests hold it to
``DossierEvent(...)``: the same event, field by field, or the same refusal (class, code,
message, hint, context), for fields drawn right and wrong for their kind and for every payload
of every kind; and every bad stored field refused by ``from_json`` exactly as the converter's
full reading refuses it.

The limit and the sector rules of a dossier are read once per value: a stored reading of a text
is taken exactly when it is the same, types included, as what the text reads.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import strategies
from tthc import serde
from tthc._text import fold
from tthc._time import VN_TZ
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
from tthc.dossiers._model import stored_event
from tthc.errors import SerializationError, TthcError
from tthc.legal import LegalRef

CODE = "000.00.01.H29-260309-0011"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn", name="Lê Văn A")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Sài Gòn")
PORTAL = Actor(ActorRole.PORTAL, "Hệ thống")
# Decree 118/2025/NĐ-CP, Điều 20: the receiving agency of an inter-agency step has its own time
STEP = Duration.working_days(2)
BASIS = LegalRef("118/2025/NĐ-CP", kind="Nghị định", article="Điều 20")
# Resolution 1668/NQ-UBTVQH15 Điều 1.1: the clause a re-homing cites (tthc.migrate.rehome)
MERGER = LegalRef("1668/NQ-UBTVQH15", kind="Nghị quyết", article="Điều 1, khoản 1")
SEVEN = dt.timezone(dt.timedelta(hours=7))  # what ``fromisoformat`` gives for +07:00
FIELDS = tuple(field.name for field in attrs.fields(DossierEvent))


def t(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=VN_TZ)


# --- stored_event against DossierEvent(...) ------------------------------------------------------


def _outcome(build: Callable[[], DossierEvent]) -> tuple[Any, ...]:
    """What building an event gives: the event, or everything its refusal says."""
    try:
        return ("event", build())
    except TthcError as exc:
        return ("refused", type(exc), exc.code, exc.message, exc.hint, exc.context)


def _same_outcome(fields: tuple[Any, ...]) -> tuple[Any, ...]:
    fast, reference = (
        _outcome(lambda: stored_event(*fields)),
        _outcome(lambda: DossierEvent(*fields)),
    )
    assert fast[0] == reference[0]
    if fast[0] == "refused":
        assert fast == reference
        return fast
    event, expected = fast[1], reference[1]
    assert type(event) is DossierEvent
    for name, value in zip(FIELDS, fields, strict=True):
        assert getattr(event, name) is value  # each field as given, like attrs' __init__
        assert getattr(event, name) is getattr(expected, name)
    assert event == expected
    assert hash(event) == hash(expected)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.reason = "x"  # type: ignore[misc]
    return fast


#: Each kind's payload as the law has it (Decree 118/2025: Điều 20 forwarding, Điều 19.6 the
#: apology's new date; re-homing: Resolution 1668 Điều 1), to draw events that are often valid.
_RIGHT_PAYLOAD: dict[EventKind, dict[str, Any]] = {
    EventKind.FORWARDED: {"to_unit": "UBND phường Sài Gòn"},
    EventKind.REHOMED: {
        "to_unit": "26734",
        "unit_role": "reception",
        "from_unit": "26740",
        "legal_ref": MERGER,
    },
    EventKind.EXTENSION_GRANTED: {"new_due_date": dt.date(2026, 3, 20)},
    EventKind.PAYMENT_REQUESTED: {"amount": Decimal("150000.50")},
}
_ANY_VALUE: dict[str, st.SearchStrategy[Any]] = {
    "legal_ref": st.sampled_from([None, BASIS, MERGER]),
    "to_unit": st.sampled_from([None, "", "UBND", "26734"]),
    "time_allowed": st.sampled_from([None, STEP, Duration.same_day(dt.time(15))]),
    "new_due_date": st.sampled_from([None, dt.date(2026, 3, 20)]),
    "amount": st.sampled_from([None, Decimal("0"), Decimal("150000.50"), Decimal("-1")]),
    "unit_role": st.sampled_from([None, "reception", "competent", "mayor"]),
    "from_unit": st.sampled_from([None, "", "26740"]),
}
_ZONES = st.sampled_from(
    [VN_TZ, SEVEN, dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5)), dt.timezone.max]
)
_INSTANTS = st.one_of(
    st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2027, 12, 31), timezones=_ZONES),
    # the first and last years: in Vietnam time some of these fall in year 0 or 10000
    st.datetimes(dt.datetime(1, 1, 1), dt.datetime(1, 1, 2), timezones=_ZONES),
    st.datetimes(dt.datetime(9999, 12, 30), dt.datetime(9999, 12, 31, 23, 59), timezones=_ZONES),
)


@st.composite
def _event_fields(draw: st.DrawFn) -> tuple[Any, ...]:
    """The fields of an event as the stored reader gives them: right for the kind, or not."""
    kind = draw(st.sampled_from(list(EventKind)))
    values: dict[str, Any] = {
        "kind": kind,
        "dossier_code": draw(st.sampled_from([CODE, "", "   ", "\t", "x"])),
        "at": draw(_INSTANTS),
        "actor": draw(st.sampled_from([ONE_STOP, AUTHORITY, PORTAL])),
        "reason": draw(st.sampled_from(["", "  ", "Thiếu tờ khai"])),
        **dict.fromkeys(FIELDS[5:]),
        **_RIGHT_PAYLOAD.get(kind, {}),
    }
    for name, pool in _ANY_VALUE.items():
        if draw(st.integers(0, 4)) == 0:  # one field in five drawn from anything
            values[name] = draw(pool)
    return tuple(values[name] for name in FIELDS)


@settings(max_examples=400, deadline=None, database=None)
@given(_event_fields())
def test_a_stored_event_is_the_event_the_constructor_builds(fields: tuple[Any, ...]) -> None:
    _same_outcome(fields)


def _fields(kind: EventKind, **changes: Any) -> tuple[Any, ...]:
    values = {
        "kind": kind,
        "dossier_code": CODE,
        "at": t(9, 9),
        "actor": ONE_STOP,
        "reason": "Thiếu tờ khai",
        **dict.fromkeys(FIELDS[5:]),
        **_RIGHT_PAYLOAD.get(kind, {}),
        **changes,
    }
    return tuple(values[name] for name in FIELDS)


_LAST = dt.timezone(dt.timedelta(hours=-5))


@pytest.mark.parametrize(
    ("fields", "refusal"),
    [
        (_fields(EventKind.ACCEPTED, dossier_code=" "), "empty_dossier_code"),
        # 23:00 on 31/12/9999 at UTC-5 is in year 10000 in Vietnam time
        (_fields(EventKind.ACCEPTED, at=dt.datetime(9999, 12, 31, 23, tzinfo=_LAST)), "range"),
        # Điều 19.5: a request for a supplement gives its reasons in writing
        (_fields(EventKind.SUPPLEMENT_REQUESTED, reason=" "), "missing_reason"),
        (_fields(EventKind.REHOMED, legal_ref=None), "payload"),
        (_fields(EventKind.ACCEPTED, to_unit="UBND"), "payload"),
        (_fields(EventKind.FORWARDED, to_unit=""), "payload"),
        (_fields(EventKind.EXTENSION_GRANTED, new_due_date=None), "payload"),
        (_fields(EventKind.PAYMENT_REQUESTED, amount=Decimal("-1")), "payload"),
        (_fields(EventKind.REHOMED, unit_role="mayor"), "payload"),
        (_fields(EventKind.REHOMED, from_unit=""), "payload"),
    ],
)
def test_a_stored_event_is_refused_as_the_constructor_refuses_it(
    fields: tuple[Any, ...], refusal: str
) -> None:
    outcome = _same_outcome(fields)
    assert outcome[0] == "refused"
    context = outcome[5]
    assert context.get("reason", "range") == refusal


@pytest.mark.parametrize(
    "fields",
    [
        _fields(EventKind.ACCEPTED, reason=""),  # an acceptance needs no written reasons
        _fields(EventKind.FORWARDED, time_allowed=STEP, legal_ref=BASIS),
        _fields(EventKind.REHOMED, reason=""),
        _fields(EventKind.EXTENSION_GRANTED),
        _fields(EventKind.PAYMENT_REQUESTED, amount=None),  # the amount may be left out
        _fields(EventKind.ACCEPTED, at=dt.datetime(9999, 12, 31, 1, tzinfo=VN_TZ)),
        _fields(EventKind.ACCEPTED, at=dt.datetime(1, 1, 1, 9, tzinfo=SEVEN)),
    ],
)
def test_a_valid_stored_event_is_built_without_the_constructor(fields: tuple[Any, ...]) -> None:
    assert _same_outcome(fields)[0] == "event"


#: A right value of each payload field, given or not in `test_every_payload_of_every_kind`.
_GIVEN = {
    "to_unit": "26734",
    "time_allowed": STEP,
    "new_due_date": dt.date(2026, 3, 20),
    "amount": Decimal("150000.50"),
    "unit_role": "competent",
    "from_unit": "26740",
}


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_payload_of_every_kind_is_read_as_the_constructor_reads_it(
    kind: EventKind,
) -> None:
    # 2^6 sets of payload fields per kind: the kinds that take each, and must, are the rules
    # of dossier_rules (Decree 118/2025 Điều 19.6, 20; Resolution 1668 for re-homing)
    outcomes = set()
    for shape in itertools.product((False, True), repeat=len(_GIVEN)):
        payload = {
            name: value if on else None
            for (name, value), on in zip(_GIVEN.items(), shape, strict=True)
        }
        outcomes.add(_same_outcome(_fields(kind, legal_ref=MERGER, **payload))[0])
        if shape[0]:  # the same with a wrong value: an empty receiving unit
            wrong = {**payload, "to_unit": ""}
            assert _same_outcome(_fields(kind, legal_ref=MERGER, **wrong))[0] == "refused"
    assert outcomes == {"event", "refused"}


# --- the reader ----------------------------------------------------------------------------------


@pytest.fixture
def full_reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A converter that reads every dossier by the full, path-reporting reading only."""

    def nothing_plain(conv: cattrs.Converter, cls: type[Any]) -> Callable[[Any], Any]:
        def read(data: Any) -> Any:
            raise dossier_serde._NotPlain

        return read

    monkeypatch.setattr(dossier_serde, "_plain_reader", nothing_plain)
    serde.converter.cache_clear()
    try:
        yield
    finally:
        serde.converter.cache_clear()


def _log() -> list[DossierEvent]:
    """An accepted dossier forwarded with a step time, supplemented, charged and extended."""
    return [
        DossierEvent(EventKind.ACCEPTED, CODE, t(9, 9), ONE_STOP),
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            t(9, 10),
            ONE_STOP,
            legal_ref=BASIS,
            to_unit="UBND phường Sài Gòn",
            time_allowed=STEP,
        ),
        DossierEvent(EventKind.SUPPLEMENT_REQUESTED, CODE, t(10, 9), AUTHORITY, reason="Thiếu"),
        DossierEvent(EventKind.SUPPLEMENT_RECEIVED, CODE, t(11, 9), ONE_STOP),
        DossierEvent(EventKind.FORWARDED, CODE, t(11, 9), ONE_STOP, to_unit="UBND"),
        DossierEvent(
            EventKind.PAYMENT_REQUESTED, CODE, t(11, 10), AUTHORITY, amount=Decimal("150000.50")
        ),
        DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, t(11, 14), ONE_STOP),
        DossierEvent(
            EventKind.EXTENSION_GRANTED,
            CODE,
            t(12, 9),
            AUTHORITY,
            reason="Cần xác minh thêm",
            new_due_date=dt.date(2026, 3, 25),
        ),
    ]


def _dossier(events: list[DossierEvent] | None = None) -> Dossier:
    return Dossier(
        CODE,
        "1.001193",
        Channel.COUNTER,
        "Bộ phận Một cửa",
        "UBND phường Sài Gòn",
        Duration.working_days(5),
        _log() if events is None else events,
    )


def test_a_stored_log_is_read_back_field_by_field(fresh: cattrs.Converter) -> None:
    dossier = _dossier()
    text = serde.to_json(dossier)
    back = serde.from_json(text, Dossier)
    assert back == dossier
    for event, again in zip(dossier.events, back.events, strict=True):
        assert [getattr(again, name) for name in FIELDS] == [
            getattr(event, name) for name in FIELDS
        ]
        assert [type(getattr(again, name)) for name in FIELDS] == [
            type(getattr(event, name)) for name in FIELDS
        ]
        assert again.at.utcoffset() == event.at.utcoffset()  # the offset as written
    assert serde.to_json(back) == text
    assert (back.status, back.due_date) == (dossier.status, dossier.due_date)


def _bad(index: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["events"][index].update(changes)

    return change


def _bad_actor(index: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["events"][index]["actor"].update(changes)

    return change


_STEP_FORM = {"amount": "2", "unit": "working_day", "cutoff": None}

#: Every field of a stored event made wrong, each way a check of the event refuses it.
_BAD_FIELDS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("kind: unknown", _bad(0, kind="arrived")),
    ("kind: a number", _bad(0, kind=3)),
    ("dossier_code: empty", _bad(1, dossier_code="")),
    ("dossier_code: spaces", _bad(1, dossier_code="   ")),
    ("dossier_code: a number", _bad(1, dossier_code=7)),
    ("at: no offset", _bad(2, at="2026-03-10T09:00:00")),
    ("at: not a date", _bad(2, at="hôm qua")),
    ("at: year 0 in Vietnam", _bad(0, at="0001-01-01T03:00:00+07:00")),
    ("at: year 10000 in Vietnam", _bad(7, at="9999-12-31T23:00:00-05:00")),
    ("actor: empty unit", _bad_actor(3, unit=" ")),
    ("actor: unknown role", _bad_actor(3, role="mayor")),
    ("actor: a str", _bad(3, actor="Một cửa")),
    ("reason: missing (Điều 19.5)", _bad(2, reason=" ")),
    ("reason: null", _bad(2, reason=None)),
    ("legal_ref: not a citation", _bad(1, legal_ref={"doc": 1})),
    ("to_unit: on an acceptance", _bad(0, to_unit="UBND")),
    ("to_unit: empty", _bad(1, to_unit="")),
    ("to_unit: left out of a forwarding", _bad(1, to_unit=None)),
    ("time_allowed: on an acceptance", _bad(0, time_allowed=_STEP_FORM)),
    ("time_allowed: a number", _bad(1, time_allowed=dict(_STEP_FORM, amount=2))),
    ("new_due_date: left out of an extension", _bad(7, new_due_date=None)),
    ("new_due_date: on an acceptance", _bad(0, new_due_date="2026-03-20")),
    ("amount: negative", _bad(5, amount="-1")),
    ("amount: not a number", _bad(5, amount="NaN")),
    ("amount: on a receipt", _bad(6, amount="1")),
    ("unit_role: on an acceptance", _bad(0, unit_role="reception")),
    ("from_unit: on an acceptance", _bad(0, from_unit="26740")),
    ("a required field left out", lambda d: d["events"][3].pop("at")),
    ("an unknown field", lambda d: d["events"][3].update(note="x")),
]


def _refused_alike(text: str, request: pytest.FixtureRequest) -> tuple[Any, ...]:
    """The refusal of ``text`` by a converter built now, checked equal to the full reading's."""
    serde.converter.cache_clear()
    try:
        fast = _refusal(text)
    finally:
        serde.converter.cache_clear()
    request.getfixturevalue("full_reading")
    assert _refusal(text) == fast
    return fast


def _refusal(text: str) -> tuple[Any, ...]:
    with pytest.raises(SerializationError) as info:
        serde.from_json(text, Dossier)
    exc = info.value
    return exc.code, exc.message, exc.hint, exc.context


@pytest.mark.parametrize(
    "change",
    [change for _, change in _BAD_FIELDS],
    # ASCII ids: mutmut re-selects tests by node id, and pytest escapes other characters in
    # the ids it prints ("Điều" as "\\u0110i\\u1ec1u"), which then match no test
    ids=[re.sub(r"[^A-Za-z0-9_]+", "-", fold(name)).strip("-") for name, _ in _BAD_FIELDS],
)
def test_a_bad_stored_field_is_refused_as_the_full_reading_refuses_it(
    change: Callable[[dict[str, Any]], None], request: pytest.FixtureRequest
) -> None:
    data = json.loads(serde.to_json(_dossier()))
    change(data)
    text = json.dumps(data, ensure_ascii=False)
    fast = _refused_alike(text, request)
    assert fast[3]["path"].startswith("$.events[")


# --- the limit -----------------------------------------------------------------------------------


def test_a_stored_duration_limit_is_read_once_and_shared(fresh: cattrs.Converter) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    form = {"amount": "5", "unit": "working_day", "cutoff": None, "type": "duration"}
    first = read(dict(form))
    assert first == Duration.working_days(5)
    assert read(dict(form)) is first
    assert first == fresh.structure(dict(form), ProcessingTime | Duration)


@pytest.mark.parametrize(
    "change",
    [
        {"amount": 5},  # a number, not the decimal string
        {"unit": "fortnight"},
        {"cutoff": 15},
    ],
)
def test_a_bad_stored_duration_limit_is_refused_at_its_path(
    fresh: cattrs.Converter, change: dict[str, Any]
) -> None:
    data = json.loads(serde.to_json(_dossier()))
    data["processing_time"].update(change)
    with pytest.raises(SerializationError) as info:
        serde.from_json(json.dumps(data), Dossier)
    assert info.value.context["path"].startswith("$.processing_time")


def _readable_texts() -> list[str]:
    texts = []
    for text in strategies.PROCESSING_TEXTS:
        try:
            parse_processing_time(text)
        except TthcError:
            continue
        texts.append(text)
    return texts


_ABSENT = object()


def _the_same_key_by_key(value: dict[str, Any], source: str) -> bool:
    """The comparison of a stored reading before issue 20: key by key, types included."""
    form = dossier_serde._reading(source)[0]
    return len(value) == len(form) + 1 and all(
        key == "type" or dossier_serde._same(form.get(key, _ABSENT), stored)
        for key, stored in value.items()
    )


def _put(value: Any, path: tuple[Any, ...], item: Any) -> None:
    for key in path[:-1]:
        value = value[key]
    value[path[-1]] = item


@pytest.mark.parametrize("source", _readable_texts())
def test_a_stored_reading_is_taken_exactly_when_it_is_the_same(
    fresh: cattrs.Converter, source: str
) -> None:
    read = dossier_serde._limit_reader(fresh, ProcessingTime | Duration)
    reading = dossier_serde._reading(source)[1]
    stored = json.loads(json.dumps(fresh.unstructure(reading, ProcessingTime | Duration)))
    assert read(copy.deepcopy(stored)) is reading
    numbers = dossier_serde._tagged_form(source)[1]
    assert numbers  # every reading has its flags (no_limit, extension_by_agreement)
    forms = [
        dict(stored, note=None),
        {key: item for key, item in stored.items() if key != "no_limit"},
        dict(stored, base=None),
        dict(stored, cases=[None]),
    ]
    for path, _ in numbers:
        for variant in (False, True, 0, 1, 0.0, 1.0, None, "false", [], {}):
            form = copy.deepcopy(stored)
            _put(form, path, variant)
            forms.append(form)
    for form in forms:
        try:
            taken = read(form) is reading
        except (TthcError, cattrs.BaseValidationError):
            taken = False
        assert taken is _the_same_key_by_key(form, source), form


def test_the_national_sector_rules_are_read_once_and_shared(fresh: cattrs.Converter) -> None:
    read = dossier_serde._value_reader(fresh, SectorRules)
    stored = json.loads(json.dumps(fresh.unstructure(SectorRules())))
    assert {field.name for field in attrs.fields(SectorRules)} == dossier_serde._SECTOR_KEYS
    national = read(dict(stored))
    assert national == SectorRules()
    assert read(dict(stored)) is national
    # Decree 118/2025 Điều 19.5 leaves the periods to sector law: 5 and 30 days, say
    sector = read(dict(stored, supplement_notice_working_days=5, supplement_wait_days=30))
    assert sector == SectorRules(supplement_notice_working_days=5, supplement_wait_days=30)
    cited = read(dict(stored, legal_ref=fresh.unstructure(BASIS)))
    assert cited == SectorRules(legal_ref=BASIS)


@pytest.mark.parametrize(
    "change",
    [
        {"supplement_wait_days": 0},  # at least a day to supplement
        {"supplement_wait_days": True},
        {"supplement_notice_working_days": 1.0},
        {"payment_excluded_from_limit": 0},
        {"payment_excluded_from_limit": None},
        {"note": None},
    ],
)
def test_bad_sector_rules_are_refused_as_the_full_reading_refuses_them(
    change: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    data = json.loads(serde.to_json(_dossier()))
    data["sector_rules"].update(change)
    text = json.dumps(data, ensure_ascii=False)
    fast = _refused_alike(text, request)
    assert fast[3]["path"].startswith("$.sector_rules")


@pytest.mark.parametrize(
    "actor",
    [
        {"role": "one_stop", "unit": "Một cửa", "office": "x"},  # three fields, one unknown
        {"role": "one_stop", "name": "A", "office": "x"},
        {"role": "one_stop"},
        {},
        {"role": "one_stop", "unit": None},
        {"role": "one_stop", "unit": None, "name": ""},  # every field, one of another type
        {"role": "one_stop", "unit": "Một cửa", "name": ["A"]},  # a value that cannot be hashed
        {"role": "mayor", "unit": "Một cửa", "name": ""},  # a role tthc does not know
        {"role": 1, "unit": "Một cửa", "name": ""},
        {"role": "mayor", "unit": "Một cửa"},  # a name left out, and a role tthc does not know
        {"role": "one_stop", "unit": ["Một cửa"]},
    ],
)
def test_an_actor_with_other_fields_is_handed_to_the_full_reading(actor: dict[str, Any]) -> None:
    with pytest.raises(dossier_serde._NotPlain):
        dossier_serde._plain_actor(actor)


def test_an_actor_is_built_once_for_its_fields() -> None:
    one = dossier_serde._plain_actor({"role": "applicant", "unit": "Người nộp", "name": ""})
    assert one == Actor(ActorRole.APPLICANT, "Người nộp")
    assert dossier_serde._plain_actor({"unit": "Người nộp", "role": "applicant"}) is one


def test_the_payload_shapes_are_the_rules_of_each_kind() -> None:
    # built again here (the module's table is built once, at import): the payload fields each
    # kind may be given (to_unit, time_allowed, new_due_date, amount, unit_role, from_unit),
    # per the event rules: a forwarding names its receiving unit and may give a step time
    # (Điều 18, 20), an extension its new date (Điều 19.6), a payment request may give its
    # amount, a re-homing its unit, role and old unit (NQ 1668/NQ-UBTVQH15); others nothing
    from tthc.dossiers._model import _PAYLOAD_SHAPES, _payload_shapes

    none = (False,) * 6
    expected = {(kind, none) for kind in EventKind} - {
        (EventKind.FORWARDED, none),
        (EventKind.EXTENSION_GRANTED, none),
        (EventKind.REHOMED, none),
    }
    expected |= {
        (EventKind.FORWARDED, (True, False, False, False, False, False)),
        (EventKind.FORWARDED, (True, True, False, False, False, False)),
        (EventKind.EXTENSION_GRANTED, (False, False, True, False, False, False)),
        (EventKind.PAYMENT_REQUESTED, (False, False, False, True, False, False)),
        (EventKind.REHOMED, (True, False, False, False, True, True)),
    }
    assert _payload_shapes() == expected
    assert expected == _PAYLOAD_SHAPES


def test_a_stored_event_is_built_in_the_slots_of_an_event() -> None:
    # stored_event writes every field to the builder and gives it DossierEvent's class
    from tthc.dossiers._model import _EVENT_SLOTS

    assert _EVENT_SLOTS.__slots__ == FIELDS
    assert len(FIELDS) == 12
    event = stored_event(*_fields(EventKind.ACCEPTED))
    assert type(event) is DossierEvent
    assert tuple(getattr(event, name) for name in FIELDS) == _fields(EventKind.ACCEPTED)
