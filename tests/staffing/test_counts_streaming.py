"""The streaming reader of dossier counts gives what the whole-text reader gave (issue 20).

``_whole_text_read`` is the reader before issue 20: the whole file through
``tthc._data.read_source``, split by ``io.StringIO``, each row through ``count_from_values``.
The streaming reader must give the same records, or the same error (class, message, file, row,
field), on every input, whatever the chunk boundaries.
"""

from __future__ import annotations

import io
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import _data
from tthc import _data as _stream
from tthc.errors import DataFileError, InputTypeError, TthcError
from tthc.staffing import DossierCount, Month, iter_dossier_counts, read_dossier_counts
from tthc.staffing._inputs import COUNT_COLUMNS, checked_count, count_from_values, csv_rows, no_rows

HEADER = "unit_code,unit_name,unit_kind,procedure_code,field,month,count,in_person\n"


def _whole_text_read(
    source: Any, max_bytes: int = _data.MAX_FILE_BYTES
) -> tuple[DossierCount, ...]:
    text, name = _data.read_source(source, max_bytes=max_bytes)
    rows = tuple(
        count_from_values(values, name, row)
        for row, values in csv_rows(io.StringIO(text, newline=""), name, COUNT_COLUMNS)
    )
    if not rows:
        raise no_rows(name)
    return rows


def _outcome(read: Callable[[], tuple[DossierCount, ...]]) -> object:
    try:
        return read()
    except TthcError as err:
        return (type(err), err.message, err.hint, err.context)


def _same_on_both(raw: bytes, *, max_bytes: int = _data.MAX_FILE_BYTES) -> object:
    """Compare both readers on a binary stream and on a text stream of ``raw``."""
    old = _outcome(lambda: _whole_text_read(io.BytesIO(raw), max_bytes))
    new = _outcome(lambda: read_dossier_counts(io.BytesIO(raw), max_bytes=max_bytes))
    assert new == old
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return old
    old_text = _outcome(lambda: _whole_text_read(io.StringIO(text, newline=""), max_bytes))
    new_text = _outcome(
        lambda: read_dossier_counts(io.StringIO(text, newline=""), max_bytes=max_bytes)
    )
    assert new_text == old_text
    return old


# The inputs of tests/staffing/test_dossier_counts.py, and the shapes a CSV file can take.
CASES: list[bytes] = [
    (
        "\ufeff"
        + HEADER
        + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2026-01,120,80\n"
        + "\n"
        + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,01/2026,5,\n"
    ).encode(),
    b"UNIT_CODE,procedure_code,month,count,comment\nU,P,2026-01,1,x\n",
    *(
        (HEADER + body).encode()
        for body in (
            "31120,,,1.001193,,2026-13,1,\n",
            "31120,,,1.001193,,2026-01,-1,\n",
            "31120,,,1.001193,,2026-01,12.5,\n",
            "31120,,,1.001193,,2026-01,,\n",
            ",,,1.001193,,2026-01,1,\n",
            "31120,,,,,2026-01,1,\n",
            "31120,,,1.001193,,2026-01,3,4\n",
            "31120,,,1.001193,,2026-01,3,x\n",
            "31120,,,1.001193,,2026-01,1,\n31120,,,1.001193,,2026-01,eval(1),\n",
            "31120,,,1.001193,,2026-01,²,\n",
            "1,2,3\n",
            "",
            "U,,,P,,2026-01,1,\n" * 3,
            ",,,,,,,\n  ,, ,,,,,\nU,,,P,,2026-01,1,\n",  # blank rows are skipped
            "U,,,P,,2026-01, 7 ,  \nU,,,P,,2026-01,٣,\n",  # spaces, a non-ASCII digit
            "U , Xã  A ,xã, P ,Hộ tịch, 2026-1 ,007,0\n",
            "U,Xã Hòa,xã,P,,2026-02,4,2\r\nU,Xa\u0300 Ho\u0300a,xã,P,,2026-02,4,2\r\n",  # NFD
            'U,"Xã ""A""\nB",xã,P,,2026-03,4,\rU,,,P,,2026-03,1,\r\n',  # quotes, lone \r
            "U,,,P,,2026-03,1,\n\n\n,\nU,,,P,,2026-03,1",  # no end of line at the end
        )
    ),
    b"unit_code,procedure_code,month\nU,P,2026-01\n",
    b"unit_code,unit_code,procedure_code,month,count\n",
    b"",
    b"\xef\xbb\xbf",
    b"\xef\xbb",
    b"x" * 2000,
    HEADER.encode() + b"\xff\xfe,1\n",
    b"\xef\xbb\xbf" + HEADER.encode() + b"U,,,P,,2026-01,1,\nU,\xc3,,P,,2026-01,1,\n",
    b'unit_code,procedure_code,month,count\n"U,P\n',
    HEADER.encode() + "U,Xã Ân,xã,P,,2026-01,1,\n".encode() * 40,
]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 64, 1 << 20])
@pytest.mark.parametrize("raw", CASES)
def test_stream_reads_as_the_whole_text(
    raw: bytes, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_stream, "CHUNK", chunk)
    _same_on_both(raw)


