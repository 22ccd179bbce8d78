"""Staffing and reception capacity from dossier volume (khối lượng hồ sơ và nhu cầu nhân lực).

Three pieces of arithmetic that a planner can check by hand:

* **Demand** (nhu cầu): dossier counts per unit, procedure and month (a CSV file or any iterable of
  records) times the staff minutes each procedure needs per role give the staff-hours needed per
  unit, role and month (:func:`compute_demand`).
* **Capacity** (khả năng đáp ứng): the hours one staff member can give in a month, from the
  civil-service calendar (holidays, Tết, swapped days and make-up Saturdays), the office hours,
  annual leave (12 working days a year, Bộ luật Lao động 2019 Điều 113.1.a) and a utilisation
  factor (:func:`staff_capacity`). Full-time equivalents needed = demand / capacity, rounded up per
  role (:func:`fte_needed`).
* **Counters** (số quầy tiếp nhận): an Erlang C (M/M/c) queueing model of the reception desk:
  arrivals per hour by weekday and hour, mean service time, targets for the mean wait and the
  probability of waiting → the number of counters (:func:`counters_needed`,
  :func:`plan_counters`).

:func:`plan_workload` puts the three together per unit and flags the units whose volume changed
most after the 1 July 2025 reorganisation.

Every default with a source (leave days, the reform date, the 40-hour week) and every planning
assumption (utilisation, queue targets, arrival profile, illustrative efforts) lives in the data
file ``tthc/data/workload_assumptions.json``; :func:`load_assumptions` returns them with their
:class:`~tthc.legal.LegalRef`.

**Numbers and rounding.** Staff minutes per dossier are exact decimals; demand and capacity are
computed exactly (rational arithmetic) and reported as :class:`~decimal.Decimal` hours rounded
half-to-even to 0.01 h. FTE is rounded *up* on the exact, unrounded ratio, so a demand of exactly
two staff-months needs 2 staff, not 3. Queueing results are floats (probabilities, minutes).

**Workflows.** Staff effort is given directly (a mapping procedure code → minutes per role, a CSV
or a JSON file). Any object with a ``procedure_code`` attribute and a
``staff_minutes_by_role()`` method (the :class:`EffortSource` protocol) is accepted too: that is
the hook through which a ``tthc.workflows.Workflow`` becomes an effort entry, without this module
importing the workflows. A step's *budget* is a time limit (a deadline), not staff time: the
conversion sums each step's staff (touch) time per role, intake steps as ``reception``, signing
steps as ``approval``, return steps as ``return``, the others as ``processing``.

Example:
    >>> from tthc.workload import Month, staff_capacity
    >>> cap = staff_capacity(Month(2026, 2), annual_leave_days=0, utilisation=1)
    >>> cap.working_days, cap.productive_hours  # Tết 16–20/2/2026 is off
    (15, Decimal('120.00'))
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from fractions import Fraction
from importlib import resources
from types import MappingProxyType
from typing import IO, Any, Protocol, runtime_checkable

import attrs

from tthc._validate import parse_json_data, require_date, require_int
from tthc.calendar import DayInfo, OfficeHours, WorkCalendar, civil_service_calendar
from tthc.errors import DataFileError, InputTypeError, TthcError, UnknownProcedure
from tthc.legal import LegalRef, Validity

__all__ = [
    "MAX_FILE_BYTES",
    "ROLE_NAMES",
    "ArrivalProfile",
    "Assumption",
    "Assumptions",
    "Capacity",
    "CounterPlan",
    "Demand",
    "DemandRow",
    "DossierCount",
    "EffortSource",
    "EffortTable",
    "Month",
    "PlanSettings",
    "ProcedureEffort",
    "QueueResult",
    "QueueTargets",
    "ReformChange",
    "RoleNeed",
    "Slot",
    "UnitPlan",
    "WorkloadPlan",
    "arrival_rates",
    "compute_demand",
    "counters_needed",
    "dossier_counts",
    "effort_table",
    "erlang_b",
    "erlang_c",
    "fte_needed",
    "load_assumptions",
    "mean_wait",
    "plan_counters",
    "plan_workload",
    "read_dossier_counts",
    "read_efforts",
    "reform_changes",
    "staff_capacity",
]

#: Largest input file (bytes) the readers accept unless told otherwise.
MAX_FILE_BYTES = 20_000_000

#: Vietnamese names of the conventional roles. Any other role name is accepted as given.
ROLE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "reception": "tiếp nhận hồ sơ",
        "processing": "thẩm định, xử lý",
        "approval": "phê duyệt, ký",
        "return": "trả kết quả",
    }
)
_ROLE_ORDER = {role: index for index, role in enumerate(ROLE_NAMES)}
_ASSUMPTIONS_FILE = "workload_assumptions.json"
_CENT = Decimal("0.01")
_RECORDS = "<records>"
_Number = int | float | Decimal | Fraction | str


def _role_key(role: str) -> tuple[int, str]:
    return (_ROLE_ORDER.get(role, len(_ROLE_ORDER)), role)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


# --- months --------------------------------------------------------------------------------------


_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_MONTH_VN_RE = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


@attrs.frozen(slots=True, order=True)
class Month:
    """A calendar month (tháng), e.g. ``Month(2026, 1)``, written ``2026-01``.

    Attributes:
        year: Year, 1–9999.
        month: Month, 1–12.
    """

    year: int
    month: int

    def __attrs_post_init__(self) -> None:
        year = require_int(self.year, "year")
        month = require_int(self.month, "month")
        if not 1 <= year <= 9999 or not 1 <= month <= 12:
            raise InputTypeError(
                f"Tháng (month): {year}-{month} is not a month; year must be 1–9999 and month 1–12",
                argument="month",
            )

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``"2026-01"`` (or ``"01/2026"``).

        Raises:
            InputTypeError: ``text`` is not a string or not a month.
        """
        if not isinstance(text, str):
            raise InputTypeError(
                f"Tháng (month): expected text like '2026-01', got {type(text).__name__}",
                argument="month",
            )
        match = _MONTH_RE.match(text)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
        else:
            match = _MONTH_VN_RE.match(text)
            if not match:
                raise InputTypeError(
                    f"Tháng (month): {text!r} is not a month",
                    hint="write YYYY-MM, e.g. 2026-01",
                    argument="month",
                )
            month, year = int(match.group(1)), int(match.group(2))
        return cls(year, month)

    @classmethod
    def of(cls, day: _dt.date) -> Month:
        """Return the month that contains ``day``."""
        day = require_date(day, "day")
        return cls(day.year, day.month)

    @property
    def first_day(self) -> _dt.date:
        """First day of the month."""
        return _dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> _dt.date:
        """Last day of the month."""
        if self.month == 12:
            return _dt.date(self.year, 12, 31)
        return _dt.date(self.year, self.month + 1, 1) - _dt.timedelta(days=1)

    def next(self) -> Month:
        """Return the following month."""
        if self.month == 12:
            return Month(self.year + 1, 1)
        return Month(self.year, self.month + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _month_range(start: Month, end: Month) -> tuple[Month, ...]:
    months: list[Month] = []
    current = start
    while current <= end:
        months.append(current)
        if current.year == 9999 and current.month == 12:
            break
        current = current.next()
    return tuple(months)


# --- assumptions ---------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Assumption:
    """One default of the workload model, with where it comes from.

    Attributes:
        key: Identifier (``"annual_leave_days"``).
        name_vi: Vietnamese name.
        name_en: English name.
        value: The value as stored (a number, text, a tuple or a read-only mapping).
        unit: Unit of the value.
        basis: ``"law"``, ``"literature"`` or ``"planning_assumption"`` (a choice the planner
            should replace with local measurements; no rule fixes it).
        legal_ref: The law or publication, when there is one.
        validity: When a legal value is in force.
        note: What the value means and its caveats.
    """

    key: str
    name_vi: str
    name_en: str
    value: Any
    unit: str
    basis: str
    legal_ref: LegalRef | None
    validity: Validity
    note: str

    def describe(self) -> str:
        """Return one line: name, value, unit and source (or "planning assumption")."""
        source = self.legal_ref.cite() if self.legal_ref else "no legal source"
        label = "giả định lập kế hoạch / planning assumption" if self.is_planning else source
        if self.is_planning and self.legal_ref:
            label += f"; method: {source}"
        return f"{self.name_vi} / {self.name_en}: {_plain_value(self.value)} {self.unit} — {label}"

    @property
    def is_planning(self) -> bool:
        """Whether this is a planning assumption rather than law or a published result."""
        return self.basis == "planning_assumption"


def _plain_value(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{…}"
    return str(value)


def _frozen(value: Any) -> Any:
    """JSON lists become tuples and objects read-only mappings: cached data stays immutable."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    return value


@attrs.frozen(slots=True)
class Assumptions:
    """The contents of ``workload_assumptions.json``.

    Attributes:
        data_version: Version of the data file.
        items: Every assumption, in file order.
    """

    data_version: str
    items: tuple[Assumption, ...]

    def __getitem__(self, key: str) -> Assumption:
        for item in self.items:
            if item.key == key:
                return item
        raise DataFileError(
            f"Giả định (assumption) {key!r} is not in {_ASSUMPTIONS_FILE}",
            file=_ASSUMPTIONS_FILE,
            field=key,
        )

    def decimal(self, key: str) -> Decimal:
        """Return a numeric assumption as a Decimal."""
        return _decimal_from_data(self[key].value, key)

    def date(self, key: str) -> _dt.date:
        """Return a date assumption."""
        value = self[key].value
        try:
            return _dt.date.fromisoformat(str(value))
        except ValueError:
            raise DataFileError(
                f"Giả định (assumption) {key!r}: {value!r} is not an ISO date",
                file=_ASSUMPTIONS_FILE,
                field=key,
            ) from None


def _decimal_from_data(value: Any, key: str) -> Decimal:
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        result = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DataFileError(
            f"Giả định (assumption) {key!r}: {value!r} is not a number",
            file=_ASSUMPTIONS_FILE,
            field=key,
        ) from None
    if not result.is_finite():
        raise DataFileError(
            f"Giả định (assumption) {key!r}: {value!r} is not a finite number",
            file=_ASSUMPTIONS_FILE,
            field=key,
        )
    return result


def _parse_assumptions(text: str, name: str) -> Assumptions:
    data = parse_json_data(text, name)
    if not isinstance(data, dict) or not isinstance(data.get("assumptions"), list):
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: expected an object with an 'assumptions' list",
            file=name,
            path="assumptions",
        )
    version = data.get("data_version")
    if not isinstance(version, str) or not version:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: 'data_version' is missing",
            file=name,
            path="data_version",
        )
    items: list[Assumption] = []
    for index, raw in enumerate(data["assumptions"]):
        path = f"assumptions[{index}]"
        if not isinstance(raw, dict):
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: {path} is not an object", file=name, path=path
            )
        try:
            ref_raw = raw.get("legal_ref")
            ref = (
                LegalRef.from_mapping(ref_raw, where=f"in {name} {path}")
                if isinstance(ref_raw, dict)
                else None
            )
            validity_raw = raw.get("validity") or {}
            validity = Validity(
                start=_optional_date(validity_raw.get("start")),
                end=_optional_date(validity_raw.get("end")),
            )
            basis = str(raw["basis"])
            if basis not in {"law", "literature", "planning_assumption"}:
                raise KeyError("basis")
            if basis != "planning_assumption" and ref is None:
                raise KeyError("legal_ref")
            items.append(
                Assumption(
                    key=str(raw["key"]),
                    name_vi=str(raw["name_vi"]),
                    name_en=str(raw["name_en"]),
                    value=_frozen(raw["value"]),
                    unit=str(raw.get("unit", "")),
                    basis=basis,
                    legal_ref=ref,
                    validity=validity,
                    note=str(raw.get("note", "")),
                )
            )
        except (KeyError, ValueError, AttributeError) as err:
            field = err.args[0] if isinstance(err, KeyError) and err.args else ""
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: {path} is missing or has an invalid "
                f"field {field!r}",
                file=name,
                path=f"{path}.{field}" if field else path,
                field=field,
            ) from None
    return Assumptions(data_version=version, items=tuple(items))


def _optional_date(value: Any) -> _dt.date | None:
    if value in (None, ""):
        return None
    return _dt.date.fromisoformat(str(value))


@functools.cache
def load_assumptions() -> Assumptions:
    """Return the bundled workload assumptions (read once, then cached).

    Example:
        >>> a = load_assumptions()
        >>> a["annual_leave_days"].legal_ref.cite()
        'Điều 113.1.a, Bộ luật Lao động 45/2019/QH14 (Quốc hội, 20/11/2019)'

    Raises:
        DataFileError: the bundled file is malformed.
    """
    text = resources.files("tthc.data").joinpath(_ASSUMPTIONS_FILE).read_text(encoding="utf-8")
    return _parse_assumptions(text, _ASSUMPTIONS_FILE)


# --- numbers -------------------------------------------------------------------------------------


def _exact(value: object, name: str, *, allow_zero: bool = True) -> Fraction:
    """Return a non-negative finite number as an exact Fraction (floats via their repr)."""
    result: Fraction
    if isinstance(value, bool):
        raise InputTypeError(
            f"Số (number): {name} must be a number, got bool", argument=name, got="bool"
        )
    if isinstance(value, int | Fraction):
        result = Fraction(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise InputTypeError(f"Số (number): {name} must be finite", argument=name)
        result = Fraction(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InputTypeError(f"Số (number): {name} must be finite", argument=name)
        result = Fraction(repr(value))
    else:
        raise InputTypeError(
            f"Số (number): {name} must be a number, got {type(value).__name__}",
            argument=name,
            got=type(value).__name__,
        )
    if result < 0 or (result == 0 and not allow_zero):
        bound = "positive" if not allow_zero else "zero or more"
        raise InputTypeError(
            f"Số (number): {name} must be {bound}, got {value}", argument=name, value=str(value)
        )
    return result


def _to_decimal(value: Fraction | Decimal | int, places: Decimal = _CENT) -> Decimal:
    if isinstance(value, Fraction):
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        quotient = Decimal(value)
    return quotient.quantize(places, rounding=ROUND_HALF_EVEN)


def _ceil(value: Fraction) -> int:
    return math.ceil(value)


_DECIMAL_TEXT_RE = re.compile(r"^[+]?(\d+([.,]\d*)?|[.,]\d+)$")


def _parse_amount(text: str) -> Decimal | None:
    """Parse ``"12"``, ``"12.5"`` or ``"12,5"``; return None when it is not such a number."""
    value = text.strip().replace(" ", "")
    if not _DECIMAL_TEXT_RE.match(value):
        return None
    return Decimal(value.replace(",", "."))


def _float(value: object, name: str) -> float:
    return float(_exact(value, name))


# --- effort --------------------------------------------------------------------------------------


@runtime_checkable
class EffortSource(Protocol):
    """Anything that knows the staff time of one procedure, per role.

    This is the conversion hook for ``tthc.workflows``: a ``Workflow`` satisfies it by exposing
    ``procedure_code`` and ``staff_minutes_by_role()`` (its steps' staff time summed per role:
    intake → ``reception``, signing → ``approval``, return → ``return``, others →
    ``processing``). Step budgets are deadlines, not staff time, and must not be used as effort.
    """

    @property
    def procedure_code(self) -> str:
        """National code of the procedure (``"1.001193"``)."""
        ...

    def staff_minutes_by_role(self) -> Mapping[str, Any]:
        """Return staff minutes per dossier for each role (``{"reception": 10, ...}``)."""
        ...


@attrs.frozen(slots=True)
class ProcedureEffort:
    """Staff minutes one dossier of a procedure needs, per role.

    Attributes:
        key: Procedure code, or a field name when the entry is a default for a whole field.
        minutes: ``(role, minutes per dossier)`` pairs, roles in conventional order
            (reception, processing, approval, return, then others alphabetically).
        source: Where the numbers come from (``"given"``, a file name, ``"workflow"``,
            ``"default_effort_by_field"``).
    """

    key: str
    minutes: tuple[tuple[str, Decimal], ...]
    source: str = "given"

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.strip():
            raise InputTypeError(
                "Thủ tục (procedure): the procedure code must be a non-empty string",
                argument="key",
            )
        if not isinstance(self.minutes, tuple):
            raise InputTypeError(
                "Thời gian xử lý (staff effort): minutes must be a tuple of (role, Decimal) pairs",
                argument="minutes",
            )
        seen: set[str] = set()
        for pair in self.minutes:
            if (
                not isinstance(pair, tuple)
                or len(pair) != 2
                or not isinstance(pair[0], str)
                or not pair[0].strip()
                or not isinstance(pair[1], Decimal)
                or not pair[1].is_finite()
                or pair[1] < 0
            ):
                raise InputTypeError(
                    "Thời gian xử lý (staff effort): each entry must be (role, minutes) with a "
                    f"non-empty role and a non-negative Decimal, got {pair!r}",
                    argument="minutes",
                )
            if pair[0] in seen:
                raise InputTypeError(
                    f"Thời gian xử lý (staff effort): role {pair[0]!r} is listed twice for "
                    f"{self.key}",
                    argument="minutes",
                )
            seen.add(pair[0])

    @classmethod
    def from_minutes(
        cls, key: str, minutes: Mapping[str, _Number], *, source: str = "given"
    ) -> ProcedureEffort:
        """Build from ``{role: minutes per dossier}``.

        Raises:
            InputTypeError: a value is not a non-negative number or the mapping is empty.
        """
        return cls._build(key, minutes, Fraction(1), source)

    @classmethod
    def from_hours(
        cls, key: str, hours: Mapping[str, _Number], *, source: str = "given"
    ) -> ProcedureEffort:
        """Build from ``{role: working hours per dossier}``."""
        return cls._build(key, hours, Fraction(60), source)

    @classmethod
    def from_source(cls, source: EffortSource) -> ProcedureEffort:
        """Convert an :class:`EffortSource` (e.g. a future ``tthc.workflows.Workflow``).

        Raises:
            InputTypeError: ``source`` does not implement the protocol.
        """
        if not isinstance(source, EffortSource):
            raise InputTypeError(
                "Quy trình (workflow): expected an object with procedure_code and "
                f"staff_minutes_by_role(), got {type(source).__name__}",
                argument="source",
            )
        return cls.from_minutes(
            source.procedure_code,
            source.staff_minutes_by_role(),
            source=f"{type(source).__name__.lower()}",
        )

    @classmethod
    def _build(
        cls, key: str, amounts: Mapping[str, _Number], factor: Fraction, source: str
    ) -> ProcedureEffort:
        if not isinstance(amounts, Mapping) or not amounts:
            raise InputTypeError(
                f"Thời gian xử lý (staff effort) for {key!r}: give a non-empty mapping "
                "role → amount, e.g. {'reception': 10, 'processing': 30}",
                argument="minutes",
            )
        pairs: list[tuple[str, Decimal]] = []
        for role, amount in amounts.items():
            if not isinstance(role, str):
                raise InputTypeError(
                    f"Vai trò (role): role names must be strings, got {type(role).__name__}",
                    argument="role",
                )
            if isinstance(amount, str):
                parsed = _parse_amount(amount)
                if parsed is None:
                    raise InputTypeError(
                        f"Thời gian xử lý (staff effort) for {key!r}, role {role!r}: "
                        f"{amount!r} is not a number",
                        argument=role,
                    )
                exact = Fraction(parsed)
            else:
                exact = _exact(amount, f"{key}.{role}")
            pairs.append((_nfc(role), _to_decimal(exact * factor, Decimal("0.0001")).normalize()))
        pairs.sort(key=lambda pair: _role_key(pair[0]))
        return cls(key=_nfc(key), minutes=tuple(pairs), source=source)

    def minutes_for(self, role: str) -> Decimal:
        """Minutes per dossier for ``role`` (0 if the role has no step in this procedure)."""
        for name, minutes in self.minutes:
            if name == role:
                return minutes
        return Decimal(0)

    @property
    def total_minutes(self) -> Decimal:
        """Minutes per dossier over all roles."""
        return sum((minutes for _, minutes in self.minutes), Decimal(0))

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles involved."""
        return tuple(role for role, _ in self.minutes)


@attrs.frozen(slots=True)
class EffortTable:
    """Staff effort per procedure, with optional defaults per field (lĩnh vực).

    Lookup order for a dossier: its procedure code, then its field in ``fields``.

    Attributes:
        procedures: One entry per procedure code.
        fields: One entry per field name (``"hộ tịch"``), used for procedures not listed.
    """

    procedures: tuple[ProcedureEffort, ...] = ()
    fields: tuple[ProcedureEffort, ...] = ()
    _by_code: dict[str, ProcedureEffort] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )
    _by_field: dict[str, ProcedureEffort] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        for name, entries, index in (
            ("procedures", self.procedures, self._by_code),
            ("fields", self.fields, self._by_field),
        ):
            if not isinstance(entries, tuple) or not all(
                isinstance(entry, ProcedureEffort) for entry in entries
            ):
                raise InputTypeError(
                    f"Bảng thời gian xử lý (effort table): {name} must be a tuple of "
                    "ProcedureEffort",
                    argument=name,
                )
            for entry in entries:
                key = entry.key if name == "procedures" else _fold(entry.key)
                if key in index:
                    raise InputTypeError(
                        f"Bảng thời gian xử lý (effort table): {entry.key!r} is listed twice "
                        f"in {name}",
                        argument=name,
                    )
                index[key] = entry

    def get(self, procedure_code: str, field: str = "") -> ProcedureEffort | None:
        """Return the effort for a procedure (or its field's default), or ``None``."""
        entry = self._by_code.get(procedure_code)
        if entry is None and field:
            entry = self._by_field.get(_fold(field))
        return entry

    def lookup(self, procedure_code: str, field: str = "") -> ProcedureEffort:
        """Return the effort for a procedure (or its field's default).

        Raises:
            UnknownProcedure: neither the procedure nor its field has an effort entry.
        """
        entry = self.get(procedure_code, field)
        if entry is None:
            raise UnknownProcedure(
                f"Thời gian xử lý (staff effort) is not known for procedure {procedure_code!r}"
                + (f" (field {field!r})" if field else ""),
                hint="add the procedure (or its field) to the effort table: "
                "procedure_code,role,minutes",
                procedure_code=procedure_code,
                field=field,
            )
        return entry

    def merged_with(self, other: EffortTable) -> EffortTable:
        """Return a table with ``self``'s entries first and ``other``'s for the rest."""
        procedures = self.procedures + tuple(
            entry for entry in other.procedures if entry.key not in self._by_code
        )
        fields = self.fields + tuple(
            entry for entry in other.fields if _fold(entry.key) not in self._by_field
        )
        return EffortTable(procedures=procedures, fields=fields)

    def __len__(self) -> int:
        return len(self.procedures) + len(self.fields)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def effort_table(
    procedures: Mapping[str, Mapping[str, _Number]] | Iterable[ProcedureEffort | EffortSource] = (),
    *,
    fields: Mapping[str, Mapping[str, _Number]] | None = None,
    unit: str = "minutes",
) -> EffortTable:
    """Build an :class:`EffortTable` from effort given directly.

    Args:
        procedures: ``{procedure code: {role: amount}}``, or an iterable of
            :class:`ProcedureEffort` and :class:`EffortSource` objects (e.g. workflows).
        fields: ``{field name: {role: amount}}`` defaults for procedures not listed.
        unit: ``"minutes"`` or ``"hours"``: the unit of the amounts in the mappings.

    Example:
        >>> table = effort_table({"1.001193": {"reception": 10, "processing": 20}})
        >>> table.lookup("1.001193").total_minutes
        Decimal('30')

    Raises:
        InputTypeError: bad unit, amounts or entries.
    """
    if unit not in ("minutes", "hours"):
        raise InputTypeError(
            f"Đơn vị (unit): {unit!r} must be 'minutes' or 'hours'", argument="unit"
        )
    build = ProcedureEffort.from_minutes if unit == "minutes" else ProcedureEffort.from_hours
    entries: list[ProcedureEffort] = []
    given: object = procedures
    if isinstance(procedures, Mapping):
        entries = [build(str(code), amounts) for code, amounts in procedures.items()]
    elif isinstance(given, str | bytes) or not isinstance(procedures, Iterable):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): procedures must be a mapping or an iterable of "
            f"ProcedureEffort, got {type(procedures).__name__}",
            argument="procedures",
        )
    else:
        for item in procedures:
            entries.append(
                item if isinstance(item, ProcedureEffort) else ProcedureEffort.from_source(item)
            )
    field_entries: list[ProcedureEffort] = []
    if fields is not None:
        if not isinstance(fields, Mapping):
            raise InputTypeError(
                "Thời gian xử lý (staff effort): fields must be a mapping field → {role: amount}",
                argument="fields",
            )
        field_entries = [build(str(name), amounts) for name, amounts in fields.items()]
    return EffortTable(procedures=tuple(entries), fields=tuple(field_entries))


