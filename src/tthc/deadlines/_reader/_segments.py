"""Segmentation: blocks (bullets and enumerations, with their headers) and clauses.

A *block* starts at a bullet or enumeration mark ("-", "+", "*", "a)", "(2)", "2.2.1.") and
ends at the next one; a block whose text ends with ":" and names no time is a *header* for the
blocks of deeper rank that follow it. A *clause* is a piece of a block between ";" or ". " at
bracket depth 0; a bracket that holds an amount of its own ("(trường hợp xác minh: 10 ngày)")
is a clause of its own.
"""

from __future__ import annotations

import functools
import itertools
import re

import attrs

from tthc.deadlines._reader import _lexicon as lx

__all__ = ["Block", "Clause", "blocks", "clauses", "depths", "is_break"]

_CASE_HEAD = re.compile(r"(?:trường\s+hợp|đối\s+với)\s+\S", re.IGNORECASE)
_PAREN = re.compile(r"[()]")
_OPEN = re.compile(r"\(")
_RANK = {"++": 5, "+": 4, "-": 3, "–": 3, "•": 3, "*": 2}


@attrs.frozen(slots=True)
class Block:
    """A bulleted block: ``text[start:end]`` with its mark's rank and the headers above it."""

    start: int
    end: int
    rank: int
    headers: tuple[str, ...]


@attrs.frozen(slots=True)
class Clause:
    """A clause: ``text[start:end]`` inside ``block``."""

    start: int
    end: int
    block: int


@functools.lru_cache(maxsize=16)
def depths(text: str) -> tuple[int, ...]:
    """Bracket depth before each character (never below 0)."""
    if "(" not in text:
        return (0,) * len(text)
    result: list[int] = []
    depth = 0
    previous = 0
    for match in _PAREN.finditer(text):
        index = match.start()
        if match.group(0) == ")":
            result.extend([depth] * (index - previous))
            depth = max(0, depth - 1)
            previous = index
        else:
            result.extend([depth] * (index + 1 - previous))
            depth += 1
            previous = index + 1
    result.extend([depth] * (len(text) - previous))
    return tuple(result)


def _rank(mark: str) -> int:
    return _RANK.get(mark, 1)


def _marks(text: str, depth: tuple[int, ...]) -> list[tuple[int, int, int]]:
    """(mark start, content start, rank) for every block mark at depth 0."""
    found = []
    for match in lx.MARKER.finditer(text):
        if depth[match.start()] != 0:
            continue
        if match["m"].startswith("(") and not text[match.end() :].lstrip()[:1].isupper():
            continue
        found.append((match.start(), match.end(), _rank(match["m"])))
    return found


def header_label(text: str, rank: int = 1) -> str | None:
    """The label of a header block ("Trường hợp X:" → "Trường hợp X"), else ``None``.

    An unmarked first line "Trường hợp X" (no colon, no "thì") heads the blocks below it.
    """
    stripped = text.strip().rstrip(" .")
    head, colon, rest = stripped.partition(":")
    if (
        colon
        and lx.TITLE_THEN_METHOD.match(rest)
        and _CASE_HEAD.match(head.strip(" -+*•()0123456789"))
    ):
        # "Trường hợp X: * Cách thực hiện: ...": the case is the title of what follows
        return head.strip(" -+*•")
    if not stripped.endswith(":"):
        if rank == 0 and _CASE_HEAD.match(stripped) and " thì " not in stripped:
            return stripped
        return None
    label = stripped[:-1].strip(" -+*•")
    if re.match(r"(?:trong\s+trường|đối\s+với|trường\s+hợp|các\s+trường)", label, re.IGNORECASE):
        return label
    return re.split(r";|\.\s+(?=[*•+\-]?\s*[^\W\d_])", label)[-1].strip(" -+*•")


def blocks(text: str, mention_starts: list[int]) -> list[Block]:
    """Split ``text`` into blocks with their headers (iterative: no recursion)."""
    depth = depths(text)
    marks = _marks(text, depth)
    spans: list[tuple[int, int, int]] = []
    first = marks[0][0] if marks else len(text)
    if text[:first].strip():
        spans.append((0, first, 0))
    for index, (_mark_start, content, rank) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        spans.append((content, end, rank))
    result: list[Block] = []
    stack: list[tuple[int, str]] = []
    for start, end, rank in spans:
        while stack and stack[-1][0] >= rank:
            stack.pop()
        result.append(Block(start, end, rank, tuple(label for _, label in stack)))
        has_mention = any(start <= m < end for m in mention_starts)
        label = None if has_mention else header_label(text[start:end], rank)
        if label is not None:
            stack.append((rank, label))
    return result


_CLAUSE_END = re.compile(
    r";|\.\s+(?=\S)|\.\s*$|(?<=\))\s*/\s*(?=\d)"
    # "28 ngày làm việc (đối với trường hợp cấp mới), 02 ngày làm việc (...)": one case each
    r"|(?<=\))\s*,\s+(?=\d)"
    # ", trường hợp phải xác minh thì ...": a conditional limit after the general one
    r"|,\s+(?=(?:trường\s+hợp|nếu)\s[^,;.]{1,80}?\sthì\s[^,;.]{0,60}?(?:\d|ngày|giờ|tháng))",
    re.IGNORECASE,
)


def is_break(text: str, match: re.Match[str]) -> bool:
    """Whether a ". " match ends a sentence (a capital letter or a bullet follows)."""
    if not match.group(0).startswith(".") or match.end() >= len(text):
        return True
    following = text[match.end()]
    return following.isupper() or following.isdigit() or following in "-+*(•"


def clauses(text: str, block_list: list[Block], mention_starts: list[int]) -> list[Clause]:
    """Split every block into clauses; brackets holding an amount become clauses of their own."""
    depth = depths(text)
    close = _closes(text)
    result: list[Clause] = []
    for index, block in enumerate(block_list):
        cuts = [block.start]
        for match in _CLAUSE_END.finditer(text, block.start, block.end):
            if depth[match.start()] == 0 and is_break(text, match):
                cuts.append(match.end())
        position = text.find("(", block.start, block.end)
        while position >= 0:
            if _bracket_has_mention(text, position, close, mention_starts):
                cuts.append(position)
                cuts.append(close[position] + 1)
            position = text.find("(", position + 1, block.end)
        cuts.append(block.end)
        bounds = sorted(set(cuts))
        for start, end in itertools.pairwise(bounds):
            if text[start:end].strip(" .;,)("):
                result.append(Clause(start, min(end, block.end), index))
    return result


def _closes(text: str) -> dict[int, int]:
    """Position of each "(" → position of its ")" (the last character when never closed)."""
    result: dict[int, int] = {}
    opened: list[int] = []
    for match in _PAREN.finditer(text):
        index = match.start()
        if match.group(0) == "(":
            opened.append(index)
        elif opened:
            result[opened.pop()] = index
    for index in opened:
        result[index] = len(text) - 1
    return result


def _bracket_has_mention(
    text: str, position: int, close: dict[int, int], mention_starts: list[int]
) -> bool:
    end = close[position]
    inner = text[position + 1 : min(end, position + 400)]
    if not lx.CASE_LEAD.match(inner.strip()):
        return False
    if ":" not in inner and not lx.EXTENDS.search(inner):
        return False
    return any(position < m < end for m in mention_starts)
