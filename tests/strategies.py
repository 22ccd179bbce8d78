"""Shared hypothesis strategies for the tthc models (attrs style: ``st.builds`` over the fields).

Each section belongs to the package it builds; add yours under its own header. Keep the
strategies small: the machine running the suite is shared.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from tthc._time import VN_TZ
from tthc.authorities import (
    Anchor,
    Authority,
    AuthorityKind,
    CompetenceResult,
    CompetenceRule,
    Confidence,
    ReceptionMode,
    ReceptionResult,
    RuleLayer,
    procedure_keys,
    resolve_authority,
)
from tthc.authorities import competence_rules as all_competence_rules
from tthc.calendar import DayInfo, OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import Deadline, Duration, ProcessingTime, compute_deadline
from tthc.deadlines import parse_processing_time as _parse
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import TthcError
from tthc.legal import LegalRef, Validity
from tthc.procedures import Finding as CatalogueFinding
from tthc.procedures import FindingKind, Procedure, ProcessingRule, TimeSource, load_catalog
from tthc.staffing import (
    ROLE_NAMES,
    Assumption,
    Demand,
    DossierCount,
    Month,
    PlanSettings,
    ProcedureEffort,
    QueueTargets,
    WorkloadPlan,
    compute_demand,
    load_assumptions,
    plan_counters,
    plan_workload,
    staff_capacity,
)
from tthc.staffing import effort_table as staffing_effort_table
from tthc.units import AdministrativeUnit, Succession, UnitKind
from tthc.units import communes as units_communes
from tthc.units import provinces as units_provinces
from tthc.units import successors as units_successors
from tthc.workflows import Blame, Phase, Severity, StepDue, Workflow
from tthc.workflows import Finding as WorkflowFinding
from tthc.workflows import blame as workflow_blame
from tthc.workflows import examples as workflow_examples
from tthc.workflows import schedule as workflow_schedule

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


# --- administrative units (tthc.units) ---------------------------------------------------------

_CODES = st.from_regex(r"[0-9]{2,5}", fullmatch=True)


def _registered_units() -> tuple[AdministrativeUnit, ...]:
    """Real units of the bundled registry: 2025 provinces, communes of Cần Thơ, old provinces."""
    return (
        *units_provinces()[:5],
        *units_communes("92")[:10],
        *units_provinces(on=dt.date(2025, 1, 1))[:5],
    )


#: A unit as built by hand (any kind, code and period) or a real unit of the registry.
administrative_units = st.builds(
    AdministrativeUnit,
    code=_CODES,
    full_name=SHORT_TEXT,
    kind=st.sampled_from(UnitKind),
    province_code=_CODES,
    parent_code=st.none() | _CODES,
    validity=validities,
    legal_basis=st.none() | legal_refs,
    legacy=st.booleans(),
) | st.deferred(lambda: st.sampled_from(_registered_units()))

successions = st.builds(
    Succession,
    old=administrative_units,
    new=administrative_units,
    whole=st.booleans(),
    legal_basis=legal_refs,
    effective=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
) | st.deferred(
    lambda: st.sampled_from(
        [
            s
            for old in units_provinces(on=dt.date(2025, 1, 1))[:5]
            for s in units_successors(old.code)
        ]
    )
)

# --- authorities and competence (tthc.authorities) ---------------------------------------------

authorities = st.builds(
    Authority, kind=st.sampled_from(AuthorityKind), unit=administrative_units, body=SHORT_TEXT
)
_PAIRS = st.lists(st.tuples(SHORT_TEXT, SHORT_TEXT), max_size=2).map(tuple)

#: A rule as built by hand (facts of a variant are strings or booleans) or a bundled rule.
competence_rules = st.builds(
    CompetenceRule,
    id=SHORT_TEXT,
    procedure=SHORT_TEXT,
    procedure_codes=st.lists(st.sampled_from(["1.001193", "2.000908", "1.013831"])).map(tuple),
    name_vi=SHORT_TEXT,
    field=SHORT_TEXT,
    variant=st.lists(st.tuples(SHORT_TEXT, SHORT_TEXT | st.booleans()), max_size=2).map(tuple),
    authority_kind=st.sampled_from(AuthorityKind),
    anchor=st.sampled_from(Anchor),
    validity=validities,
    legal_basis=legal_refs,
    also=st.lists(legal_refs, max_size=2).map(tuple),
    confidence=st.sampled_from(Confidence),
    layer=st.sampled_from(RuleLayer),
    provinces=st.none() | st.frozensets(_CODES, max_size=3),
    left_to_province=st.booleans(),
    body=SHORT_TEXT,
    body_by_kind=_PAIRS,
    body_by_unit=_PAIRS,
    note=SHORT_TEXT,
    supersedes=st.none() | SHORT_TEXT,
    research_row=st.none() | st.integers(1, 10_000),
) | st.deferred(lambda: st.sampled_from(all_competence_rules()))

competence_results = st.builds(
    CompetenceResult,
    procedure=SHORT_TEXT,
    on=LOCAL_DAYS,
    unit=administrative_units,
    rule=competence_rules,
    authority=st.none() | authorities,
    default_authority=st.none() | authorities,
    decided_by=st.none() | authorities,
    overridden=st.lists(competence_rules, max_size=2).map(tuple),
)


@st.composite
def resolved_competences(draw: st.DrawFn) -> CompetenceResult:
    """What the registry answers for a bundled procedure key in a commune of Cần Thơ."""
    key = draw(st.sampled_from(procedure_keys()))
    commune = draw(st.sampled_from(units_communes("92")[:10]))
    try:
        return resolve_authority(key, unit=commune, on=draw(LOCAL_DAYS))
    except TthcError:  # a key that needs facts or another unit: a hand-built result instead
        return draw(competence_results)


reception_results = st.builds(
    ReceptionResult,
    procedure=SHORT_TEXT,
    province=administrative_units,
    on=LOCAL_DAYS,
    mode=st.sampled_from(ReceptionMode),
    points=st.lists(authorities, max_size=2).map(tuple),
    legal_basis=legal_refs,
    also=st.lists(legal_refs, max_size=2).map(tuple),
    note=SHORT_TEXT,
    rule_id=SHORT_TEXT,
)

# --- procedures of the catalogue (tthc.procedures) ---------------------------------------------

_OPTIONAL_TEXT = st.none() | SHORT_TEXT

processing_rules = st.builds(
    ProcessingRule,
    channel=st.none() | st.sampled_from(["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"]),
    text=SHORT_TEXT,
    case=_OPTIONAL_TEXT,
    fee=_OPTIONAL_TEXT,
    fee_note=_OPTIONAL_TEXT,
    description=_OPTIONAL_TEXT,
    time=st.none() | st.deferred(processing_times),
    parse_error=_OPTIONAL_TEXT,
    parse_error_reason=_OPTIONAL_TEXT,
    structured=_OPTIONAL_TEXT,
    read_from=st.none() | st.sampled_from(TimeSource),
    disagreement=_OPTIONAL_TEXT,
)

procedures = st.builds(
    Procedure,
    code=st.sampled_from(["1.001193", "2.000908", "1.013831"]),
    name_vi=SHORT_TEXT,
    field=SHORT_TEXT,
    level=SHORT_TEXT,
    authority_kind=st.none() | st.sampled_from(AuthorityKind),
    authority_text=SHORT_TEXT,
    processing_rules=st.lists(processing_rules, max_size=2).map(tuple),
    fees_text=SHORT_TEXT,
    result=SHORT_TEXT,
    legal_basis=st.lists(legal_refs, max_size=2).map(tuple),
    as_of=st.none() | LOCAL_DAYS,
    competence_key=_OPTIONAL_TEXT,
    source=SHORT_TEXT,
    decision=st.none() | legal_refs,
    publisher=SHORT_TEXT,
    executing_agency=SHORT_TEXT,
    procedure_type=SHORT_TEXT,
    source_url=SHORT_TEXT,
) | st.deferred(lambda: st.sampled_from(tuple(load_catalog())[:20]))

catalogue_findings = st.builds(
    CatalogueFinding,
    kind=st.sampled_from(FindingKind),
    code=SHORT_TEXT,
    name_vi=SHORT_TEXT,
    publisher=SHORT_TEXT,
    field=SHORT_TEXT,
    channel=SHORT_TEXT,
    reason=SHORT_TEXT,
    structured=SHORT_TEXT,
    text=SHORT_TEXT,
)

# --- internal workflows (tthc.workflows) -------------------------------------------------------

_IDS = st.from_regex(r"[a-z][a-z0-9._-]{0,8}", fullmatch=True)
_PLAIN_TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), max_size=20)

#: The bundled example workflows, renamed and re-versioned.
workflows = st.deferred(
    lambda: st.builds(
        attrs.evolve,
        st.sampled_from(workflow_examples()),
        name=_PLAIN_TEXT,
        version=st.from_regex(r"[0-9]{1,3}(\.[0-9]{1,2})?", fullmatch=True),
    )
)
phases = st.builds(
    Phase,
    id=_IDS,
    name=_PLAIN_TEXT,
    starts_after=_PLAIN_TEXT,
    clock_stops_before=st.booleans(),
    legal_ref=st.none() | legal_refs,
)
steps = workflows.flatmap(lambda workflow: st.sampled_from(workflow.steps))
workflow_findings = st.builds(
    WorkflowFinding,
    code=st.sampled_from(["workflow.over_limit", "step.abolished_level", "signer.not_checked"]),
    severity=st.sampled_from(Severity),
    message=SHORT_TEXT,
    steps=st.lists(_IDS, max_size=3).map(tuple),
    legal_ref=st.none() | legal_refs,
    hint=SHORT_TEXT,
)


@st.composite
def schedules(draw: st.DrawFn) -> tuple[Workflow, tuple[StepDue, ...]]:
    """A bundled workflow and its schedule from an instant of 2026."""
    workflow = draw(st.sampled_from(workflow_examples()))
    return workflow, workflow_schedule(workflow, draw(instants))


@st.composite
def blames(draw: st.DrawFn) -> Blame:
    """Who made a workflow late: each step done some minutes before or after its due instant."""
    workflow, plan = draw(schedules())
    shifts = draw(st.lists(st.integers(-600, 3000), min_size=len(plan), max_size=len(plan)))
    done = {
        due.step_id: due.due + dt.timedelta(minutes=shift)
        for due, shift in zip(plan, shifts, strict=True)
    }
    return workflow_blame(workflow, plan, done)


# --- workload planning (tthc.staffing) ---------------------------------------------------------

months = st.builds(Month, st.integers(2000, 2100), st.integers(1, 12))
_PLAN_MONTHS = st.builds(Month, st.just(2026), st.integers(1, 11))
_ROLES = st.sampled_from(sorted(ROLE_NAMES))


@st.composite
def dossier_counts(draw: st.DrawFn, month: st.SearchStrategy[Month] = months) -> DossierCount:
    """Dossiers of a procedure in a unit and month (in person at most all of them)."""
    count = draw(st.integers(0, 10_000))
    return DossierCount(
        unit_code=draw(st.sampled_from(["31001", "92001", "26734"])),
        procedure_code=draw(st.sampled_from(["1.001193", "2.000908"])),
        month=draw(month),
        count=count,
        unit_name=draw(SHORT_TEXT),
        unit_kind=draw(st.sampled_from(["", "xã", "phường"])),
        field=draw(st.sampled_from(["", "Hộ tịch", "Chứng thực"])),
        in_person=draw(st.none() | st.integers(0, count)),
    )


procedure_efforts = st.builds(
    ProcedureEffort,
    key=st.sampled_from(["1.001193", "2.000908"]),
    minutes=st.dictionaries(
        _ROLES, st.decimals(Decimal(0), Decimal(600), places=2), min_size=1
    ).map(lambda minutes: tuple(minutes.items())),
    source=SHORT_TEXT,
)
effort_tables = st.builds(
    lambda efforts: staffing_effort_table({e.key: dict(e.minutes) for e in efforts}),
    st.lists(procedure_efforts, min_size=1, max_size=2),
)


#: An effort table that knows both procedures of :func:`dossier_counts`.
_BOTH_EFFORTS = {
    code: {"reception": Decimal("15.5"), "processing": 40} for code in ("1.001193", "2.000908")
}


@st.composite
def demands(draw: st.DrawFn) -> Demand:
    """The demand of some counts on an effort table that knows their procedures."""
    table = staffing_effort_table(_BOTH_EFFORTS)
    return compute_demand(draw(st.lists(dossier_counts(), max_size=3)), table)


capacities = st.builds(
    staff_capacity,
    _PLAN_MONTHS,
    annual_leave_days=st.none() | st.integers(0, 20),
    utilisation=st.none() | st.decimals(Decimal("0.5"), Decimal(1), places=2),
)
queue_targets = st.builds(
    QueueTargets,
    max_mean_wait_minutes=st.floats(0.5, 120),
    max_wait_probability=st.floats(0.01, 0.99),
)
counter_plans = st.builds(
    lambda rates, service, targets: plan_counters(
        {(day % 5, dt.time(8 + hour % 9)): rate for day, hour, rate in rates}, service, targets
    ),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 8), st.integers(0, 60)), max_size=4),
    st.integers(1, 60),
    queue_targets,
)


@st.composite
def workload_plans(draw: st.DrawFn) -> WorkloadPlan:
    """A plan of 2026 from counts of 2025 and 2026 (so that the reform change is measured)."""
    around_reform = st.builds(Month, st.sampled_from([2025, 2026]), st.integers(1, 11))
    counts = draw(st.lists(dossier_counts(around_reform), min_size=1, max_size=4))
    return plan_workload(
        counts,
        staffing_effort_table(_BOTH_EFFORTS),
        settings=PlanSettings(flag_top=draw(st.integers(1, 5))),
    )


#: A JSON value as the assumptions file stores it (numbers, text, lists, objects).
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | SHORT_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(SHORT_TEXT, inner, max_size=3),
    max_leaves=6,
)
assumption_items = st.builds(
    Assumption,
    key=SHORT_TEXT,
    name_vi=SHORT_TEXT,
    name_en=SHORT_TEXT,
    value=_JSON_VALUES,
    unit=SHORT_TEXT,
    basis=st.sampled_from(["law", "literature", "planning_assumption"]),
    legal_ref=st.none() | legal_refs,
    validity=validities,
    note=SHORT_TEXT,
) | st.deferred(lambda: st.sampled_from(load_assumptions().items))