def _default_field_effort(assumptions: Assumptions) -> EffortTable:
    raw = assumptions["default_effort_by_field"].value
    if not isinstance(raw, Mapping):
        raise DataFileError(
            f"Giả định (assumption) default_effort_by_field in {_ASSUMPTIONS_FILE} must be an "
            "object field → {role: minutes}",
            file=_ASSUMPTIONS_FILE,
            field="default_effort_by_field",
        )
    fields = tuple(
        ProcedureEffort.from_minutes(name, amounts, source="default_effort_by_field")
        for name, amounts in raw.items()
    )
    return EffortTable(fields=fields)


# --- reading files -------------------------------------------------------------------------------


_PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]


def _read_text(source: _PathOrFile, max_bytes: int) -> tuple[str, str]:
    """Return (text, name) of a file or stream, refusing more than ``max_bytes``."""
    max_bytes = require_int(max_bytes, "max_bytes")
    if max_bytes <= 0:
        raise InputTypeError("Kích thước (size): max_bytes must be positive", argument="max_bytes")
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        try:
            size = os.stat(name).st_size
            if size > max_bytes:
                raise _too_big(name, max_bytes)
            with open(name, "rb") as handle:
                raw: bytes | str = handle.read(max_bytes + 1)
        except OSError as err:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name} cannot be read: {err.strerror or err}",
                file=name,
            ) from None
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        raw = source.read(max_bytes + 1)
    else:
        raise InputTypeError(
            f"Tệp dữ liệu (data file): pass a path or an open file, got {type(source).__name__}",
            argument="source",
        )
    if len(raw) > max_bytes:
        raise _too_big(name, max_bytes)
    if isinstance(raw, bytes):
        try:
            return raw.decode("utf-8-sig"), name
        except UnicodeDecodeError as err:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name} is not UTF-8 text (byte {err.start})",
                hint="save the file as UTF-8",
                file=name,
            ) from None
    return raw.removeprefix("\ufeff"), name


