"""The life cycle of a dossier (hồ sơ thủ tục hành chính) under Decree 118/2025/NĐ-CP.

A :class:`Dossier` is immutable data: who it is (code, procedure, channel, reception and
competent units), the processing time that applies, and an append-only tuple of
:class:`DossierEvent`. Everything else, its :class:`DossierStatus`, the current due date and its
history, the pauses while the applicant has to act, the breaches of the law and the timeliness,
is *derived* from the events by replaying them through :data:`TRANSITIONS`, the transition table.

:meth:`Dossier.apply` returns a new dossier with one more event, or raises
:class:`~tthc.errors.InvalidTransition` (the event is not allowed now, with the events that are
and the legal basis) or :class:`~tthc.errors.InvalidEvent` (the event is malformed for this
dossier: another dossier's code, out of time order, wrong actor, no reason where the law wants
one). Acts that the law forbids but that do happen, such as a supplement request on the fifth
working day, are accepted and recorded in :attr:`Dossier.breaches` with the article they breach.

The legal references of the rules, the status names and the national portal codes live in
``tthc/data/dossier_rules.json``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import functools
import json
import types
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from tthc._validate import VN_TZ, require_aware, require_date
from tthc.calendar import OfficeHours, WorkCalendar, civil_service_calendar
from tthc.deadlines import (
    Alternative,
    AlternativeKind,
    Deadline,
    Duration,
    ProcessingTime,
    Timeliness,
    classify,
    compute_deadline,
    extend,
    latest_extension_request,
    pause_for_financial_obligation,
    restart_after_supplement,
    supplement_closing_date,
    switch_to_alternative,
)
from tthc.errors import (
    DataFileError,
    DurationError,
    ExtensionNotAllowed,
    InputTypeError,
    InvalidEvent,
    InvalidTransition,
    RegimeNotModelled,
)
from tthc.legal import LegalRef, Validity

__all__ = [
    "TRANSITIONS",
    "Actor",
    "ActorRole",
    "Breach",
    "Channel",
    "DeadlineRevision",
    "DeadlineRevisionKind",
    "Dossier",
    "DossierEvent",
    "DossierStatus",
    "EventKind",
    "Handoff",
    "Pause",
    "PauseReason",
    "PortalStatusRecord",
    "SectorRules",
    "SupplementRecord",
    "TimelineEntry",
    "Transition",
    "allowed_events",
    "dossier_rules_version",
    "mermaid_state_diagram",
    "portal_status_record",
]

# --- legal data ----------------------------------------------------------------------------------

_DATA_FILE = "dossier_rules.json"


@attrs.frozen(slots=True)
class _RulesData:
    data_version: str
    regime_name: str
    regime_before: str
    regime_ref: LegalRef
    regime_validity: Validity
    statuses: Mapping[str, Mapping[str, Any]]
    events: Mapping[str, Mapping[str, Any]]
    rules: Mapping[str, LegalRef]
    rule_text: Mapping[str, str]
    limits: Mapping[str, tuple[int, LegalRef]]
    breaches: Mapping[str, tuple[str, LegalRef]]
    event_refs: Mapping[str, LegalRef]


def _ref(documents: Mapping[str, Any], entry: Mapping[str, Any], where: str) -> LegalRef:
    try:
        base = dict(documents[entry["doc"]])
    except KeyError:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {_DATA_FILE}: {where} names an unknown document",
            file=_DATA_FILE,
            path=where,
        ) from None
    if entry.get("article"):
        base["article"] = entry["article"]
    return LegalRef.from_mapping(base, where=where)


@functools.cache
def _rules() -> _RulesData:
    text = resources.files("tthc").joinpath("data").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    return _parse_rules(json.loads(text))


def _parse_rules(raw: Mapping[str, Any]) -> _RulesData:
    docs = raw["documents"]
    regime = raw["regime"]
    period = regime["validity"]
    validity = Validity(
        start=_dt.date.fromisoformat(period["start"]) if period["start"] else None,
        end=_dt.date.fromisoformat(period["end"]) if period["end"] else None,
    )
    rules = {key: _ref(docs, value, f"rules.{key}") for key, value in raw["rules"].items()}
    rule_text = {key: str(value["en"]) for key, value in raw["rules"].items()}
    limits = {
        key: (int(value["value"]), _ref(docs, value, f"limits.{key}"))
        for key, value in raw["limits"].items()
    }
    breaches = {
        key: (f"{value['vi']} ({value['en']})", _ref(docs, value, f"breaches.{key}"))
        for key, value in raw["breaches"].items()
    }
    event_refs = {
        key: _ref(docs, value, f"events.{key}")
        for key, value in raw["events"].items()
        if "doc" in value
    }
    return _RulesData(
        data_version=str(raw["data_version"]),
        regime_name=f"{regime['name_vi']} ({regime['name_en']})",
        regime_before=str(regime["before"]),
        regime_ref=_ref(docs, regime, "regime"),
        regime_validity=validity,
        statuses=types.MappingProxyType(raw["statuses"]),
        events=types.MappingProxyType(raw["events"]),
        rules=types.MappingProxyType(rules),
        rule_text=types.MappingProxyType(rule_text),
        limits=types.MappingProxyType(limits),
        breaches=types.MappingProxyType(breaches),
        event_refs=types.MappingProxyType(event_refs),
    )


def dossier_rules_version() -> str:
    """Return the ``data_version`` of the bundled dossier rules (``dossier_rules.json``)."""
    return _rules().data_version


# --- vocabulary ----------------------------------------------------------------------------------


class Channel(str, enum.Enum):
    """How the dossier was filed (kênh thực hiện)."""

    COUNTER = "counter"
    ONLINE = "online"
    POST = "post"

    @property
    def portal_code(self) -> int:
        """``KenhThucHien`` code of the national portal: 1 counter, 2 online, 3 post."""
        return _CHANNEL_CODES[self]


_CHANNEL_CODES = {Channel.COUNTER: 1, Channel.ONLINE: 2, Channel.POST: 3}


class ActorRole(str, enum.Enum):
    """Who acts on a dossier."""

    APPLICANT = "applicant"
    ONE_STOP = "one_stop"
    COMPETENT_AUTHORITY = "competent_authority"
    PARTICIPATING_AGENCY = "participating_agency"
    PORTAL = "portal"

    @property
    def name_vi(self) -> str:
        """Vietnamese name of the role."""
        return _ROLE_NAMES[self]


_ROLE_NAMES = {
    ActorRole.APPLICANT: "Tổ chức, cá nhân nộp hồ sơ",
    ActorRole.ONE_STOP: "Bộ phận Một cửa",
    ActorRole.COMPETENT_AUTHORITY: "Cơ quan có thẩm quyền giải quyết",
    ActorRole.PARTICIPATING_AGENCY: "Cơ quan phối hợp (liên thông)",
    ActorRole.PORTAL: "Cổng Dịch vụ công / hệ thống thông tin",
}


class DossierStatus(str, enum.Enum):
    """Status of a dossier (trạng thái hồ sơ), with its national portal code.

    Names and codes come from ``dossier_rules.json`` (tthc rules spec §4.1–4.2).
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED_AT_INTAKE = "returned_at_intake"
    REFUSED_AT_INTAKE = "refused_at_intake"
    ACCEPTED = "accepted"
    IN_PROCESS = "in_process"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    AWAITING_PAYMENT = "awaiting_payment"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"
    REFUSED_AFTER_REVIEW = "refused_after_review"
    RESULT_READY = "result_ready"
    DELIVERED = "delivered"
    CORRECTING = "correcting"

    @property
    def name_vi(self) -> str:
        """Vietnamese name, as systems show it (``"Đang xử lý"``)."""
        return str(_rules().statuses[self.value]["name_vi"])

    @property
    def name_en(self) -> str:
        """English name."""
        return str(_rules().statuses[self.value]["name_en"])

    @property
    def portal_code(self) -> int | None:
        """``TrangThaiHoSo`` code (1–10) for the national portal; ``None`` for ``DRAFT``."""
        code = _rules().statuses[self.value]["portal_code"]
        return None if code is None else int(code)

    @property
    def is_terminal(self) -> bool:
        """Whether no event can follow (refused, withdrawn, stopped)."""
        return self in _TERMINAL

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.name_en})"


