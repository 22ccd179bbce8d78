"""Internal electronic processes (quy trình nội bộ, quy trình điện tử) of a procedure.

Decree 118/2025/NĐ-CP obliges ministries and provinces to issue, for every procedure, the internal
process that a dossier follows from the one-stop counter (Bộ phận Một cửa) through the
specialist, the head of division and the signer back to the counter, each step with a time
budget (Điều 12 khoản 3, 27 khoản 3, 36 khoản 5, 38 khoản 1 điểm d). Provinces type these
configurations into their systems by hand; this module checks them.

* :class:`Workflow` — procedure code, version, validity, the process decision (:class:`LegalRef`),
  the published processing time, :class:`Phase` s and :class:`Step` s.
* :func:`validate` — structured :class:`Finding` s with stable codes and severities: critical path
  over the legal limit (counted in working hours on the office windows), steps still at the
  abolished district level, a signer who is not the competent authority, no intake or no return
  step, unknown, unreachable or cyclic steps, zero budgets where the law needs time.
* :func:`schedule` — the due instant of every step for a dossier accepted at a given time
  (working time on the calendar, lunch skipped, parallel branches concurrent, joins wait for all).
* :func:`blame` — from the completion times of the steps, which step consumed the time of a late
  dossier.
* Import/export: JSON through :mod:`tthc.serde` (:func:`to_json`, :func:`from_json`), a CSV layout
  a province can fill in a spreadsheet (:func:`read_csv`, :func:`to_csv`; see
  :data:`CSV_COLUMNS`), and a Mermaid diagram (:func:`mermaid`).
* :func:`examples` — processes modelled on published ones, bundled as data.

Budgets of internal steps are management targets counted as working time from the moment the step
can start (one working day = the length of the office windows, 8 hours by default); the
citizen-facing due date stays the one of the whole procedure (``tthc.deadlines``).

Example:
    >>> import datetime as dt
    >>> from tthc.workflows import example, validate
    >>> report = validate(example("chung-thuc.ban-sao-tu-so-goc"), on=dt.date(2026, 6, 1))
    >>> report.ok
    True
"""

from __future__ import annotations

import csv
import datetime as _dt
import enum
import functools
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from tthc._validate import VN_TZ, require_date, to_vietnam_time
from tthc.authorities import AuthorityKind
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import (
    Duration,
    DurationUnit,
    ProcessingTime,
    compute_deadline,
    parse_processing_time,
    working_time_between,
)
from tthc.errors import (
    DataFileError,
    DurationError,
    InputTypeError,
    NoCompetenceRule,
    SerializationError,
    TthcError,
)
from tthc.legal import LegalRef, Validity
from tthc.units import UnitKind, UnitLevel

__all__ = [
    "CSV_COLUMNS",
    "Blame",
    "Finding",
    "Phase",
    "Report",
    "Severity",
    "Step",
    "StepDue",
    "StepUsage",
    "Workflow",
    "blame",
    "critical_path",
    "data_version",
    "example",
    "examples",
    "from_csv",
    "from_json",
    "load",
    "mermaid",
    "read_csv",
    "schedule",
    "to_csv",
    "to_json",
    "validate",
]

_STEP_UNITS = frozenset(
    {
        DurationUnit.WORKING_DAY,
        DurationUnit.WORKING_HOUR,
        DurationUnit.WORKING_MINUTE,
        DurationUnit.CALENDAR_DAY,
        DurationUnit.SAME_DAY,
        DurationUnit.IMMEDIATE,
    }
)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


# --- model -----------------------------------------------------------------------------------------


def _require_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise DataFileError(
            f"Mã {what} ({what} id) {value!r} is not valid: use letters, digits, '.', '_' or '-'",
            hint="e.g. 'b1', 'tiep-nhan', 'gd2.ky'",
            field=f"{what}_id",
            value=str(value),
        )
    return value


def _require_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InputTypeError(
            f"Văn bản (text): {name} must be a str, got {type(value).__name__}", argument=name
        )
    return value


@attrs.frozen(slots=True)
class Phase:
    """A phase of a process (giai đoạn), e.g. before / after financial obligations in land cases.

    Phases run in the order given; every step of a phase starts after all steps of the previous
    phases are done (and, for a phase that waits for the applicant, after the event in
    ``starts_after``, see :func:`schedule`'s ``phase_starts``).

    Attributes:
        id: Short identifier, unique in the workflow (``"gd1"``).
        name: Vietnamese name (``"Giai đoạn 2: sau khi thực hiện nghĩa vụ tài chính"``).
        starts_after: The event that opens the phase, as written
            (``"Người sử dụng đất nộp chứng từ hoàn thành nghĩa vụ tài chính"``), if any.
        clock_stops_before: Whether the wait before this phase is excluded from the processing
            time (only where the procedure's law says so; see ``legal_ref``).
        legal_ref: Basis of the pause, when ``clock_stops_before``.
    """

    id: str
    name: str
    starts_after: str = ""
    clock_stops_before: bool = False
    legal_ref: LegalRef | None = None

    def __attrs_post_init__(self) -> None:
        _require_id(self.id, "phase")
        _require_text(self.name, "name")
        _require_text(self.starts_after, "starts_after")


@attrs.frozen(slots=True)
class Step:
    """One step of an internal process (bước thực hiện).

    Attributes:
        id: Short identifier, unique in the workflow (``"b1"``).
        name: What is done (``"Thẩm định hồ sơ, trình ký"``).
        role: Who acts (``"Công chức Tư pháp - Hộ tịch"``).
        budget: Time budget as a :class:`~tthc.deadlines.Duration`: working days (fractions
            allowed), working hours or minutes, calendar days (e.g. a public posting period),
            same day, or :meth:`Duration.immediate` for a zero budget.
        depends_on: Ids of the steps that must be done before this one starts; none for the
            first step.
        unit_level: Level of the unit that acts (:class:`~tthc.units.UnitLevel`), if given.
        authority_kind: Kind of authority that acts (:class:`~tthc.authorities.AuthorityKind`),
            if given; for the signing step, the authority in whose name the result is signed.
        branch: Label of a parallel branch (inter-agency procedures, Decree 118 Art. 20):
            steps of different branches run concurrently; a step depending on several branches
            waits for all of them.
        phase: Id of the :class:`Phase` the step belongs to (empty when the workflow has none).
        is_intake: The step receives the dossier at the one-stop and hands it over.
        is_signing: The step signs the result (or the decision).
        is_return: The step returns the result to the applicant at the one-stop.
        note: Free text.
    """

    id: str
    name: str
    role: str
    budget: Duration
    depends_on: tuple[str, ...] = ()
    unit_level: UnitLevel | None = None
    authority_kind: AuthorityKind | None = None
    branch: str = ""
    phase: str = ""
    is_intake: bool = False
    is_signing: bool = False
    is_return: bool = False
    note: str = ""

    def __attrs_post_init__(self) -> None:
        _require_id(self.id, "step")
        for name in ("name", "role", "branch", "phase", "note"):
            _require_text(getattr(self, name), name)
        if not isinstance(self.budget, Duration):
            raise InputTypeError(
                f"Thời gian thực hiện (step budget) of step {self.id!r} must be a Duration, "
                f"got {type(self.budget).__name__}",
                argument="budget",
            )
        if self.budget.unit not in _STEP_UNITS:
            raise DurationError(
                f"Thời gian thực hiện (step budget) of step {self.id!r}: {self.budget} cannot be "
                "a step budget",
                hint="use working days/hours/minutes (e.g. '0,5 ngày làm việc', '4 giờ làm "
                "việc'), calendar days, same day, or 0",
                step=self.id,
                unit=self.budget.unit.value,
            )
        if not isinstance(self.depends_on, tuple) or not all(
            isinstance(d, str) for d in self.depends_on
        ):
            raise InputTypeError(
                f"Bước trước (depends_on) of step {self.id!r} must be a tuple of step ids",
                argument="depends_on",
            )
        if self.id in self.depends_on:
            raise DataFileError(
                f"Bước {self.id!r} (step) depends on itself",
                field="depends_on",
                step=self.id,
            )
        if self.unit_level is not None and not isinstance(self.unit_level, UnitLevel):
            raise InputTypeError(
                f"Cấp (unit level) of step {self.id!r} must be a UnitLevel", argument="unit_level"
            )
        if self.authority_kind is not None and not isinstance(self.authority_kind, AuthorityKind):
            raise InputTypeError(
                f"Loại cơ quan (authority kind) of step {self.id!r} must be an AuthorityKind",
                argument="authority_kind",
            )

    @property
    def levels(self) -> tuple[UnitLevel, ...]:
        """Levels named by the step, through ``unit_level`` and ``authority_kind``."""
        found: list[UnitLevel] = []
        if self.unit_level is not None:
            found.append(self.unit_level)
        if self.authority_kind is not None and self.authority_kind.level not in found:
            found.append(self.authority_kind.level)
        return tuple(found)


