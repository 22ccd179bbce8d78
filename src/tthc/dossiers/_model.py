"""The vocabulary of a dossier's life and the event it is made of.

Channels, roles, statuses and events are bilingual enumerations (`LabelledEnum`); the
facts the law or the national portal fix about them (portal codes, who may record an event,
whether it needs written reasons) are read from ``dossier_rules.json``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from tthc._enums import LabelledEnum
from tthc._slots import slots_builder
from tthc._text import fold
from tthc._validate import require_date
from tthc.deadlines import Duration
from tthc.dossiers import _legal
from tthc.dossiers._checks import Validator, instance_of, vietnam_instant
from tthc.errors import InputTypeError, InvalidEvent
from tthc.legal import LegalRef

__all__: list[str] = []  # private module: the names are exported by tthc.dossiers

# --- vocabulary ----------------------------------------------------------------------------------


class Channel(LabelledEnum):
    """How the dossier was filed (kênh thực hiện).

    Decree 118/2025 Điều 15 names three ways: at the one-stop counter, by public postal service
    and online on the national portal. Online filing is of two kinds (Decree 42/2022 Điều 11.1),
    which Biểu 07a of Circular 09/2026 counts apart: ``ONLINE_FULL`` (trực tuyến toàn trình,
    column 4: filed and resolved online, the result returned online or by post) and
    ``ONLINE_PARTIAL`` (trực tuyến một phần, column 5). ``ONLINE`` is a dossier filed online
    whose kind was not recorded (dossiers stored before the split; the portal's ``KenhThucHien``
    code 2 does not tell it either). The facts of each channel (portal code, legal basis,
    spellings, validity) are rows of ``dossier_rules.json``.
    """

    COUNTER = "counter", "Trực tiếp", "At the counter"
    ONLINE = "online", "Trực tuyến", "Online"
    POST = "post", "Qua dịch vụ bưu chính công ích", "By post"
    ONLINE_FULL = "online_full", "Trực tuyến toàn trình", "Fully online"
    ONLINE_PARTIAL = "online_partial", "Trực tuyến một phần", "Partly online"

    @property
    def portal_code(self) -> int:
        """``KenhThucHien`` code of the national portal: 1 counter, 2 online (every kind), 3 post."""
        return int(_channel_row(self)["portal_code"])

    @property
    def is_online(self) -> bool:
        """Whether the dossier was filed online (``ONLINE``, ``ONLINE_FULL``, ``ONLINE_PARTIAL``)."""
        return _channel_row(self)["online"] is True

    @property
    def legal_ref(self) -> LegalRef:
        """The provision that makes this a channel (Decree 118/2025 Điều 15, 42/2022 Điều 11.1)."""
        return _channel_ref(self)

    @classmethod
    def parse(cls, value: object) -> Channel:
        """Return the channel a label names, in any of the spellings tthc meets.

        One vocabulary for the catalogue and the dossiers: the value (``"counter"``,
        ``"online_full"``), the Vietnamese name as the national portal prints it in a procedure
        (``"Trực tiếp"``, ``"Trực tuyến"``, ``"Dịch vụ bưu chính"``) or in a dossier (``"Qua
        dịch vụ bưu chính công ích"``), the kinds of online service (``"Trực tuyến toàn
        trình"``, ``"toàn trình"``, ``"một phần"``), the English name, or the portal's
        ``KenhThucHien`` code (``1``, ``"2"``: code 2 is plain ``ONLINE``, the code does not tell
        the kind); accents, case, spacing, ``_`` and ``-`` ignored. The spellings are the ``labels`` of the
        channel rows of ``dossier_rules.json``.

        Raises:
            InputTypeError: ``value`` names no channel.
        """
        if isinstance(value, Channel):
            return value
        key = _channel_key(str(value)) if isinstance(value, (str, int)) else ""
        for channel in cls:
            if key in _channel_labels(channel):
                return channel
        raise InputTypeError(
            f"Kênh thực hiện (channel) {value!r} is not one of: "
            + ", ".join(f"{c.value} ({c.name_vi})" for c in cls),
            hint="name a channel by its value, its Vietnamese or English name or its portal "
            "code: " + ", ".join(c.value for c in cls),
            argument="channel",
            got=repr(value),
        )


def _channel_row(channel: Channel) -> Mapping[str, Any]:
    """The row of ``channel`` in ``dossier_rules.json`` (``channels``)."""
    row: Mapping[str, Any] = _legal.rules().channels[channel.value]
    return row


@functools.cache
def _channel_ref(channel: Channel) -> LegalRef:
    return _legal.cite(_channel_row(channel)["legal_ref"], f"channels.{channel.value}.legal_ref")


@functools.cache
def _channel_labels(channel: Channel) -> frozenset[str]:
    """Every folded spelling of ``channel`` ([`Channel.parse`][tthc.dossiers.Channel.parse]).

    A portal code names the first channel declared with it: ``"2"`` is ``ONLINE``.
    """
    code = channel.portal_code
    first = next(c for c in Channel if c.portal_code == code)
    names = [channel.value, channel.name_vi, channel.name_en, *_channel_row(channel)["labels"]]
    if first is channel:
        names.append(str(code))
    return frozenset(_channel_key(name) for name in names)


def _channel_key(text: str) -> str:
    """``fold`` with ``_`` and ``-`` read as spaces: ``"online_full"`` = ``"Online-full"``."""
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


class ActorRole(LabelledEnum):
    """Who acts on a dossier."""

    APPLICANT = "applicant", "Tổ chức, cá nhân nộp hồ sơ", "Applicant"
    ONE_STOP = "one_stop", "Bộ phận Một cửa", "One-stop section"
    COMPETENT_AUTHORITY = (
        "competent_authority",
        "Cơ quan có thẩm quyền giải quyết",
        "Competent authority",
    )
    PARTICIPATING_AGENCY = (
        "participating_agency",
        "Cơ quan phối hợp (liên thông)",
        "Participating agency (inter-agency procedure)",
    )
    PORTAL = "portal", "Cổng Dịch vụ công / hệ thống thông tin", "Public service portal or system"


class DossierStatus(LabelledEnum):
    """Status of a dossier (trạng thái hồ sơ), with its national portal code.

    Names are those systems show; the portal codes come from
    ``dossier_rules.json``.
    """

    DRAFT = "draft", "Chưa nộp, chưa tiếp nhận", "not yet submitted or received"
    SUBMITTED = "submitted", "Mới đăng ký", "submitted online, awaiting the intake check"
    RETURNED_AT_INTAKE = (
        "returned_at_intake",
        "Hướng dẫn bổ sung, hoàn thiện hồ sơ khi tiếp nhận",
        "returned for completion at intake",
    )
    REFUSED_AT_INTAKE = "refused_at_intake", "Không được tiếp nhận", "refused at intake"
    ACCEPTED = "accepted", "Được tiếp nhận", "accepted"
    IN_PROCESS = "in_process", "Đang xử lý", "in process"
    SUPPLEMENT_REQUESTED = "supplement_requested", "Yêu cầu bổ sung giấy tờ", "supplement requested"
    AWAITING_PAYMENT = (
        "awaiting_payment",
        "Yêu cầu thực hiện nghĩa vụ tài chính",
        "awaiting payment of financial obligations",
    )
    WITHDRAWN = "withdrawn", "Công dân yêu cầu rút hồ sơ", "withdrawn by the applicant"
    STOPPED = "stopped", "Dừng xử lý", "processing stopped"
    REFUSED_AFTER_REVIEW = (
        "refused_after_review",
        "Từ chối giải quyết hồ sơ",
        "refused after review",
    )
    RESULT_READY = "result_ready", "Đã xử lý xong", "result ready"
    DELIVERED = "delivered", "Đã trả kết quả", "result delivered"
    CORRECTING = "correcting", "Đang đính chính kết quả", "correcting the delivered result"

    @property
    def portal_code(self) -> int | None:
        """``TrangThaiHoSo`` code (1–10) for the national portal; ``None`` for ``DRAFT``."""
        code = _legal.rules().statuses[self.value]["portal_code"]
        return None if code is None else int(code)

    @property
    def is_terminal(self) -> bool:
        """Whether no event can follow (refused, withdrawn, stopped)."""
        return self in _TERMINAL


_TERMINAL = frozenset(
    {
        DossierStatus.REFUSED_AT_INTAKE,
        DossierStatus.WITHDRAWN,
        DossierStatus.STOPPED,
        DossierStatus.REFUSED_AFTER_REVIEW,
    }
)


class EventKind(LabelledEnum):
    """What happened to a dossier."""

    SUBMITTED_ONLINE = "submitted_online", "Nộp hồ sơ trực tuyến", "submitted online"
    RETURNED_AT_INTAKE = (
        "returned_at_intake",
        "Hướng dẫn bổ sung, hoàn thiện hồ sơ khi tiếp nhận",
        "returned for completion at intake",
    )
    REFUSED_AT_INTAKE = "refused_at_intake", "Từ chối tiếp nhận hồ sơ", "refused at intake"
    ACCEPTED = (
        "accepted",
        "Tiếp nhận hồ sơ, cấp Giấy tiếp nhận và hẹn trả kết quả",
        "accepted (receipt issued, clock starts)",
    )
    FORWARDED = "forwarded", "Chuyển hồ sơ", "forwarded"
    SUPPLEMENT_REQUESTED = (
        "supplement_requested",
        "Yêu cầu bổ sung, hoàn thiện hồ sơ",
        "supplement requested",
    )
    SUPPLEMENT_RECEIVED = "supplement_received", "Tiếp nhận hồ sơ đã bổ sung", "supplement received"
    CLOSED_NO_SUPPLEMENT = (
        "closed_no_supplement",
        "Đóng hồ sơ do không bổ sung, hoàn thiện",
        "closed for missing supplement",
    )
    PAYMENT_REQUESTED = (
        "payment_requested",
        "Yêu cầu thực hiện nghĩa vụ tài chính",
        "payment requested",
    )
    PAYMENT_RECEIVED = "payment_received", "Đã thực hiện nghĩa vụ tài chính", "payment received"
    VERIFICATION_REQUIRED = "verification_required", "Cần xác minh", "verification required"
    EXTENSION_GRANTED = (
        "extension_granted",
        "Xin lỗi và hẹn lại ngày trả kết quả",
        "extension granted with an apology",
    )
    REFUSED_AFTER_REVIEW = (
        "refused_after_review",
        "Từ chối giải quyết hồ sơ",
        "refused after review",
    )
    RESULT_ISSUED = "result_issued", "Có kết quả giải quyết", "result issued"
    RESULT_DELIVERED = "result_delivered", "Trả kết quả", "result delivered"
    WITHDRAWN = (
        "withdrawn",
        "Dừng giải quyết theo yêu cầu (rút hồ sơ)",
        "withdrawn by the applicant",
    )
    CORRECTION_REQUESTED = (
        "correction_requested",
        "Yêu cầu đính chính kết quả",
        "correction requested",
    )
    CORRECTED = "corrected", "Đã đính chính kết quả", "result corrected"
    REHOMED = (
        "rehomed",
        "Chuyển đơn vị do sắp xếp đơn vị hành chính",
        "re-homed to the successor unit (2025 reform)",
    )

    @property
    def reason_required(self) -> bool:
        """Whether the law wants written reasons for this event (refusals, requests, apology)."""
        return bool(_legal.rules().events[self.value]["reason_required"])


# --- who acted -----------------------------------------------------------------------------------


def _name_and_unit(actor: Actor, attribute: Any, name: object) -> None:
    # runs after the type check of ``unit``: the unit must name someone
    if not isinstance(name, str):
        raise InputTypeError("Người thực hiện (actor): name must be a str", argument=attribute.name)
    if not actor.unit.strip():
        raise InvalidEvent(
            "Đơn vị thực hiện (acting unit) must not be empty",
            hint="name the unit that acted, e.g. 'Bộ phận Một cửa xã Tân Phú'",
            argument="unit",
            reason="empty_unit",
        )


@attrs.frozen(slots=True)
class Actor:
    """Who acted: a role and the unit acting (``"UBND xã Tân Phú"``), optionally a person.

    Attributes:
        role: The role in the procedure.
        unit: Name or code of the acting unit.
        name: Name or position of the person, optional.
    """

    role: ActorRole = attrs.field(
        validator=instance_of(ActorRole, "Vai trò (actor role) must be an ActorRole, got {got}")
    )
    unit: str = attrs.field(
        validator=instance_of(str, "Người thực hiện (actor): unit must be a str")
    )
    name: str = attrs.field(default="", validator=_name_and_unit)


# --- the event -----------------------------------------------------------------------------------


def _payload(
    kind: EventKind | tuple[EventKind, ...], value_check: Validator, *, required: bool = False
) -> Validator:
    """Validator: the field is given for ``kind`` only (and must be, if ``required``).

    A given value is then checked by ``value_check``.
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)

    def check(event: DossierEvent, attribute: Any, value: object) -> None:
        if value is None:  # the common case first: most events leave most payloads empty
            if required and event.kind in kinds:
                raise InvalidEvent(
                    f"Sự kiện (event) '{event.kind.value}' needs {attribute.name}",
                    argument=attribute.name,
                    reason="payload",
                    event=event.kind.value,
                )
            return
        if event.kind not in kinds:
            raise InvalidEvent(
                f"Sự kiện (event) '{event.kind.value}' does not take {attribute.name}",
                argument=attribute.name,
                reason="payload",
                event=event.kind.value,
            )
        value_check(event, attribute, value)

    return check