def test_size_cap_and_paths_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_stream, "CHUNK", 7)
    big = tmp_path / "big.csv"
    big.write_text(HEADER + "U,,,P,,2026-01,1,\n" * 100, encoding="utf-8")
    for source, cap in ((big, 1000), (big, 10_000), (tmp_path / "missing.csv", 10), (tmp_path, 10)):
        old = _outcome(lambda: _whole_text_read(source, cap))  # noqa: B023 - called at once
        assert _outcome(lambda: read_dossier_counts(source, max_bytes=cap)) == old  # noqa: B023
    good = HEADER.encode() + b"U,,,P,,2026-01,1,\n" * 100
    too_big = _same_on_both(good, max_bytes=1000)
    assert isinstance(too_big, tuple)
    assert too_big[1] == "Tệp dữ liệu (data file) <stream> is larger than 1,000 bytes"
    # Behaviour change (issue 20): a stream is read row by row, so a bad row before the cap is
    # reported before the size (the whole-text reader read up to the cap first).
    bad_then_big = HEADER.encode() + b"U,,,P,,2026-13,1,\n" * 100
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(io.BytesIO(bad_then_big), max_bytes=1000)
    assert caught.value.context["row"] == 2
    with pytest.raises(DataFileError) as caught:
        _whole_text_read(io.BytesIO(bad_then_big), max_bytes=1000)
    assert "larger than 1,000 bytes" in caught.value.message
    for bad in (0, -1, True, 1.5):
        with pytest.raises(InputTypeError):
            iter_dossier_counts(big, max_bytes=bad)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        iter_dossier_counts(123)  # type: ignore[arg-type]
    # A path is checked when the iterator is made, before any row is read.
    with pytest.raises(DataFileError):
        iter_dossier_counts(big, max_bytes=1000)
    lazy = iter_dossier_counts(big)
    assert next(lazy).unit_code == "U"
    lazy.close()  # closes the file


def test_utf8_errors_count_bytes_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    body = HEADER.encode() + "U,Xã,xã,P,,2026-01,1,\n".encode() * 5
    for chunk in (1, 2, 4, 1 << 20):
        monkeypatch.setattr(_stream, "CHUNK", chunk)
        for cut in (len(HEADER) + 2, len(body) - 1):
            for bom in (b"", b"\xef\xbb\xbf"):
                raw = bom + body[:cut] + b"\x80" + body[cut:]
                outcome = _same_on_both(raw)
                assert isinstance(outcome, tuple)
                assert f"(byte {cut})" in outcome[1]
        _same_on_both(body + "Ấ".encode()[:2])  # a character cut at the end of the file


TOKENS = ["U", "P", "2026-01", "01/2026", "7", "0", " 3 ", "٣", "²", "x", "", " ", "xã"]
TOKENS += ["Hoa\u0300", '"a,b"', '"q""r"', '"l\nm"', "\ufeff", "\r"]


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.lists(st.sampled_from(TOKENS), min_size=0, max_size=9).map(",".join), max_size=8
    ),
    ends=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=8, max_size=8),
    header=st.sampled_from([HEADER, "unit_code,procedure_code,month,count\n", "\ufeff" + HEADER]),
    chunk=st.integers(min_value=1, max_value=9),
)
def test_stream_reads_any_text_as_the_whole_text(
    rows: list[str], ends: list[str], header: str, chunk: int
) -> None:
    text = header + "".join(row + end for row, end in zip(rows, ends, strict=False))
    saved = _stream.CHUNK
    _stream.CHUNK = chunk
    try:
        _same_on_both(text.encode())
    finally:
        _stream.CHUNK = saved


def test_checked_count_is_the_validated_record() -> None:
    names = [attribute.name for attribute in attrs.fields(DossierCount)]
    values = ("U", "P", Month(2026, 1), 5, "Xã A", "xã", "hộ tịch", 2)
    assert names == [*COUNT_COLUMNS, "unit_name", "unit_kind", "field", "in_person"]
    record = checked_count(values)
    assert record == DossierCount(*values)
    assert hash(record) == hash(DossierCount(*values))
    assert repr(record) == repr(DossierCount(*values))


# --- a large input is read row by row -----------------------------------------------------------


def _large_csv(rows: int) -> bytes:
    rng = random.Random(20)
    lines = [HEADER]
    for index in range(rows):
        count = rng.randrange(40)
        lines.append(
            f"{10000 + index % 500},Xã {index % 500},xã,1.00{index % 7},hộ tịch,"
            f"2026-{index % 12 + 1:02d},{count},{count // 2}\n"
        )
    return "".join(lines).encode()


class _NoWholeRead(io.BytesIO):
    """A binary file that refuses to be read whole (``read()`` or a read above one chunk)."""

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0 or size > _stream.CHUNK:
            raise AssertionError(f"read({size}) would load the whole file")
        return super().read(size)


def test_large_input_is_streamed(tmp_path: Path) -> None:
    raw = _large_csv(50_000)
    assert len(raw) > 2_400_000
    count = sum(record.count for record in iter_dossier_counts(_NoWholeRead(raw)))
    assert count == sum(record.count for record in _whole_text_read(io.BytesIO(raw)))
    with pytest.raises(AssertionError):
        _data.read_source(_NoWholeRead(raw))  # the whole-text reader asks for everything
    path = tmp_path / "large.csv"
    path.write_bytes(raw)
    tracemalloc.start()
    try:
        rows = sum(1 for _ in iter_dossier_counts(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows == 50_000
    # One 64 KiB chunk decoded and split, one row, the caches: about 0.7 MB for a 2.4 MB file.
    assert peak < len(raw) // 2, peak


def test_input_over_one_chunk_is_read_in_chunks() -> None:
    """The fast twin of the test above (kept in the mutation selection): 3 chunks, same records."""
    raw = _large_csv(3_000)
    assert len(raw) > 2 * _stream.CHUNK
    streamed = tuple(iter_dossier_counts(_NoWholeRead(raw)))
    assert streamed == _whole_text_read(io.BytesIO(raw))
    assert len(streamed) == 3_000
