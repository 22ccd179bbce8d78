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
from tthc.authorities import RuleLayer
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
            "$.channel: 3 is not one of 'counter', 'online', 'post', 'online_full', "
            "'online_partial'",
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


# --- every refusal's exact words (mutation testing of the serde family, issue 17 item 5) -------


@attrs.frozen
class _AllKinds:
    """Private: one field of each JSON encoding tthc.serde reads."""

    text: str = "a"
    count: int = 1
    ratio: float = 0.5
    flag: bool = True
    amount: Decimal = Decimal("1.5")
    day: dt.date = dt.date(2026, 3, 9)
    at: dt.datetime = dt.datetime(2026, 3, 9, 9, tzinfo=VN_TZ)
    clock: dt.time = dt.time(7, 30)
    span: dt.timedelta = dt.timedelta(seconds=5400.5)
    pair: tuple[int, str] = (1, "x")
    many: tuple[int, ...] = (1, 2)


_HINT = "fix the field named by the path; unknown fields are not accepted"


def _refusal(cls: type, path: str, message: str) -> SerializationError:
    """The error of one bad field, every part of it spelled out."""
    return SerializationError(
        f"Dữ liệu không hợp lệ (invalid data) for {cls.__name__} at {path}: {message}",
        hint=_HINT,
        path=path,
        errors=(f"{path}: {message}",),
        cls=cls.__name__,
    )


def _same(err: SerializationError, expected: SerializationError) -> None:
    assert (err.code, err.message, err.hint, err.context) == (
        expected.code,
        expected.message,
        expected.hint,
        expected.context,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", 5, "expected a string, got a number"),
        ("text", Decimal(1), "expected a string, got Decimal"),  # from_dict takes any data
        ("count", "5", "expected an integer, got a string"),
        ("count", True, "expected an integer, got a boolean"),
        ("ratio", "x", "expected a number, got a string"),
        ("ratio", True, "expected a number, got a boolean"),
        ("ratio", 10**400, f"{10**400!r} is out of range for a number"),
        ("flag", 1, "expected true or false, got a number"),
        ("amount", 1.5, "expected a decimal number written as a string, got a number"),
        ("amount", "lots", "'lots' is not a decimal number"),
        ("amount", "NaN", "'NaN' is not a finite decimal number"),
        (
            "amount",
            "1" * 41,
            f"'{'1' * 41}' is out of range: tthc stores decimals of at most 40 digits, between "
            "1e-40 and 1e40",
        ),
        (
            "amount",
            "1e41",
            "'1e41' is out of range: tthc stores decimals of at most 40 digits, between 1e-40 "
            "and 1e40",
        ),
        ("day", 20250609, "expected an ISO date string (YYYY-MM-DD), got a number"),
        ("day", "09/06/2025", "'09/06/2025' is not an ISO date (YYYY-MM-DD)"),
        ("at", 5, "expected an ISO datetime string with an offset, got a number"),
        ("at", "yesterday", "'yesterday' is not an ISO datetime"),
        (
            "at",
            "2026-03-09T09:15:00",
            "'2026-03-09T09:15:00' has no UTC offset; tthc stores aware datetimes only "
            "(e.g. +07:00)",
        ),
        ("clock", 7, "expected an ISO time string (HH:MM[:SS]), got a number"),
        ("clock", "7h", "'7h' is not an ISO time (HH:MM[:SS])"),
        ("span", 5400, "expected a decimal number written as a string, got a number"),
        ("pair", [1], "expected an array of 2 items, got 1"),
        ("pair", "ab", "expected an array, got a string"),
    ],
)
def test_each_encoding_refuses_a_bad_value_in_these_words(
    field: str, value: object, message: str
) -> None:
    data = to_dict(_AllKinds())
    data[field] = value
    with pytest.raises(SerializationError) as caught:
        from_dict(data, _AllKinds)
    _same(caught.value, _refusal(_AllKinds, f"$.{field}", message))


def test_items_of_arrays_are_read_with_their_own_type_and_path() -> None:
    assert from_json(to_json(_AllKinds()), _AllKinds) == _AllKinds()
    data = to_dict(_AllKinds())
    data["pair"] = [1, 2]  # the second item of a pair is text
    with pytest.raises(SerializationError) as caught:
        from_dict(data, _AllKinds)
    _same(caught.value, _refusal(_AllKinds, "$.pair[1]", "expected a string, got a number"))
    data = to_dict(_AllKinds())
    data["many"] = [1, "x"]
    with pytest.raises(SerializationError) as caught:
        from_dict(data, _AllKinds)
    _same(caught.value, _refusal(_AllKinds, "$.many[1]", "expected an integer, got a string"))


