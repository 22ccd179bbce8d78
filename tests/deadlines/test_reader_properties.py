"""Hypothesis properties of the processing-time reader: normalisation and noise."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.deadlines._reader import normalise, read_processing_time
from tthc.errors import TthcError

DATA = Path(__file__).resolve().parent.parent / "data"
CORPUS = [
    json.loads(line)["text"]
    for line in (DATA / "processing_time_corpus.jsonl").read_text(encoding="utf-8").splitlines()
]
NOISE = st.lists(
    st.sampled_from(
        [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"]
    ),
    min_size=1,
    max_size=3,
).map("".join)
PLAIN = st.sampled_from(
    [
        ("05", "ngày làm việc", "5 working_day"),
        ("10", "ngày", "10 calendar_day"),
        ("03", "tháng", "3 month"),
        ("12", "giờ làm việc", "12 working_hour"),
        ("24", "giờ", "24 clock_hour"),
        ("60", "phút", "60 clock_minute"),
        ("1,5", "ngày làm việc", "1.5 working_day"),
    ]
)
BOUNDS = st.sampled_from(
    [("", "exact"), ("Không quá ", "max"), ("Trong thời hạn ", "max"), ("Tối đa ", "max")]
)


def outcome(text: str) -> Any:
    try:
        return read_processing_time(text).to_label()
    except TthcError as error:
        return ("refused", error.context.get("reason"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.sampled_from(CORPUS), st.text(max_size=120)))
def test_normalisation_never_changes_a_reading(text: str) -> None:
    assert outcome(normalise(text)) == outcome(text)


@settings(max_examples=150, deadline=None)
@given(PLAIN, BOUNDS, st.tuples(NOISE, NOISE, NOISE), st.booleans())
def test_noise_around_a_plain_wording_changes_nothing(
    plain: tuple[str, str, str], bound: tuple[str, str], noise: tuple[str, str, str], upper: bool
) -> None:
    a, b, c = noise
    number, unit, expected = plain
    words = unit.upper() if upper else unit
    words = words.replace(" ", c)
    text = f"{a}{bound[0]}{number}{b}{words}{a} kể từ ngày nhận đủ hồ sơ hợp lệ.{c}"
    assert read_processing_time(text).to_label() == {"limit": expected, "bound": bound[1]}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CORPUS), NOISE)
def test_noise_between_words_of_real_texts_changes_nothing(text: str, noise: str) -> None:
    assert outcome(text.replace(" ", noise)) == outcome(text)


VOCABULARY = st.sampled_from(
    [
        "05", "1.440", "1,5", "1,000", "hai trăm ba", "mười", "năm", "(05)", "(năm)", "ngày",
        "ngày làm việc", "làm việc", "giờ", "phút", "tháng", "tuần", "rưỡi", "không quá",
        "tối đa", "chậm nhất", "trong thời hạn", "tối thiểu", "kể từ ngày nhận đủ hồ sơ",
        "trường hợp", "đối với", "xác minh", "kéo dài thêm", "trong đó", "niêm yết",
        "không kể thời gian", "ngay", "ngay trong ngày", "trong ngày làm việc tiếp theo",
        "hoặc", "và", "sau 15 giờ", "nhận", "Trực tuyến:", "Trực tiếp:", "- ", "+ ", "a) ",
        "(1) ", ";", ".", ":", ",", "(", ")", "/", "\n", "Bước 5:", "Thời hạn giải quyết:",
        "Sở Tư pháp:", "Cấp lại:", "các trường hợp khác", "trước ngày 30/11", "thì", "là",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(VOCABULARY, max_size=25).map(" ".join))
def test_grammar_fragments_raise_only_tthc_errors(text: str) -> None:
    outcome(text)


def test_the_whole_catalogue_raises_only_tthc_errors() -> None:
    payload = json.loads(gzip.decompress((DATA / "processing_time_catalogue.json.gz").read_bytes()))
    texts = payload["texts"]
    assert sum(count for _, count in texts) == 2 * 7082  # descriptions + structured times
    outcomes: dict[str, int] = {}
    for text, count in texts:
        got = outcome(text)
        key = got[1] if isinstance(got, tuple) else next(iter(got))
        outcomes[str(key)] = outcomes.get(str(key), 0) + count
    assert outcomes["limit"] > 6_000
    assert outcomes["cases"] > 300
