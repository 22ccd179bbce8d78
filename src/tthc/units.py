"""Administrative units (đơn vị hành chính) before and after the 1 July 2025 reform.

From 1/7/2025 Vietnam has two levels of local government (Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 1): 34
provinces (tỉnh, thành phố trực thuộc trung ương; Nghị quyết 202/2025/QH15) and 3,321 communes
(xã, phường, đặc khu; the 34 Nghị quyết 1654–1687/NQ-UBTVQH15 of 16/6/2025), keyed by the codes
of Quyết định 19/2025/QĐ-TTg. The district level ended on that date.

This module ships three tables as package data:

* the 2025 units, each with its validity and legal basis (the resolution and clause that formed it);
* the pre-reform units (63 provinces, 696 districts, 10,035 communes) whose validity ends 30/6/2025;
* the succession table old → new. An old commune that was split has several successors; every
  candidate is returned with its ``whole``/``part`` flag and nothing is picked silently.

Codes are strings and keep their leading zeros (``"00004"``, ``"92"``). The same code can name an
old unit and a new one (QĐ 19/2025 kept the codes of many communes), so lookups by code take the
date ``on`` into account. Nothing is read from disk until first use; the tables are cached.

Examples:
    >>> from tthc.units import unit, successors
    >>> unit("31135").full_name
    'Phường Ninh Kiều'
    >>> [s.new.code for s in successors("00001")]
    ['00097']
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from tthc._data import bundled_csv, bundled_json
from tthc._enums import LabelledEnum
from tthc._text import fold, tone_key
from tthc._time import format_date
from tthc._validate import require_date
from tthc.errors import (
    AmbiguousUnitName,
    DataFileError,
    InputTypeError,
    UnitNotInForce,
    UnknownUnit,
)
from tthc.legal import LegalRef, Validity, document

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # the model
    "AdministrativeUnit",
    "Succession",
    "UnitKind",
    "UnitLevel",
    # lookups by code and by date
    "communes",
    "districts",
    "legacy_unit",
    "provinces",
    "require_in_force",
    "unit",
    # lookups by name
    "find_units",
    "normalize_name",
    "suggest_units",
    "unit_by_name",
    # the 2025 reform: old -> new
    "predecessors",
    "reform_date",
    "successors",
    # the bundled data
    "data_version",
]


class UnitLevel(LabelledEnum):
    """Level (cấp) of an administrative unit."""

    PROVINCE = "province", "cấp tỉnh", "Province level"
    """Cấp tỉnh."""
    DISTRICT = "district", "cấp huyện", "District level"
    """Cấp huyện (abolished on 1/7/2025)."""
    COMMUNE = "commune", "cấp xã", "Commune level"
    """Cấp xã."""


class UnitKind(LabelledEnum):
    """Kind (loại) of an administrative unit; the value is the Vietnamese term."""

    CENTRAL_CITY = (
        "thành phố trực thuộc trung ương",
        "thành phố trực thuộc trung ương",
        "Centrally governed city",
    )
    PROVINCE = "tỉnh", "tỉnh", "Province"
    URBAN_DISTRICT = "quận", "quận", "Urban district"
    RURAL_DISTRICT = "huyện", "huyện", "Rural district"
    TOWN = "thị xã", "thị xã", "District-level town"
    PROVINCIAL_CITY = "thành phố thuộc tỉnh", "thành phố thuộc tỉnh", "Provincial city"
    MUNICIPAL_CITY = (
        "thành phố thuộc thành phố trực thuộc trung ương",
        "thành phố thuộc thành phố trực thuộc trung ương",
        "City within a centrally governed city",
    )
    WARD = "phường", "phường", "Ward"
    COMMUNE = "xã", "xã", "Commune"
    TOWNSHIP = "thị trấn", "thị trấn", "Township"
    SPECIAL_ZONE = "đặc khu", "đặc khu", "Special zone"

    @property
    def level(self) -> UnitLevel:
        """The level of units of this kind."""
        if self in _PROVINCE_KINDS:
            return UnitLevel.PROVINCE
        if self in _DISTRICT_KINDS:
            return UnitLevel.DISTRICT
        return UnitLevel.COMMUNE

    @property
    def short_vi(self) -> str:
        """Short Vietnamese kind used in running text (``"thành phố"``, ``"phường"``)."""
        return "thành phố" if self.value.startswith("thành phố ") else self.value


_PROVINCE_KINDS = frozenset({UnitKind.CENTRAL_CITY, UnitKind.PROVINCE})
_DISTRICT_KINDS = frozenset(
    {
        UnitKind.URBAN_DISTRICT,
        UnitKind.RURAL_DISTRICT,
        UnitKind.TOWN,
        UnitKind.PROVINCIAL_CITY,
        UnitKind.MUNICIPAL_CITY,
    }
)
# Longest first, so that "Thành phố" wins over nothing and "Thị xã" over "Xã".
_PREFIXES = ("đặc khu", "thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
# Abbreviated kinds as written on forms, stamps and signs ("P. Ninh Kiều", "TP Cần Thơ", "Q.1")
# are data, the same table addresses are read with (tthc.migrate).
_ABBREVIATIONS_FILE = "migrate/address_forms.json"


@attrs.frozen(slots=True)
class AdministrativeUnit:
    """One administrative unit (đơn vị hành chính) with its validity.

    Attributes:
        code: Official code as a string with leading zeros (QĐ 19/2025/QĐ-TTg for 2025 units,
            the statistics office's list for pre-reform units).
        full_name: Name as written in the official list, with its kind (``"Phường Ninh Kiều"``).
        kind: Kind of unit (xã, phường, đặc khu, tỉnh, ...).
        province_code: Code of the province the unit belongs to (itself for a province).
        parent_code: Code of the unit directly above (province for a 2025 commune or an old
            district, district for an old commune), ``None`` for a province.
        validity: Period in which the unit exists.
        legal_basis: Document (and clause) that formed the unit, when known.
        legacy: ``True`` for the pre-reform units (validity ending 30/6/2025).
    """

    code: str
    full_name: str
    kind: UnitKind
    province_code: str
    parent_code: str | None
    validity: Validity
    legal_basis: LegalRef | None = None
    legacy: bool = False

    @property
    def name(self) -> str:
        """Name without the kind prefix (``"Ninh Kiều"``; ``"Cần Thơ"`` for the city)."""
        return _strip_prefix(self.full_name)

    @property
    def level(self) -> UnitLevel:
        """Level of the unit (province, district or commune)."""
        return self.kind.level

    @property
    def label(self) -> str:
        """Lower-case kind and name for running text (``"phường Ninh Kiều"``)."""
        return f"{self.kind.short_vi} {self.name}"

    def in_force(self, on: _dt.date) -> bool:
        """Return whether the unit existed on ``on``."""
        return self.validity.contains(require_date(on, "on"))

    def __str__(self) -> str:
        return f"{self.full_name} ({self.code})"


@attrs.frozen(slots=True)
class Succession:
    """One old → new pair of the 2025 reform.

    Attributes:
        old: The pre-reform unit.
        new: The 2025 unit that took over all (``whole``) or part of it.
        whole: ``True`` when the old unit went entirely into ``new`` (its only successor);
            ``False`` when it was split and ``new`` is one of several candidates.
        legal_basis: The resolution and clause that transferred it.
        effective: Date the new unit took over (1/7/2025).
    """

    old: AdministrativeUnit
    new: AdministrativeUnit
    whole: bool
    legal_basis: LegalRef
    effective: _dt.date

    @property
    def share(self) -> str:
        """``"whole"`` (nhập toàn bộ) or ``"part"`` (nhập một phần)."""
        return "whole" if self.whole else "part"

    def __str__(self) -> str:
        return f"{self.old} → {self.new} [{self.share}; {self.legal_basis.cite()}]"


# --- public functions ----------------------------------------------------------------------------


def data_version() -> str:
    """Return the version of the bundled unit data."""
    return str(_meta()["data_version"])


def reform_date() -> _dt.date:
    """Return the date the 2025 units took over (1/7/2025), read from the data file."""
    return _dt.date.fromisoformat(str(_meta()["reform_date"]))


def provinces(*, on: _dt.date | None = None) -> tuple[AdministrativeUnit, ...]:
    """Return the provinces in force on ``on`` (default: the 34 provinces of 2025), by code.

    Args:
        on: Date; before 1/7/2025 this gives the 63 pre-reform provinces.
    """
    return tuple(u for u in _units_on(on) if u.level is UnitLevel.PROVINCE)


def communes(
    province: str | AdministrativeUnit | None = None, *, on: _dt.date | None = None
) -> tuple[AdministrativeUnit, ...]:
    """Return the communes (xã, phường, đặc khu; thị trấn before 2025) in force on ``on``.

    Args:
        province: Code, name or unit of a province to restrict to; ``None`` for all.
        on: Date (default: the 2025 units).

    Raises:
        UnknownUnit: ``province`` is not a province.
        AmbiguousUnitName: ``province`` is a name that matches several provinces.
    """
    pool = _units_on(on)
    prov = _resolve_province(province, on)
    return tuple(
        u
        for u in pool
        if u.level is UnitLevel.COMMUNE and (prov is None or u.province_code == prov.code)
    )


def districts(
    province: str | AdministrativeUnit | None = None, *, on: _dt.date | None = None
) -> tuple[AdministrativeUnit, ...]:
    """Return the districts (cấp huyện) in force on ``on``, by code.

    The district level ended on 1/7/2025 (Luật Tổ chức chính quyền địa phương 72/2025/QH15), so without ``on`` (the 2025
    units) the result is empty; before that date it gives the 696 pre-reform districts.

    Args:
        province: Code, name or unit of a province to restrict to; ``None`` for all.
        on: Date.

    Raises:
        UnknownUnit: ``province`` is not a province.
        AmbiguousUnitName: ``province`` is a name that matches several provinces.
    """
    pool = _units_on(on)
    prov = _resolve_province(province, on)
    return tuple(
        u
        for u in pool
        if u.level is UnitLevel.DISTRICT and (prov is None or u.province_code == prov.code)
    )


def unit(code: str, *, on: _dt.date | None = None) -> AdministrativeUnit:
    """Return the unit with this code (default: the 2025 units; ``on`` selects by date).

    Args:
        code: Official code, a string keeping its leading zeros.
        on: Date on which the unit must exist. Before 1/7/2025 pre-reform codes are used.

    Raises:
        InputTypeError: ``code`` is not a string.
        UnitNotInForce: the code is known but no unit with it existed on ``on`` (or, without
            ``on``, it is a pre-reform code only).
        UnknownUnit: no unit has this code.
    """
    code = _require_code(code)
    day = None if on is None else require_date(on, "on")
    new = _new_units().by_code.get(code)
    if day is None:
        if new is not None:
            return new
        old = _legacy_units().by_code.get(code)
        if old is not None:
            raise UnitNotInForce(
                f"Đơn vị hành chính cũ (pre-reform unit): {old} ceased on "
                f"{_fmt(old.validity.end)} and has no 2025 unit with this code",
                hint=f"use tthc.units.successors({code!r}) for the new unit(s), or pass on=",
                code=code,
                validity=str(old.validity),
                legacy=True,
            )
        raise _unknown(code)
    found = [u for u in (new, _legacy_units().by_code.get(code)) if u is not None]
    for candidate in found:
        if candidate.validity.contains(day):
            return candidate
    if found:
        require_in_force(found[0], day)
    raise _unknown(code)


def legacy_unit(code: str) -> AdministrativeUnit:
    """Return the pre-reform unit (as of 30/6/2025) with this code.

    Raises:
        InputTypeError: ``code`` is not a string.
        UnknownUnit: no pre-reform unit has this code.
    """
    code = _require_code(code)
    found = _legacy_units().by_code.get(code)
    if found is None:
        raise UnknownUnit(
            f"Đơn vị hành chính cũ (pre-reform unit): no unit with code {code!r} existed on "
            f"{_fmt(_legacy_end())}",
            hint="pre-reform codes have 2 (province), 3 (district) or 5 (commune) digits",
            code=code,
        )
    return found


def require_in_force(u: AdministrativeUnit, on: _dt.date) -> AdministrativeUnit:
    """Return ``u`` if it existed on ``on``; raise [`UnitNotInForce`][tthc.errors.UnitNotInForce] otherwise."""
    day = require_date(on, "on")
    if not isinstance(u, AdministrativeUnit):
        raise InputTypeError(
            f"Đơn vị hành chính (administrative unit): expected an AdministrativeUnit, "
            f"got {type(u).__name__}",
            hint="look the unit up first: tthc.units.unit(code) or tthc.units.unit_by_name(name)",
            argument="unit",
            got=type(u).__name__,
        )
    if u.validity.contains(day):
        return u
    if u.legacy:
        hint = f"after {_fmt(u.validity.end)} use tthc.units.successors({u.code!r})"
    else:
        hint = f"before {_fmt(u.validity.start)} use the pre-reform unit (tthc.units.legacy_unit)"
    raise UnitNotInForce(
        f"Đơn vị hành chính không tồn tại vào ngày này (unit not in force): {u} existed "
        f"{u.validity}, not on {format_date(day)}",
        hint=hint,
        code=u.code,
        on=day.isoformat(),
        validity=str(u.validity),
        legacy=u.legacy,
    )


def find_units(
    name: str,
    province: str | AdministrativeUnit | None = None,
    *,
    on: _dt.date | None = None,
) -> tuple[AdministrativeUnit, ...]:
    """Return every unit whose name matches ``name``, ignoring accents and case.

    ``"ninh kieu"``, ``"Ninh Kiều"``, ``"phường Ninh Kiều"`` and ``"P. Ninh Kiều"`` all match
    Phường Ninh Kiều; a name given with its kind (``"quận Ninh Kiều"``, ``"Q. Ninh Kiều"``) only
    matches units of that kind. The abbreviations are those of forms and signs, the table
    addresses are read with (``data/migrate/address_forms.json``): ``TP``/``Tp.`` (thành phố),
    ``TX`` (thị xã), ``TT`` (thị trấn), ``P.``/``Ph.`` (phường), ``X.`` (xã), ``Q.`` (quận),
    ``H.`` (huyện), ``T.`` (tỉnh), ``ĐK`` (đặc khu); a one-letter form needs its dot ("Xã P Rao"
    is a name). Tone mark placement (``"Hoà"``/``"Hòa"``) does not matter.

    Args:
        name: Name with or without the kind prefix (xã, phường, tỉnh, ...).
        province: Code, name or unit of a province to search in; ``None`` searches everywhere.
        on: Date (default: the 2025 units; before 1/7/2025, the pre-reform units).

    Returns:
        The matches ordered by code; empty when nothing matches.

    Raises:
        InputTypeError: ``name`` is not a string.
        UnknownUnit: ``province`` is not a province.
        AmbiguousUnitName: ``province`` is a name that matches several provinces.
    """
    if not isinstance(name, str):
        raise InputTypeError(
            f"Tên đơn vị hành chính (unit name) must be a string, got {type(name).__name__}",
            hint=_NAME_HINT,
            argument="name",
            got=type(name).__name__,
        )
    day = None if on is None else require_date(on, "on")
    prov = _resolve_province(province, day)
    index = _name_index(_era(day))
    return _within(index.get(fold(_expand_abbreviation(name)), ()), prov, day)


def unit_by_name(
    name: str,
    province: str | AdministrativeUnit | None = None,
    *,
    on: _dt.date | None = None,
) -> AdministrativeUnit:
    """Return the single unit whose name matches ``name`` (see [`find_units`][tthc.units.find_units]).

    When several units match without accents but exactly one matches with its accents
    (``"Xã Văn Lăng"`` vs ``"Xã Vân Lăng"``), that one is returned: the accents decide.

    Raises:
        UnknownUnit: nothing matches.
        AmbiguousUnitName: several units match; ``context['candidates']`` lists their codes.
    """
    hits = find_units(name, province, on=on)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise _no_unit_named(name, province, on)
    key = tone_key(_expand_abbreviation(name))
    exact = [u for u in hits if key in {tone_key(u.full_name), tone_key(u.name)}]
    if len(exact) == 1:
        return exact[0]
    described = [f"{u.code} {u.full_name} ({_province_name(u)})" for u in hits]
    raise AmbiguousUnitName(
        f"Tên đơn vị hành chính trùng (ambiguous unit name): {name!r} matches {len(hits)} "
        f"units: {'; '.join(described)}",
        hint="pass province= or use the unit code",
        name=name,
        candidates=tuple(u.code for u in hits),
    )


def suggest_units(
    name: str,
    province: str | AdministrativeUnit | None = None,
    *,
    on: _dt.date | None = None,
    limit: int = 3,
) -> tuple[AdministrativeUnit, ...]:
    """Return the units whose name is closest to a misspelt ``name`` ("did you mean").

    Names are compared without accents, case or kind prefix (``"Nin Kieu"`` → Phường Ninh Kiều),
    closest first, then by code; a name that matches exactly is returned too. Only the names of
    the units in ``province`` and in force on ``on`` are compared, so that close names elsewhere
    do not crowd out those of the province. The hint of the
    [`UnknownUnit`][tthc.errors.UnknownUnit] raised by [`unit_by_name`][tthc.units.unit_by_name] names these units.

    Args:
        name: The name as typed.
        province: Code, name or unit of a province to search in; ``None`` searches everywhere.
        on: Date (default: the 2025 units; before 1/7/2025, the pre-reform units).
        limit: At most this many units (at least 1).

    Returns:
        The closest units; empty when no name is close (similarity below 0.8).

    Raises:
        InputTypeError: ``name`` is not a string or ``limit`` is not a positive int.
        UnknownUnit: ``province`` is not a province.
    """
    if not isinstance(name, str):
        raise InputTypeError(
            f"Tên đơn vị hành chính (unit name) must be a string, got {type(name).__name__}",
            hint=_NAME_HINT,
            argument="name",
            got=type(name).__name__,
        )
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InputTypeError(
            f"Số gợi ý (number of suggestions): limit must be a positive int, got {limit!r}",
            hint="pass limit=1 or more (default 3)",
            argument="limit",
            got=repr(limit),
        )
    day = None if on is None else require_date(on, "on")
    prov = _resolve_province(province, day)
    index = _name_index(_era(day))
    pool = {key: kept for key, hits in index.items() if (kept := _within(hits, prov, day))}
    # A unit is under two keys at most (with and without its kind): 2 * limit keys are enough.
    keys = difflib.get_close_matches(normalize_name(name), list(pool), n=2 * limit, cutoff=0.8)
    return tuple(dict.fromkeys(u for key in keys for u in pool[key]))[:limit]


def successors(old_code: str) -> tuple[Succession, ...]:
    """Return every 2025 unit that took over (all or part of) a pre-reform unit.

    For a commune that was split the result has several entries, each with ``whole=False``: an
    address there cannot be mapped to one new commune without street-level detail, so all
    candidates are returned. For a pre-reform province the result is the 2025 province it merged
    into (Nghị quyết 202/2025/QH15). The five districts without communes (Bạch Long Vĩ, Cồn Cỏ,
    Hoàng Sa, Lý Sơn, Côn Đảo) map to their đặc khu.

    Args:
        old_code: Pre-reform code (2 digits province, 5 digits commune).

    Raises:
        InputTypeError: ``old_code`` is not a string.
        UnknownUnit: the code is not a pre-reform unit, or is a district (which has no single
            successor: look up its communes).
    """
    code = _require_code(old_code)
    table = _succession()
    found = table.by_old.get(code)
    if found:
        return found
    old = _legacy_units().by_code.get(code)
    if old is None:
        in_2025 = code in _new_units().by_code
        hint = "pre-reform codes have 2 (province), 3 (district) or 5 (commune) digits"
        if in_2025:
            hint = f"{code!r} is a 2025 code only: use predecessors({code!r})"
        raise UnknownUnit(
            f"Đơn vị hành chính cũ (pre-reform unit): no unit with code {code!r}",
            hint=hint,
            code=code,
            in_2025=in_2025,
        )
    if old.level is UnitLevel.PROVINCE:
        return table.by_old_province[code]
    raise UnknownUnit(
        f"Cấp huyện (district level) was abolished: {old} has no successor of its own; its "
        "communes were re-arranged one by one",
        hint="pass the code of the old commune (5 digits)",
        code=code,
    )


def predecessors(new_code: str) -> tuple[Succession, ...]:
    """Return the pre-reform units that went (wholly or in part) into a 2025 unit.

    For a 2025 commune, the old communes (and districts without communes) it took over, in the
    order of the succession table; for a 2025 province, the pre-reform provinces merged into it
    (Nghị quyết 202/2025/QH15), by code: ``predecessors("92")`` gives Cần Thơ, Hậu Giang and
    Sóc Trăng.

    Raises:
        InputTypeError: ``new_code`` is not a string.
        UnknownUnit: no 2025 unit has this code.
    """
    code = _require_code(new_code)
    if code not in _new_units().by_code:
        raise _unknown(code)
    return _succession().by_new[code]  # every 2025 unit has one (checked by the data tests)


def normalize_name(text: str) -> str:
    """Return ``text`` without accents, case, kind prefix or extra spaces, for matching names.

    ``"Phường  Ninh Kiều"`` → ``"ninh kieu"``; ``"Thành phố Cần Thơ"`` → ``"can tho"``;
    abbreviated kinds too (``"TP. Cần Thơ"`` → ``"can tho"``, see [`find_units`][tthc.units.find_units]).
    """
    key = fold(_expand_abbreviation(text))
    for prefix in _FOLDED_PREFIXES:
        if key.startswith(prefix + " "):  # fold() strips: something follows the space
            return key[len(prefix) + 1 :]
    return key


# --- private helpers -----------------------------------------------------------------------------


_FOLDED_PREFIXES = tuple(fold(p) for p in _PREFIXES)
_STROKED_D = str.maketrans("Đđ", "Dd")
_NAME_HINT = (
    "pass the name as text, e.g. 'Phường Ninh Kiều', or look the unit up by code with "
    "tthc.units.unit(code)"
)


def _expand_abbreviation(name: str) -> str:
    """Return ``name`` with an abbreviated kind spelt out (``"P. Ninh Kiều"`` → ``"phường Ninh Kiều"``)."""
    pattern, kinds = _abbreviations()
    text = name.strip()
    match = pattern.match(text.translate(_STROKED_D))  # "ĐK" is "dk" in the data
    if match is None:
        return name
    return f"{kinds[match.group(1).casefold()]} {text[match.end() :]}"


@functools.cache
def _abbreviations() -> tuple[re.Pattern[str], Mapping[str, str]]:
    """The abbreviated kinds of the data file and the pattern that finds one opening a name.

    A dotted form ("p.", "tp.", "t.p") may be followed by a space or not; an undotted one needs
    two letters or more ("tp", "tx") and a space: a dotless letter is a name ("Xã P Rao",
    "Xã H Bông" of the pre-reform list).
    """
    kinds: Mapping[str, list[str]] = bundled_json(_ABBREVIATIONS_FILE)["kinds"]
    table = {
        form: word
        for word, forms in kinds.items()
        for form in forms
        if form != fold(word) and ("." in form or len(form) > 1)
    }
    words = "|".join(re.escape(form) for form in sorted(table, key=len, reverse=True))
    return re.compile(rf"({words})(?:(?<=\.)\s*|\s+)(?=\S)", re.IGNORECASE), table


def _no_unit_named(
    name: str, province: str | AdministrativeUnit | None, on: _dt.date | None
) -> UnknownUnit:
    """The error of [`unit_by_name`][tthc.units.unit_by_name] when nothing matches, with what may have been meant."""
    pre_reform = _era(on) == "new" and fold(_expand_abbreviation(name)) in _name_index("legacy")
    close = () if pre_reform else suggest_units(name, province, on=on)
    if pre_reform:
        hint = (
            "this is a pre-reform name: find its code with find_units(name, on=date(2025, 6, "
            "30)) and use successors(code)"
        )
    elif close:
        hint = "did you mean " + ", ".join(f"{u.full_name} ({u.code})" for u in close) + "?"
    else:
        hint = "check the spelling, or pass province= (a code such as '92' or a name)"
    return UnknownUnit(
        f"Đơn vị hành chính (administrative unit): no unit named {name!r}"
        + (f" in {province}" if province is not None else ""),
        hint=hint,
        name=name,
        pre_reform=pre_reform,
        suggestions=tuple(u.code for u in close),
    )


def _within(
    found: Iterable[AdministrativeUnit], prov: AdministrativeUnit | None, day: _dt.date | None
) -> tuple[AdministrativeUnit, ...]:
    """The units of ``found`` in province ``prov`` (or the province itself) in force on ``day``."""
    return tuple(
        u
        for u in found
        if (prov is None or prov.code in (u.province_code, u.code))
        and (day is None or u.validity.contains(day))
    )


def _strip_prefix(full_name: str) -> str:
    lowered = full_name.casefold()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix + " ") and len(full_name) > len(prefix) + 1:
            return full_name[len(prefix) + 1 :]
    return full_name


def _fmt(day: _dt.date | None) -> str:
    return format_date(day) if day else "…"


def _require_code(code: object) -> str:
    if isinstance(code, str) and code.strip():
        return code.strip()
    if isinstance(code, str):
        raise UnknownUnit(
            "Mã đơn vị hành chính (unit code) must not be empty",
            hint="pass the official code, e.g. '31135'",
            code=code,
        )
    raise InputTypeError(
        f"Mã đơn vị hành chính (unit code) must be a string, got {type(code).__name__}",
        hint="codes keep their leading zeros: pass '00004', not 4",
        argument="code",
        got=type(code).__name__,
    )


def _unknown(code: str) -> UnknownUnit:
    return UnknownUnit(
        f"Mã đơn vị hành chính (unit code): no administrative unit has code {code!r}",
        hint="2025 codes (QĐ 19/2025/QĐ-TTg) have 2 digits for a province and 5 for a commune",
        code=code,
    )


def _legacy_end() -> _dt.date:
    return _dt.date.fromisoformat(str(_meta()["legacy_valid_to"]))


def _era(day: _dt.date | None) -> str:
    """``"new"`` or ``"legacy"``: the registry in force on ``day`` (a date checked by the caller)."""
    return "new" if day is None or day >= reform_date() else "legacy"


def _units_on(on: _dt.date | None) -> tuple[AdministrativeUnit, ...]:
    if on is None:
        return _new_units().ordered
    day = require_date(on, "on")
    pool = _new_units().ordered if _era(day) == "new" else _legacy_units().ordered
    return tuple(u for u in pool if u.validity.contains(day))


def _province_name(u: AdministrativeUnit) -> str:
    registry = _legacy_units() if u.legacy else _new_units()
    return registry.by_code[u.province_code].full_name


def _resolve_province(
    province: str | AdministrativeUnit | None, on: _dt.date | None
) -> AdministrativeUnit | None:
    if province is None:
        return None
    if isinstance(province, AdministrativeUnit):
        found = province
    elif isinstance(province, str):
        if province.strip().isdigit():
            found = unit(province, on=on)
        else:
            matches = [u for u in find_units(province, on=on) if u.level is UnitLevel.PROVINCE]
            if len(matches) != 1:
                if not matches:
                    raise UnknownUnit(
                        f"Tỉnh (province): no province named {province!r}",
                        hint="pass the province code, e.g. '92' for Cần Thơ",
                        name=province,
                    )
                raise AmbiguousUnitName(  # province names are unique in the bundled data
                    f"Tỉnh (province): {province!r} matches several provinces",
                    hint="pass the province code, e.g. '92' for Cần Thơ",
                    name=province,
                    candidates=tuple(u.code for u in matches),
                )
            found = matches[0]
    else:
        raise InputTypeError(
            f"Tỉnh (province) must be a code, a name or an AdministrativeUnit, got "
            f"{type(province).__name__}",
            hint="pass a code such as '92', a name such as 'Cần Thơ', or a unit from tthc.units.unit",
            argument="province",
            got=type(province).__name__,
        )
    if found.level is not UnitLevel.PROVINCE:
        raise UnknownUnit(
            f"Tỉnh (province): {found} is not a province",
            hint="pass a 2-digit province code",
            code=found.code,
        )
    return found


# --- data loading --------------------------------------------------------------------------------

_DATA = "units"


@attrs.frozen(slots=True)
class _Registry:
    ordered: tuple[AdministrativeUnit, ...]
    by_code: Mapping[str, AdministrativeUnit]


@attrs.frozen(slots=True)
class _SuccessionTable:
    by_old: Mapping[str, tuple[Succession, ...]]
    by_new: Mapping[str, tuple[Succession, ...]]
    by_old_province: Mapping[str, tuple[Succession, ...]]


def _read_csv(name: str) -> list[dict[str, str]]:
    return bundled_csv(f"{_DATA}/{name}")


@functools.cache
def _meta() -> Mapping[str, Any]:
    data: Mapping[str, Any] = bundled_json(f"{_DATA}/meta.json")
    return data


@functools.cache
def _ref(key: str) -> LegalRef:
    return LegalRef.from_mapping(_meta()["legal_refs"][key], where=f"in units/meta.json {key}")


@functools.cache
def _resolutions() -> tuple[LegalRef, range]:
    # The series NQ 1654–1687/NQ-UBTVQH15 (one resolution per province), as registered.
    series = _ref("communes")
    numbers, _, symbol = series.document.partition("/")
    first, _, last = numbers.partition("–")
    return attrs.evolve(series, document=symbol), range(int(first), int(last) + 1)


@functools.lru_cache(maxsize=4096)
def _resolution_ref(number: str, clause: str) -> LegalRef:
    series, numbers = _resolutions()
    if not number.isdigit() or int(number) not in numbers:
        raise DataFileError(
            f"Tệp dữ liệu (data file) units: resolution {number!r} is not one of "
            f"{numbers.start}–{numbers.stop - 1}/{series.document}",
            field="resolution",
        )
    return attrs.evolve(
        series,
        document=f"{number}/{series.document}",
        article=series.article.format(clause=clause),
    )


def _validity(row: Mapping[str, str], name: str, line: int) -> Validity:
    try:
        start = _dt.date.fromisoformat(row["valid_from"]) if row.get("valid_from") else None
        end = _dt.date.fromisoformat(row["valid_to"]) if row.get("valid_to") else None
    except ValueError:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: bad date on row {line}", file=name, row=line
        ) from None
    return Validity(start, end)


def _kind(value: str, name: str, line: int) -> UnitKind:
    try:
        return UnitKind(value)
    except ValueError:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: unknown kind {value!r} on row {line}",
            file=name,
            row=line,
            field="kind",
        ) from None


@functools.cache
def _new_units() -> _Registry:
    units: list[AdministrativeUnit] = []
    for line, row in enumerate(_read_csv("provinces_2025.csv"), start=2):
        units.append(
            AdministrativeUnit(
                code=row["code"],
                full_name=row["name"],
                kind=_kind(row["kind"], "provinces_2025.csv", line),
                province_code=row["code"],
                parent_code=None,
                validity=_validity(row, "provinces_2025.csv", line),
                legal_basis=document(row["doc"]),
            )
        )
    for line, row in enumerate(_read_csv("communes_2025.csv"), start=2):
        units.append(
            AdministrativeUnit(
                code=row["code"],
                full_name=row["name"],
                kind=_kind(row["kind"], "communes_2025.csv", line),
                province_code=row["province_code"],
                parent_code=row["province_code"],
                validity=_validity(row, "communes_2025.csv", line),
                legal_basis=_resolution_ref(row["resolution"], row["clause"]),
            )
        )
    return _registry(units)


@functools.cache
def _legacy_units() -> _Registry:
    end = _legacy_end()
    validity = Validity(None, end)
    rows = _read_csv("legacy_units_2024.csv")
    parent_of = {row["code"]: row["parent_code"] for row in rows}
    units: list[AdministrativeUnit] = []
    for line, row in enumerate(rows, start=2):
        kind = _kind(row["kind"], "legacy_units_2024.csv", line)
        parent = row["parent_code"] or None
        if kind.level is UnitLevel.PROVINCE:
            province = row["code"]
        elif kind.level is UnitLevel.DISTRICT:
            province = row["parent_code"]
        else:
            province = parent_of.get(row["parent_code"], "")
        units.append(
            AdministrativeUnit(
                code=row["code"],
                full_name=row["name"],
                kind=kind,
                province_code=province,
                parent_code=parent,
                validity=validity,
                legacy=True,
            )
        )
    return _registry(units)


def _registry(units: Iterable[AdministrativeUnit]) -> _Registry:
    ordered = tuple(units)
    return _Registry(ordered=ordered, by_code={u.code: u for u in ordered})


@functools.cache
def _name_index(era: str) -> Mapping[str, tuple[AdministrativeUnit, ...]]:
    registry = {"new": _new_units, "legacy": _legacy_units}[era]()
    index: dict[str, list[AdministrativeUnit]] = {}
    for u in registry.ordered:
        for key in {normalize_name(u.full_name), fold(u.full_name)}:
            index.setdefault(key, []).append(u)
    return {key: tuple(sorted(found, key=lambda u: u.code)) for key, found in index.items()}


_SHARE = {"whole": True, "part": False}


@functools.cache
def _succession() -> _SuccessionTable:
    new = _new_units().by_code
    old = _legacy_units().by_code
    effective = reform_date()
    by_old: dict[str, list[Succession]] = {}
    by_new: dict[str, list[Succession]] = {}
    province_map: dict[str, set[str]] = {}
    name = "succession_2025.csv"
    for line, row in enumerate(_read_csv(name), start=2):
        old_unit = old.get(row["old_code"])
        new_unit = new.get(row["new_code"])
        if old_unit is None or new_unit is None or row["share"] not in _SHARE:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: row {line} names an unknown unit or share",
                file=name,
                row=line,
            )
        item = Succession(
            old=old_unit,
            new=new_unit,
            whole=_SHARE[row["share"]],
            legal_basis=_resolution_ref(row["resolution"], row["clause"]),
            effective=effective,
        )
        by_old.setdefault(item.old.code, []).append(item)
        by_new.setdefault(item.new.code, []).append(item)
        province_map.setdefault(old_unit.province_code, set()).add(new_unit.province_code)
    prov_ref = _ref("provinces")
    by_old_province: dict[str, tuple[Succession, ...]] = {}
    for old_code, targets in sorted(province_map.items()):
        if len(targets) != 1:  # pragma: no cover - checked by the data tests
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: old province {old_code} maps to {sorted(targets)}",
                file=name,
            )
        (target,) = targets
        merged = Succession(
            old=old[old_code],
            new=new[target],
            whole=True,
            legal_basis=prov_ref,
            effective=effective,
        )
        by_old_province[old_code] = (merged,)
        by_new.setdefault(target, []).append(merged)
    return _SuccessionTable(
        by_old={k: tuple(v) for k, v in by_old.items()},
        by_new={k: tuple(v) for k, v in by_new.items()},
        by_old_province=by_old_province,
    )
