"""The fast replay and the fast reading of a stored dossier give the same answers (issue 20).

Issue 20 (item 4) asks for a replay linear in the number of events and cheap per event, and for
``from_json`` close to ``to_json``, every check kept. The state of a replay is made of tuples
(one per event, the logs as chains shared with the previous state); a stored dossier in the plain
form ``to_json`` writes is read by a direct reader, and anything that reader does not accept is
read again by the converter's full, path-reporting hook. The properties checked here:

* the direct reader accepts a document only if the full reading accepts it, and then gives an
  equal dossier (random documents and random edits of them);
* a stored reading of a limit is still re-derived from its source text (cached per text), and an
  edited reading is still refused at the path of the field;
* an event instant with a fixed ``+07:00`` offset (as read from JSON) or in UTC gives the same
  due dates as the same instant in ``VN_TZ``;
* the online intake limit of 8 working hours (Decree 118/2025, Điều 17.2.c) is judged the same
  whether the decision comes within 8 hours of wall time (no count needed) or later;
* appending an event shares the log of the previous state (O(1) per event).
"""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace
from typing import Any

import pytest
from cattrs.gen import make_dict_structure_fn
from dossier_builders import APPLICANT, AUTHORITY, CODE, ONE_STOP, K, _new, t
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import calendars, dossiers, office_hours
from tthc import serde
from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.deadlines import Duration, ProcessingTime, compute_deadline, parse_processing_time
from tthc.dossiers import Channel, Dossier, DossierEvent
from tthc.dossiers import _serde as dossier_serde
from tthc.dossiers._transitions import _by_first_close
from tthc.errors import SerializationError, TthcError


def _plain(data: Any) -> Any:
    """The direct reader's answer: the dossier, or the class of what it raised."""
    reader = dossier_serde._plain_reader(serde.converter(), Dossier)
    try:
        return reader(data)
    except Exception as exc:
        return type(exc)


def _full(data: Any) -> Any:
    """The converter's full reading (cattrs' generated hook): the dossier, or ``None``."""
    structure = make_dict_structure_fn(Dossier, serde.converter())
    try:
        return structure(data, Dossier)
    except Exception:
        return None


def _text(document: dict[str, Any]) -> str:
    return json.dumps({"schema_version": serde.SCHEMA_VERSION, **document})


def _document(dossier: Dossier) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(serde.to_json(dossier))
    del data["schema_version"]
    return data


@settings(max_examples=40, deadline=None)
@given(dossiers())
def test_the_direct_reader_reads_what_the_full_reading_reads(dossier: Dossier) -> None:
    data = _document(dossier)
    assert _plain(data) == dossier
    assert _full(data) == dossier
    assert serde.from_json(serde.to_json(dossier), Dossier) == dossier


_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(
        ["", " ", "x", "online", "accepted", "one_stop", "2026-03-09T09:00:00", "10", "duration"]
    )
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@settings(max_examples=150, deadline=None)
@given(dossiers(), st.data())
def test_an_edited_document_is_never_read_more_leniently(dossier: Dossier, data: Any) -> None:
    # One random edit: a value replaced, a key removed or an unknown key added, anywhere. The
    # direct reader may refuse more than the full reading (it then hands over to it), never less.
    document = _document(dossier)
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    edit = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if edit == "replace":
        parent[path[-1]] = data.draw(_JSON_LEAVES)
    elif edit == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent["unknown_field"] = data.draw(_JSON_LEAVES)
    plain = _plain(document)
    if isinstance(plain, Dossier):
        assert _full(document) == plain


def test_refusals_keep_their_paths() -> None:
    dossier = _new(channel=Channel.ONLINE).apply_all(
        [
            DossierEvent(K.SUBMITTED_ONLINE, CODE, t(9, 8), APPLICANT),
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
        ]
    )
    cases = [
        (("events", 1, "at"), "2026-03-09T09:00:00", "$.events[1].at"),  # naive: refused
        (("events", 2, "actor", "role"), "mayor", "$.events[2].actor.role"),
        (("events", 0, "kind"), "teleported", "$.events[0].kind"),
        (("channel",), 2, "$.channel"),
        (("events", 2, "at"), "2026-03-09T08:30:00+07:00", "$.events[2]"),  # out of order
    ]
    for path, value, where in cases:
        document = _document(dossier)
        parent: Any = document
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = value
        with pytest.raises(SerializationError) as caught:
            serde.from_json(_text(document), Dossier)
        assert caught.value.context["path"] == where, path
        assert not isinstance(_plain(document), Dossier)
    document = _document(dossier)
    document["events"][0]["extra"] = 1
    with pytest.raises(SerializationError) as caught:
        serde.from_json(_text(document), Dossier)
    assert caught.value.context["path"] == "$.events[0].extra"


