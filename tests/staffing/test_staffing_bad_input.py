"""Dossier-count and staff-effort files that are malformed, hostile or random (issue 8).

Fuzz contract (tests/fuzzing.py): whatever text arrives, ``read_dossier_counts`` and
``read_efforts`` return records or raise a documented tthc error, within 5 s. Staff effort is
read from CSV only: a JSON effort file (the format of earlier releases) is refused with a
:class:`~tthc.errors.DataFileError`, never read as CSV.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import (
    FUZZ,
    JSON,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
    write_csv_rows,
)
from tthc import staffing
from tthc.errors import DataFileError

# --- dossier counts -------------------------------------------------------------------------------

_COUNT_HEADER = [
    "unit_code",
    "procedure_code",
    "month",
    "count",
    "unit_name",
    "unit_kind",
    "field",
    "in_person",
]
_COUNT_CELLS = st.sampled_from(
    [
        "31135",
        "1.001193",
        "2026-03",
        "2025-13",
        "12",
        "-1",
        "1e9",
        "0",
        "xã",
        "phường",
        "true",
        "x",
        "",
        "Ninh Kiều",
        "99999999999999999999",
    ]
) | st.text(max_size=8)


@st.composite
def _counts_csv(draw: st.DrawFn) -> str:
    header = draw(st.permutations(_COUNT_HEADER))[: draw(st.integers(3, 8))]
    rows = draw(
        st.lists(st.lists(_COUNT_CELLS, min_size=len(header), max_size=len(header)), max_size=5)
    )
    if rows and draw(st.booleans()):
        rows[0] = rows[0][:-1]
    buffer = io.StringIO()
    write_csv_rows(buffer, [header, *rows])
    return buffer.getvalue()


@FUZZ
@given(_counts_csv() | st.text(max_size=200))
def test_staffing_counts_csv(text: str) -> None:
    contract(
        "staffing.read_dossier_counts",
        len(text),
        lambda: staffing.read_dossier_counts(io.StringIO(text)),
    )


# --- staff effort ---------------------------------------------------------------------------------

#: JSON effort files as earlier releases read them: ``{"unit": ..., "procedures": {...}}``.
_JSON_EFFORT = st.builds(
    lambda unit, procs: json.dumps({"unit": unit, "procedures": procs}),
    JSON | st.sampled_from(["minutes", "hours"]),
    st.dictionaries(
        st.text(max_size=8), st.dictionaries(st.text(max_size=8), JSON, max_size=3), max_size=3
    ),
)
_EFFORT = st.one_of(
    st.builds(
        lambda rows: "procedure_code,role,minutes\n" + "\n".join(",".join(r) for r in rows),
        st.lists(
            st.lists(
                st.sampled_from(
                    ["1.001193", "reception", "processing", "10", "-5", "0", "abc", "1e400", ""]
                ),
                min_size=3,
                max_size=3,
            ),
            max_size=4,
        ),
    ),
    JSON.map(json.dumps),
    _JSON_EFFORT,
    st.text(max_size=200),
)


@FUZZ
@given(_EFFORT)
def test_staffing_efforts(text: str) -> None:
    contract("staffing.read_efforts", len(text), lambda: staffing.read_efforts(io.StringIO(text)))


@FUZZ
@given(
    _JSON_EFFORT
    | st.lists(JSON, max_size=4).map(json.dumps)
    | st.dictionaries(st.text(max_size=10), JSON, max_size=4).map(json.dumps)
)
def test_staffing_json_efforts_are_refused(text: str) -> None:
    # a JSON object or array, readable or not, is refused with a tthc error: never read as CSV
    result = contract(
        "staffing.read_efforts(JSON)",
        len(text),
        lambda: staffing.read_efforts(io.StringIO(text)),
    )
    assert result is None


#: A key without quotes on line 2, column 2; deeper than the interpreter's recursion limit.
@pytest.mark.parametrize("text", ['{"a": 1,\n x}', "[" * 100_000], ids=["syntax", "too deep"])
def test_staffing_json_efforts_error_class_code_and_context(text: str) -> None:
    with pytest.raises(DataFileError) as info:
        staffing.read_efforts(io.StringIO(text))
    err = info.value
    assert type(err) is DataFileError
    assert err.code == "data.invalid"
    assert dict(err.context) == {"file": "<stream>", "row": 1}
    assert err.message == (
        "Tệp dữ liệu (data file) <stream> looks like JSON; staff effort is read from CSV only"
    )
    assert err.hint == "write one row per procedure and role: procedure_code,role,minutes"


def test_staffing_readers_large_and_nested() -> None:
    contract(
        "staffing.read_efforts",
        100_000,
        lambda: staffing.read_efforts(io.StringIO("[" * 100_000)),
    )
    big = "unit_code,procedure_code,month,count\n" + "31135,1.001193,2026-03,1\n" * 5_000
    contract(
        "staffing.read_dossier_counts",
        len(big),
        lambda: staffing.read_dossier_counts(io.StringIO(big)),
    )
