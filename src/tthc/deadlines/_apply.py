"""Private: how [`compute_deadline`][tthc.deadlines.compute_deadline] applies a [`ProcessingTime`][tthc.deadlines.ProcessingTime] — the plan of steps.

A reading tree becomes an ordered list of limits, each with the fragment of the text it comes
from: one limit, a stated or summable total, or the steps of a sequence in different units
(each counted from the previous step's due date). Cases with no default and channels labelled
in the text need the caller to name one; a channel with no time of its own is refused (never
borrowed from another channel); an alternative applies only when named, "extends" added to the
base, "replaces" on its own. Parts kept apart (posting, the applicant's time, "không kể thời
gian …") are listed in the explanation, never counted.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from tthc._text import fold
from tthc.deadlines._durations import AlternativeKind, CaseKind, CutoffRule, Duration
from tthc.deadlines._processing_time import (
    CHANNEL_LABELS,
    ProcessingTime,
    alternative_kind,
    amount_duration,
)
from tthc.deadlines._reader import (
    ByChannel,
    Cases,
    Limit,
    Node,
    Reading,
    Sequence,
    Shares,
    WithAlternatives,
)
from tthc.deadlines._reader._nodes import Alternative as ReadAlternative
from tthc.errors import CaseRequired, DurationError, InputTypeError, ProcessingTimeParseError

__all__ = ["Plan", "plan"]

_KEPT_APART = {
    "posting": "thời gian niêm yết (posting)",
    "applicant": "thời gian của người nộp (the applicant's time)",
    "not_counted": "không tính (not counted)",
    "minimum": "thời hạn tối thiểu (a minimum, not a limit)",
}


@attrs.frozen(slots=True)
class Plan:
    """The limits to count, in order, with the explanation of where each came from.

    Attributes:
        steps: The limits, counted one after the other (one for a single limit or a total).
        start_after_cutoff: Cut-off after which counting starts the next working day.
        parts: Lines "fragment → part" for the explanation.
    """

    steps: tuple[Duration, ...]
    start_after_cutoff: _dt.time | None = None
    parts: tuple[str, ...] = ()


def _name(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if not isinstance(value, str):
        raise InputTypeError(
            f"Trường hợp / kênh (case / channel) must be a str, got {type(value).__name__}",
            argument="case",
        )
    return value


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _reading_channel(label: str) -> str:
    """The reading's name of the channel a label names, in the one vocabulary of channels.

    A text gives one "trực tuyến" time, which applies to fully and partly online filing alike.
    """
    from tthc.dossiers._model import Channel  # noqa: PLC0415 - tthc.dossiers imports deadlines

    try:
        channel = Channel.parse(label)
    except InputTypeError:
        return _key(label)
    return "online" if channel.is_online else str(channel.value)


def _refuse(reason: str, message: str, **context: object) -> ProcessingTimeParseError:
    return ProcessingTimeParseError(
        f"Thời hạn giải quyết (processing time) cannot be applied: {message}",
        hint="name the case or channel the dossier is in, or pass a Duration",
        reason=reason,
        **context,
    )


class _Planner:
    """One plan: the options the caller named and the lines of the explanation."""

    def __init__(self, case: str | None, channel: str | None, alternative: object) -> None:
        self.case = case
        self.channel = channel
        self.alternative = alternative
        self.parts: list[str] = []
        self.used_case = False
        self.used_alternative = False

    def node(self, node: Node) -> tuple[Duration, ...]:
        for item in node.excluded:
            what = _KEPT_APART.get(item.kind, item.kind)
            self.parts.append(f"Không tính (kept apart): «{item.span.text}» — {what}")
        if isinstance(node, ByChannel):
            return self._channel(node)
        if isinstance(node, Cases):
            return self._cases(node)
        if isinstance(node, WithAlternatives):
            return self._alternatives(node)
        if isinstance(node, Shares):
            shares = ", ".join(f"{s.who}: {s.reading.span.text}" for s in node.shares)
            self.parts.append(f"Phân chia (shares, not added again): {shares}")
            return self.node(node.total)
        if isinstance(node, Sequence):
            return self._sequence(node)
        return (self._limit(node),)

    def _limit(self, node: Limit) -> Duration:
        duration = amount_duration(node.amount, node.cutoff)
        if duration is None:
            raise _refuse("inexpressible", f"{node.span.text!r} is not a limit tthc can count")
        year = " (1 năm = 12 tháng, BLDS 2015 Điều 148.4)" if node.amount.unit == "year" else ""
        self.parts.append(f"Thời hạn (limit): «{node.span.text}» → {duration}{year}")
        return duration

    def _sequence(self, node: Sequence) -> tuple[Duration, ...]:
        if node.total is not None:
            total = amount_duration(node.total)
            if total is not None:
                steps = " + ".join(f"«{s.span.text}»" for s in node.steps)
                self.parts.append(f"Các bước cộng lại (steps added): {steps} → {total}")
                return (total,)
        found: list[Duration] = []
        for index, step in enumerate(node.steps, start=1):
            self.parts.append(f"Bước {index} (step {index}), tính tiếp từ hạn của bước trước:")
            found.extend(self.node(step))
        return tuple(found)

    def _channel(self, node: ByChannel) -> tuple[Duration, ...]:
        names = [CHANNEL_LABELS[name] for name, _ in node.channels]
        if self.channel is None:
            raise CaseRequired(
                "Thời hạn giải quyết (processing time) differs by channel (kênh): name the "
                "channel the dossier was filed through",
                hint="compute_deadline(..., channel='trực tuyến')",
                reason="channel_required",
                cases=names,
            )
        wanted = _reading_channel(self.channel)
        for name, reading in node.channels:
            if wanted in (name, _key(CHANNEL_LABELS[name])):
                if reading is None:
                    raise _refuse(
                        "channel_without_time",
                        f"the text names the channel {CHANNEL_LABELS[name]!r} with no time; "
                        "another channel's time is never borrowed",
                        channel=name,
                    )
                self.parts.append(f"Kênh (channel): {CHANNEL_LABELS[name]}")
                return self.node(reading)
        raise _refuse(
            "unknown_channel",
            f"the text gives no time for the channel {self.channel!r}",
            channel=self.channel,
            cases=names,
        )

    def _cases(self, node: Cases) -> tuple[Duration, ...]:
        labels = [c.label or "(chung / general)" for c in node.cases]
        if self.case is not None:
            wanted = _key(self.case)
            found = [c for c in node.cases if wanted and wanted in _key(c.label)]
            if len(found) != 1:
                raise CaseRequired(
                    f"Trường hợp (case): {len(found)} cases match {self.case!r}; exactly one is "
                    "needed",
                    hint="name one of context['cases']",
                    reason="unknown_case" if not found else "ambiguous_case",
                    cases=labels,
                )
            self.used_case = True
            self.parts.append(f"Trường hợp (case): «{found[0].label}»")
            return self.node(found[0].reading)
        if node.default is None:
            raise CaseRequired(
                "Thời hạn giải quyết (processing time) differs by case (trường hợp) and the text "
                "gives no general one: name the case",
                hint="compute_deadline(..., case='<words of the case label>')",
                reason="case_required",
                cases=labels,
            )
        self.parts.append(f"Trường hợp chung (general case): «{labels[node.default]}»")
        return self.node(node.cases[node.default].reading)

    def _alternatives(self, node: WithAlternatives) -> tuple[Duration, ...]:
        chosen = self._chosen(node.alternatives)
        for alt in node.alternatives:
            if alt is not chosen:
                self.parts.append(
                    f"Không áp dụng (not applied): {alt.kind} ({alt.mode}) «{alt.reading.span.text}»"
                )
        if chosen is None:
            return self.node(node.base)
        self.used_alternative = True
        if chosen.mode == "replaces":
            self.parts.append(f"Áp dụng (applied, replaces the base): {chosen.kind}")
            return self.node(chosen.reading)
        base = self.node(node.base)
        self.parts.append(f"Áp dụng (applied, added to the base): {chosen.kind}")
        extra = self.node(chosen.reading)
        if len(base) == 1 and len(extra) == 1 and base[0].unit is extra[0].unit:
            return (base[0] + extra[0],)
        return base + extra

    def _chosen(self, alternatives: tuple[ReadAlternative, ...]) -> ReadAlternative | None:
        if self.alternative is None:
            return None
        kind = _kind(self.alternative)
        found = [
            a
            for a in alternatives
            if alternative_kind(a.kind, f"{a.condition} {a.reading.span.text}") is kind
        ]
        if len(found) != 1:
            raise DurationError(
                f"Thời hạn theo điều kiện (conditional limit): {len(found)} alternatives of kind "
                f"{kind.value!r}; exactly one is needed",
                kind=kind.value,
                available=[a.kind for a in alternatives],
            )
        return found[0]


def _start_rule(reading: Reading) -> _dt.time | None:
    root = reading.root
    return root.cutoff if root.start == "next_working_day" else None


def _from_reading(
    reading: Reading, case: str | None, channel: str | None, alternative: object
) -> Plan:
    planner = _Planner(case, channel, alternative)
    steps = planner.node(reading.root)
    if case is not None and not planner.used_case:
        raise DurationError(
            f"Trường hợp (case) {case!r}: the text gives no cases",
            argument="case",
        )
    if alternative is not None and not planner.used_alternative:
        raise DurationError(
            "Thời hạn theo điều kiện (conditional limit): the text gives no alternative",
            argument="alternative",
        )
    planner.parts.extend(f"Bỏ qua (ignored): «{frag}» — {why}" for frag, why in reading.ignored)
    return Plan(steps, _start_rule(reading), tuple(planner.parts))


def _kind(alternative: object) -> AlternativeKind:
    if isinstance(alternative, AlternativeKind):
        return alternative
    name = _name(alternative)
    for kind in AlternativeKind:
        if name == kind.value:
            return kind
    raise DurationError(
        f"Thời hạn theo điều kiện (conditional limit): unknown kind {name!r}",
        argument="alternative",
        allowed=[k.value for k in AlternativeKind],
    )


def _from_attributes(
    time: ProcessingTime, case: str | None, channel: str | None, alternative: object
) -> Plan:
    """A ProcessingTime built by hand (or read back from JSON): its attributes as they are."""
    shift = time.cutoff if time.cutoff_rule is CutoffRule.START_NEXT_WORKING_DAY else None
    if channel is not None and any(c.kind is CaseKind.CHANNEL for c in time.cases):
        time = time.case(CHANNEL_LABELS.get(channel, channel)).time
    if case is not None:
        time = time.case(case).time
    if alternative is not None:
        base = time.base
        return Plan((time.alternative(_kind(alternative)).total(base),), shift)
    if time.base is None and time.cases:
        raise CaseRequired(
            "Thời hạn giải quyết (processing time) differs by case (trường hợp): name the case",
            hint="compute_deadline(..., case='<words of the case label>')",
            reason="case_required",
            cases=[c.label for c in time.cases],
        )
    return Plan((time.require_base(),), shift)


def plan(
    limit: ProcessingTime,
    *,
    case: object = None,
    channel: object = None,
    alternative: object = None,
) -> Plan:
    """The plan of ``limit`` for the case, channel and alternative the caller names."""
    case_name = None if case is None else _name(case)
    channel_name = None if channel is None else _name(channel)
    if limit.reading is None:
        return _from_attributes(limit, case_name, channel_name, alternative)
    return _from_reading(limit.reading, case_name, channel_name, alternative)
