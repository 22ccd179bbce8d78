"""Private: [`ProcessingTime`][tthc.deadlines.ProcessingTime] and [`parse_processing_time`][tthc.deadlines.parse_processing_time], built on the reader.

The reader (``_reader``) turns a text into a reading tree (limit, sequence, cases, alternatives,
shares, channels). [`ProcessingTime`][tthc.deadlines.ProcessingTime] carries that tree (``reading``) and, for callers that
need one number, the attributes that have a faithful meaning: ``base`` only when the text gives
one limit, a stated total or a sum of steps in one unit; ``alternatives``; ``cases``; the cut-off
and its rule; the parts kept apart.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

import attrs

from tthc.deadlines import _reader
from tthc.deadlines._durations import (
    AgencyShare,
    Alternative,
    AlternativeKind,
    CaseKind,
    CutoffRule,
    Duration,
)
from tthc.deadlines._reader import (
    MAX_LENGTH,
    Amount,
    ByChannel,
    Cases,
    Limit,
    Node,
    Reading,
    Sequence,
    Shares,
    WithAlternatives,
    normalise,
)
from tthc.errors import DurationError, InputTypeError, ProcessingTimeParseError

__all__ = [
    "CHANNEL_LABELS",
    "MAX_TEXT_LENGTH",
    "ProcessingCase",
    "ProcessingTime",
    "alternative_kind",
    "amount_duration",
    "clear_cache",
    "parse_processing_time",
]

#: Longest text accepted (characters). Real processing-time texts are under 2,000 characters.
MAX_TEXT_LENGTH = MAX_LENGTH

#: The channels a text may label, as the reader names them → the label kept in ``cases``.
CHANNEL_LABELS = {"online": "trực tuyến", "counter": "trực tiếp", "post": "dịch vụ bưu chính"}

_KINDS = {
    "verification": AlternativeKind.VERIFICATION,
    "consultation": AlternativeKind.CONSULTATION,
    "appraisal": AlternativeKind.APPRAISAL,
    "reissue": AlternativeKind.REISSUE,
}
_COMPLEX = re.compile(r"phức\s+tạp", re.IGNORECASE)
_REMOTE = re.compile(r"vùng\s+sâu|vùng\s+xa|đi\s+lại\s+khó\s+khăn|cách\s+xa|hải\s+đảo|\bkm\b", re.I)
_AGREEMENT = re.compile(r"th[oỏ]a\s+thuận|thoả\s+thuận", re.IGNORECASE)
_ANCHOR = re.compile(r"(?:kể|tính)\s+từ\b", re.IGNORECASE)
_ANCHOR_END = re.compile(r"[,;()]|…|\.\s|\s(?:đối\s+với|với\s+trường\s+hợp|thì)\s|\.?$")
_CLOCK = re.compile(r"(?:được\s+)?tính\s+từ\s+(?:khi|ngày)\s[^.;]*\svà\s[^.;]*", re.IGNORECASE)
_NO_LIMIT = re.compile(
    r"(?:thời\s+hạn(?:\s+giải\s+quyết)?\s*:\s*)?không\s+quy\s+định(?:\s+thời\s+hạn)?"
    r"(?:\s+giải\s+quyết)?\W*",
    re.IGNORECASE,
)
_REFERS = re.compile(
    r"(?:thời\s+hạn(?:\s+giải\s+quyết)?\s*:\s*)?(?:theo|căn\s+cứ)\s+(?P<what>.+?)\W*",
    re.IGNORECASE,
)


def amount_duration(amount: Amount, cutoff: _dt.time | None = None) -> Duration | None:
    """The [`Duration`][tthc.deadlines.Duration] of a reading's amount; a year counts as 12 months.

    Bộ luật Dân sự 2015 Điều 148.4: a limit in years ends on the corresponding day and month of
    the last year — the same date as 12 months per year (Điều 148.3 then gives the month's last
    day when that date does not exist, e.g. 29/02). ``None`` when no ``Duration`` can hold it.
    """
    if amount.unit == "year":
        return Duration.months(amount.amount * 12) if amount.amount % 1 == 0 else None
    return amount.duration(cutoff)


@attrs.frozen(slots=True)
class ProcessingCase:
    """A processing time that applies to one case, channel or step only."""

    label: str
    kind: CaseKind
    time: ProcessingTime


def _reading_of(time: ProcessingTime) -> Reading | None:
    """The reading of ``source`` when the attributes are exactly what it gives, else ``None``."""
    outcome = _outcome(time.source) if isinstance(time.source, str) else None
    if not isinstance(outcome, _Read):
        return None
    return outcome.reading if _fields(time) == outcome.fields else None


@attrs.frozen(slots=True)
class ProcessingTime:
    """A processing-time text (thời hạn giải quyết) read into structure.

    Attributes:
        source: The text as given.
        base: The one limit that applies without a condition, case or channel to name: the text's
            only limit, its stated total, or the sum of its steps when they share a unit; else
            ``None`` (cases with no default, steps in different units, only conditional limits,
            no limit, a reference elsewhere).
        bound: The bound word in front of the base limit, lower case (``"không quá"``,
            ``"tối đa"``, ``"chậm nhất"``, ``"trong vòng"``, ``"trong thời hạn"``), if any.
        minimum: Kept for compatibility; always ``None`` (a range is refused).
        alternatives: Conditional limits (verification, complexity, remote area, extension ...).
        cases: Limits that apply to one case or one channel only.
        agencies: The shares of a stated total, or the steps of a sequence, in order.
        extension_by_agreement: The text allows a longer time agreed with the applicant.
        cutoff: Daily cut-off time read from the text (``sau 15 giờ``), if any.
        cutoff_rule: What the cut-off does ([`CutoffRule`][tthc.deadlines.CutoffRule]).
        start_anchor: When counting starts, as written ("kể từ ngày nhận đủ hồ sơ hợp lệ").
        no_limit: The text says there is no limit ("Không quy định").
        refers_to: The text refers elsewhere for the limit ("theo Quy chế làm việc ...").
        per_unit: Kept for compatibility; always ``None`` (a limit per item is refused).
        exclusions: Periods kept apart from the count (posting, "không tính thời gian ...").
        clock_conditions: Sentences that condition the start of the clock.
        ignored: Amounts that are not the authority's limit (the applicant's time, minimums),
            kept for transparency; ``reading.ignored`` also lists the sentences left out.
        reading: The reading tree of ``source`` (``None`` when the attributes were built by hand
            and differ from it, or the text has no reading: no limit, a reference). Derived, so
            not part of equality, repr or serialisation.
    """

    source: str
    base: Duration | None = None
    bound: str | None = None
    minimum: Duration | None = None
    alternatives: tuple[Alternative, ...] = ()
    cases: tuple[ProcessingCase, ...] = ()
    agencies: tuple[AgencyShare, ...] = ()
    extension_by_agreement: bool = False
    cutoff: _dt.time | None = None
    cutoff_rule: CutoffRule | None = None
    start_anchor: str | None = None
    no_limit: bool = False
    refers_to: str | None = None
    per_unit: str | None = None
    exclusions: tuple[str, ...] = ()
    clock_conditions: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    reading: Reading | None = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_reading_of, takes_self=True)
    )

    def alternative(self, kind: AlternativeKind = AlternativeKind.VERIFICATION) -> Alternative:
        """Return the first alternative of ``kind``.

        Raises:
            DurationError: the text has no alternative of that kind.
        """
        for alt in self.alternatives:
            if alt.kind is kind:
                return alt
        raise DurationError(
            f"Thời hạn theo điều kiện (conditional limit): the text has no {kind.value} "
            "alternative",
            kind=kind.value,
            available=[a.kind.value for a in self.alternatives],
        )

    def case(self, label_contains: str) -> ProcessingCase:
        """Return the only case whose label contains ``label_contains`` (case-insensitive).

        Raises:
            DurationError: no case, or several cases, match.
        """
        needle = label_contains.lower()
        found = [c for c in self.cases if needle in c.label.lower()]
        if len(found) != 1:
            raise DurationError(
                f"Trường hợp (case): {len(found)} cases match {label_contains!r}; exactly one is "
                "needed",
                argument="label_contains",
                labels=[c.label for c in self.cases],
            )
        return found[0]

    def require_base(self) -> Duration:
        """Return [`base`][tthc.deadlines.ProcessingTime.base], or raise a [`DurationError`][tthc.errors.DurationError] saying why not."""
        if self.base is not None:
            return self.base
        if self.no_limit:
            reason = "the text says there is no limit (không quy định)"
        elif self.refers_to:
            reason = f"the limit is set elsewhere ({self.refers_to})"
        elif self.cases:
            reason = "the limit differs by case: " + "; ".join(
                f"{c.label}: {c.time.base if c.time.base else '…'}" for c in self.cases
            )
        elif self.agencies:
            reason = "the steps are in different units and are applied one after the other"
        else:
            reason = "the text gives only conditional limits"
        raise DurationError(
            f"Thời hạn giải quyết (processing time) has no single base limit: {reason}",
            hint="pick a case (ProcessingTime.case(...)) or an alternative and pass its Duration",
            source=self.source[:200],
        )


_FIELDS = tuple(a.name for a in attrs.fields(ProcessingTime) if a.init)
_DEFAULTS = {a.name: a.default for a in attrs.fields(ProcessingTime) if a.init}


def _fields(time: ProcessingTime) -> tuple[Any, ...]:
    return tuple(getattr(time, name) for name in _FIELDS)


def _fields_from(**given: Any) -> tuple[Any, ...]:
    """The attribute values, in order, without building a ProcessingTime (that would read)."""
    return tuple(given[name] if name in given else _DEFAULTS[name] for name in _FIELDS)


# --- from the reading tree to the attributes -----------------------------------------------------


@attrs.frozen(slots=True)
class _Read:
    reading: Reading
    fields: tuple[Any, ...]


@attrs.frozen(slots=True)
class _Refused:
    message: str
    hint: str | None
    context: tuple[tuple[str, Any], ...]
    error: type[ProcessingTimeParseError]


def _leaf_bound(text: str, node: Limit) -> str | None:
    if node.bound != "max":
        return None
    from tthc.deadlines._reader import _lexicon as lx  # noqa: PLC0415 - loaded with the reader

    before = re.split(r"[.;]", text[max(0, node.span.start - 48) : node.span.start])[-1]
    found = lx.BOUND_MAX.search(before)
    return None if found is None else re.sub(r"\s+", " ", found.group(0)).strip(" :").lower()


def _base_of(node: Node | None) -> tuple[Duration | None, Limit | None]:
    """The single limit of a node and the leaf it comes from (``None`` when there is none)."""
    if isinstance(node, Limit):
        return amount_duration(node.amount, node.cutoff), node
    if isinstance(node, Sequence) and node.total is not None:
        return amount_duration(node.total), None
    if isinstance(node, Shares):
        return _base_of(node.total)
    if isinstance(node, WithAlternatives):
        return _base_of(node.base)
    if isinstance(node, Cases) and node.default is not None:
        return _base_of(node.cases[node.default].reading)
    return None, None


def alternative_kind(kind: str, text: str) -> AlternativeKind:
    """The [`AlternativeKind`][tthc.deadlines.AlternativeKind] of a reading's alternative (``kind``) and its wording."""
    if kind in _KINDS:
        return _KINDS[kind]
    if _COMPLEX.search(text):
        return AlternativeKind.COMPLEXITY
    if _REMOTE.search(text):
        return AlternativeKind.REMOTE_AREA
    return AlternativeKind.EXTENSION


