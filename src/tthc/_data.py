"""The one reader of data files: the files bundled in ``tthc/data`` and the files users pass.

Every loader in the package goes through here, so that every file is held to the same rules:

- user files must be regular files (a FIFO or a device would block or never end) no larger than
  one size cap, [`MAX_FILE_BYTES`][tthc.staffing.MAX_FILE_BYTES];
- text is UTF-8, a leading byte-order mark is accepted and dropped;
- JSON objects with a duplicate key are refused (``json`` would silently keep the last one),
  as are integers of more than `MAX_INT_DIGITS` digits (whatever the process's own
  limit), ``NaN``/``Infinity`` (not JSON) and nesting too deep to walk;
- every failure is one [`DataFileError`][tthc.errors.DataFileError] (or the subclass the caller names)
  with the file's name and, where known, the line.
"""

from __future__ import annotations

import codecs
import functools
import io
import itertools
import json
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from typing import IO, Any

from tthc.errors import DataFileError, InputTypeError, TthcError

__all__: list[str] = []  # private module: import the names directly

MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest file tthc reads (256 MiB): a national year of daily counts is about 25 MB."""

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]
"""What a reader of user files accepts: a path, or a file opened in text or binary mode."""

_DEFAULT_WHAT = "Tệp dữ liệu (data file)"

_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


MAX_INT_DIGITS = 4300
"""The longest integer a JSON file may hold (Python's own default limit, kept even when a
program lifts it: ``sys.set_int_max_str_digits(0)``)."""


class _LongInteger(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


class _Constant(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _bounded_int(text: str) -> int:
    digits = len(text) - text.startswith("-")
    if digits > MAX_INT_DIGITS:
        raise _LongInteger(digits)
    return int(text)


def _no_constant(name: str) -> Any:
    raise _Constant(name)


def _json_hooks() -> dict[str, Any]:
    """``json.loads`` keywords: the integer hook only when Python's own limit is lifted."""
    limit = sys.get_int_max_str_digits()
    return _hooks(limit == 0 or limit > MAX_INT_DIGITS)


def _hooks(bounded_ints: bool) -> dict[str, Any]:
    hooks: dict[str, Any] = {"object_pairs_hook": _no_duplicates, "parse_constant": _no_constant}
    if bounded_ints:
        hooks["parse_int"] = _bounded_int
    return hooks


@functools.cache
def _decoder(bounded_ints: bool) -> json.JSONDecoder:
    """Return the decoder ``json.loads(text, **_json_hooks())`` builds, built once.

    It holds no state between documents; ``json.loads`` with hooks builds one per call (2.5 µs
    of a stored dossier's reading).
    """
    return json.JSONDecoder(**_hooks(bounded_ints))


def _loads(text: str | bytes) -> Any:
    """``json.loads(text, **_json_hooks())``; text without its byte-order mark."""
    if not isinstance(text, str):  # bytes: json.loads finds their encoding
        return json.loads(text, **_json_hooks())
    limit = sys.get_int_max_str_digits()
    return _decoder(limit == 0 or limit > MAX_INT_DIGITS).decode(text)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # the common case costs one dict build and one comparison
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def parse_json(
    text: str | bytes,
    name: str | None,
    error: type[TthcError] = DataFileError,
    *,
    what: str = _DEFAULT_WHAT,
    line_key: str | None = "row",
    deep: Mapping[str, object] | None = None,
    hint: str | None = None,
    **context: object,
) -> Any:
    """Parse JSON text, turning every way it can be unreadable into one ``error``.

    Args:
        text: The JSON document (``bytes`` are decoded as ``json.loads`` does; a BOM is dropped).
        name: The file's name, put after ``what`` in the message and given as
            ``context['file']``; ``None`` for text that does not come from a named file.
        error: The class raised (``DataFileError``, ``CatalogError``, ``SerializationError``...).
        what: The Vietnamese term (English meaning) the message starts with.
        line_key: The context key of a syntax error's line (``None``: no key).
        deep: Context added when the nesting is too deep (default ``{"path": "$"}``).
        hint: What to do about a syntax or encoding error.
        **context: Context given with every error.

    Returns:
        The parsed value.

    Raises:
        TthcError: Of class ``error``: bad syntax, bytes that are not UTF-8 text, a duplicate
            key (``context['key']``), an integer of more than `MAX_INT_DIGITS` digits,
            ``NaN`` or ``Infinity`` (not JSON), nesting too deep.
    """
    label = what if name is None else f"{what} {name}"
    where: dict[str, object] = {} if name is None else {"file": name}
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
    elif text.startswith(b"\xef\xbb\xbf"):
        text = text[3:]
    try:
        return _loads(text)
    except json.JSONDecodeError as exc:
        line = {} if line_key is None else {line_key: exc.lineno}
        raise error(
            f"{label} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            hint=hint,
            **{**where, **line, **context},
        ) from None
    except UnicodeDecodeError as exc:
        raise error(
            f"{label} is not valid JSON: its bytes are not {exc.encoding} text "
            f"({exc.reason} at byte {exc.start})",
            hint=hint,
            **{**where, **context},
        ) from None
    except _DuplicateKey as exc:
        raise error(
            f"{label} has the key {exc.key!r} twice in one object; JSON readers disagree on "
            "which one counts, so the file is refused",
            hint="keep one value for each key",
            **{**where, "key": exc.key, **context},
        ) from None
    except RecursionError:
        raise error(
            f"{label} is nested too deeply to be read (JSON nesting beyond Python's recursion "
            "limit)",
            hint=None,
            **{**where, **({"path": "$"} if deep is None else deep), **context},
        ) from None
    except (ValueError, _LongInteger, _Constant) as exc:  # ValueError: Python's digit limit
        raise error(
            _number_refusal(label, exc), hint=_NUMBER_HINT, **{**where, **context}
        ) from None


