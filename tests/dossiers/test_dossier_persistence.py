"""A stored dossier keeps every answer (issue 17, item 1).

The calendar a dossier runs on travels with it (its registered base and its own days with their
legal references), equality includes what changes answers (calendar, office hours), the stored
reading of a limit is re-derived from its source text on load, and a document with a key given
twice or an event that does not fit is refused at the path of the field.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from tthc import serde
from tthc._time import VN_TZ
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.calendar import _serde as calendar_serde
from tthc.deadlines import parse_processing_time
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    portal_status_record,
)
from tthc.errors import SerializationError
from tthc.legal import LegalRef

CODE = "CT-261002-0001"


@pytest.fixture(autouse=True)
def _fresh_converter() -> None:
    """Build the converter and the calendar storage caches anew for each test.

    They are built once per process; mutation testing runs each test in a process where they
    were built already, by the code before the mutation, which would hide the mutation.
    """
    serde.converter.cache_clear()
    calendar_serde.stored.cache_clear()
    calendar_serde.rebuilt.cache_clear()


ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Ninh Kiều")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Ninh Kiều")
# A province's closure is a decision of its People's Committee (made-up number for the test).
STORM = LegalRef("1234/QĐ-UBND", kind="Quyết định", issuer="UBND thành phố Cần Thơ")


def storm_calendar() -> WorkCalendar:
    """Cần Thơ closes its offices on Mon 5 and Tue 6 October 2026 for a storm."""
    return civil_service_calendar().with_days_off(
        [dt.date(2026, 10, 5), dt.date(2026, 10, 6)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=STORM,
        name="Lịch làm việc TP Cần Thơ",
    )


def accepted(calendar: WorkCalendar | None = None, text: str = "03 ngày làm việc") -> Dossier:
    """A dossier accepted Friday 2/10/2026 09:00 with a limit of 3 working days."""
    dossier = Dossier(
        CODE,
        "1.001193",
        Channel.COUNTER,
        ONE_STOP.unit,
        AUTHORITY.unit,
        parse_processing_time(text),
        calendar=calendar,
    )
    at = dt.datetime(2026, 10, 2, 9, 0, tzinfo=VN_TZ)
    return dossier.apply(DossierEvent(EventKind.ACCEPTED, CODE, at, ONE_STOP))


def _refused(text: str) -> SerializationError:
    with pytest.raises(SerializationError) as caught:
        serde.from_json(text, Dossier)
    return caught.value


# --- the calendar travels with the dossier -----------------------------------------------------


def test_the_storm_closure_survives_storage() -> None:
    # Accepted Fri 2/10; Mon 5 and Tue 6 are closed: Wed 7, Thu 8, Fri 9 are the 3 working days.
    dossier = accepted(storm_calendar())
    assert dossier.due_date == dt.date(2026, 10, 9)
    assert portal_status_record(dossier).due_at == "20261009170000"
    back = serde.from_json(serde.to_json(dossier), Dossier)
    assert back.due_date == dt.date(2026, 10, 9)
    assert portal_status_record(back).due_at == "20261009170000"
    assert back == dossier
    assert back.calendar == storm_calendar()
    assert back.calendar is not None
    assert back.calendar.day_info(dt.date(2026, 10, 5)).legal_ref == STORM
    assert serde.to_json(back) == serde.to_json(dossier)


def test_the_stored_calendar_is_its_base_and_its_own_days() -> None:
    data = json.loads(serde.to_json(accepted(storm_calendar())))
    stored = data["calendar"]
    assert stored["base"] == civil_service_calendar().name
    assert stored["name"] == "Lịch làm việc TP Cần Thơ"
    assert stored["strict"] is False
    assert [day["date"] for day in stored["days"]] == ["2026-10-05", "2026-10-06"]
    assert stored["days"][0]["kind"] == "local_closure"
    assert stored["days"][0]["legal_ref"]["document"] == "1234/QĐ-UBND"
    # no calendar: none is written, and none means the national calendar
    assert "calendar" not in json.loads(serde.to_json(accepted()))


def test_a_calendar_round_trips_on_its_own() -> None:
    for calendar in (
        storm_calendar(),
        civil_service_calendar(),
        civil_service_calendar(strict=True),
        storm_calendar().with_working_days(
            [dt.date(2026, 10, 10)], name_vi="Làm bù", name_en="Make-up day", legal_ref=STORM
        ),
    ):
        back = serde.from_json(serde.to_json(calendar), WorkCalendar)
        assert back == calendar
        assert back.strict is calendar.strict
        assert back.special_days(2026) == calendar.special_days(2026)


def test_an_unregistered_base_is_refused_not_replaced() -> None:
    data = json.loads(serde.to_json(accepted(storm_calendar())))
    data["calendar"]["base"] = "Lịch TP Cần Thơ (chưa đăng ký)"
    err = _refused(json.dumps(data))
    assert err.context["path"] == "$.calendar.base"
    assert "not a registered calendar" in err.message


def test_a_stored_day_without_its_legal_reference_is_refused() -> None:
    data = json.loads(serde.to_json(accepted(storm_calendar())))
    del data["calendar"]["days"][1]["legal_ref"]
    err = _refused(json.dumps(data))
    assert err.context["path"] == "$.calendar.days[1].legal_ref"


def test_a_calendar_that_cannot_be_rebuilt_is_refused_when_written() -> None:
    national = civil_service_calendar()
    shorter = WorkCalendar(
        name="Lịch tự dựng",
        first_day=dt.date(2026, 1, 1),
        last_day=dt.date(2026, 12, 31),
        confirmed_through=dt.date(2026, 12, 31),
        data_version=national.data_version,
        special_days={},
    )
    with pytest.raises(SerializationError, match="not derived from a registered calendar"):
        serde.to_json(shorter)
    with pytest.raises(SerializationError, match="cannot be stored"):
        serde.to_json(attrs.evolve(accepted(), calendar=shorter))


# --- equality includes what changes answers ----------------------------------------------------


def test_equality_includes_the_calendar_and_the_office_hours() -> None:
    national, storm = accepted(), accepted(storm_calendar())
    assert national.due_date != storm.due_date
    assert national != storm
    # None is the national calendar: the same answers, equal and with the same hash
    explicit = accepted(civil_service_calendar())
    assert explicit == national
    assert hash(explicit) == hash(national)
    assert accepted(civil_service_calendar(strict=True)) != national
    late = OfficeHours(((dt.time(8), dt.time(12)), (dt.time(13), dt.time(17, 30))))
    assert attrs.evolve(national, office_hours=late) != national
    assert attrs.evolve(national, office_hours=OfficeHours()) == national


# --- the stored reading of a limit is read again from its text ---------------------------------


def test_an_edited_amount_is_refused_at_its_path() -> None:
    dossier = accepted(text="10 ngày làm việc")
    data = json.loads(serde.to_json(dossier))
    assert serde.from_json(json.dumps(data), Dossier) == dossier
    data["processing_time"]["base"]["amount"] = "40"  # six weeks later, text unchanged
    err = _refused(json.dumps(data))
    assert err.context["path"] == "$.processing_time.base.amount"
    assert "'40'" in err.message
    assert "'10'" in err.message


def test_no_limit_next_to_a_base_is_refused() -> None:
    data = json.loads(serde.to_json(accepted(text="10 ngày làm việc")))
    data["processing_time"]["no_limit"] = True
    assert _refused(json.dumps(data)).context["path"] == "$.processing_time.no_limit"


def test_a_source_text_that_no_longer_reads_is_refused() -> None:
    data = json.loads(serde.to_json(accepted(text="10 ngày làm việc")))
    data["processing_time"]["source"] = "theo quy định"
    assert _refused(json.dumps(data)).context["path"].startswith("$.processing_time.")
    data["processing_time"]["source"] = "xyz"  # no limit can be read from it at all
    assert _refused(json.dumps(data)).context["path"] == "$.processing_time.source"


# --- duplicate keys and events that do not fit -------------------------------------------------


def test_a_key_given_twice_is_refused() -> None:
    dossier = accepted().apply(
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            dt.datetime(2026, 10, 2, 10, 0, tzinfo=VN_TZ),
            ONE_STOP,
            to_unit=AUTHORITY.unit,
        )
    )
    text = serde.to_json(dossier)
    assert len(json.loads(text)["events"]) == 2
    # the last "events" would win in json.loads: an empty draft instead of two events
    err = _refused(text[:-1] + ', "events": []}')
    assert err.context["key"] == "events"
    assert "twice" in err.message


def test_an_event_that_does_not_fit_is_reported_at_its_index() -> None:
    dossier = accepted().apply(
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            dt.datetime(2026, 10, 2, 10, 0, tzinfo=VN_TZ),
            ONE_STOP,
            to_unit=AUTHORITY.unit,
        )
    )
    data = json.loads(serde.to_json(dossier))
    delivered = dict(data["events"][1], kind="result_delivered", to_unit=None)
    delivered["at"] = "2026-10-02T11:00:00+07:00"
    data["events"].append(delivered)  # a result delivered before any result was issued
    err = _refused(json.dumps(data))
    assert err.context["path"] == "$.events[2]"
