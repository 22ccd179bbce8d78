"""Items: the clauses that hold the authority's times, with their labels.

Also the parts kept apart: posting, the applicant's time, minimums, "không tính thời gian ...".
"""

from __future__ import annotations

import re

import attrs

from tthc.deadlines._reader import _lexicon as lx
from tthc.deadlines._reader._mentions import Mention
from tthc.deadlines._reader._segments import Block, Clause, depths, is_break

__all__ = ["Item", "Region", "excluded_regions", "label_kind", "make_items"]


@attrs.frozen(slots=True)
class Item:
    """A clause with the authority's amounts.

    Attributes:
        clause: The clause.
        mentions: Its amounts, in order.
        own: The case label written in the clause itself, or ``None``.
        inherited: Labels from the block and its headers, innermost first.
        text: The clause text.
    """

    clause: Clause
    mentions: tuple[Mention, ...]
    own: str | None
    own_kind: str | None
    inherited: tuple[tuple[str, str], ...]
    text: str


@attrs.frozen(slots=True)
class Region:
    """A fragment kept apart (``kind`` posting / not_counted / applicant / minimum)."""

    start: int
    end: int
    kind: str


#: "Thông báo ... trong trường hợp X": a label that names a case after its verb.
_IN_CASE = re.compile(r"\b(?:trong|đối\s+với)\s+(?:các\s+)?trường\s+hợp\b", re.IGNORECASE)


def label_kind(label: str, own: bool = False) -> str:
    """``generic``, ``channel``, ``step``, ``who`` or ``case`` for a label written before ":".

    ``own``: the label leads its own limit; then "Thông báo ... trong trường hợp X:" names a
    case (a header above several limits may name several situations at once).
    """
    text = label.strip(" -+*•.()")
    if not text or lx.GENERIC_LABEL.match(text):
        return "generic"
    if lx.CHANNEL_LABEL.match(text):
        return "channel"
    if is_case_lead(text) or (own and _IN_CASE.search(text)):
        return "case"
    if lx.STEP_LABEL.match(text):
        return "step"
    if lx.WHO_LABEL.match(text):
        return "who"
    return "named"


def is_case_lead(text: str) -> bool:
    """Whether ``text`` starts with "trường hợp", "đối với", "các trường hợp"..."""
    return bool(
        lx.CASE_LEAD.match(text)
        and re.match(r"^(?:trong\s+trường|đối\s+|với\s+|các\s+trường|trường)", text, re.I)
    )


def _strip(text: str) -> str:
    """Strip punctuation at both ends, keeping a closing bracket that closes one inside."""
    text = text.strip(" -+*•.,;:")
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip(" -+*•.,;:")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip(" -+*•.,;:")
    while text.endswith("("):
        text = text[:-1].strip(" -+*•.,;:")
    return text


def clean_label(label: str, lead: bool = False) -> str:
    """The label as kept: introducer ("trường hợp", "đối với") and punctuation removed.

    A label written before the time ("Đối với X, Vụ Y thực hiện ... trong 25 ngày") ends
    before the body that acts (``lead``).
    """
    text = _strip(label)
    match = lx.CASE_LEAD.match(text)
    if match and match.end() and is_case_lead(text):
        text = text[match.end() :]
    body = re.search(r",\s+(?=(?:vụ|cục|sở|bộ|ủy\s+ban|uỷ\s+ban|ubnd)\s+[A-ZĐ])", text)
    if lead and body and ":" not in text:
        text = text[: body.start()]
    text = re.split(r"\s+thì\b|:", text)[0] if re.search(r"\s+thì\b", text) else text
    text = re.sub(r"\s+(?:là|thì)$", "", _strip(text))
    return _strip(text)


def excluded_regions(text: str, clause_list: list[Clause]) -> list[Region]:
    """Brackets and clauses that hold posting or "không tính/kể" exclusions."""
    regions: list[Region] = []
    depth = depths(text)
    for match in re.finditer(r"\(", text):
        close = text.find(")", match.start())
        close = len(text) if close < 0 else close
        inner = text[match.start() : close]
        if lx.NOT_COUNTED.search(inner) and depth[match.start()] == 0:
            kind = "posting" if lx.POSTING.search(inner) else "not_counted"
            regions.append(Region(match.start(), close + 1, kind))
    for clause in clause_list:
        body = text[clause.start : clause.end]
        if any(r.start <= clause.start and clause.end <= r.end for r in regions):
            continue
        words = lx.NOT_COUNTED.search(body)
        if words and not body.lstrip().startswith("("):
            # "07 ngày làm việc ..., không tính thời gian khắc phục ...": the limit before the
            # words stays the authority's; only what follows them is kept apart
            after = re.match(r"\s*thời\s+gian\b", body[words.end() :])
            offset = words.start() if after and lx.DURATION.search(body[: words.start()]) else 0
            kind = "posting" if lx.POSTING.search(body[offset:]) else "not_counted"
            if not any(clause.start <= r.start < clause.end for r in regions):
                regions.append(Region(clause.start + offset, clause.end, kind))
    return regions