def _too_big(name: str, max_bytes: int) -> DataFileError:
    return DataFileError(
        f"Tệp dữ liệu (data file) {name} is larger than {max_bytes:,} bytes",
        hint="split the file or pass a larger max_bytes",
        file=name,
        max_bytes=max_bytes,
    )


def _csv_rows(
    text: str, name: str, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, {column: value}) with the header as row 1; blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header_row = next(reader, None)
        if header_row is None:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name} is empty; expected a header row",
                file=name,
                row=1,
            )
        header = [_nfc(column).casefold() for column in header_row]
        duplicates = sorted({column for column in header if header.count(column) > 1 and column})
        if duplicates:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: column {duplicates[0]!r} appears twice in the "
                "header",
                file=name,
                row=1,
                field=duplicates[0],
            )
        for column in required:
            if column not in header:
                raise DataFileError(
                    f"Tệp dữ liệu (data file) {name}: the header has no column {column!r}",
                    hint="required columns: " + ", ".join(required),
                    file=name,
                    row=1,
                    field=column,
                )
        for values in reader:
            row = reader.line_num
            if not values or all(not value.strip() for value in values):
                continue
            if len(values) != len(header):
                raise DataFileError(
                    f"Tệp dữ liệu (data file) {name}, row {row}: {len(values)} fields, the "
                    f"header has {len(header)}",
                    file=name,
                    row=row,
                )
            yield row, {column: _nfc(value) for column, value in zip(header, values, strict=True)}
    except csv.Error as err:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}, row {reader.line_num}: not valid CSV ({err})",
            file=name,
            row=reader.line_num,
        ) from None


def _row_error(name: str, row: int, field: str, message: str) -> DataFileError:
    return DataFileError(
        f"Tệp dữ liệu (data file) {name}, row {row}, field {field!r}: {message}",
        file=name,
        row=row,
        field=field,
    )


def read_efforts(source: _PathOrFile, *, max_bytes: int = MAX_FILE_BYTES) -> EffortTable:
    """Read staff effort from a CSV or JSON file.

    CSV columns: ``procedure_code`` (or ``field`` for a whole-field default), ``role`` and either
    ``minutes`` or ``hours`` per dossier; one row per procedure and role. JSON:
    ``{"unit": "minutes", "procedures": {"1.001193": {"reception": 10}}, "fields": {...}}``.
    A file whose name ends in ``.json`` or whose text starts with ``{`` or ``[`` is read as JSON.

    Raises:
        DataFileError: the file is unreadable, too large or malformed (naming file, row/path and
            field).
    """
    text, name = _read_text(source, max_bytes)
    if name.lower().endswith(".json") or text.lstrip()[:1] in ("{", "["):
        return _efforts_from_json(text, name)
    return _efforts_from_csv(text, name)


def _efforts_from_csv(text: str, name: str) -> EffortTable:
    procedures: dict[str, dict[str, Fraction]] = {}
    fields: dict[str, dict[str, Fraction]] = {}
    first_row: dict[tuple[str, str, str], int] = {}
    header_checked = False
    for row, values in _csv_rows(text, name, ("role",)):
        if not header_checked:
            header_checked = True
            if "procedure_code" not in values and "field" not in values:
                raise _row_error(name, 1, "procedure_code", "the header needs procedure_code")
            if ("minutes" in values) == ("hours" in values):
                raise _row_error(
                    name, 1, "minutes", "the header needs exactly one of minutes or hours"
                )
        code = values.get("procedure_code", "")
        field = values.get("field", "")
        if bool(code) == bool(field):
            raise _row_error(
                name,
                row,
                "procedure_code",
                "give either a procedure_code or a field (a whole-field default), not both",
            )
        role = values["role"]
        if not role:
            raise _row_error(name, row, "role", "the role is empty")
        unit = "minutes" if "minutes" in values else "hours"
        amount = _parse_amount(values[unit])
        if amount is None:
            raise _row_error(name, row, unit, f"{values[unit]!r} is not a non-negative number")
        factor = 1 if unit == "minutes" else 60
        target = procedures if code else fields
        key = code or field
        slot = ("p" if code else "f", _fold(key) if field else key, role)
        if slot in first_row:
            raise _row_error(
                name, row, "role", f"{key} / {role} is already given at row {first_row[slot]}"
            )
        first_row[slot] = row
        target.setdefault(key, {})[role] = Fraction(amount) * factor
    if not header_checked:
        raise DataFileError(f"Tệp dữ liệu (data file) {name} has no data rows", file=name, row=2)
    return EffortTable(
        procedures=tuple(
            ProcedureEffort.from_minutes(code, amounts, source=name)
            for code, amounts in procedures.items()
        ),
        fields=tuple(
            ProcedureEffort.from_minutes(field, amounts, source=name)
            for field, amounts in fields.items()
        ),
    )