def test_a_stored_reading_is_still_read_again_from_its_text() -> None:
    # "10 ngày làm việc" (Decree 118/2025 counts working days): the cached reading of the text
    # is used only when the stored reading equals it; an edited amount is refused at its path.
    limit = parse_processing_time("10 ngày làm việc")
    dossier = _new(processing_time=limit).apply(DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP))
    document = _document(dossier)
    assert serde.from_json(_text(document), Dossier) == dossier
    assert serde.from_json(_text(document), Dossier).processing_time == limit
    read = dossier_serde._limit_reader(serde.converter(), ProcessingTime | Duration)
    assert read(document["processing_time"]) is dossier_serde._reading("10 ngày làm việc")[1]
    document["processing_time"]["base"]["amount"] = "40"
    with pytest.raises(SerializationError) as caught:
        serde.from_json(_text(document), Dossier)
    assert caught.value.context["path"] == "$.processing_time.base.amount"
    # a value equal in Python but of another JSON type is not the stored reading: 0 is not false
    document = _document(dossier)
    document["processing_time"]["no_limit"] = 0
    assert not isinstance(_plain(document), Dossier)
    with pytest.raises(SerializationError) as caught:
        serde.from_json(_text(document), Dossier)
    assert caught.value.context["path"] == "$.processing_time.no_limit"


@pytest.mark.parametrize(
    "zone",
    [dt.timezone(dt.timedelta(hours=7)), dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5))],
)
def test_the_offset_of_an_event_does_not_move_its_due_dates(zone: dt.tzinfo) -> None:
    # The same instants in another offset: the dossier counts them in Vietnam time (accepted
    # Mon 9/3/2026 09:00, 5 working days: due Mon 16/3/2026), and keeps them as given.
    def log(tz: dt.tzinfo) -> list[DossierEvent]:
        return [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9).astimezone(tz), ONE_STOP),
            DossierEvent(
                K.FORWARDED,
                CODE,
                t(9, 10).astimezone(tz),
                ONE_STOP,
                to_unit="UBND",
                time_allowed=Duration.working_days(2),
            ),
        ]

    here, there = _new().apply_all(log(VN_TZ)), _new().apply_all(log(zone))
    assert there.due_date == here.due_date == dt.date(2026, 3, 16)
    assert there.deadline_history() == here.deadline_history()
    assert there.handoffs() == here.handoffs()
    assert there.handoffs()[0].step_due is not None
    assert there.handoffs()[0].step_due.due_date == dt.date(2026, 3, 11)
    assert there.accepted_at is not None
    assert there.accepted_at.tzinfo is zone  # kept as given


@pytest.mark.parametrize(
    ("submitted", "decided", "late"),
    [
        # Mon 9/3 07:30, decided 15:29 the same day: 7 h 59 of wall time, so within 8 working
        # hours without counting (4 h + 2 h 29 of office time).
        (t(9, 7, 30), t(9, 15, 29), False),
        # Fri 13/3 16:00, decided Mon 16/3 09:00: 65 h of wall time, 2 h 30 of office time.
        (t(13, 16), t(16, 9), False),
        # Mon 9/3 07:30, decided Tue 10/3 08:31: a full day (8 h) and 1 h 01: late.
        (t(9, 7, 30), t(10, 8, 31), True),
        # Mon 9/3 09:00, decided 17:00: 8 h of wall time, 6 h 30 of office time.
        (t(9, 9), t(9, 17), False),
    ],
)
def test_the_online_intake_limit_counts_working_hours(
    submitted: dt.datetime, decided: dt.datetime, late: bool
) -> None:
    dossier = _new(channel=Channel.ONLINE).apply_all(
        [
            DossierEvent(K.SUBMITTED_ONLINE, CODE, submitted, APPLICANT),
            DossierEvent(K.ACCEPTED, CODE, decided, ONE_STOP),
        ]
    )
    codes = [breach.code for breach in dossier.breaches]
    assert codes == (["online_intake_late"] if late else [])