_TERMINAL = frozenset(
    {
        DossierStatus.REFUSED_AT_INTAKE,
        DossierStatus.WITHDRAWN,
        DossierStatus.STOPPED,
        DossierStatus.REFUSED_AFTER_REVIEW,
    }
)


class EventKind(str, enum.Enum):
    """What happened to a dossier."""

    SUBMITTED_ONLINE = "submitted_online"
    RETURNED_AT_INTAKE = "returned_at_intake"
    REFUSED_AT_INTAKE = "refused_at_intake"
    ACCEPTED = "accepted"
    FORWARDED = "forwarded"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    SUPPLEMENT_RECEIVED = "supplement_received"
    CLOSED_NO_SUPPLEMENT = "closed_no_supplement"
    PAYMENT_REQUESTED = "payment_requested"
    PAYMENT_RECEIVED = "payment_received"
    VERIFICATION_REQUIRED = "verification_required"
    EXTENSION_GRANTED = "extension_granted"
    REFUSED_AFTER_REVIEW = "refused_after_review"
    RESULT_ISSUED = "result_issued"
    RESULT_DELIVERED = "result_delivered"
    WITHDRAWN = "withdrawn"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTED = "corrected"

    @property
    def name_vi(self) -> str:
        """Vietnamese name of the event."""
        return str(_rules().events[self.value]["name_vi"])

    @property
    def name_en(self) -> str:
        """English name of the event."""
        return str(_rules().events[self.value]["name_en"])

    @property
    def reason_required(self) -> bool:
        """Whether the law wants written reasons for this event (refusals, requests, apology)."""
        return bool(_rules().events[self.value]["reason_required"])

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.name_en})"


_E = EventKind
_R = ActorRole

#: Roles that may record each kind of event. A supplement request recorded by the competent
#: authority itself is accepted but flagged (Điều 5.1.e: it must go through the one-stop).
_EVENT_ROLES: Mapping[EventKind, frozenset[ActorRole]] = types.MappingProxyType(
    {
        _E.SUBMITTED_ONLINE: frozenset({_R.APPLICANT, _R.PORTAL}),
        _E.RETURNED_AT_INTAKE: frozenset({_R.ONE_STOP}),
        _E.REFUSED_AT_INTAKE: frozenset({_R.ONE_STOP}),
        _E.ACCEPTED: frozenset({_R.ONE_STOP}),
        _E.FORWARDED: frozenset({_R.ONE_STOP, _R.COMPETENT_AUTHORITY, _R.PARTICIPATING_AGENCY}),
        _E.SUPPLEMENT_REQUESTED: frozenset({_R.ONE_STOP, _R.COMPETENT_AUTHORITY}),
        _E.SUPPLEMENT_RECEIVED: frozenset({_R.ONE_STOP, _R.PORTAL}),
        _E.CLOSED_NO_SUPPLEMENT: frozenset({_R.ONE_STOP}),
        _E.PAYMENT_REQUESTED: frozenset({_R.COMPETENT_AUTHORITY, _R.ONE_STOP}),
        _E.PAYMENT_RECEIVED: frozenset({_R.ONE_STOP, _R.COMPETENT_AUTHORITY, _R.PORTAL}),
        _E.VERIFICATION_REQUIRED: frozenset({_R.COMPETENT_AUTHORITY, _R.PARTICIPATING_AGENCY}),
        _E.EXTENSION_GRANTED: frozenset({_R.ONE_STOP, _R.COMPETENT_AUTHORITY}),
        _E.REFUSED_AFTER_REVIEW: frozenset({_R.COMPETENT_AUTHORITY}),
        _E.RESULT_ISSUED: frozenset({_R.COMPETENT_AUTHORITY, _R.PARTICIPATING_AGENCY}),
        _E.RESULT_DELIVERED: frozenset({_R.ONE_STOP, _R.PORTAL}),
        _E.WITHDRAWN: frozenset({_R.APPLICANT}),
        _E.CORRECTION_REQUESTED: frozenset({_R.APPLICANT, _R.ONE_STOP}),
        _E.CORRECTED: frozenset({_R.COMPETENT_AUTHORITY, _R.ONE_STOP}),
    }
)


@attrs.frozen(slots=True)
class Actor:
    """Who acted: a role and the unit acting (``"UBND xã Tân Phú"``), optionally a person.

    Attributes:
        role: The role in the procedure.
        unit: Name or code of the acting unit.
        name: Name or position of the person, optional.
    """

    role: ActorRole
    unit: str
    name: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.role, ActorRole):
            raise InputTypeError(
                f"Vai trò (actor role) must be an ActorRole, got {type(self.role).__name__}",
                argument="role",
            )
        for name in ("unit", "name"):
            if not isinstance(getattr(self, name), str):
                raise InputTypeError(
                    f"Người thực hiện (actor): {name} must be a str",
                    argument=name,
                )
        if not self.unit.strip():
            raise InvalidEvent(
                "Đơn vị thực hiện (acting unit) must not be empty",
                hint="name the unit that acted, e.g. 'Bộ phận Một cửa xã Tân Phú'",
                argument="unit",
                reason="empty_unit",
            )


@attrs.frozen(slots=True)
class DossierEvent:
    """One thing that happened to a dossier: what, when, who and why.

    Payload fields are used by some kinds only and must be left empty by the others:
    ``to_unit`` and ``time_allowed`` by ``FORWARDED`` (the receiving agency and its own time in
    an inter-agency hand-off, Điều 20), ``new_due_date`` by ``EXTENSION_GRANTED`` (required),
    ``amount`` by ``PAYMENT_REQUESTED``.

    Attributes:
        kind: What happened.
        dossier_code: Code of the dossier (mã số hồ sơ) this event belongs to.
        at: When, an aware datetime (naive ones are refused).
        actor: Who acted.
        reason: Why, in words (required for refusals, requests and the apology).
        legal_ref: Legal basis the actor cited, optional.
        to_unit: Forwarding only: the receiving unit.
        time_allowed: Forwarding only: the receiving agency's own time for its step.
        new_due_date: Extension only: the new return date.
        amount: Payment request only: the amount asked, in VND.
    """

    kind: EventKind
    dossier_code: str
    at: _dt.datetime
    actor: Actor
    reason: str = ""
    legal_ref: LegalRef | None = None
    to_unit: str | None = None
    time_allowed: Duration | None = None
    new_due_date: _dt.date | None = None
    amount: Decimal | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.kind, EventKind):
            raise InputTypeError(
                f"Loại sự kiện (event kind) must be an EventKind, got {type(self.kind).__name__}",
                argument="kind",
            )
        if not isinstance(self.dossier_code, str) or not self.dossier_code.strip():
            raise InvalidEvent(
                "Mã số hồ sơ (dossier code) of the event must be a non-empty str",
                argument="dossier_code",
                reason="empty_dossier_code",
            )
        require_aware(self.at, "at")
        if not isinstance(self.actor, Actor):
            raise InputTypeError("Người thực hiện (actor) must be an Actor", argument="actor")
        if not isinstance(self.reason, str):
            raise InputTypeError("Lý do (reason) must be a str", argument="reason")
        if self.legal_ref is not None and not isinstance(self.legal_ref, LegalRef):
            raise InputTypeError("Căn cứ (legal_ref) must be a LegalRef", argument="legal_ref")
        kind = self.kind
        self._payload("to_unit", kind is EventKind.FORWARDED, required=True)
        self._payload("time_allowed", kind is EventKind.FORWARDED)
        self._payload("new_due_date", kind is EventKind.EXTENSION_GRANTED, required=True)
        self._payload("amount", kind is EventKind.PAYMENT_REQUESTED)
        if self.to_unit is not None and (not isinstance(self.to_unit, str) or not self.to_unit):
            raise InvalidEvent(
                "Đơn vị nhận (receiving unit) must be a non-empty str",
                argument="to_unit",
                reason="payload",
            )
        if self.time_allowed is not None and not isinstance(self.time_allowed, Duration):
            raise InputTypeError(
                "Thời hạn của bước (step time) must be a Duration", argument="time_allowed"
            )
        if self.new_due_date is not None:
            require_date(self.new_due_date, "new_due_date")
        if self.amount is not None and (
            not isinstance(self.amount, Decimal) or not self.amount.is_finite() or self.amount < 0
        ):
            raise InvalidEvent(
                "Số tiền (amount) must be a finite, non-negative Decimal",
                argument="amount",
                reason="payload",
            )
        if kind.reason_required and not self.reason.strip():
            # every event that needs a reason has its article in dossier_rules.json (tested)
            ref = _rules().event_refs[kind.value]
            raise InvalidEvent(
                f"Lý do (reason) is required for '{kind.value}': the law wants it in writing "
                f"({ref.cite()})",
                hint="state the reasons, as on the form given to the applicant",
                argument="reason",
                reason="missing_reason",
                event=kind.value,
                legal_ref=ref,
            )

    def _payload(self, name: str, allowed: bool, *, required: bool = False) -> None:
        value = getattr(self, name)
        if allowed and required and value is None:
            raise InvalidEvent(
                f"Sự kiện (event) '{self.kind.value}' needs {name}",
                argument=name,
                reason="payload",
                event=self.kind.value,
            )
        if not allowed and value is not None:
            raise InvalidEvent(
                f"Sự kiện (event) '{self.kind.value}' does not take {name}",
                argument=name,
                reason="payload",
                event=self.kind.value,
            )