def _efforts_from_json(text: str, name: str) -> EffortTable:
    data = parse_json_data(text, name)
    if not isinstance(data, dict):
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: expected a JSON object", file=name, path="$"
        )
    unit = data.get("unit", "minutes")
    if unit not in ("minutes", "hours"):
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: unit {unit!r} must be 'minutes' or 'hours'",
            file=name,
            path="unit",
            field="unit",
        )
    factor = 1 if unit == "minutes" else 60
    known = {"unit", "procedures", "fields", "data_version", "description", "source"}
    for key in data:
        if key not in known:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: unknown key {key!r}",
                hint="expected: " + ", ".join(sorted(known)),
                file=name,
                path=str(key),
                field=str(key),
            )
    tables: dict[str, list[ProcedureEffort]] = {"procedures": [], "fields": []}
    for section in ("procedures", "fields"):
        block = data.get(section, {})
        if not isinstance(block, dict):
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: {section} must be an object",
                file=name,
                path=section,
                field=section,
            )
        for key, roles in block.items():
            path = f"{section}.{key}"
            if not isinstance(roles, dict) or not roles:
                raise DataFileError(
                    f"Tệp dữ liệu (data file) {name}: {path} must be a non-empty object "
                    "role → amount",
                    file=name,
                    path=path,
                    field=key,
                )
            amounts: dict[str, Fraction] = {}
            for role, amount in roles.items():
                if isinstance(amount, bool) or not isinstance(amount, int | float | str):
                    parsed = None
                elif isinstance(amount, str):
                    parsed = _parse_amount(amount)
                elif isinstance(amount, float) and not math.isfinite(amount):
                    parsed = None
                else:
                    parsed = Decimal(repr(amount)) if amount >= 0 else None
                if parsed is None:
                    raise DataFileError(
                        f"Tệp dữ liệu (data file) {name}: {path}.{role} = {amount!r} is not a "
                        "non-negative number",
                        file=name,
                        path=f"{path}.{role}",
                        field=role,
                    )
                amounts[role] = Fraction(parsed) * factor
            tables[section].append(ProcedureEffort.from_minutes(key, amounts, source=name))
    try:
        return EffortTable(procedures=tuple(tables["procedures"]), fields=tuple(tables["fields"]))
    except InputTypeError as err:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: {err.message}", file=name, path="procedures"
        ) from None


# --- dossier counts ------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class DossierCount:
    """Dossiers of one procedure received by one unit in one month.

    Attributes:
        unit_code: Code of the receiving or competent unit (``"31120"``).
        procedure_code: National procedure code (``"1.001193"``).
        month: The month.
        count: Number of dossiers (hồ sơ).
        unit_name: Name of the unit, optional.
        unit_kind: Kind of the unit (``"xã"``, ``"phường"``, ``"đặc khu"``, ``"tỉnh"``, or
            ``"commune"``/``"province"``), optional.
        field: Field of the procedure (lĩnh vực, ``"hộ tịch"``), optional; used to find a
            default effort.
        in_person: Of ``count``, the dossiers filed in person at a counter; ``None`` when
            unknown (the plan then applies ``in_person_share``).
    """

    unit_code: str
    procedure_code: str
    month: Month
    count: int
    unit_name: str = ""
    unit_kind: str = ""
    field: str = ""
    in_person: int | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("unit_code", "procedure_code"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InputTypeError(
                    f"Số liệu hồ sơ (dossier count): {name} must be a non-empty string",
                    argument=name,
                )
        for name in ("unit_name", "unit_kind", "field"):
            if not isinstance(getattr(self, name), str):
                raise InputTypeError(
                    f"Số liệu hồ sơ (dossier count): {name} must be a string", argument=name
                )
        if not isinstance(self.month, Month):
            raise InputTypeError(
                "Số liệu hồ sơ (dossier count): month must be a tthc.workload.Month",
                argument="month",
            )
        count = require_int(self.count, "count")
        if count < 0:
            raise InputTypeError(
                f"Số liệu hồ sơ (dossier count): count must be zero or more, got {count}",
                argument="count",
            )
        if self.in_person is not None:
            in_person = require_int(self.in_person, "in_person")
            if not 0 <= in_person <= count:
                raise InputTypeError(
                    f"Số liệu hồ sơ (dossier count): in_person {in_person} must be between 0 "
                    f"and count {count}",
                    argument="in_person",
                )


_COUNT_COLUMNS = ("unit_code", "procedure_code", "month", "count")
_OPTIONAL_COUNT_COLUMNS = ("unit_name", "unit_kind", "field", "in_person")


def _count_from_values(values: Mapping[str, Any], name: str, row: int) -> DossierCount:
    """Validate one record (CSV text values or Python values)."""
    text: dict[str, str] = {}
    for column in _COUNT_COLUMNS:
        value = values.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _row_error(name, row, column, "the value is missing")
    for column in (*_COUNT_COLUMNS, *_OPTIONAL_COUNT_COLUMNS):
        value = values.get(column)
        if value is None:
            continue
        if isinstance(value, str):
            text[column] = _nfc(value)
        elif column in ("count", "in_person") or (
            column == "month" and isinstance(value, Month | _dt.date)
        ):
            continue
        else:
            raise _row_error(name, row, column, f"expected text, got {type(value).__name__}")
    raw_month = values["month"]
    if isinstance(raw_month, Month):
        month = raw_month
    elif isinstance(raw_month, _dt.datetime):
        raise _row_error(name, row, "month", "expected a month, got a datetime")
    elif isinstance(raw_month, _dt.date):
        month = Month.of(raw_month)
    else:
        try:
            month = Month.parse(text["month"])
        except InputTypeError:
            raise _row_error(
                name, row, "month", f"{text['month']!r} is not a month (write YYYY-MM)"
            ) from None
    numbers: dict[str, int | None] = {}
    for column in ("count", "in_person"):
        value = values.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            numbers[column] = None
            continue
        if isinstance(value, str):
            cleaned = value.strip()
            if not cleaned.isdigit():
                raise _row_error(
                    name, row, column, f"{value!r} is not a whole number of dossiers (0 or more)"
                )
            numbers[column] = int(cleaned)
        elif type(value) is int and value >= 0:
            numbers[column] = value
        else:
            raise _row_error(
                name, row, column, f"{value!r} is not a whole number of dossiers (0 or more)"
            )
    count = numbers["count"]
    assert count is not None  # required above
    in_person = numbers["in_person"]
    if in_person is not None and in_person > count:
        raise _row_error(
            name, row, "in_person", f"{in_person} in person is more than the count {count}"
        )
    return DossierCount(
        unit_code=text["unit_code"],
        procedure_code=text["procedure_code"],
        month=month,
        count=count,
        unit_name=text.get("unit_name", ""),
        unit_kind=text.get("unit_kind", ""),
        field=text.get("field", ""),
        in_person=in_person,
    )


def read_dossier_counts(
    source: _PathOrFile, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[DossierCount, ...]:
    """Read dossier counts from a CSV file (UTF-8, comma-separated, one header row).

    Required columns: ``unit_code``, ``procedure_code``, ``month`` (``YYYY-MM``), ``count``.
    Optional: ``unit_name``, ``unit_kind``, ``field``, ``in_person``. Other columns are ignored.
    Rows with the same unit, procedure and month add up (e.g. one row per channel). Nothing in
    the file is evaluated; the file is refused above ``max_bytes``.

    Raises:
        DataFileError: unreadable, too large, no data, or a bad value; the error names the file,
            the row (header = row 1) and the field.
    """
    text, name = _read_text(source, max_bytes)
    rows = tuple(
        _count_from_values(values, name, row)
        for row, values in _csv_rows(text, name, _COUNT_COLUMNS)
    )
    if not rows:
        raise DataFileError(f"Tệp dữ liệu (data file) {name} has no data rows", file=name, row=2)
    return rows


def dossier_counts(
    records: Iterable[DossierCount | Mapping[str, Any]],
) -> tuple[DossierCount, ...]:
    """Validate an iterable of records (mappings with the CSV's columns, or DossierCount).

    Values may be text (as in the CSV) or Python values (``int`` counts, :class:`Month` or
    ``date`` months). Record ``n`` (1-based) is reported as row ``n`` of file ``<records>``.

    Raises:
        InputTypeError: ``records`` is not an iterable.
        DataFileError: a record is invalid (naming its position and field).
    """
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise InputTypeError(
            "Số liệu hồ sơ (dossier counts): pass an iterable of records, got "
            f"{type(records).__name__}",
            argument="records",
        )
    result: list[DossierCount] = []
    for index, record in enumerate(records, start=1):
        if isinstance(record, DossierCount):
            result.append(record)
        elif isinstance(record, Mapping):
            result.append(_count_from_values(record, _RECORDS, index))
        else:
            raise DataFileError(
                f"Số liệu hồ sơ (dossier counts): record {index} is a "
                f"{type(record).__name__}, expected a mapping or DossierCount",
                file=_RECORDS,
                row=index,
            )
    return tuple(result)


# --- demand --------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class DemandRow:
    """Staff time one unit needs for one role in one month.

    Attributes:
        unit_code: The unit.
        month: The month.
        role: The role (``"reception"``, ``"processing"``, ...).
        dossiers: Dossiers that need this role.
        minutes: Exact staff minutes.
    """

    unit_code: str
    month: Month
    role: str
    dossiers: int
    minutes: Decimal

    @property
    def hours(self) -> Decimal:
        """Staff-hours, rounded half-to-even to 0.01 h."""
        return _to_decimal(Fraction(self.minutes) / 60)


@attrs.frozen(slots=True)
class Demand:
    """Staff time needed, per unit, month and role (sorted in that order).

    Attributes:
        rows: One row per (unit, month, role) with dossiers.
    """

    rows: tuple[DemandRow, ...]

    def minutes(
        self, *, unit_code: str | None = None, role: str | None = None, month: Month | None = None
    ) -> Decimal:
        """Return the exact staff minutes, optionally for one unit, role and/or month."""
        return sum(
            (
                row.minutes
                for row in self.rows
                if (unit_code is None or row.unit_code == unit_code)
                and (role is None or row.role == role)
                and (month is None or row.month == month)
            ),
            Decimal(0),
        )

    def hours(
        self, *, unit_code: str | None = None, role: str | None = None, month: Month | None = None
    ) -> Decimal:
        """Return staff-hours (rounded to 0.01 h), optionally filtered like :meth:`minutes`."""
        return _to_decimal(Fraction(self.minutes(unit_code=unit_code, role=role, month=month)) / 60)

    @property
    def units(self) -> tuple[str, ...]:
        """Unit codes, sorted."""
        return tuple(sorted({row.unit_code for row in self.rows}))

    @property
    def roles(self) -> tuple[str, ...]:
        """Roles, in conventional order."""
        return tuple(sorted({row.role for row in self.rows}, key=_role_key))

    @property
    def months(self) -> tuple[Month, ...]:
        """Months, sorted."""
        return tuple(sorted({row.month for row in self.rows}))


def compute_demand(
    counts: Iterable[DossierCount | Mapping[str, Any]],
    efforts: EffortTable,
) -> Demand:
    """Return staff-time demand per unit, month and role: Σ dossiers × minutes per dossier.

    Args:
        counts: Dossier counts (see :func:`dossier_counts`).
        efforts: Staff minutes per procedure and role (see :func:`effort_table`).

    Example:
        >>> counts = [{"unit_code": "31120", "procedure_code": "1.001193",
        ...            "month": "2026-01", "count": 120}]
        >>> efforts = effort_table({"1.001193": {"reception": 10, "processing": 20}})
        >>> compute_demand(counts, efforts).hours(role="processing")
        Decimal('40.00')

    Raises:
        InputTypeError: ``efforts`` is not an :class:`EffortTable`.
        DataFileError: an invalid record.
        UnknownProcedure: a procedure has no effort entry (and no field default).
    """
    if not isinstance(efforts, EffortTable):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): efforts must be an EffortTable (see effort_table())",
            argument="efforts",
        )
    minutes: dict[tuple[str, Month, str], Decimal] = defaultdict(Decimal)
    dossiers: dict[tuple[str, Month, str], int] = defaultdict(int)
    for record in dossier_counts(counts):
        effort = efforts.lookup(record.procedure_code, record.field)
        for role, per_dossier in effort.minutes:
            key = (record.unit_code, record.month, role)
            minutes[key] += per_dossier * record.count
            dossiers[key] += record.count
    rows = tuple(
        DemandRow(unit_code=key[0], month=key[1], role=key[2], dossiers=dossiers[key], minutes=m)
        for key, m in sorted(
            minutes.items(), key=lambda kv: (kv[0][0], kv[0][1], _role_key(kv[0][2]))
        )
    )
    return Demand(rows=rows)