_NUMBER_HINT = "numbers in tthc files are short and finite: check the file is the one you meant"


def _number_refusal(label: str, exc: Exception) -> str:
    if isinstance(exc, _Constant):
        return f"{label} holds {exc.name}, which is not a JSON number"
    digits = f"{exc.digits:,} digits" if isinstance(exc, _LongInteger) else "more digits"
    return (
        f"{label} holds a number too long to read (an integer of {digits}; at most "
        f"{MAX_INT_DIGITS:,} are read)"
    )


def bundled_text(relpath: str) -> str:
    """Return the text of a file bundled under ``tthc/data`` (``"units/meta.json"``).

    Raises:
        DataFileError: The file is missing from the installation or is not UTF-8 text.
    """
    try:
        raw = _bundled_bytes(relpath)
    except OSError as exc:
        raise DataFileError(
            f"{_DEFAULT_WHAT} {relpath} is missing from the tthc installation ({exc})",
            hint="reinstall tthc: the wheel ships every bundled data file",
            file=relpath,
        ) from None
    return _decode(raw, relpath)


def _bundled_bytes(relpath: str) -> bytes:
    # An installed or editable tthc has its data beside this module: reading it directly spares
    # a cold start the import of importlib.resources' readers (about 20 ms, issue 20 item 5).
    # A zipped tthc has no such directory and goes through importlib.resources.
    if os.path.isdir(_DATA_DIR):
        with open(os.path.join(_DATA_DIR, relpath), "rb") as stream:
            return stream.read()
    from importlib import resources  # noqa: PLC0415 - only for a zipped installation

    return resources.files("tthc").joinpath("data").joinpath(relpath).read_bytes()


def bundled_json(relpath: str, error: type[TthcError] = DataFileError) -> Any:
    """Parse a JSON file bundled under ``tthc/data`` (duplicate keys refused)."""
    return parse_json(bundled_text(relpath), relpath, error)


def bundled_csv(relpath: str) -> list[dict[str, str]]:
    """Return the rows of a CSV file bundled under ``tthc/data`` as dicts keyed by header."""
    return parse_csv(bundled_text(relpath), relpath)


def parse_csv(text: str, name: str) -> list[dict[str, str]]:
    """Return the rows of CSV ``text`` as dicts keyed by its header (a short row is refused)."""
    import csv  # noqa: PLC0415 - the first calendar reads no CSV through here (issue 20, item 5)

    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise DataFileError(
            f"{_DEFAULT_WHAT} {name} is not valid CSV: {exc} (line {reader.line_num})",
            file=name,
            row=reader.line_num,
        ) from None
    for index, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            raise DataFileError(
                f"{_DEFAULT_WHAT} {name}: row {index} does not have one value per column",
                hint="check the separators and the quotes of that row",
                file=name,
                row=index,
            )
    return rows