@pytest.mark.parametrize(
    ("submitted", "decided", "late"),
    [
        # Sun 8/3 21:40, decided Mon 9/3 16:59: one working day touched, before its close
        # (the shortcut): 7 h 29 of office time.
        (t(8, 21, 40), t(9, 16, 59), False),
        # Sun 8/3 21:40, decided Mon 9/3 17:00: exactly the 8 working hours, due 17:00, in time.
        (t(8, 21, 40), t(9, 17, 0), False),
        # Sun 8/3 21:40, decided Mon 9/3 17:30: after the close, counted: due 17:00, late.
        (t(8, 21, 40), t(9, 17, 30), True),
        # Fri 13/3 18:00, decided Sat 14/3 10:00: no working day touched, in time.
        (t(13, 18), t(14, 10), False),
        # Fri 13/3 18:00, decided Tue 17/3 07:00: Monday counted whole (8 h): due Mon 17:00.
        (t(13, 18), t(17, 7), True),
        # Fri 13/3 06:00, decided Sat 14/3 10:00 (a day off, before the close time): Friday's
        # windows are the whole 8 h, due Fri 17:00, late.
        (t(13, 6), t(14, 10), True),
    ],
)
def test_a_decision_by_the_first_close_is_in_time(
    submitted: dt.datetime, decided: dt.datetime, late: bool
) -> None:
    # Điều 17.2.c NĐ 118/2025: 8 working hours; the office day (07:30–11:30, 13:00–17:00) is 8 h
    dossier = _new(channel=Channel.ONLINE).apply_all(
        [
            DossierEvent(K.SUBMITTED_ONLINE, CODE, submitted, APPLICANT),
            DossierEvent(K.ACCEPTED, CODE, decided, ONE_STOP),
        ]
    )
    assert [breach.code for breach in dossier.breaches] == (["online_intake_late"] if late else [])


@settings(max_examples=120, deadline=None)
@given(
    st.datetimes(dt.datetime(2025, 7, 1), dt.datetime(2026, 12, 20)),
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=6)),
    calendars(),
    office_hours(),
    st.sampled_from([4, 8, 12, 16]),
)
def test_the_first_close_shortcut_agrees_with_the_count(
    submitted: dt.datetime,
    wait: dt.timedelta,
    cal: WorkCalendar,
    hours: OfficeHours,
    limit: int,
) -> None:
    # the shortcut says "in time" only where counting the limit says so too
    start = submitted.replace(tzinfo=VN_TZ)
    decided = start + wait
    step = SimpleNamespace(ctx=SimpleNamespace(calendar=cal, hours=hours), local=decided)
    try:
        due = compute_deadline(
            start, Duration.working_hours(limit), calendar=cal, office_hours=hours
        ).due_at
    except TthcError:
        return
    shortcut = _by_first_close(step, start, dt.timedelta(hours=limit))  # type: ignore[arg-type]
    if shortcut:
        assert decided <= due
    # its own statement: no working day from the submission date to the day before the
    # decision, the decision by the close, a day no longer than the limit
    days = [start.date() + dt.timedelta(days=k) for k in range((decided - start).days + 2)]
    quiet = all(not cal.is_working_day(day) for day in days if day < decided.date())
    fits = hours.day_length <= dt.timedelta(hours=limit) and decided.time() <= hours.closes
    assert shortcut == (quiet and fits)


def test_an_event_shares_the_log_of_the_state_before_it() -> None:
    # Appending is O(1): the new state's chains point at the previous state's, nothing copied.
    before = _new().apply_all(
        [
            DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP),
            DossierEvent(K.FORWARDED, CODE, t(9, 10), ONE_STOP, to_unit="UBND"),
        ]
    )
    after = before.apply(DossierEvent(K.FORWARDED, CODE, t(9, 11), AUTHORITY, to_unit="Phòng"))
    assert after._state.statuses[1] is before._state.statuses
    assert after._state.handoffs[1] is before._state.handoffs
    assert len(after.handoffs()) == 2
    assert [h.to_unit for h in after.handoffs()] == ["UBND", "Phòng"]


def _online_log(zone: dt.tzinfo) -> list[DossierEvent]:
    """An online dossier submitted Sunday 8/3/2026 21:40, accepted Monday 9/3 08:10 (the
    8 working hours of Điều 17.2.c counted), a supplement asked and received (Điều 19.5: the
    limit restarts), a step time, payment, verification, the result issued and delivered;
    every instant given in ``zone``."""

    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return t(day, hour, minute).astimezone(zone)

    two_days = Duration.working_days(2)
    return [
        DossierEvent(K.SUBMITTED_ONLINE, CODE, at(8, 21, 40), APPLICANT),
        DossierEvent(K.ACCEPTED, CODE, at(9, 8, 10), ONE_STOP),
        DossierEvent(K.FORWARDED, CODE, at(9, 9), ONE_STOP, to_unit="UBND"),
        DossierEvent(K.SUPPLEMENT_REQUESTED, CODE, at(10, 10), ONE_STOP, reason="bổ sung"),
        DossierEvent(K.SUPPLEMENT_RECEIVED, CODE, at(12, 16, 30), ONE_STOP),
        DossierEvent(
            K.FORWARDED, CODE, at(13, 8), AUTHORITY, to_unit="Phòng", time_allowed=two_days
        ),
        DossierEvent(K.VERIFICATION_REQUIRED, CODE, at(13, 9), AUTHORITY),
        DossierEvent(K.PAYMENT_REQUESTED, CODE, at(13, 10), AUTHORITY),
        DossierEvent(K.PAYMENT_RECEIVED, CODE, at(16, 9), ONE_STOP),
        DossierEvent(K.RESULT_ISSUED, CODE, at(17, 15), AUTHORITY),
        DossierEvent(K.RESULT_DELIVERED, CODE, at(18, 8), ONE_STOP),
    ]


