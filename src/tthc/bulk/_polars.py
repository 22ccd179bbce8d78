"""A polars expression over the shared working-day index (``map_batches``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tthc.bulk._adapters import require
from tthc.bulk._core import add_working_days
from tthc.errors import InputTypeError

if TYPE_CHECKING:
    from tthc.calendar import WorkCalendar

__all__: list[str] = []  # private module: the public names are exported by tthc.bulk


def polars_add_working_days(
    dates: Any,
    n: Any,
    *,
    calendar: WorkCalendar | None = None,
) -> Any:
    """Return a polars expression adding working days (via ``map_batches`` on the shared index).

    Args:
        dates: A column name or a polars expression of ``Date`` values.
        n: An ``int`` for every row, or a column name / expression of integers.
        calendar: The calendar (default: the national public-sector calendar).

    Returns:
        A ``pl.Expr`` of ``Date`` values named like ``dates``.

    Raises:
        MissingExtraError: polars (or numpy) is not installed.
        InputTypeError: ``n`` is neither an int nor a column/expression.

    Example:
        >>> import datetime as dt
        >>> import polars as pl
        >>> df = pl.DataFrame({"accepted": [dt.date(2026, 4, 29)], "days": [5]})
        >>> df.select(polars_add_working_days("accepted", "days").alias("due"))["due"].to_list()
        [datetime.date(2026, 5, 8)]
    """
    pl = require("polars", "polars")
    date_expr = pl.col(dates) if isinstance(dates, str) else dates
    if isinstance(n, int) and not isinstance(n, bool):
        count = n

        def add_constant(series: Any) -> Any:
            return add_working_days(series, count, calendar=calendar)

        return date_expr.map_batches(add_constant, return_dtype=pl.Date)
    if isinstance(n, str):
        n = pl.col(n)
    if not isinstance(n, pl.Expr):
        raise InputTypeError(
            "Số (number): n must be an int, a column name or a polars expression, got "
            f"{type(n).__name__}",
            argument="n",
            got=type(n).__name__,
        )
    name = date_expr.meta.output_name(raise_if_undetermined=False) or "date"

    def add_columns(struct: Any) -> Any:
        result = add_working_days(
            struct.struct.field("__tthc_date"), struct.struct.field("__tthc_n"), calendar=calendar
        )
        return result.alias(name)

    packed = pl.struct(date_expr.alias("__tthc_date"), n.alias("__tthc_n"))
    mapper: Callable[[Any], Any] = add_columns
    return packed.map_batches(mapper, return_dtype=pl.Date).alias(name)
