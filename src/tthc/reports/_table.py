"""Biểu 07a from a table of dossiers: pandas, polars, Arrow or plain columns, vectorised."""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tthc._time import VN_TZ
from tthc.dossiers._model import Channel
from tthc.errors import InputTypeError, InvalidArrayError, MissingExtraError, NaiveDatetimeError
from tthc.reports._form07a import (
    COUNTED,
    FieldOf,
    Form07a,
    OnlineFull,
    channel_column,
    check_in_force,
    end_instant,
    field_resolver,
    rows_from_counts,
)
from tthc.reports._period import ReportPeriod

if TYPE_CHECKING:
    from tthc.dossiers import Dossier

#: The columns a table of dossiers has; ``supplement_requested_at`` may be absent.
TABLE_COLUMNS = (
    "field",
    "channel",
    "accepted_at",
    "due_date",
    "result_at",
    "supplement_requested_at",
)

_CHANNELS = ("received_online_full", "received_online_partial", "received_post", "received_counter")
# Column of form 07a for each channel of the one vocabulary (tthc.dossiers.Channel): a plain
# "online" dossier does not say whether it was fully or partly online, so it has no column.
_CHANNEL_COLUMN = {
    Channel.ONLINE_FULL: 0,
    Channel.ONLINE_PARTIAL: 1,
    Channel.POST: 2,
    Channel.COUNTER: 3,
}
_NAT = -(2**63)
_EPOCH = _dt.date(1970, 1, 1)
_SEVEN_HOURS_US = 7 * 3600 * 1_000_000


def _numpy() -> Any:
    try:
        np = importlib.import_module("numpy")
    except ImportError:  # pragma: no cover - numpy is installed with the test extra
        raise MissingExtraError(
            "Bảng hồ sơ (table of dossiers): the table path needs numpy",
            hint='pip install "tthc[numpy]"',
        ) from None
    return np


def _column(table: Any, name: str, *, required: bool = True) -> Any:
    if isinstance(table, Mapping):
        names: list[str] = list(table)
    elif hasattr(table, "column_names"):  # pyarrow.Table
        names = list(table.column_names)
    elif hasattr(table, "columns"):  # pandas or polars DataFrame
        names = [str(column) for column in table.columns]
    else:
        raise InputTypeError(
            "Bảng hồ sơ (table of dossiers) must be a pandas or polars DataFrame, a pyarrow "
            f"Table or a mapping of columns, got {type(table).__name__}",
            argument="table",
        )
    if name not in names:
        if required:
            raise InputTypeError(
                f"Bảng hồ sơ (table of dossiers) has no column {name!r}",
                hint="columns: " + ", ".join(TABLE_COLUMNS[:5]) + " (+ supplement_requested_at)",
                column=name,
            )
        return None
    if hasattr(table, "column_names"):
        return table.column(name)
    return table[name]


def _element_day(value: object, name: str, position: int) -> int:
    if value is None or value != value:  # noqa: PLR0124 - None, NaN and NaT are missing
        return _NAT
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(
                f"Bảng hồ sơ (table of dossiers): {name} at row {position} has no time zone; "
                "tthc will not guess whether it is Vietnam time or UTC",
                hint="give aware instants, or dates",
                column=name,
                position=position,
            )
        return (value.astimezone(VN_TZ).date() - _EPOCH).days
    if isinstance(value, _dt.date):
        return (value - _EPOCH).days
    raise InputTypeError(
        f"Bảng hồ sơ (table of dossiers): {name} at row {position} is not a date, got "
        f"{type(value).__name__}",
        column=name,
        position=position,
    )


def _timezone_of(column: Any) -> str | None:
    dtype = getattr(column, "dtype", None)
    tz = getattr(dtype, "tz", None) or getattr(dtype, "time_zone", None)
    tz = tz or getattr(getattr(column, "type", None), "tz", None)
    return None if tz is None else str(tz)


def _to_numpy(np: Any, column: Any, tz: str | None) -> Any:
    if hasattr(column, "dt") and hasattr(column, "index"):  # pandas
        if tz is not None:
            column = column.dt.tz_convert("UTC").dt.tz_localize(None)
        return column.to_numpy()
    if hasattr(column, "type"):  # pyarrow Array or ChunkedArray
        return column.to_numpy(zero_copy_only=False)
    if hasattr(column, "to_numpy"):  # polars (UTC values for an aware column)
        return column.to_numpy()
    return np.asarray(list(column) if not hasattr(column, "dtype") else column)


