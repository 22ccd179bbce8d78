"""Shared hypothesis strategies for the tthc models (attrs style: ``st.builds`` over the fields).

Each section belongs to the package it builds; add yours under its own header. Keep the
strategies small: the machine running the suite is shared.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from tthc._time import VN_TZ
from tthc.calendar import DayInfo, OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import Deadline, Duration, ProcessingTime, compute_deadline
from tthc.deadlines import parse_processing_time as _parse
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.legal import LegalRef, Validity

# --- legal references (tthc.legal) -------------------------------------------------------------

DOCUMENTS = st.sampled_from(["118/2025/NĐ-CP", "1234/QĐ-UBND", "91/2015/QH13", "12729/VPCP-KGVX"])
SHORT_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20
)

legal_refs = st.builds(
    LegalRef,
    document=DOCUMENTS,
    kind=st.sampled_from(["", "Nghị định", "Quyết định", "Luật"]),
    issuer=SHORT_TEXT,
    date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    article=st.sampled_from(["", "Điều 19.5", "Khoản 2 Điều 147"]),
    confidence=st.sampled_from(["official", "press", "reported"]),
)
validities = st.builds(
    lambda start, days: Validity(start, None if days is None else start + dt.timedelta(days)),
    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    st.none() | st.integers(0, 5000),
)

# --- calendars (tthc.calendar) -----------------------------------------------------------------

#: Days a province may close or open, inside the national calendar's official years.
LOCAL_DAYS = st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 15))  # counts stay in 2026


@st.composite
def office_hours(draw: st.DrawFn) -> OfficeHours:
    """One or two ordered windows, on the quarter hour."""
    marks = sorted(draw(st.sets(st.integers(6 * 4, 19 * 4), min_size=2, max_size=4)))
    if len(marks) % 2:
        marks = marks[:-1]
    times = [dt.time(mark // 4, 15 * (mark % 4)) for mark in marks]
    return OfficeHours(tuple(zip(times[::2], times[1::2], strict=True)))


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    """The national calendar (strict or not) with a few local closures or working days."""
    calendar = civil_service_calendar(strict=draw(st.booleans()))
    closed = draw(st.lists(LOCAL_DAYS, max_size=3, unique=True))
    if closed:
        calendar = calendar.with_days_off(
            closed, name_vi="Nghỉ tránh bão", name_en="Storm closure", legal_ref=draw(legal_refs)
        )
    opened = [day for day in draw(st.lists(LOCAL_DAYS, max_size=2)) if day not in closed]
    if opened:
        calendar = calendar.with_working_days(
            opened, name_vi="Làm bù", name_en="Make-up day", legal_ref=draw(legal_refs)
        )
    if draw(st.booleans()):
        calendar = calendar.with_days_off(
            [], name_vi="", name_en="", legal_ref=LegalRef("x"), name="Lịch làm việc TP Cần Thơ"
        )
    return calendar


def day_infos(calendar: WorkCalendar | None = None) -> st.SearchStrategy[DayInfo]:
    """What the calendar says about a day of 2026."""
    cal = calendar or civil_service_calendar()
    return LOCAL_DAYS.map(cal.day_info)


# --- durations and deadlines (tthc.deadlines) ---------------------------------------------------

#: Processing-time texts of real procedures, read by the public reader.
PROCESSING_TEXTS = (
    "03 ngày làm việc",
    "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    "10 ngày làm việc",
    "03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc",
    "Trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc "
    "tiếp theo",
    "15 ngày",
    "08 giờ làm việc",
)

durations = st.one_of(
    st.integers(1, 60).map(Duration.working_days),
    st.decimals(Decimal("0.5"), Decimal("30"), places=1).map(Duration.working_days),
    st.integers(1, 90).map(Duration.calendar_days),
    st.integers(1, 12).map(Duration.months),
    st.integers(1, 48).map(Duration.working_hours),
    st.integers(1, 72).map(Duration.clock_hours),
    st.just(Duration.same_day()),
    st.just(Duration.immediate()),
)


def processing_times() -> st.SearchStrategy[ProcessingTime]:
    """Readings of real texts (a stored reading must be the reader's own)."""
    texts = []
    for text in PROCESSING_TEXTS:
        try:
            _parse(text)
        except Exception:
            continue
        texts.append(text)
    return st.sampled_from(texts).map(_parse)


#: Aware instants of 2026 in Vietnam time, on the minute.
instants = st.datetimes(dt.datetime(2026, 1, 2), dt.datetime(2026, 11, 30)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=VN_TZ)
)


@st.composite
def deadlines(draw: st.DrawFn) -> Deadline:
    """A deadline of a working-day or calendar-day limit accepted in 2026."""
    limit = draw(
        st.integers(1, 20).map(Duration.working_days)
        | st.integers(1, 30).map(Duration.calendar_days)
    )
    return compute_deadline(draw(instants), limit)


# --- dossiers (tthc.dossiers) ------------------------------------------------------------------

CODE = "H29.55-260309-0007"
actors = st.builds(
    Actor,
    role=st.sampled_from(ActorRole),
    unit=st.sampled_from(["Bộ phận Một cửa xã Đắk Hà", "UBND xã Đắk Hà"]),
    name=SHORT_TEXT,
)


@st.composite
def dossiers(draw: st.DrawFn) -> Dossier:
    """A dossier on a drawn calendar: a draft, or accepted and perhaps forwarded."""
    one_stop = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa xã Đắk Hà", name=draw(SHORT_TEXT))
    dossier = Dossier(
        CODE,
        "1.001193",
        draw(st.sampled_from([Channel.COUNTER, Channel.POST])),
        one_stop.unit,
        "UBND xã Đắk Hà",
        draw(processing_times()),
        calendar=draw(st.none() | calendars()),
        office_hours=draw(st.none() | office_hours()),
    )
    if draw(st.booleans()):
        return dossier
    at = draw(instants)
    events = [DossierEvent(EventKind.ACCEPTED, CODE, at, one_stop, reason=draw(SHORT_TEXT))]
    if draw(st.booleans()):
        events.append(
            DossierEvent(
                EventKind.FORWARDED,
                CODE,
                at + dt.timedelta(minutes=draw(st.integers(0, 600))),
                one_stop,
                to_unit="UBND xã Đắk Hà",
                time_allowed=draw(st.none() | st.integers(1, 3).map(Duration.working_days)),
            )
        )
    return dossier.apply_all(events)
