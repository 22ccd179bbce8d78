"""Due dates of administrative dossiers (thời hạn giải quyết hồ sơ thủ tục hành chính).

* :class:`Duration` — a limit with its unit (working days, calendar days, months, working hours
  or minutes, clock hours or minutes, same day with a cut-off, immediate).
* :func:`parse_processing_time` — reads the wording of real procedures into a
  :class:`ProcessingTime` (base limit, conditional alternatives, cases, cut-off, start anchor).
* :func:`compute_deadline` — the due date of a dossier accepted at a given instant, as a
  :class:`Deadline` that explains itself (every day off skipped and the legal rule applied).
* The clock over a dossier's life: :func:`restart_after_supplement`,
  :func:`pause_for_financial_obligation`, :func:`extend`, :func:`supplement_closing_date`,
  :func:`switch_to_alternative`.
* :func:`classify` (early / on time / late, by date) and :func:`metric_766_on_time` (indicator
  2.1 of Decision 766/QĐ-TTg).

Counting rules follow the Civil Code 2015 (Bộ luật Dân sự, Art. 147–148) and Decree
118/2025/NĐ-CP; their legal references live in ``tthc/data/counting_rules.json``. See
``docs/fundamentals/deadlines.md``.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import enum
import functools
import json
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from tthc._durations import (
    AgencyShare,
    Alternative,
    AlternativeKind,
    CaseKind,
    CutoffRule,
    Duration,
    DurationUnit,
    ProcessingCase,
    ProcessingTime,
)
from tthc._parse_time import MAX_TEXT_LENGTH, parse_processing_time
from tthc._validate import VN_TZ, require_date, to_vietnam_time
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.errors import (
    DataFileError,
    DurationError,
    ExtensionNotAllowed,
    InputTypeError,
    InvalidEvent,
)
from tthc.legal import LegalRef, Validity

if TYPE_CHECKING:
    from tthc.calendar import DayInfo

__all__ = [
    "MAX_TEXT_LENGTH",
    "AgencyShare",
    "Alternative",
    "AlternativeKind",
    "CaseKind",
    "ChangeKind",
    "CountingRule",
    "CutoffRule",
    "Deadline",
    "DeadlineChange",
    "Duration",
    "DurationUnit",
    "Metric766Result",
    "ProcessingCase",
    "ProcessingTime",
    "SupplementRequest",
    "Timeliness",
    "classify",
    "compute_deadline",
    "counting_rule",
    "extend",
    "latest_extension_request",
    "metric_766_on_time",
    "parse_processing_time",
    "pause_for_financial_obligation",
    "restart_after_supplement",
    "supplement_closing_date",
    "switch_to_alternative",
    "working_time_between",
]

_ONE_DAY = _dt.timedelta(days=1)
_MICRO = _dt.timedelta(microseconds=1)


# --- counting rules (legal data) ----------------------------------------------------------------


@attrs.frozen(slots=True)
class CountingRule:
    """A counting rule with its legal basis, as stored in ``data/counting_rules.json``.

    Attributes:
        id: Stable identifier (``"working_days"``, ``"calendar_days"``, ``"restart_after_supplement"``
            ...).
        name_vi: Vietnamese name.
        name_en: English name.
        summary_vi: The rule in one Vietnamese sentence.
        summary_en: The rule in one English sentence.
        legal_refs: The articles it rests on.
        validity: When the rule is in force.
        design_note: Where the rule is tthc's reading rather than the letter of the law.
    """

    id: str
    name_vi: str
    name_en: str
    summary_vi: str
    summary_en: str
    legal_refs: tuple[LegalRef, ...]
    validity: Validity = attrs.field(factory=Validity)
    design_note: str = ""

    def cite(self) -> str:
        """Return the legal basis on one line, e.g. ``"Điều 17.3, Nghị định 118/2025/NĐ-CP ..."``."""
        return "; ".join(ref.cite() for ref in self.legal_refs)


@functools.cache
def _counting_rules() -> dict[str, CountingRule]:
    name = "counting_rules.json"
    try:
        raw = resources.files("tthc").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        data = json.loads(raw)
        documents = data["documents"]
        rules: dict[str, CountingRule] = {}
        for row in data["rules"]:
            refs = tuple(
                LegalRef.from_mapping(
                    {**documents[ref["doc"]], "article": ref.get("article", "")}, where=name
                )
                for ref in row["refs"]
            )
            validity = row.get("validity") or {}
            rules[row["id"]] = CountingRule(
                id=row["id"],
                name_vi=row["name_vi"],
                name_en=row["name_en"],
                summary_vi=row["summary_vi"],
                summary_en=row["summary_en"],
                legal_refs=refs,
                validity=Validity(
                    _dt.date.fromisoformat(validity["start"]) if validity.get("start") else None,
                    _dt.date.fromisoformat(validity["end"]) if validity.get("end") else None,
                ),
                design_note=row.get("design", ""),
            )
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, DataFileError):
            raise
        raise DataFileError(
            f"Dữ liệu quy tắc tính thời hạn (counting rules data) is malformed: {err!r}",
            file=name,
        ) from None
    return rules


def _rule(rule_id: str) -> CountingRule:
    return _counting_rules()[rule_id]


def counting_rule(rule_id: str) -> CountingRule:
    """Return the counting rule ``rule_id`` with its legal basis.

    Raises:
        DataFileError: no such rule in ``data/counting_rules.json``.
    """
    rules = _counting_rules()
    if rule_id not in rules:
        raise DataFileError(
            f"Quy tắc tính thời hạn (counting rule) {rule_id!r} is not defined",
            file="counting_rules.json",
            field="id",
            known=sorted(rules),
        )
    return rules[rule_id]


# --- deadline -----------------------------------------------------------------------------------


class ChangeKind(str, enum.Enum):
    """Why a due date changed during the life of a dossier."""

    RESTART = "restart"
    EXTENSION = "extension"
    ALTERNATIVE = "alternative"
    PAUSE = "pause"


@attrs.frozen(slots=True)
class DeadlineChange:
    """One change of the due date, kept in :attr:`Deadline.history`.

    Attributes:
        kind: What happened.
        at: When it was recorded (Vietnam time).
        previous_accepted_at: The clock start before the change.
        previous_due_date: The due date before the change (NgayHenTraTruoc).
        previous_due_at: The due instant before the change.
        new_due_date: The due date after the change (NgayHenTraMoi).
        rule: The legal rule behind the change.
        reason: Free text (the condition, the pause period ...).
    """

    kind: ChangeKind
    at: _dt.datetime
    previous_accepted_at: _dt.datetime
    previous_due_date: _dt.date
    previous_due_at: _dt.datetime
    new_due_date: _dt.date
    rule: CountingRule
    reason: str = ""


@attrs.frozen(slots=True)
class Deadline:
    """The due date of a dossier and why.

    Attributes:
        accepted_at: When the clock started (Vietnam time): acceptance of the complete dossier
            (Decree 118/2025 Art. 17.3), or receipt of the complete supplement after a restart.
        start: When counting actually starts: ``accepted_at``, or the next office window for
            working-time limits received outside office hours, or the next working day when a
            "start after the cut-off" rule applies.
        duration: The limit counted.
        due_date: The legal due date (ngày hẹn trả kết quả); the dossier is on time if finished
            on or before it.
        due_at: The due instant (aware, UTC+7): end of office hours on ``due_date`` for day
            limits, the exact instant for hour and minute limits.
        provisional: True when a date touched lies in a projected (not yet announced) year.
        rule: The counting rule applied, with its legal basis.
        office_hours: The office windows used.
        calendar: The working calendar used (not part of equality); lifecycle functions reuse it.
        skipped_after: Days off after this date (up to the due date) are listed in
            :attr:`skipped`; ``None`` when none were skipped.
        history: Earlier due dates (restart, extension, alternative, pause), oldest first.
        start_after_cutoff: Cut-off after which counting starts the next working day, when the
            procedure says so (kept so that a restart counts the same way).
        notes: Remarks on the computation (open legal questions that affect it).
    """

    accepted_at: _dt.datetime
    start: _dt.datetime
    duration: Duration
    due_date: _dt.date
    due_at: _dt.datetime
    provisional: bool
    rule: CountingRule
    office_hours: OfficeHours
    calendar: WorkCalendar = attrs.field(eq=False, repr=False)
    skipped_after: _dt.date | None = None
    history: tuple[DeadlineChange, ...] = ()
    start_after_cutoff: _dt.time | None = None
    notes: tuple[str, ...] = ()

    @property
    def skipped(self) -> tuple[DayInfo, ...]:
        """The non-working days skipped (weekends, holidays, swaps) up to the due date, in order.

        For working-day and working-time limits: every day off after the start; for calendar-day
        and month limits: the days off the due date was moved over (Civil Code Art. 148.5).
        """
        if self.skipped_after is None or self.skipped_after >= self.due_date:
            return ()
        return self.calendar.non_working_days(self.skipped_after, self.due_date)

    @property
    def extended(self) -> bool:
        """Whether the one allowed extension (Decree 118/2025 Art. 19.6) has been used."""
        return any(change.kind is ChangeKind.EXTENSION for change in self.history)

    @property
    def original_due_date(self) -> _dt.date:
        """The first due date this dossier had (before any restart, extension or pause)."""
        return self.history[0].previous_due_date if self.history else self.due_date

    @property
    def first_accepted_at(self) -> _dt.datetime:
        """The first acceptance instant (before any restart)."""
        return self.history[0].previous_accepted_at if self.history else self.accepted_at

    def explain(self) -> list[str]:
        """Return the explanation, one line per fact, in Vietnamese with English in brackets.

        Example lines::

            Tiếp nhận (accepted): Thứ Tư 29/04/2026 10:00
            Thời hạn (limit): 5 ngày làm việc (5 working days)
            30/04/2026 — Ngày Chiến thắng (30/4) (Reunification Day) — Điều 112.1, Bộ luật ...
            Hạn trả kết quả (due): Thứ Sáu 08/05/2026 17:00
        """
        lines = [
            f"Tiếp nhận (accepted): {_fmt_instant(self.accepted_at)}",
            f"Thời hạn (limit): {self.duration} ({self.duration.describe_en()})",
            f"Quy tắc (rule): {self.rule.name_vi} ({self.rule.name_en}) — {self.rule.summary_en}",
            f"Căn cứ (legal basis): {self.rule.cite()}",
        ]
        if self.start != self.accepted_at:
            lines.append(f"Bắt đầu tính (counting starts): {_fmt_instant(self.start)}")
        if self.skipped:
            lines.append(f"Ngày nghỉ không tính (days off skipped): {len(self.skipped)}")
            lines.extend(f"  {_describe_day(info)}" for info in self.skipped)
        else:
            lines.append("Ngày nghỉ không tính (days off skipped): 0")
        lines.append(f"Hạn trả kết quả (due): {_fmt_instant(self.due_at)}")
        if self.provisional:
            lines.append(
                "Lưu ý (note): dự kiến — lịch nghỉ của năm này chưa được công bố chính thức "
                "(provisional: the year's days off are not yet officially announced)"
            )
        lines.extend(f"Lưu ý (note): {note}" for note in self.notes)
        for change in self.history:
            lines.append(
                f"Lịch sử (history): {change.kind.value} {_fmt_instant(change.at)} — hạn cũ "
                f"(previous due) {change.previous_due_date:%d/%m/%Y} → {change.new_due_date:%d/%m/%Y}"
                f" — {change.rule.cite()}" + (f" — {change.reason}" if change.reason else "")
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly description (used by the CLI's ``--json``)."""
        return {
            "accepted_at": self.accepted_at.isoformat(),
            "start": self.start.isoformat(),
            "duration": self.duration.to_dict(),
            "due_date": self.due_date.isoformat(),
            "due_at": self.due_at.isoformat(),
            "provisional": self.provisional,
            "skipped": [
                {
                    "date": info.date.isoformat(),
                    "kind": info.kind.value,
                    "name_vi": info.name_vi,
                    "name_en": info.name_en,
                    "legal_ref": info.legal_ref.cite() if info.legal_ref else None,
                }
                for info in self.skipped
            ],
            "rule": {"id": self.rule.id, "legal_basis": self.rule.cite()},
            "history": [
                {
                    "kind": c.kind.value,
                    "at": c.at.isoformat(),
                    "previous_due_date": c.previous_due_date.isoformat(),
                    "new_due_date": c.new_due_date.isoformat(),
                    "legal_basis": c.rule.cite(),
                }
                for c in self.history
            ],
            "notes": list(self.notes),
            "explanation": self.explain(),
        }


_WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _fmt_instant(value: _dt.datetime) -> str:
    local = value.astimezone(VN_TZ)
    return f"{_WEEKDAY_VI[local.weekday()]} {local:%d/%m/%Y %H:%M}"


def _describe_day(info: DayInfo) -> str:
    text = f"{info.date:%d/%m/%Y} — {info.name_vi} ({info.name_en})"
    if info.legal_ref is not None:
        text += f" — {info.legal_ref.cite()}"
    if info.provisional:
        text += " — dự kiến (projected)"
    return text


# --- computing ----------------------------------------------------------------------------------


def _default_calendar(calendar: WorkCalendar | None) -> WorkCalendar:
    if calendar is None:
        return civil_service_calendar()
    if not isinstance(calendar, WorkCalendar):
        raise InputTypeError(
            f"Lịch làm việc (calendar): expected a WorkCalendar, got {type(calendar).__name__}",
            argument="calendar",
            got=type(calendar).__name__,
        )
    return calendar


def _calendar_of(deadline: Deadline, calendar: WorkCalendar | None) -> WorkCalendar:
    return deadline.calendar if calendar is None else _default_calendar(calendar)


def _default_hours(office_hours: OfficeHours | None) -> OfficeHours:
    if office_hours is None:
        return _DEFAULT_HOURS()
    if not isinstance(office_hours, OfficeHours):
        raise InputTypeError(
            "Giờ làm việc (office hours): expected an OfficeHours, got "
            f"{type(office_hours).__name__}",
            argument="office_hours",
            got=type(office_hours).__name__,
        )
    return office_hours