def _alternatives(node: Node) -> tuple[Alternative, ...]:
    if not isinstance(node, WithAlternatives):
        return ()
    found = []
    for alt in node.alternatives:
        duration, _ = _base_of(alt.reading)
        if duration is None:
            continue
        text = alt.reading.span.text
        found.append(
            Alternative(
                duration,
                alternative_kind(alt.kind, f"{alt.condition} {text}"),
                alt.condition,
                alt.mode == "extends",
                text,
            )
        )
    return tuple(found)


def _sub_time(node: Node | None) -> ProcessingTime:
    if node is None:
        return ProcessingTime(source="")
    base, _ = _base_of(node)
    return ProcessingTime(
        source=node.span.text, base=base, alternatives=_alternatives(node), cases=_cases(node)
    )


def _cases(node: Node) -> tuple[ProcessingCase, ...]:
    if isinstance(node, Cases):
        return tuple(
            ProcessingCase(c.label, CaseKind.CASE, _sub_time(c.reading)) for c in node.cases
        )
    if isinstance(node, ByChannel):
        return tuple(
            ProcessingCase(CHANNEL_LABELS[name], CaseKind.CHANNEL, _sub_time(reading))
            for name, reading in node.channels
        )
    if isinstance(node, WithAlternatives):
        return _cases(node.base)
    return ()


