"""Every reading explains itself: spans point into the normalised text, explain() names them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tthc.deadlines._reader import (
    ByChannel,
    Cases,
    Limit,
    Node,
    Reading,
    Sequence,
    Shares,
    WithAlternatives,
    read_processing_time,
)
from tthc.errors import ProcessingTimeParseError

DATA = Path(__file__).resolve().parent.parent / "data" / "processing_time_corpus.jsonl"
TEXTS = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines()]


def readings() -> list[Reading]:
    found = []
    for text in TEXTS:
        try:
            found.append(read_processing_time(text))
        except ProcessingTimeParseError:
            continue
    return found


def nodes(node: Node) -> list[Node]:
    result: list[Node] = [node]
    if isinstance(node, Sequence):
        children: list[Node] = list(node.steps)
    elif isinstance(node, Cases):
        children = [case.reading for case in node.cases]
    elif isinstance(node, WithAlternatives):
        children = [node.base, *(a.reading for a in node.alternatives)]
    elif isinstance(node, Shares):
        children = [node.total, *(s.reading for s in node.shares)]
    elif isinstance(node, ByChannel):
        children = [c for _, c in node.channels if c is not None]
    else:
        children = []
    for child in children:
        result.extend(nodes(child))
    return result


def test_every_span_points_into_the_normalised_text() -> None:
    checked = 0
    for reading in readings():
        for node in nodes(reading.root):
            assert reading.text[node.span.start : node.span.end] == node.span.text
            for item in node.excluded:
                assert reading.text[item.span.start : item.span.end] == item.span.text
            checked += 1
    assert checked > 300


def test_every_leaf_is_named_in_the_explanation() -> None:
    for reading in readings():
        explanation = reading.explain()
        for node in nodes(reading.root):
            if isinstance(node, Limit):
                assert f"«{node.span.text}»" in explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "06 ngày làm việc và 30 ngày",
            "sequence of 2 steps, total units differ: applied in order",
        ),
        ("- Trường hợp A: 05 ngày; - Trường hợp B: 10 ngày", "2 cases, no default"),
        ("45 ngày, trong đó Sở 30 ngày, UBND 15 ngày", "total split into 2 shares"),
        ("Trực tuyến: ; Trực tiếp: 10 ngày", "by channel: online, counter"),
        ("20 ngày làm việc (không kể thời gian niêm yết 7 ngày)", "kept apart (posting)"),
        (
            "Ngay trong ngày; nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
            "cut-off 15:00",
        ),
    ],
)
def test_explain_names_the_structure(text: str, line: str) -> None:
    assert line in read_processing_time(text).explain()
