"""The labelled corpus of real national-portal processing times (issue 15).

Each record was labelled by a person reading the text (see
tests/data/processing_time_corpus.README.md); the reader must match every label. Labels of cases
and shares are compared after removing the introducer ("trường hợp", "đối với") and punctuation.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tthc.deadlines._reader import read_processing_time
from tthc.errors import ProcessingTimeParseError

DATA = Path(__file__).resolve().parent.parent / "data" / "processing_time_corpus.jsonl"
RECORDS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
MINISTRIES = {
    "bo-tai-chinh",
    "bo-nong-nghiep-mt",
    "bo-xay-dung",
    "bo-cong-an",
    "bo-tu-phap",
    "ngan-hang-nha-nuoc",
    "toa-an-nhan-dan",
}


def canon_label(label: str) -> str:
    text = label.casefold()
    text = re.sub(
        r"^(?:trong trường hợp|đối với trường hợp|đối với|với trường hợp|trường hợp|các trường hợp)"
        r"\s*",
        "",
        text,
    )
    return re.sub(r"[^\w]+", " ", text).strip()


def canon(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: canon_label(v) if k in ("label", "who") else canon(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canon(v) for v in value]
    return value


def outcome(text: str) -> dict[str, Any]:
    try:
        return read_processing_time(text).to_label()
    except ProcessingTimeParseError as error:
        return {"refuse": error.context["reason"]}


def test_corpus_is_large_and_covers_every_publishing_body() -> None:
    assert len(RECORDS) >= 400
    assert len({r["text"] for r in RECORDS}) >= 400
    per_body = collections.Counter(r["ministry"] for r in RECORDS)
    assert set(per_body) == MINISTRIES
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)


def test_every_record_is_labelled_with_a_reason_and_a_source() -> None:
    for record in RECORDS:
        assert record["why"].strip(), record["id"]
        assert record["_source"].startswith("Cổng Dịch vụ công quốc gia"), record["id"]
        assert set(record["expect"]) <= {
            "refuse", "limit", "bound", "sequence", "total", "cases", "default", "base",
            "alternatives", "shares", "excluded", "cutoff", "start", "channels",
        }  # fmt: skip


def test_corpus_covers_every_shape() -> None:
    keys = collections.Counter(
        "refuse" if "refuse" in r["expect"] else next(iter(r["expect"])) for r in RECORDS
    )
    for shape in ("limit", "sequence", "cases", "base", "total", "refuse"):
        assert keys[shape] >= 2, shape
    texts = " ".join(json.dumps(r["expect"]) for r in RECORDS)
    for feature in ('"cutoff"', '"excluded"', '"immediate"', '"same_day"', '"default": 0'):
        assert feature in texts, feature
    # an extension inside one step of a sequence (records n010, c132 ...)
    assert any("base" in step for r in RECORDS for step in r["expect"].get("sequence", []))


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_reader_matches_the_label(record: dict[str, Any]) -> None:
    assert canon(outcome(record["text"])) == canon(record["expect"]), record["why"]
