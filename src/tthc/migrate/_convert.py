"""Converting one old address or code to the 2025 units, with every candidate and its clause.

An address is read from its end: the province (tỉnh, thành phố), then the district (quận,
huyện, thị xã, thành phố thuộc tỉnh), then the commune (xã, phường, thị trấn); what comes before
is the street. The old commune found gives its successors ([`tthc.units.successors`][tthc.units.successors]): one
when it went whole into a new commune, every candidate when it was split. An address with no
district may already be in the new form (tỉnh + xã/phường/đặc khu); when it fits both an old and
a new unit and the two readings disagree, the text is ambiguous and both are listed.

Nothing is guessed: a text that fits several units raises
[`AmbiguousUnitName`][tthc.errors.AmbiguousUnitName] with the candidates, a text that fits none raises
[`UnknownUnit`][tthc.errors.UnknownUnit] with near misses as *suggestions* in its context.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence

import attrs

from tthc._text import fold
from tthc._validate import require_date
from tthc.errors import AmbiguousUnitName, InputTypeError, UnknownUnit
from tthc.migrate._address import AddressPart, inner_splits, normalize, read_part, split_parts
from tthc.migrate._index import Indexes, Units, indexes
from tthc.migrate._model import Conversion, MigrationStatus, OldPlace
from tthc.units import (
    AdministrativeUnit,
    Succession,
    UnitKind,
    UnitLevel,
    communes,
    legacy_unit,
    provinces,
    reform_date,
    successors,
    unit,
)

__all__: list[str] = []  # private module: tthc.migrate re-exports the public names

_WHAT = "Địa chỉ (address)"
_DISTRICT_KINDS = frozenset(k for k in UnitKind if k.level is UnitLevel.DISTRICT)


@attrs.frozen(slots=True)
class _Reading:
    """Units a tail of parts names, in one era, and how many parts (from the end) it used."""

    units: Units
    used: int
    district: bool
    era: str


@attrs.frozen(slots=True)
class Decision:
    """The cached outcome for the last parts of an address.

    Attributes:
        reading: The units read (``None`` when nothing fits).
        cut: Where the units start: index among the last parts, offset in that part.
        candidates: The units an ambiguous text fits, or the near misses of an unknown one.
        mixed: Whether an old and a new reading disagree (the text is ambiguous).
    """

    reading: _Reading | None
    cut: tuple[int, int]
    candidates: Units = ()
    mixed: bool = False


def record_day(on: _dt.date | None) -> _dt.date:
    """The date a record was made: ``on``, or by default the last day of the old units (30/6/2025)."""
    if on is None:
        return reform_date() - _dt.timedelta(days=1)
    return require_date(on, "on")


def convert_address(text: str, *, on: _dt.date | None = None) -> Conversion:
    """Read an old (or already new) address and give its 2025 unit(s) with the clause.

    Args:
        text: The address as written (``"P. Tân An, Q. Ninh Kiều, TP Cần Thơ"``).
        on: The date the record was made (default: 30/6/2025, the last day of the old units).
            From 1/7/2025 an address without a district is read as the new form first.

    Returns:
        The street, the old place matched (province, district, commune), every candidate new
        unit and the status: ``whole``, ``split`` or ``already_new``.

    Raises:
        InputTypeError: ``text`` is not a string or ``on`` not a date.
        AmbiguousUnitName: the text fits several units; ``context['candidates']`` lists their
            codes and ``context['candidate_names']`` their names.
        UnknownUnit: no unit fits; ``context['suggestions']`` lists near misses (codes), which
            are never taken as the answer.
    """
    if not isinstance(text, str):
        raise InputTypeError(
            f"{_WHAT} must be a string, got {type(text).__name__}",
            argument="text",
            got=type(text).__name__,
        )
    day = record_day(on)
    street, _, decision = locate(text, day)
    return conversion_of(decision, text, street, day)


def conversion_of(decision: Decision, text: str, street: str, day: _dt.date) -> Conversion:
    """The conversion a decision gives, or the error it stands for.

    Raises:
        AmbiguousUnitName: the decision has several candidates.
        UnknownUnit: it has none (its candidates are near misses).
    """
    if decision.reading is None:
        raise _unknown(text, decision.candidates)
    if len(decision.reading.units) > 1 or decision.mixed:
        raise _ambiguous(text, decision.candidates or decision.reading.units)
    return _conversion(text, street, decision.reading, day)


def locate(text: str, day: _dt.date) -> tuple[str, tuple[str, ...], Decision]:
    """Split ``text`` and decide its units: ``(street, tail, decision)``.

    ``tail`` is the last segments (at most three: commune, district, province), the only ones
    that decide; the decision is cached by them, so a million addresses in a few thousand
    communes are decided a few thousand times.
    """
    clean = normalize(text)
    key = decision_day(day)
    spans = split_parts(clean, indexes(_new_day(key)).joined)
    tail = tuple(t for _, t in spans[-3:])
    decision = decide(tail, key)
    index, offset = decision.cut
    if not spans or decision.reading is None:
        return "", tail, decision
    first = spans[len(spans) - len(tail) + index][0]
    return clean[: first + offset].strip(" ,;-"), tail, decision


def convert_code(code: str, *, on: _dt.date | None = None) -> Conversion:
    """Give the 2025 unit(s) of an old unit code (or recognise a 2025 code) with the clause.

    Codes were reused by Quyết định 19/2025/QĐ-TTg, so the date matters: before 1/7/2025 a code
    is read as an old code; from that date as a 2025 code first.

    Args:
        code: Code as a string with its leading zeros (``"00007"``, ``"31135"``, ``"94"``).
        on: The date the record was made (default: 30/6/2025).

    Raises:
        InputTypeError: ``code`` is not a string.
        UnknownUnit: no unit has this code, or it is a district (abolished, no successor).
    """
    if not isinstance(code, str):
        raise InputTypeError(
            f"Mã đơn vị hành chính (unit code) must be a string, got {type(code).__name__}",
            hint="codes keep their leading zeros: read the column as text",
            argument="code",
            got=type(code).__name__,
        )
    day = record_day(on)
    code = code.strip()
    if day >= reform_date() and _is_new(code, day):
        return _already_new(code, unit(code, on=day), "", day)
    try:
        old = legacy_unit(code)
    except UnknownUnit:
        if _is_new(code, _new_day(day)):
            return _already_new(code, unit(code, on=_new_day(day)), "", day)
        raise
    return _from_old(code, "", old, day)


def successor_of(old_code: str, *, choose: str | None = None) -> Succession:
    """The one succession row a record of an old unit moves by, chosen explicitly if split.

    For re-homing a dossier (hồ sơ) whose receiving or competent unit no longer exists: an old
    commune that went whole into one new commune gives its row; a split one needs ``choose``,
    the code of one of its successors, decided by a person from the dossier's address.

    Args:
        old_code: Code of the old unit (``"31178"``).
        choose: Code of the chosen 2025 unit; required when the old unit was split.

    Raises:
        AmbiguousUnitName: the old unit was split and ``choose`` is ``None``;
            ``context['candidates']`` lists the successors.
        UnknownUnit: ``old_code`` is not an old unit with successors, or ``choose`` is not one of
            its successors.
    """
    found = successors(old_code)
    if choose is None and len(found) == 1:
        return found[0]
    chosen = [s for s in found if s.new.code == choose]
    if chosen:
        return chosen[0]
    codes = tuple(s.new.code for s in found)
    listed = "; ".join(f"{s.new.code} {s.new.full_name} ({s.legal_basis.cite()})" for s in found)
    if choose is None:
        raise AmbiguousUnitName(
            f"Đơn vị cũ bị chia tách (split unit): {found[0].old} went to {len(found)} units: "
            f"{listed}",
            hint="pass choose= the code of the unit the record belongs to, decided from its "
            "address; tthc does not pick",
            code=old_code,
            candidates=codes,
        )
    raise UnknownUnit(
        f"Đơn vị kế thừa (successor): {choose!r} is not a successor of {found[0].old}: {listed}",
        hint="choose one of " + ", ".join(codes),
        code=old_code,
        choose=choose,
        candidates=codes,
    )


# --- deciding -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def decide(tail: tuple[str, ...], day: _dt.date) -> Decision:
    """Decide the units the last segments of an address name (cached by their text)."""
    ix = indexes(_new_day(day))
    parts = tuple(read_part(t) for t in tail)
    decision = _decide_parts(parts, ix, day)
    if decision.reading is not None:
        return decision
    # Kind words inside a segment ("54 Lý Tự Trọng P. An Phú"): split there and read again.
    pieces = [(i, p.start, p) for i, part in enumerate(parts) for p in inner_splits(part)]
    if len(pieces) == len(parts):
        return decision
    pieces = pieces[-3:]
    retry = _decide_parts(tuple(p for _, _, p in pieces), ix, day)
    if retry.reading is None:
        return decision
    index, offset, _ = pieces[retry.cut[0]]
    return attrs.evolve(retry, cut=(index, offset))


def _decide_parts(parts: Sequence[AddressPart], ix: Indexes, day: _dt.date) -> Decision:
    old = _read_old(parts, ix)
    new = None if old is not None and old.district else _read_new(parts, ix)
    if old is None and new is None:
        return Decision(reading=None, cut=(0, 0), candidates=_near(parts, ix))
    if old is not None and new is not None:
        if day >= reform_date():
            return _decided(new, parts)
        if not _same_outcome(old, new):
            return Decision(
                reading=old, cut=_cut(old, parts), candidates=old.units + new.units, mixed=True
            )
    if old is not None:
        return _decided(old, parts)
    return _decided(new, parts) if new is not None else Decision(reading=None, cut=(0, 0))


def _decided(reading: _Reading, parts: Sequence[AddressPart]) -> Decision:
    return Decision(reading=reading, cut=_cut(reading, parts), candidates=reading.units)


def _cut(reading: _Reading, parts: Sequence[AddressPart]) -> tuple[int, int]:
    return (len(parts) - reading.used, 0)


def _same_outcome(old: _Reading, new: _Reading) -> bool:
    if len(old.units) != 1 or len(new.units) != 1:
        return False
    return tuple(s.new.code for s in successors(old.units[0].code)) == (new.units[0].code,)


@functools.lru_cache(maxsize=4096)
def _old_provinces(part: AddressPart, ix: Indexes) -> frozenset[str]:
    """Old province codes ``part`` names (directly, by another name, or as the new province)."""
    codes = {u.code for u in ix.old_provinces.find(part)} | set(ix.aliases(part))
    merged_into = {u.code for u in ix.new_provinces.find(part)}
    codes |= {old for old, new in ix.new_province_of.items() if new in merged_into}
    return frozenset(codes)


@functools.lru_cache(maxsize=4096)
def _new_provinces(part: AddressPart, ix: Indexes) -> frozenset[str]:
    """2025 province codes ``part`` names (directly, by another name, or as an old province)."""
    codes = {u.code for u in ix.new_provinces.find(part)} | set(ix.aliases(part))
    codes |= {ix.new_province_of[u.code] for u in ix.old_provinces.find(part)}
    return frozenset(codes)


def _read_old(parts: Sequence[AddressPart], ix: Indexes) -> _Reading | None:
    n = i = len(parts)
    provinces = _old_provinces(parts[-1], ix) if parts else frozenset()
    scope = provinces or None
    if provinces:
        i -= 1
    tries: list[tuple[Units, int]] = []
    if i:
        found = ix.old_districts.find(parts[i - 1], provinces=scope)
        if found:
            tries.append((found, i - 1))
    tries.append(((), i))
    for found, j in tries:
        parents = frozenset(d.code for d in found) if found else None
        if j:
            hits = ix.old_communes.find(parts[j - 1], parents=parents, provinces=scope)
            if hits:
                return _Reading(hits, n - j + 1, bool(found), "old")
        special = tuple(d for d in found if d.code in ix.commune_less)
        if special:
            return _Reading(special, n - j, True, "old")
    return None


def _read_new(parts: Sequence[AddressPart], ix: Indexes) -> _Reading | None:
    n = i = len(parts)
    if not parts:
        return None
    provinces = _new_provinces(parts[-1], ix)
    if provinces:
        i -= 1
    if not i:
        return None
    hits = ix.new_communes.find(parts[i - 1], provinces=provinces or None)
    return _Reading(hits, n - i + 1, False, "new") if hits else None


def _near(parts: Sequence[AddressPart], ix: Indexes) -> Units:
    if not parts:
        return ()
    provinces = _old_provinces(parts[-1], ix)
    tail = parts[:-1] if provinces and len(parts) > 1 else parts
    scope = provinces or None
    found: list[AdministrativeUnit] = []
    district = ix.old_districts.find(tail[-1], provinces=scope) if len(tail) > 1 else ()
    # A district that is not in the data (Quận 2 became Thủ Đức in 2021): look past it.
    written = len(tail) > 1 and bool(tail[-1].kinds & _DISTRICT_KINDS)
    target = tail[-2] if district or written else tail[-1]
    parents = frozenset(d.code for d in district) if district else None
    found.extend(ix.old_communes.near(target, parents=parents, provinces=scope))
    new_scope = frozenset(ix.new_province_of[p] for p in provinces) or None
    found.extend(ix.new_communes.near(target, provinces=new_scope))
    return tuple(dict.fromkeys(found))[:8]


# --- building results ---------------------------------------------------------------------------


def decision_day(day: _dt.date) -> _dt.date:
    """The first day of the period of units ``day`` falls in: every day of a period reads alike.

    Before the reform that is the last day of the old units; from it, the latest date on which a
    2025 unit began or ended. Decisions are cached by this day, not by each record's date.
    """
    if day < reform_date():
        return reform_date() - _dt.timedelta(days=1)
    return max(b for b in _boundaries() if b <= day)


@functools.cache
def _boundaries() -> tuple[_dt.date, ...]:
    found = {reform_date()}
    for u in (*provinces(), *communes()):
        if u.validity.start is not None:
            found.add(u.validity.start)
        if u.validity.end is not None:
            found.add(u.validity.end + _dt.timedelta(days=1))
    return tuple(sorted(found))


def _new_day(day: _dt.date) -> _dt.date:
    return max(day, reform_date())


def _is_new(code: str, day: _dt.date) -> bool:
    try:
        found = unit(code, on=day)
    except (UnknownUnit, LookupError):
        return False
    return not found.legacy


def _conversion(text: str, street: str, reading: _Reading, day: _dt.date) -> Conversion:
    (found,) = reading.units
    if reading.era == "new":
        return _already_new(text, found, street, day)
    return _from_old(text, street, found, day)


@functools.lru_cache(maxsize=16384)
def _old_parts(code: str) -> tuple[OldPlace, tuple[Succession, ...]]:
    return old_place(legacy_unit(code)), successors(code)


def _already_new(source: str, found: AdministrativeUnit, street: str, day: _dt.date) -> Conversion:
    return Conversion(
        source=source,
        street=street,
        status=MigrationStatus.ALREADY_NEW,
        old=None,
        new=(found,),
        successions=(),
        on=day,
    )


def _from_old(source: str, street: str, old: AdministrativeUnit, day: _dt.date) -> Conversion:
    place, successions = _old_parts(old.code)
    status = MigrationStatus.WHOLE if len(successions) == 1 else MigrationStatus.SPLIT
    return Conversion(
        source=source,
        street=street,
        status=status,
        old=place,
        new=tuple(s.new for s in successions),
        successions=successions,
        on=day,
    )


def old_place(old: AdministrativeUnit) -> OldPlace:
    """The old unit with the units above it."""
    if old.level is UnitLevel.PROVINCE:
        return OldPlace(province=old, district=None, commune=None)
    province = legacy_unit(old.province_code)
    if old.level is UnitLevel.DISTRICT:
        return OldPlace(province=province, district=old, commune=None)
    district = legacy_unit(old.parent_code) if old.parent_code else None
    return OldPlace(province=province, district=district, commune=old)


def describe(u: AdministrativeUnit) -> str:
    """``"Phường Tân An (Quận Ninh Kiều, Thành phố Cần Thơ; đến 30/6/2025)"``."""
    if u.legacy:
        place = old_place(u)
        above = ", ".join(x.full_name for x in (place.district, place.province) if x and x is not u)
        return f"{u.full_name} ({above}; trước / before 1/7/2025)" if above else u.full_name
    province = unit(u.province_code) if u.level is not UnitLevel.PROVINCE else None
    above = province.full_name if province else ""
    return f"{u.full_name} ({above}; từ / from 1/7/2025)" if above else u.full_name


def _ambiguous(text: str, found: Units) -> AmbiguousUnitName:
    names = tuple(describe(u) for u in found)
    listed = "; ".join(f"{u.code} {name}" for u, name in zip(found, names, strict=True))
    return AmbiguousUnitName(
        f"Tên đơn vị hành chính trùng (ambiguous address): {text!r} fits {len(found)} units: "
        f"{listed}",
        hint="add the district (quận/huyện) and the province, or pass on= the date the record "
        "was made (from 1/7/2025 an address without a district is read as the new form)",
        text=text,
        candidates=tuple(u.code for u in found),
        candidate_names=names,
    )


def _unknown(text: str, near: Units) -> UnknownUnit:
    names = tuple(describe(u) for u in near)
    hint = "check the commune, district and province names"
    if near:
        hint = "near misses (not taken as the answer): " + "; ".join(
            f"{u.code} {name}" for u, name in zip(near, names, strict=True)
        )
    return UnknownUnit(
        f"{_WHAT}: no administrative unit fits {text!r}",
        hint=hint,
        text=text,
        folded=fold(text),
        suggestions=tuple(u.code for u in near),
        suggestion_names=names,
    )
