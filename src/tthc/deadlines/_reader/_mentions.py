"""Mentions: every amount, "ngay" (immediately), "trong ngày" (same day) and cut-off in a text.

A mention is found once over the whole normalised text; the segmenter later assigns mentions to
blocks and clauses by position.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

import attrs

from tthc.deadlines._reader import _lexicon as lx
from tthc.deadlines._reader._nodes import Amount
from tthc.deadlines._reader._numbers import parse_digits, parse_words
from tthc.errors import ProcessingTimeParseError

__all__ = ["Cutoff", "Mention", "find_cutoff", "find_mentions", "masked_spans", "refuse"]


def refuse(reason: str, detail: str, **context: object) -> ProcessingTimeParseError:
    """The error for a text the grammar will not read (``context["reason"]`` = ``reason``)."""
    return ProcessingTimeParseError(
        f"Thời hạn giải quyết (processing time) cannot be read: {detail}",
        hint="read the text yourself and pass a Duration, or name the case",
        reason=reason,
        **context,
    )


@attrs.frozen(slots=True)
class Mention:
    """An amount found in the text, with the bound words right before it."""

    start: int
    end: int
    amount: Amount
    bound: str  # "max", "exact" or "min"


@attrs.frozen(slots=True)
class Cutoff:
    """A cut-off ("nhận sau 15 giờ ...") and whether the count then starts the next day."""

    start: int
    end: int
    time: _dt.time
    start_next_day: bool


#: The case-sensitive mask (a pasted structured row: "Dịch vụ bưu chính 02 Ngày") runs apart;
#: the others run as one case-insensitive alternation.
_STRUCTURED_ROW = lx.MASKS[-1]


def _led_by(first: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    return rf"(?={first})(?:" + "|".join(f"(?:{p.pattern})" for p in patterns) + ")"


#: The masks grouped by the character they start with (a digit or "(", or a word such as
#: "ngày", "điều"): the look-ahead lets the engine skip most positions at once. The groups
#: start on different characters, so the first match at a position is the same as with the
#: masks in their listed order.
def _digit_led(pattern: re.Pattern[str]) -> bool:
    return pattern.pattern.startswith(("\\b\\d", "\\("))


_ANY_MASK = re.compile(
    _led_by(r"[\d(]", tuple(p for p in lx.MASKS[:-1] if _digit_led(p)))
    + "|"
    + _led_by(r"[^\W\d_]", tuple(p for p in lx.MASKS[:-1] if not _digit_led(p))),
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of digits that are not amounts (dates, document numbers, articles, money)."""
    if _DIGIT.search(text) is None:
        return []
    return [m.span() for m in _ANY_MASK.finditer(text)] + [
        m.span()
        for pattern in lx.MASKS
        for m in pattern.finditer(text)
        if pattern is _STRUCTURED_ROW
    ]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _number(match: re.Match[str]) -> Decimal:
    first = parse_digits(match["d1"]) if match["d1"] else Decimal(parse_words(match["w1"]))
    second_text = match["d2"] or match["w2"]
    if second_text:
        second = parse_digits(second_text) if match["d2"] else Decimal(parse_words(second_text))
        if second != first:
            raise refuse(
                "number_mismatch",
                f"the number in words and in digits disagree in {match.group(0)!r}",
                fragment=match.group(0),
            )
    return first


def _amount(match: re.Match[str]) -> Amount:
    value = _number(match)
    word = match["unit"].split()[0].lower()
    working = bool(match["wd"] or match["wh"] or match["wm"] or match["ww"])
    unit, factor = lx.UNIT_OF[(word, working)]
    if match["half1"] or match["half2"]:
        value += Decimal("0.5")
    value *= factor
    if value <= 0:
        raise refuse("bare_number", f"a limit of {match.group(0)!r} is meaningless")
    if unit in ("calendar_day", "month", "year") and value != value.to_integral_value():
        raise refuse(
            "unsupported",
            f"{match.group(0)!r} is a fraction of a {unit.replace('_', ' ')}, which the law "
            "does not count",
            fragment=match.group(0),
        )
    return Amount(value, unit)


