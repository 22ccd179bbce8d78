"""Legal references and validity periods."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.errors import DataFileError, InputTypeError
from tthc.legal import LegalRef, Validity

DECREE_118 = LegalRef(
    document="118/2025/NĐ-CP",
    kind="Nghị định",
    issuer="Chính phủ",
    date=dt.date(2025, 6, 9),
    article="Điều 19.5",
)


def test_cite() -> None:
    assert DECREE_118.cite() == "khoản 5 Điều 19, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
    assert str(LegalRef("80-NQ/TW")) == "80-NQ/TW"


def test_from_mapping() -> None:
    ref = LegalRef.from_mapping(
        {"document": "118/2025/NĐ-CP", "kind": "Nghị định", "date": "2025-06-09"}
    )
    assert ref.date == dt.date(2025, 6, 9)
    with pytest.raises(DataFileError, match="ISO date"):
        LegalRef.from_mapping({"document": "x", "date": "9/6/2025"})


@pytest.mark.parametrize(
    "kwargs",
    [{"document": " "}, {"document": "x", "confidence": "rumour"}],
)
def test_bad_refs(kwargs: dict[str, str]) -> None:
    with pytest.raises(DataFileError):
        LegalRef(**kwargs)  # type: ignore[arg-type]


def test_ref_date_must_be_a_date() -> None:
    with pytest.raises(InputTypeError):
        LegalRef("x", date=dt.datetime(2025, 6, 9))  # type: ignore[arg-type]


def test_validity() -> None:
    # The two-level local government: from 1/7/2025 (Decree 118/2025/NĐ-CP Art. 40).
    two_level = Validity(start=dt.date(2025, 7, 1))
    assert not two_level.contains(dt.date(2025, 6, 30))
    assert two_level.contains(dt.date(2025, 7, 1))
    assert dt.date(2030, 1, 1) in two_level
    assert dt.datetime(2030, 1, 1) not in two_level
    old = Validity(end=dt.date(2025, 6, 30))
    assert old.contains(dt.date(2025, 6, 30))
    assert not old.contains(dt.date(2025, 7, 1))
    assert str(two_level) == "01/07/2025 – …"
    with pytest.raises(DataFileError):
        Validity(dt.date(2025, 7, 1), dt.date(2025, 6, 30))
    with pytest.raises(InputTypeError):
        two_level.contains("2025-07-01")  # type: ignore[arg-type]


def test_one_json_shape() -> None:
    ref = LegalRef.from_mapping({"doc": "118-2025-nd-cp", "article": "Điều 19.5"})
    assert ref.to_dict() == {
        "document": "118/2025/NĐ-CP",
        "kind": "Nghị định",
        "issuer": "Chính phủ",
        "date": "2025-06-09",
        "article": "Điều 19.5",
        "url": None,
        "title": ref.title,
        "confidence": "official",
        "citation": "khoản 5 Điều 19, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)",
    }
    bare = LegalRef("80-NQ/TW").to_dict()
    assert bare["kind"] is bare["date"] is bare["article"] is bare["url"] is None  # null, not ""
