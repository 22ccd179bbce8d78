"""Entry point: read a processing-time text into a [`Reading`][tthc.deadlines.Reading], or refuse."""

from __future__ import annotations

import functools
import itertools
import re
from decimal import Decimal
from typing import Any

import attrs

from tthc.deadlines._reader import _lexicon as lx
from tthc.deadlines._reader._assemble import Builder
from tthc.deadlines._reader._items import is_case_lead, make_items
from tthc.deadlines._reader._mentions import Cutoff, Mention, find_cutoff, find_mentions, refuse
from tthc.deadlines._reader._nodes import (
    Amount,
    ByChannel,
    Limit,
    Node,
    Reading,
    Span,
    WithAlternatives,
)
from tthc.deadlines._reader._normalise import MAX_LENGTH, normalise, restore_accents
from tthc.deadlines._reader._segments import Block, blocks, clauses
from tthc.errors import InputTypeError, ProcessingTimeParseError

__all__ = ["clear_cache", "read_processing_time", "read_processing_time_cached"]

_CHANNEL = re.compile(
    r"(?:(?<=^)|(?<=[\s.;:+\-]))(?P<name>trực\s+tuyến|trực\s+tiếp|(?:qua\s+)?dịch\s+vụ\s+bưu\s+chính"
    r"(?:\s+công\s+ích)?|bưu\s+chính)\s*:",
    re.IGNORECASE,
)
_CHANNEL_KEY = {"trực tuyến": "online", "trực tiếp": "counter"}


def read_processing_time(text: str) -> Reading:
    """Read a processing time (thời hạn giải quyết) into a reading tree, or refuse.

    Args:
        text: The wording, as published (any whitespace, line breaks, invisible characters).

    Returns:
        The [`Reading`][tthc.deadlines.Reading].

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        ProcessingTimeParseError: The text cannot be read without guessing;
            ``context["reason"]`` says why (``no_authority_time``, ``no_information``,
            ``bare_number``, ``ambiguous_number``, ``unsupported``, ``too_long``, ...).
    """
    if not isinstance(text, str):
        raise InputTypeError(
            f"Thời hạn giải quyết (processing time): text must be a str, got {type(text).__name__}",
            argument="text",
        )
    if len(text) > MAX_LENGTH:
        raise refuse(
            "too_long", f"the text is longer than {MAX_LENGTH} characters", length=len(text)
        )
    return read_processing_time_cached(normalise(text))


def read_processing_time_cached(normalised: str) -> Reading:
    """Read an already normalised text; readings and refusals are cached (both immutable).

    Raises:
        ProcessingTimeParseError: As `read_processing_time` (a fresh error each call).
    """
    outcome = _cached(normalised)
    if isinstance(outcome, Reading):
        return outcome
    message, hint, context = outcome
    raise ProcessingTimeParseError(message, hint=hint, **context)


@functools.lru_cache(maxsize=8192)
def _cached(normalised: str) -> Reading | tuple[str, str | None, dict[str, Any]]:
    try:
        return _read(normalised)
    except ProcessingTimeParseError as error:
        return error.message, error.hint, dict(error.context)


def clear_cache() -> None:
    """Forget every cached reading (for benchmarks)."""
    _cached.cache_clear()


def _read(normalised: str) -> Reading:
    text = restore_accents(normalised)
    if not text.strip(" .,;:-+*()/"):
        raise refuse("no_information", "the text is empty")
    if re.fullmatch(r"(?:không\s+có\s+thông\s+tin|xem\s+phần\s+mô\s+tả)\W*", text, re.IGNORECASE):
        raise refuse("no_information", f"{text!r} gives no time")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        raise refuse("bare_number", f"{text!r} has no unit (ngày, ngày làm việc, giờ ...)")
    if lx.RANGE.search(text):
        raise refuse("range", "a range of limits is not a limit")
    channels = _channels(text)
    if channels is not None:
        return Reading(channels, text)
    node, ignored = _read_plain(text, text, 0)
    return Reading(node, text, ignored)


