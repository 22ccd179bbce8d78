"""Fuzz contract of the processing-time reader (issue 8): any text gives a reading or a tthc error.

Whatever text arrives, :func:`tthc.deadlines.parse_processing_time` returns a
:class:`~tthc.deadlines.ProcessingTime` whose ``source`` is that text, or raises a documented
:mod:`tthc.errors` class with a stable code; no call takes 5 s (see tests/fuzzing.py). The test
uses only public names of :mod:`tthc.deadlines`, so it holds for any valid reader.

Seeds: the processing-time wordings of tests/data/processing_time_shapes.json (quoted from the
national Public Service Portal) and fragments of them recombined by a small grammar.
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import (
    EXAMPLES,
    FUZZ,
    SHAPES,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
)
from tthc.deadlines import MAX_TEXT_LENGTH, ProcessingTime, parse_processing_time

#: Fragments of real wordings (procedure_time_shapes.md via tests/data) recombined by a grammar.
_NUMBERS = [
    "01",
    "02",
    "03",
    "05",
    "5",
    "07",
    "10",
    "15",
    "20",
    "24",
    "30",
    "45",
    "60",
    "1,5",
    "0,5",
    "1.5",
    "2.5",
    "0",
    "00",
    "100000000000000000000",
    "-3",
]
_WORD_NUMBERS = ["một", "hai", "ba", "năm", "mười", "mười lăm", "hai mươi", "ba mươi"]
_UNITS = [
    "ngày làm việc",
    "ngày",
    "giờ làm việc",
    "giờ",
    "tháng",
    "phút",
    "tuần",
    "năm",
    "Ngày làm việc",
    "NGÀY",
]
_CAPS = ["không quá", "tối đa", "chậm nhất", "trong thời hạn", "trong vòng", "tối đa không quá", ""]
_TAILS = [
    "kể từ ngày nhận đủ hồ sơ hợp lệ",
    "kể từ ngày nhận được yêu cầu",
    "trường hợp cần xác minh thì",
    "trường hợp phải xác minh thì thời hạn giải quyết",
    "nếu tiếp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
    "ngay trong ngày",
    "trong ngày",
    "(Sở Nội vụ: 03 ngày; UBND cấp xã: 04 ngày)",
    "…",
    "Xem phần mô tả",
]
_SEPARATORS = [" ", "; ", ", ", ". ", " - ", "\n", " (", ") ", " hoặc ", " đến ", "–"]


@st.composite
def _vietnamese_wording(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            number = draw(st.sampled_from(_NUMBERS))
            if draw(st.booleans()):
                number = f"{draw(st.sampled_from(_WORD_NUMBERS))} ({number})"
            parts.append(f"{draw(st.sampled_from(_CAPS))} {number} {draw(st.sampled_from(_UNITS))}")
        elif choice == 1:
            parts.append(draw(st.sampled_from(_TAILS)))
        elif choice == 2:
            parts.append(draw(st.sampled_from(SHAPES)))
        else:
            parts.append(draw(st.text(max_size=8)))
        parts.append(draw(st.sampled_from(_SEPARATORS)))
    return "".join(parts)


def _check_parse(text: str) -> None:
    result = contract("parse_processing_time", len(text), lambda: parse_processing_time(text))
    if result is not None:
        assert isinstance(result, ProcessingTime)
        assert result.source == text or result.source.strip() == text.strip()


@FUZZ
@given(st.text())
def test_parse_processing_time_arbitrary_unicode(text: str) -> None:
    _check_parse(text)


@FUZZ
@given(_vietnamese_wording())
def test_parse_processing_time_vietnamese_grammar(text: str) -> None:
    _check_parse(text)


@FUZZ
@given(st.sampled_from(SHAPES), st.integers(0, 200), st.text(max_size=3))
def test_parse_processing_time_mutated_real_wordings(text: str, cut: int, insert: str) -> None:
    cut = min(cut, len(text))
    _check_parse(text[:cut] + insert + text[cut:])
    _check_parse(text[:cut])


_HUGE_PIECES = ["5 ngày làm việc ", "(", "1,", "không quá ", "năm (", "sau 15 giờ ", "a", " ", "đ"]


@settings(max_examples=min(EXAMPLES, 60), deadline=None, database=None)
@given(
    st.sampled_from(_HUGE_PIECES), st.sampled_from([MAX_TEXT_LENGTH - 1, MAX_TEXT_LENGTH, 100_000])
)
def test_parse_processing_time_long_inputs_are_fast(piece: str, size: int) -> None:
    # just under the cap: the parser's regexes do run (no catastrophic backtracking allowed);
    # 100 kB: refused up front as too long
    text = (piece * (size // len(piece) + 1))[:size]
    start = time.process_time()  # CPU time: backtracking is CPU; a loaded machine is not
    _check_parse(text)
    assert time.process_time() - start < 1.0