def _agencies(node: Node) -> tuple[AgencyShare, ...]:
    if isinstance(node, Shares):
        pairs = [(s.who, _base_of(s.reading)[0]) for s in node.shares]
    elif isinstance(node, Sequence):
        pairs = [(s.span.text, _base_of(s)[0]) for s in node.steps]
    elif isinstance(node, WithAlternatives):
        return _agencies(node.base)
    else:
        return ()
    return tuple(AgencyShare(who, d) for who, d in pairs if d is not None)


def _walk(node: Node) -> list[Node]:
    found: list[Node] = [node]
    children: list[Node | None] = []
    if isinstance(node, Sequence):
        children = list(node.steps)
    elif isinstance(node, Cases):
        children = [c.reading for c in node.cases]
    elif isinstance(node, WithAlternatives):
        children = [node.base, *(a.reading for a in node.alternatives)]
    elif isinstance(node, Shares):
        children = [node.total, *(s.reading for s in node.shares)]
    elif isinstance(node, ByChannel):
        children = [c for _, c in node.channels]
    for child in children:
        if child is not None:
            found.extend(_walk(child))
    return found


def _cutoff(root: Node) -> tuple[_dt.time | None, CutoffRule | None]:
    if root.start == "next_working_day" and root.cutoff is not None:
        return root.cutoff, CutoffRule.START_NEXT_WORKING_DAY
    for node in _walk(root):
        if isinstance(node, Limit) and node.amount.unit == "same_day" and node.cutoff:
            return node.cutoff, CutoffRule.RESULT_NEXT_WORKING_DAY
    return None, None


