"""Private: [`Catalog`][tthc.procedures.Catalog], the collection of procedures with lookups and a ranked search.

The bundled catalogue joins two sources: the curated records of ``data/procedures.json`` (checked
by hand, linked to the competence table) and the national portal snapshot
(``data/procedures_national.json``, 2,642 records). Where a code is in both, [`Catalog.get`][tthc.procedures.Catalog.get]
returns the curated record — it carries the competence key, the authority kind and the prose
checked against the law — and [`Catalog.sources`][tthc.procedures.Catalog.sources] returns both. National records are built
on first use (their processing times are read then), so loading stays fast.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from tthc._text import fold
from tthc.errors import CatalogError, InputTypeError, UnknownProcedure
from tthc.procedures._model import Procedure
from tthc.procedures._national import (
    NationalEntry,
    folded_names,
    national_data,
    national_procedure,
)

__all__ = ["Catalog", "with_national"]


class Catalog:
    """An immutable collection of procedures with lookups by code, name, field, level, body."""

    __slots__ = ("_by_code", "_data_version", "_extra", "_national", "_source")

    def __init__(
        self, procedures: Sequence[Procedure], *, data_version: str = "", source: str = ""
    ) -> None:
        by_code: dict[str, Procedure] = {}
        for index, proc in enumerate(procedures):
            if not isinstance(proc, Procedure):
                raise InputTypeError(
                    f"Thủ tục (procedure) #{index} must be a Procedure, got {type(proc).__name__}",
                    argument="procedures",
                    got=type(proc).__name__,
                )
            if proc.code in by_code:
                raise CatalogError(
                    f"Danh mục thủ tục (procedure catalogue): code {proc.code!r} appears twice",
                    hint="each procedure code must be unique",
                    index=index,
                    code=proc.code,
                    field="code",
                )
            by_code[proc.code] = proc
        self._by_code: Mapping[str, Procedure] = by_code
        self._data_version = data_version
        self._source = source
        self._national: Mapping[str, NationalEntry] = {}
        self._extra: tuple[str, ...] = ()

    @property
    def data_version(self) -> str:
        """Version of the catalogue data (empty for user catalogues without one)."""
        return self._data_version

    @property
    def source(self) -> str:
        """Where the catalogue was read from."""
        return self._source

    def __len__(self) -> int:
        return len(self._by_code) + len(self._extra)

    def __iter__(self) -> Iterator[Procedure]:
        yield from self._by_code.values()
        for code in self._extra:
            yield national_procedure(code)

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        key = code.strip()
        return key in self._by_code or key in self._national

    def __getitem__(self, code: str) -> Procedure:
        return self.get(code)

    def __repr__(self) -> str:
        return f"Catalog({len(self)} procedures, data_version={self._data_version!r})"

    def codes(self) -> tuple[str, ...]:
        """Every procedure code, curated records first, without building any record."""
        return (*self._by_code, *self._extra)

    def get(self, code: str) -> Procedure:
        """Return the procedure with this code (the curated record where both sources have it).

        Raises:
            InputTypeError: ``code`` is not a string.
            UnknownProcedure: no procedure has this code; the hint names close codes or names.
        """
        key = _code(code)
        found = self._by_code.get(key)
        if found is not None:
            return found
        if key in self._national:
            return national_procedure(key)
        raise self._unknown(code)

    def sources(self, code: str) -> tuple[Procedure, ...]:
        """Return every record of a code: the curated one first, then the national snapshot's.

        Raises:
            InputTypeError: ``code`` is not a string.
            UnknownProcedure: no procedure has this code.
        """
        key = _code(code)
        found = [self._by_code[key]] if key in self._by_code else []
        if key in self._national:
            found.append(national_procedure(key))
        if not found:
            raise self._unknown(code)
        return tuple(found)

    def _unknown(self, code: str) -> UnknownProcedure:
        key = code.strip()
        close = difflib.get_close_matches(key, list(self.codes()), n=3, cutoff=0.6)
        by_name = self.search(code, limit=3) if not close else ()
        if close:
            hint = "did you mean " + ", ".join(close) + "?"
        elif by_name:
            hint = "a name matched: " + ", ".join(p.code for p in by_name[:3])
        else:
            hint = "national codes look like '1.001193'; use Catalog.search(name) to find one"
        return UnknownProcedure(
            f"Thủ tục hành chính (procedure): no procedure with code {code!r} in the catalogue",
            hint=hint,
            code=code,
        )

    def search(
        self,
        text: str = "",
        *,
        field: str | None = None,
        level: str | None = None,
        publisher: str | None = None,
        limit: int | None = None,
    ) -> tuple[Procedure, ...]:
        """Return the procedures matching ``text`` and the filters, best first.

        ``text`` matches a name when every word of it is a word of the name, ignoring accents and
        case; a text that looks like a code ("1.0011") matches the codes that start with it.
        Names that hold the words as one phrase come first, then those that start with it, then
        shorter names. ``field`` (lĩnh vực), ``level`` ("cấp xã", "xã") and ``publisher``
        (publishing body: "bo-tu-phap" or "Bộ Tư pháp") filter, ignoring accents and case.

        Raises:
            InputTypeError: an argument is not a string (``limit``: not an int).
        """
        words = _words(fold(_string(text, "text")))
        filters = _filters(field, level, publisher)
        if not words and not any(filters):
            return ()
        ranked: list[tuple[tuple[int, int, int, str], str]] = []
        for code, name, meta in self._rows():
            if not _passes(meta, filters):
                continue
            score = _score(code, name, words)
            if score is not None:
                ranked.append((score, code))
        ranked.sort()
        chosen = ranked if limit is None else ranked[: _limit(limit)]
        return tuple(self.get(code) for _, code in chosen)

    def by_field(self, field: str) -> tuple[Procedure, ...]:
        """Return the procedures of a field (lĩnh vực), ignoring accents and case."""
        wanted = fold(_string(field, "field"))
        codes = [code for code, _, meta in self._rows() if fold(meta[0]) == wanted]
        return tuple(self.get(code) for code in codes)

    def fields(self) -> tuple[str, ...]:
        """Return the fields present, sorted."""
        return tuple(sorted({meta[0] for _, _, meta in self._rows() if meta[0]}))

    def fields_by_code(self) -> Mapping[str, str]:
        """Return the field of every procedure that has one, by code, without building records."""
        return {code: meta[0] for code, _, meta in self._rows() if meta[0]}

    def field_counts(self) -> Mapping[str, int]:
        """Return how many procedures each field has, fields sorted."""
        counts = Counter(meta[0] for _, _, meta in self._rows() if meta[0])
        return {name: counts[name] for name in sorted(counts)}

    def _rows(self) -> Iterator[tuple[str, str, tuple[str, tuple[str, ...], str]]]:
        """``(code, folded name, (field, levels, publisher))`` of every record, none built."""
        for code, proc in self._by_code.items():
            extra = self._national.get(code)
            publisher = extra.publisher if extra is not None else proc.publisher
            yield code, fold(proc.name_vi), (proc.field, proc.levels, publisher)
        folded = folded_names() if self._extra else {}
        for code in self._extra:
            entry = self._national[code]
            yield code, folded[code], (entry.field, entry.levels, entry.publisher)


def with_national(catalog: Catalog) -> Catalog:
    """Return ``catalog`` joined with the national snapshot (curated records win on get)."""
    data = national_data()
    catalog._national = data.entries  # built here, immutable afterwards
    catalog._extra = tuple(c for c in data.entries if c not in catalog._by_code)
    return catalog


def _code(code: object) -> str:
    if not isinstance(code, str):
        raise InputTypeError(
            f"Mã thủ tục (procedure code) must be a string, got {type(code).__name__}",
            argument="code",
            got=type(code).__name__,
        )
    return code.strip()


def _string(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise InputTypeError(
            f"Tên thủ tục (procedure name) must be a string, got {type(value).__name__}",
            argument=argument,
            got=type(value).__name__,
        )
    return value


def _limit(limit: object) -> int:
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise InputTypeError(
            f"Giới hạn (limit) must be a non-negative int, got {limit!r}", argument="limit"
        )
    return limit


def _filters(
    field: str | None, level: str | None, publisher: str | None
) -> tuple[str | None, str | None, str | None]:
    folded = [
        None if v is None else fold(_string(v, name))
        for v, name in (
            (field, "field"),
            (level, "level"),
            (publisher, "publisher"),
        )
    ]
    if folded[1] is not None and not folded[1].startswith("cap "):
        folded[1] = "cap " + folded[1]
    return folded[0], folded[1], folded[2]


def _passes(
    meta: tuple[str, tuple[str, ...], str], filters: tuple[str | None, str | None, str | None]
) -> bool:
    field, level, publisher = filters
    if field is not None and fold(meta[0]) != field:
        return False
    if level is not None and level not in {fold(v) for v in meta[1]}:
        return False
    if publisher is None:
        return True
    return publisher in (fold(meta[2]), fold(_publisher_name(meta[2])))


def _publisher_name(slug: str) -> str:
    from tthc.procedures._national import PUBLISHERS  # noqa: PLC0415 - a small table

    return PUBLISHERS.get(slug, slug)


#: A word of a name or a query: letters and digits, with the dots and slashes inside codes and
#: document numbers ("1.001193", "60/2014"); punctuation around words is not part of them
#: ("thay đổi, cải chính" holds "cai" and "chinh").
_WORD = re.compile(r"\w+(?:[./]\w+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _score(code: str, name: str, words: list[str]) -> tuple[int, int, int, str] | None:
    if not words:
        return (0, 0, 0, code)
    if len(words) == 1 and words[0][:1].isdigit():
        return (0, 0, len(code), code) if code.startswith(words[0]) else None
    name_words = _words(name)
    present = set(name_words)
    if not all(w in present for w in words):
        return None
    phrase = " ".join(words)
    padded = " " + " ".join(name_words) + " "
    together = 0 if f" {phrase} " in padded else 1
    first = 0 if padded.startswith((f" {phrase} ", f" thu tuc {phrase} ")) else 1
    return (together, first, len(name_words), code)