def _missing_reason(kind: EventKind) -> InvalidEvent:
    """The refusal of an event of ``kind`` recorded without the reasons the law wants."""
    # every event that needs a reason has its article in dossier_rules.json (tested)
    ref = _legal.rules().event_refs[kind.value]
    return InvalidEvent(
        f"Lý do (reason) is required for '{kind.value}': the law wants it in writing "
        f"({ref.cite()})",
        hint="state the reasons, as on the form given to the applicant",
        argument="reason",
        reason="missing_reason",
        event=kind.value,
        legal_ref=ref,
    )


@functools.cache
def _kinds_needing_reasons() -> tuple[EventKind, ...]:
    """The kinds of event whose reasons the law wants in writing (a tuple: found by identity)."""
    return tuple(kind for kind in EventKind if kind.reason_required)


def _receiving_unit(_: object, attribute: Any, value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidEvent(
            "Đơn vị nhận (receiving unit) must be a non-empty str",
            argument=attribute.name,
            reason="payload",
        )


#: The unit a re-homing moves: where the dossier was received, or who decides it.
REHOMING_ROLES = ("reception", "competent")


def _unit_role(_: object, attribute: Any, value: object) -> None:
    if value not in REHOMING_ROLES:
        raise InvalidEvent(
            f"Vai trò của đơn vị (unit role) must be one of {', '.join(REHOMING_ROLES)}, "
            f"got {value!r}",
            argument=attribute.name,
            reason="payload",
        )


def _old_unit(_: object, attribute: Any, value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidEvent(
            "Đơn vị cũ (old unit) must be a non-empty str, the old unit's code",
            argument=attribute.name,
            reason="payload",
        )


def _a_date(_: object, attribute: Any, value: object) -> None:
    require_date(value, attribute.name)


def _an_amount(_: object, attribute: Any, value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise InvalidEvent(
            "Số tiền (amount) must be a finite, non-negative Decimal",
            argument=attribute.name,
            reason="payload",
        )


@attrs.frozen(slots=True, weakref_slot=False)  # stored_event builds it by tthc._slots
class DossierEvent:
    """One thing that happened to a dossier: what, when, who and why.

    Payload fields are used by some kinds only and must be left empty by the others:
    ``to_unit`` and ``time_allowed`` by ``FORWARDED`` (the receiving agency and its own time in
    an inter-agency hand-off, Điều 20), ``new_due_date`` by ``EXTENSION_GRANTED`` (required),
    ``amount`` by ``PAYMENT_REQUESTED``; ``unit_role``, ``from_unit`` and ``to_unit`` by
    ``REHOMED`` (all required, with ``legal_ref``: the clause that transferred the old unit).

    Attributes:
        kind: What happened.
        dossier_code: Code of the dossier (mã số hồ sơ) this event belongs to.
        at: When, an aware datetime (naive ones are refused).
        actor: Who acted.
        reason: Why, in words (required for refusals, requests and the apology).
        legal_ref: Legal basis the actor cited, optional.
        to_unit: Forwarding: the receiving unit; re-homing: the successor unit's code.
        time_allowed: Forwarding only: the receiving agency's own time for its step.
        new_due_date: Extension only: the new return date.
        amount: Payment request only: the amount asked, in VND.
        unit_role: Re-homing only: which unit moves, ``"reception"`` or ``"competent"``.
        from_unit: Re-homing only: the old unit's code, the dossier's current unit for the role.
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
    unit_role: str | None = None
    from_unit: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_event(self)


_FIELDS = attrs.fields(DossierEvent)

#: The payload fields in their order: the kinds that take each, whether they must, the check
#: of a given value.
_PAYLOAD_RULES: tuple[tuple[Any, tuple[EventKind, ...], bool, Validator], ...] = (
    (_FIELDS.to_unit, (EventKind.FORWARDED, EventKind.REHOMED), True, _receiving_unit),
    (
        _FIELDS.time_allowed,
        (EventKind.FORWARDED,),
        False,
        instance_of(Duration, "Thời hạn của bước (step time) must be a Duration"),
    ),
    (_FIELDS.new_due_date, (EventKind.EXTENSION_GRANTED,), True, _a_date),
    (_FIELDS.amount, (EventKind.PAYMENT_REQUESTED,), False, _an_amount),
    (_FIELDS.unit_role, (EventKind.REHOMED,), True, _unit_role),
    (_FIELDS.from_unit, (EventKind.REHOMED,), True, _old_unit),
)
_PAYLOAD_CHECKS = tuple(
    (field, _payload(kinds, check, required=required))
    for field, kinds, required, check in _PAYLOAD_RULES
)
#: The kinds that cannot go without a payload (a tuple: found by identity, not by hash).
_NEED_A_PAYLOAD = tuple(
    {kind: None for _, kinds, required, _ in _PAYLOAD_RULES if required for kind in kinds}
)
_NO_PAYLOAD = (None,) * len(_PAYLOAD_RULES)
# a module constant: reading a member off its enum class costs ~0.4 µs on Python 3.11
_REHOMED = EventKind.REHOMED


def _check_event(event: DossierEvent) -> None:
    """Refuse an event with a wrong field: the fields in their order, in one pass.

    The one check of an event, run whenever one is built (by hand, by [`tthc.serde`][tthc.serde],
    by ``attrs.evolve``); a long log is read event by event, so the common event, without a
    payload, costs a few comparisons. A check added here must also be added to `stored_event`
    (the stored reader's shortcut), unless the reader's types already make it hold.
    """
    kind = event.kind
    if not isinstance(kind, EventKind):
        raise InputTypeError(
            f"Loại sự kiện (event kind) must be an EventKind, got {type(kind).__name__}",
            argument="kind",
        )
    code = event.dossier_code
    if not (isinstance(code, str) and code.strip()):
        raise InvalidEvent(
            "Mã số hồ sơ (dossier code) of the event must be a non-empty str",
            argument="dossier_code",
            reason="empty_dossier_code",
        )
    vietnam_instant(event.at, "at")
    if not isinstance(event.actor, Actor):
        raise InputTypeError("Người thực hiện (actor) must be an Actor", argument="actor")
    reason = event.reason
    if not isinstance(reason, str):
        raise InputTypeError("Lý do (reason) must be a str", argument="reason")
    if not reason.strip() and kind in _kinds_needing_reasons():
        raise _missing_reason(kind)
    ref = event.legal_ref
    if ref is None:
        if kind is _REHOMED:  # an act of law: it cites the clause that moved the unit
            raise InvalidEvent(
                "Sự kiện (event) 'rehomed' needs legal_ref: the clause of the resolution that "
                "transferred the old unit to its successor",
                hint="use tthc.migrate.rehome, which cites the succession clause",
                argument="legal_ref",
                reason="payload",
                event="rehomed",
            )
    elif not isinstance(ref, LegalRef):
        raise InputTypeError("Căn cứ (legal_ref) must be a LegalRef", argument="legal_ref")
    payload = (
        event.to_unit,
        event.time_allowed,
        event.new_due_date,
        event.amount,
        event.unit_role,
        event.from_unit,
    )
    if payload != _NO_PAYLOAD or kind in _NEED_A_PAYLOAD:
        _check_payload(event, payload)


def _check_payload(event: DossierEvent, payload: tuple[Any, ...]) -> None:
    """Refuse a payload ``event`` must not have, or lacks: the last checks of `_check_event`."""
    for (field, check), value in zip(_PAYLOAD_CHECKS, payload, strict=True):
        check(event, field, value)


def stored_event(  # noqa: PLR0917 - the fields of the event, in their order
    kind: EventKind,
    dossier_code: str,
    at: _dt.datetime,
    actor: Actor,
    reason: str,
    legal_ref: Any,
    to_unit: str | None,
    time_allowed: Duration | None,
    new_due_date: _dt.date | None,
    amount: Decimal | None,
    unit_role: str | None,
    from_unit: str | None,
) -> DossierEvent:
    """The [`DossierEvent`][tthc.dossiers.DossierEvent] of these fields, as the stored reader gives them.

    Equal to ``DossierEvent(kind, dossier_code, ...)``, which it is whenever it cannot prove
    the event valid, so that a refusal is that constructor's. The stored reader
    (``tthc.dossiers._serde``) gives each field its type: the kind an `EventKind` member, the
    code and the reason a ``str``, the instant a ``datetime`` with a ``datetime.timezone``
    (the reader hands on one without an offset), the actor an `Actor`, the payload ``None`` or
    what the converter reads. The checks of `_check_event` those types leave run here: a code
    with something else than spaces, an instant away from years 1 and 9999 (which may fall
    outside the calendar in Vietnam time), the reasons the law wants, the citation of a
    re-homing (a ``LegalRef`` of that very class), then the payload (`_with_payload`).

    The fields are written to a `tthc._slots` builder, which then becomes the event (attrs'
    ``__init__`` writes each slot through ``object.__setattr__``, at three times the cost), and
    ``__attrs_post_init__``, which would run `_check_event` again, is not called.
    tests/dossiers/test_dossier_reading_fast.py compares both, field by field, and their
    refusals, for every payload of every kind.
    """
    if (
        not dossier_code.strip()
        or at.year in _EDGE_YEARS
        or (not reason.strip() and kind in _kinds_needing_reasons())
        or (kind is _REHOMED if legal_ref is None else type(legal_ref) is not LegalRef)
    ):
        return DossierEvent(
            kind,
            dossier_code,
            at,
            actor,
            reason,
            legal_ref,
            to_unit,
            time_allowed,
            new_due_date,
            amount,
            unit_role,
            from_unit,
        )
    built = _new(_EVENT_SLOTS)
    built.kind = kind
    built.dossier_code = dossier_code
    built.at = at
    built.actor = actor
    built.reason = reason
    built.legal_ref = legal_ref
    built.to_unit = to_unit
    built.time_allowed = time_allowed
    built.new_due_date = new_due_date
    built.amount = amount
    built.unit_role = unit_role
    built.from_unit = from_unit
    built.__class__ = DossierEvent
    event: DossierEvent = built
    return _with_payload(
        event, kind, (to_unit, time_allowed, new_due_date, amount, unit_role, from_unit)
    )


def _with_payload(event: DossierEvent, kind: EventKind, payload: tuple[Any, ...]) -> DossierEvent:
    """``event`` once its payload is checked: the fields its kind may have, then their values.

    The fields its kind may have and must have are `_PAYLOAD_SHAPES` (from `_PAYLOAD_RULES`). A
    payload its kind may not have is refused by `_check_payload`, on the event built: every
    earlier check of `stored_event` having passed, its refusal is the constructor's.
    """
    if payload == _NO_PAYLOAD:  # most events
        if kind in _NEED_A_PAYLOAD:
            _check_payload(event, payload)  # the refusal of the payload left out
        return event
    given = (
        payload[0] is not None,
        payload[1] is not None,
        payload[2] is not None,
        payload[3] is not None,
        payload[4] is not None,
        payload[5] is not None,
    )
    if (kind, given) in _PAYLOAD_SHAPES:
        for (field, check), value in zip(_VALUE_CHECKS, payload, strict=True):
            if value is not None:
                check(event, field, value)
    else:
        _check_payload(event, payload)  # the refusal of a field given or left out
    return event


def _payload_shapes() -> frozenset[tuple[EventKind, tuple[bool, ...]]]:
    """Each kind with each set of payload fields it may be given (``True``: given), per the rules."""
    shapes: list[tuple[EventKind, tuple[bool, ...]]] = []
    for kind in EventKind:
        choices = [
            (True,) if required and kind in kinds else (False, True) if kind in kinds else (False,)
            for _, kinds, required, _ in _PAYLOAD_RULES
        ]
        shapes.extend((kind, given) for given in itertools.product(*choices))
    return frozenset(shapes)


#: What `stored_event` looks a payload up in: whether its kind may have it, then its values.
_PAYLOAD_SHAPES = _payload_shapes()
_VALUE_CHECKS = tuple((field, check) for field, _, _, check in _PAYLOAD_RULES)
_new = object.__new__


#: Where `stored_event` writes an event's fields before it becomes one (`tthc._slots`).
_EVENT_SLOTS = slots_builder(DossierEvent)
#: The years in which an aware instant may lie outside years 1-9999 in Vietnam time.
_EDGE_YEARS = (1, 9999)


# --- sector law ----------------------------------------------------------------------------------


def _period(least: int) -> Any:
    """Validator: ``None`` or an ``int`` (not a bool) of at least ``least``."""

    def check(_: object, attribute: Any, value: object) -> None:
        if value is not None and (type(value) is not int or value < least):
            raise InputTypeError(
                f"Thời hạn chuyên ngành (sector period) {attribute.name} must be an int >= {least}",
                argument=attribute.name,
            )

    return check


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

    supplement_notice_working_days: int | None = attrs.field(default=None, validator=_period(0))
    supplement_wait_days: int | None = attrs.field(default=None, validator=_period(1))
    payment_excluded_from_limit: bool = False
    legal_ref: LegalRef | None = None