def _mention_region(text: str, clause: Clause, mention: Mention) -> str | None:
    # the words just before the amount (a window keeps long clauses linear)
    before = text[max(clause.start, mention.start - 240) : mention.start]
    if mention.bound == "min":
        return "minimum"
    if lx.POSTING.search(before):
        return "posting"
    if lx.APPLICANT_LEAD.match(before) or lx.APPLICANT_AFTER.match(text[mention.end : clause.end]):
        return "applicant"
    for match in lx.APPLICANT.finditer(before):
        gap = before[match.end() :]
        if len(gap) <= 40 and not re.search(r"tăng|kéo\s+dài|thêm", gap, re.IGNORECASE):
            return "applicant"
    return None


def _last_sentence(text: str) -> str:
    cuts = [m.end() for m in lx.SENTENCE.finditer(text) if is_break(text, m)]
    return text[cuts[-1] :] if cuts else text


def _lead_label(text: str, start: int, mention: Mention) -> tuple[str | None, str | None]:
    prefix = text[start : mention.start]
    bound = lx.BOUND_MAX.search(prefix) or lx.BOUND_MIN.search(prefix)
    if bound:
        prefix = prefix[: bound.start()]
    prefix = _last_sentence(prefix)
    pieces = [p.strip(" -+*•(") for p in re.split(r":(?!//)", prefix)]
    last = pieces[-1].strip(" ,")
    if last and is_case_lead(last):
        return clean_label(last, lead=True), "case"
    if (
        last
        and (bound or last.endswith(" là"))
        and len(last.split()) <= 8
        and lx.REQUEST.match(last)
        and not lx.TIME_WORDS.search(last)
    ):
        return clean_label(last), "named"
    for whole in reversed(pieces[:-1]):
        if whole.strip():
            piece = whole if is_case_lead(whole.strip()) else whole.split(";")[-1]
            kind = label_kind(piece, own=True)
            if kind == "generic":
                return None, None
            return clean_label(piece) if kind in ("case", "named") else _strip(piece), kind
    return None, None


def _trail_label(text: str, clause: Clause, mention: Mention) -> str | None:
    rest = text[mention.end : clause.end]
    rest = re.sub(
        r"\([^()]*\)",
        lambda m: " " * len(m.group(0)) if lx.NOT_COUNTED.search(m.group(0)) else m.group(0),
        rest,
    )
    found = list(lx.CASE_TRAIL.finditer(rest))
    if not found or sum(m.group(0).lower().startswith("đối") for m in found) > 1:
        return None
    label = rest[found[0].end() :]
    label = re.split(r"\s+kể\s+từ\b|\)", label)[0]
    return clean_label(label) or None


_CASE_OWN = ("case", "named")


def make_items(
    text: str, block_list: list[Block], clause_list: list[Clause], mentions: list[Mention]
) -> tuple[list[Item], list[tuple[Region, list[Mention]]]]:
    """The items of the text and the regions kept apart (with the amounts inside them)."""
    regions = excluded_regions(text, clause_list)
    kept: dict[int, list[Mention]] = {i: [] for i in range(len(regions))}
    items: list[Item] = []
    seen_blocks: set[int] = set()
    block_lead: dict[int, str] = {}
    for clause in clause_list:
        inside = [m for m in mentions if clause.start <= m.start < clause.end]
        authority: list[Mention] = []
        for mention in inside:
            index = next(
                (i for i, r in enumerate(regions) if r.start <= mention.start < r.end), None
            )
            kind = _mention_region(text, clause, mention) if index is None else None
            if index is not None:
                kept[index].append(mention)
            elif kind is not None:
                regions.append(Region(mention.start, mention.end, kind))
                kept[len(regions) - 1] = [mention]
            else:
                authority.append(mention)
        if not authority:
            continue
        first_in_block = clause.block not in seen_blocks
        seen_blocks.add(clause.block)
        block = block_list[clause.block]
        start = block.start if first_in_block else clause.start
        own, own_kind = _lead_label(text, start, authority[0])
        if first_in_block and own is not None and own_kind == "case":
            block_lead[clause.block] = own
        # a sibling is written as its block's lead is: "trường hợp B: <time>", "Nộp trực
        # tuyến: <time>"; it does not inherit the label that leads the block
        sibling = (
            not first_in_block
            and own_kind in _CASE_OWN
            and ":" in text[clause.start : authority[0].start]
        )
        if own is None:
            trail = _trail_label(text, clause, authority[-1])
            own, own_kind = (trail, "case") if trail else (own, own_kind)
        inherited = _inherited(text, block, clause, first_in_block or sibling)
        lead = block_lead.get(clause.block)
        if not first_in_block and lead is not None and own is None:
            inherited = ((lead, "case"), *inherited)
        items.append(
            Item(
                clause, tuple(authority), own, own_kind, inherited, text[clause.start : clause.end]
            )
        )
    return items, [(r, kept.get(i, [])) for i, r in enumerate(regions)]


def _inherited(text: str, block: Block, clause: Clause, first: bool) -> tuple[tuple[str, str], ...]:
    labels: list[tuple[str, str]] = []
    if not first:
        head = text[block.start : clause.start]
        if ":" in head and not lx.DURATION.search(head.split(":")[0]):
            piece = _last_sentence(head.split(":")[0])
            kind = label_kind(piece)
            if kind != "generic":
                labels.append(
                    (clean_label(piece) if kind in ("case", "named") else _strip(piece), kind)
                )
    for header in reversed(block.headers):
        kind = label_kind(header)
        if kind != "generic":
            labels.append(
                (clean_label(header) if kind in ("case", "named") else _strip(header), kind)
            )
    return tuple(labels)