def read_source(
    source: PathOrFile, *, what: str = _DEFAULT_WHAT, max_bytes: int = MAX_FILE_BYTES
) -> tuple[str, str]:
    """Return ``(text, name)`` of a user's file or open stream.

    Args:
        source: A path (``str`` or ``os.PathLike``) or a file opened in text or binary mode.
        what: The Vietnamese term (English meaning) that starts every message.
        max_bytes: The size cap (default [`MAX_FILE_BYTES`][tthc.staffing.MAX_FILE_BYTES]).

    Raises:
        InputTypeError: ``source`` is neither a path nor a readable file; ``max_bytes`` is not
            a positive integer.
        DataFileError: The path is not a regular file, cannot be read, is larger than the cap,
            or is not UTF-8 text.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise InputTypeError(
            "Kích thước (size): max_bytes must be a positive integer", argument="max_bytes"
        )
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        raw: bytes | str = _read_regular_file(name, what, max_bytes)
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        raw = source.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise _too_big(name, what, max_bytes)
    else:
        raise InputTypeError(
            f"{what}: pass a path or an open file, got {type(source).__name__}",
            argument="source",
            got=type(source).__name__,
        )
    if isinstance(raw, bytes):
        return _decode(raw, name, what), name
    return raw.removeprefix("\ufeff"), name


def read_json(
    source: PathOrFile,
    *,
    what: str = _DEFAULT_WHAT,
    error: type[TthcError] = DataFileError,
    max_bytes: int = MAX_FILE_BYTES,
) -> tuple[Any, str]:
    """Return ``(value, name)`` of a user's JSON file, read under `read_source`'s rules."""
    text, name = read_source(source, what=what, max_bytes=max_bytes)
    return parse_json(text, name, error, what=what), name


def read_csv(
    source: PathOrFile, *, what: str = _DEFAULT_WHAT, max_bytes: int = MAX_FILE_BYTES
) -> tuple[list[dict[str, str]], str]:
    """Return ``(rows, name)`` of a user's CSV file, read under `read_source`'s rules."""
    text, name = read_source(source, what=what, max_bytes=max_bytes)
    return parse_csv(text, name), name


def _read_regular_file(name: str, what: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise DataFileError(
                f"{what} {name} is not a regular file (a directory, pipe or device cannot be "
                "read as data)",
                hint="pass the path of a file saved on disk",
                file=name,
            )
        if info.st_size > max_bytes:
            raise _too_big(name, what, max_bytes)
        with open(name, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as err:
        raise DataFileError(
            f"{what} {name} cannot be read: {err.strerror or err}", file=name
        ) from None
    if len(raw) > max_bytes:
        raise _too_big(name, what, max_bytes)
    return raw


def _decode(raw: bytes, name: str, what: str = _DEFAULT_WHAT) -> str:
    try:
        # The "utf-8-sig" codec, spelt out: that codec's module costs a cold start 0.2 ms. One
        # leading byte-order mark is dropped and offsets count from after it, as with the codec.
        return (raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw).decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataFileError(
            f"{what} {name} is not UTF-8 text (byte {err.start})",
            hint="save the file as UTF-8",
            file=name,
        ) from None


def _too_big(name: str, what: str, max_bytes: int) -> DataFileError:
    return DataFileError(
        f"{what} {name} is larger than {max_bytes:,} bytes",
        hint="split the file, or pass a larger max_bytes",
        file=name,
        max_bytes=max_bytes,
    )


# --- streaming: a user's file line by line, under the same rules -----------------------------------
#
# Reading a user's file line by line, under the rules of [`tthc._data.read_source`][tthc._data.read_source].
#
# [`tthc._data.read_source`][tthc._data.read_source] holds the whole text in memory, which is right for effort tables
# and JSON but not for a national year of daily counts (about 1.2 million rows). `lines`
# applies the same rules while streaming:
#
# - a path must be a regular file no larger than ``max_bytes`` (checked before reading, and again
#   while reading, in case the file grows); an open file (text or binary) is refused once more
#   than ``max_bytes`` bytes (characters for a text stream) have been read from it;
# - text is UTF-8; one leading byte-order mark is dropped; an invalid byte is reported with its
#   offset, counted as [`tthc._data.read_source`][tthc._data.read_source] counts it (after the byte-order mark);
# - lines are split exactly as ``io.StringIO(text, newline="")`` splits them (``\n``, ``\r\n``
#   or a lone ``\r``), so that ``csv.reader`` numbers rows as it did on the whole text.
#
# At most one chunk (`CHUNK` bytes) and one line are held at a time, so the memory used does
# not grow with the file: the size cap still bounds how long a caller may be kept reading, with
# the same limit and the same message as every other reader of the package.

CHUNK = 1 << 16
"""Bytes (or characters) read at a time: 64 KiB (decoded and split, a few times that in memory)."""

_BOM = b"\xef\xbb\xbf"


def stream_lines(
    source: PathOrFile, *, what: str = _DEFAULT_WHAT, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Iterator[str], str]:
    """Return ``(lines, name)`` of a user's file or open stream, read lazily.

    The path's checks (type, regular file, size) run now; the file is opened at the first line
    and closed when the lines are exhausted (or the iterator is closed).

    Raises:
        InputTypeError: ``source`` is neither a path nor a readable file; ``max_bytes`` is not
            a positive integer.
        DataFileError: The path is not a regular file, cannot be read or is larger than the
            cap; while iterating: the file grew beyond the cap or is not UTF-8 text.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise InputTypeError(
            "Kích thước (size): max_bytes must be a positive integer", argument="max_bytes"
        )
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        _check_regular_file(name, what, max_bytes)
        return _split(_path_chunks(name, what, max_bytes), name, what), name
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        return _split(_stream_chunks(source, name, what, max_bytes), name, what), name
    raise InputTypeError(
        f"{what}: pass a path or an open file, got {type(source).__name__}",
        argument="source",
        got=type(source).__name__,
    )


