"""Reading an address string (địa chỉ) into parts: the kind word, the name key, the street.

Addresses reach a migration in every hand: ``"P. Tân An, Q. Ninh Kiều, TP Cần Thơ"``,
``"54 Nguyễn Văn Cừ, phường An Hòa, quận Ninh Kiều"``, ``"Phuong 1, quan 3, tp.hcm"``. This
module only reads them: it splits the text into comma-separated segments and reads, in each, the
kind word (written out or abbreviated: ``P.``, ``Ph.``, ``Q.``, ``TP``, ``T.``, ``H.``, ``X.``,
``TT.``, ``TX.``) and the name, as two keys:

* ``key``: accent-free and case-free ([`tthc._text.fold`][tthc._text.fold]), with the statistics office's
  spelling variants made one (``Quí``/``Quý``) and numbered wards as digits (``"01"``, ``"I"`` →
  ``"1"``);
* ``tone``: the same with its accents ([`tthc._text.tone_key`][tthc._text.tone_key], so ``Hoà``/``Hòa`` agree),
  used when several units share the accent-free key and the accents decide.

Which unit a segment names is decided in [`tthc.migrate._convert`][tthc.migrate._convert]. The abbreviations and
variants are data (``tthc/data/migrate/address_forms.json``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc._text import fold, nfc, squash_space, tone_key
from tthc.errors import DataFileError
from tthc.units import UnitKind

__all__: list[str] = []  # private module: tthc.migrate re-exports the public names

_FORMS = "migrate/address_forms.json"
_SEPARATORS = re.compile(r"[,;\n|]")
_DASH = re.compile(r"\s+[-–—]\s+")
_COUNTRY_MAX = 12


@attrs.frozen(slots=True)
class AddressForms:
    """The data that says how addresses write units (see ``address_forms.json``).

    Attributes:
        prefixes: Folded kind word or abbreviation → the unit kinds it can name, longest first.
        aliases: Folded other name of a province (``"tphcm"``) → province code.
        syllables: Folded spelling variant → the spelling of the unit lists (``"qui"`` → ``"quy"``).
        tone_syllables: The same with accents (``"quí"`` → ``"quý"``).
        romans: Roman numeral → its value, for numbered wards (``"iv"`` → ``4``).
        country: Folded names of the country, dropped at the end of an address.
        pattern: Regex of the kind words, matched where a word starts in folded text.
    """

    prefixes: tuple[tuple[str, frozenset[UnitKind]], ...]
    aliases: Mapping[str, str]
    syllables: Mapping[str, str]
    tone_syllables: Mapping[str, str]
    romans: Mapping[str, int]
    country: frozenset[str]
    pattern: re.Pattern[str]


@attrs.frozen(slots=True)
class AddressPart:
    """One segment of an address, read.

    Attributes:
        text: The segment as written (NFC, spaces squashed).
        start: Offset of the segment in the normalised address.
        folded: The whole segment folded (accent-free, lower case), kind word included.
        kinds: Unit kinds its kind word can name; empty when it has no kind word.
        key: Accent-free key of the name (variants made one, numbers as digits).
        tone: Accent-sensitive key of the name.
        accented: Whether the name carries accents (only then can the accents decide).
    """

    text: str
    start: int
    folded: str
    kinds: frozenset[UnitKind]
    key: str
    tone: str
    accented: bool


@functools.cache
def forms() -> AddressForms:
    """Return the address forms of the bundled data file (read once)."""
    data: Mapping[str, Any] = bundled_json(_FORMS)
    try:
        members = {
            word: frozenset(UnitKind(k) for k in kinds)
            for word, kinds in data["kind_members"].items()
        }
        prefixes = sorted(
            ((abbr, members[word]) for word, abbrs in data["kinds"].items() for abbr in abbrs),
            key=lambda item: -len(item[0]),
        )
        aliases = {
            alias: code for code, names in data["province_aliases"].items() for alias in names
        }
        romans = {numeral: value for value, numeral in enumerate(data["roman_numerals"], start=1)}
        words = "|".join(re.escape(p) for p, _ in prefixes)
        return AddressForms(
            prefixes=tuple(prefixes),
            aliases=aliases,
            syllables=dict(data["syllables"]),
            tone_syllables=dict(data["tone_syllables"]),
            romans=romans,
            country=frozenset(data["country"]),
            # A kind word ends at a space, a digit or the end; an abbreviation at its dot.
            pattern=re.compile(rf"(?:{words})(?:(?<=\.)|(?=[\s\d]|$))\s*"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {_FORMS} is malformed: {exc!r}", file=_FORMS
        ) from None


def normalize(text: str) -> str:
    """Return ``text`` in NFC with straight apostrophes and single spaces."""
    return squash_space(nfc(text).replace("’", "'").replace("‘", "'"))


def name_key(name: str, *, numbered: bool = True) -> str:
    """Accent-free key of a unit name without its kind word (``"Quí Quân"`` → ``"quy quan"``).

    Args:
        name: The name (``"Tân An"``, ``"01"``, ``"IV"``).
        numbered: Whether a Roman numeral may be a ward number (``"IV"`` → ``"4"``).
    """
    return _folded_key(fold(name), numbered)


def tone_name_key(name: str, *, numbered: bool = True) -> str:
    """Accent-sensitive key of a unit name (``"Hoà"`` and ``"Hòa"``, ``"Quí"`` and ``"Quý"`` agree)."""
    return _toned_key(tone_key(name), numbered)


def _folded_key(folded: str, numbered: bool) -> str:
    return _number(_variants(folded, forms().syllables), numbered)


def _toned_key(toned: str, numbered: bool) -> str:
    # The variants are spelled as written; tone_key then puts every tone mark in one place.
    varied = _variants(toned, forms().tone_syllables)
    return _number(tone_key(varied) if varied != toned else toned, numbered)


def split_parts(text: str, joined: frozenset[str] = frozenset()) -> tuple[tuple[int, str], ...]:
    """Split a normalised address into its segments, the country and a postal code dropped.

    Segments are separated by commas, semicolons or line breaks; a dash between spaces also
    separates them unless the two sides together are a name in ``joined`` (``"Bà Rịa - Vũng
    Tàu"``, ``"Văn Miếu - Quốc Tử Giám"``). Segments are not read here (the street is never
    read): pass the last ones to `read_part`.

    Args:
        text: The address, normalised (`normalize`).
        joined: Accent-free keys of unit names that contain a dash.

    Returns:
        ``(offset, segment)`` pairs, the segment stripped and the offset where it starts.
    """
    spans: list[tuple[int, str]] = []
    offset = 0
    for piece in _SEPARATORS.split(text):
        for start, chunk in _dash_split(piece, offset, joined):
            stripped = chunk.strip(" -")
            if stripped.strip(" ."):
                spans.append((start + len(chunk) - len(chunk.lstrip(" -")), stripped))
        offset += len(piece) + 1
    while spans and len(spans[-1][1]) <= _COUNTRY_MAX and _is_trailer(spans[-1][1]):
        spans.pop()
    return tuple(spans)


def inner_splits(part: AddressPart) -> tuple[AddressPart, ...]:
    """Split one segment at kind words inside it (``"54 Lý Tự Trọng P. An Phú"``).

    Used only when the segments as written name no unit: a kind word in the middle of a street
    name (``"Đường Tỉnh 923"``) must not split it otherwise.
    """
    folded = fold(part.text)
    if len(folded) != len(part.text):
        return (part,)
    cuts = [0]
    for match in re.finditer(r"(?<=\s)\S", folded):
        if forms().pattern.match(folded, match.start()) and _names_follow(folded, match.start()):
            cuts.append(match.start())
    if len(cuts) == 1:
        return (part,)
    cuts.append(len(part.text))
    pieces = [(a, part.text[a:b].strip()) for a, b in itertools.pairwise(cuts)]
    return tuple(read_part(t, part.start + a) for a, t in pieces if t)


@functools.lru_cache(maxsize=65536)
def read_part(segment: str, start: int = 0) -> AddressPart:
    """Read one segment: its kind word and the keys of its name (cached by text)."""
    text = segment.strip(" -")
    folded = fold(text)
    # fold keeps one character per NFC character, so offsets in ``folded`` are offsets in
    # ``text``; if a rare character breaks that, the name is read from the folded text.
    source = text if len(folded) == len(text) else folded
    match = forms().pattern.match(folded)
    kinds: frozenset[UnitKind] = frozenset()
    begin = 0
    if match and match.end() < len(folded):
        kinds = _kinds_of(folded[: match.end()].strip())
        begin = match.end()
    rest = source[begin:]
    begin += len(rest) - len(rest.lstrip(" ."))
    name = rest.strip(" .")
    folded_name = folded[begin : begin + len(name)]
    numbered = not kinds or UnitKind.WARD in kinds
    toned = folded_name if name.isascii() else tone_key(name)  # the same key for ASCII text
    return AddressPart(
        text=text,
        start=start,
        folded=folded,
        kinds=kinds,
        key=_folded_key(folded_name, numbered),
        tone=_toned_key(toned, numbered),
        accented=folded_name != toned,
    )


# --- helpers -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _is_trailer(segment: str) -> bool:
    # The country, or a postal code (mã bưu chính: 5 or 6 digits), after the province.
    compact = segment.replace(" ", "")
    return (compact.isdigit() and len(compact) in (5, 6)) or fold(segment).strip(
        " ."
    ) in forms().country


def _kinds_of(word: str) -> frozenset[UnitKind]:
    table = _prefix_table()
    return table.get(word) or table.get(word.rstrip(".")) or frozenset()


@functools.cache
def _prefix_table() -> dict[str, frozenset[UnitKind]]:
    return dict(forms().prefixes)


def _names_follow(folded: str, at: int) -> bool:
    # A kind word is followed by a name: a word, a number, not the end of the text.
    match = forms().pattern.match(folded, at)
    return match is not None and match.end() < len(folded)


def _variants(key: str, table: Mapping[str, str]) -> str:
    words = key.split(" ")
    return " ".join(table.get(w, w) for w in words)


def _number(key: str, numbered: bool) -> str:
    if key.isdigit():
        return str(int(key))
    if numbered and key in forms().romans:
        return str(forms().romans[key])
    return key


def _dash_split(piece: str, offset: int, joined: frozenset[str]) -> list[tuple[int, str]]:
    cuts = list(_DASH.finditer(piece)) if ("-" in piece or "–" in piece or "—" in piece) else []
    if not cuts:
        return [(offset, piece)]
    chunks: list[tuple[int, str]] = []
    start = 0
    for m in cuts:
        chunks.append((start, piece[start : m.start()]))
        start = m.end()
    chunks.append((start, piece[start:]))
    merged: list[tuple[int, str]] = [chunks[0]]
    for begin, chunk in chunks[1:]:
        first, _prev = merged[-1]
        together = piece[first : begin + len(chunk)]
        if _joined_name(together, joined):
            merged[-1] = (first, together)
        else:
            merged.append((begin, chunk))
    return [(offset + begin, chunk) for begin, chunk in merged]


def _joined_name(text: str, joined: frozenset[str]) -> bool:
    part = read_part(text)
    return bool(joined) and (part.key in joined or part.folded in joined)
