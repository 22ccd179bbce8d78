"""Biểu số 07a/BTP/KSTT: how many dossiers each body received, resolved and has pending."""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from tthc._text import fold
from tthc._time import VN_TZ
from tthc.errors import InputTypeError, ReportError, UnknownProcedure
from tthc.legal import LegalRef
from tthc.reports._period import ReportPeriod
from tthc.reports._rules import Column, CountingRule, FormSpec, rules

if TYPE_CHECKING:
    from tthc.dossiers import Dossier

#: The keys of the columns counted directly; the three totals are their sums.
COUNTED = (
    "received_online_full",
    "received_online_partial",
    "received_post",
    "received_counter",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_in_time",
    "pending_overdue",
)

FieldOf = Mapping[str, str] | Callable[["Dossier"], str]
OnlineFull = Callable[["Dossier"], bool]


def _count(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputTypeError(
            f"Biểu 07a (form 07a): {attribute.name} must be a whole number of dossiers ≥ 0, "
            f"got {value!r}",
            argument=attribute.name,
        )


def _field_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputTypeError(
            "Lĩnh vực (field): each row needs the name of its field", argument="field"
        )


@attrs.frozen(slots=True)
class Form07aRow:
    """One row of Biểu 07a: the dossiers of one field (lĩnh vực), or the total.

    The three totals — [`received_total`][tthc.reports.Form07aRow.received_total] (3), [`resolved_total`][tthc.reports.Form07aRow.resolved_total] (9) and
    [`pending_total`][tthc.reports.Form07aRow.pending_total] (13) — are the sums the form defines, so its identities
    (3) = (4)+…+(8), (9) = (10)+(11)+(12) and (13) = (14)+(15) hold by construction; a row
    where (3) ≠ (9) + (13) cannot be built.
    """

    field: str = attrs.field(validator=_field_name)
    received_online_full: int = attrs.field(default=0, validator=_count)
    received_online_partial: int = attrs.field(default=0, validator=_count)
    received_post: int = attrs.field(default=0, validator=_count)
    received_counter: int = attrs.field(default=0, validator=_count)
    carried_over: int = attrs.field(default=0, validator=_count)
    resolved_early: int = attrs.field(default=0, validator=_count)
    resolved_on_time: int = attrs.field(default=0, validator=_count)
    resolved_late: int = attrs.field(default=0, validator=_count)
    pending_in_time: int = attrs.field(default=0, validator=_count)
    pending_overdue: int = attrs.field(default=0, validator=_count)

    def __attrs_post_init__(self) -> None:
        if self.received_total != self.resolved_total + self.pending_total:
            raise ReportError(
                f"Biểu 07a (form 07a), field {self.field!r}: received (3) = "
                f"{self.received_total} but resolved (9) + pending (13) = "
                f"{self.resolved_total} + {self.pending_total}; every dossier received or "
                "carried over is either resolved or pending",
                hint="check the counts: a dossier was counted twice or lost",
                field=self.field,
            )

    @property
    def received_total(self) -> int:
        """Column (3) = (4) + (5) + (6) + (7) + (8)."""
        return (
            self.received_online_full
            + self.received_online_partial
            + self.received_post
            + self.received_counter
            + self.carried_over
        )

    @property
    def resolved_total(self) -> int:
        """Column (9) = (10) + (11) + (12)."""
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def pending_total(self) -> int:
        """Column (13) = (14) + (15)."""
        return self.pending_in_time + self.pending_overdue

    def to_dict(self) -> dict[str, Any]:
        """``{"field": …, "received_total": …, …}`` with the 13 columns in the form's order."""
        return {"field": self.field} | {c.key: getattr(self, c.key) for c in columns()}

    def by_number(self) -> dict[int, int]:
        """The row keyed by the official column numbers ``{3: …, 4: …, …, 15: …}``."""
        return {c.number: getattr(self, c.key) for c in columns()}

    def __add__(self, other: Form07aRow) -> Form07aRow:
        return Form07aRow(
            self.field, *(getattr(self, key) + getattr(other, key) for key in COUNTED)
        )


def columns() -> tuple[Column, ...]:
    """The 13 numbered columns of Biểu 07a, (3) to (15), as the circular prints them."""
    return rules().form_07a_columns


@attrs.frozen(slots=True)
class Form07a:
    """Biểu số 07a/BTP/KSTT for one period: one row per field and the total.

    Attributes:
        period: The reporting period.
        rows: One row per field (lĩnh vực), in Vietnamese alphabetical order.
    """

    period: ReportPeriod
    rows: tuple[Form07aRow, ...]

    @property
    def total(self) -> Form07aRow:
        """The "TỔNG CỘNG" row."""
        total = Form07aRow("TỔNG CỘNG")
        for row in self.rows:
            total = total + row
        return attrs.evolve(total, field="TỔNG CỘNG")

    @property
    def spec(self) -> FormSpec:
        """Number, title and source of the form."""
        return rules().forms["07a"]

    @property
    def legal_basis(self) -> LegalRef:
        """The form's source: Phụ lục, Biểu số 07a/BTP/KSTT of Thông tư 09/2026/TT-BTP."""
        return self.spec.legal_ref

    @property
    def counting_rules(self) -> tuple[CountingRule, ...]:
        """How each count is decided, each with the source relied on."""
        return rules().counting

    def row(self, field: str) -> Form07aRow:
        """The row of ``field`` (accent- and case-insensitive); an all-zero row if absent."""
        key = fold(field)
        for row in self.rows:
            if fold(row.field) == key:
                return row
        return Form07aRow(field)

    def to_csv(self) -> str:
        """The form as CSV: a header of column numbers and names, the rows, the total."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["STT", "Lĩnh vực giải quyết", *(f"({c.number})" for c in columns())])
        writer.writerow(["(1)", "(2)", *(c.name_vi for c in columns())])
        for index, row in enumerate(self.rows, start=1):
            writer.writerow([index, row.field, *row.by_number().values()])
        writer.writerow(["", "TỔNG CỘNG", *self.total.by_number().values()])
        return out.getvalue()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: period, dates, rows, total and the legal reference (``legal_ref``)."""
        return {
            "form": "07a/BTP/KSTT",
            "period": self.period.to_dict(),
            "rows": [row.to_dict() for row in self.rows],
            "total": self.total.to_dict(),
            "legal_ref": self.legal_basis.to_dict(),
        }


def check_in_force(period: ReportPeriod) -> None:
    """Refuse a period that ends before Biểu 07a of Thông tư 09/2026/TT-BTP was in force."""
    valid_from = rules().forms["07a"].valid_from
    if period.end < valid_from:
        raise ReportError(
            f"Biểu 07a (form 07a) of Thông tư 09/2026/TT-BTP applies from "
            f"{valid_from:%d/%m/%Y}; the period {period} ended before it",
            hint="earlier periods were reported on the forms of the circular then in force",
            period=period.label,
        )


def end_instant(period: ReportPeriod) -> _dt.datetime:
    """The last instant of the period in Vietnam time (23:59:59.999999 on its last day)."""
    return _dt.datetime.combine(period.end, _dt.time.max, VN_TZ)


def _vn_date(at: _dt.datetime) -> _dt.date:
    return at.astimezone(VN_TZ).date()


def channel_column(dossier: Dossier, online_full: OnlineFull | None) -> str:
    """The column (4)–(7) a dossier received in the period is counted in, by its channel.

    ``Channel.ONLINE_FULL``, ``ONLINE_PARTIAL``, ``POST`` and ``COUNTER`` have their own column
    (``received_<channel>``); a plain ``Channel.ONLINE`` dossier (kind not recorded) needs
    ``online_full`` to tell which of (4) and (5).
    """
    channel = dossier.channel
    if channel.value != "online":
        column = f"received_{channel.value}"
        if column not in COUNTED:  # a channel added to the vocabulary without a column
            raise ReportError(
                f"Biểu 07a (form 07a): dossier {dossier.code} was filed via {channel.label}, "
                "which has no column of its own in the form",
                hint="map the channel to a column of Biểu 07a in tthc.reports before reporting "
                "such dossiers",
                dossier=dossier.code,
                channel=channel.value,
                reason="no_column",
            )
        return column
    if online_full is None:
        raise ReportError(
            f"Biểu 07a (form 07a): dossier {dossier.code} was filed online (Channel.ONLINE, its "
            "kind not recorded), and the form counts fully online (toàn trình, column 4) and "
            "partly online (một phần, column 5) dossiers apart; tthc will not guess which",
            hint="record the dossier's channel as online_full or online_partial, or pass "
            "online_full=, a function that tells for a dossier whether it was fully online",
            dossier=dossier.code,
            reason="online_kind_unknown",
        )
    return "received_online_full" if online_full(dossier) else "received_online_partial"


def classify_dossier(
    dossier: Dossier, period: ReportPeriod, online_full: OnlineFull | None = None
) -> tuple[str, str] | None:
    """Return the two columns a dossier is counted in for ``period``, or ``None``.

    The first is where it was received ((4)–(7) by channel, or (8) carried over), the second
    where it stands at the end of the period ((10)–(12) resolved, (14)–(15) pending). ``None``:
    never accepted, accepted after the period, or ended before it.
    """
    end = end_instant(period)
    state = dossier.as_of(end)
    accepted = state.accepted_at
    if accepted is None:
        return None
    finished = state.finished_at
    if finished is not None and _vn_date(finished) < period.start:
        return None
    received = (
        "carried_over"
        if _vn_date(accepted) < period.start
        else channel_column(dossier, online_full)
    )
    timeliness = state.timeliness(end)
    if timeliness is None:  # pragma: no cover - an accepted dossier always has a due date
        return None
    return received, _STANDING[timeliness.value]


_STANDING = {
    "early": "resolved_early",
    "on_time": "resolved_on_time",
    "late": "resolved_late",
    "in_time": "pending_in_time",
    "overdue": "pending_overdue",
}


def field_resolver(fields: FieldOf | None) -> Callable[[Dossier], str]:
    if callable(fields):
        return fields
    if fields is not None and not isinstance(fields, Mapping):
        raise InputTypeError(
            "Lĩnh vực (field): fields must map procedure codes to field names, or be a function "
            f"of a dossier, got {type(fields).__name__}",
            argument="fields",
        )
    table = fields
    if table is None:
        from tthc.procedures import load_catalog  # noqa: PLC0415 - the catalogue is heavy

        table = dict(load_catalog().fields_by_code())

    def field_of(dossier: Dossier) -> str:
        try:
            return table[dossier.procedure_code]
        except KeyError:
            raise UnknownProcedure(
                f"Lĩnh vực (field) of procedure {dossier.procedure_code!r} (dossier {dossier.code}) "
                "is not known",
                hint="pass fields={procedure code: field name} for procedures outside the "
                "bundled catalogue",
                procedure=dossier.procedure_code,
            ) from None

    return field_of


def form_07a(
    dossiers: Iterable[Dossier],
    period: ReportPeriod,
    *,
    fields: FieldOf | None = None,
    online_full: OnlineFull | None = None,
) -> Form07a:
    """Fill Biểu 07a/BTP/KSTT for ``period`` from dossiers.

    Each dossier is judged as it stood at the end of the period (events after it ignored):
    received in the period by channel, or carried over when accepted before it and not ended
    before it; resolved when it ended in the period (result, refusal after review, stop,
    closing or withdrawal — the national metrics' end of processing), early / on time / late
    by date against its due date in force; otherwise pending, within the limit or overdue on
    the last day (a dossier waiting for a supplement is judged on the date of the request).

    Args:
        dossiers: The dossiers of the reporting body (any order; each at most once).
        period: The reporting period.
        fields: Procedure code → field (lĩnh vực) name, or a function of a dossier; default:
            the field of the procedure in the bundled catalogue.
        online_full: For dossiers of ``Channel.ONLINE`` (filed online, kind not recorded),
            whether the dossier was fully online (toàn trình); ``Channel.ONLINE_FULL`` and
            ``ONLINE_PARTIAL`` dossiers are counted in columns (4) and (5) without it.

    Raises:
        ReportError: a ``Channel.ONLINE`` dossier and no ``online_full``; a period before the
            form.
        UnknownProcedure: a dossier's procedure has no known field.
        InputTypeError: wrong argument types.
    """
    if not isinstance(period, ReportPeriod):
        raise InputTypeError(
            f"Kỳ báo cáo (reporting period): pass a ReportPeriod, got {type(period).__name__}",
            argument="period",
        )
    check_in_force(period)
    field_of = field_resolver(fields)
    counts: dict[str, dict[str, int]] = {}
    for dossier in dossiers:
        placed = classify_dossier(dossier, period, online_full)
        if placed is None:
            continue
        row = counts.setdefault(field_of(dossier), dict.fromkeys(COUNTED, 0))
        for key in placed:
            row[key] += 1
    return Form07a(period, rows_from_counts(counts))


def rows_from_counts(counts: Mapping[str, Mapping[str, int]]) -> tuple[Form07aRow, ...]:
    """Rows from ``{field: {column key: count}}``, in Vietnamese alphabetical order."""
    ordered = sorted(counts, key=lambda name: (fold(name), name))
    return tuple(Form07aRow(name, **dict(counts[name])) for name in ordered)