# --- capacity ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Capacity:
    """Hours one full-time staff member can give in one month.

    ``available = working_days × hours_per_day − leave``; ``productive = available ×
    utilisation``. Annual leave is spread over the year in proportion to each month's working
    days: ``leave = annual_leave_days × working_days / working_days_in_year × hours_per_day``.

    Attributes:
        month: The month.
        working_days: Working days in the month (make-up Saturdays included, holidays excluded).
        working_days_in_year: Working days in the month's year.
        hours_per_day: Length of the office windows.
        gross_hours: ``working_days × hours_per_day``.
        leave_hours: Annual leave charged to this month.
        available_hours: ``gross_hours − leave_hours``.
        productive_hours: ``available_hours × utilisation``: the capacity used for FTE.
        annual_leave_days: The leave assumption used.
        utilisation: The utilisation used.
        days_off: Weekdays that are not working days (holidays, Tết, swapped days off).
        extra_working_days: Weekend days that are working days (make-up Saturdays).
        provisional: The month lies in a year whose days off are not yet officially announced.
    """

    month: Month
    working_days: int
    working_days_in_year: int
    hours_per_day: Decimal
    gross_hours: Decimal
    leave_hours: Decimal
    available_hours: Decimal
    productive_hours: Decimal
    annual_leave_days: Decimal
    utilisation: Decimal
    days_off: tuple[DayInfo, ...]
    extra_working_days: tuple[DayInfo, ...]
    provisional: bool


@attrs.frozen(slots=True)
class _ExactCapacity:
    capacity: Capacity
    productive: Fraction


def _working_days(calendar: WorkCalendar, first: _dt.date, last: _dt.date) -> int:
    return calendar.working_days_between(first, last) + int(calendar.is_working_day(first))


def _office_hours(office_hours: OfficeHours | None) -> OfficeHours:
    if office_hours is None:
        return OfficeHours()
    if not isinstance(office_hours, OfficeHours):
        raise InputTypeError(
            "Giờ làm việc (office hours): office_hours must be a tthc.calendar.OfficeHours",
            argument="office_hours",
        )
    return office_hours


def _calendar(calendar: WorkCalendar | None) -> WorkCalendar:
    if calendar is None:
        return civil_service_calendar()
    if not isinstance(calendar, WorkCalendar):
        raise InputTypeError(
            "Lịch làm việc (calendar): calendar must be a tthc.calendar.WorkCalendar",
            argument="calendar",
        )
    return calendar


def _leave(value: object | None, assumptions: Assumptions) -> Fraction:
    if value is None:
        return Fraction(assumptions.decimal("annual_leave_days"))
    return _exact(value, "annual_leave_days")


def _utilisation(value: object | None, assumptions: Assumptions) -> Fraction:
    result = (
        Fraction(assumptions.decimal("utilisation"))
        if value is None
        else _exact(value, "utilisation", allow_zero=False)
    )
    if not 0 < result <= 1:
        raise InputTypeError(
            f"Tỷ lệ sử dụng (utilisation) must be in (0, 1], got {float(result)}",
            argument="utilisation",
        )
    return result


def _exact_capacity(
    month: Month,
    calendar: WorkCalendar,
    office_hours: OfficeHours,
    leave_days: Fraction,
    utilisation: Fraction,
) -> _ExactCapacity:
    first, last = month.first_day, month.last_day
    days = _working_days(calendar, first, last)
    year_days = _working_days(calendar, _dt.date(month.year, 1, 1), _dt.date(month.year, 12, 31))
    length = office_hours.day_length
    per_day = Fraction(length.days * 86400 + length.seconds, 3600)
    gross = per_day * days
    leave = leave_days * Fraction(days, year_days) * per_day if year_days else Fraction(0)
    if leave > gross:
        raise InputTypeError(
            f"Nghỉ hằng năm (annual leave) of {float(leave_days)} days is more than the "
            f"{year_days} working days of {month.year}",
            argument="annual_leave_days",
        )
    available = gross - leave
    productive = available * utilisation
    days_off: list[DayInfo] = []
    extra: list[DayInfo] = []
    for info in calendar.iter_days(first, last):
        weekend = info.date.weekday() in calendar.weekly_rest
        if info.is_working_day and weekend:
            extra.append(info)
        elif not info.is_working_day and not weekend:
            days_off.append(info)
    capacity = Capacity(
        month=month,
        working_days=days,
        working_days_in_year=year_days,
        hours_per_day=_to_decimal(per_day),
        gross_hours=_to_decimal(gross),
        leave_hours=_to_decimal(leave),
        available_hours=_to_decimal(available),
        productive_hours=_to_decimal(productive),
        annual_leave_days=_to_decimal(leave_days),
        utilisation=_to_decimal(utilisation, Decimal("0.0001")).normalize(),
        days_off=tuple(days_off),
        extra_working_days=tuple(extra),
        provisional=calendar.is_provisional(last) or calendar.is_provisional(first),
    )
    return _ExactCapacity(capacity=capacity, productive=productive)


def staff_capacity(
    month: Month,
    *,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    annual_leave_days: int | float | Decimal | Fraction | None = None,
    utilisation: int | float | Decimal | Fraction | None = None,
) -> Capacity:
    """Return the hours one full-time staff member can give in ``month``.

    Args:
        month: The month.
        calendar: Working calendar (default: :func:`~tthc.calendar.civil_service_calendar`).
            Pass ``calendar.with_days_off(...)`` for a province's own closures.
        office_hours: Daily windows (default 07:30–11:30, 13:00–17:00: 8 hours).
        annual_leave_days: Leave per year in working days (default 12: Bộ luật Lao động 2019
            Điều 113.1.a).
        utilisation: Share of available hours spent on dossiers, in (0, 1] (default 0.85: a
            planning assumption, see :func:`load_assumptions`).

    Example:
        >>> cap = staff_capacity(Month(2026, 1), annual_leave_days=0, utilisation=1)
        >>> cap.working_days, cap.gross_hours  # 1/1 and 2/1 off, Saturday 10/1 worked
        (21, Decimal('168.00'))

    Raises:
        InputTypeError: a wrong argument (type, or leave/utilisation out of range).
        CalendarRangeError: the month's year is outside the calendar.
        ProvisionalCalendarError: a strict calendar and a projected year.
    """
    if not isinstance(month, Month):
        raise InputTypeError(
            f"Tháng (month): month must be a tthc.workload.Month, got {type(month).__name__}",
            hint="Month(2026, 1) or Month.parse('2026-01')",
            argument="month",
        )
    assumptions = load_assumptions()
    return _exact_capacity(
        month,
        _calendar(calendar),
        _office_hours(office_hours),
        _leave(annual_leave_days, assumptions),
        _utilisation(utilisation, assumptions),
    ).capacity


def fte_needed(demand_hours: _Number, capacity_hours: _Number) -> int:
    """Return the full-time equivalents needed: ``ceil(demand / capacity)``, computed exactly.

    Example:
        >>> fte_needed(Decimal("320"), Decimal("160"))  # exactly two: not rounded up to three
        2
        >>> fte_needed(Decimal("320.01"), Decimal("160"))
        3

    Raises:
        InputTypeError: a value is not a number, demand is negative or capacity is not positive.
    """
    demand = _exact(demand_hours, "demand_hours")
    capacity = _exact(capacity_hours, "capacity_hours", allow_zero=False)
    return _ceil(demand / capacity)


# --- queueing ------------------------------------------------------------------------------------


def _servers(value: object, name: str = "servers") -> int:
    servers = require_int(value, name)
    if servers < 0:
        raise InputTypeError(
            f"Số quầy (counters): {name} must be zero or more, got {servers}", argument=name
        )
    return servers


def erlang_b(servers: int, traffic: float) -> float:
    """Return the Erlang B blocking probability B(c, A), by the stable recursion.

    ``B(0) = 1``; ``B(k) = A·B(k−1) / (k + A·B(k−1))``. Every intermediate lies in [0, 1], so no
    factorial or power overflows, whatever ``c``.

    Args:
        servers: Number of servers ``c`` (0 or more).
        traffic: Offered traffic ``A = λ/μ`` in erlangs (0 or more).

    Raises:
        InputTypeError: wrong type or a negative value.
    """
    servers = _servers(servers)
    load = _float(traffic, "traffic")
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = load * blocking / (k + load * blocking)
    return blocking


def erlang_c(servers: int, traffic: float) -> float:
    """Return the Erlang C probability that an arrival waits, C(c, A), for an M/M/c queue.

    ``C = c·B / (c − A·(1 − B))`` with ``B = erlang_b(c, A)``. When ``A >= c`` the queue grows
    without bound and every arrival eventually waits: the result is 1.0.

    Example:
        >>> round(erlang_c(3, 2.0), 6)  # 4/9
        0.444444

    Raises:
        InputTypeError: wrong type or a negative value.
    """
    servers = _servers(servers)
    load = _float(traffic, "traffic")
    if load == 0:
        return 0.0
    if servers <= load:
        return 1.0
    blocking = erlang_b(servers, load)
    return servers * blocking / (servers - load * (1.0 - blocking))