@attrs.frozen(slots=True)
class SectorRules:
    """Sector-law exceptions to the national life-cycle limits, for one procedure.

    Decree 118 lets sector law set other periods ("trừ trường hợp pháp luật chuyên ngành có quy
    định"); ``None`` means the national rule in ``dossier_rules.json``.

    Attributes:
        supplement_notice_working_days: Period to ask for a supplement after acceptance
            (national: 3 working days, Điều 19.5).
        supplement_wait_days: Days the applicant has to supplement before the dossier is closed
            (national: 15 days, Điều 19.5).
        payment_excluded_from_limit: Whether the time spent waiting for the applicant to pay
            financial obligations is excluded from the limit (no national rule; sector law).
        legal_ref: The sector law these exceptions come from.
    """

    supplement_notice_working_days: int | None = None
    supplement_wait_days: int | None = None
    payment_excluded_from_limit: bool = False
    legal_ref: LegalRef | None = None

    def __attrs_post_init__(self) -> None:
        for name, least in (("supplement_notice_working_days", 0), ("supplement_wait_days", 1)):
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < least):
                raise InputTypeError(
                    f"Thời hạn chuyên ngành (sector period) {name} must be an int >= {least}",
                    argument=name,
                )


# --- the transition table ------------------------------------------------------------------------

_S = DossierStatus
_ALL_CHANNELS = frozenset(Channel)
_PAPER = frozenset({Channel.COUNTER, Channel.POST})
_ONLINE = frozenset({Channel.ONLINE})


@attrs.frozen(slots=True)
class Transition:
    """One row of the transition table: ``source --event--> target``.

    Attributes:
        source: Status the dossier must be in.
        event: The event.
        target: Status after the event.
        rule: Rule id in ``dossier_rules.json`` (``"T7"``), which holds its legal basis.
        channels: Channels for which the row applies.
    """

    source: DossierStatus
    event: EventKind
    target: DossierStatus
    rule: str
    channels: frozenset[Channel] = _ALL_CHANNELS

    @property
    def legal_ref(self) -> LegalRef:
        """Legal basis of the rule."""
        return _rules().rules[self.rule]

    @property
    def description(self) -> str:
        """What the rule says, in English."""
        return _rules().rule_text[self.rule]


def _table(rows: Iterable[Transition]) -> Mapping[tuple[DossierStatus, EventKind], Transition]:
    return types.MappingProxyType({(row.source, row.event): row for row in rows})


#: The transition table, as data: ``(status, event) -> Transition``. Immutable.
TRANSITIONS: Mapping[tuple[DossierStatus, EventKind], Transition] = _table(
    [
        Transition(_S.DRAFT, _E.SUBMITTED_ONLINE, _S.SUBMITTED, "T1", _ONLINE),
        Transition(_S.DRAFT, _E.ACCEPTED, _S.ACCEPTED, "T4", _PAPER),
        Transition(_S.DRAFT, _E.RETURNED_AT_INTAKE, _S.RETURNED_AT_INTAKE, "T4", _PAPER),
        Transition(_S.DRAFT, _E.REFUSED_AT_INTAKE, _S.REFUSED_AT_INTAKE, "T4", _PAPER),
        Transition(_S.SUBMITTED, _E.ACCEPTED, _S.ACCEPTED, "T3"),
        Transition(_S.SUBMITTED, _E.RETURNED_AT_INTAKE, _S.RETURNED_AT_INTAKE, "T2"),
        Transition(_S.SUBMITTED, _E.REFUSED_AT_INTAKE, _S.REFUSED_AT_INTAKE, "T5"),
        Transition(_S.SUBMITTED, _E.WITHDRAWN, _S.WITHDRAWN, "T15"),
        Transition(_S.RETURNED_AT_INTAKE, _E.SUBMITTED_ONLINE, _S.SUBMITTED, "T1", _ONLINE),
        Transition(_S.RETURNED_AT_INTAKE, _E.ACCEPTED, _S.ACCEPTED, "T4", _PAPER),
        Transition(
            _S.RETURNED_AT_INTAKE, _E.RETURNED_AT_INTAKE, _S.RETURNED_AT_INTAKE, "T4", _PAPER
        ),
        Transition(_S.RETURNED_AT_INTAKE, _E.REFUSED_AT_INTAKE, _S.REFUSED_AT_INTAKE, "T5", _PAPER),
        Transition(_S.RETURNED_AT_INTAKE, _E.WITHDRAWN, _S.WITHDRAWN, "T15"),
        Transition(_S.ACCEPTED, _E.FORWARDED, _S.IN_PROCESS, "T6"),
        Transition(_S.ACCEPTED, _E.WITHDRAWN, _S.WITHDRAWN, "T15"),
        Transition(_S.IN_PROCESS, _E.FORWARDED, _S.IN_PROCESS, "T6"),
        Transition(_S.IN_PROCESS, _E.SUPPLEMENT_REQUESTED, _S.SUPPLEMENT_REQUESTED, "T7"),
        Transition(_S.IN_PROCESS, _E.PAYMENT_REQUESTED, _S.AWAITING_PAYMENT, "T10"),
        Transition(_S.IN_PROCESS, _E.VERIFICATION_REQUIRED, _S.IN_PROCESS, "T17"),
        Transition(_S.IN_PROCESS, _E.EXTENSION_GRANTED, _S.IN_PROCESS, "T11"),
        Transition(_S.IN_PROCESS, _E.REFUSED_AFTER_REVIEW, _S.REFUSED_AFTER_REVIEW, "T12"),
        Transition(_S.IN_PROCESS, _E.RESULT_ISSUED, _S.RESULT_READY, "T13"),
        Transition(_S.IN_PROCESS, _E.WITHDRAWN, _S.WITHDRAWN, "T15"),
        Transition(_S.SUPPLEMENT_REQUESTED, _E.SUPPLEMENT_RECEIVED, _S.ACCEPTED, "T8"),
        Transition(_S.SUPPLEMENT_REQUESTED, _E.CLOSED_NO_SUPPLEMENT, _S.STOPPED, "T9"),
        Transition(_S.SUPPLEMENT_REQUESTED, _E.WITHDRAWN, _S.WITHDRAWN, "T15"),
        Transition(_S.AWAITING_PAYMENT, _E.PAYMENT_RECEIVED, _S.IN_PROCESS, "T10"),
        Transition(_S.AWAITING_PAYMENT, _E.EXTENSION_GRANTED, _S.AWAITING_PAYMENT, "T11"),
        Transition(_S.AWAITING_PAYMENT, _E.WITHDRAWN, _S.WITHDRAWN, "T15"),
        Transition(_S.RESULT_READY, _E.RESULT_DELIVERED, _S.DELIVERED, "T14"),
        Transition(_S.DELIVERED, _E.CORRECTION_REQUESTED, _S.CORRECTING, "T16"),
        Transition(_S.CORRECTING, _E.CORRECTED, _S.DELIVERED, "T16"),
    ]
)


def allowed_events(status: DossierStatus, channel: Channel) -> tuple[EventKind, ...]:
    """Return the events the table allows in ``status`` for ``channel`` (ignoring history).

    :meth:`Dossier.allowed_events` also applies the once-only rules (one supplement request,
    one extension).
    """
    return tuple(
        kind
        for kind in EventKind
        if (row := TRANSITIONS.get((status, kind))) is not None and channel in row.channels
    )