def test_the_largest_stored_decimals_are_read() -> None:
    """At most 40 digits and an exponent of at most 40 (``1e999999999`` was an endless sum)."""
    data = to_dict(_AllKinds())
    for text, value in [("1" * 40, Decimal("1" * 40)), ("1e40", Decimal("1e40"))]:
        data["amount"] = text
        assert from_dict(data, _AllKinds).amount == value


@attrs.frozen
class _Checked:
    """Private: a class whose own validator refuses with a plain ValueError."""

    n: int = attrs.field()

    @n.validator
    def _small(self, _attribute: object, value: int) -> None:
        if value > 5:
            raise ValueError("too big")


def test_missing_unknown_and_invalid_fields_in_these_words() -> None:
    for data, path, message in [
        ({}, "$.n", "required field missing"),
        ({"n": 1, "x": 2}, "$.x", "unknown field"),
        ({"n": 9}, "$", "invalid value (ValueError: too big)"),
    ]:
        with pytest.raises(SerializationError) as caught:
            from_dict(data, _Checked)
        _same(caught.value, _refusal(_Checked, path, message))


def test_document_level_refusals_in_these_words() -> None:
    for text, path, message in [
        ("[]", "$", "expected an object, got an array"),
        ("{}", "$.schema_version", "required field missing"),
        ('{"schema_version": "1"}', "$.schema_version", "expected an integer, got a string"),
    ]:
        with pytest.raises(SerializationError) as caught:
            from_json(text, _Checked)
        _same(caught.value, _refusal(_Checked, path, message))
    with pytest.raises(SerializationError) as caught:
        from_dict([1], _Checked)
    _same(caught.value, _refusal(_Checked, "$", "expected an object, got an array"))
    # a class given as something without a name is named by its text
    with pytest.raises(SerializationError) as caught:
        from_json("[]", 5)  # type: ignore[arg-type]
    assert caught.value.message.startswith("Dữ liệu không hợp lệ (invalid data) for 5 at $:")
    assert caught.value.context["cls"] == "5"


def test_corrupted_json_in_these_words() -> None:
    for cls, name in [(_Checked, "_Checked"), (5, "5")]:
        with pytest.raises(SerializationError) as caught:
            from_json("{", cls)  # type: ignore[arg-type]
        _same(
            caught.value,
            SerializationError(
                f"Dữ liệu JSON hỏng (corrupted JSON): the {name} document is not valid JSON: "
                "Expecting property name enclosed in double quotes (line 1, column 2)",
                hint="the file was truncated or edited by hand; restore it from a backup",
                path="$",
                cls=name,
            ),
        )


@pytest.mark.parametrize(
    ("version", "hint"),
    [
        (SCHEMA_VERSION + 1, "upgrade tthc to read this file"),
        (0, "re-export the data with this tthc"),
    ],
)
def test_another_schema_version_in_these_words(version: int, hint: str) -> None:
    for cls, name in [(_Checked, "_Checked"), (5, "5")]:
        with pytest.raises(SerializationError) as caught:
            from_json(json.dumps({"schema_version": version, "n": 1}), cls)  # type: ignore[arg-type]
        _same(
            caught.value,
            SerializationError(
                f"Phiên bản lược đồ (schema version) {version} is not supported: this tthc reads "
                f"version {SCHEMA_VERSION}",
                hint=hint,
                path="$.schema_version",
                schema_version=version,
                supported=SCHEMA_VERSION,
                cls=name,
            ),
        )


def test_wrong_arguments_in_these_words() -> None:
    for call, message, argument in [
        (lambda: to_dict(5), "expected a tthc model (attrs class), got int", "obj"),
        (lambda: from_dict({}, 5), "cls must be a tthc model class, got 5", "cls"),  # type: ignore[arg-type]
        (lambda: from_json(5, _Checked), "text must be str or bytes, got int", "text"),  # type: ignore[arg-type]
    ]:
        with pytest.raises(InputTypeError) as caught:
            call()
        assert caught.value.message == f"Tuần tự hóa (serialisation): {message}"
        assert caught.value.context == {"argument": argument}


def test_to_json_indents_when_asked() -> None:
    assert to_json(_Checked(1)) == '{"schema_version": 1, "n": 1}'
    assert to_json(_Checked(1), indent=2) == '{\n  "schema_version": 1,\n  "n": 1\n}'
    assert to_json(_AllKinds(text="Đắk Hà")).count("Đắk Hà") == 1  # not \\u-escaped