_COMPOUND = {
    ("year", "month"): ("month", Decimal(12)),
    ("clock_hour", "clock_minute"): ("clock_minute", Decimal(60)),
    ("working_hour", "working_minute"): ("working_minute", Decimal(60)),
}


def _merge(first: Mention, second: Mention, text: str) -> Mention:
    rule = _COMPOUND.get((first.amount.unit, second.amount.unit))
    if rule is None:
        raise refuse(
            "mixed_units",
            f"{text[first.start : second.end]!r} adds units that cannot be added",
            fragment=text[first.start : second.end],
        )
    unit, factor = rule
    total = first.amount.amount * factor + second.amount.amount
    return Mention(first.start, second.end, Amount(total, unit), first.bound)


def _bound(text: str, start: int) -> str:
    before = re.split(r"[.;]", text[max(0, start - 48) : start])[-1]
    if lx.BOUND_MIN.search(before):
        return "min"
    return "max" if lx.BOUND_MAX.search(before) else "exact"


def _amount_mentions(text: str, masks: list[tuple[int, int]]) -> list[Mention]:
    found: list[Mention] = []
    for match in lx.DURATION.finditer(text):
        if _overlaps(*match.span(), masks):
            continue
        if not (match["wd"] or match["wh"] or match["wm"]) and lx.CUT_UNIT.match(text, match.end()):
            raise refuse("missing_unit", f"{match.group(0)!r} is cut short ('làm' without 'việc')")
        if lx.PER_UNIT.match(text, match.end()):
            raise refuse("per_unit", f"{match.group(0)!r} is per unit of work, not a total")
        mention = Mention(match.start(), match.end(), _amount(match), _bound(text, match.start()))
        if found and text[found[-1].end : mention.start].strip() == "":
            found[-1] = _merge(found[-1], mention, text)
        else:
            found.append(mention)
    for match in lx.HALF_DAY.finditer(text):
        if not _overlaps(*match.span(), [(m.start, m.end) for m in found]):
            half = Amount(Decimal("0.5"), "working_day")
            found.append(Mention(match.start(), match.end(), half, _bound(text, match.start())))
    return found


def _word_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found: list[Mention] = []
    for pattern, unit, bound in (
        (lx.NEXT_DAY_MAX, Amount(Decimal(1), "working_day"), "max"),
        (lx.SAME_DAY, Amount(Decimal(0), "same_day"), "exact"),
        (lx.IMMEDIATE, Amount(Decimal(0), "immediate"), "exact"),
    ):
        for match in pattern.finditer(text):
            if not _overlaps(*match.span(), taken):
                found.append(Mention(match.start(), match.end(), unit, bound))
                taken.append(match.span())
    return found


def find_cutoff(text: str) -> Cutoff | None:
    """The cut-off of the text, if any ("nhận hồ sơ sau 15 giờ", "nộp sau 3 giờ chiều")."""
    match = lx.CUTOFF.search(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"] or match["m2"] or 0)
    if match["half"] and match["half"].lower() in ("chiều", "tối") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        raise refuse("unsupported", f"{match.group(0)!r} is not a time of day")
    rest = text[match.end() : match.end() + 120]
    next_day = lx.START_NEXT_DAY.search(rest) is not None
    return Cutoff(match.start(), match.end(), _dt.time(hour, minute), next_day)


def find_mentions(text: str, cutoff: Cutoff | None) -> list[Mention]:
    """Every mention in ``text`` in order of position."""
    masks = masked_spans(text)
    if cutoff is not None:
        masks.append((cutoff.start, cutoff.end))
        tail = re.search(r"(?:trong\s+)?ngày\s+làm\s+việc\s+tiếp\s+theo", text[cutoff.end :])
        if tail is not None and tail.start() < 160:
            masks.append((cutoff.start, cutoff.end + tail.end()))
    amounts = _amount_mentions(text, masks)
    for match in lx.MISSING_UNIT.finditer(text):
        if not _overlaps(*match.span(), masks + [(m.start, m.end) for m in amounts]):
            raise refuse("missing_unit", f"{match.group(0)!r} has no unit (ngày, giờ ...)")
    words = _word_mentions(text, masks + [(m.start, m.end) for m in amounts])
    return sorted(amounts + words, key=lambda m: m.start)
