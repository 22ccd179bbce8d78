"""tthc.serde: exact JSON round trips and every rejection path (with the path of the bad field)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import strategies
from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar
from tthc.calendar import _serde as calendar_serde
from tthc.deadlines import AlternativeKind, Duration, ProcessingTime, parse_processing_time
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    SectorRules,
    TimelineEntry,
)
from tthc.errors import InputTypeError, SerializationError
from tthc.legal import LegalRef, Validity
from tthc.serde import SCHEMA_VERSION, converter, from_dict, from_json, to_dict, to_json

CODE = "H29.55-260309-0007"


@pytest.fixture(autouse=True)
def _fresh_converter() -> None:
    """Build the converter and the calendar storage caches anew for each test.

    They are built once per process; mutation testing runs each test in a process where they
    were built already, by the code before the mutation, which would hide the mutation.
    """
    converter.cache_clear()
    calendar_serde.stored.cache_clear()
    calendar_serde.rebuilt.cache_clear()


ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa xã Đắk Hà", name="Trần Thị Ánh")
AUTH = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND xã Đắk Hà")
REF = LegalRef(
    "118/2025/NĐ-CP",
    kind="Nghị định",
    issuer="Chính phủ",
    date=dt.date(2025, 6, 9),
    article="Điều 19.5",
)


def sample() -> Dossier:
    at = dt.datetime(2026, 3, 9, 9, 15, 30, 123456, tzinfo=VN_TZ)
    utc = dt.timezone.utc
    # a stored limit is read again from its text on load: it must be the reader's reading
    limit = parse_processing_time(
        "03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc"
    )
    assert limit.base == Duration.working_days(3)
    assert limit.alternatives[0].duration == Duration.working_days(5)
    assert limit.alternatives[0].kind is AlternativeKind.VERIFICATION
    d = Dossier(
        CODE,
        "1.001193",
        Channel.POST,
        "Bộ phận Một cửa xã Đắk Hà",
        "UBND xã Đắk Hà",
        limit,
        sector_rules=SectorRules(supplement_wait_days=30, legal_ref=REF),
        office_hours=OfficeHours(((dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17)))),
    )
    return d.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, CODE, at, ONE_STOP, reason="Đủ hồ sơ; ghi chú “ổn”"),
            DossierEvent(
                EventKind.FORWARDED,
                CODE,
                dt.datetime(2026, 3, 9, 3, 0, tzinfo=utc),  # 10:00 in Vietnam, kept in UTC
                ONE_STOP,
                to_unit="UBND xã Đắk Hà",
                time_allowed=Duration.working_days(Decimal("1.5")),
            ),
            DossierEvent(
                EventKind.PAYMENT_REQUESTED,
                CODE,
                at.replace(day=10),
                AUTH,
                amount=Decimal("150000.50"),
            ),
            DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, at.replace(day=11), ONE_STOP),
            DossierEvent(
                EventKind.SUPPLEMENT_REQUESTED,
                CODE,
                at.replace(day=11),
                ONE_STOP,
                reason="bổ sung",
                legal_ref=REF,
            ),
        ]
    )


def test_dossier_round_trip_is_exact() -> None:
    d = sample()
    text = to_json(d)
    assert text.startswith('{"schema_version": 1,')
    assert "Đắk Hà" in text  # unicode written as is
    data = json.loads(text)
    assert data["events"][0]["at"] == "2026-03-09T09:15:30.123456+07:00"
    assert data["events"][1]["at"] == "2026-03-09T03:00:00+00:00"
    assert data["events"][1]["time_allowed"] == {
        "amount": "1.5",
        "unit": "working_day",
        "cutoff": None,
    }
    assert data["events"][2]["amount"] == "150000.50"
    assert data["processing_time"]["type"] == "processing_time"
    assert data["office_hours"]["windows"][0] == ["07:00:00", "11:30:00"]
    assert "calendar" not in data
    back = from_json(text, Dossier)
    assert back == d
    assert back.status is d.status
    assert back.events[1].at.utcoffset() == dt.timedelta(0)
    assert back.events[2].amount == Decimal("150000.50")
    assert str(back.events[2].amount) == "150000.50"
    assert back.deadline_history() == d.deadline_history()
    assert to_json(back) == text
    assert from_json(to_json(d, indent=2).encode("utf-8"), Dossier) == d


def test_plain_duration_and_other_models_round_trip() -> None:
    d = attrs.evolve(sample(), processing_time=Duration.same_day(dt.time(15)), events=())
    assert json.loads(to_json(d))["processing_time"]["type"] == "duration"
    assert from_json(to_json(d), Dossier) == d
    for obj in (
        REF,
        Validity(dt.date(2025, 7, 1), None),
        Duration.clock_hours(24),
        OfficeHours(),
        ONE_STOP,
        sample().events[1],
    ):
        assert from_json(to_json(obj), type(obj)) == obj
    entry = sample().timeline()[0]
    back = from_json(to_json(entry), TimelineEntry)
    assert back == entry
    assert back.duration == dt.timedelta(minutes=44, seconds=29, microseconds=876544)
    assert from_dict(to_dict(REF), LegalRef) == REF
    assert converter() is converter()


def _bad(text_or_data: object, cls: type = Dossier) -> SerializationError:
    text = text_or_data if isinstance(text_or_data, str) else json.dumps(text_or_data)
    with pytest.raises(SerializationError) as info:
        from_json(text, cls)
    assert info.value.code == "serde.invalid"
    return info.value


def _data() -> dict[str, object]:
    return typing_cast(json.loads(to_json(sample())))


def typing_cast(value: object) -> dict[str, object]:
    assert isinstance(value, dict)
    return value


def test_unknown_fields_are_rejected_with_their_path() -> None:
    data = _data()
    data["colour"] = "blue"
    assert _bad(data).context["path"] == "$.colour"
    data = _data()
    data["events"][2]["note"] = "x"  # type: ignore[index]
    assert _bad(data).context["path"] == "$.events[2].note"
    data = _data()
    data["events"][0]["actor"]["phone"] = "0900"  # type: ignore[index]
    err = _bad(data)
    assert err.context["path"] == "$.events[0].actor.phone"
    assert "unknown field" in err.message


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d.__setitem__("code", 5), "$.code"),
        (lambda d: d.__setitem__("channel", "fax"), "$.channel"),
        (lambda d: d["events"][0].__setitem__("at", "2026-03-09T09:15:00"), "$.events[0].at"),
        (lambda d: d["events"][0].__setitem__("at", "yesterday"), "$.events[0].at"),
        (lambda d: d["events"][0].__setitem__("at", 1741486500), "$.events[0].at"),
        (lambda d: d["events"][2].__setitem__("amount", 150000.5), "$.events[2].amount"),
        (lambda d: d["events"][2].__setitem__("amount", "lots"), "$.events[2].amount"),
        (lambda d: d["events"][2].__setitem__("amount", "NaN"), "$.events[2].amount"),
        (
            lambda d: d["events"][1]["time_allowed"].__setitem__("unit", "fortnight"),
            "$.events[1].time_allowed.unit",
        ),
        (lambda d: d.__setitem__("events", {"0": 1}), "$.events"),
        (lambda d: d.__setitem__("events", "abc"), "$.events"),
        (
            lambda d: d["sector_rules"].__setitem__("supplement_wait_days", "30"),
            "$.sector_rules.supplement_wait_days",
        ),
        (
            lambda d: d["sector_rules"].__setitem__("supplement_wait_days", True),
            "$.sector_rules.supplement_wait_days",
        ),
        (
            lambda d: d["sector_rules"].__setitem__("payment_excluded_from_limit", 1),
            "$.sector_rules.payment_excluded_from_limit",
        ),
        (
            lambda d: d["sector_rules"]["legal_ref"].__setitem__("date", "09/06/2025"),
            "$.sector_rules.legal_ref.date",
        ),
        (
            lambda d: d["sector_rules"]["legal_ref"].__setitem__("date", 20250609),
            "$.sector_rules.legal_ref.date",
        ),
        (
            lambda d: d["sector_rules"]["legal_ref"].__setitem__("confidence", "rumour"),
            "$.sector_rules.legal_ref",
        ),
        (
            lambda d: d["office_hours"]["windows"].__setitem__(0, ["07:00:00"]),
            "$.office_hours.windows[0]",
        ),
        (
            lambda d: d["office_hours"]["windows"][0].__setitem__(0, "7h"),
            "$.office_hours.windows[0][0]",
        ),
        (lambda d: d.pop("procedure_code"), "$.procedure_code"),
        (lambda d: d["events"][3].__setitem__("kind", "teleported"), "$.events[3].kind"),
        (lambda d: d["processing_time"].pop("type"), "$.processing_time"),
        (lambda d: d["events"][0].__setitem__("to_unit", "UBND"), "$.events[0]"),
        (lambda d: d["events"][4].__setitem__("dossier_code", "OTHER"), "$.events[4]"),
    ],
)
def test_wrong_types_and_values_are_rejected_with_their_path(mutate: object, path: str) -> None:
    data = _data()
    mutate(data)  # type: ignore[operator]
    err = _bad(data)
    assert err.context["path"] == path, err.context["errors"]
    assert path in err.message


def test_timedelta_with_too_much_precision_is_rejected() -> None:
    entry = json.loads(to_json(sample().timeline()[0]))
    entry["duration"] = "1.0000001"
    assert _bad(entry, TimelineEntry).context["path"] == "$.duration"


def test_all_errors_are_listed() -> None:
    data = _data()
    data["code"] = 1
    data["channel"] = 2
    err = _bad(data)
    assert len(err.context["errors"]) == 2
    assert "(and 1 more)" in err.message


def test_schema_version_checks() -> None:
    data = _data()
    del data["schema_version"]
    assert _bad(data).context["path"] == "$.schema_version"
    data = _data()
    data["schema_version"] = "1"
    assert _bad(data).context["path"] == "$.schema_version"
    data = _data()
    data["schema_version"] = SCHEMA_VERSION + 1
    err = _bad(data)
    assert err.context["path"] == "$.schema_version"
    assert err.hint is not None
    assert "upgrade" in err.hint
    data["schema_version"] = 0
    assert "re-export" in (_bad(data).hint or "")


def test_corrupted_json_and_wrong_top_level() -> None:
    text = to_json(sample())
    err = _bad(text[: len(text) // 2])
    assert err.context["path"] == "$"
    assert "corrupted JSON" in err.message
    assert _bad("[1, 2]").context["path"] == "$"
    with pytest.raises(SerializationError):
        from_json(b"\xff\xfe\x00", Dossier)
    with pytest.raises(SerializationError):
        from_dict([1], Dossier)


def test_a_key_given_twice_is_refused() -> None:
    # JSON readers disagree on which of two "events" counts: a tampered log could hide behind
    # the first one, so the document is refused (tthc._data.parse_json)
    text = to_json(sample())
    doubled = text.replace('"events": [', '"events": [], "events": [', 1)
    assert json.loads(doubled)["events"]  # the standard reader silently keeps the last one
    err = _bad(doubled)
    assert err.context == {"key": "events", "path": "$", "cls": "Dossier"}
    assert err.message == (
        "Dữ liệu JSON hỏng (corrupted JSON): the Dossier document has the key 'events' twice in "
        "one object; JSON readers disagree on which one counts, so the file is refused"
    )
    nested = text.replace('"unit": "Bộ phận', '"unit": "x", "unit": "Bộ phận', 1)
    assert _bad(nested).context["key"] == "unit"


def test_model_packages_register_their_own_hooks() -> None:
    # tthc.serde imports no model package; tthc.dossiers adds its hooks when imported, to the
    # converter built already or to the one built later, once however often it registers
    import tthc.dossiers
    from tthc import serde

    hooks = serde._MODEL_HOOKS
    assert tthc.dossiers._configure_serde in hooks
    before = len(hooks)
    serde.register_hooks(tthc.dossiers._configure_serde)
    assert len(hooks) == before
    conv = converter()
    seen: list[object] = []
    serde.register_hooks(seen.append)
    try:
        assert seen == [conv]  # the converter exists: the hooks ran at once
    finally:
        hooks.remove(seen.append)


def test_wrong_arguments() -> None:
    with pytest.raises(InputTypeError):
        to_json({"a": 1})
    with pytest.raises(InputTypeError):
        to_dict(5)
    with pytest.raises(InputTypeError):
        from_json(5, Dossier)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        from_dict({}, dict)


# --- pickle, copy and deepcopy of every public model (issue 17, item 2) -------------------------


def _public_samples() -> dict[type, object]:
    """One instance of each public model of the calendar, deadlines, dossiers and legal modules."""
    import tthc.deadlines as deadlines_module
    from tthc.calendar import civil_service_calendar
    from tthc.dossiers import portal_status_record

    calendar = civil_service_calendar().with_days_off(
        [dt.date(2026, 10, 5)], name_vi="Nghỉ tránh bão", name_en="Storm", legal_ref=REF
    )
    accepted_at = dt.datetime(2026, 4, 29, 10, 0, tzinfo=VN_TZ)
    limit = parse_processing_time(
        "03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc"
    )
    deadline = deadlines_module.compute_deadline(accepted_at, Duration.working_days(5))
    extended = deadlines_module.extend(
        deadline, requested_on=dt.date(2026, 5, 6), new_duration_or_due=dt.date(2026, 5, 12)
    )
    request = deadlines_module.SupplementRequest(accepted_at + dt.timedelta(days=1))
    metric = deadlines_module.metric_766_on_time(
        accepted_at=accepted_at, due=deadline, ended_at=None, period_end=dt.date(2026, 5, 31)
    )
    dossier = sample()
    samples: list[object] = [
        calendar,
        calendar.day_info(dt.date(2026, 10, 5)),
        OfficeHours(),
        limit,
        limit.base,
        limit.alternatives[0],
        deadline,
        extended.history[-1],
        request,
        metric,
        deadlines_module.counting_rule(next(iter(_rule_ids()))),
        dossier,
        *dossier.events[:1],
        ONE_STOP,
        dossier.sector_rules,
        dossier.deadline_history()[0],
        *dossier.handoffs()[:1],
        *dossier.pauses()[:1],
        dossier.timeline()[0],
        portal_status_record(dossier),
        *portal_status_record(dossier).supplements[:1],
        limit.reading,
        REF,
        Validity(dt.date(2025, 7, 1), None),
    ]
    return {type(obj): obj for obj in samples}


def _rule_ids() -> tuple[str, ...]:
    from tthc._data import bundled_json

    rows = bundled_json("counting_rules.json")["rules"]
    return tuple(row["id"] for row in rows)


def _public_models() -> list[type]:
    import importlib
    import inspect

    found = []
    for name in ("tthc.calendar", "tthc.deadlines", "tthc.dossiers", "tthc.legal"):
        module = importlib.import_module(name)
        for export in module.__all__:
            value = getattr(module, export)
            if inspect.isclass(value) and attrs.has(value):
                found.append(value)
    return found


# Not models but views or tables: a WorkdayIndex wraps the calendar's buffers in memoryviews
# (pickle the calendar), a Transition is a row of the bundled table, CaseKind-like enums pickle
# by name. Samples of the rest are built above.
_NOT_SAMPLED = {"WorkdayIndex", "Transition", "ProcessingCase", "AgencyShare", "Breach"}


def test_every_public_model_survives_pickle_copy_and_deepcopy() -> None:
    import copy
    import pickle

    samples = _public_samples()
    missing = [
        cls.__name__
        for cls in _public_models()
        if cls not in samples and cls.__name__ not in _NOT_SAMPLED
    ]
    assert missing == []
    for obj in samples.values():
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            back = pickle.loads(pickle.dumps(obj, protocol=protocol))
            assert back == obj, type(obj).__name__
            assert type(back) is type(obj)
        assert copy.copy(obj) == obj
        assert copy.deepcopy(obj) == obj
    dossier = pickle.loads(pickle.dumps(samples[Dossier]))
    assert dossier.deadline_history() == sample().deadline_history()
    assert dossier.status is sample().status


# --- round-trip properties over the shared strategies (issue 17, item 5) ------------------------

_PROPERTY = settings(max_examples=25, deadline=None, database=None)


@_PROPERTY
@given(strategies.dossiers())
def test_any_dossier_round_trips_through_json_and_pickle(dossier: Dossier) -> None:
    import pickle

    back = from_json(to_json(dossier), Dossier)
    assert back == dossier
    assert back.due_date == dossier.due_date
    assert back.deadline_history() == dossier.deadline_history()
    assert to_json(back) == to_json(dossier)
    again = pickle.loads(pickle.dumps(dossier))
    assert again == dossier
    assert again.due_date == dossier.due_date


@_PROPERTY
@given(strategies.calendars(), strategies.LOCAL_DAYS)
def test_any_calendar_round_trips_through_json_and_pickle(
    calendar: WorkCalendar, day: dt.date
) -> None:
    import pickle

    for back in (from_json(to_json(calendar), WorkCalendar), pickle.loads(pickle.dumps(calendar))):
        assert back == calendar
        assert back.day_info(day) == calendar.day_info(day)
        assert back.add_working_days(day, 3) == calendar.add_working_days(day, 3)


@_PROPERTY
@given(
    st.one_of(
        strategies.legal_refs,
        strategies.validities,
        strategies.durations,
        strategies.office_hours(),
        strategies.actors,
        strategies.processing_times(),
        strategies.deadlines(),
    )
)
def test_any_small_model_round_trips_through_pickle_and_copy(model: object) -> None:
    import copy
    import pickle

    assert pickle.loads(pickle.dumps(model)) == model
    assert copy.deepcopy(model) == model
    if not hasattr(model, "due_at"):  # a Deadline is not stored on its own
        assert from_json(to_json(model), type(model)) == model


# --- the small encodings and the reading check, one by one (mutation testing, issue 17) --------


def test_time_spans_are_exact_seconds_over_days() -> None:
    span = dt.timedelta(days=2, seconds=5, microseconds=7)
    assert converter().unstructure(span) == "172805.000007"
    assert converter().unstructure(-span) == "-172805.000007"
    assert converter().structure("172805.000007", dt.timedelta) == span
    with pytest.raises(ValueError, match="more than microsecond precision"):
        converter().structure("0.0000001", dt.timedelta)
    with pytest.raises(ValueError, match="decimal number written as a string"):
        converter().structure(5, dt.timedelta)


def test_numbers_must_be_finite() -> None:
    assert converter().structure(2, float) == 2.0
    assert converter().structure(1.5, float) == 1.5
    for bad, message in ((float("inf"), "not a finite number"), (10**400, "out of range")):
        with pytest.raises(ValueError, match=message):
            converter().structure(bad, float)
    with pytest.raises(ValueError, match="expected a number, got a string"):
        converter().structure("1", float)
    with pytest.raises(ValueError, match="expected an integer, got a boolean"):
        converter().structure(True, int)


def _stored_limit(text: str) -> dict[str, object]:
    return to_dict(parse_processing_time(text))


def test_a_difference_inside_a_list_is_reported_at_its_index() -> None:
    text = "03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc"
    data = _stored_limit(text)
    alternatives = data["alternatives"]
    assert isinstance(alternatives, list)
    alternatives[0]["duration"]["amount"] = "9"
    with pytest.raises(SerializationError) as caught:
        from_dict(data, ProcessingTime)
    assert caught.value.context["path"] == "$.alternatives[0].duration.amount"
    assert "stored '9', read '5'" in caught.value.message
    data = _stored_limit(text)
    data["alternatives"] = []  # a list of another length: the list itself differs
    with pytest.raises(SerializationError) as caught:
        from_dict(data, ProcessingTime)
    assert caught.value.context["path"] == "$.alternatives"
    data = _stored_limit("03 ngày làm việc")
    data["ignored"] = ["thêm"]  # a field the reader leaves empty
    with pytest.raises(SerializationError) as caught:
        from_dict(data, ProcessingTime)
    assert caught.value.context["path"] == "$.ignored"
    # a limit without a text (built by hand) has nothing to be checked against
    hand = ProcessingTime(source="", base=Duration.working_days(40))
    assert from_dict(to_dict(hand), ProcessingTime) == hand


def test_an_unstorable_calendar_says_why_and_what_to_do() -> None:
    from tthc.calendar import civil_service_calendar

    national = civil_service_calendar()
    alone = WorkCalendar(
        name="Lịch tự dựng",
        first_day=national.first_day,
        last_day=national.last_day,
        confirmed_through=national.confirmed_through,
        data_version=national.data_version,
        special_days={},
    )
    with pytest.raises(SerializationError) as caught:
        to_json(alone)
    err = caught.value
    assert err.message == (
        "Lịch làm việc (working calendar) 'Lịch tự dựng' cannot be stored: it is not derived "
        "from a registered calendar"
    )
    assert err.hint is not None
    assert "civil_service_calendar()" in err.hint
    assert "with_days_off" in err.hint
    assert err.context == {"path": "$", "calendar": "Lịch tự dựng"}


def test_the_refusal_names_the_class_the_path_and_every_error() -> None:
    data = _data()
    data["code"] = True
    data["channel"] = 3
    err = _bad(data)
    assert err.message == (
        "Dữ liệu không hợp lệ (invalid data) for Dossier at $.code: expected a string, got a "
        "boolean (and 1 more)"
    )
    assert err.hint == "fix the field named by the path; unknown fields are not accepted"
    assert err.context == {
        "path": "$.code",
        "errors": (
            "$.code: expected a string, got a boolean",
            "$.channel: 3 is not one of 'counter', 'online', 'post'",
        ),
        "cls": "Dossier",
    }
    for value, name in ((1.5, "a number"), ([], "an array"), ({}, "an object"), (None, "null")):
        assert _bad({**_data(), "code": value}).message.endswith(f"expected a string, got {name}")


@pytest.mark.parametrize(
    "change",
    [
        {"first_day": dt.date(2016, 1, 1)},
        {"last_day": dt.date(2034, 12, 31)},
        {"confirmed_through": dt.date(2025, 12, 31)},
        {"data_version": "1999.01.01"},
        {"weekly_rest": frozenset({6})},
        {"weekly_rest_names": ("Chủ nhật", "Sunday", None)},
    ],
    ids=lambda change: next(iter(change)),
)
def test_a_calendar_of_another_frame_is_not_stored_as_the_national_one(
    change: dict[str, object],
) -> None:
    from tthc.calendar import civil_service_calendar

    national = civil_service_calendar()
    frame: dict[str, object] = {
        "name": national.name,
        "first_day": national.first_day,
        "last_day": national.last_day,
        "confirmed_through": national.confirmed_through,
        "data_version": national.data_version,
        "special_days": {
            day: info
            for day, info in national._special.items()
            if "first_day" not in change or day >= dt.date(2016, 1, 1)
            if "last_day" not in change or day <= dt.date(2034, 12, 31)
        },
        "weekly_rest": national.weekly_rest,
        "weekly_rest_names": national._rest_info,
    }
    frame.update(change)
    other = WorkCalendar(**frame)  # type: ignore[arg-type]
    with pytest.raises(SerializationError, match="not derived from a registered calendar"):
        to_json(other)
    assert from_json(to_json(national), WorkCalendar) == national  # the frame itself is stored