def _datetimes_to_days(np: Any, values: Any, aware: bool, name: str) -> Any:
    micro = values.astype("datetime64[us]").astype(np.int64)
    missing = micro == _NAT
    micro = np.where(missing, 0, micro)
    if aware:
        micro = micro + _SEVEN_HOURS_US  # the instants are UTC: their Vietnam dates
    elif bool((micro % 86_400_000_000 != 0).any()):
        raise NaiveDatetimeError(
            f"Bảng hồ sơ (table of dossiers): {name} has times of day but no time zone; tthc "
            "will not guess whether they are Vietnam time or UTC",
            hint="localise the column (e.g. to Asia/Ho_Chi_Minh), or give dates",
            column=name,
        )
    return np.where(missing, _NAT, np.floor_divide(micro, 86_400_000_000))


def _days(np: Any, column: Any, name: str) -> Any:
    tz = _timezone_of(column)
    values = _to_numpy(np, column, tz)
    if values.size == 0:
        return np.empty(0, dtype=np.int64)
    if values.dtype.kind == "M":
        if np.datetime_data(values.dtype)[0] == "D":
            return values.astype(np.int64)
        return _datetimes_to_days(np, values, tz is not None, name)
    if values.dtype.kind == "O":
        items = values.tolist()
        return np.fromiter(
            (_element_day(item, name, i) for i, item in enumerate(items)),
            dtype=np.int64,
            count=len(items),
        )
    raise InputTypeError(
        f"Bảng hồ sơ (table of dossiers): {name} must hold dates or aware datetimes, got "
        f"{values.dtype}",
        column=name,
    )


def _factorize(np: Any, column: Any, name: str) -> tuple[Any, list[str]]:
    """Return ``(codes, names)``: an int64 code per row into the distinct names, in O(n).

    One home with tthc.bulk (``tthc.bulk._factorize.factorize()``, imported on first use so
    that ``import tthc.reports`` stays light): categorical and dictionary columns use their own
    codes, other columns are hashed by their library, never sorted.
    """
    factorize = importlib.import_module("tthc.bulk._factorize").factorize
    if not hasattr(column, "dtype") and not hasattr(column, "type"):  # a plain sequence
        column = list(column)
    codes, uniques = factorize(np, column, name)
    return codes.astype(np.int64, copy=False), [str(v) for v in uniques]  # int8 codes widened


def _missing_text(np: Any, codes: Any, rows: Any, name: str) -> None:
    missing = codes[rows] < 0
    if bool(missing.any()):
        raise InvalidArrayError(
            f"Bảng hồ sơ (table of dossiers): {name} is missing at row "
            f"{int(rows[np.flatnonzero(missing)[0]])}",
            column=name,
        )


def _channel_codes(np: Any, column: Any, rows: Any) -> Any:
    codes, names = _factorize(np, column, "channel")
    _missing_text(np, codes, rows, "channel")
    lookup = []
    for value in names:
        code = _column_of_channel(value)
        if code is None:
            raise InvalidArrayError(
                f"Bảng hồ sơ (table of dossiers): channel {value!r} is not one of "
                "online_full, online_partial, post, counter",
                hint="the form counts fully and partly online dossiers apart (columns 4, 5)",
                column="channel",
            )
        lookup.append(code)
    return np.asarray([*lookup, 0], dtype=np.int64)[codes[rows]]


def _column_of_channel(value: str) -> int | None:
    try:
        return _CHANNEL_COLUMN.get(Channel.parse(value))
    except InputTypeError:
        return None


def _check_lengths(np: Any, arrays: Mapping[str, Any]) -> int:
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        raise InvalidArrayError(
            f"Bảng hồ sơ (table of dossiers): columns have different lengths {lengths}",
            column="*",
        )
    return next(iter(lengths.values()), 0)


def _standing(np: Any, due: Any, result: Any, judged: Any, end: int) -> Any:
    resolved = (result != _NAT) & (result <= end)
    finished_code = np.sign(result - due) + 1  # 0 early, 1 on time, 2 late
    pending_code = np.where(judged <= due, 3, 4)
    return np.where(resolved, finished_code, pending_code)


