"""The one base class of tthc's bilingual enumerations.

A member is declared with its stable value (what JSON and the national portal see) and its
Vietnamese and English labels, so no enum needs a hand-written side table::

    class Channel(LabelledEnum):
        COUNTER = "counter", "Trực tiếp", "At the counter"
"""

from __future__ import annotations

import enum

from typing_extensions import Self

__all__: list[str] = []  # private module: import LabelledEnum by name


class LabelledEnum(str, enum.Enum):
    """A ``str`` enumeration whose members carry ``name_vi`` and ``name_en`` labels."""

    name_vi: str
    name_en: str

    def __new__(cls, value: str, name_vi: str = "", name_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.name_vi = name_vi or value
        member.name_en = name_en or value
        return member

    @property
    def label(self) -> str:
        """``"Trực tiếp (at the counter)"``: the Vietnamese label with the English one."""
        return f"{self.name_vi} ({self.name_en.lower()})"