@attrs.frozen(slots=True)
class Workflow:
    """The internal process of one procedure, as issued by a province or ministry.

    Attributes:
        procedure_code: National procedure code (``"1.001193"``) or a tthc key.
        version: Version label of the process (``"2026-05"``, the decision number, ...).
        steps: The steps, in any order; ids unique.
        name: Name of the procedure (Vietnamese).
        validity: Period in which the process applies.
        legal_basis: The decision that issued the process (quyết định phê duyệt quy trình nội
            bộ), with its confidence.
        legal_limit: The processing time published for the procedure (thời hạn giải quyết) as
            copied into the process, used by :func:`validate` when no other limit is given.
        phases: Ordered phases; empty for a single-phase process.
        one_stop: The procedure is received at a one-stop (Bộ phận Một cửa): intake and return
            steps are then required.
    """

    procedure_code: str
    version: str
    steps: tuple[Step, ...]
    name: str = ""
    validity: Validity = attrs.field(factory=Validity)
    legal_basis: LegalRef | None = None
    legal_limit: Duration | None = None
    phases: tuple[Phase, ...] = ()
    one_stop: bool = True

    def __attrs_post_init__(self) -> None:
        for name in ("procedure_code", "version", "name"):
            _require_text(getattr(self, name), name)
        if not self.procedure_code.strip():
            raise DataFileError(
                "Mã thủ tục (procedure code) must not be empty", field="procedure_code"
            )
        if not self.version.strip():
            raise DataFileError(
                "Phiên bản quy trình (workflow version) must not be empty", field="workflow_version"
            )
        if not isinstance(self.steps, tuple) or not all(isinstance(s, Step) for s in self.steps):
            raise InputTypeError("Các bước (steps) must be a tuple of Step", argument="steps")
        if not self.steps:
            raise DataFileError(
                f"Quy trình (workflow) {self.procedure_code} has no step", field="steps"
            )
        if not isinstance(self.phases, tuple) or not all(isinstance(p, Phase) for p in self.phases):
            raise InputTypeError("Giai đoạn (phases) must be a tuple of Phase", argument="phases")
        _no_duplicates([s.id for s in self.steps], "step")
        _no_duplicates([p.id for p in self.phases], "phase")
        phase_ids = {p.id for p in self.phases}
        for step in self.steps:
            if self.phases and step.phase not in phase_ids:
                raise DataFileError(
                    f"Giai đoạn (phase) {step.phase!r} of step {step.id!r} is not one of "
                    f"{sorted(phase_ids)}",
                    field="phase",
                    step=step.id,
                )
            if not self.phases and step.phase:
                raise DataFileError(
                    f"Giai đoạn (phase) {step.phase!r} of step {step.id!r}: the workflow "
                    "declares no phases",
                    field="phase",
                    step=step.id,
                )
        if self.legal_limit is not None and not isinstance(self.legal_limit, Duration):
            raise InputTypeError(
                "Thời hạn giải quyết (legal limit) must be a Duration", argument="legal_limit"
            )

    def step(self, step_id: str) -> Step:
        """Return the step with this id.

        Raises:
            DataFileError: no such step.
        """
        for s in self.steps:
            if s.id == step_id:
                return s
        raise DataFileError(
            f"Bước (step) {step_id!r} is not in workflow {self.procedure_code} {self.version}",
            field="step_id",
            value=step_id,
        )

    @property
    def key(self) -> str:
        """``"<procedure_code>@<version>"``."""
        return f"{self.procedure_code}@{self.version}"


def _no_duplicates(ids: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise DataFileError(
                f"Mã {what} ({what} id) {value!r} is used twice", field=f"{what}_id", value=value
            )
        seen.add(value)


# --- findings --------------------------------------------------------------------------------------


class Severity(str, enum.Enum):
    """Severity of a :class:`Finding`."""

    ERROR = "error"
    """The configuration breaks a legal rule; :attr:`Report.ok` is False."""
    WARNING = "warning"
    """Probably wrong or risky; check it."""
    INFO = "info"
    """Something tthc could not check, or a remark."""


@attrs.frozen(slots=True)
class Finding:
    """One result of :func:`validate`.

    Attributes:
        code: Stable code (``"workflow.over_limit"``, ``"step.abolished_level"``, ...; the list
            is in the guide).
        severity: :class:`Severity`.
        message: Vietnamese term, English meaning and details.
        steps: Ids of the steps concerned (empty when the finding is about the whole workflow).
        legal_ref: The rule the finding rests on.
        hint: What to change.
    """

    code: str
    severity: Severity
    message: str
    steps: tuple[str, ...] = ()
    legal_ref: LegalRef | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = f" [{', '.join(self.steps)}]" if self.steps else ""
        basis = f" — {self.legal_ref.cite()}" if self.legal_ref else ""
        return f"{self.severity.value}[{self.code}]{where}: {self.message}{basis}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form (the legal reference with its citation)."""
        ref = self.legal_ref
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "steps": list(self.steps),
            "hint": self.hint,
            "legal_ref": None
            if ref is None
            else {
                "document": ref.document,
                "kind": ref.kind,
                "issuer": ref.issuer,
                "date": ref.date.isoformat() if ref.date else None,
                "article": ref.article,
                "confidence": ref.confidence,
                "citation": ref.cite(),
            },
        }


class Report(tuple[Finding, ...]):
    """The findings of :func:`validate`: a tuple of :class:`Finding` with summaries.

    Errors come first, then warnings, then infos (each group in check order).
    """

    __slots__ = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Findings of severity info."""
        return tuple(f for f in self if f.severity is Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos allowed)."""
        return not self.errors

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self)

    def __repr__(self) -> str:
        return f"Report({list(self)!r})"


# --- legal data ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _LevelRule:
    level: UnitLevel
    validity: Validity
    legal_basis: LegalRef
    note: str


@attrs.frozen(slots=True)
class _Rules:
    data_version: str
    levels: tuple[_LevelRule, ...]
    refs: Mapping[str, LegalRef]


