"""The defaults of the staffing model and their sources (``data/workload_assumptions.json``).

Each entry is law (``"law"``: annual leave, the 40-hour week, the reform date), a published method
(``"literature"``: the Erlang C model) or a planning assumption (``"planning_assumption"``:
utilisation, queue targets, arrival profile, illustrative efforts) that the planner should
replace with local measurements. Legal entries cite a document of the registry
(``{"doc": "45-2019-qh14", "article": "Điều 113.1.a"}``).
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from tthc._data import bundled_text, parse_json
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity

__all__: list[str] = []  # private module: the public names are exported by tthc.staffing

ASSUMPTIONS_FILE = "workload_assumptions.json"
"""The bundled file, relative to ``tthc/data``."""

_BASES = frozenset({"law", "literature", "planning_assumption"})


def _read_only(value: Any) -> Any:
    """The converter of [`Assumption.value`][tthc.staffing.Assumption.value] (see `_frozen`)."""
    return _frozen(value)


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
    value: Any = attrs.field(converter=_read_only)
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


class _ReadOnlyMapping(Mapping[str, Any]):
    """Private: a read-only JSON object that can be copied and sent to another process.

    A ``mappingproxy`` cannot (issue 17: every public model crosses process boundaries).
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_ReadOnlyMapping, (self._items,))


def _frozen(value: Any) -> Any:
    """JSON lists become tuples and objects read-only mappings: cached data stays immutable.

    Also the converter of [`Assumption.value`][tthc.staffing.Assumption.value], so that a value read back from JSON
    (``tthc.serde``) equals the one loaded from the bundled file.
    """
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, Mapping):
        return _ReadOnlyMapping({key: _frozen(item) for key, item in value.items()})
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
            f"Giả định (assumption) {key!r} is not in {ASSUMPTIONS_FILE}",
            file=ASSUMPTIONS_FILE,
            field=key,
        )

    def decimal(self, key: str) -> Decimal:
        """Return a numeric assumption as a Decimal."""
        return decimal_from_data(self[key].value, key)

    def date(self, key: str) -> _dt.date:
        """Return a date assumption."""
        value = self[key].value
        try:
            return _dt.date.fromisoformat(str(value))
        except ValueError:
            raise DataFileError(
                f"Giả định (assumption) {key!r}: {value!r} is not an ISO date",
                file=ASSUMPTIONS_FILE,
                field=key,
            ) from None


def decimal_from_data(value: Any, key: str) -> Decimal:
    """Return a number of the assumptions file as a finite Decimal.

    Raises:
        DataFileError: ``value`` is not a finite number (``bool`` refused).
    """
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        result = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DataFileError(
            f"Giả định (assumption) {key!r}: {value!r} is not a number",
            file=ASSUMPTIONS_FILE,
            field=key,
        ) from None
    if not result.is_finite():
        raise DataFileError(
            f"Giả định (assumption) {key!r}: {value!r} is not a finite number",
            file=ASSUMPTIONS_FILE,
            field=key,
        )
    return result


def parse_assumptions(text: str, name: str) -> Assumptions:
    """Read the assumptions file's ``text`` (``name`` is used in messages).

    Raises:
        DataFileError: the text is not JSON, lacks ``data_version`` or ``assumptions``, or an
            entry is malformed (``path`` and ``field`` name it).
    """
    data = parse_json(text, name)
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
    items = tuple(
        _parse_item(raw, name, f"assumptions[{index}]")
        for index, raw in enumerate(data["assumptions"])
    )
    return Assumptions(data_version=version, items=items)


def _parse_item(raw: object, name: str, path: str) -> Assumption:
    if not isinstance(raw, dict):
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: {path} is not an object", file=name, path=path
        )
    try:
        return _item(raw, f"in {name} {path}")
    except (KeyError, ValueError, AttributeError) as err:
        field = err.args[0] if isinstance(err, KeyError) and err.args else ""
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: {path} is missing or has an invalid field {field!r}",
            file=name,
            path=f"{path}.{field}" if field else path,
            field=field,
        ) from None


def _item(raw: dict[str, Any], where: str) -> Assumption:
    ref_raw = raw.get("legal_ref")
    ref = LegalRef.from_mapping(ref_raw, where=where) if isinstance(ref_raw, dict) else None
    validity_raw = raw.get("validity") or {}
    validity = Validity(
        start=_optional_date(validity_raw.get("start")),
        end=_optional_date(validity_raw.get("end")),
    )
    basis = str(raw["basis"])
    if basis not in _BASES:
        raise KeyError("basis")
    if basis != "planning_assumption" and ref is None:
        raise KeyError("legal_ref")
    return Assumption(
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
        'điểm a khoản 1 Điều 113, Bộ luật Lao động 45/2019/QH14 (Quốc hội, 20/11/2019)'

    Raises:
        DataFileError: the bundled file is malformed.
    """
    return parse_assumptions(bundled_text(ASSUMPTIONS_FILE), ASSUMPTIONS_FILE)


def default_float(key: str) -> float:
    """Return a numeric assumption as a float (the queue targets' defaults)."""
    return float(load_assumptions().decimal(key))
