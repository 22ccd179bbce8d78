"""The one base class of tthc's bilingual enumerations.

A member is declared with its stable value (what JSON and the national portal see) and its
Vietnamese and English labels, so no enum needs a hand-written side table::

    class Channel(LabelledEnum):
        COUNTER = "counter", "Trực tiếp", "At the counter"
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an annotation only: typing_extensions costs a cold start 3 ms
    from typing_extensions import Self

__all__: list[str] = []  # private module: import LabelledEnum by name


class LabelledEnum(str, enum.Enum):
    """A ``str`` enumeration whose members carry ``name_vi`` and ``name_en`` labels.

    ``str(member)`` and ``f"{member}"`` are the stable value (like ``enum.StrEnum``), so a
    member equals, prints and serialises as its value; show people `name_vi` or
    `label`.
    """

    name_vi: str
    name_en: str

    def __new__(cls, value: str, name_vi: str = "", name_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.name_vi = name_vi or value
        member.name_en = name_en or value
        return member

    def __str__(self) -> str:
        """The stable value, as ``enum.StrEnum`` gives it: ``str(Channel.COUNTER) == "counter"``.

        Text for people uses `name_vi` (Vietnamese) or `label` (both languages).
        """
        return str(self.value)

    def __format__(self, spec: str) -> str:
        # the value in f-strings on every Python version (3.12 changed the mixin default)
        return format(str(self.value), spec)

    @property
    def label(self) -> str:
        """``"Trực tiếp (at the counter)"``: the Vietnamese label with the English one."""
        return f"{self.name_vi} ({self.name_en.lower()})"