def mean_wait(servers: int, traffic: float, service_time: float) -> float:
    """Return the mean wait in the queue, ``W_q = C(c, A) · s / (c − A)``, in ``service_time`` units.

    Infinite (``math.inf``) when ``A >= c``.

    Raises:
        InputTypeError: wrong type or a negative value.
    """
    servers = _servers(servers)
    load = _float(traffic, "traffic")
    service = _float(service_time, "service_time")
    if load == 0 or service == 0:
        return 0.0
    if servers <= load:
        return math.inf
    return erlang_c(servers, load) * service / (servers - load)


def _default_assumption_float(key: str) -> float:
    return float(load_assumptions().decimal(key))


@attrs.frozen(slots=True)
class QueueTargets:
    """Service targets for the reception desk.

    Attributes:
        max_mean_wait_minutes: Upper bound on the mean wait in the queue (default from the
            assumptions file: 15 minutes, a planning assumption).
        max_wait_probability: Upper bound on the probability that a visitor waits at all, in
            (0, 1] (default 0.5, a planning assumption).
    """

    max_mean_wait_minutes: float = attrs.field(
        factory=lambda: _default_assumption_float("max_mean_wait_minutes")
    )
    max_wait_probability: float = attrs.field(
        factory=lambda: _default_assumption_float("max_wait_probability")
    )

    def __attrs_post_init__(self) -> None:
        wait = _float(self.max_mean_wait_minutes, "max_mean_wait_minutes")
        probability = _float(self.max_wait_probability, "max_wait_probability")
        if wait <= 0:
            raise InputTypeError(
                "Mục tiêu chờ (queue target): max_mean_wait_minutes must be positive",
                argument="max_mean_wait_minutes",
            )
        if not 0 < probability <= 1:
            raise InputTypeError(
                "Mục tiêu chờ (queue target): max_wait_probability must be in (0, 1]",
                argument="max_wait_probability",
            )


@attrs.frozen(slots=True)
class QueueResult:
    """The reception queue with a given number of counters (an M/M/c model).

    Attributes:
        arrivals_per_hour: Mean arrivals per hour ``λ``.
        mean_service_minutes: Mean service time per visitor at the counter.
        traffic: Offered traffic in erlangs, ``A = λ · s``.
        servers: Number of counters ``c``.
        occupancy: ``A / c``, the share of time a counter is busy.
        wait_probability: Erlang C: probability that a visitor waits.
        mean_wait_minutes: Mean wait in the queue over all visitors.
    """

    arrivals_per_hour: float
    mean_service_minutes: float
    traffic: float
    servers: int
    occupancy: float
    wait_probability: float
    mean_wait_minutes: float

    def wait_longer_than(self, minutes: float) -> float:
        """Return the probability that a visitor waits more than ``minutes``.

        ``P(W > t) = C · exp(−(c − A) · t / s)``.
        """
        limit = _float(minutes, "minutes")
        if self.traffic == 0 or self.mean_service_minutes == 0:
            return 0.0
        if self.servers <= self.traffic:
            return 1.0
        return self.wait_probability * math.exp(
            -(self.servers - self.traffic) * limit / self.mean_service_minutes
        )


def _queue_result(arrivals: float, service: float, servers: int, blocking: float) -> QueueResult:
    load = arrivals * service / 60.0
    if load == 0:
        return QueueResult(arrivals, service, 0.0, servers, 0.0, 0.0, 0.0)
    probability = servers * blocking / (servers - load * (1.0 - blocking))
    return QueueResult(
        arrivals_per_hour=arrivals,
        mean_service_minutes=service,
        traffic=load,
        servers=servers,
        occupancy=load / servers,
        wait_probability=probability,
        mean_wait_minutes=probability * service / (servers - load),
    )


def counters_needed(
    arrivals_per_hour: float,
    mean_service_minutes: float,
    targets: QueueTargets | None = None,
) -> QueueResult:
    """Return the fewest counters that keep the mean wait and P(wait) within ``targets``.

    Searches ``c = ⌊A⌋ + 1, ⌊A⌋ + 2, …`` (the smallest stable numbers), updating Erlang B by
    one recursion step per extra counter. No arrivals (or no counter time) needs 0 counters.

    Example:
        >>> r = counters_needed(30, 5)  # 30 visitors an hour, 5 minutes each: A = 2.5 erlangs
        >>> r.servers, round(r.wait_probability, 3), round(r.mean_wait_minutes, 2)
        (4, 0.32, 1.07)

    Raises:
        InputTypeError: a negative or non-numeric rate or time, or a wrong ``targets``.
    """
    arrivals = _float(arrivals_per_hour, "arrivals_per_hour")
    service = _float(mean_service_minutes, "mean_service_minutes")
    if targets is None:
        targets = QueueTargets()
    elif not isinstance(targets, QueueTargets):
        raise InputTypeError(
            "Mục tiêu chờ (queue target): targets must be a QueueTargets", argument="targets"
        )
    load = arrivals * service / 60.0
    if load == 0:
        return _queue_result(arrivals, service, 0, 1.0)
    servers = math.floor(load) + 1
    blocking = erlang_b(servers, load)
    while True:
        result = _queue_result(arrivals, service, servers, blocking)
        if (
            result.wait_probability <= targets.max_wait_probability
            and result.mean_wait_minutes <= targets.max_mean_wait_minutes
        ):
            return result
        servers += 1
        blocking = load * blocking / (servers + load * blocking)


Slot = tuple[int, _dt.time]
"""A reception slot: (weekday 0 = Monday … 6 = Sunday, start time)."""


@attrs.frozen(slots=True)
class ArrivalProfile:
    """Relative arrival intensity by weekday and clock hour.

    The rate in a slot is proportional to ``weekday_weights[weekday] × hour_weights[hour]``.
    Weekend weights apply only to weekend days that are working days (make-up Saturdays).

    Attributes:
        weekday_weights: 7 non-negative weights, Monday first.
        hour_weights: 24 non-negative weights, hour 0 first.
    """

    weekday_weights: tuple[float, ...] = attrs.field(
        factory=lambda: _default_weights("arrival_weekday_weights", 7)
    )
    hour_weights: tuple[float, ...] = attrs.field(
        factory=lambda: _default_weights("arrival_hour_weights", 24)
    )

    def __attrs_post_init__(self) -> None:
        for name, weights, size in (
            ("weekday_weights", self.weekday_weights, 7),
            ("hour_weights", self.hour_weights, 24),
        ):
            if not isinstance(weights, tuple) or len(weights) != size:
                raise InputTypeError(
                    f"Phân bố lượt đến (arrival profile): {name} must be a tuple of {size} numbers",
                    argument=name,
                )
            for weight in weights:
                _float(weight, name)

    @classmethod
    def from_counts(cls, counts: Mapping[Slot, _Number]) -> ArrivalProfile:
        """Build a profile from observed arrivals per (weekday, start time) slot.

        The weekday weights are each weekday's share and the hour weights each hour's share, so
        the rate in a slot is proportional to the product (an independence assumption).

        Raises:
            InputTypeError: bad keys or counts, or no arrivals at all.
        """
        if not isinstance(counts, Mapping) or not counts:
            raise InputTypeError(
                "Phân bố lượt đến (arrival profile): pass a non-empty mapping "
                "(weekday, time) → arrivals",
                argument="counts",
            )
        weekdays = [Fraction(0)] * 7
        hours = [Fraction(0)] * 24
        for key, value in counts.items():
            if (
                not isinstance(key, tuple)
                or len(key) != 2
                or type(key[0]) is not int
                or not 0 <= key[0] <= 6
                or not isinstance(key[1], _dt.time)
            ):
                raise InputTypeError(
                    "Phân bố lượt đến (arrival profile): keys must be (weekday 0–6, "
                    f"datetime.time), got {key!r}",
                    argument="counts",
                )
            amount = _exact(value, "counts")
            weekdays[key[0]] += amount
            hours[key[1].hour] += amount
        total = sum(weekdays)
        if total == 0:
            raise InputTypeError(
                "Phân bố lượt đến (arrival profile): all counts are zero", argument="counts"
            )
        return cls(
            weekday_weights=tuple(float(w * 7 / total) for w in weekdays),
            hour_weights=tuple(float(h * 24 / total) for h in hours),
        )


def _default_weights(key: str, size: int) -> tuple[float, ...]:
    raw = load_assumptions()[key].value
    if not isinstance(raw, tuple) or len(raw) != size:
        raise DataFileError(
            f"Giả định (assumption) {key} in {_ASSUMPTIONS_FILE} must be a list of {size} numbers",
            file=_ASSUMPTIONS_FILE,
            field=key,
        )
    return tuple(float(_decimal_from_data(value, key)) for value in raw)


def _slots(office_hours: OfficeHours) -> tuple[tuple[_dt.time, Fraction], ...]:
    """One-hour slots inside the office windows: (start, length in hours)."""
    result: list[tuple[_dt.time, Fraction]] = []
    for start, end in office_hours.windows:
        cursor = _dt.datetime.combine(_dt.date.min, start)
        stop = _dt.datetime.combine(_dt.date.min, end)
        while cursor < stop:
            slot_end = min(cursor + _dt.timedelta(hours=1), stop)
            result.append((cursor.time(), Fraction(int((slot_end - cursor).total_seconds()), 3600)))
            cursor = slot_end
    return tuple(result)


def arrival_rates(
    dossiers: _Number,
    month: Month,
    *,
    profile: ArrivalProfile | None = None,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
) -> dict[Slot, float]:
    """Spread a month's in-person dossiers over its working days and office hours.

    Returns arrivals per hour for each (weekday, slot start) that occurs in the month: the
    expected arrivals in the slot on one such day divided by the slot's length. A month's
    working days come from the calendar (holidays removed, make-up Saturdays added).

    Example:
        >>> import datetime
        >>> flat = ArrivalProfile(weekday_weights=(1,) * 7, hour_weights=(1,) * 24)
        >>> rates = arrival_rates(1680, Month(2026, 1), profile=flat)
        >>> rates[(0, datetime.time(8, 30))]  # 1680 / (21 days × 8 h)
        10.0

    Raises:
        InputTypeError: wrong argument types, or a profile with no weight inside office hours.
        CalendarRangeError: the month is outside the calendar.
    """
    amount = _exact(dossiers, "dossiers")
    if not isinstance(month, Month):
        raise InputTypeError("Tháng (month): month must be a tthc.workload.Month", argument="month")
    if profile is None:
        profile = ArrivalProfile()
    elif not isinstance(profile, ArrivalProfile):
        raise InputTypeError(
            "Phân bố lượt đến (arrival profile): profile must be an ArrivalProfile",
            argument="profile",
        )
    cal = _calendar(calendar)
    slots = _slots(_office_hours(office_hours))
    day_weights = [_exact(w, "weekday_weights") for w in profile.weekday_weights]
    hour_weights = [_exact(w, "hour_weights") for w in profile.hour_weights]
    per_day = sum((hour_weights[start.hour] * length for start, length in slots), Fraction(0))
    total = Fraction(0)
    weekdays: set[int] = set()
    for info in cal.iter_days(month.first_day, month.last_day):
        if info.is_working_day:
            weekday = info.date.weekday()
            weekdays.add(weekday)
            total += day_weights[weekday] * per_day
    if total == 0:
        if amount == 0:
            return {(weekday, start): 0.0 for weekday in sorted(weekdays) for start, _ in slots}
        raise InputTypeError(
            "Phân bố lượt đến (arrival profile) gives no weight to the working days and office "
            f"hours of {month}",
            argument="profile",
        )
    return {
        (weekday, start): float(amount * day_weights[weekday] * hour_weights[start.hour] / total)
        for weekday in sorted(weekdays)
        for start, _ in slots
    }


