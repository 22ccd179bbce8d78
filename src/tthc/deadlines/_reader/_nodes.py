"""The reading tree: frozen nodes that mirror the structure of a processing-time text.

Every node keeps the fragment of the (normalised) source it was read from, so a reading can
explain itself line by line, and renders to the JSON label used by the labelled corpus
(``to_label()``).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

import attrs

from tthc.deadlines._durations import Duration, DurationUnit

__all__ = [
    "Alternative",
    "Amount",
    "ByChannel",
    "Case",
    "Cases",
    "Excluded",
    "Limit",
    "Node",
    "Reading",
    "Sequence",
    "Share",
    "Shares",
    "Span",
    "WithAlternatives",
]

#: Units a reading can carry: the values of ``DurationUnit`` plus ``year`` (năm), which
#: ``Duration`` cannot express; ``immediate`` and ``same_day`` carry no amount.
UNITS = (
    "working_day",
    "calendar_day",
    "month",
    "year",
    "working_hour",
    "clock_hour",
    "working_minute",
    "clock_minute",
    "immediate",
    "same_day",
)
_NO_AMOUNT = frozenset({"immediate", "same_day"})


@attrs.frozen(slots=True)
class Span:
    """A fragment of the normalised source text: ``text[start:end]``."""

    start: int
    end: int
    text: str


def _fmt(amount: Decimal) -> str:
    return (
        format(amount.normalize(), "f")
        if amount != amount.to_integral_value()
        else str(int(amount))
    )


@attrs.frozen(slots=True)
class Amount:
    """An amount of one unit (``5 working_day``); ``immediate`` and ``same_day`` have none."""

    amount: Decimal
    unit: str = attrs.field(validator=attrs.validators.in_(UNITS))

    def label(self) -> str:
        """The corpus form: ``"5 working_day"``, ``"1.5 working_day"``, ``"immediate"``."""
        return self.unit if self.unit in _NO_AMOUNT else f"{_fmt(self.amount)} {self.unit}"

    def duration(self, cutoff: _dt.time | None = None) -> Duration | None:
        """The [`Duration`][tthc.deadlines.Duration], or ``None`` when it cannot express the unit.

        Years and fractional calendar days or months have no ``Duration``.
        """
        if self.unit == "year":
            return None
        if self.unit == "immediate":
            return Duration.immediate()
        if self.unit == "same_day":
            return Duration.same_day(cutoff)
        unit = DurationUnit(self.unit)
        if unit in (DurationUnit.CALENDAR_DAY, DurationUnit.MONTH) and (
            self.amount != self.amount.to_integral_value()
        ):
            return None
        return Duration(self.amount, unit)

    def add(self, other: Amount) -> Amount | None:
        """The sum when both have the same unit with an amount, else ``None``."""
        if self.unit != other.unit or self.unit in _NO_AMOUNT:
            return None
        return Amount(self.amount + other.amount, self.unit)


@attrs.frozen(slots=True)
class Excluded:
    """A time kept apart from the authority's limit (posting, the applicant's time, exclusions).

    ``kind`` is ``posting`` (niêm yết), ``applicant`` (the applicant's own time), ``minimum``
    (tối thiểu / ít nhất: not a limit) or ``not_counted`` (không tính / không kể thời gian ...).
    """

    kind: str
    reading: Node | None
    span: Span

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        return {
            "kind": self.kind,
            "reading": None if self.reading is None else self.reading.to_label(),
        }


@attrs.frozen(slots=True, kw_only=True)
class _Common:
    span: Span
    excluded: tuple[Excluded, ...] = ()
    cutoff: _dt.time | None = None
    start: str | None = None

    def _extras(self, label: dict[str, Any]) -> dict[str, Any]:
        if self.cutoff is not None:
            label["cutoff"] = self.cutoff.strftime("%H:%M")
        if self.start is not None:
            label["start"] = self.start
        if self.excluded:
            label["excluded"] = [item.to_label() for item in self.excluded]
        return label


@attrs.frozen(slots=True, kw_only=True)
class Limit(_Common):
    """A limit: ``amount`` bounded by ``bound``.

    ``max``: không quá / tối đa / chậm nhất / trong thời hạn; ``exact``: stated plainly.
    """

    amount: Amount
    bound: str = attrs.field(validator=attrs.validators.in_(("max", "exact")))

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        return self._extras({"limit": self.amount.label(), "bound": self.bound})

    def describe(self) -> str:
        """One line for ``explain()``."""
        word = "at most " if self.bound == "max" else ""
        cut = f", cut-off {self.cutoff:%H:%M}" if self.cutoff else ""
        return f"limit: {word}{self.amount.label()}{cut}"


@attrs.frozen(slots=True, kw_only=True)
class Sequence(_Common):
    """Steps one after the other.

    ``total`` when every step has the same unit, else ``None`` (the steps are applied in order).
    """

    steps: tuple[Node, ...]
    total: Amount | None

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        total = None if self.total is None else self.total.label()
        return self._extras({"sequence": [s.to_label() for s in self.steps], "total": total})

    def describe(self) -> str:
        """One line for ``explain()``."""
        total = "units differ: applied in order" if self.total is None else self.total.label()
        return f"sequence of {len(self.steps)} steps, total {total}"


@attrs.frozen(slots=True)
class Case:
    """One situation: its label as written and its reading."""

    label: str
    reading: Node


@attrs.frozen(slots=True, kw_only=True)
class Cases(_Common):
    """Distinct situations.

    ``default`` is the index of the general case, or ``None`` (the caller must name the case).
    """

    cases: tuple[Case, ...]
    default: int | None = None

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        cases = [{"label": c.label, "reading": c.reading.to_label()} for c in self.cases]
        return self._extras({"cases": cases, "default": self.default})

    def describe(self) -> str:
        """One line for ``explain()``."""
        default = "no default" if self.default is None else f"default case {self.default + 1}"
        return f"{len(self.cases)} cases, {default}"


@attrs.frozen(slots=True)
class Alternative:
    """A conditional limit.

    ``kind``: verification / consultation / appraisal / reissue / other; ``mode``: ``extends``
    (added to the base) or ``replaces`` (the limit in that case); ``condition`` the condition
    as written, when the text names one.
    """

    kind: str
    reading: Node
    mode: str
    condition: str = ""


@attrs.frozen(slots=True, kw_only=True)
class WithAlternatives(_Common):
    """A base limit with conditional alternatives."""

    base: Node
    alternatives: tuple[Alternative, ...]

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        alts = [
            {"kind": a.kind, "mode": a.mode, "reading": a.reading.to_label()}
            for a in self.alternatives
        ]
        return self._extras({"base": self.base.to_label(), "alternatives": alts})

    def describe(self) -> str:
        """One line for ``explain()``."""
        kinds = ", ".join(f"{a.kind} ({a.mode})" for a in self.alternatives)
        return f"base limit with alternatives: {kinds}"


@attrs.frozen(slots=True)
class Share:
    """The part of a stated total given to one body (``who``)."""

    who: str
    reading: Node


@attrs.frozen(slots=True, kw_only=True)
class Shares(_Common):
    """A stated total and its shares (checked: they add up to the total)."""

    total: Node
    shares: tuple[Share, ...]

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        shares = [{"who": s.who, "reading": s.reading.to_label()} for s in self.shares]
        return self._extras({"total": self.total.to_label(), "shares": shares})

    def describe(self) -> str:
        """One line for ``explain()``."""
        return f"total split into {len(self.shares)} shares"


@attrs.frozen(slots=True, kw_only=True)
class ByChannel(_Common):
    """Readings labelled by channel in the text (``online``, ``counter``, ``post``).

    A channel named with no time maps to ``None`` (never borrowed from another channel).
    """

    channels: tuple[tuple[str, Node | None], ...]

    def to_label(self) -> dict[str, Any]:
        """The corpus form."""
        return self._extras(
            {
                "channels": {
                    name: ({"refuse": "no_information"} if node is None else node.to_label())
                    for name, node in self.channels
                }
            }
        )

    def describe(self) -> str:
        """One line for ``explain()``."""
        return "by channel: " + ", ".join(name for name, _ in self.channels)


Node = Limit | Sequence | Cases | WithAlternatives | Shares | ByChannel


def _children(node: Node) -> list[tuple[str, Node]]:
    if isinstance(node, Sequence):
        return [(f"step {i + 1}", s) for i, s in enumerate(node.steps)]
    if isinstance(node, Cases):
        return [(f"case {c.label or '(general)'!r}", c.reading) for c in node.cases]
    if isinstance(node, WithAlternatives):
        alts = [(f"{a.kind} ({a.mode})", a.reading) for a in node.alternatives]
        return [("base", node.base), *alts]
    if isinstance(node, Shares):
        return [("total", node.total), *((f"share of {s.who!r}", s.reading) for s in node.shares)]
    if isinstance(node, ByChannel):
        return [(f"channel {n}", c) for n, c in node.channels if c is not None]
    return []


@attrs.frozen(slots=True)
class Reading:
    """The reading of one processing-time text (``ProcessingTime.reading``).

    ``to_label()`` gives the tree as plain JSON data (the form of the labelled corpus, see
    ``tests/data/processing_time_corpus.README.md``) and ``explain()`` one line per part with the
    fragment it came from; the node classes themselves are private.

    Attributes:
        root: The reading tree.
        text: The normalised text every span refers to.
        ignored: Fragments left out, each with the reason (``(fragment, reason)``).
    """

    root: Node
    text: str
    ignored: tuple[tuple[str, str], ...] = ()

    def to_label(self) -> dict[str, Any]:
        """The corpus form of the whole reading."""
        return self.root.to_label()

    def explain(self) -> str:
        """Fragment → part, one line each, then what was ignored and why."""
        lines: list[str] = []
        stack: list[tuple[int, str, Node]] = [(0, "reading", self.root)]
        while stack:
            depth, role, node = stack.pop()
            lines.append(f"{'  ' * depth}{role}: {node.describe()} ← «{node.span.text}»")
            for item in node.excluded:
                lines.append(f"{'  ' * (depth + 1)}kept apart ({item.kind}) ← «{item.span.text}»")
            stack.extend((depth + 1, r, n) for r, n in reversed(_children(node)))
        lines.extend(f"ignored: «{frag}» — {why}" for frag, why in self.ignored)
        return "\n".join(lines)
