"""factorize: a code per row and the distinct values, the same for every container."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.errors import InputTypeError

np = pytest.importorskip("numpy")

from tthc.bulk._factorize import factorize  # noqa: E402 - after the importorskip on purpose

# Field names (lĩnh vực) of the national catalogue, and the channels of Biểu 07a.
FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai", "Lao động", "Nuôi con nuôi", "Quốc tịch"]
# numpy drops trailing NUL characters of fixed-width strings, and lone surrogates ("\ud800")
# cannot be encoded as UTF-8 by polars or Arrow: none are generated
SHORT = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=4)
TEXTS = st.lists(st.one_of(st.sampled_from(FIELDS), SHORT), max_size=40)


def decoded(codes: object, uniques: list[object]) -> list[object]:
    return [uniques[c] if c >= 0 else None for c in np.asarray(codes).tolist()]


@settings(max_examples=60, deadline=None)
@given(values=TEXTS, holes=st.lists(st.integers(0, 39), max_size=5))
def test_every_container_gives_back_its_values(values: list[str], holes: list[int]) -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    with_gaps: list[str | None] = [None if i in holes else v for i, v in enumerate(values)]
    columns = [
        with_gaps,
        np.array(with_gaps, dtype=object),
        pd.Series(with_gaps, dtype=object),
        pd.Series(with_gaps, dtype="str"),
        pd.Series(with_gaps, dtype="category"),
        pl.Series(with_gaps, dtype=pl.String),
        pl.Series(with_gaps, dtype=pl.Categorical),
        pa.array(with_gaps, type=pa.string()),
        pa.array(with_gaps, type=pa.string()).dictionary_encode(),
    ]
    if None not in with_gaps:
        columns.append(np.array(values, dtype=str))
    for column in columns:
        codes, uniques = factorize(np, column, "field")
        assert codes.dtype.kind == "i"  # signed: -1 is missing
        assert decoded(codes, uniques) == with_gaps, type(column)
        used = {c for c in codes.tolist() if c >= 0}
        assert len({uniques[c] for c in used}) == len(used)  # one code per distinct value


def test_many_distinct_values_fall_back_to_sorting() -> None:
    values = np.array([f"xã {i % 40}" for i in range(200)])
    codes, uniques = factorize(np, values, "commune")
    assert len(uniques) == 40
    assert decoded(codes, uniques) == values.tolist()


def test_numbers_and_dates_treat_nan_and_nat_as_missing() -> None:
    floats = np.array([1.5, np.nan, 1.5, 2.0])
    codes, uniques = factorize(np, floats, "x")
    assert decoded(codes, uniques) == [1.5, None, 1.5, 2.0]
    days = np.array(["2026-01-10", "NaT", "2026-01-10"], dtype="datetime64[D]")
    codes, uniques = factorize(np, days, "d")
    assert decoded(codes, uniques) == [dt.date(2026, 1, 10), None, dt.date(2026, 1, 10)]
    objects = np.array(["a", float("nan"), None, "a"], dtype=object)
    assert factorize(np, objects, "o")[0].tolist() == [0, -1, -1, 0]


def test_chunked_dictionaries_are_unified() -> None:
    pa = pytest.importorskip("pyarrow")
    chunked = pa.chunked_array(
        [pa.array(["b", "a"]).dictionary_encode(), pa.array(["c", None, "a"]).dictionary_encode()]
    )
    codes, uniques = factorize(np, chunked, "x")
    assert decoded(codes, uniques) == ["b", "a", "c", None, "a"]


def test_polars_enum_uses_its_codes() -> None:
    pl = pytest.importorskip("polars")
    column = pl.Series(["post", None, "counter"], dtype=pl.Enum(["counter", "post"]))
    codes, uniques = factorize(np, column, "channel")
    assert codes.tolist() == [1, -1, 0]
    assert uniques == ["counter", "post"]


def test_unhashable_values_are_refused() -> None:
    with pytest.raises(InputTypeError) as caught:
        factorize(np, np.array(["a", ["b"]], dtype=object), "field")
    assert caught.value.context["argument"] == "field"
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputTypeError):
        factorize(np, pd.Series([{"a": 1}]), "field")


def test_empty_columns() -> None:
    for column in ([], np.array([], dtype=object), np.array([], dtype="U3")):
        codes, uniques = factorize(np, column, "x")
        assert codes.shape == (0,)
        assert uniques == []


def test_object_arrays_of_odd_values() -> None:
    pd = pytest.importorskip("pandas")
    pair = ("a", 1)
    values = np.empty(6, dtype=object)
    values[:] = ["x", pair, None, float("nan"), pd.NA, pair]
    codes, uniques = factorize(np, values, "x")
    assert decoded(codes, uniques) == ["x", pair, None, None, None, pair]  # a tuple is one value
    many = np.array([*range(12), "12", None, 3], dtype=object)  # past the few distinct values
    codes, uniques = factorize(np, many, "x")
    assert decoded(codes, uniques) == [*range(12), "12", None, 3]
    with pytest.raises(InputTypeError):
        factorize(np, np.array([np.arange(2), "a"], dtype=object), "x")


def test_unsigned_dictionary_indices_are_widened() -> None:
    pa = pytest.importorskip("pyarrow")
    column = pa.DictionaryArray.from_arrays(pa.array([1, None, 0], pa.uint8()), ["a", "b"])
    codes, uniques = factorize(np, column, "x")
    assert codes.dtype.kind == "i"
    assert decoded(codes, uniques) == ["b", None, "a"]


def test_numpy_variable_width_strings() -> None:
    string_dtype = getattr(getattr(np, "dtypes", None), "StringDType", None)
    if string_dtype is None:
        pytest.skip("numpy < 2 has no StringDType")
    values = np.array(["Hộ tịch", "Đất đai", "Hộ tịch"], dtype=string_dtype())
    codes, uniques = factorize(np, values, "field")
    assert codes.tolist() == [0, 1, 0]
    assert uniques == ["Hộ tịch", "Đất đai"]
    assert all(type(value) is str for value in uniques)