def _anchor(text: str, leaf: Limit | None) -> str | None:
    if leaf is None:
        return None
    from tthc.deadlines._reader import _lexicon as lx  # noqa: PLC0415 - loaded with the reader

    end = text.find(";", leaf.span.end)
    found = _ANCHOR.search(text, leaf.span.end, len(text) if end < 0 else end)
    if found is None or lx.DURATION.search(text, leaf.span.end, found.start()):
        clause = max(text.rfind(";", 0, leaf.span.start), text.rfind(". ", 0, leaf.span.start))
        found = _ANCHOR.search(text, clause + 1, leaf.span.start)
    if found is None:
        return None
    stop = _ANCHOR_END.search(text, found.end())
    stop_at = stop.start() if stop is not None else len(text)
    if found.start() < leaf.span.start:
        stop_at = min(stop_at, leaf.span.start)
    words = text[found.start() : stop_at].strip(" ,;:.…")
    return words or None


def _fields_of(reading: Reading, source: str) -> tuple[Any, ...]:
    root, text = reading.root, reading.text
    base, leaf = _base_of(root)
    cutoff, rule = _cutoff(root)
    kept = [item for node in _walk(root) for item in node.excluded]
    return _fields_from(
        source=source,
        base=base,
        bound=None if leaf is None else _leaf_bound(text, leaf),
        alternatives=_alternatives(root),
        cases=_cases(root),
        agencies=_agencies(root),
        extension_by_agreement=_AGREEMENT.search(text) is not None,
        cutoff=cutoff,
        cutoff_rule=rule,
        start_anchor=_anchor(text, leaf),
        exclusions=tuple(
            dict.fromkeys(e.span.text for e in kept if e.kind in ("posting", "not_counted"))
        ),
        clock_conditions=tuple(dict.fromkeys(m.group(0) for m in _CLOCK.finditer(text))),
        ignored=tuple(
            dict.fromkeys(e.span.text for e in kept if e.kind in ("applicant", "minimum"))
        ),
    )


def _whole_text_fields(
    source: str, normalised: str, error: ProcessingTimeParseError
) -> tuple[Any, ...] | None:
    """Texts with no limit of their own: "Không quy định", "Theo quy định hiện hành"."""
    text = normalised.strip(" .;:")
    if _NO_LIMIT.fullmatch(text):
        return _fields_from(source=source, no_limit=True)
    refers = _REFERS.fullmatch(text)
    if refers is not None and error.context.get("reason") in ("by_reference", "no_authority_time"):
        what = refers.group("what").strip(" .;:")
        return _fields_from(source=source, refers_to=what or None)
    return None


#: Reader refusal codes → the stable ``reason`` codes ``parse_processing_time`` has always used.
_PUBLIC_REASONS = {
    "no_authority_time": "no_duration",
    "conflicting_limits": "conflicting_durations",
}
_BARE = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_SEE = re.compile(r"xem\s+(?:phần\s+)?(?:mô\s+tả|chi\s+tiết)", re.IGNORECASE)


