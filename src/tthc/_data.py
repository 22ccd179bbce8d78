"""The one reader of data files: the files bundled in ``tthc/data`` and the files users pass.

Every loader in the package goes through here, so that every file is held to the same rules:

- user files must be regular files (a FIFO or a device would block or never end) no larger than
  one size cap, :data:`MAX_FILE_BYTES`;
- text is UTF-8, a leading byte-order mark is accepted and dropped;
- JSON objects with a duplicate key are refused (``json`` would silently keep the last one),
  as are integers too long to convert and nesting too deep to walk;
- every failure is one :class:`~tthc.errors.DataFileError` (or the subclass the caller names)
  with the file's name and, where known, the line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Mapping
from importlib import resources
from typing import IO, Any

from tthc.errors import DataFileError, InputTypeError, TthcError

__all__: list[str] = []  # private module: import the names directly

MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest file tthc reads (256 MiB): a national year of daily counts is about 25 MB."""

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]
"""What a reader of user files accepts: a path, or a file opened in text or binary mode."""

_DEFAULT_WHAT = "Tệp dữ liệu (data file)"


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
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
        line_key: The context key that carries the line of a syntax error (``None``: no key).
        deep: Context given, besides ``context``, when the nesting is too deep
            (default ``{"path": "$"}``).
        hint: What to do about a syntax or encoding error.
        **context: Context given with every error.

    Returns:
        The parsed value.

    Raises:
        TthcError: Of class ``error``: bad syntax, bytes that are not UTF-8 text, a duplicate
            key (``context['key']``), an integer too long to convert, nesting too deep.
    """
    label = what if name is None else f"{what} {name}"
    where: dict[str, object] = {} if name is None else {"file": name}
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
    elif text.startswith(b"\xef\xbb\xbf"):
        text = text[3:]
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
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
    except ValueError as exc:  # an integer beyond sys.get_int_max_str_digits()
        raise error(
            f"{label} holds a number too long to read ({exc})",
            hint="numbers in tthc files are short: check the file is the one you meant",
            **{**where, **context},
        ) from None


def bundled_text(relpath: str) -> str:
    """Return the text of a file bundled under ``tthc/data`` (``"units/meta.json"``).

    Raises:
        DataFileError: The file is missing from the installation or is not UTF-8 text.
    """
    try:
        raw = resources.files("tthc").joinpath("data").joinpath(relpath).read_bytes()
    except OSError as exc:
        raise DataFileError(
            f"{_DEFAULT_WHAT} {relpath} is missing from the tthc installation ({exc})",
            hint="reinstall tthc: the wheel ships every bundled data file",
            file=relpath,
        ) from None
    return _decode(raw, relpath)


def bundled_json(relpath: str, error: type[TthcError] = DataFileError) -> Any:
    """Parse a JSON file bundled under ``tthc/data`` (duplicate keys refused)."""
    return parse_json(bundled_text(relpath), relpath, error)


def bundled_csv(relpath: str) -> list[dict[str, str]]:
    """Return the rows of a CSV file bundled under ``tthc/data`` as dicts keyed by header."""
    return parse_csv(bundled_text(relpath), relpath)


def parse_csv(text: str, name: str) -> list[dict[str, str]]:
    """Return the rows of CSV ``text`` as dicts keyed by its header (a short row is refused)."""
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
        max_bytes: The size cap (default :data:`MAX_FILE_BYTES`).

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
    """Return ``(value, name)`` of a user's JSON file, read under :func:`read_source`'s rules."""
    text, name = read_source(source, what=what, max_bytes=max_bytes)
    return parse_json(text, name, error, what=what), name


def read_csv(
    source: PathOrFile, *, what: str = _DEFAULT_WHAT, max_bytes: int = MAX_FILE_BYTES
) -> tuple[list[dict[str, str]], str]:
    """Return ``(rows, name)`` of a user's CSV file, read under :func:`read_source`'s rules."""
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
        return raw.decode("utf-8-sig")
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