_DEFAULT_OFFICE_HOURS = OfficeHours()
_DEFAULT_CLOSES = _DEFAULT_OFFICE_HOURS.closes


def _DEFAULT_HOURS() -> OfficeHours:  # noqa: N802
    return _DEFAULT_OFFICE_HOURS


def _since_midnight(t: _dt.time) -> _dt.timedelta:
    return _dt.timedelta(
        hours=t.hour, minutes=t.minute, seconds=t.second, microseconds=t.microsecond
    )


def _elapsed_in_windows(t: _dt.time, hours: OfficeHours) -> _dt.timedelta:
    """Working time already passed on a working day at local time ``t``."""
    now = _since_midnight(t)
    total = _dt.timedelta()
    for start, end in hours.windows:
        ws, we = _since_midnight(start), _since_midnight(end)
        if now <= ws:
            break
        total += min(now, we) - ws
    return total


def _instant(
    day: _dt.date, offset: _dt.timedelta, hours: OfficeHours, *, at_end: bool
) -> _dt.datetime:
    """The instant ``offset`` of working time into ``day`` (a window end if ``at_end``).

    ``offset`` is at most a day's working time, so it always lands in one of the windows.
    """
    *earlier, (last_start, _) = hours.windows
    for start, end in earlier:
        length = _since_midnight(end) - _since_midnight(start)
        if offset < length or (at_end and offset == length):
            return _dt.datetime.combine(day, start, tzinfo=VN_TZ) + offset
        offset -= length
    return _dt.datetime.combine(day, last_start, tzinfo=VN_TZ) + offset