# --- derived records ------------------------------------------------------------------------------


class DeadlineRevisionKind(str, enum.Enum):
    """Why the due date was set or changed."""

    SET = "set"
    RESTARTED = "restarted"
    VERIFICATION = "verification"
    EXTENDED = "extended"
    PAYMENT_EXCLUDED = "payment_excluded"


class PauseReason(str, enum.Enum):
    """What the dossier waits for while the applicant has to act."""

    INTAKE_COMPLETION = "intake_completion"
    SUPPLEMENT = "supplement"
    PAYMENT = "payment"


@attrs.frozen(slots=True)
class DeadlineRevision:
    """One entry of a dossier's deadline history (the due date set, or revised by an event).

    Not to be confused with :class:`tthc.deadlines.DeadlineChange`, the change record kept in
    :attr:`tthc.deadlines.Deadline.history`: a revision ties a due date to the dossier event that
    caused it (and covers the first one, ``SET``); the arithmetic and its legal rules are those
    of :mod:`tthc.deadlines` (``restart_after_supplement``, ``switch_to_alternative``,
    ``extend``, ``pause_for_financial_obligation``).

    Attributes:
        event_index: Index of the event that set the due date.
        at: When it changed.
        kind: Why.
        due_date: The legal due date (ngày hẹn trả) from then on.
        due_at: The due instant (end of office hours on ``due_date`` for day limits).
        previous_due_date: The due date it replaced (``NgayHenTraTruoc``), if any.
        reason: Explanation in words.
        legal_ref: Legal basis of the change.
        deadline: The :class:`~tthc.deadlines.Deadline` in force from then on (with the days
            skipped and its own change history); not part of equality.
    """

    event_index: int
    at: _dt.datetime
    kind: DeadlineRevisionKind
    due_date: _dt.date
    due_at: _dt.datetime
    previous_due_date: _dt.date | None
    reason: str
    legal_ref: LegalRef
    deadline: Deadline | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=True)
class Breach:
    """An act the law forbids but that happened, recorded rather than refused.

    Attributes:
        code: Stable code (``"supplement_request_late"``).
        event_index: Index of the event that breached the rule.
        at: When.
        message: What is wrong, Vietnamese then English, with the dates involved.
        legal_ref: The rule breached.
    """

    code: str
    event_index: int
    at: _dt.datetime
    message: str
    legal_ref: LegalRef


@attrs.frozen(slots=True)
class Pause:
    """A period in which the dossier waits for the applicant.

    Attributes:
        reason: What the applicant has to do.
        start: When the request was made.
        end: When it ended (supplement received, paid, dossier closed), or ``None`` if open.
        stops_clock: Whether the processing time is suspended meanwhile (a supplement restarts
            it; payment only where sector law excludes it).
    """

    reason: PauseReason
    start: _dt.datetime
    end: _dt.datetime | None
    stops_clock: bool

    def duration(self, as_of: _dt.datetime | None = None) -> _dt.timedelta | None:
        """Length of the pause; an open pause needs ``as_of`` (else ``None``)."""
        end = self.end
        if end is None:
            if as_of is None:
                return None
            end = max(require_aware(as_of, "as_of"), self.start)
        return end - self.start


@attrs.frozen(slots=True)
class TimelineEntry:
    """The dossier's status after one event, and how long it stayed so.

    Attributes:
        event_index: Index of the event.
        event: What happened.
        actor: Who acted.
        status: Status after the event.
        start: When the event happened.
        end: When the next event happened (or ``as_of``, or ``None`` for the open last entry).
        duration: ``end - start`` or ``None``.
    """

    event_index: int
    event: EventKind
    actor: Actor
    status: DossierStatus
    start: _dt.datetime
    end: _dt.datetime | None
    duration: _dt.timedelta | None


@attrs.frozen(slots=True)
class Handoff:
    """A hand-off of the dossier to another unit (Điều 18, 20).

    Attributes:
        event_index: Index of the forwarding event.
        at: When.
        from_unit: Sending unit.
        to_unit: Receiving unit.
        time_allowed: The receiving agency's own time, when the plan gives one.
        step_due: Its due date for that step, computed like any limit from ``at``.
    """

    event_index: int
    at: _dt.datetime
    from_unit: str
    to_unit: str
    time_allowed: Duration | None
    step_due: Deadline | None = attrs.field(eq=False)


@attrs.frozen(slots=True)
class SupplementRecord:
    """One supplement, as the national portal records it (``DanhSachHoSoBoSung``).

    Times are ``yyyyMMddHHmmss`` in Vietnam time; empty when not applicable yet.
    """

    requested_at: str
    received_at: str
    previous_due: str
    new_due: str


@attrs.frozen(slots=True)
class PortalStatusRecord:
    """A status-change record for the national portal (tthc rules spec §4.1).

    Times are ``yyyyMMddHHmmss`` in Vietnam time; empty strings where not applicable.
    """

    dossier_code: str
    procedure_code: str
    channel_code: int
    status_code: int
    status_name: str
    event: str
    changed_at: str
    actor_unit: str
    actor_role: str
    content: str
    submitted_at: str
    received_at: str
    due_at: str
    finished_at: str
    delivered_at: str
    refused_at: str
    supplements: tuple[SupplementRecord, ...]

    def to_portal_dict(self) -> dict[str, Any]:
        """Return the record with the field names of the portal's sync services."""
        return {
            "MaHoSo": self.dossier_code,
            "MaTTHC": self.procedure_code,
            "KenhThucHien": self.channel_code,
            "TrangThaiHoSo": self.status_code,
            "ThoiDiemXuLy": self.changed_at,
            "PhongBanXuLy": self.actor_unit,
            "ChucDanh": self.actor_role,
            "NoiDungXuLy": self.content,
            "NgayNopHoSo": self.submitted_at,
            "NgayTiepNhan": self.received_at,
            "NgayHenTra": self.due_at,
            "NgayKetThucXuLy": self.finished_at,
            "NgayTra": self.delivered_at,
            "NgayTuChoi": self.refused_at,
            "DanhSachHoSoBoSung": [
                {
                    "NgayBoSung": s.requested_at,
                    "NgayTiepNhanBoSung": s.received_at,
                    "NgayHenTraTruoc": s.previous_due,
                    "NgayHenTraMoi": s.new_due,
                }
                for s in self.supplements
            ],
        }


# --- deadline adapter (the only place that calls tthc.deadlines) ----------------------------------


def _base_duration(limit: ProcessingTime | Duration) -> Duration:
    if isinstance(limit, Duration):
        return limit
    return limit.require_base()


def _verification_alternative(limit: ProcessingTime | Duration) -> Alternative | None:
    if isinstance(limit, Duration):
        return None
    try:
        return limit.alternative(AlternativeKind.VERIFICATION)
    except DurationError:
        return None


def _deadline(
    start: _dt.datetime, limit: ProcessingTime | Duration, cal: WorkCalendar, hours: OfficeHours
) -> Deadline:
    # a ProcessingTime keeps its "counted from the next working day after 15 giờ" rule
    return compute_deadline(start, limit, calendar=cal, office_hours=hours)


def _end_of_day(day: _dt.date, hours: OfficeHours) -> _dt.datetime:
    return _dt.datetime.combine(day, hours.closes, tzinfo=VN_TZ)


def _vn_date(instant: _dt.datetime) -> _dt.date:
    return instant.astimezone(VN_TZ).date()