@attrs.frozen(slots=True)
class CounterPlan:
    """Counters needed over a set of reception slots.

    Attributes:
        slots: The queue in every slot, with the counters that slot needs.
        peak_slot: The slot that needs the most counters (the busiest).
        peak: The queue in the peak slot.
    """

    slots: tuple[tuple[Slot, QueueResult], ...]
    peak_slot: Slot | None
    peak: QueueResult | None

    @property
    def counters(self) -> int:
        """Counters to open: what the busiest slot needs."""
        return self.peak.servers if self.peak is not None else 0


def plan_counters(
    arrivals: Mapping[Slot, _Number],
    mean_service_minutes: _Number,
    targets: QueueTargets | None = None,
) -> CounterPlan:
    """Return the counters each slot needs, and the busiest slot.

    Args:
        arrivals: Arrivals per hour by (weekday, start time), e.g. from :func:`arrival_rates` or
            from the centre's queue-ticket records.
        mean_service_minutes: Mean time at the counter per visitor.
        targets: Queue targets (default: the assumptions file).

    Raises:
        InputTypeError: bad slots, rates or service time.
    """
    if not isinstance(arrivals, Mapping):
        raise InputTypeError(
            "Lượt đến (arrivals): pass a mapping (weekday, time) → arrivals per hour",
            argument="arrivals",
        )
    results: list[tuple[Slot, QueueResult]] = []
    for slot, rate in sorted(arrivals.items()):
        if (
            not isinstance(slot, tuple)
            or len(slot) != 2
            or type(slot[0]) is not int
            or not 0 <= slot[0] <= 6
            or not isinstance(slot[1], _dt.time)
        ):
            raise InputTypeError(
                f"Lượt đến (arrivals): keys must be (weekday 0–6, datetime.time), got {slot!r}",
                argument="arrivals",
            )
        results.append(
            (
                slot,
                counters_needed(
                    _float(rate, "arrivals"),
                    _float(mean_service_minutes, "mean_service_minutes"),
                    targets,
                ),
            )
        )
    if not results:
        return CounterPlan(slots=(), peak_slot=None, peak=None)
    peak_slot, peak = max(results, key=lambda item: (item[1].servers, item[1].traffic))
    return CounterPlan(slots=tuple(results), peak_slot=peak_slot, peak=peak)


# --- the 2025 reorganisation ---------------------------------------------------------------------