@pytest.mark.parametrize(
    "zone",
    [dt.timezone.utc, dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=-5))],
    ids=["UTC", "+07:00 without a name", "UTC-5"],
)
def test_a_log_given_in_another_zone_replays_to_the_same_answers(zone: dt.tzinfo) -> None:
    # the replay counts and compares in Vietnam time, whatever zone the events were given in
    # (an instant is converted once per event); the records keep each event's own instant
    limit = parse_processing_time("10 ngày làm việc")
    vietnam = _new(channel=Channel.ONLINE, processing_time=limit).apply_all(_online_log(VN_TZ))
    other = _new(channel=Channel.ONLINE, processing_time=limit).apply_all(_online_log(zone))
    assert other == vietnam  # the same instants
    assert other.deadline == vietnam.deadline
    # 12/3 16:30 + 10 working days (restart, Điều 19.5) = 26/3/2026
    assert other.deadline is not None
    assert other.deadline.due_date == dt.date(2026, 3, 26)
    assert [r.due_date for r in other.deadline_history()] == [
        r.due_date for r in vietnam.deadline_history()
    ]
    assert other.breaches == vietnam.breaches == ()
    assert other.pauses() == vietnam.pauses()
    assert other.handoffs() == vietnam.handoffs()
    assert other.handoffs()[1].step_due is not None
    assert other.handoffs()[1].step_due.due_date == dt.date(2026, 3, 17)  # 13/3 + 2 working days
    assert other.accepted_at is not None
    assert other.accepted_at.tzinfo is zone
    assert all(h.at.tzinfo is zone for h in other.handoffs())
    assert all(p.start.tzinfo is zone for p in other.pauses())


_ZONES = [VN_TZ, dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5))]


@pytest.mark.parametrize("zone", _ZONES, ids=["VN_TZ", "UTC", "UTC-5"])
def test_a_stored_log_comes_back_in_the_zone_it_was_written_in(zone: dt.tzinfo) -> None:
    # JSON keeps an offset, not a zone: +07:00 is read back in VN_TZ (the zone tthc writes
    # from), so the replay counts without converting; every other offset is kept as written
    limit = parse_processing_time("10 ngày làm việc")
    dossier = _new(channel=Channel.ONLINE, processing_time=limit).apply_all(_online_log(zone))
    back = serde.from_json(serde.to_json(dossier), Dossier)
    assert back == dossier
    assert repr(back.events) == repr(dossier.events)  # the zones too, their names included
    assert all(event.at.tzinfo == zone for event in back.events)
    assert back.deadline == dossier.deadline
    assert back.deadline is not None
    assert back.deadline.due_date == dt.date(2026, 3, 26)  # as in the test above
    assert repr(back.deadline_history()) == repr(dossier.deadline_history())
    assert repr(back.handoffs()) == repr(dossier.handoffs())


def test_a_stored_log_at_plus_seven_without_a_name_comes_back_in_vn_tz() -> None:
    # the one change a round trip makes: an offset of +07:00 without a name gets VN_TZ's, "ICT"
    plus_seven = dt.timezone(dt.timedelta(hours=7))
    limit = parse_processing_time("10 ngày làm việc")
    dossier = _new(channel=Channel.ONLINE, processing_time=limit).apply_all(_online_log(plus_seven))
    back = serde.from_json(serde.to_json(dossier), Dossier)
    assert back == dossier
    assert {event.at.tzname() for event in dossier.events} == {"UTC+07:00"}
    assert all(event.at.tzinfo is VN_TZ for event in back.events)
    assert [event.at.isoformat() for event in back.events] == [
        event.at.isoformat() for event in dossier.events
    ]


def test_the_acts_allowed_outright_are_the_table_less_the_once_only_acts() -> None:
    # the lookup step() makes first: every (status, kind, channel, role) the table allows
    # with no further check; the once-only acts (Điều 19.5 one supplement request, Điều 19.6
    # one extension) are left to the full check, which knows the history (built here again:
    # the module's table is built once, at import)
    from tthc.dossiers._rules import EVENT_ROLES, TRANSITIONS
    from tthc.dossiers._transitions import _HANDLERS, _allowed_outright

    table = _allowed_outright()
    expected = {
        (row.source, row.event, channel, role): (row, _HANDLERS[row.event])
        for row in TRANSITIONS.values()
        for channel in row.channels
        for role in EVENT_ROLES[row.event]
        if row.event not in (K.SUPPLEMENT_REQUESTED, K.EXTENSION_GRANTED)
    }
    assert table == expected
    assert {kind for _, kind, _, _ in table}.isdisjoint(
        {K.SUPPLEMENT_REQUESTED, K.EXTENSION_GRANTED}
    )