def _to_events(value: Iterable[DossierEvent]) -> tuple[DossierEvent, ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InputTypeError(
            f"Sự kiện (events) must be a sequence of DossierEvent, got {type(value).__name__}",
            argument="events",
        )
    return tuple(value)


# --- replay ---------------------------------------------------------------------------------------


class _State:
    """Derived state after a prefix of the events (private, treated as immutable once built)."""

    __slots__ = (
        "accepted_at",
        "breaches",
        "corr_request_at",
        "deadline",
        "delivered_at",
        "extended",
        "finished_at",
        "handoffs",
        "history",
        "intake_returns",
        "last_at",
        "pauses",
        "payment_request_at",
        "refused_at",
        "status",
        "statuses",
        "submitted_at",
        "suppl_request_at",
        "supplement_requested",
        "supplements",
        "verification",
    )

    def __init__(self) -> None:
        self.status = DossierStatus.DRAFT
        self.statuses: tuple[DossierStatus, ...] = ()
        self.last_at: _dt.datetime | None = None
        self.submitted_at: _dt.datetime | None = None
        self.accepted_at: _dt.datetime | None = None
        self.deadline: Deadline | None = None
        self.verification = False
        self.history: tuple[DeadlineRevision, ...] = ()
        self.breaches: tuple[Breach, ...] = ()
        self.pauses: tuple[Pause, ...] = ()
        self.handoffs: tuple[Handoff, ...] = ()
        self.supplements: tuple[
            tuple[_dt.datetime, _dt.datetime | None, _dt.date, _dt.date | None], ...
        ] = ()
        self.supplement_requested = False
        self.extended = False
        self.intake_returns = 0
        self.suppl_request_at: _dt.datetime | None = None
        self.payment_request_at: _dt.datetime | None = None
        self.corr_request_at: _dt.datetime | None = None
        self.finished_at: _dt.datetime | None = None
        self.delivered_at: _dt.datetime | None = None
        self.refused_at: _dt.datetime | None = None

    def copy(self) -> _State:
        new = _State.__new__(_State)
        for name in _State.__slots__:
            object.__setattr__(new, name, getattr(self, name))
        return new


_FINISHED_BY = {
    EventKind.RESULT_ISSUED,
    EventKind.REFUSED_AFTER_REVIEW,
    EventKind.CLOSED_NO_SUPPLEMENT,
    EventKind.WITHDRAWN,
}


@attrs.frozen(slots=True)
class Dossier:
    """A dossier (hồ sơ) and its append-only event log; everything else is derived.

    Attributes:
        code: Dossier code (mã số hồ sơ, Điều 28).
        procedure_code: National code of the procedure (``"1.001193"``).
        channel: How it was filed.
        reception_unit: Where it was received (Bộ phận Một cửa).
        competent_unit: Who decides (cơ quan có thẩm quyền).
        processing_time: The limit that applies: a parsed :class:`~tthc.deadlines.ProcessingTime`
            (whose verification alternative is used after ``VERIFICATION_REQUIRED``) or a plain
            :class:`~tthc.deadlines.Duration`.
        events: The event log, oldest first. Use :meth:`apply` to add one.
        sector_rules: Sector-law exceptions to the national periods.
        calendar: Working calendar for the arithmetic (default: the national civil-service
            calendar). Not serialised; not part of equality.
        office_hours: Office windows (default 07:30–11:30, 13:00–17:00). Not serialised.
    """

    code: str
    procedure_code: str
    channel: Channel
    reception_unit: str
    competent_unit: str
    processing_time: ProcessingTime | Duration
    events: tuple[DossierEvent, ...] = attrs.field(default=(), converter=_to_events)
    sector_rules: SectorRules = SectorRules()
    calendar: WorkCalendar | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    office_hours: OfficeHours | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    _state: _State = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for name in ("code", "procedure_code", "reception_unit", "competent_unit"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InputTypeError(
                    f"Hồ sơ (dossier): {name} must be a non-empty str",
                    argument=name,
                )
        if not isinstance(self.channel, Channel):
            raise InputTypeError("Kênh (channel) must be a Channel", argument="channel")
        if not isinstance(self.processing_time, ProcessingTime | Duration):
            raise InputTypeError(
                "Thời hạn giải quyết (processing time) must be a ProcessingTime or a Duration, "
                f"got {type(self.processing_time).__name__}",
                argument="processing_time",
            )
        if not isinstance(self.sector_rules, SectorRules):
            raise InputTypeError("sector_rules must be a SectorRules", argument="sector_rules")
        if self.calendar is not None and not isinstance(self.calendar, WorkCalendar):
            raise InputTypeError("calendar must be a WorkCalendar", argument="calendar")
        if self.office_hours is not None and not isinstance(self.office_hours, OfficeHours):
            raise InputTypeError("office_hours must be an OfficeHours", argument="office_hours")
        for index, event in enumerate(self.events):
            if not isinstance(event, DossierEvent):
                raise InputTypeError(
                    f"Sự kiện (event) #{index} must be a DossierEvent",
                    argument="events",
                    index=index,
                )
        _base_duration(self.processing_time)  # refuse a limit without a single base now
        state = _State()
        for index, event in enumerate(self.events):
            state = _step(self, state, event, index)
        object.__setattr__(self, "_state", state)

    # -- building ---------------------------------------------------------------------------------

    @property
    def _cal(self) -> WorkCalendar:
        return self.calendar if self.calendar is not None else civil_service_calendar()

    @property
    def _hours(self) -> OfficeHours:
        return self.office_hours if self.office_hours is not None else _DEFAULT_HOURS

    def apply(self, event: DossierEvent) -> Dossier:
        """Return a new dossier with ``event`` appended; this one is unchanged.

        Raises:
            InvalidTransition: The event is not allowed in the current status (or a once-only
                act is repeated, or the supplement period has not run out); the error's context
                has ``status``, ``event``, ``allowed``, ``rule`` and ``legal_ref``.
            InvalidEvent: The event belongs to another dossier, is older than the last event,
                is recorded by the wrong actor or lacks a required payload.
        """
        if not isinstance(event, DossierEvent):
            raise InputTypeError(
                f"Sự kiện (event) must be a DossierEvent, got {type(event).__name__}",
                argument="event",
            )
        state = _step(self, self._state, event, len(self.events))
        new = object.__new__(Dossier)
        for field in attrs.fields(Dossier):
            object.__setattr__(new, field.name, getattr(self, field.name))
        object.__setattr__(new, "events", (*self.events, event))
        object.__setattr__(new, "_state", state)
        return new

    def apply_all(self, events: Iterable[DossierEvent]) -> Dossier:
        """Apply several events in order (stops at the first invalid one, raising its error)."""
        dossier = self
        for event in events:
            dossier = dossier.apply(event)
        return dossier

    def replay(self) -> Dossier:
        """Rebuild the dossier from its events (the same result as the dossier itself)."""
        return attrs.evolve(self)

    # -- derived state ----------------------------------------------------------------------------

    @property
    def status(self) -> DossierStatus:
        """Current status, derived from the events."""
        return self._state.status

    @property
    def breaches(self) -> tuple[Breach, ...]:
        """Acts the law forbids that were recorded anyway (late supplement request, ...)."""
        return self._state.breaches

    @property
    def deadline(self) -> DeadlineRevision | None:
        """The due date in force, or ``None`` before acceptance."""
        history = self._state.history
        return history[-1] if history else None

    @property
    def due_date(self) -> _dt.date | None:
        """The legal due date in force (ngày hẹn trả), or ``None`` before acceptance."""
        current = self.deadline
        return None if current is None else current.due_date

    @property
    def submitted_at(self) -> _dt.datetime | None:
        """When the dossier was first submitted online (NgayNopHoSo), if it was."""
        return self._state.submitted_at

    @property
    def accepted_at(self) -> _dt.datetime | None:
        """When it was first accepted (NgayTiepNhan), or ``None``."""
        return self._state.accepted_at

    @property
    def finished_at(self) -> _dt.datetime | None:
        """End of processing as the national metrics count it (NgayKetThucXuLy), or ``None``.

        The result issue time; the refusal, withdrawal or closing time otherwise, except that a
        dossier that ended while waiting for a supplement ended at the supplement request.
        """
        return self._state.finished_at

    def deadline_history(self) -> tuple[DeadlineRevision, ...]:
        """Every due date the dossier had, oldest first, each with the reason for the change."""
        return self._state.history

    def pauses(self) -> tuple[Pause, ...]:
        """Periods spent waiting for the applicant (completion at intake, supplement, payment)."""
        return self._state.pauses

    def handoffs(self) -> tuple[Handoff, ...]:
        """Every forwarding of the dossier, with each agency's own step due date if given."""
        return self._state.handoffs

    def allowed_events(self) -> tuple[EventKind, ...]:
        """Events that :meth:`apply` would accept now (status, channel and once-only rules)."""
        return _allowed_now(self, self._state)

    def waiting_for_applicant(self, as_of: _dt.datetime | None = None) -> _dt.timedelta:
        """Total time spent waiting for the applicant; an open pause counts up to ``as_of``."""
        if as_of is not None:
            require_aware(as_of, "as_of")
        total = _dt.timedelta()
        for pause in self._state.pauses:
            length = pause.duration(as_of)
            if length is not None:
                total += length
        return total

    def status_at(self, instant: _dt.datetime) -> DossierStatus:
        """Return the status the dossier had at ``instant`` (``DRAFT`` before the first event)."""
        require_aware(instant, "instant")
        times = [event.at for event in self.events]
        position = bisect.bisect_right(times, instant)
        return self._state.statuses[position - 1] if position else DossierStatus.DRAFT

    def timeline(self, as_of: _dt.datetime | None = None) -> tuple[TimelineEntry, ...]:
        """Return one entry per event: the status it led to and how long the status lasted.

        The last entry ends at ``as_of`` when given (and the dossier is not terminal), else it
        is open (``end=None``).
        """
        if as_of is not None:
            require_aware(as_of, "as_of")
        entries: list[TimelineEntry] = []
        count = len(self.events)
        for index, event in enumerate(self.events):
            status = self._state.statuses[index]
            end: _dt.datetime | None
            if index + 1 < count:
                end = self.events[index + 1].at
            elif as_of is not None and not status.is_terminal:
                end = max(as_of, event.at)
            else:
                end = None
            entries.append(
                TimelineEntry(
                    event_index=index,
                    event=event.kind,
                    actor=event.actor,
                    status=status,
                    start=event.at,
                    end=end,
                    duration=None if end is None else end - event.at,
                )
            )
        return tuple(entries)

    def time_in_status(
        self, as_of: _dt.datetime | None = None
    ) -> dict[DossierStatus, _dt.timedelta]:
        """Total time spent in each status (open last status counted up to ``as_of``)."""
        totals: dict[DossierStatus, _dt.timedelta] = {}
        for entry in self.timeline(as_of):
            if entry.duration is not None:
                totals[entry.status] = totals.get(entry.status, _dt.timedelta()) + entry.duration
        return totals

    def as_of(self, instant: _dt.datetime) -> Dossier:
        """Return the dossier as it was at ``instant`` (events after it dropped)."""
        require_aware(instant, "instant")
        times = [event.at for event in self.events]
        position = bisect.bisect_right(times, instant)
        if position == len(self.events):
            return self
        return attrs.evolve(self, events=self.events[:position])

    def timeliness(self, as_of: _dt.datetime, *, count_extension: bool = True) -> Timeliness | None:
        """Classify the dossier as the national reports do (by date), as of ``as_of``.

        Finished dossiers are ``EARLY``/``ON_TIME``/``LATE`` by their end of processing
        (:attr:`finished_at`); open ones ``IN_TIME``/``OVERDUE`` on ``as_of``. A dossier waiting
        for a supplement is judged at the time of the request (766 indicator rule). ``None``
        when the dossier was never accepted (no due date).

        Args:
            as_of: The reporting instant (aware). Events after it are ignored.
            count_extension: Use the extended due date (the synced, 766 view; default) or the
                due date before the extension (the strict legal view, open question Q8).
        """
        state = self.as_of(as_of)._state
        history = state.history
        if not count_extension:
            history = tuple(h for h in history if h.kind is not DeadlineRevisionKind.EXTENDED)
        if not history:
            return None
        due = history[-1].due_date
        if state.finished_at is not None:
            return classify(due, finished_at=state.finished_at)
        if state.status is DossierStatus.SUPPLEMENT_REQUESTED and state.suppl_request_at:
            return classify(due, as_of=state.suppl_request_at)
        return classify(due, as_of=as_of)

    def extension_allowed(self, on: _dt.date | _dt.datetime) -> bool:
        """Whether an extension may still be granted on ``on`` (Điều 19.6).

        True when the dossier is being processed, has not been extended yet, and ``on`` is at
        least one working day before the due date (on or before the previous working day).
        """
        if isinstance(on, _dt.datetime):
            day = _vn_date(require_aware(on, "on"))
        else:
            day = require_date(on, "on")
        state = self._state
        if EventKind.EXTENSION_GRANTED not in _allowed_now(self, state):
            return False
        assert state.deadline is not None  # in process means accepted
        return day <= latest_extension_request(state.deadline)


_DEFAULT_HOURS = OfficeHours()


def _allowed_now(dossier: Dossier, state: _State) -> tuple[EventKind, ...]:
    kinds = allowed_events(state.status, dossier.channel)
    return tuple(kind for kind in kinds if _once_only_block(state, kind) is None)


def _once_only_block(state: _State, kind: EventKind) -> str | None:
    if kind is EventKind.SUPPLEMENT_REQUESTED and state.supplement_requested:
        return "supplement_already_requested"
    if kind is EventKind.EXTENSION_GRANTED and state.extended:
        return "extension_already_granted"
    return None


def _rules_for(kind: EventKind) -> list[Transition]:
    seen: dict[str, Transition] = {}
    for row in TRANSITIONS.values():
        if row.event is kind and row.rule not in seen:
            seen[row.rule] = row
    return list(seen.values())


def _refuse(
    dossier: Dossier,
    state: _State,
    event: DossierEvent,
    reason: str,
    *,
    detail: str,
    rule: Transition | None = None,
    **extra: Any,
) -> InvalidTransition:
    rows = [rule] if rule is not None else _rules_for(event.kind)
    allowed = _allowed_now(dossier, state)
    legal = "; ".join(f"{row.description} ({row.legal_ref.cite()})" for row in rows)
    allowed_text = ", ".join(kind.value for kind in allowed) or "none (final status)"
    return InvalidTransition(
        f"Chuyển trạng thái không hợp lệ (invalid transition): '{event.kind.value}' is not "
        f"allowed for dossier {dossier.code} in status '{state.status.value}' "
        f"({state.status.name_vi}): {detail}. Allowed now: {allowed_text}. Legal basis: {legal}",
        hint="record one of the allowed events, or fix the event log",
        dossier_code=dossier.code,
        status=state.status.value,
        event=event.kind.value,
        allowed=tuple(kind.value for kind in allowed),
        reason=reason,
        rule=rows[0].rule,
        legal_ref=rows[0].legal_ref,
        **extra,
    )


def _breach(code: str, index: int, at: _dt.datetime, detail: str) -> Breach:
    text, ref = _rules().breaches[code]
    return Breach(code=code, event_index=index, at=at, message=f"{text}: {detail}", legal_ref=ref)


def _limit(name: str, override: int | None) -> tuple[int, LegalRef]:
    value, ref = _rules().limits[name]
    return (value if override is None else override), ref


def _step(dossier: Dossier, state: _State, event: DossierEvent, index: int) -> _State:
    kind = event.kind
    if event.dossier_code != dossier.code:
        raise InvalidEvent(
            f"Sự kiện của hồ sơ khác (event for another dossier): the event is for "
            f"{event.dossier_code}, this dossier is {dossier.code}",
            dossier_code=dossier.code,
            event_dossier_code=event.dossier_code,
            reason="other_dossier",
            index=index,
        )
    if state.last_at is not None and event.at < state.last_at:
        raise InvalidEvent(
            f"Sự kiện sai thứ tự thời gian (event out of time order): '{kind.value}' at "
            f"{event.at.isoformat()} is earlier than the last event at "
            f"{state.last_at.isoformat()}",
            hint="events are appended in time order; the log cannot be rewritten",
            dossier_code=dossier.code,
            reason="out_of_order",
            index=index,
        )
    if state.status is DossierStatus.DRAFT:
        _check_regime(dossier, event, index)
    row = TRANSITIONS.get((state.status, kind))
    if row is None:
        raise _refuse(dossier, state, event, "status", detail="the law does not provide it now")
    if dossier.channel not in row.channels:
        raise _refuse(
            dossier,
            state,
            event,
            "channel",
            detail=f"not for a dossier filed via {dossier.channel.value}",
            rule=row,
        )
    block = _once_only_block(state, kind)
    if block is not None:
        raise _refuse(dossier, state, event, block, detail="it is allowed only once", rule=row)
    if event.actor.role not in _EVENT_ROLES[kind]:
        allowed_roles = sorted(role.value for role in _EVENT_ROLES[kind])
        raise InvalidEvent(
            f"Người thực hiện không đúng (wrong actor): '{kind.value}' is recorded by "
            f"{', '.join(allowed_roles)}, not {event.actor.role.value}",
            dossier_code=dossier.code,
            reason="wrong_actor",
            event=kind.value,
            allowed_roles=tuple(allowed_roles),
            index=index,
        )

    cal = dossier._cal
    hours = dossier._hours
    new = state.copy()
    new.status = row.target
    new.statuses = (*state.statuses, row.target)
    new.last_at = event.at
    at = event.at
    day = _vn_date(at)
    breaches: list[Breach] = []

    # close an open pause when the dossier leaves a waiting status
    if state.pauses and state.pauses[-1].end is None and row.target is not state.status:
        last = state.pauses[-1]
        new.pauses = (*state.pauses[:-1], attrs.evolve(last, end=at))

    if kind is EventKind.SUBMITTED_ONLINE:
        if new.submitted_at is None:
            new.submitted_at = at
    elif kind in (EventKind.RETURNED_AT_INTAKE, EventKind.REFUSED_AT_INTAKE, EventKind.ACCEPTED):
        breaches.extend(_intake_checks(dossier, state, event, index, (cal, hours)))
        if kind is EventKind.RETURNED_AT_INTAKE:
            new.intake_returns += 1
            if state.intake_returns:
                breaches.append(
                    _breach(
                        "intake_return_repeated",
                        index,
                        at,
                        f"return #{state.intake_returns + 1} at intake",
                    )
                )
            new.pauses = (*new.pauses, Pause(PauseReason.INTAKE_COMPLETION, at, None, False))
        elif kind is EventKind.REFUSED_AT_INTAKE:
            new.refused_at = at
        else:
            new.accepted_at = at
            deadline = _deadline(at, dossier.processing_time, cal, hours)
            new.deadline = deadline
            new.history = (
                _revision(
                    index,
                    at,
                    DeadlineRevisionKind.SET,
                    deadline,
                    previous=None,
                    row=row,
                    event=event,
                ),
            )
    elif kind is EventKind.FORWARDED:
        assert event.to_unit is not None
        step_due = (
            None if event.time_allowed is None else _deadline(at, event.time_allowed, cal, hours)
        )
        handoff = Handoff(index, at, event.actor.unit, event.to_unit, event.time_allowed, step_due)
        new.handoffs = (*state.handoffs, handoff)
    elif kind is EventKind.SUPPLEMENT_REQUESTED:
        new.supplement_requested = True
        new.suppl_request_at = at
        new.pauses = (*new.pauses, Pause(PauseReason.SUPPLEMENT, at, None, True))
        days, _ref = _limit(
            "supplement_notice", dossier.sector_rules.supplement_notice_working_days
        )
        assert state.deadline is not None
        latest = cal.add_working_days(_vn_date(state.deadline.accepted_at), days)
        if day > latest:
            breaches.append(
                _breach(
                    "supplement_request_late",
                    index,
                    at,
                    f"requested {day.isoformat()}, latest {latest.isoformat()} "
                    f"({days} working days after acceptance)",
                )
            )
        if event.actor.role is not ActorRole.ONE_STOP:
            breaches.append(
                _breach(
                    "supplement_not_via_one_stop",
                    index,
                    at,
                    f"recorded by {event.actor.role.value} ({event.actor.unit})",
                )
            )
        previous_due = state.history[-1].due_date
        new.supplements = (*state.supplements, (at, None, previous_due, None))
    elif kind is EventKind.SUPPLEMENT_RECEIVED:
        new.suppl_request_at = None
        assert state.deadline is not None
        # Điều 19.5: the limit restarts from zero (tthc.deadlines holds the rule)
        deadline = restart_after_supplement(state.deadline, at)
        new.deadline = deadline
        previous = state.history[-1]
        new.history = (
            *state.history,
            _revision(
                index,
                at,
                DeadlineRevisionKind.RESTARTED,
                deadline,
                previous=previous.due_date,
                row=row,
                event=event,
            ),
        )
        requested, _, before, _ = state.supplements[-1]
        new.supplements = (*state.supplements[:-1], (requested, at, before, deadline.due_date))
    elif kind is EventKind.CLOSED_NO_SUPPLEMENT:
        assert state.suppl_request_at is not None
        days, _ref = _limit("supplement_wait", dossier.sector_rules.supplement_wait_days)
        # Điều 19.5 "sau 15 ngày": closing is possible from the day after the period's last day
        last_day = supplement_closing_date(state.suppl_request_at, days=days, calendar=cal)
        earliest = last_day + _dt.timedelta(days=1)
        if day < earliest:
            raise _refuse(
                dossier,
                state,
                event,
                "supplement_period_running",
                detail=f"the applicant has {days} days from the notice of "
                f"{_vn_date(state.suppl_request_at).isoformat()}; the dossier can be closed "
                f"from {earliest.isoformat()}",
                rule=row,
                earliest=earliest.isoformat(),
            )
        new.finished_at = state.suppl_request_at
    elif kind is EventKind.PAYMENT_REQUESTED:
        new.payment_request_at = at
        excluded = dossier.sector_rules.payment_excluded_from_limit
        new.pauses = (*new.pauses, Pause(PauseReason.PAYMENT, at, None, excluded))
    elif kind is EventKind.PAYMENT_RECEIVED:
        requested_at = state.payment_request_at
        new.payment_request_at = None
        if dossier.sector_rules.payment_excluded_from_limit and requested_at is not None:
            assert state.deadline is not None
            ref = dossier.sector_rules.legal_ref or row.legal_ref
            moved = pause_for_financial_obligation(
                state.deadline,
                requested_at=requested_at,
                completed_at=at,
                excluded_from_limit=True,
                legal_ref=ref,
            )
            new.deadline = moved
            if moved.due_at != state.deadline.due_at:
                new.history = (
                    *state.history,
                    DeadlineRevision(
                        event_index=index,
                        at=at,
                        kind=DeadlineRevisionKind.PAYMENT_EXCLUDED,
                        due_date=moved.due_date,
                        due_at=moved.due_at,
                        previous_due_date=state.deadline.due_date,
                        reason="time waiting for payment excluded by sector law: "
                        + moved.history[-1].reason,
                        legal_ref=ref,
                        deadline=moved,
                    ),
                )
    elif kind is EventKind.VERIFICATION_REQUIRED:
        alternative = _verification_alternative(dossier.processing_time)
        if alternative is not None and not state.verification:
            new.verification = True
            assert state.deadline is not None
            try:
                deadline = switch_to_alternative(state.deadline, alternative, recorded_at=at)
            except DurationError:
                deadline = state.deadline  # the conditional limit is not longer: nothing changes
            new.deadline = deadline
            previous = state.history[-1]
            if deadline.due_at > state.deadline.due_at:
                new.history = (
                    *state.history,
                    _revision(
                        index,
                        at,
                        DeadlineRevisionKind.VERIFICATION,
                        deadline,
                        previous=previous.due_date,
                        row=row,
                        event=event,
                    ),
                )
    elif kind is EventKind.EXTENSION_GRANTED:
        assert event.new_due_date is not None
        assert state.deadline is not None
        previous = state.history[-1]
        try:
            # Điều 19.6 (tthc.deadlines holds the rule); a late notice is recorded as a breach
            deadline = extend(
                state.deadline,
                requested_on=day,
                new_duration_or_due=event.new_due_date,
                allow_late=True,
            )
        except ExtensionNotAllowed as err:
            reason = err.context.get("reason")
            if reason not in _EXTENSION_REFUSALS:
                raise
            raise InvalidEvent(
                f"Ngày hẹn mới (new due date) {event.new_due_date.isoformat()} "
                f"{_EXTENSION_REFUSALS[reason]} (due date in force "
                f"{previous.due_date.isoformat()})",
                dossier_code=dossier.code,
                reason=f"extension_{reason}",
                index=index,
            ) from None
        new.deadline = deadline
        new.extended = True
        latest = latest_extension_request(state.deadline)
        if day > latest:
            breaches.append(
                _breach(
                    "extension_late",
                    index,
                    at,
                    f"notified {day.isoformat()}, latest {latest.isoformat()} for the due date "
                    f"{previous.due_date.isoformat()}",
                )
            )
        new.history = (
            *state.history,
            DeadlineRevision(
                event_index=index,
                at=at,
                kind=DeadlineRevisionKind.EXTENDED,
                due_date=deadline.due_date,
                due_at=deadline.due_at,
                previous_due_date=previous.due_date,
                reason=event.reason,
                legal_ref=event.legal_ref or row.legal_ref,
                deadline=deadline,
            ),
        )
    elif kind in (EventKind.RESULT_ISSUED, EventKind.REFUSED_AFTER_REVIEW):
        new.finished_at = at
        if kind is EventKind.REFUSED_AFTER_REVIEW:
            new.refused_at = at
    elif kind is EventKind.RESULT_DELIVERED:
        if state.delivered_at is None:
            new.delivered_at = at
    elif kind is EventKind.WITHDRAWN:
        if state.status is DossierStatus.SUPPLEMENT_REQUESTED:
            new.finished_at = state.suppl_request_at
        elif state.accepted_at is not None:
            new.finished_at = at
    elif kind is EventKind.CORRECTION_REQUESTED:
        new.corr_request_at = at
    elif kind is EventKind.CORRECTED:
        assert state.corr_request_at is not None
        days, _ref = _limit("correction", None)
        latest = cal.add_working_days(_vn_date(state.corr_request_at), days)
        if day > latest:
            breaches.append(
                _breach(
                    "correction_late",
                    index,
                    at,
                    f"corrected {day.isoformat()}, latest {latest.isoformat()}",
                )
            )
        new.corr_request_at = None
    # PAYMENT / other kinds: status change only.
    if breaches:
        new.breaches = (*state.breaches, *breaches)
    return new


def _check_regime(dossier: Dossier, event: DossierEvent, index: int) -> None:
    """Refuse a dossier received outside the modelled regime (rules apply as at receipt)."""
    data = _rules()
    received = _vn_date(event.at)
    if data.regime_validity.contains(received):
        return
    raise RegimeNotModelled(
        f"Cơ chế một cửa chưa được mô hình hoá (regime not modelled): dossier {dossier.code} "
        f"was received on {received.isoformat()}; tthc models {data.regime_name}, in force "
        f"{data.regime_validity}, and a dossier is judged under the rules in force when it was "
        "received",
        hint=(
            f"before that period dossiers followed {data.regime_before}; keep them out of "
            "tthc.dossiers (compute_deadline still counts their days on the right calendar)"
            if data.regime_validity.start is not None and received < data.regime_validity.start
            else "the rules changed after that period: update tthc"
        ),
        dossier_code=dossier.code,
        received=received,
        regime_start=data.regime_validity.start,
        regime_end=data.regime_validity.end,
        legal_ref=data.regime_ref,
        index=index,
    )


def _intake_checks(
    dossier: Dossier,
    state: _State,
    event: DossierEvent,
    index: int,
    ctx: tuple[WorkCalendar, OfficeHours],
) -> list[Breach]:
    cal, hours = ctx
    # Điều 17.2.c binds online intake only; an online dossier is always decided from SUBMITTED
    # (the paper rows out of DRAFT and RETURNED_AT_INTAKE do not apply to it)
    if dossier.channel is not Channel.ONLINE:
        return []
    assert state.last_at is not None
    amount, _ref = _limit("online_intake", None)
    limit = _deadline(state.last_at, Duration.working_hours(amount), cal, hours)
    if event.at > limit.due_at:
        return [
            _breach(
                "online_intake_late",
                index,
                event.at,
                f"decided {event.at.astimezone(VN_TZ):%Y-%m-%d %H:%M}, due by "
                f"{limit.due_at.astimezone(VN_TZ):%Y-%m-%d %H:%M}",
            )
        ]
    return []


_EXTENSION_REFUSALS = {
    "not_later": "must be later than the due date in force",
    "not_a_working_day": "must be a working day",
}


def _revision(
    index: int,
    at: _dt.datetime,
    kind: DeadlineRevisionKind,
    deadline: Deadline,
    *,
    previous: _dt.date | None,
    row: Transition,
    event: DossierEvent,
) -> DeadlineRevision:
    reasons = {
        DeadlineRevisionKind.SET: "dossier accepted: the processing time starts",
        DeadlineRevisionKind.RESTARTED: "complete supplement received: the limit restarts from zero",
        DeadlineRevisionKind.VERIFICATION: "verification needed: the longer limit applies",
    }
    text = reasons[kind]
    if event.reason:
        text = f"{text} ({event.reason})"
    return DeadlineRevision(
        event_index=index,
        at=at,
        kind=kind,
        due_date=deadline.due_date,
        due_at=deadline.due_at,
        previous_due_date=previous,
        reason=text,
        legal_ref=row.legal_ref,
        deadline=deadline,
    )


# --- national portal ------------------------------------------------------------------------------


def _stamp(value: _dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(VN_TZ).strftime("%Y%m%d%H%M%S")


def portal_status_record(dossier: Dossier, event_index: int | None = None) -> PortalStatusRecord:
    """Build the status-change record a province sends to the national portal.

    Args:
        dossier: The dossier.
        event_index: Which event's status change to report (negative indexes count from the
            end); ``None`` for the latest.

    Raises:
        InvalidEvent: The dossier has no events, or ``event_index`` is out of range.
    """
    if not isinstance(dossier, Dossier):
        raise InputTypeError("dossier must be a Dossier", argument="dossier")
    count = len(dossier.events)
    if count == 0:
        raise InvalidEvent(
            f"Hồ sơ chưa có sự kiện (no events): dossier {dossier.code} has nothing to report",
            dossier_code=dossier.code,
            reason="no_events",
        )
    index = count - 1 if event_index is None else event_index
    if isinstance(index, bool) or not isinstance(index, int):
        raise InputTypeError("event_index must be an int or None", argument="event_index")
    if index < 0:
        index += count
    if not 0 <= index < count:
        raise InvalidEvent(
            f"Sự kiện không tồn tại (no such event): index {event_index} for a dossier with "
            f"{count} events",
            dossier_code=dossier.code,
            reason="no_such_event",
            index=event_index,
        )
    prefix = (
        dossier if index == count - 1 else attrs.evolve(dossier, events=dossier.events[: index + 1])
    )
    state = prefix._state
    event = prefix.events[-1]
    code = state.status.portal_code
    assert code is not None  # only DRAFT lacks one, and a dossier with events is not DRAFT
    due = prefix.deadline
    supplements = tuple(
        SupplementRecord(
            requested_at=_stamp(requested),
            received_at=_stamp(received),
            previous_due=_stamp(_end_of_day(before, prefix._hours)),
            new_due=_stamp(None if after is None else _end_of_day(after, prefix._hours)),
        )
        for requested, received, before, after in state.supplements
    )
    return PortalStatusRecord(
        dossier_code=dossier.code,
        procedure_code=dossier.procedure_code,
        channel_code=dossier.channel.portal_code,
        status_code=code,
        status_name=state.status.name_vi,
        event=event.kind.value,
        changed_at=_stamp(event.at),
        actor_unit=event.actor.unit,
        actor_role=event.actor.role.name_vi,
        content=event.reason or event.kind.name_vi,
        submitted_at=_stamp(state.submitted_at or state.accepted_at),
        received_at=_stamp(state.accepted_at),
        due_at=_stamp(None if due is None else due.due_at),
        finished_at=_stamp(state.finished_at),
        delivered_at=_stamp(state.delivered_at),
        refused_at=_stamp(state.refused_at),
        supplements=supplements,
    )


# --- Mermaid --------------------------------------------------------------------------------------


def mermaid_state_diagram() -> str:
    """Return a Mermaid ``stateDiagram-v2`` of :data:`TRANSITIONS` (generated, never drawn by hand).

    Edges with several events are merged; events limited to some channels say which.
    """
    lines = ["stateDiagram-v2"]
    for status in DossierStatus:
        lines.append(f'    state "{status.name_vi}<br/>{status.name_en}" as {status.name}')
    lines.append(f"    [*] --> {DossierStatus.DRAFT.name}")
    edges: dict[tuple[DossierStatus, DossierStatus], list[str]] = {}
    for row in TRANSITIONS.values():
        label = row.event.value
        if row.channels != _ALL_CHANNELS:
            label += " (" + "/".join(sorted(c.value for c in row.channels)) + ")"
        edges.setdefault((row.source, row.target), []).append(label)
    for (source, target), labels in edges.items():
        lines.append(f"    {source.name} --> {target.name}: {', '.join(labels)}")
    for status in DossierStatus:
        if status.is_terminal or status is DossierStatus.DELIVERED:
            lines.append(f"    {status.name} --> [*]")
    return "\n".join(lines) + "\n"
