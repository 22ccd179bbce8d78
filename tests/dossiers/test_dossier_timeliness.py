"""The reporting instant of ``Dossier.timeliness``: checked and named in every refusal.

Timeliness is judged by date in Vietnam, as the national reports (the 766 indicators) count
it, so the instant must be aware and must have a date in Vietnam time.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc._time import VN_TZ
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import CalendarRangeError, InputTypeError, NaiveDatetimeError

CODE = "000.00.01.H29-260309-0013"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa phường Sài Gòn")


def _accepted() -> Dossier:
    dossier = Dossier(
        CODE, "1.001193", Channel.COUNTER, "Một cửa", "UBND", Duration.working_days(5)
    )
    at = dt.datetime(2026, 3, 9, 9, tzinfo=VN_TZ)
    return dossier.apply(DossierEvent(EventKind.ACCEPTED, CODE, at, ONE_STOP))


def test_a_naive_reporting_instant_is_refused_by_name() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        _accepted().timeliness(dt.datetime(2026, 3, 20, 9))
    assert info.value.context == {"argument": "as_of"}
    assert info.value.message.startswith(
        "Thời điểm không có múi giờ (naive datetime): as_of=2026-03-20T09:00:00 has no time zone"
    )


def test_a_reporting_instant_of_another_type_is_refused_by_name() -> None:
    with pytest.raises(InputTypeError) as info:
        _accepted().timeliness("2026-03-20")  # type: ignore[arg-type]
    assert info.value.message == "Thời điểm (instant): as_of must be a datetime.datetime, got str"
    assert info.value.context == {"argument": "as_of", "got": "str"}


def test_a_reporting_instant_beyond_year_9999_in_vietnam_is_refused_by_name() -> None:
    late = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    with pytest.raises(CalendarRangeError) as info:
        _accepted().timeliness(late)
    assert info.value.context == {"argument": "as_of"}
    assert info.value.message == (
        "Thời điểm (instant): as_of=9999-12-31T23:59:00-05:00 falls outside years 1–9999 in "
        "Vietnam time (UTC+7), where a dossier's dates are counted"
    )