def _working_position(
    moment: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> tuple[_dt.date, _dt.timedelta]:
    """(working day, working time elapsed in it) of the first working instant at or after moment."""
    day = moment.date()
    if cal.is_working_day(day):
        elapsed = _elapsed_in_windows(moment.time(), hours)
        if elapsed < hours.day_length:
            return day, elapsed
    return cal.next_working_day(day), _dt.timedelta()


def _working_time(
    a: _dt.datetime, b: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> _dt.timedelta:
    """Working time inside the office windows between two Vietnam-time instants, ``a <= b``."""
    day_a, off_a = _working_position(a, cal, hours)
    day_b, off_b = _working_position(b, cal, hours)
    return cal.working_days_between(day_a, day_b) * hours.day_length + off_b - off_a


def working_time_between(
    start: _dt.datetime,
    end: _dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
) -> _dt.timedelta:
    """Return the working time (thời gian làm việc) between two instants.

    Only time inside the office windows of working days counts (lunch breaks, evenings,
    weekends, holidays and official days off do not): the measure that working-hour limits
    (``giờ làm việc``) are counted in. It is the inverse of :func:`compute_deadline` for such
    limits: for ``t`` inside office hours, ``working_time_between(t, compute_deadline(t,
    Duration.working_hours(h)).due_at) == timedelta(hours=h)``. O(1): two look-ups in the
    calendar's working-day index, whatever the distance.

    Args:
        start: From (aware; converted to Vietnam time).
        end: To (aware). When ``end`` is before ``start`` the result is negative.
        calendar: The working calendar; default :func:`tthc.calendar.civil_service_calendar`.
        office_hours: The office windows; default 07:30–11:30 and 13:00–17:00.

    Raises:
        InputTypeError: wrong argument types.
        NaiveDatetimeError: an instant has no time zone.
        CalendarRangeError: a date outside the calendar's range.

    Example:
        >>> from datetime import datetime
        >>> from tthc import VN_TZ
        >>> working_time_between(
        ...     datetime(2026, 4, 29, 16, tzinfo=VN_TZ), datetime(2026, 5, 4, 8, 30, tzinfo=VN_TZ)
        ... )  # 30/4 and 1/5 are holidays, then a weekend
        datetime.timedelta(seconds=7200)
    """
    a = to_vietnam_time(start, "start")
    b = to_vietnam_time(end, "end")
    cal = _default_calendar(calendar)
    hours = _default_hours(office_hours)
    if b < a:
        return -_working_time(b, a, cal, hours)
    return _working_time(a, b, cal, hours)


def _add_working_time(
    moment: _dt.datetime, amount: _dt.timedelta, cal: WorkCalendar, hours: OfficeHours
) -> tuple[_dt.datetime, _dt.datetime]:
    """Return (effective start, due instant) for ``amount`` of working time from ``moment``."""
    day, elapsed = _working_position(moment, cal, hours)
    start = _instant(day, elapsed, hours, at_end=False)
    start = max(start, moment)
    length = hours.day_length
    total = elapsed + amount
    full_days = (total - _MICRO) // length
    remainder = total - full_days * length
    due_day = cal.add_working_days(day, full_days)
    return start, _instant(due_day, remainder, hours, at_end=True)


def _to_timedelta(amount: Decimal, unit: _dt.timedelta) -> _dt.timedelta:
    micro = (amount * Decimal(unit // _MICRO)).to_integral_value(rounding=ROUND_HALF_UP)
    return _dt.timedelta(microseconds=int(micro))


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > _dt.MAXYEAR:
        raise DurationError(
            f"Thời hạn (duration): {months} tháng from {day.isoformat()} is beyond the year "
            f"{_dt.MAXYEAR}",
            months=months,
        )
    # Civil Code 2015 Art. 148.3: the corresponding day, or the month's last day
    return _dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def _roll_forward(nominal: _dt.date, cal: WorkCalendar) -> tuple[_dt.date, _dt.date | None]:
    """Civil Code 2015 Art. 148.5: a last day that is a day off moves to the next working day.

    Returns the due date and the date after which skipped days are listed (None: none skipped).
    """
    if cal.is_working_day(nominal):
        return nominal, None
    return cal.next_working_day(nominal), nominal - _ONE_DAY


def _shift_date(day: _dt.date, days: int) -> _dt.date:
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        raise DurationError(
            f"Thời hạn (duration): {days} ngày from {day.isoformat()} is beyond the calendar",
            days=days,
        ) from None


def _compute(
    accepted_at: _dt.datetime,
    duration: Duration,
    cal: WorkCalendar,
    hours: OfficeHours,
    start_after_cutoff: _dt.time | None,
) -> Deadline:
    start = accepted_at
    rule_id: str
    notes: list[str] = []
    if start_after_cutoff is not None and accepted_at.time() > start_after_cutoff:
        next_day = cal.next_working_day(accepted_at.date())
        start = _dt.datetime.combine(next_day, hours.opens, tzinfo=VN_TZ)
        notes.append(
            f"tiếp nhận sau {start_after_cutoff:%H:%M}: tính từ ngày làm việc tiếp theo "
            f"(received after {start_after_cutoff:%H:%M}: counted as received "
            f"{next_day:%d/%m/%Y} {hours.opens:%H:%M}) — "
            + counting_rule("start_after_cutoff").cite()
        )
    day = start.date()
    unit = duration.unit
    amount = duration.amount
    skipped_after: _dt.date | None = day
    if unit is DurationUnit.WORKING_DAY and duration.is_whole:
        rule_id = "working_days"
        due_date = cal.add_working_days(day, int(amount))
        due_at = _dt.datetime.combine(due_date, hours.closes, tzinfo=VN_TZ)
    elif unit in (DurationUnit.WORKING_DAY, DurationUnit.WORKING_HOUR, DurationUnit.WORKING_MINUTE):
        rule_id = "working_time"
        per = {
            DurationUnit.WORKING_DAY: hours.day_length,
            DurationUnit.WORKING_HOUR: _dt.timedelta(hours=1),
            DurationUnit.WORKING_MINUTE: _dt.timedelta(minutes=1),
        }[unit]
        start, due_at = _add_working_time(start, _to_timedelta(amount, per), cal, hours)
        due_date = due_at.date()
    elif unit in (DurationUnit.CALENDAR_DAY, DurationUnit.MONTH):
        rule_id = "calendar_days" if unit is DurationUnit.CALENDAR_DAY else "months"
        nominal = (
            _shift_date(day, int(amount))
            if unit is DurationUnit.CALENDAR_DAY
            else _add_months(day, int(amount))
        )
        due_date, skipped_after = _roll_forward(nominal, cal)
        due_at = _dt.datetime.combine(due_date, hours.closes, tzinfo=VN_TZ)
    elif unit in (DurationUnit.CLOCK_HOUR, DurationUnit.CLOCK_MINUTE):
        rule_id = "clock_time"
        per = (
            _dt.timedelta(hours=1) if unit is DurationUnit.CLOCK_HOUR else _dt.timedelta(minutes=1)
        )
        # the start must lie inside the calendar like any other (CalendarRangeError); with the
        # amount capped by Duration the sum below then stays far from datetime's limits
        cal.is_working_day(day)
        due_at = start + _to_timedelta(amount, per)
        due_date = due_at.date()
        skipped_after = None
        if not cal.is_working_day(due_date):
            notes.append(
                "hạn rơi vào ngày nghỉ; thời hạn tính bằng giờ chạy liên tục (the due instant "
                "falls on a day off; clock-hour limits run through days off — open question Q3)"
            )
    elif unit is DurationUnit.SAME_DAY:
        rule_id = "same_day"
        cutoff = duration.cutoff
        if cal.is_working_day(day) and (cutoff is None or start.time() <= cutoff):
            due_date = day
        else:
            due_date = cal.next_working_day(day)
        due_at = max(_dt.datetime.combine(due_date, hours.closes, tzinfo=VN_TZ), start)
    else:
        rule_id = "immediate"
        position_day, elapsed = _working_position(start, cal, hours)
        due_at = max(_instant(position_day, elapsed, hours, at_end=False), start)
        due_date = due_at.date()
    return Deadline(
        accepted_at=accepted_at,
        start=start,
        duration=duration,
        due_date=due_date,
        due_at=due_at,
        provisional=cal.is_provisional(max(due_date, accepted_at.date())),
        rule=_rule(rule_id),
        office_hours=hours,
        calendar=cal,
        skipped_after=skipped_after,
        start_after_cutoff=start_after_cutoff,
        notes=tuple(notes),
    )


def _resolve(duration: object) -> tuple[Duration, _dt.time | None]:
    if isinstance(duration, Duration):
        return duration, None
    if isinstance(duration, ProcessingTime):
        shift = (
            duration.cutoff if duration.cutoff_rule is CutoffRule.START_NEXT_WORKING_DAY else None
        )
        return duration.require_base(), shift
    raise InputTypeError(
        "Thời hạn (duration): expected a Duration or a ProcessingTime, got "
        f"{type(duration).__name__}",
        hint="parse text first: parse_processing_time('05 ngày làm việc')",
        argument="duration",
        got=type(duration).__name__,
    )


def compute_deadline(
    accepted_at: _dt.datetime,
    duration: Duration | ProcessingTime,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
) -> Deadline:
    """Return the due date of a dossier accepted at ``accepted_at`` with limit ``duration``.

    Counting (legal basis in ``data/counting_rules.json``):

    * working days: the N-th working day strictly after the acceptance date (Civil Code 2015
      Art. 147.2: the first day is not counted), due by the end of office hours;
    * calendar days: acceptance date + N, moved to the next working day if it is a day off
      (Art. 148.5); months: the same day N months later or the month's last day (Art. 148.3),
      then moved the same way;
    * working hours and minutes, and fractional working days (``1,5 ngày làm việc``): counted
      inside the office windows of working days from the acceptance instant; a receipt outside
      the windows starts at the next window; one working day = the windows' total;
    * clock hours and minutes: elapsed time;
    * same day: the acceptance date if accepted at or before the cut-off on a working day (15:00
      itself is not "after 15 giờ"), else the next working day;
    * immediate: the acceptance instant (or the next office window).

    Args:
        accepted_at: When the complete, valid dossier was accepted (Decree 118/2025 Art. 17.3).
            Must be time-zone aware; it is converted to Vietnam time (UTC+7).
        duration: The limit, or a parsed :class:`ProcessingTime` (its base limit is used, and a
            "counting starts the next working day after 15 giờ" rule is applied).
        calendar: The working calendar; default :func:`tthc.calendar.civil_service_calendar`.
        office_hours: The office windows; default 07:30–11:30 and 13:00–17:00.

    Returns:
        The :class:`Deadline`.

    Raises:
        InputTypeError: wrong argument types.
        NaiveDatetimeError: ``accepted_at`` has no time zone.
        DurationError: a ``ProcessingTime`` without a single base limit (cases, no limit ...).
        CalendarRangeError: a date outside the calendar's range.
        ProvisionalCalendarError: strict calendar and a projected year is touched.

    Example:
        >>> from datetime import datetime
        >>> from tthc import VN_TZ
        >>> d = compute_deadline(datetime(2026, 4, 29, 10, tzinfo=VN_TZ), Duration.working_days(5))
        >>> d.due_date
        datetime.date(2026, 5, 8)
    """
    # Fast path for the common case, with the same checks and the same result as _compute: an
    # exact datetime already in Vietnam time, a whole number of working days, exact calendar and
    # office-hours types (anything else, subclasses included, takes the general path below).
    if (
        type(accepted_at) is _DATETIME
        and accepted_at.tzinfo is VN_TZ
        and type(duration) is Duration
        and (calendar is None or type(calendar) is WorkCalendar)
        and (office_hours is None or type(office_hours) is OfficeHours)
    ):
        n = duration._whole_working_days
        if n is not None:
            cal = civil_service_calendar() if calendar is None else calendar
            day = accepted_at.date()
            due_date = cal.add_working_days(day, n)  # range and strict checks happen here
            if office_hours is None:
                hours, closes = _DEFAULT_OFFICE_HOURS, _DEFAULT_CLOSES
            else:
                hours, closes = office_hours, office_hours.closes
            # Positional, in the field order of Deadline (saves the keyword matching).
            return Deadline(
                accepted_at,  # accepted_at
                accepted_at,  # start
                duration,  # duration
                due_date,  # due_date
                _COMBINE(due_date, closes, VN_TZ),  # due_at
                due_date > cal.confirmed_through,  # provisional (due_date > day, in range)
                _working_days_rule(),  # rule
                hours,  # office_hours
                cal,  # calendar
                day,  # skipped_after
            )
    accepted = to_vietnam_time(accepted_at, "accepted_at")
    resolved, shift = _resolve(duration)
    return _compute(
        accepted, resolved, _default_calendar(calendar), _default_hours(office_hours), shift
    )


_DATETIME = _dt.datetime
_COMBINE = _dt.datetime.combine


@functools.cache
def _working_days_rule() -> CountingRule:
    return _rule("working_days")


# --- the clock over a dossier's life ------------------------------------------------------------


def _change(
    old: Deadline, new_due: _dt.date, kind: ChangeKind, *, at: _dt.datetime, rule: str, reason: str
) -> DeadlineChange:
    return DeadlineChange(
        kind=kind,
        at=at,
        previous_accepted_at=old.accepted_at,
        previous_due_date=old.due_date,
        previous_due_at=old.due_at,
        new_due_date=new_due,
        rule=_rule(rule),
        reason=reason,
    )


def _moved(
    deadline: Deadline,
    new_due: _dt.date,
    new_at: _dt.datetime,
    cal: WorkCalendar,
    change: DeadlineChange,
) -> Deadline:
    """The same clock with a later due date (extension, pause), the change kept in history."""
    return attrs.evolve(
        deadline,
        due_date=new_due,
        due_at=new_at,
        skipped_after=deadline.start.date(),
        calendar=cal,
        provisional=deadline.provisional or cal.is_provisional(new_due),
        history=(*deadline.history, change),
    )


def _require_deadline(value: object) -> Deadline:
    if not isinstance(value, Deadline):
        raise InputTypeError(
            f"Thời hạn (deadline): expected a Deadline, got {type(value).__name__}",
            argument="deadline",
            got=type(value).__name__,
        )
    return value


def _not_before(moment: _dt.datetime, deadline: Deadline, name: str) -> None:
    if moment < deadline.accepted_at:
        raise InvalidEvent(
            f"Thời điểm (instant): {name}={moment.isoformat()} is before the clock started "
            f"({deadline.accepted_at.isoformat()})",
            argument=name,
        )


def restart_after_supplement(
    deadline: Deadline,
    supplement_received_at: _dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Restart the limit from zero when the complete supplement is received.

    Decree 118/2025 Art. 19.5: "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ
    sơ." The full limit is counted again from ``supplement_received_at``; the previous due date
    is kept in :attr:`Deadline.history` (NgayHenTraTruoc / NgayHenTraMoi).

    Raises:
        NaiveDatetimeError: ``supplement_received_at`` has no time zone.
        InvalidEvent: it is before the current clock start.
    """
    deadline = _require_deadline(deadline)
    received = to_vietnam_time(supplement_received_at, "supplement_received_at")
    _not_before(received, deadline, "supplement_received_at")
    new = _compute(
        received,
        deadline.duration,
        _calendar_of(deadline, calendar),
        deadline.office_hours,
        deadline.start_after_cutoff,
    )
    change = _change(
        deadline,
        new.due_date,
        ChangeKind.RESTART,
        at=received,
        rule="restart_after_supplement",
        reason="",
    )
    return attrs.evolve(new, history=(*deadline.history, change))


def switch_to_alternative(
    deadline: Deadline,
    alternative: Alternative | Duration,
    *,
    recorded_at: _dt.datetime,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Apply a conditional limit (e.g. verification needed) counted from the same start.

    For "trường hợp cần xác minh thì không quá 05 ngày làm việc": the longer limit replaces the
    base one and is counted from the same acceptance instant (tthc_rules §1.7); an
    :class:`Alternative` marked ``additional`` ("kéo dài thêm") is added to the current limit.
    Verification itself does not stop the clock (Decree 118/2025 Art. 19.4). When the current
    due date is already later than the alternative's (an extension or a pause moved it), that
    date stands; the longer limit is still recorded, so a later restart counts it.

    Raises:
        NaiveDatetimeError: ``recorded_at`` has no time zone.
        InvalidEvent: ``recorded_at`` is before the clock started.
        DurationError: the new limit ends before the current limit does, or units clash.
    """
    deadline = _require_deadline(deadline)
    at = to_vietnam_time(recorded_at, "recorded_at")
    _not_before(at, deadline, "recorded_at")
    if isinstance(alternative, Alternative):
        duration, reason = alternative.total(deadline.duration), alternative.condition
    elif isinstance(alternative, Duration):
        duration, reason = alternative, ""
    else:
        raise InputTypeError(
            "Thời hạn theo điều kiện (conditional limit): expected an Alternative or a Duration, "
            f"got {type(alternative).__name__}",
            argument="alternative",
        )
    cal = _calendar_of(deadline, calendar)
    new = _compute(
        deadline.accepted_at, duration, cal, deadline.office_hours, deadline.start_after_cutoff
    )
    if new.due_at < deadline.due_at:
        # Compare limits, not dates: the current due date may be later because of an extension
        # or a pause, and then it stands while the longer limit takes over (for a restart).
        own = _compute(
            deadline.accepted_at,
            deadline.duration,
            cal,
            deadline.office_hours,
            deadline.start_after_cutoff,
        )
        if new.due_at < own.due_at:
            raise DurationError(
                f"Thời hạn theo điều kiện (conditional limit) {duration} ends "
                f"{new.due_at.isoformat()}, before the current limit's due {own.due_at.isoformat()}",
                hint="a conditional limit replaces the base one only when it is longer",
                argument="alternative",
                alternative=str(duration),
                current=str(deadline.duration),
            )
        new = attrs.evolve(
            new,
            due_date=deadline.due_date,
            due_at=deadline.due_at,
            provisional=deadline.provisional,
            skipped_after=deadline.skipped_after,
        )
    change = _change(
        deadline, new.due_date, ChangeKind.ALTERNATIVE, at=at, rule="alternative", reason=reason
    )
    return attrs.evolve(new, history=(*deadline.history, change))


def latest_extension_request(
    due: Deadline | _dt.date, *, calendar: WorkCalendar | None = None
) -> _dt.date:
    """Return the last day an extension may be notified for a dossier due on ``due``.

    Decree 118/2025 Art. 19.6: the authority notifies the new date "chậm nhất 01 ngày trước
    ngày hết hạn". tthc reads it as: at the latest the working day before the due date (a
    Monday due date after a weekend must be notified by the Friday).

    Args:
        due: The deadline (its due date is used) or the due date.
        calendar: The working calendar; default the deadline's own, else the national one.

    Raises:
        InputTypeError: ``due`` is neither a Deadline nor a date.
        CalendarRangeError: the date is outside the calendar.

    Example:
        >>> import datetime as dt
        >>> latest_extension_request(dt.date(2026, 5, 4))  # Mon after 30/4, 1/5 and a weekend
        datetime.date(2026, 4, 29)
    """
    if isinstance(due, Deadline):
        return _calendar_of(due, calendar).previous_working_day(due.due_date)
    return _default_calendar(calendar).previous_working_day(require_date(due, "due"))


def extend(
    deadline: Deadline,
    *,
    requested_on: _dt.date,
    new_duration_or_due: Duration | _dt.date,
    calendar: WorkCalendar | None = None,
    allow_late: bool = False,
) -> Deadline:
    """Extend the due date once (gia hạn, hẹn lại ngày trả kết quả).

    Decree 118/2025 Art. 19.6: the authority must notify "chậm nhất 01 ngày trước ngày hết
    hạn" and the return date may be re-set "không quá một lần". tthc reads the first condition
    as: ``requested_on`` is at the latest the working day before the due date
    (:func:`latest_extension_request`).

    Args:
        deadline: The current deadline.
        requested_on: Date of the written request (Phiếu đề nghị gia hạn).
        new_duration_or_due: Extra time counted from the current due date, or the new due date
            (a working day after the current one).
        calendar: The working calendar; default the one the deadline was computed with.
        allow_late: Apply a request made later than Art. 19.6 allows instead of refusing it
            (a dossier log records what happened; the change's ``reason`` says it was late).

    Raises:
        ExtensionNotAllowed: already extended (``context['reason'] == 'already_extended'``),
            asked too late (``'too_late'``, unless ``allow_late``), a new date not after the
            current one (``'not_later'``) or not a working day (``'not_a_working_day'``).
        InputTypeError: wrong argument types.
    """
    deadline = _require_deadline(deadline)
    asked = require_date(requested_on, "requested_on")
    cal = _calendar_of(deadline, calendar)
    if deadline.extended:
        raise ExtensionNotAllowed(
            "Gia hạn (extension) not allowed: the return date was already re-set once "
            "(Decree 118/2025 Art. 19.6: không quá một lần)",
            reason="already_extended",
            due_date=deadline.due_date,
        )
    latest = cal.previous_working_day(deadline.due_date)
    late = asked > latest
    if late and not allow_late:
        raise ExtensionNotAllowed(
            f"Gia hạn (extension) not allowed: requested on {asked:%d/%m/%Y}, later than "
            f"{latest:%d/%m/%Y}, one working day before the due date {deadline.due_date:%d/%m/%Y} "
            "(Decree 118/2025 Art. 19.6: chậm nhất 01 ngày trước ngày hết hạn)",
            reason="too_late",
            latest=latest,
            due_date=deadline.due_date,
        )
    hours = deadline.office_hours
    if isinstance(new_duration_or_due, Duration):
        if not new_duration_or_due.unit.is_quantity:
            raise DurationError(
                f"Gia hạn (extension): {new_duration_or_due} is not an amount of extra time",
                unit=new_duration_or_due.unit.value,
            )
        extra = _compute(deadline.due_at, new_duration_or_due, cal, hours, None)
        new_due, new_at = extra.due_date, max(extra.due_at, deadline.due_at)
    elif isinstance(new_duration_or_due, _dt.date) and not isinstance(
        new_duration_or_due, _dt.datetime
    ):
        new_due = new_duration_or_due
        if new_due <= deadline.due_date:
            raise ExtensionNotAllowed(
                f"Gia hạn (extension): the new due date {new_due:%d/%m/%Y} is not after the "
                f"current one {deadline.due_date:%d/%m/%Y}",
                reason="not_later",
                due_date=deadline.due_date,
            )
        if not cal.is_working_day(new_due):
            raise ExtensionNotAllowed(
                f"Gia hạn (extension): the new due date {new_due:%d/%m/%Y} is not a working day",
                reason="not_a_working_day",
                new_due_date=new_due,
            )
        new_at = _dt.datetime.combine(new_due, hours.closes, tzinfo=VN_TZ)
    else:
        raise InputTypeError(
            "Gia hạn (extension): new_duration_or_due must be a Duration or a datetime.date, got "
            f"{type(new_duration_or_due).__name__}",
            argument="new_duration_or_due",
        )
    at = _dt.datetime.combine(asked, _dt.time(0), tzinfo=VN_TZ)
    reason = (
        f"thông báo muộn (late notice): {asked:%d/%m/%Y}, latest {latest:%d/%m/%Y}" if late else ""
    )
    change = _change(
        deadline, new_due, ChangeKind.EXTENSION, at=at, rule="extension", reason=reason
    )
    return _moved(deadline, new_due, new_at, cal, change)


def pause_for_financial_obligation(
    deadline: Deadline,
    *,
    requested_at: _dt.datetime,
    completed_at: _dt.datetime,
    excluded_from_limit: bool,
    legal_ref: LegalRef | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Exclude the time spent paying taxes or fees, only where the procedure's rule says so.

    Decree 118/2025 (Art. 24) does not stop the clock while the citizen performs financial
    obligations; some sector laws do. With ``excluded_from_limit=False`` (the default rule) the
    deadline is returned unchanged. Otherwise the due date moves by the paused time, measured in
    the limit's own terms: working days between the two dates for working-day limits, calendar
    days for day and month limits, working time inside office windows for hour limits, elapsed
    time for clock limits.

    Args:
        deadline: The current deadline.
        requested_at: When the citizen was asked to pay (status 6 on the national portal).
        completed_at: When payment was confirmed.
        excluded_from_limit: The procedure rule's flag (with its legal basis in ``legal_ref``).
        legal_ref: The provision that excludes the time, recorded in the history.
        calendar: The working calendar; default the one the deadline was computed with.

    Raises:
        NaiveDatetimeError: an instant has no time zone.
        InvalidEvent: ``completed_at`` before ``requested_at``, or before the clock started.
    """
    deadline = _require_deadline(deadline)
    asked = to_vietnam_time(requested_at, "requested_at")
    paid = to_vietnam_time(completed_at, "completed_at")
    _not_before(asked, deadline, "requested_at")
    if paid < asked:
        raise InvalidEvent(
            f"Nghĩa vụ tài chính (financial obligation): completed_at={paid.isoformat()} is "
            f"before requested_at={asked.isoformat()}",
            argument="completed_at",
        )
    if not excluded_from_limit:
        return deadline
    cal = _calendar_of(deadline, calendar)
    hours = deadline.office_hours
    unit = deadline.duration.unit
    if unit in (DurationUnit.CALENDAR_DAY, DurationUnit.MONTH):
        days = (paid.date() - asked.date()).days
        new_due = _roll_forward(_shift_date(deadline.due_date, days), cal)[0]
        new_at = _dt.datetime.combine(new_due, hours.closes, tzinfo=VN_TZ)
    elif unit in (DurationUnit.CLOCK_HOUR, DurationUnit.CLOCK_MINUTE):
        new_at = deadline.due_at + (paid - asked)
        new_due = new_at.date()
    elif unit in (DurationUnit.WORKING_HOUR, DurationUnit.WORKING_MINUTE) or not (
        deadline.duration.is_whole
    ):
        paused = _working_time(asked, paid, cal, hours)
        new_at = (
            _add_working_time(deadline.due_at, paused, cal, hours)[1]
            if paused > _dt.timedelta()
            else deadline.due_at
        )
        new_due = new_at.date()
    else:
        days = cal.working_days_between(asked.date(), paid.date())
        new_due = cal.add_working_days(deadline.due_date, days) if days > 0 else deadline.due_date
        new_at = max(_dt.datetime.combine(new_due, hours.closes, tzinfo=VN_TZ), deadline.due_at)
    reason = f"{asked:%d/%m/%Y %H:%M} – {paid:%d/%m/%Y %H:%M}"
    if legal_ref is not None:
        reason += f" ({legal_ref.cite()})"
    change = _change(
        deadline, new_due, ChangeKind.PAUSE, at=paid, rule="financial_pause", reason=reason
    )
    return _moved(deadline, new_due, new_at, cal, change)


def supplement_closing_date(
    notified_at: _dt.datetime | _dt.date,
    *,
    days: int = 15,
    calendar: WorkCalendar | None = None,
) -> _dt.date:
    """Return the last day the citizen has to complete a supplement requested during processing.

    Decree 118/2025 Art. 19.5: "Sau 15 ngày kể từ khi thông báo ... nếu tổ chức, cá nhân không
    hoàn thành việc hoàn thiện hồ sơ ... Bộ phận Một cửa thực hiện đóng hồ sơ". Counted in
    calendar days under the Civil Code (Art. 147.2: the day of the notice is not counted; Art.
    148.5: a last day that is a day off moves to the next working day). The one-stop may close
    the dossier from the day after the returned date.

    Args:
        notified_at: When the supplement notice was sent (aware ``datetime``, or a ``date``).
        days: The period; 15 unless a sector law sets another.
        calendar: The working calendar; default the national one.

    Raises:
        NaiveDatetimeError: a naive ``datetime``.
        DurationError: ``days`` is not a positive whole number.
    """
    if isinstance(notified_at, _dt.datetime):
        day = to_vietnam_time(notified_at, "notified_at").date()
    else:
        day = require_date(notified_at, "notified_at")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise DurationError(
            f"Thời hạn bổ sung (supplement period): days must be a positive integer, got {days!r}",
            argument="days",
        )
    return _roll_forward(_shift_date(day, days), _default_calendar(calendar))[0]


# --- timeliness ---------------------------------------------------------------------------------


class Timeliness(str, enum.Enum):
    """Timeliness of a dossier as the national reports count it (by date)."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    IN_TIME = "in_time"
    OVERDUE = "overdue"

    @property
    def name_vi(self) -> str:
        """Vietnamese name used in reports."""
        return {
            Timeliness.EARLY: "Trước hạn",
            Timeliness.ON_TIME: "Đúng hạn",
            Timeliness.LATE: "Quá hạn",
            Timeliness.IN_TIME: "Trong hạn",
            Timeliness.OVERDUE: "Quá hạn",
        }[self]

    @property
    def is_on_time(self) -> bool:
        """True for EARLY, ON_TIME and IN_TIME."""
        return self in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.IN_TIME)

    @property
    def finished(self) -> bool:
        """True for the classes of finished dossiers (EARLY, ON_TIME, LATE)."""
        return self in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)


def _as_date(value: object, name: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return to_vietnam_time(value, name).date()
    return require_date(value, name)


def _due_date(due: object) -> _dt.date:
    if isinstance(due, Deadline):
        return due.due_date
    return _as_date(due, "due")


def classify(
    due: Deadline | _dt.date,
    finished_at: _dt.datetime | _dt.date | None = None,
    *,
    as_of: _dt.datetime | _dt.date | None = None,
) -> Timeliness:
    """Classify a dossier against its due date, comparing dates as the national reports do.

    * finished (``finished_at`` given, and not after ``as_of`` when both are given):
      ``EARLY`` if finished before the due date, ``ON_TIME`` on it, ``LATE`` after it;
    * open (``finished_at`` is None, or after ``as_of``): ``IN_TIME`` while ``as_of`` is on or
      before the due date, ``OVERDUE`` after it.

    Datetimes must be aware (they are converted to Vietnam time before taking the date).

    Raises:
        InputTypeError: wrong types, or neither ``finished_at`` nor ``as_of`` given.
        NaiveDatetimeError: a naive ``datetime``.
    """
    due_date = _due_date(due)
    finished = None if finished_at is None else _as_date(finished_at, "finished_at")
    report = None if as_of is None else _as_date(as_of, "as_of")
    if finished is not None and (report is None or finished <= report):
        if finished < due_date:
            return Timeliness.EARLY
        return Timeliness.ON_TIME if finished == due_date else Timeliness.LATE
    if report is None:
        raise InputTypeError(
            "Phân loại (classification): an open dossier needs as_of (the report date)",
            hint="pass finished_at for a finished dossier, or as_of for an open one",
            argument="as_of",
        )
    return Timeliness.IN_TIME if report <= due_date else Timeliness.OVERDUE


@attrs.frozen(slots=True)
class SupplementRequest:
    """A request to supplement the dossier during processing (status 5 on the national portal).

    Attributes:
        requested_at: When the request was sent (aware).
        completed_at: When the complete supplement was received, or ``None`` if still waiting.
    """

    requested_at: _dt.datetime
    completed_at: _dt.datetime | None = None


@attrs.frozen(slots=True)
class Metric766Result:
    """Outcome of indicator 2.1 of Decision 766/QĐ-TTg for one dossier.

    Attributes:
        on_time: Whether the dossier counts as processed on time / within time.
        end_used: The end-of-processing instant used, after subtracting citizen time.
        supplement_time: Citizen time subtracted (completed − requested, summed).
        reason: Short English reason (``"on or before the due date"``, ``"more than one
            supplement request"`` ...).
        rule: The rule with its legal basis.
    """

    on_time: bool
    end_used: _dt.datetime
    supplement_time: _dt.timedelta
    reason: str
    rule: CountingRule


def metric_766_on_time(
    *,
    accepted_at: _dt.datetime,
    due: Deadline | _dt.date | None,
    ended_at: _dt.datetime | None,
    period_end: _dt.date,
    supplements: Sequence[SupplementRequest] = (),
    limit: Duration | None = None,
    calendar: WorkCalendar | None = None,
) -> Metric766Result:
    """Indicator 2.1 of Decision 766/QĐ-TTg: was the dossier processed on time?

    As described by the national portal ("Mô tả công thức tính chỉ số 766", tthc_rules §5.1):

    * more than one supplement request ⇒ late;
    * end = ``ended_at`` (the terminal status: result ready, delivered, refused, stopped,
      withdrawn); while waiting for the citizen's supplement, the time of the request; with no
      terminal status, the last day of the reporting period (end of that day);
    * citizen time (completed − requested of each supplement) is subtracted from the end;
    * on time iff the adjusted end's date ≤ the due date (NgayKetThucXuLy ≤ NgayHenTra, compared
      by date as the reports do). Without a synced due date, the due date is computed from
      ``accepted_at`` with ``limit``.

    Raises:
        InputTypeError: wrong types, or neither ``due`` nor ``limit``.
        NaiveDatetimeError: a naive ``datetime``.
        InvalidEvent: a supplement completed before it was requested.
    """
    accepted = to_vietnam_time(accepted_at, "accepted_at")
    period = require_date(period_end, "period_end")
    rule = counting_rule("indicator_766_2_1")
    requests = list(supplements)
    for request in requests:
        if not isinstance(request, SupplementRequest):
            raise InputTypeError(
                "Yêu cầu bổ sung (supplement request): expected SupplementRequest items, got "
                f"{type(request).__name__}",
                argument="supplements",
            )
    if due is None:
        if limit is None:
            raise InputTypeError(
                "Chỉ số 766 (indicator 766): pass the synced due date or the maximum limit",
                argument="due",
            )
        due_date = compute_deadline(accepted, limit, calendar=calendar).due_date
    else:
        due_date = _due_date(due)
    waiting = [r for r in requests if r.completed_at is None]
    if ended_at is not None:
        end = to_vietnam_time(ended_at, "ended_at")
    elif waiting:
        end = to_vietnam_time(waiting[0].requested_at, "requested_at")
    else:
        end = _dt.datetime.combine(period, _dt.time.max, tzinfo=VN_TZ)
    citizen = _dt.timedelta()
    for request in requests:
        asked = to_vietnam_time(request.requested_at, "requested_at")
        if request.completed_at is None:
            continue
        done = to_vietnam_time(request.completed_at, "completed_at")
        if done < asked:
            raise InvalidEvent(
                f"Yêu cầu bổ sung (supplement): completed {done.isoformat()} before it was "
                f"requested {asked.isoformat()}",
                argument="supplements",
            )
        citizen += done - asked
    adjusted = end - citizen
    if len(requests) > 1:
        return Metric766Result(False, adjusted, citizen, "more than one supplement request", rule)
    on_time = adjusted.date() <= due_date
    reason = "on or before the due date" if on_time else "after the due date"
    return Metric766Result(on_time, adjusted, citizen, reason, rule)


# Re-exported value types keep their defining module's name in reprs; silence "unused" linters.
_REEXPORTED = (AgencyShare, AlternativeKind, CaseKind, ProcessingCase)
