"""The model of an internal process: [`Workflow`][tthc.workflows.Workflow], its [`Phase`][tthc.workflows.Phase] s and [`Step`][tthc.workflows.Step] s.

Every check of a single value is an attrs validator, so a model that exists is well formed; the
checks across steps (a graph without cycles, a signer who is competent...) are findings of
[`tthc.workflows.validate`][tthc.workflows.validate], because a province's configuration must be readable to be
reported on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from tthc.authorities import AuthorityKind
from tthc.deadlines import Duration, DurationUnit
from tthc.errors import DataFileError, DurationError, InputTypeError
from tthc.legal import LegalRef, Validity
from tthc.units import UnitLevel

__all__: list[str] = []  # private module: the names are exported by tthc.workflows

STEP_UNITS = frozenset(
    {
        DurationUnit.WORKING_DAY,
        DurationUnit.WORKING_HOUR,
        DurationUnit.WORKING_MINUTE,
        DurationUnit.CALENDAR_DAY,
        DurationUnit.SAME_DAY,
        DurationUnit.IMMEDIATE,
    }
)
"""The units a step budget may have (no months, no clock time)."""

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


# --- validators ------------------------------------------------------------------------------------


def _identifier(what: str) -> _Validator:
    """A validator of a step or phase id: letters, digits, ``.``, ``_`` or ``-``."""

    def check(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not _ID_RE.match(value):
            raise DataFileError(
                f"Mã {what} ({what} id) {value!r} is not valid: use letters, digits, '.', '_' "
                "or '-'",
                hint="e.g. 'b1', 'tiep-nhan', 'gd2.ky'",
                field=f"{what}_id",
                value=str(value),
            )

    return check


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InputTypeError(
            f"Văn bản (text): {attribute.name} must be a str, got {type(value).__name__}",
            argument=attribute.name,
        )


def _not_blank(term: str, field: str) -> _Validator:
    def check(_instance: object, _attribute: attrs.Attribute[Any], value: str) -> None:
        if not value.strip():
            raise DataFileError(f"{term} must not be empty", field=field)

    return check


def _optional_of(cls: type, term: str) -> _Validator:
    """A validator of an optional enum member of a step (``None`` allowed)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cls):
            raise InputTypeError(
                f"{term} of step {instance.id!r} must be a {cls.__name__}",
                argument=attribute.name,
            )

    return check


def _budget(instance: Step, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Duration):
        raise InputTypeError(
            f"Thời gian thực hiện (step budget) of step {instance.id!r} must be a Duration, "
            f"got {type(value).__name__}",
            argument="budget",
        )
    if value.unit not in STEP_UNITS:
        raise DurationError(
            f"Thời gian thực hiện (step budget) of step {instance.id!r}: {value} cannot be "
            "a step budget",
            hint="use working days/hours/minutes (e.g. '0,5 ngày làm việc', '4 giờ làm "
            "việc'), calendar days, same day, or 0",
            step=instance.id,
            unit=value.unit.value,
        )


def _depends_on(instance: Step, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(d, str) for d in value):
        raise InputTypeError(
            f"Bước trước (depends_on) of step {instance.id!r} must be a tuple of step ids",
            argument="depends_on",
        )
    if instance.id in value:
        raise DataFileError(
            f"Bước {instance.id!r} (step) depends on itself", field="depends_on", step=instance.id
        )