def _read_data(name: str) -> str:
    return (
        resources.files("tthc")
        .joinpath("data")
        .joinpath("workflows")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


@functools.cache
def _rules() -> _Rules:
    where = "tthc/data/workflows/rules.json"
    try:
        raw = json.loads(_read_data("rules.json"))
        docs = raw["documents"]

        def ref(entry: Mapping[str, Any]) -> LegalRef:
            base = dict(docs[entry["ref"]])
            base["article"] = entry.get("article", "")
            return LegalRef.from_mapping(base, where=where)

        levels = tuple(
            _LevelRule(
                level=UnitLevel(row["level"]),
                validity=Validity(
                    _dt.date.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
                    _dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                ),
                legal_basis=ref(row["legal_basis"]),
                note=str(row.get("note", "")),
            )
            for row in raw["levels"]
        )
        refs = {code: ref(entry) for code, entry in raw["findings"].items()}
        return _Rules(str(raw["data_version"]), levels, refs)
    except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - guarded by tests
        raise DataFileError(
            f"Dữ liệu quy trình (workflow rule data) is malformed: {exc}", file=where
        ) from exc


def data_version() -> str:
    """Return the version of the bundled workflow rule data."""
    return _rules().data_version


def _ref(code: str) -> LegalRef:
    return _rules().refs[code]


def _level_rule(level: UnitLevel) -> _LevelRule:
    for rule in _rules().levels:
        if rule.level is level:
            return rule
    raise DataFileError(  # pragma: no cover - every level is in the data
        f"Cấp (level) {level.value} has no rule in the workflow data", field="level"
    )


# --- working-time arithmetic (private) ------------------------------------------------------------
#
# No arithmetic of its own: adding working time is tthc.deadlines.compute_deadline (working
# minutes counted inside the OfficeHours windows of working days), measuring it is
# tthc.deadlines.working_time_between.


def _add_working(
    start: _dt.datetime, amount: _dt.timedelta, cal: WorkCalendar, hours: OfficeHours
) -> _dt.datetime:
    if amount <= _dt.timedelta(0):
        return start.astimezone(VN_TZ)
    minutes = Decimal(amount // _dt.timedelta(microseconds=1)) / Decimal(60_000_000)
    deadline = compute_deadline(
        start, Duration.working_minutes(minutes), calendar=cal, office_hours=hours
    )
    return deadline.due_at.astimezone(VN_TZ)


def _scale(span: _dt.timedelta, amount: Decimal) -> _dt.timedelta:
    micro = Decimal(span // _dt.timedelta(microseconds=1)) * amount
    return _dt.timedelta(microseconds=int(micro.to_integral_value()))


def _as_working_time(duration: Duration, hours: OfficeHours) -> _dt.timedelta | None:
    """Working time of a budget or limit, or None when it is not counted in working time."""
    unit = duration.unit
    if unit is DurationUnit.WORKING_DAY:
        return _scale(hours.day_length, duration.amount)
    if unit is DurationUnit.WORKING_HOUR:
        return _scale(_dt.timedelta(hours=1), duration.amount)
    if unit is DurationUnit.WORKING_MINUTE:
        return _scale(_dt.timedelta(minutes=1), duration.amount)
    if unit is DurationUnit.IMMEDIATE:
        return _dt.timedelta(0)
    if unit is DurationUnit.SAME_DAY:
        # At most one working day: what a dossier accepted when the office opens gets.
        return hours.day_length
    return None


def _step_due(
    step: Step, start: _dt.datetime, cal: WorkCalendar, hours: OfficeHours
) -> _dt.datetime:
    budget = step.budget
    local = start.astimezone(VN_TZ)
    if budget.unit is DurationUnit.SAME_DAY and budget.cutoff is None:
        # a step with no cut-off can still not start after the office closes
        budget = Duration.same_day(hours.closes)
    if budget.unit in (DurationUnit.SAME_DAY, DurationUnit.CALENDAR_DAY):
        # the dossier rules: same day (next working day after the cut-off); calendar days with
        # the end rolled to a working day (Civil Code Art. 148.5)
        return compute_deadline(local, budget, calendar=cal, office_hours=hours).due_at
    span = _as_working_time(budget, hours)
    assert span is not None  # every other step unit is working time
    return _add_working(local, span, cal, hours)


def _fmt_span(span: _dt.timedelta, hours: OfficeHours) -> str:
    total_hours = Decimal(span // _dt.timedelta(seconds=1)) / Decimal(3600)
    days = total_hours / (Decimal(hours.day_length // _dt.timedelta(seconds=1)) / Decimal(3600))
    return f"{_num(days)} ngày làm việc ({_num(total_hours)} giờ làm việc)"


def _num(value: Decimal) -> str:
    value = value.quantize(Decimal("0.01")).normalize()
    text = format(value, "f")
    return text.replace(".", ",")


# --- graph helpers ---------------------------------------------------------------------------------


def _known_deps(workflow: Workflow) -> dict[str, tuple[str, ...]]:
    ids = {s.id for s in workflow.steps}
    return {s.id: tuple(d for d in s.depends_on if d in ids) for s in workflow.steps}


def _phase_index(workflow: Workflow) -> dict[str, int]:
    order = {p.id: i for i, p in enumerate(workflow.phases)}
    return {s.id: order.get(s.phase, 0) for s in workflow.steps}


def _topological(workflow: Workflow) -> tuple[list[str], list[str]]:
    """Return (ordered ids, ids on or behind a cycle), phase barriers included."""
    deps = _known_deps(workflow)
    phase = _phase_index(workflow)
    # A step of phase k also waits for every step of the earlier phases.
    full: dict[str, set[str]] = {
        sid: set(deps[sid]) | {o for o in deps if phase[o] < phase[sid]} for sid in deps
    }
    ordered: list[str] = []
    done: set[str] = set()
    pending = [s.id for s in workflow.steps]
    progress = True
    while pending and progress:
        progress = False
        for sid in list(pending):
            if full[sid] <= done:
                ordered.append(sid)
                done.add(sid)
                pending.remove(sid)
                progress = True
    return ordered, pending


def _require_schedulable(workflow: Workflow) -> list[str]:
    if not isinstance(workflow, Workflow):
        raise InputTypeError(
            f"Quy trình (workflow) must be a Workflow, got {type(workflow).__name__}",
            argument="workflow",
        )
    ids = {s.id for s in workflow.steps}
    for s in workflow.steps:
        unknown = [d for d in s.depends_on if d not in ids]
        if unknown:
            raise DataFileError(
                f"Bước (step) {s.id!r} depends on unknown step(s) {', '.join(unknown)}",
                hint="run validate() to see every problem of the configuration",
                field="depends_on",
                step=s.id,
            )
    ordered, stuck = _topological(workflow)
    if stuck:
        raise DataFileError(
            f"Quy trình có vòng lặp (the workflow has a cycle) through {', '.join(stuck)}",
            hint="run validate() to see every problem of the configuration",
            field="depends_on",
            steps=tuple(stuck),
        )
    return ordered


def critical_path(
    workflow: Workflow, *, office_hours: OfficeHours | None = None
) -> tuple[tuple[str, ...], _dt.timedelta | None]:
    """Return the critical path (step ids, first to last) and its total working time.

    Each budget is converted to working time (working days × the length of the office windows),
    so ``0,5 ngày làm việc`` and ``4 giờ làm việc`` add up. Phases run one after the other. The
    total is ``None`` when a budget on the path is in calendar days (not working time).

    Raises:
        DataFileError: the workflow names an unknown step or has a cycle.
    """
    hours = office_hours or OfficeHours()
    ordered = _require_schedulable(workflow)
    phase = _phase_index(workflow)
    finish: dict[str, _dt.timedelta] = {}
    before: dict[str, str | None] = {}
    exact = True
    for sid in ordered:
        step = workflow.step(sid)
        gates = list(step.depends_on) + [o for o in ordered if phase[o] < phase[sid]]
        prev = max(gates, key=lambda g: finish[g], default=None)
        start = finish[prev] if prev is not None else _dt.timedelta(0)
        span = _as_working_time(step.budget, hours)
        if span is None:
            exact = False
            span = _dt.timedelta(0)
        finish[sid] = start + span
        before[sid] = prev
    last: str | None = max(ordered, key=lambda s: (finish[s], ordered.index(s)))
    path: list[str] = []
    while last is not None:
        path.append(last)
        last = before[last]
    path.reverse()
    return tuple(path), (finish[path[-1]] if exact else None)


# --- validation ------------------------------------------------------------------------------------


def _finding(
    code: str,
    severity: Severity,
    message: str,
    steps: Iterable[str] = (),
    *,
    legal_ref: LegalRef | None = None,
    hint: str = "",
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        steps=tuple(steps),
        legal_ref=legal_ref if legal_ref is not None else _ref(code),
        hint=hint,
    )


def _procedure_code(procedure: Any) -> str | None:
    code = getattr(procedure, "code", None)
    return code if isinstance(code, str) else None


def _procedure_limit(procedure: Any, channel: str | None) -> tuple[Duration | None, str]:
    """Legal limit from a :class:`tthc.procedures.Procedure` (its parsed processing rules).

    With ``channel``, the rules of that channel; otherwise the procedure-wide rule, else the
    counter rule (``Trực tiếp``: the one-stop process), else the common limit of all channels.
    """
    from tthc.procedures import Procedure  # noqa: PLC0415 - catalogue loaded on first use

    if not isinstance(procedure, Procedure):
        raise InputTypeError(
            f"Thủ tục (procedure) must be a tthc.procedures.Procedure, got "
            f"{type(procedure).__name__}",
            argument="procedure",
        )
    if channel is not None:
        rules = procedure.rules_for(channel)
        where = f"procedure {procedure.code}, channel {channel!r}"
    else:
        rules = tuple(r for r in procedure.processing_rules if r.channel is None)
        where = f"procedure {procedure.code}"
        if not any(r.time is not None and r.time.base is not None for r in rules):
            rules = procedure.rules_for("Trực tiếp")
            where = f"procedure {procedure.code}, channel 'Trực tiếp'"
        if not any(r.time is not None and r.time.base is not None for r in rules):
            rules = procedure.processing_rules
            where = f"procedure {procedure.code}"
    bases = {r.time.base for r in rules if r.time is not None and r.time.base is not None}
    if len(bases) == 1:
        return bases.pop(), where
    if not bases:
        return None, f"{where} has no processing time tthc can read"
    listed = "; ".join(sorted(str(b) for b in bases))
    return None, f"{where} has several processing times ({listed}); pass channel=..."


def _resolve_signer(
    code: str, unit: Any, on: _dt.date, facts: Mapping[str, str | bool] | None
) -> tuple[AuthorityKind | None, LegalRef | None, str]:
    """Competent authority kind from :mod:`tthc.authorities` (isolated: that API is young).

    Returns (kind, legal basis, reason it could not be resolved).
    """
    from tthc.authorities import resolve_authority  # noqa: PLC0415 - loads the rule table lazily

    try:
        result = resolve_authority(code, unit=unit, on=on, facts=facts)
    except NoCompetenceRule as exc:
        return None, None, exc.message
    except TthcError as exc:
        return None, None, f"{exc.code}: {exc.message}"
    if result.authority is None:
        return (
            None,
            result.legal_basis,
            "the law leaves the competent authority to a provincial decision "
            f"({result.legal_basis.cite()})",
        )
    return result.authority.kind, result.legal_basis, ""


_COMPATIBLE = {
    frozenset({AuthorityKind.COMMUNE_PC, AuthorityKind.COMMUNE_PC_CHAIR}),
    frozenset({AuthorityKind.PROVINCIAL_PC, AuthorityKind.PROVINCIAL_PC_CHAIR}),
    frozenset({AuthorityKind.DISTRICT_PC, AuthorityKind.DISTRICT_PC_CHAIR}),
}


def _signer_matches(signer: AuthorityKind, competent: AuthorityKind) -> bool:
    # The Chair signs on behalf of the committee (thay mặt Ủy ban nhân dân) and the committee's
    # result carries the Chair's signature: the two are interchangeable for the signing step.
    return signer is competent or frozenset({signer, competent}) in _COMPATIBLE


def _legal_limit(
    workflow: Workflow,
    procedure: Any,
    legal_limit: Duration | ProcessingTime | None,
    channel: str | None,
) -> tuple[Duration | None, str]:
    candidates: list[tuple[object, str]] = [(legal_limit, "legal_limit argument")]
    if legal_limit is None and procedure is not None:
        limit, where = _procedure_limit(procedure, channel)
        if limit is None:
            return None, where
        candidates.append((limit, where))
    candidates.append((workflow.legal_limit, "workflow's published processing time"))
    for value, source in candidates:
        if value is None:
            continue
        if isinstance(value, ProcessingTime):
            if value.base is None:
                return None, f"the processing time of the {source} has no single base limit"
            return value.base, source
        if isinstance(value, Duration):
            return value, source
        raise InputTypeError(
            f"Thời hạn giải quyết (legal limit) must be a Duration or ProcessingTime, got "
            f"{type(value).__name__}",
            argument="legal_limit",
        )
    return None, "no legal limit was given (legal_limit, procedure or workflow.legal_limit)"


def validate(
    workflow: Workflow,
    *,
    procedure: Any = None,
    on: _dt.date,
    legal_limit: Duration | ProcessingTime | None = None,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    unit: Any = None,
    facts: Mapping[str, str | bool] | None = None,
    channel: str | None = None,
) -> Report:
    """Check a process configuration against the law on a date.

    Args:
        workflow: The process.
        procedure: The :class:`tthc.procedures.Procedure`; its code must match, and its
            processing time (of ``channel``, or the procedure-wide / counter one) is the legal
            limit unless ``legal_limit`` is given.
        on: Date on which the process is checked (levels of government and competence rules in
            force then).
        legal_limit: The legal processing time; overrides the procedure's and the workflow's.
        calendar: Working-day calendar (default: :func:`~tthc.calendar.civil_service_calendar`);
            not needed for the checks themselves, accepted for symmetry with :func:`schedule`.
        office_hours: Office windows; one working day = their total length (default 8 hours).
        unit: Administrative unit (code or ``AdministrativeUnit``) where the process is used,
            for the competent-authority check; without it the check is reported as not done.
        facts: Case facts passed to :func:`tthc.authorities.resolve_authority`.
        channel: Channel whose processing time applies (``"Trực tiếp"``, ``"Trực tuyến"``,
            ``"Dịch vụ bưu chính"``) when ``procedure`` is given.

    Returns:
        A :class:`Report` (a tuple of :class:`Finding`), errors first.

    Raises:
        InputTypeError: an argument has the wrong type (``procedure`` not a ``Procedure``).
    """
    if not isinstance(workflow, Workflow):
        raise InputTypeError(
            f"Quy trình (workflow) must be a Workflow, got {type(workflow).__name__}",
            argument="workflow",
        )
    day = require_date(on, "on")
    if procedure is not None:
        _procedure_limit(procedure, channel)  # type check early, whatever the limit source
    if calendar is not None and not isinstance(calendar, WorkCalendar):
        raise InputTypeError("Lịch (calendar) must be a WorkCalendar", argument="calendar")
    hours = office_hours or OfficeHours()
    if not isinstance(hours, OfficeHours):
        raise InputTypeError(
            "Giờ làm việc (office hours) must be an OfficeHours", argument="office_hours"
        )
    found: list[Finding] = []
    found.extend(_check_identity(workflow, procedure, day))
    structural = _check_graph(workflow)
    found.extend(structural)
    found.extend(_check_one_stop(workflow))
    found.extend(_check_levels(workflow, day))
    found.extend(_check_zero_budgets(workflow))
    if not any(f.code in ("graph.cycle", "graph.unknown_step", "phase.order") for f in structural):
        found.extend(_check_limit(workflow, procedure, legal_limit, hours, channel))
    found.extend(_check_signer(workflow, day, unit, facts))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return Report(sorted(found, key=lambda f: order[f.severity]))


def _check_identity(workflow: Workflow, procedure: Any, day: _dt.date) -> list[Finding]:
    out: list[Finding] = []
    if procedure is not None:
        code = _procedure_code(procedure)
        if code is not None and code != workflow.procedure_code:
            out.append(
                _finding(
                    "workflow.procedure_mismatch",
                    Severity.ERROR,
                    f"Thủ tục (procedure) mismatch: the workflow is for {workflow.procedure_code} "
                    f"but was checked against procedure {code}",
                    hint="check the procedure code of the process configuration",
                )
            )
    if not workflow.validity.contains(day):
        out.append(
            _finding(
                "workflow.not_in_force",
                Severity.WARNING,
                f"Quy trình chưa/không còn hiệu lực (process not in force) on "
                f"{day.strftime('%d/%m/%Y')}: it applies {workflow.validity}",
                legal_ref=workflow.legal_basis,
            )
        )
    return out


def _check_graph(workflow: Workflow) -> list[Finding]:
    out: list[Finding] = []
    ids = {s.id for s in workflow.steps}
    for s in workflow.steps:
        unknown = [d for d in s.depends_on if d not in ids]
        if unknown:
            out.append(
                _finding(
                    "graph.unknown_step",
                    Severity.ERROR,
                    f"Bước không tồn tại (unknown step): step {s.id!r} depends on "
                    f"{', '.join(repr(u) for u in unknown)}, which the workflow does not have",
                    [s.id],
                    hint="fix the ids in depends_on",
                )
            )
    phase = _phase_index(workflow)
    for s in workflow.steps:
        later = [d for d in s.depends_on if d in ids and phase[d] > phase[s.id]]
        if later:
            out.append(
                _finding(
                    "phase.order",
                    Severity.ERROR,
                    f"Thứ tự giai đoạn (phase order): step {s.id!r} of phase {s.phase!r} depends "
                    f"on {', '.join(repr(x) for x in later)} of a later phase",
                    [s.id, *later],
                    hint="move the step to the later phase or fix depends_on",
                )
            )
    cyclic = _cycle_members(workflow)
    if cyclic:
        out.append(
            _finding(
                "graph.cycle",
                Severity.ERROR,
                "Vòng lặp (cycle): steps "
                + " → ".join(cyclic)
                + " depend on each other, so none of them can ever start",
                cyclic,
                hint="a step may only depend on steps that come before it",
            )
        )
    intakes = [s.id for s in workflow.steps if s.is_intake]
    if intakes:
        successors = _successors(workflow)
        reached = _reach(intakes, successors)
        lost = [s.id for s in workflow.steps if s.id not in reached and s.id not in cyclic]
        if lost:
            out.append(
                _finding(
                    "graph.unreachable",
                    Severity.ERROR,
                    "Bước không được chuyển tới (unreachable step): no path from the intake "
                    f"step leads to {', '.join(repr(x) for x in lost)}",
                    lost,
                    hint="make each step depend on the step that hands the dossier over",
                )
            )
        returns = [s.id for s in workflow.steps if s.is_return]
        if returns:
            predecessors: dict[str, list[str]] = {s.id: [] for s in workflow.steps}
            for source, targets in successors.items():
                for target in targets:
                    predecessors[target].append(source)
            back = _reach(returns, predecessors)
            dead = [
                s.id
                for s in workflow.steps
                if s.id not in back and s.id not in cyclic and s.id not in lost
            ]
            if dead:
                out.append(
                    _finding(
                        "graph.dead_end",
                        Severity.WARNING,
                        "Bước cụt (dead end): the result of "
                        f"{', '.join(repr(x) for x in dead)} never reaches the return step",
                        dead,
                        hint="make a later step depend on it, or remove it",
                    )
                )
    return out


def _successors(workflow: Workflow) -> dict[str, list[str]]:
    """Edges step → next steps: depends_on, plus the barrier between consecutive phases.

    The last steps of a phase (no successor in the same phase) hand over to the first steps of
    the next phase (no depends_on).
    """
    deps = _known_deps(workflow)
    phase = _phase_index(workflow)
    out: dict[str, list[str]] = {s.id: [] for s in workflow.steps}
    for sid, ds in deps.items():
        for d in ds:
            out[d].append(sid)
    for k in range(len(workflow.phases) - 1):
        sinks = [sid for sid in out if phase[sid] == k and not any(phase[t] == k for t in out[sid])]
        roots = [sid for sid in out if phase[sid] == k + 1 and not deps[sid]]
        for sink in sinks:
            out[sink].extend(roots)
    return out


def _reach(starts: Iterable[str], edges: Mapping[str, Sequence[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, ()))
    return seen


def _cycle_members(workflow: Workflow) -> list[str]:
    """Steps that lie on a dependency cycle, in workflow order."""
    deps = _known_deps(workflow)
    return [s.id for s in workflow.steps if s.id in _reach(deps[s.id], deps)]


def _check_one_stop(workflow: Workflow) -> list[Finding]:
    out: list[Finding] = []
    if workflow.one_stop:
        if not any(s.is_intake for s in workflow.steps):
            out.append(
                _finding(
                    "workflow.no_intake",
                    Severity.ERROR,
                    "Thiếu bước tiếp nhận (no intake step): a procedure received at the one-stop "
                    "needs a step where the Bộ phận Một cửa receives the dossier, issues the Giấy "
                    "tiếp nhận and hands it over",
                    hint="mark the first step is_intake",
                )
            )
        if not any(s.is_return for s in workflow.steps):
            out.append(
                _finding(
                    "workflow.no_return",
                    Severity.ERROR,
                    "Thiếu bước trả kết quả (no return step): the result must go back to the "
                    "one-stop, which returns it to the applicant",
                    hint="add a last step is_return at the Bộ phận Một cửa",
                )
            )
    if not any(s.is_signing for s in workflow.steps):
        out.append(
            _finding(
                "workflow.no_signing",
                Severity.WARNING,
                "Thiếu bước ký (no signing step): no step signs the result, so the competent "
                "authority cannot be checked",
                hint="mark the step where the result is signed is_signing",
            )
        )
    return out


def _check_levels(workflow: Workflow, day: _dt.date) -> list[Finding]:
    out: list[Finding] = []
    for step in workflow.steps:
        for level in step.levels:
            rule = _level_rule(level)
            if rule.validity.contains(day):
                continue
            names = {
                UnitLevel.DISTRICT: "cấp huyện (district level)",
                UnitLevel.PROVINCE: "cấp tỉnh (province level)",
                UnitLevel.COMMUNE: "cấp xã (commune level)",
            }
            kind = f" ({step.authority_kind.name_vi})" if step.authority_kind else ""
            out.append(
                _finding(
                    "step.abolished_level",
                    Severity.ERROR,
                    f"Cấp chính quyền không còn (abolished level): step {step.id!r} is assigned "
                    f"to the {names[level]}{kind}, which does not exist on "
                    f"{day.strftime('%d/%m/%Y')} (in force {rule.validity})",
                    [step.id],
                    legal_ref=rule.legal_basis,
                    hint="assign the step to the commune or province body that took over the "
                    "task (tthc.authorities.resolve_authority)",
                )
            )
    return out


def _check_zero_budgets(workflow: Workflow) -> list[Finding]:
    out: list[Finding] = []
    has_successor = {d for s in workflow.steps for d in s.depends_on}
    for step in workflow.steps:
        if step.budget.unit is not DurationUnit.IMMEDIATE:
            continue
        if step.is_intake and step.id in has_successor:
            out.append(
                _finding(
                    "step.zero_handoff",
                    Severity.WARNING,
                    f"Thời gian chuyển hồ sơ bằng 0 (zero hand-off time): intake step {step.id!r} "
                    "has no time, but a paper dossier received after 15:00 is handed to the "
                    "competent authority only at the start of the next working day",
                    [step.id],
                    hint="give the intake step a budget (e.g. '4 giờ làm việc' or "
                    "'0,5 ngày làm việc')",
                )
            )
        elif not step.is_intake and not step.is_return:
            out.append(
                _finding(
                    "step.zero_budget",
                    Severity.WARNING,
                    f"Thời gian thực hiện bằng 0 (zero budget): step {step.id!r} ({step.name}) "
                    "does work but has no time; the process must give every step its time",
                    [step.id],
                    hint="give the step a budget in working hours or days",
                )
            )
    return out


def _check_limit(
    workflow: Workflow,
    procedure: Any,
    legal_limit: Duration | ProcessingTime | None,
    hours: OfficeHours,
    channel: str | None,
) -> list[Finding]:
    limit, source = _legal_limit(workflow, procedure, legal_limit, channel)
    if limit is None:
        return [
            _finding(
                "workflow.limit_not_checked",
                Severity.INFO,
                f"Không kiểm tra tổng thời gian (total not checked): {source}",
                hint="pass legal_limit=Duration.working_days(...) or set the workflow's "
                "legal_limit",
            )
        ]
    limit_span = _as_working_time(limit, hours)
    path, total = critical_path(workflow, office_hours=hours)
    if limit_span is None or total is None:
        what = f"the legal limit ({limit})" if limit_span is None else "a step budget on the path"
        return [
            _finding(
                "workflow.limit_not_checked",
                Severity.INFO,
                f"Không kiểm tra tổng thời gian (total not checked): {what} is not counted in "
                "working time, so the sum cannot be compared in working hours",
                path,
            )
        ]
    if total <= limit_span:
        return []
    budgets = ", ".join(f"{s} {_format_budget(workflow.step(s).budget)}" for s in path)
    return [
        _finding(
            "workflow.over_limit",
            Severity.ERROR,
            "Tổng thời gian vượt thời hạn giải quyết (critical path over the legal limit): "
            f"{_fmt_span(total, hours)} on the critical path ({budgets}) > {limit} = "
            f"{_fmt_span(limit_span, hours)} ({source})",
            path,
            hint="shorten the budgets on the critical path or run independent steps in "
            "parallel branches",
        )
    ]


def _check_signer(
    workflow: Workflow, day: _dt.date, unit: Any, facts: Mapping[str, str | bool] | None
) -> list[Finding]:
    signers = [s for s in workflow.steps if s.is_signing]
    if not signers:
        return []
    if unit is None:
        return [
            _finding(
                "signer.not_checked",
                Severity.INFO,
                "Không kiểm tra thẩm quyền ký (signer not checked): pass unit=... (the commune "
                "or province where the process is used) to compare the signer with the "
                "competent authority",
                [s.id for s in signers],
            )
        ]
    competent, basis, reason = _resolve_signer(workflow.procedure_code, unit, day, facts)
    if competent is None:
        return [
            _finding(
                "signer.not_checked",
                Severity.INFO,
                f"Không kiểm tra thẩm quyền ký (signer not checked): {reason}",
                [s.id for s in signers],
                legal_ref=basis,
            )
        ]
    out: list[Finding] = []
    for step in signers:
        if step.authority_kind is None:
            out.append(
                _finding(
                    "signer.not_checked",
                    Severity.INFO,
                    f"Không kiểm tra thẩm quyền ký (signer not checked): signing step {step.id!r} "
                    "names no authority_kind",
                    [step.id],
                    legal_ref=basis,
                )
            )
        elif not _signer_matches(step.authority_kind, competent):
            out.append(
                Finding(
                    code="signer.not_competent",
                    severity=Severity.ERROR,
                    message=f"Người ký không có thẩm quyền (signer not competent): step "
                    f"{step.id!r} signs as {step.authority_kind.name_vi}, but on "
                    f"{day.strftime('%d/%m/%Y')} the competent authority for "
                    f"{workflow.procedure_code} is {competent.name_vi}",
                    steps=(step.id,),
                    legal_ref=basis,
                    hint=f"sign in the name of {competent.name_vi} ({competent.value})",
                )
            )
    return out


# --- schedule --------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class StepDue:
    """Planned start and due instant of one step for one dossier.

    Attributes:
        step_id: The step.
        name: Its name.
        start: When the step can start (all it depends on is due), Vietnam time.
        due: When it is due, Vietnam time.
        budget: Its budget.
        working_time: Working time between ``start`` and ``due``.
        phase: Its phase id.
        branch: Its branch label.
    """

    step_id: str
    name: str
    start: _dt.datetime
    due: _dt.datetime
    budget: Duration
    working_time: _dt.timedelta
    phase: str = ""
    branch: str = ""


def _defaults(
    calendar: WorkCalendar | None, office_hours: OfficeHours | None
) -> tuple[WorkCalendar, OfficeHours]:
    cal = calendar if calendar is not None else civil_service_calendar()
    if not isinstance(cal, WorkCalendar):
        raise InputTypeError("Lịch (calendar) must be a WorkCalendar", argument="calendar")
    hours = office_hours if office_hours is not None else OfficeHours()
    if not isinstance(hours, OfficeHours):
        raise InputTypeError(
            "Giờ làm việc (office hours) must be an OfficeHours", argument="office_hours"
        )
    return cal, hours


def _phase_starts(
    workflow: Workflow, phase_starts: Mapping[str, _dt.datetime] | None
) -> dict[str, _dt.datetime]:
    if phase_starts is None:
        return {}
    if not isinstance(phase_starts, Mapping):
        raise InputTypeError(
            "Thời điểm bắt đầu giai đoạn (phase_starts) must be a mapping of phase id to datetime",
            argument="phase_starts",
        )
    known = {p.id for p in workflow.phases}
    out: dict[str, _dt.datetime] = {}
    for key, value in phase_starts.items():
        if key not in known:
            raise DataFileError(
                f"Giai đoạn (phase) {key!r} is not in the workflow", field="phase_starts"
            )
        out[key] = to_vietnam_time(value, f"phase_starts[{key!r}]")
    return out


def schedule(
    workflow: Workflow,
    accepted_at: _dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    phase_starts: Mapping[str, _dt.datetime] | None = None,
) -> tuple[StepDue, ...]:
    """Return the due instant of every step for a dossier accepted at ``accepted_at``.

    A step starts when every step it depends on is due (steps of different branches run
    concurrently; a join waits for all of them) and, in a later phase, when all earlier phases
    are done. Budgets in working time are added inside the office windows on working days
    (lunch, weekends, holidays skipped; a start outside the windows begins at the next window);
    a same-day budget is due at the close of the day it starts (the next working day after its
    cut-off); calendar days are counted as days, the end rolled to a working day.

    Args:
        workflow: The process.
        accepted_at: When the dossier was accepted (aware datetime).
        calendar: Working-day calendar (default: the civil-service calendar).
        office_hours: Office windows (default 07:30–11:30, 13:00–17:00).
        phase_starts: For phases that wait for the applicant (e.g. payment of financial
            obligations), when the phase could start; a phase never starts before the earlier
            phases are done.

    Returns:
        One :class:`StepDue` per step, in execution order.

    Raises:
        DataFileError: the workflow names an unknown step or has a cycle.
        NaiveDatetimeError: ``accepted_at`` has no time zone.
        CalendarRangeError: a date falls outside the calendar.
    """
    ordered = _require_schedulable(workflow)
    start0 = to_vietnam_time(accepted_at, "accepted_at")
    cal, hours = _defaults(calendar, office_hours)
    resume = _phase_starts(workflow, phase_starts)
    phase = _phase_index(workflow)
    due: dict[str, _dt.datetime] = {}
    out: list[StepDue] = []
    phase_open: dict[int, _dt.datetime] = {}
    for sid in ordered:
        step = workflow.step(sid)
        p = phase[sid]
        if p not in phase_open:
            earlier = [due[o] for o in due if phase[o] < p]
            opened = max(earlier, default=start0)
            if workflow.phases and workflow.phases[p].id in resume:
                opened = max(opened, resume[workflow.phases[p].id])
            phase_open[p] = opened
        start = max([phase_open[p], *(due[d] for d in step.depends_on)])
        end = _step_due(step, start, cal, hours)
        due[sid] = end
        out.append(
            StepDue(
                step_id=sid,
                name=step.name,
                start=start,
                due=end,
                budget=step.budget,
                working_time=working_time_between(start, end, calendar=cal, office_hours=hours),
                phase=step.phase,
                branch=step.branch,
            )
        )
    return tuple(out)


# --- blame -----------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class StepUsage:
    """How long one step actually took.

    Attributes:
        step_id: The step.
        started_at: When it could start (the completion of what it depends on).
        completed_at: When it was completed.
        due_at: Its due instant counted from ``started_at`` with its budget.
        used: Working time between start and completion.
        overrun: Working time past ``due_at`` (zero when on time).
    """

    step_id: str
    started_at: _dt.datetime
    completed_at: _dt.datetime
    due_at: _dt.datetime
    used: _dt.timedelta
    overrun: _dt.timedelta


@attrs.frozen(slots=True)
class Blame:
    """Which step consumed the time of a dossier (:func:`blame`).

    Attributes:
        step_id: The step to blame: the step with the largest overrun on the chain of steps that
            determined the finish; ``None`` when no step on that chain overran.
        late: The dossier finished after the planned end of the process.
        planned_end: The due instant of the last step in the plan.
        finished_at: The completion of the last completed step.
        delay: Working time between ``planned_end`` and ``finished_at`` (zero when not late).
        chain: The steps that determined the finish, first to last.
        usage: What every completed step used.
    """

    step_id: str | None
    late: bool
    planned_end: _dt.datetime
    finished_at: _dt.datetime
    delay: _dt.timedelta
    chain: tuple[str, ...]
    usage: tuple[StepUsage, ...]

    def explain(self) -> str:
        """One-paragraph English/Vietnamese explanation."""
        status = "trễ hạn (late)" if self.late else "đúng hạn (on time)"
        head = (
            f"Hồ sơ {status}: finished {self.finished_at:%d/%m/%Y %H:%M}, planned "
            f"{self.planned_end:%d/%m/%Y %H:%M}."
        )
        if self.step_id is None:
            return head + " No step on the critical chain overran its budget."
        use = next(u for u in self.usage if u.step_id == self.step_id)
        return (
            head + f" Step {self.step_id!r} overran its budget by {use.overrun} of working time "
            f"(due {use.due_at:%d/%m/%Y %H:%M}, done {use.completed_at:%d/%m/%Y %H:%M})."
        )


def blame(
    workflow: Workflow,
    schedule_or_accepted_at: Sequence[StepDue] | _dt.datetime,
    step_completions: Mapping[str, _dt.datetime],
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    phase_starts: Mapping[str, _dt.datetime] | None = None,
) -> Blame:
    """Find the step that consumed the time of a (late) dossier.

    Each completed step is measured from when it could actually start (the latest completion of
    the steps it depends on, or the acceptance / phase start) to its completion, in working time.
    The chain of steps that determined the finish is followed back from the last completion; the
    step on it with the largest overrun is blamed.

    Args:
        workflow: The process.
        schedule_or_accepted_at: The plan from :func:`schedule`, or the acceptance time (the plan
            is then computed).
        step_completions: Step id → completion instant (aware), from the dossier's event log.
        calendar: Working-day calendar (default: the civil-service calendar).
        office_hours: Office windows.
        phase_starts: Actual start of phases that waited for the applicant (see
            :func:`schedule`), so that the wait is not blamed on a step.

    Raises:
        DataFileError: a completion names an unknown step, no step has a completion, or the
            workflow is not schedulable.
        NaiveDatetimeError: a completion has no time zone.
    """
    cal, hours = _defaults(calendar, office_hours)
    if isinstance(schedule_or_accepted_at, _dt.datetime):
        plan = schedule(
            workflow,
            schedule_or_accepted_at,
            calendar=cal,
            office_hours=hours,
            phase_starts=phase_starts,
        )
        accepted = to_vietnam_time(schedule_or_accepted_at, "accepted_at")
    else:
        plan = tuple(schedule_or_accepted_at)
        if not plan or not all(isinstance(p, StepDue) for p in plan):
            raise InputTypeError(
                "Kế hoạch (schedule) must be the non-empty result of schedule() or an accepted_at "
                "datetime",
                argument="schedule_or_accepted_at",
            )
        accepted = min(p.start for p in plan)
    ordered = _require_schedulable(workflow)
    if not isinstance(step_completions, Mapping):
        raise InputTypeError(
            "Thời điểm hoàn thành (step_completions) must be a mapping of step id to datetime",
            argument="step_completions",
        )
    done: dict[str, _dt.datetime] = {}
    ids = {s.id for s in workflow.steps}
    for key, value in step_completions.items():
        if key not in ids:
            raise DataFileError(
                f"Bước (step) {key!r} of the completions is not in workflow {workflow.key}",
                field="step_completions",
                value=str(key),
            )
        done[key] = to_vietnam_time(value, f"step_completions[{key!r}]")
    if not done:
        raise DataFileError(
            "Thời điểm hoàn thành (step completions): none given, nothing to measure",
            field="step_completions",
        )
    resume = _phase_starts(workflow, phase_starts)
    phase = _phase_index(workflow)
    usage: dict[str, StepUsage] = {}
    gate: dict[str, str | None] = {}
    for sid in ordered:
        if sid not in done:
            continue
        step = workflow.step(sid)
        p = phase[sid]
        gates = [d for d in step.depends_on if d in done]
        if len(gates) != len(step.depends_on):
            continue  # a step it depends on has no completion: cannot measure
        barrier = [o for o in done if phase[o] < p]
        candidates = gates + ([] if gates else barrier)
        latest = max(candidates, key=lambda g: done[g], default=None)
        started = done[latest] if latest is not None else accepted
        if not gates and workflow.phases and p > 0:
            started = max([started, *(done[o] for o in barrier)])
            if workflow.phases[p].id in resume:
                started = max(started, resume[workflow.phases[p].id])
                latest = None
        due_at = _step_due(step, started, cal, hours)
        over = (
            working_time_between(due_at, done[sid], calendar=cal, office_hours=hours)
            if done[sid] > due_at
            else _dt.timedelta(0)
        )
        usage[sid] = StepUsage(
            step_id=sid,
            started_at=started,
            completed_at=done[sid],
            due_at=due_at,
            used=working_time_between(started, done[sid], calendar=cal, office_hours=hours),
            overrun=over,
        )
        gate[sid] = latest
    if not usage:
        raise DataFileError(
            "Thời điểm hoàn thành (step completions): no step can be measured — the first "
            "steps have no completion",
            field="step_completions",
        )
    last = max(usage, key=lambda s: usage[s].completed_at)
    chain: list[str] = []
    cursor: str | None = last
    while cursor is not None and cursor in usage:
        chain.append(cursor)
        cursor = gate.get(cursor)
    chain.reverse()
    overran = [s for s in chain if usage[s].overrun > _dt.timedelta(0)]
    culprit = max(overran, key=lambda s: usage[s].overrun, default=None)
    planned_end = max(p.due for p in plan)
    finished = usage[last].completed_at
    late = finished > planned_end
    return Blame(
        step_id=culprit,
        late=late,
        planned_end=planned_end,
        finished_at=finished,
        delay=working_time_between(planned_end, finished, calendar=cal, office_hours=hours)
        if late
        else _dt.timedelta(0),
        chain=tuple(chain),
        usage=tuple(usage[s] for s in ordered if s in usage),
    )


# --- Mermaid ---------------------------------------------------------------------------------------


def _label(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", " ")


def mermaid(workflow: Workflow) -> str:
    """Return a Mermaid ``flowchart`` of the workflow.

    Phases become subgraphs; intake and return steps are drawn as stadiums, the signing step as a
    hexagon; edges into a parallel branch carry the branch label.
    """
    if not isinstance(workflow, Workflow):
        raise InputTypeError("Quy trình (workflow) must be a Workflow", argument="workflow")
    node = {s.id: f"s{i}" for i, s in enumerate(workflow.steps)}
    lines = ["flowchart TD"]

    def shape(step: Step) -> str:
        text = _label(f"{step.name}<br/>{step.role}<br/><i>{step.budget}</i>")
        if step.is_signing:
            return f'{node[step.id]}{{{{"{text}"}}}}'
        if step.is_intake or step.is_return:
            return f'{node[step.id]}(["{text}"])'
        return f'{node[step.id]}["{text}"]'

    if workflow.phases:
        for i, ph in enumerate(workflow.phases):
            lines.append(f'  subgraph p{i}["{_label(ph.name)}"]')
            lines.extend(f"    {shape(s)}" for s in workflow.steps if s.phase == ph.id)
            lines.append("  end")
        for a, b in zip(workflow.phases, workflow.phases[1:], strict=False):
            label = f"|{_label(b.starts_after)}|" if b.starts_after else ""
            lines.append(f"  p{workflow.phases.index(a)} -.->{label} p{workflow.phases.index(b)}")
    else:
        lines.extend(f"  {shape(s)}" for s in workflow.steps)
    for s in workflow.steps:
        for d in s.depends_on:
            if d in node:
                label = f"|{_label(s.branch)}|" if s.branch else ""
                lines.append(f"  {node[d]} -->{label} {node[s.id]}")
    return "\n".join(lines) + "\n"


# --- JSON ------------------------------------------------------------------------------------------


def to_json(workflow: Workflow, *, indent: int | None = 2) -> str:
    """Return the workflow as a JSON document (through :func:`tthc.serde.to_json`)."""
    from tthc import serde  # noqa: PLC0415 - the converter is built on first use

    if not isinstance(workflow, Workflow):
        raise InputTypeError("Quy trình (workflow) must be a Workflow", argument="workflow")
    return serde.to_json(workflow, indent=indent)


def from_json(text: str | bytes) -> Workflow:
    """Read a workflow written by :func:`to_json` (strict: unknown fields refused).

    The bundled files' wrapper ``{"schema_version": 1, "data_version": ..., "workflow": {...}}``
    is accepted too.

    Raises:
        SerializationError: not JSON or not a valid workflow (``context['path']`` says where).
    """
    from tthc import serde  # noqa: PLC0415

    if isinstance(text, str | bytes):
        data = serde._parse_json(text, Workflow)
        if isinstance(data, dict) and "workflow" in data:
            version = data.get("schema_version")
            if version != serde.SCHEMA_VERSION:
                raise SerializationError(
                    f"Phiên bản lược đồ (schema version) {version!r} is not supported",
                    path="$.schema_version",
                )
            return serde.from_dict(data["workflow"], Workflow)
    return serde.from_json(text, Workflow)


# --- CSV -------------------------------------------------------------------------------------------

#: Columns of the CSV layout, in order. One row per step; the workflow and phase columns may be
#: left blank after the first row of a workflow (a repeated value must be identical). Required:
#: ``procedure_code``, ``workflow_version``, ``step_id``, ``step_name``, ``role``, ``budget``.
CSV_COLUMNS: tuple[str, ...] = (
    "procedure_code",
    "workflow_version",
    "procedure_name",
    "valid_from",
    "valid_to",
    "legal_limit",
    "one_stop",
    "decision_document",
    "decision_kind",
    "decision_issuer",
    "decision_date",
    "decision_article",
    "decision_url",
    "decision_title",
    "decision_confidence",
    "phase",
    "phase_name",
    "phase_starts_after",
    "phase_clock_stops",
    "step_id",
    "step_name",
    "role",
    "unit_level",
    "authority_kind",
    "budget",
    "depends_on",
    "branch",
    "is_intake",
    "is_signing",
    "is_return",
    "note",
)
_REQUIRED = ("procedure_code", "workflow_version", "step_id", "step_name", "role", "budget")
_WORKFLOW_COLUMNS = (
    "procedure_name",
    "valid_from",
    "valid_to",
    "legal_limit",
    "one_stop",
    "decision_document",
    "decision_kind",
    "decision_issuer",
    "decision_date",
    "decision_article",
    "decision_url",
    "decision_title",
    "decision_confidence",
)
_PHASE_COLUMNS = ("phase_name", "phase_starts_after", "phase_clock_stops")
_TRUE = frozenset({"x", "1", "true", "yes", "có", "co", "c", "y"})
_FALSE = frozenset({"", "0", "false", "no", "không", "khong", "k", "n"})
_LEVEL_WORDS = {
    "province": UnitLevel.PROVINCE,
    "cấp tỉnh": UnitLevel.PROVINCE,
    "district": UnitLevel.DISTRICT,
    "cấp huyện": UnitLevel.DISTRICT,
    "commune": UnitLevel.COMMUNE,
    "cấp xã": UnitLevel.COMMUNE,
    **{kind.value: kind.level for kind in UnitKind},
}
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_BUDGET_UNITS = (
    ("ngày làm việc", DurationUnit.WORKING_DAY),
    ("giờ làm việc", DurationUnit.WORKING_HOUR),
    ("phút làm việc", DurationUnit.WORKING_MINUTE),
    ("ngày", DurationUnit.CALENDAR_DAY),
    ("working_day", DurationUnit.WORKING_DAY),
    ("working_hour", DurationUnit.WORKING_HOUR),
    ("working_minute", DurationUnit.WORKING_MINUTE),
    ("calendar_day", DurationUnit.CALENDAR_DAY),
)
_SAME_DAY_RE = re.compile(
    r"^trong ngày(?:\s*\((?:nhận\s+)?sau\s+(\d{1,2})(?:[:h giờ]+(\d{2}))?.*\))?$"
)


def _parse_budget(text: str) -> Duration:
    """Read a step budget or a legal limit as written in the CSV.

    Private on purpose: step budgets use a small strict grammar (``"4 giờ làm việc"``,
    ``"0,5 ngày làm việc"``, ``"15 ngày"``, ``"trong ngày"``, ``"0"``). A bare ``"giờ"`` is
    refused: an internal budget counts working hours and the sheet must say so.
    """
    value = " ".join(text.strip().lower().split())
    if not value:
        raise DurationError("Thời gian (time) is empty", hint="write e.g. '4 giờ làm việc'")
    if value in ("ngay", "immediate"):
        return Duration.immediate()
    same = _SAME_DAY_RE.match(value)
    if same:
        if same.group(1) is None:
            return Duration.same_day()
        hour, minute = int(same.group(1)), int(same.group(2) or 0)
        if hour > 23 or minute > 59:
            raise DurationError(
                f"Giờ chốt (cut-off time) {hour}:{minute:02d} is not a time of day",
                hint="write e.g. 'trong ngày (sau 15 giờ)'",
            )
        return Duration.same_day(_dt.time(hour, minute))
    match = re.match(rf"^{_NUMBER}\s*(.*)$", value)
    if match:
        try:
            amount = Decimal(match.group(1).replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the regex admits only numbers
            amount = Decimal(-1)
        unit_text = match.group(2).strip()
        if amount == 0 and unit_text in ("", *(u for u, _ in _BUDGET_UNITS), "giờ", "phút"):
            return Duration.immediate()
        for word, unit in _BUDGET_UNITS:
            if unit_text == word:
                return Duration(amount, unit)
        if unit_text in ("giờ", "phút", "h", "hours"):
            raise DurationError(
                f"Thời gian (time) {text!r}: '{unit_text}' alone is ambiguous (clock or working "
                "time?)",
                hint=f"write '{match.group(1)} giờ làm việc' for working hours",
                value=text,
            )
    raise DurationError(
        f"Thời gian (time) {text!r} cannot be read",
        hint="write e.g. '4 giờ làm việc', '0,5 ngày làm việc', '15 ngày', 'trong ngày' or '0'",
        value=text,
    )


def _parse_limit(text: str) -> Duration | None:
    """Read the legal_limit column: a budget wording, or a published processing-time text."""
    if not text.strip():
        return None
    try:
        return _parse_budget(text)
    except DurationError:
        return parse_processing_time(text).require_base()


def _format_budget(duration: Duration) -> str:
    if duration.unit is DurationUnit.IMMEDIATE:
        return "0"
    if duration.unit is DurationUnit.SAME_DAY:
        if duration.cutoff is None:
            return "trong ngày"
        return f"trong ngày (sau {duration.cutoff.strftime('%H:%M')})"
    return str(duration)


def _parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise DataFileError(
        f"Giá trị có/không (yes/no value) {text!r} cannot be read",
        hint="write x, 1, true, có for yes; leave empty or write 0, false, không for no",
    )


def _parse_date(text: str) -> _dt.date | None:
    value = text.strip()
    if not value:
        return None
    try:
        if "/" in value:
            d, m, y = (int(p) for p in value.split("/"))
            return _dt.date(y, m, d)
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise DataFileError(
            f"Ngày (date) {text!r} cannot be read", hint="write YYYY-MM-DD or DD/MM/YYYY"
        ) from None


def _parse_level(text: str) -> UnitLevel | None:
    value = " ".join(text.strip().lower().split())
    if not value:
        return None
    if value in _LEVEL_WORDS:
        return _LEVEL_WORDS[value]
    raise DataFileError(
        f"Cấp (unit level) {text!r} cannot be read",
        hint="write province, district, commune (or tỉnh, huyện, xã, phường, ...)",
    )


def _parse_kind(text: str) -> AuthorityKind | None:
    value = text.strip()
    if not value:
        return None
    for kind in AuthorityKind:
        if value in (kind.value, kind.name):
            return kind
    raise DataFileError(
        f"Loại cơ quan (authority kind) {text!r} is not one of "
        + ", ".join(k.value for k in AuthorityKind),
        hint="e.g. commune_pc, commune_pc_chair, land_registration_office",
    )


@attrs.define
class _Group:
    first_row: int
    values: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    phases: list[str] = attrs.field(factory=list)
    phase_values: dict[tuple[str, str], tuple[str, int]] = attrs.field(factory=dict)
    steps: list[tuple[int, Step]] = attrs.field(factory=list)


def _field_error(exc: TthcError, file: str, row: int, field: str) -> DataFileError:
    return DataFileError(
        f"{exc.message} ({file}, row {row}, column {field})",
        hint=exc.hint,
        file=file,
        row=row,
        field=field,
    )


def from_csv(text: str, *, file: str = "<csv>") -> tuple[Workflow, ...]:
    """Read workflows from CSV text in the :data:`CSV_COLUMNS` layout.

    Rows are grouped by (``procedure_code``, ``workflow_version``) in order of appearance. The
    header is row 1. A ``;`` delimiter (spreadsheets in some locales) is accepted when the header
    has no comma; ``depends_on`` separates ids with ``;`` (or ``,`` in a ``;`` file).

    Raises:
        DataFileError: with ``context`` ``file``, ``row`` and ``field`` of the first bad value.
    """
    if not isinstance(text, str):
        raise InputTypeError("Nội dung CSV (CSV text) must be a str", argument="text")
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in header_line and "," not in header_line else ","
    # newline="" lets the csv module see the line ends itself, so a carriage return inside a field
    # is data, not a broken row.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as err:
        raise DataFileError(
            f"Tệp CSV không đọc được (unreadable CSV) {file}: {err}",
            file=file,
            row=reader.line_num,
            field="*",
        ) from None
    if not rows:
        raise DataFileError(
            f"Tệp CSV rỗng (empty CSV file): {file}", file=file, row=1, field="header"
        )
    header = [h.strip() for h in rows[0]]
    for col in header:
        if col not in CSV_COLUMNS:
            raise DataFileError(
                f"Cột không hợp lệ (unknown column) {col!r} in {file}",
                hint="columns: " + ", ".join(CSV_COLUMNS),
                file=file,
                row=1,
                field=col,
            )
    _no_duplicate_columns(header, file)
    for col in _REQUIRED:
        if col not in header:
            raise DataFileError(
                f"Thiếu cột (missing column) {col!r} in {file}",
                file=file,
                row=1,
                field=col,
            )
    groups: dict[tuple[str, str], _Group] = {}
    dep_sep = "," if delimiter == ";" else ";"
    for number, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) != len(header):
            raise DataFileError(
                f"Số cột sai (wrong number of cells): {len(raw)} cells, header has "
                f"{len(header)} ({file}, row {number})",
                file=file,
                row=number,
                field="",
            )
        row = {h: cell.strip() for h, cell in zip(header, raw, strict=True)}
        for col in _REQUIRED:
            if not row[col]:
                raise DataFileError(
                    f"Ô trống (empty cell) {col!r} ({file}, row {number})",
                    file=file,
                    row=number,
                    field=col,
                )
        key = (row["procedure_code"], row["workflow_version"])
        group = groups.setdefault(key, _Group(first_row=number))
        _merge(group.values, row, _WORKFLOW_COLUMNS, number, file)
        phase = row.get("phase", "")
        if phase and phase not in group.phases:
            group.phases.append(phase)
        if phase:
            for col in _PHASE_COLUMNS:
                if row.get(col):
                    slot = (phase, col)
                    seen = group.phase_values.get(slot)
                    if seen is not None and seen[0] != row[col]:
                        raise _conflict(file, number, col, seen)
                    group.phase_values.setdefault(slot, (row[col], number))
        elif any(row.get(c) for c in _PHASE_COLUMNS):
            col = next(c for c in _PHASE_COLUMNS if row.get(c))
            raise DataFileError(
                f"Giai đoạn (phase) {col!r} is filled but 'phase' is empty ({file}, row {number})",
                file=file,
                row=number,
                field=col,
            )
        if any(row["step_id"] == s.id for _, s in group.steps):
            raise DataFileError(
                f"Mã bước trùng (duplicate step id) {row['step_id']!r} ({file}, row {number})",
                file=file,
                row=number,
                field="step_id",
            )
        group.steps.append((number, _step_from_row(row, number, file, dep_sep)))
    return tuple(_workflow_from_group(key, group, file) for key, group in groups.items())


def _no_duplicate_columns(header: list[str], file: str) -> None:
    seen: set[str] = set()
    for col in header:
        if col in seen:
            raise DataFileError(
                f"Cột trùng (duplicate column) {col!r} in {file}", file=file, row=1, field=col
            )
        seen.add(col)


def _conflict(file: str, row: int, col: str, seen: tuple[str, int]) -> DataFileError:
    return DataFileError(
        f"Giá trị mâu thuẫn (conflicting value) in column {col!r}: {file}, row {row} differs "
        f"from row {seen[1]} ({seen[0]!r})",
        hint="leave the cell empty or repeat the same value",
        file=file,
        row=row,
        field=col,
    )


def _merge(
    values: dict[str, tuple[str, int]],
    row: Mapping[str, str],
    columns: Iterable[str],
    number: int,
    file: str,
) -> None:
    for col in columns:
        cell = row.get(col, "")
        if not cell:
            continue
        seen = values.get(col)
        if seen is not None and seen[0] != cell:
            raise _conflict(file, number, col, seen)
        values.setdefault(col, (cell, number))


def _step_from_row(row: Mapping[str, str], number: int, file: str, dep_sep: str) -> Step:
    def cell(col: str) -> str:
        return row.get(col, "")

    parsed: dict[str, Any] = {}
    parsers: list[tuple[str, str, Any]] = [
        ("budget", "budget", _parse_budget),
        ("unit_level", "unit_level", _parse_level),
        ("authority_kind", "authority_kind", _parse_kind),
        ("is_intake", "is_intake", _parse_bool),
        ("is_signing", "is_signing", _parse_bool),
        ("is_return", "is_return", _parse_bool),
    ]
    for name, col, parse in parsers:
        try:
            parsed[name] = parse(cell(col))
        except TthcError as exc:
            raise _field_error(exc, file, number, col) from exc
    deps = tuple(d.strip() for d in cell("depends_on").split(dep_sep) if d.strip())
    try:
        return Step(
            id=cell("step_id"),
            name=cell("step_name"),
            role=cell("role"),
            depends_on=deps,
            branch=cell("branch"),
            phase=cell("phase"),
            note=cell("note"),
            **parsed,
        )
    except TthcError as exc:
        field = str(exc.context.get("field", "step_id"))
        raise _field_error(exc, file, number, field) from exc


def _workflow_from_group(key: tuple[str, str], group: _Group, file: str) -> Workflow:
    def value(col: str) -> tuple[str, int]:
        return group.values.get(col, ("", group.first_row))

    def parse(col: str, fn: Any) -> Any:
        text, row = value(col)
        try:
            return fn(text)
        except TthcError as exc:
            raise _field_error(exc, file, row, col) from exc

    legal_basis: LegalRef | None = None
    if value("decision_document")[0]:
        decision_date = parse("decision_date", _parse_date)
        try:
            legal_basis = LegalRef(
                document=value("decision_document")[0],
                kind=value("decision_kind")[0],
                issuer=value("decision_issuer")[0],
                date=decision_date,
                article=value("decision_article")[0],
                url=value("decision_url")[0],
                title=value("decision_title")[0],
                confidence=value("decision_confidence")[0] or "official",
            )
        except TthcError as exc:
            raise _field_error(
                exc, file, value("decision_confidence")[1], "decision_confidence"
            ) from exc
    else:
        for col in _WORKFLOW_COLUMNS:
            if col.startswith("decision_") and value(col)[0]:
                raise DataFileError(
                    f"Quyết định (decision) {col!r} is filled but 'decision_document' is empty "
                    f"({file}, row {value(col)[1]})",
                    file=file,
                    row=value(col)[1],
                    field=col,
                )
    start = parse("valid_from", _parse_date)
    end = parse("valid_to", _parse_date)
    try:
        validity = Validity(start, end)
    except TthcError as exc:
        raise _field_error(exc, file, value("valid_to")[1], "valid_to") from exc
    limit = parse("legal_limit", _parse_limit)
    one_stop = parse("one_stop", lambda t: True if not t else _parse_bool(t))
    phases: list[Phase] = []
    for ph in group.phases:
        vals = {
            col: group.phase_values.get((ph, col), ("", group.first_row)) for col in _PHASE_COLUMNS
        }
        try:
            stops = _parse_bool(vals["phase_clock_stops"][0])
        except TthcError as exc:
            raise _field_error(
                exc, file, vals["phase_clock_stops"][1], "phase_clock_stops"
            ) from exc
        try:
            phases.append(
                Phase(
                    id=ph,
                    name=vals["phase_name"][0] or ph,
                    starts_after=vals["phase_starts_after"][0],
                    clock_stops_before=stops,
                )
            )
        except TthcError as exc:
            row = next(n for n, s in group.steps if s.phase == ph)
            raise _field_error(exc, file, row, "phase") from exc
    if phases:
        for number, step in group.steps:
            if not step.phase:
                raise DataFileError(
                    f"Giai đoạn (phase) is empty for step {step.id!r} but the workflow has phases "
                    f"({file}, row {number})",
                    file=file,
                    row=number,
                    field="phase",
                )
    return Workflow(
        procedure_code=key[0],
        version=key[1],
        name=value("procedure_name")[0],
        steps=tuple(s for _, s in group.steps),
        validity=validity,
        legal_basis=legal_basis,
        legal_limit=limit,
        phases=tuple(phases),
        one_stop=one_stop,
    )


def read_csv(path: str | PathLike[str]) -> tuple[Workflow, ...]:
    """Read a CSV file in the :data:`CSV_COLUMNS` layout (UTF-8, with or without BOM).

    Raises:
        DataFileError: the file cannot be read, or a value is wrong (``file``, ``row``,
            ``field`` in ``context``).
    """
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"Không đọc được tệp (cannot read file) {file}: {exc}", file=file
        ) from exc
    return from_csv(text, file=file)


def to_csv(workflows: Workflow | Iterable[Workflow]) -> str:
    """Return workflows as CSV text in the :data:`CSV_COLUMNS` layout (every column, every row).

    ``from_csv(to_csv(w)) == (w,)`` for a workflow whose phases carry no ``legal_ref`` (the CSV
    has no column for it).
    """
    items = (workflows,) if isinstance(workflows, Workflow) else tuple(workflows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for wf in items:
        if not isinstance(wf, Workflow):
            raise InputTypeError("Quy trình (workflow) must be a Workflow", argument="workflows")
        ref = wf.legal_basis
        phases = {p.id: p for p in wf.phases}
        for step in wf.steps:
            ph = phases.get(step.phase)
            values = {
                "procedure_code": wf.procedure_code,
                "workflow_version": wf.version,
                "procedure_name": wf.name,
                "valid_from": wf.validity.start.isoformat() if wf.validity.start else "",
                "valid_to": wf.validity.end.isoformat() if wf.validity.end else "",
                "legal_limit": _format_budget(wf.legal_limit) if wf.legal_limit else "",
                "one_stop": "x" if wf.one_stop else "0",
                "decision_document": ref.document if ref else "",
                "decision_kind": ref.kind if ref else "",
                "decision_issuer": ref.issuer if ref else "",
                "decision_date": ref.date.isoformat() if ref and ref.date else "",
                "decision_article": ref.article if ref else "",
                "decision_url": ref.url if ref else "",
                "decision_title": ref.title if ref else "",
                "decision_confidence": ref.confidence if ref else "",
                "phase": step.phase,
                "phase_name": ph.name if ph else "",
                "phase_starts_after": ph.starts_after if ph else "",
                "phase_clock_stops": ("x" if ph.clock_stops_before else "") if ph else "",
                "step_id": step.id,
                "step_name": step.name,
                "role": step.role,
                "unit_level": step.unit_level.value if step.unit_level else "",
                "authority_kind": step.authority_kind.value if step.authority_kind else "",
                "budget": _format_budget(step.budget),
                "depends_on": ";".join(step.depends_on),
                "branch": step.branch,
                "is_intake": "x" if step.is_intake else "",
                "is_signing": "x" if step.is_signing else "",
                "is_return": "x" if step.is_return else "",
                "note": step.note,
            }
            writer.writerow([values[c] for c in CSV_COLUMNS])
    return buffer.getvalue()


def load(path: str | PathLike[str]) -> tuple[Workflow, ...]:
    """Read a workflow file: ``.csv`` (one or more workflows) or ``.json`` (one workflow).

    Raises:
        DataFileError: unreadable file, unknown extension, or a bad CSV value.
        SerializationError: a bad JSON document.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".csv":
        return read_csv(file)
    if suffix == ".json":
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(
                f"Không đọc được tệp (cannot read file) {file}: {exc}", file=str(file)
            ) from exc
        return (from_json(text),)
    raise DataFileError(
        f"Loại tệp (file type) {suffix or '(none)'} is not supported: {file}",
        hint="use a .csv file in the tthc layout or a .json file written by to_json()",
        file=str(file),
    )


# --- bundled examples ------------------------------------------------------------------------------

_EXAMPLES = (
    "chung-thuc.ban-sao-tu-so-goc",
    "ho-tich.khai-sinh",
    "dat-dai.dang-ky-bien-dong",
)


@functools.cache
def _example(key: str) -> Workflow:
    return from_json(_read_data(f"{key}.json"))


def examples() -> tuple[Workflow, ...]:
    """Return the bundled workflows modelled on published processes (see the guide)."""
    return tuple(_example(key) for key in _EXAMPLES)


def example(key: str) -> Workflow:
    """Return one bundled workflow by key (``"ho-tich.khai-sinh"``, ...).

    Raises:
        DataFileError: no bundled workflow has that key.
    """
    if key not in _EXAMPLES:
        raise DataFileError(
            f"Quy trình mẫu (bundled workflow) {key!r} does not exist",
            hint="one of " + ", ".join(_EXAMPLES),
            field="key",
            value=str(key),
        )
    return _example(key)