@attrs.frozen(slots=True)
class ReformChange:
    """How a unit's monthly dossier volume changed across the 1/7/2025 reorganisation.

    Averages are over the months of the input on each side of the reform date (a unit with no
    row in a month counts 0 for it).

    Attributes:
        unit_code: The unit.
        unit_name: Its name, when known.
        months_before: Months of input before the reform.
        months_after: Months of input from the reform on.
        dossiers_before: Dossiers in the months before.
        dossiers_after: Dossiers in the months after.
        before_per_month: Monthly average before (0.01).
        after_per_month: Monthly average after (0.01).
        change: Relative change ``after / before − 1`` (0.0001), ``None`` when there was no
            volume before.
    """

    unit_code: str
    unit_name: str
    months_before: int
    months_after: int
    dossiers_before: int
    dossiers_after: int
    before_per_month: Decimal
    after_per_month: Decimal
    change: Decimal | None

    @property
    def percent(self) -> str:
        """The change as text: ``"+185.2 %"``, or ``"mới / new"`` with no volume before."""
        if self.change is None:
            return "mới / new" if self.dossiers_after else "0"
        value = (self.change * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
        return f"{value:+} %"

    def _rank(self) -> tuple[int, Decimal, Decimal, str]:
        if self.change is None:
            return (
                0 if self.dossiers_after else 2,
                Decimal(0),
                -self.after_per_month,
                self.unit_code,
            )
        return (1, -abs(self.change), -self.after_per_month, self.unit_code)


def _side(month: Month, reform: _dt.date) -> int:
    """-1 before the reform, 1 from it on, 0 for the month it falls inside (not its first)."""
    if month.last_day < reform:
        return -1
    if month.first_day >= reform:
        return 1
    return 0


def reform_changes(
    counts: Iterable[DossierCount | Mapping[str, Any]],
    *,
    reform_date: _dt.date | None = None,
) -> tuple[ReformChange, ...]:
    """Compare each unit's monthly volume before and after the reform, most changed first.

    Args:
        counts: Dossier counts.
        reform_date: Default 1/7/2025 (Luật 72/2025/QH15; from the assumptions file). A month
            that contains the date without starting on it is left out of both sides.

    Returns:
        One entry per unit, ranked: units with volume only after the reform, then by the size
        of the relative change. Empty when the input has no month on one of the sides.

    Raises:
        InputTypeError: ``reform_date`` is not a date.
        DataFileError: an invalid record.
    """
    reform = (
        load_assumptions().date("reform_date")
        if reform_date is None
        else require_date(reform_date, "reform_date")
    )
    records = dossier_counts(counts)
    months: dict[int, set[Month]] = {-1: set(), 1: set()}
    totals: dict[str, dict[int, int]] = {}
    names: dict[str, str] = {}
    for record in records:
        side = _side(record.month, reform)
        if record.unit_name and record.unit_code not in names:
            names[record.unit_code] = record.unit_name
        sides = totals.setdefault(record.unit_code, {-1: 0, 1: 0})
        if side:
            months[side].add(record.month)
            sides[side] += record.count
    before_n, after_n = len(months[-1]), len(months[1])
    if not before_n or not after_n:
        return ()
    changes: list[ReformChange] = []
    for code, sides in totals.items():
        before = Fraction(sides[-1], before_n)
        after = Fraction(sides[1], after_n)
        changes.append(
            ReformChange(
                unit_code=code,
                unit_name=names.get(code, ""),
                months_before=before_n,
                months_after=after_n,
                dossiers_before=sides[-1],
                dossiers_after=sides[1],
                before_per_month=_to_decimal(before),
                after_per_month=_to_decimal(after),
                change=_to_decimal(after / before - 1, Decimal("0.0001")) if before else None,
            )
        )
    return tuple(sorted(changes, key=ReformChange._rank))


# --- the plan ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class PlanSettings:
    """Every knob of :func:`plan_workload`; the defaults come from the assumptions file.

    Attributes:
        annual_leave_days: Leave per staff member per year (working days).
        utilisation: Share of available hours spent on dossiers, in (0, 1].
        targets: Queue targets for the counters.
        in_person_share: Share of dossiers filed at a counter, used where the input has no
            ``in_person`` count, in [0, 1].
        profile: Arrival profile by weekday and hour.
        counter_role: The role whose minutes are the counter's service time.
        reform_date: The reorganisation date used to compare volumes.
        flag_top: How many units to flag as most changed by the reform.
    """

    annual_leave_days: Decimal = attrs.field(
        factory=lambda: load_assumptions().decimal("annual_leave_days")
    )
    utilisation: Decimal = attrs.field(factory=lambda: load_assumptions().decimal("utilisation"))
    targets: QueueTargets = attrs.field(factory=QueueTargets)
    in_person_share: Decimal = attrs.field(
        factory=lambda: load_assumptions().decimal("in_person_share")
    )
    profile: ArrivalProfile = attrs.field(factory=ArrivalProfile)
    counter_role: str = "reception"
    reform_date: _dt.date = attrs.field(factory=lambda: load_assumptions().date("reform_date"))
    flag_top: int = 10

    def __attrs_post_init__(self) -> None:
        _leave(self.annual_leave_days, load_assumptions())
        _utilisation(self.utilisation, load_assumptions())
        share = _exact(self.in_person_share, "in_person_share")
        if share > 1:
            raise InputTypeError(
                "Tỷ lệ nộp trực tiếp (in-person share) must be in [0, 1]",
                argument="in_person_share",
            )
        if not isinstance(self.targets, QueueTargets):
            raise InputTypeError("targets must be a QueueTargets", argument="targets")
        if not isinstance(self.profile, ArrivalProfile):
            raise InputTypeError("profile must be an ArrivalProfile", argument="profile")
        if not isinstance(self.counter_role, str) or not self.counter_role:
            raise InputTypeError("counter_role must be a non-empty string", argument="counter_role")
        require_date(self.reform_date, "reform_date")
        if require_int(self.flag_top, "flag_top") < 0:
            raise InputTypeError("flag_top must be zero or more", argument="flag_top")


@attrs.frozen(slots=True)
class RoleNeed:
    """Staff needed for one role of one unit over the plan period.

    Attributes:
        role: The role.
        demand_hours: Staff-hours needed over the period.
        fte_exact: ``demand / capacity`` (0.01), before rounding up.
        fte: Full-time equivalents, rounded up on the exact ratio.
        peak_month: The month that needs the most staff for this role.
        peak_month_fte: Full-time equivalents that month alone would need.
    """

    role: str
    demand_hours: Decimal
    fte_exact: Decimal
    fte: int
    peak_month: Month | None
    peak_month_fte: int


@attrs.frozen(slots=True)
class UnitPlan:
    """Demand, capacity, staff and counters for one unit.

    Attributes:
        unit_code: The unit.
        unit_name: Its name, when known.
        unit_kind: Its kind (``"xã"``, ``"phường"``, ...), when known.
        dossiers: Dossiers in the plan period.
        dossiers_per_month: Monthly average over the period.
        demand_hours: Staff-hours needed over the period, all roles.
        demand_hours_per_month: Monthly average.
        capacity_hours: Productive hours of one staff member over the period.
        roles: Staff needed per role.
        counters: Reception counters needed in the busiest slot of the busiest month.
        counter_month: The month of that slot.
        counter_slot: That slot (weekday, start time).
        counter_queue: The queue there with ``counters`` counters.
        reform: Volume change across the reorganisation, when the input spans it.
    """

    unit_code: str
    unit_name: str
    unit_kind: str
    dossiers: int
    dossiers_per_month: Decimal
    demand_hours: Decimal
    demand_hours_per_month: Decimal
    capacity_hours: Decimal
    roles: tuple[RoleNeed, ...]
    counters: int
    counter_month: Month | None
    counter_slot: Slot | None
    counter_queue: QueueResult | None
    reform: ReformChange | None

    @property
    def fte(self) -> int:
        """Staff needed: the sum of the per-role rounded-up FTE."""
        return sum(need.fte for need in self.roles)

    def role(self, name: str) -> RoleNeed | None:
        """Return the need of one role, or ``None``."""
        for need in self.roles:
            if need.role == name:
                return need
        return None


@attrs.frozen(slots=True)
class WorkloadPlan:
    """The staffing plan of a set of units.

    Attributes:
        units: One plan per unit, by unit code.
        months: The plan period.
        capacity: Capacity of one staff member in each month of the period.
        capacity_hours: Productive hours of one staff member over the whole period.
        settings: The settings used.
        flagged: Units whose monthly volume changed most across the reorganisation.
        assumptions_version: ``data_version`` of the assumptions file.
        provisional: Some month lies in a year whose calendar is projected.
    """

    units: tuple[UnitPlan, ...]
    months: tuple[Month, ...]
    capacity: tuple[Capacity, ...]
    capacity_hours: Decimal
    settings: PlanSettings
    flagged: tuple[ReformChange, ...]
    assumptions_version: str
    provisional: bool

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role in the plan, in conventional order."""
        return tuple(
            sorted({need.role for unit in self.units for need in unit.roles}, key=_role_key)
        )

    @property
    def total_fte(self) -> int:
        """Staff needed over all units."""
        return sum(unit.fte for unit in self.units)

    @property
    def total_counters(self) -> int:
        """Counters needed over all units."""
        return sum(unit.counters for unit in self.units)


_COMMUNE_KINDS = frozenset({"commune", "xã", "phường", "đặc khu", "thị trấn", "ward"})
_PROVINCE_KINDS = frozenset(
    {"province", "tỉnh", "thành phố trực thuộc trung ương", "sở", "department", "city"}
)


def _level(kind: str) -> str:
    folded = _fold(kind)
    if folded in _COMMUNE_KINDS:
        return "commune"
    if folded in _PROVINCE_KINDS:
        return "province"
    return ""


def _kind_matches(kind: str, wanted: str) -> bool:
    folded = _fold(wanted)
    if folded in ("commune", "province"):
        return _level(kind) == folded
    return _fold(kind) == folded


@functools.cache
def _registry_unit(code: str) -> tuple[str, str] | None:
    """Name and kind of a unit from ``tthc.units`` when it is available (optional enrichment)."""
    try:
        from tthc import units  # noqa: PLC0415 - optional, loaded only when needed

        found = units.unit(code)
        return found.full_name, found.kind.value
    except (ImportError, TthcError, AttributeError):
        return None


def plan_workload(
    counts: Iterable[DossierCount | Mapping[str, Any]],
    efforts: EffortTable | None = None,
    *,
    start: Month | None = None,
    end: Month | None = None,
    unit_kind: str | None = None,
    settings: PlanSettings | None = None,
    calendar: WorkCalendar | None = None,
    office_hours: OfficeHours | None = None,
    use_field_defaults: bool = True,
    enrich_units: bool = False,
) -> WorkloadPlan:
    """Plan staff and counters per unit from dossier counts.

    Args:
        counts: Dossier counts per unit, procedure and month.
        efforts: Staff minutes per procedure and role. Procedures not listed fall back to the
            illustrative field defaults of the assumptions file (when ``use_field_defaults``).
        start: First month of the plan period. Default: the first month from the reform date on
            present in the input, or the input's first month if it has none.
        end: Last month of the plan period (default: the input's last month).
        unit_kind: Keep only units of this kind: ``"commune"`` (xã, phường, đặc khu),
            ``"province"``, or an exact kind such as ``"phường"``. ``None`` keeps all.
        settings: Leave, utilisation, queue targets, arrival profile, ... (default: the
            assumptions file).
        calendar: Working calendar (default: the civil-service calendar).
        office_hours: Office windows (default 8 hours).
        use_field_defaults: Fall back to the illustrative per-field efforts.
        enrich_units: Fill missing unit names and kinds from :mod:`tthc.units` when available.

    Raises:
        InputTypeError: wrong arguments, an empty input, or ``start`` after ``end``.
        DataFileError: an invalid record.
        UnknownProcedure: a procedure with no effort.
        CalendarRangeError: the period is outside the calendar.
    """
    records = dossier_counts(counts)
    if settings is None:
        settings = PlanSettings()
    elif not isinstance(settings, PlanSettings):
        raise InputTypeError("settings must be a PlanSettings", argument="settings")
    if efforts is None:
        efforts = EffortTable()
    elif not isinstance(efforts, EffortTable):
        raise InputTypeError(
            "Thời gian xử lý (staff effort): efforts must be an EffortTable", argument="efforts"
        )
    assumptions = load_assumptions()
    if use_field_defaults:
        efforts = efforts.merged_with(_default_field_effort(assumptions))
    cal = _calendar(calendar)
    hours = _office_hours(office_hours)

    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for record in records:
        if record.unit_name and record.unit_code not in names:
            names[record.unit_code] = record.unit_name
        if record.unit_kind and record.unit_code not in kinds:
            kinds[record.unit_code] = record.unit_kind
    if enrich_units:
        for code in {record.unit_code for record in records}:
            if code not in names or code not in kinds:
                found = _registry_unit(code)
                if found is not None:
                    names.setdefault(code, found[0])
                    kinds.setdefault(code, found[1])
    if unit_kind is not None:
        if not isinstance(unit_kind, str) or not unit_kind.strip():
            raise InputTypeError("unit_kind must be a non-empty string", argument="unit_kind")
        records = tuple(r for r in records if _kind_matches(kinds.get(r.unit_code, ""), unit_kind))
    if not records:
        raise InputTypeError(
            "Số liệu hồ sơ (dossier counts): no rows"
            + (f" for unit kind {unit_kind!r}" if unit_kind else ""),
            hint="check the input and the unit_kind filter (units need a unit_kind column)",
            argument="counts",
        )

    all_months = sorted({record.month for record in records})
    for name, value in (("start", start), ("end", end)):
        if value is not None and not isinstance(value, Month):
            raise InputTypeError(f"{name} must be a tthc.workload.Month", argument=name)
    if start is None:
        after = [m for m in all_months if _side(m, settings.reform_date) == 1]
        start = after[0] if after else all_months[0]
    if end is None:
        end = all_months[-1]
    if end < start:
        raise InputTypeError(
            f"Kỳ kế hoạch (plan period): end {end} is before start {start}", argument="end"
        )
    months = _month_range(start, end)
    leave = Fraction(settings.annual_leave_days)
    utilisation = Fraction(settings.utilisation)
    exact = {m: _exact_capacity(m, cal, hours, leave, utilisation) for m in months}
    period_capacity = sum((c.productive for c in exact.values()), Fraction(0))
    share = Fraction(settings.in_person_share)

    role_minutes: dict[str, dict[str, dict[Month, Fraction]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(Fraction))
    )
    unit_dossiers: dict[str, int] = defaultdict(int)
    visits: dict[str, dict[Month, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    counter_minutes: dict[str, dict[Month, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    for record in records:
        unit_dossiers.setdefault(record.unit_code, 0)
        if not start <= record.month <= end:
            continue
        effort = efforts.lookup(record.procedure_code, record.field)
        unit_dossiers[record.unit_code] += record.count
        for role, minutes in effort.minutes:
            role_minutes[record.unit_code][role][record.month] += Fraction(minutes) * record.count
        in_person = (
            Fraction(record.in_person) if record.in_person is not None else (share * record.count)
        )
        visits[record.unit_code][record.month] += in_person
        counter_minutes[record.unit_code][record.month] += in_person * Fraction(
            effort.minutes_for(settings.counter_role)
        )

    changes = {
        change.unit_code: change
        for change in reform_changes(records, reform_date=settings.reform_date)
    }
    plans: list[UnitPlan] = []
    for code in sorted(unit_dossiers):
        needs: list[RoleNeed] = []
        unit_total = Fraction(0)
        for role in sorted(role_minutes[code], key=_role_key):
            by_month = role_minutes[code][role]
            total = sum(by_month.values(), Fraction(0)) / 60
            unit_total += total
            peak_month: Month | None = None
            peak_fte = 0
            for month in months:
                month_fte = _ceil(by_month.get(month, Fraction(0)) / 60 / exact[month].productive)
                if month_fte > peak_fte:
                    peak_month, peak_fte = month, month_fte
            needs.append(
                RoleNeed(
                    role=role,
                    demand_hours=_to_decimal(total),
                    fte_exact=_to_decimal(total / period_capacity),
                    fte=_ceil(total / period_capacity),
                    peak_month=peak_month,
                    peak_month_fte=peak_fte,
                )
            )
        best: tuple[int, float, Month, Slot, QueueResult] | None = None
        for month in months:
            people = visits[code].get(month, Fraction(0))
            if not people:
                continue
            service = float(counter_minutes[code][month] / people)
            rates = arrival_rates(
                people, month, profile=settings.profile, calendar=cal, office_hours=hours
            )
            slot, rate = max(rates.items(), key=lambda item: (item[1], -item[0][0]))
            queue = counters_needed(rate, service, settings.targets)
            if best is None or (queue.servers, queue.traffic) > (best[0], best[1]):
                best = (queue.servers, queue.traffic, month, slot, queue)
        count = unit_dossiers[code]
        plans.append(
            UnitPlan(
                unit_code=code,
                unit_name=names.get(code, ""),
                unit_kind=kinds.get(code, ""),
                dossiers=count,
                dossiers_per_month=_to_decimal(Fraction(count, len(months))),
                demand_hours=_to_decimal(unit_total),
                demand_hours_per_month=_to_decimal(unit_total / len(months)),
                capacity_hours=_to_decimal(period_capacity),
                roles=tuple(needs),
                counters=best[0] if best else 0,
                counter_month=best[2] if best else None,
                counter_slot=best[3] if best else None,
                counter_queue=best[4] if best else None,
                reform=changes.get(code),
            )
        )
    ranked = sorted(changes.values(), key=ReformChange._rank)
    return WorkloadPlan(
        units=tuple(plans),
        months=months,
        capacity=tuple(exact[m].capacity for m in months),
        capacity_hours=_to_decimal(period_capacity),
        settings=settings,
        flagged=tuple(ranked[: settings.flag_top]),
        assumptions_version=assumptions.data_version,
        provisional=any(exact[m].capacity.provisional for m in months),
    )