def test_a_stored_reading_that_differs_from_its_text_in_these_words() -> None:
    data = to_dict(parse_processing_time("03 ngày làm việc"))
    data["base"]["amount"] = "4"
    with pytest.raises(SerializationError) as caught:
        from_dict(data, ProcessingTime)
    _same(
        caught.value,
        _refusal(
            ProcessingTime,
            "$.base.amount",
            "Thời hạn giải quyết (processing time): the stored reading differs from what its "
            "source text '03 ngày làm việc' reads (stored '4', read '3'); a stored limit is "
            "never trusted over its text",
        ),
    )
    data = to_dict(parse_processing_time("03 ngày làm việc"))
    data["source"] = "không rõ"
    with pytest.raises(SerializationError) as caught:
        from_dict(data, ProcessingTime)
    _same(
        caught.value,
        _refusal(
            ProcessingTime,
            "$.source",
            "Thời hạn giải quyết (processing time): the stored source text cannot be read again "
            "(Thời hạn giải quyết (processing time) cannot be read: the text states no time of "
            "the authority)",
        ),
    )


def test_the_hint_for_an_unstorable_calendar_in_these_words() -> None:
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
    assert caught.value.hint == (
        "derive the calendar from tthc.calendar.civil_service_calendar() with "
        "with_days_off(...) / with_working_days(...)"
    )


@attrs.frozen
class _Facts:
    """Private: the shapes of a competence rule's fields (tthc.authorities.CompetenceRule)."""

    variant: tuple[tuple[str, str | bool], ...] = (("in_high_tech_park", False),)
    provinces: frozenset[str] | None = frozenset({"92", "01", "38"})
    layer: RuleLayer = RuleLayer.DECREE


def test_facts_sets_and_integer_enums_are_written_and_read_back() -> None:
    facts = _Facts()
    assert to_dict(facts) == {
        "variant": [["in_high_tech_park", False]],  # a pair is an array, not a tuple
        "provinces": ["01", "38", "92"],  # a set is a sorted array
        "layer": 1,
    }
    back = from_dict(to_dict(facts), _Facts)
    assert back == facts
    assert type(back.layer) is RuleLayer  # not a bare int
    assert type(back.variant[0][1]) is bool
    text = _Facts(variant=(("scope", "false"),), provinces=None)
    assert from_json(to_json(text), _Facts).variant == (("scope", "false"),)
    hours = OfficeHours(((dt.time(7), dt.time(11, 30)),))
    assert to_dict(hours) == {"windows": [["07:00:00", "11:30:00"]]}
    assert from_dict(to_dict(hours), OfficeHours) == hours


@pytest.mark.parametrize(
    ("field", "value", "path", "message"),
    [
        (
            "variant",
            [["fact", 1]],
            "$.variant[0][1]",
            "expected a string or true or false, got a number",
        ),
        (
            "variant",
            [["fact", None]],
            "$.variant[0][1]",
            "expected a string or true or false, got null",
        ),
        ("provinces", [1], "$.provinces[0]", "expected a string, got a number"),
        ("layer", 7, "$.layer", "7 is not one of -1, 0, 1, 2, 3"),
        ("layer", True, "$.layer", "expected an integer, got a boolean"),
        ("layer", "1", "$.layer", "expected an integer, got a string"),
    ],
)
def test_facts_sets_and_integer_enums_refuse_in_these_words(
    field: str, value: object, path: str, message: str
) -> None:
    data = to_dict(_Facts())
    data[field] = value
    with pytest.raises(SerializationError) as caught:
        from_dict(data, _Facts)
    _same(caught.value, _refusal(_Facts, path, message))


def test_an_error_without_a_field_note_is_reported_at_the_enclosing_path() -> None:
    """A hook may raise a cattrs group whose errors carry no note: they stay at the path."""
    from cattrs.errors import ClassValidationError, IterableValidationError

    from tthc import serde

    group = ClassValidationError("x", [ValueError("boom")], _Facts)
    assert serde._paths(group, "$.rule") == [("$.rule", "invalid value (ValueError: boom)")]
    items = IterableValidationError("x", [KeyError("k")], tuple)
    assert serde._paths(items, "$.also") == [("$.also", "required field missing")]


def test_a_pair_of_another_size_is_not_written_cut_short() -> None:
    """attrs does not check a pair's size; writing one of three items is refused, not cut."""
    with pytest.raises(ValueError, match="zip"):
        to_dict(_Facts(variant=(("a", "b", "c"),)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raised", "message"),
    [
        (KeyError("n"), "required field missing"),
        (ValueError("odd"), "invalid value (ValueError: odd)"),
        (TypeError("odd"), "invalid value (TypeError: odd)"),
    ],
)
def test_an_error_raised_outside_any_field_is_reported_at_the_root(
    monkeypatch: pytest.MonkeyPatch, raised: Exception, message: str
) -> None:
    """The last guard of from_dict: a hook that fails on the whole object, not on a field."""
    from tthc import serde

    class _Failing:
        def structure(self, data: object, cls: type) -> object:
            raise raised

    monkeypatch.setattr(serde, "converter", _Failing)
    with pytest.raises(SerializationError) as caught:
        from_dict({"n": 1}, _Checked)
    _same(caught.value, _refusal(_Checked, "$", message))
