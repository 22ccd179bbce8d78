"""The name indexes an address is matched against: old units (to 30/6/2025) and 2025 units.

Each index maps the accent-free key of a name ([`tthc.migrate._address.name_key`][tthc.migrate._address.name_key]) to every
unit with that name, and keeps the accent-sensitive key of each unit, so that the accents can
decide between ``Tân An`` and ``Tân Ân`` when the text carries them. Built once, from
[`tthc.units`][tthc.units].
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
from collections.abc import Iterable, Mapping

import attrs

from tthc.migrate._address import AddressPart, forms, name_key, tone_name_key
from tthc.units import (
    AdministrativeUnit,
    UnitKind,
    communes,
    districts,
    provinces,
    reform_date,
    successors,
)

__all__: list[str] = []  # private module

Units = tuple[AdministrativeUnit, ...]


@attrs.frozen(slots=True, eq=False)
class NameIndex:
    """Units of one level and era, by the accent-free key of their name.

    Attributes:
        by_key: Accent-free key of a name → every unit with that name, by code.
        tones: Unit code → the accent-sensitive key of its name.
    """

    by_key: Mapping[str, Units]
    tones: Mapping[str, str]

    def find(
        self,
        part: AddressPart,
        *,
        parents: frozenset[str] | None = None,
        provinces: frozenset[str] | None = None,
    ) -> Units:
        """Return the units ``part`` names, within ``parents`` or ``provinces`` when given.

        A kind word in the part must agree with the unit's kind; the accents decide between
        units with the same accent-free name when the part carries accents.
        """
        found = tuple(
            u
            for u in self.by_key.get(part.key, ())
            if (not part.kinds or u.kind in part.kinds)
            and (parents is None or u.parent_code in parents)
            and (provinces is None or u.province_code in provinces)
        )
        return self.narrow(found, part)

    def narrow(self, found: Units, part: AddressPart) -> Units:
        """Keep the units whose accented name equals the part's, when that decides."""
        if len(found) > 1 and part.accented:
            exact = tuple(u for u in found if self.tones[u.code] == part.tone)
            if exact:
                return exact
        return found

    def near(
        self,
        part: AddressPart,
        *,
        parents: frozenset[str] | None = None,
        provinces: frozenset[str] | None = None,
    ) -> Units:
        """Near misses of ``part`` in scope: the same name of another kind, or a close spelling.

        These are suggestions for a person, never answers.
        """
        pool: dict[str, Units] = {}
        for key, units in self.by_key.items():
            kept = tuple(
                u
                for u in units
                if (parents is None or u.parent_code in parents)
                and (provinces is None or u.province_code in provinces)
            )
            if kept:
                pool[key] = kept
        close = difflib.get_close_matches(part.key, list(pool), n=5, cutoff=0.6)
        keys = [part.key] if part.key in pool else []
        keys += [key for key in close if key != part.key]
        return tuple(u for key in keys for u in pool[key])[:8]


@attrs.frozen(slots=True, eq=False)
class Indexes:
    """Every index an address is read with.

    Attributes:
        old_provinces: The 63 provinces to 30/6/2025.
        old_districts: The 696 districts to 30/6/2025.
        old_communes: The 10,035 communes to 30/6/2025.
        new_provinces: The 34 provinces from 1/7/2025.
        new_communes: The 3,321 communes from 1/7/2025.
        commune_less: Codes of the old districts without communes (Côn Đảo, Lý Sơn, ...).
        joined: Accent-free keys of names that contain a dash (``"ba ria - vung tau"``).
        new_province_of: Old province code → the 2025 province it went into.
    """

    old_provinces: NameIndex
    old_districts: NameIndex
    old_communes: NameIndex
    new_provinces: NameIndex
    new_communes: NameIndex
    commune_less: frozenset[str]
    joined: frozenset[str]
    new_province_of: Mapping[str, str]

    def aliases(self, part: AddressPart) -> frozenset[str]:
        """Province codes an other name in ``part`` stands for (``"TP.HCM"`` → 79)."""
        table = forms().aliases
        code = table.get(part.folded) or table.get(part.key)
        return frozenset() if code is None else frozenset({code})


@functools.lru_cache(maxsize=4)
def indexes(on_new: _dt.date) -> Indexes:
    """Return the indexes, the 2025 units being those in force on ``on_new``."""
    before = reform_date() - _dt.timedelta(days=1)
    old_provinces = provinces(on=before)
    old_districts = districts(on=before)
    old_communes = communes(on=before)
    with_communes = {u.parent_code for u in old_communes}
    commune_less = frozenset(d.code for d in old_districts if d.code not in with_communes)
    new_provinces = provinces(on=on_new)
    new_communes = communes(on=on_new)
    every = (*old_provinces, *old_districts, *old_communes, *new_provinces, *new_communes)
    joined = frozenset(name_key(u.name) for u in every if " - " in u.name)
    return Indexes(
        old_provinces=_index(old_provinces),
        old_districts=_index(old_districts),
        old_communes=_index(old_communes),
        new_provinces=_index(new_provinces),
        new_communes=_index(new_communes),
        commune_less=commune_less,
        joined=joined,
        new_province_of={p.code: successors(p.code)[0].new.code for p in old_provinces},
    )


def _index(units: Iterable[AdministrativeUnit]) -> NameIndex:
    by_key: dict[str, list[AdministrativeUnit]] = {}
    tones: dict[str, str] = {}
    for u in units:
        numbered = u.kind is UnitKind.WARD
        by_key.setdefault(name_key(u.name, numbered=numbered), []).append(u)
        tones[u.code] = tone_name_key(u.name, numbered=numbered)
    return NameIndex(by_key={k: tuple(v) for k, v in by_key.items()}, tones=tones)