def _check_regular_file(name: str, what: str, max_bytes: int) -> None:
    try:
        info = os.stat(name)
    except OSError as err:
        raise _unreadable(name, what, err) from None
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError(
            f"{what} {name} is not a regular file (a directory, pipe or device cannot be "
            "read as data)",
            hint="pass the path of a file saved on disk",
            file=name,
        )
    if info.st_size > max_bytes:
        raise too_big(name, what, max_bytes)


def _path_chunks(name: str, what: str, max_bytes: int) -> Iterator[str | bytes]:
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed by the finally below
    except OSError as err:
        raise _unreadable(name, what, err) from None
    try:
        yield from _stream_chunks(handle, name, what, max_bytes)
    finally:
        handle.close()


def _stream_chunks(
    handle: IO[str] | IO[bytes], name: str, what: str, max_bytes: int
) -> Iterator[str | bytes]:
    total = 0
    while True:
        try:
            chunk = handle.read(CHUNK)
        except OSError as err:
            raise _unreadable(name, what, err) from None
        if not chunk:
            return
        total += len(chunk)
        if total > max_bytes:
            raise too_big(name, what, max_bytes)
        yield chunk


def _split(chunks: Iterator[str | bytes], name: str, what: str) -> Iterator[str]:
    """Decode the chunks and yield lines, keeping a line cut by a chunk's end for the next."""
    return itertools.chain.from_iterable(_blocks(_decoded(chunks, name, what)))


def _blocks(texts: Iterator[str]) -> Iterator[io.StringIO]:
    r"""Whole lines, one block per chunk: each block ends after a complete line end.

    A chunk is cut after its last ``\n``, or after its last ``\r`` when a character follows it
    (a final ``\r`` may be the first half of a ``\r\n``); the rest starts the next block. The
    lines are split by ``io.StringIO(newline="")`` in C, as they were on the whole text.
    """
    pending = ""
    for text in texts:
        cut = max(text.rfind("\n"), text.rfind("\r", 0, len(text) - 1)) + 1
        if cut:
            yield io.StringIO(pending + text[:cut], newline="")
            pending = text[cut:]
        else:
            pending += text
    if pending:
        yield io.StringIO(pending, newline="")


def _decoded(chunks: Iterator[str | bytes], name: str, what: str) -> Iterator[str]:
    head = b""
    offset = 0  # bytes decoded so far, after the byte-order mark
    first = True
    for chunk in chunks:
        if isinstance(chunk, str):  # a text stream: nothing to decode
            yield chunk.removeprefix("\ufeff") if first else chunk
            first = False
            continue
        data = head + chunk
        if first:
            if len(data) < len(_BOM) and _BOM.startswith(data):
                head = data  # too short to tell: wait for more bytes
                continue
            data = data.removeprefix(_BOM)
            first = False
        try:
            text, used = codecs.utf_8_decode(data, "strict", False)
        except UnicodeDecodeError as err:
            raise not_utf8(name, what, offset + err.start) from None
        head, offset = data[used:], offset + used
        yield text
    if head:  # bytes left over: an incomplete character at the end, or a lone short file
        data = head.removeprefix(_BOM) if first else head
        try:
            yield codecs.utf_8_decode(data, "strict", True)[0]
        except UnicodeDecodeError as err:
            raise not_utf8(name, what, offset + err.start) from None


def not_utf8(name: str, what: str, offset: int) -> DataFileError:
    """The error of a file whose bytes are not UTF-8 (same text as [`tthc._data`][tthc._data])."""
    return DataFileError(
        f"{what} {name} is not UTF-8 text (byte {offset})",
        hint="save the file as UTF-8",
        file=name,
    )


def too_big(name: str, what: str, max_bytes: int) -> DataFileError:
    """The error of a file above the cap (same text as [`tthc._data`][tthc._data])."""
    return DataFileError(
        f"{what} {name} is larger than {max_bytes:,} bytes",
        hint="split the file, or pass a larger max_bytes",
        file=name,
        max_bytes=max_bytes,
    )


def _unreadable(name: str, what: str, err: OSError) -> DataFileError:
    return DataFileError(f"{what} {name} cannot be read: {err.strerror or err}", file=name)