def form_07a_from_table(table: Any, period: ReportPeriod) -> Form07a:
    """Fill Biểu 07a/BTP/KSTT for ``period`` from a table, one row per dossier.

    The table is a pandas or polars ``DataFrame``, a pyarrow ``Table`` or a mapping of column
    name → sequence, with the columns of [`TABLE_COLUMNS`][tthc.reports.TABLE_COLUMNS]: ``field`` (lĩnh vực),
    ``channel`` (``online_full``, ``online_partial``, ``post``, ``counter`` or the Vietnamese
    names), ``accepted_at`` (aware instants or Vietnam dates; missing = never accepted),
    ``due_date`` (the due date in force at the end of the period), ``result_at`` (the end of
    processing, missing while open) and optionally ``supplement_requested_at`` (a supplement
    request still open at the end of the period: the dossier is judged on its date). The
    counts equal [`form_07a`][tthc.reports.form_07a] over the same dossiers
    ([`dossiers_to_table`][tthc.reports.dossiers_to_table] builds such a table).

    Raises:
        InputTypeError: a column is missing or holds the wrong type.
        NaiveDatetimeError: instants without a time zone.
        InvalidArrayError: an unknown channel, columns of different lengths, a missing due date
            for an accepted dossier.
        ReportError: a period before the form was in force.
    """
    np = _numpy()
    check_in_force(period)
    arrays = {
        name: _column(table, name) for name in ("field", "channel", "accepted_at", "due_date")
    }
    arrays["result_at"] = _column(table, "result_at")
    supplement = _column(table, "supplement_requested_at", required=False)
    _check_lengths(np, arrays if supplement is None else {**arrays, "s": supplement})
    accepted = _days(np, arrays["accepted_at"], "accepted_at")
    result = _days(np, arrays["result_at"], "result_at")
    start, end = ((d - _EPOCH).days for d in (period.start, period.end))
    scope = (accepted != _NAT) & (accepted <= end) & ((result == _NAT) | (result >= start))
    rows = np.flatnonzero(scope)
    due = _days(np, arrays["due_date"], "due_date")[rows]
    if bool((due == _NAT).any()):
        raise InvalidArrayError(
            "Bảng hồ sơ (table of dossiers): an accepted dossier has no due_date (row "
            f"{int(rows[np.flatnonzero(due == _NAT)[0]])})",
            column="due_date",
        )
    judged = np.full(rows.size, end, dtype=np.int64)
    if supplement is not None:
        request = _days(np, supplement, "supplement_requested_at")[rows]
        judged = np.where((request != _NAT) & (request <= end), request, judged)
    channels = _channel_codes(np, arrays["channel"], rows)
    received = np.where(accepted[rows] < start, 4, channels)
    standing = _standing(np, due, result[rows], judged, end) + 5
    codes, names = _factorize(np, arrays["field"], "field")
    _missing_text(np, codes, rows, "field")
    return Form07a(period, _aggregate(np, codes[rows], names, received, standing))


def _aggregate(
    np: Any, inverse: Any, names: list[str], received: Any, standing: Any
) -> tuple[Any, ...]:
    width = len(COUNTED)
    flat = np.bincount(inverse * width + received, minlength=len(names) * width)
    flat += np.bincount(inverse * width + standing, minlength=len(names) * width)
    matrix = flat.reshape(len(names), width)
    counts = {
        name: dict(zip(COUNTED, (int(v) for v in matrix[i]), strict=True))
        for i, name in enumerate(names)
        if matrix[i].any()
    }
    return rows_from_counts(counts)


def dossiers_to_table(
    dossiers: Iterable[Dossier],
    period: ReportPeriod,
    *,
    fields: FieldOf | None = None,
    online_full: OnlineFull | None = None,
) -> dict[str, list[Any]]:
    """The table [`form_07a_from_table`][tthc.reports.form_07a_from_table] reads, from dossiers as they stood at the period end.

    Returns a mapping of column → list (``pandas.DataFrame(result)`` makes a frame of it).
    Dossiers never accepted by the end of the period are left out. ``fields`` and
    ``online_full`` are those of [`form_07a`][tthc.reports.form_07a], with the same refusals.
    """
    end = end_instant(period)
    field_of = field_resolver(fields)
    out: dict[str, list[Any]] = {name: [] for name in TABLE_COLUMNS}
    for dossier in dossiers:
        state = dossier.as_of(end)
        if state.accepted_at is None:
            continue
        out["field"].append(field_of(dossier))
        out["channel"].append(channel_column(dossier, online_full).removeprefix("received_"))
        out["accepted_at"].append(state.accepted_at)
        out["due_date"].append(state.due_date)
        out["result_at"].append(state.finished_at)
        out["supplement_requested_at"].append(_open_request(state))
    return out


def _open_request(state: Dossier) -> _dt.datetime | None:
    if state.status.value != "supplement_requested":
        return None
    for event in reversed(state.events):
        if event.kind.value == "supplement_requested":
            return event.at
    return None  # pragma: no cover - the status comes from such an event