def _public_reason(reason: str, normalised: str) -> str:
    """The stable public reason of a refusal (``context["reader_reason"]`` keeps the reader's)."""
    text = normalised.strip(" .,;:-+*()/")
    if reason == "bare_number":
        return "missing_unit" if _BARE.fullmatch(text) else "invalid_amount"
    if reason == "no_information":
        if not text:
            return "empty"
        return "see_description" if _SEE.match(text) else reason
    return _PUBLIC_REASONS.get(reason, reason)


@functools.lru_cache(maxsize=16384)
def _outcome(source: str) -> _Read | _Refused | tuple[Any, ...]:
    """The reading of ``source`` and its attributes, or the refusal (cached on the text)."""
    if len(source) > MAX_TEXT_LENGTH:
        _reader.read_processing_time(source)  # refuses: too long
    normalised = normalise(source)
    try:
        reading = _reader.read_processing_time_cached(normalised)
    except ProcessingTimeParseError as error:
        plain = _whole_text_fields(source, normalised, error)
        if plain is not None:
            return plain
        reason = _public_reason(str(error.context.get("reason", "")), normalised)
        context = {
            "fragment": source[:200],
            **error.context,
            "reason": reason,
            "reader_reason": error.context.get("reason"),
            "text": source[:200],
        }
        return _Refused(error.message, error.hint, tuple(context.items()), type(error))
    return _Read(reading, _fields_of(reading, source))


def _checked(text: object) -> str:
    if not isinstance(text, str):
        raise InputTypeError(
            f"Thời hạn giải quyết (processing time): text must be a str, got {type(text).__name__}",
            argument="text",
            got=type(text).__name__,
        )
    if len(text) > MAX_TEXT_LENGTH:
        raise ProcessingTimeParseError(
            "Thời hạn giải quyết (processing time) cannot be read: the text has "
            f"{len(text)} characters, more than the {MAX_TEXT_LENGTH} accepted",
            hint="pass only the processing-time part of the procedure description",
            reason="too_long",
            fragment=text[:80],
            text=text[:200],
        )
    return text


@functools.lru_cache(maxsize=16384)
def _parsed(text: str) -> ProcessingTime | _Refused:
    outcome = _outcome(text)
    if isinstance(outcome, _Refused):
        return outcome
    fields = outcome.fields if isinstance(outcome, _Read) else outcome
    return ProcessingTime(**dict(zip(_FIELDS, fields, strict=True)))


def parse_processing_time(text: str) -> ProcessingTime:
    """Read a processing-time text (thời hạn giải quyết) into a [`ProcessingTime`][tthc.deadlines.ProcessingTime].

    The text is read into a tree (``ProcessingTime.reading``: one limit, steps in sequence,
    cases, alternatives, shares of a total, channels, with what was kept apart and why) and the
    attributes that have a faithful meaning are filled from it. Readings and refusals are cached
    on the text (both are immutable).

    Args:
        text: The text, at most [`MAX_TEXT_LENGTH`][tthc.deadlines.MAX_TEXT_LENGTH] characters.

    Returns:
        The structured reading; ``source`` keeps ``text`` unchanged.

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        ProcessingTimeParseError: the text cannot be read without guessing. ``context['reason']``
            is a stable sub-code (``missing_unit``, ``invalid_amount``, ``empty``,
            ``no_information``, ``see_description``, ``no_duration``, ``no_amount``,
            ``conflicting_durations``, ``alternative_only``, ``minimum_only``, ``range``,
            ``per_unit``, ``mixed_units``, ``number_mismatch``, ``ambiguous_number``,
            ``shares_mismatch``, ``duplicate_cases``, ``fixed_date``, ``unsupported``,
            ``too_long``), ``context['reader_reason']`` the reader's own code,
            ``context['fragment']`` the offending part and ``context['text']`` the text.
    """
    if type(text) is not str or len(text) > MAX_TEXT_LENGTH:
        text = _checked(text)
    found = _parsed(text)
    if isinstance(found, ProcessingTime):
        return found
    raise found.error(found.message, hint=found.hint, **dict(found.context))


def clear_cache() -> None:
    """Forget every cached reading (for benchmarks): the text caches and the reader's."""
    _parsed.cache_clear()
    _outcome.cache_clear()
    from tthc.deadlines._reader._read import clear_cache  # noqa: PLC0415 - the reader, if loaded

    clear_cache()