def _channels(text: str) -> Node | None:
    labels = [m for m in _CHANNEL.finditer(text) if _after_a_break(text, m.start())]
    if not labels:
        return None
    segments: list[tuple[str, int, int]] = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        mark = re.search(r"(?:^|\s)[-+•*]\s", text[match.end() : end])
        if mark is not None and re.search(r"[-+•*]\s*$", text[: match.start()]):
            end = match.end() + mark.start()
        name = re.sub(r"\s+", " ", match["name"].lower())
        segments.append((_CHANNEL_KEY.get(name, "post"), match.end(), end))
    holds = [s for s in segments if find_mentions(text[s[1] : s[2]], None)]
    described = [s for s in segments if s not in holds and text[s[1] : s[2]].strip(" ;.,")]
    if not holds or described:
        return None
    names = [name for name, _, _ in segments]
    if len(set(names)) != len(names):
        raise refuse("unsupported", "a channel is named more than once")
    outside = text[: segments[0][1]] + "".join(
        text[e : s[1]] for (_, _, e), s in itertools.pairwise(segments)
    )
    if find_mentions(text[segments[-1][2] :] + " " + outside, None):
        raise refuse("unsupported", "times outside the labelled channels")
    readings: list[tuple[str, Node | None]] = []
    for name, start, end in segments:
        part = text[start:end].strip(" ;.,")
        if not find_mentions(part, None):
            readings.append((name, None))
            continue
        offset = start + text[start:end].find(part)
        node, _ = _read_plain(text, part, offset)
        readings.append((name, node))
    span_text = text[labels[0].start() :]
    return ByChannel(span=Span(labels[0].start(), len(text), span_text), channels=tuple(readings))


def _after_a_break(text: str, position: int) -> bool:
    """Whether only spaces, or a ".;:-+•*" then spaces, come before ``position``."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position == 0 or text[position - 1] in ".;:-+•*"


def _no_mentions(text: str, builder: Builder) -> Node:
    cutoff = find_cutoff(text)
    if (
        cutoff is not None
        and not cutoff.start_next_day
        and "tiếp theo" in text[cutoff.end : cutoff.end + 120]
    ):
        return Limit(
            span=builder.span(cutoff.start, cutoff.end),
            amount=Amount(Decimal(0), "same_day"),
            bound="exact",
            cutoff=cutoff.time,
        )
    if lx.NO_LIMIT.search(text):
        raise refuse("no_limit", "the text says no processing time is set")
    if lx.BY_REFERENCE.search(text):
        raise refuse("by_reference", "the time is set by another rule, not stated here")
    if lx.TIME_WORDS.search(text):
        raise refuse("no_amount", "the text names a time but gives no amount")
    raise refuse("no_authority_time", "the text states no time of the authority")


def _read_plain(full: str, text: str, base: int) -> tuple[Node, tuple[tuple[str, str], ...]]:
    if lx.FIXED_DATE.search(text):
        raise refuse("fixed_date", "the result is due on a calendar date, not after a duration")
    cutoff = find_cutoff(text)
    mentions = find_mentions(text, cutoff)
    block_list = blocks(text, [m.start for m in mentions])
    clause_list = clauses(text, block_list, [m.start for m in mentions])
    items, kept = make_items(text, block_list, clause_list, mentions)
    builder = Builder(full, text, base, kept)
    builder.timeless_cases = _timeless_cases(text, block_list, mentions)
    if not mentions:
        return _no_mentions(text, builder), ()
    if not items:
        if kept and all(region.kind == "minimum" for region, _ in kept):
            raise refuse("minimum_only", "only a minimum (tối thiểu / ít nhất) is stated")
        raise refuse("no_authority_time", "the only times stated are not the authority's")
    node = builder.structure(items)
    node = _finish(node, builder, cutoff)
    used = {(i.clause.start, i.clause.end) for i in items}
    ignored = tuple(
        (text[c.start : c.end].strip()[:120], "no time of the authority in it")
        for c in clause_list
        if (c.start, c.end) not in used and text[c.start : c.end].strip(" .;,")
    )
    return node, ignored


def _timeless_cases(text: str, block_list: list[Block], mentions: list[Mention]) -> int:
    """Blocks "Trường hợp X: ..." with text after the colon but no time."""
    count = 0
    for block in block_list:
        body = text[block.start : block.end].strip()
        if any(block.start <= m.start < block.end for m in mentions):
            continue
        head, colon, rest = body.partition(":")
        if colon and rest.strip(" .;") and is_case_lead(head.strip()):
            count += 0 if lx.TITLE_THEN_METHOD.match(rest) else 1
    return count


def _finish(node: Node, builder: Builder, cutoff: Cutoff | None) -> Node:
    extra = builder.remaining_excluded()
    if extra:
        node = attrs.evolve(node, excluded=node.excluded + extra)
    if cutoff is None:
        return node
    return _apply_cutoff(node, cutoff)


def _apply_cutoff(node: Node, cutoff: Cutoff) -> Node:
    if isinstance(node, Limit) and node.amount.unit == "same_day":
        return attrs.evolve(node, cutoff=cutoff.time)
    if (
        isinstance(node, WithAlternatives)
        and isinstance(node.base, Limit)
        and node.base.amount.unit == "same_day"
    ):
        return attrs.evolve(node, base=attrs.evolve(node.base, cutoff=cutoff.time))
    if cutoff.start_next_day:
        return attrs.evolve(node, cutoff=cutoff.time, start="next_working_day")
    raise refuse("unsupported", "a cut-off that applies to no same-day limit")