def _no_duplicates(ids: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise DataFileError(
                f"Mã {what} ({what} id) {value!r} is used twice", field=f"{what}_id", value=value
            )
        seen.add(value)


def _steps(instance: Workflow, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(s, Step) for s in value):
        raise InputTypeError("Các bước (steps) must be a tuple of Step", argument="steps")
    if not value:
        raise DataFileError(
            f"Quy trình (workflow) {instance.procedure_code} has no step", field="steps"
        )
    _no_duplicates([s.id for s in value], "step")


def _legal_limit(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Duration):
        raise InputTypeError(
            "Thời hạn giải quyết (legal limit) must be a Duration", argument="legal_limit"
        )


def _phases(instance: Workflow, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(p, Phase) for p in value):
        raise InputTypeError("Giai đoạn (phases) must be a tuple of Phase", argument="phases")
    _no_duplicates([p.id for p in value], "phase")
    phase_ids = {p.id for p in value}
    for step in instance.steps:
        if value and step.phase not in phase_ids:
            raise DataFileError(
                f"Giai đoạn (phase) {step.phase!r} of step {step.id!r} is not one of "
                f"{sorted(phase_ids)}",
                field="phase",
                step=step.id,
            )
        if not value and step.phase:
            raise DataFileError(
                f"Giai đoạn (phase) {step.phase!r} of step {step.id!r}: the workflow "
                "declares no phases",
                field="phase",
                step=step.id,
            )


# --- the model -------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Phase:
    """A phase of a process (giai đoạn), e.g. before / after financial obligations in land cases.

    Phases run in the order given; every step of a phase starts after all steps of the previous
    phases are done (and, for a phase that waits for the applicant, after the event in
    ``starts_after``, see [`schedule`][tthc.workflows.schedule]'s ``phase_starts``).

    Attributes:
        id: Short identifier, unique in the workflow (``"gd1"``).
        name: Vietnamese name (``"Giai đoạn 2: sau khi thực hiện nghĩa vụ tài chính"``).
        starts_after: The event that opens the phase, as written
            (``"Người sử dụng đất nộp chứng từ hoàn thành nghĩa vụ tài chính"``), if any.
        clock_stops_before: Whether the wait before this phase is excluded from the processing
            time (only where the procedure's law says so; see ``legal_ref``).
        legal_ref: Basis of the pause, when ``clock_stops_before``.
    """

    id: str = attrs.field(validator=_identifier("phase"))
    name: str = attrs.field(validator=_text)
    starts_after: str = attrs.field(default="", validator=_text)
    clock_stops_before: bool = False
    legal_ref: LegalRef | None = None


@attrs.frozen(slots=True)
class Step:
    """One step of an internal process (bước thực hiện).

    Attributes:
        id: Short identifier, unique in the workflow (``"b1"``).
        name: What is done (``"Thẩm định hồ sơ, trình ký"``).
        role: Who acts (``"Công chức Tư pháp - Hộ tịch"``).
        budget: Time budget as a [`Duration`][tthc.deadlines.Duration]: working days (fractions
            allowed), working hours or minutes, calendar days (e.g. a public posting period),
            same day, or [`Duration.immediate`][tthc.deadlines.Duration.immediate] for a zero budget.
        depends_on: Ids of the steps that must be done before this one starts; none for the
            first step.
        unit_level: Level of the unit that acts ([`UnitLevel`][tthc.units.UnitLevel]), if given.
        authority_kind: Kind of authority that acts ([`AuthorityKind`][tthc.authorities.AuthorityKind]),
            if given; for the signing step, the authority in whose name the result is signed.
        branch: Label of a parallel branch (inter-agency procedures, Decree 118 Art. 20):
            steps of different branches run concurrently; a step depending on several branches
            waits for all of them.
        phase: Id of the [`Phase`][tthc.workflows.Phase] the step belongs to (empty when the workflow has none).
        is_intake: The step receives the dossier at the one-stop and hands it over.
        is_signing: The step signs the result (or the decision).
        is_return: The step returns the result to the applicant at the one-stop.
        note: Free text.
    """

    id: str = attrs.field(validator=_identifier("step"))
    name: str = attrs.field(validator=_text)
    role: str = attrs.field(validator=_text)
    budget: Duration = attrs.field(validator=_budget)
    depends_on: tuple[str, ...] = attrs.field(default=(), validator=_depends_on)
    unit_level: UnitLevel | None = attrs.field(
        default=None, validator=_optional_of(UnitLevel, "Cấp (unit level)")
    )
    authority_kind: AuthorityKind | None = attrs.field(
        default=None, validator=_optional_of(AuthorityKind, "Loại cơ quan (authority kind)")
    )
    branch: str = attrs.field(default="", validator=_text)
    phase: str = attrs.field(default="", validator=_text)
    is_intake: bool = False
    is_signing: bool = False
    is_return: bool = False
    note: str = attrs.field(default="", validator=_text)

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
            copied into the process, used by [`validate`][tthc.workflows.validate] when no other
            limit is given.
        phases: Ordered phases; empty for a single-phase process.
        one_stop: The procedure is received at a one-stop (Bộ phận Một cửa): intake and return
            steps are then required.
    """

    procedure_code: str = attrs.field(
        validator=[_text, _not_blank("Mã thủ tục (procedure code)", "procedure_code")]
    )
    version: str = attrs.field(
        validator=[_text, _not_blank("Phiên bản quy trình (workflow version)", "workflow_version")]
    )
    steps: tuple[Step, ...] = attrs.field(validator=_steps)
    name: str = attrs.field(default="", validator=_text)
    validity: Validity = attrs.field(factory=Validity)
    legal_basis: LegalRef | None = None
    legal_limit: Duration | None = attrs.field(default=None, validator=_legal_limit)
    phases: tuple[Phase, ...] = attrs.field(default=(), validator=_phases)
    one_stop: bool = True

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


def require_workflow(workflow: object, argument: str = "workflow") -> Workflow:
    """Return ``workflow`` if it is a [`Workflow`][tthc.workflows.Workflow]; raise ``InputTypeError`` otherwise."""
    if not isinstance(workflow, Workflow):
        raise InputTypeError(
            f"Quy trình (workflow) must be a Workflow, got {type(workflow).__name__}",
            argument=argument,
        )
    return workflow
