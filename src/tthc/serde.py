"""JSON persistence for every tthc model, through one cattrs converter.

[`to_json`][tthc.serde.to_json] writes an object as a JSON object with a ``schema_version`` field first;
[`from_json`][tthc.serde.from_json] reads it back into the class you name, and is strict: an unknown field, a
missing field, a value of the wrong JSON type, a naive datetime, a bad enum value or a corrupted
document raise [`SerializationError`][tthc.errors.SerializationError] whose ``context['path']`` says where
(``"$.events[3].at"``). Nothing is evaluated or unpickled.

Encodings: dates ``"2026-03-09"``; aware datetimes ISO 8601 with their offset
(``"2026-03-09T09:15:00+07:00"``, read back in ``VN_TZ`` when the offset is Vietnam's +07:00,
as a fixed offset otherwise); times ``"07:30:00"``;
``Decimal`` as a string (``"1.5"``, exact); enums by value; time spans as seconds in a string
(``"5400.5"``); ``ProcessingTime | Duration`` fields tagged with ``"type"``. A calendar is
written as the registered calendar it derives from and the days it changes, with their legal
references ([`tthc.calendar`][tthc.calendar]); a dossier's calendar is written when it has one (none means
the national calendar). A stored processing time is read again from its source text and must
match it field by field.

A round trip is exact: ``from_json(to_json(x), type(x)) == x``. A document with a key given
twice in one object is refused (JSON readers disagree on which value counts).

There is one converter ([`converter`][tthc.serde.converter]); the model packages register their own hooks on it
([`register_hooks`][tthc.serde.register_hooks]), so this module imports none of them.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import math
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from tthc._data import parse_json
from tthc._time import read_instant
from tthc.errors import InputTypeError, SerializationError, TthcError

if TYPE_CHECKING:  # cattrs is imported when the converter is first built
    import cattrs

    Hooks = Callable[[cattrs.Converter], None]
    """A model module's set-up of its own hooks on the converter."""

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "from_dict",
    "from_json",
    "register_hooks",
    "to_dict",
    "to_json",
]

#: Version of the JSON layout written by [`to_json`][tthc.serde.to_json]. Bumped on incompatible changes.
SCHEMA_VERSION = 1

T = TypeVar("T")

_MODEL_HOOKS: list[Hooks] = []

_MAX_DIGITS = 40
"""The most digits, and the largest decimal exponent, of a stored decimal number."""


class _WrongValue(ValueError):
    """Private: a JSON value of the wrong type or form (turned into SerializationError)."""


def _expect(value: object, kind: type | tuple[type, ...], what: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        raise _WrongValue(f"expected {what}, got {_json_type(value)}")


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _json_type(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


# --- primitive hooks ------------------------------------------------------------------------------


def _structure_str(value: object, cls: type) -> Any:
    if issubclass(cls, enum.Enum):
        return _structure_enum(value, cls)
    _expect(value, str, "a string")
    return value


def _structure_enum(value: object, cls: type[enum.Enum]) -> Any:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise _WrongValue(f"{value!r} is not one of {allowed}") from None


def _structure_int(value: object, cls: type) -> int:
    _expect(value, int, "an integer")
    if issubclass(cls, enum.Enum):  # an IntEnum (RuleLayer) is read as its member, not an int
        return typing.cast(int, _structure_enum(value, cls))
    return int(typing.cast(int, value))


def _structure_float(value: object, _: type) -> float:
    _expect(value, (int, float), "a number")
    try:
        number = float(typing.cast(float, value))
    except OverflowError:  # an integer beyond the largest float
        raise _WrongValue(f"{value!r} is out of range for a number") from None
    if not math.isfinite(number):  # 1e999 reads as inf
        raise _WrongValue(f"{value!r} is not a finite number")
    return number


def _structure_bool(value: object, _: type) -> bool:
    _expect(value, bool, "true or false")
    return bool(value)


def _structure_str_or_bool(value: object, _: Any) -> str | bool:
    """A fact of a competence rule's variant: a string or a boolean, kept as written."""
    _expect(value, (str, bool), "a string or true or false")
    return typing.cast(str | bool, value)


def _structure_decimal(value: object, _: type) -> Decimal:
    _expect(value, str, "a decimal number written as a string")
    try:
        number = Decimal(typing.cast(str, value))
    except InvalidOperation:
        raise _WrongValue(f"{value!r} is not a decimal number") from None
    if not number.is_finite():
        raise _WrongValue(f"{value!r} is not a finite decimal number")
    if len(number.as_tuple().digits) > _MAX_DIGITS or abs(number.adjusted()) > _MAX_DIGITS:
        # 1e999999999 is finite, but no tthc quantity has it, and the arithmetic on it is endless
        raise _WrongValue(
            f"{value!r} is out of range: tthc stores decimals of at most {_MAX_DIGITS} digits, "
            f"between 1e-{_MAX_DIGITS} and 1e{_MAX_DIGITS}"
        )
    return number


def _structure_date(value: object, _: type) -> _dt.date:
    _expect(value, str, "an ISO date string (YYYY-MM-DD)")
    try:
        return _dt.date.fromisoformat(typing.cast(str, value))
    except ValueError:
        raise _WrongValue(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _structure_datetime(value: object, _: type) -> _dt.datetime:
    _expect(value, str, "an ISO datetime string with an offset")
    try:
        parsed = read_instant(typing.cast(str, value))
    except ValueError:
        raise _WrongValue(f"{value!r} is not an ISO datetime") from None
    if parsed.tzinfo is None:
        raise _WrongValue(
            f"{value!r} has no UTC offset; tthc stores aware datetimes only (e.g. +07:00)"
        )
    return parsed


def _structure_time(value: object, _: type) -> _dt.time:
    _expect(value, str, "an ISO time string (HH:MM[:SS])")
    try:
        return _dt.time.fromisoformat(typing.cast(str, value))
    except ValueError:
        raise _WrongValue(f"{value!r} is not an ISO time (HH:MM[:SS])") from None


def _unstructure_timedelta(value: _dt.timedelta) -> str:
    micro = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
    return str(Decimal(micro).scaleb(-6).normalize())


def _structure_timedelta(value: object, _: type) -> _dt.timedelta:
    seconds = _structure_decimal(value, Decimal)
    micro = seconds.scaleb(6)
    if micro != micro.to_integral_value():
        raise _WrongValue(f"{value!r} has more than microsecond precision")
    return _dt.timedelta(microseconds=int(micro))


def _is_var_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_fixed_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and bool(args) and Ellipsis not in args


def _add_note(exc: Exception, note: str, index: int, cls: Any) -> Exception:
    notes = list(getattr(exc, "__notes__", []))
    from cattrs.errors import IterableValidationNote  # noqa: PLC0415 - cattrs on first use

    notes.append(IterableValidationNote(note, index, cls))
    setattr(exc, "__notes__", notes)  # noqa: B010 - Python 3.10 has no add_note
    return exc


def _is_set(cls: Any) -> bool:
    return cls in (frozenset, set) or typing.get_origin(cls) in (frozenset, set)


def _pair_writer(cls: Any, conv: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    """Write a fixed-size tuple (a pair) as a JSON array, which [`from_dict`][tthc.serde.from_dict] reads back."""
    args = typing.get_args(cls)

    def write(value: tuple[Any, ...]) -> list[Any]:
        return [conv.unstructure(item, arg) for item, arg in zip(value, args, strict=True)]

    return write


def _tuple_hook_factory(cls: Any, conv: cattrs.Converter) -> Any:
    from cattrs.errors import IterableValidationError  # noqa: PLC0415 - cattrs on first use

    args = typing.get_args(cls)
    variable = _is_var_tuple(cls)
    hooks = [conv.get_structure_hook(arg) for arg in (args[:1] if variable else args)]

    def structure(value: object, _: Any) -> tuple[Any, ...]:
        _expect(value, list, "an array")
        items = typing.cast(list[Any], value)
        if not variable and len(items) != len(args):
            raise _WrongValue(f"expected an array of {len(args)} items, got {len(items)}")
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(items):
            arg = args[0] if variable else args[index]
            hook = hooks[0] if variable else hooks[index]
            try:
                out.append(hook(item, arg))
            except Exception as exc:
                errors.append(_add_note(exc, f"item {index}", index, arg))
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return tuple(out)

    return structure


# --- the converter --------------------------------------------------------------------------------


def register_hooks(hooks: Hooks) -> None:
    """Let a tthc model module set up its own hooks on the one converter.

    Called by the model packages when they are imported (``tthc.dossiers`` registers its
    dossier hooks); ``hooks`` runs now if the converter was built already, else when it is.
    Registering the same function twice does nothing.
    """
    if hooks in _MODEL_HOOKS:
        return
    _MODEL_HOOKS.append(hooks)
    if converter.cache_info().currsize:
        hooks(converter())


@functools.cache
def converter() -> cattrs.Converter:
    """Return the one cattrs converter configured for every tthc model (built once, cached).

    Use it for your own attrs classes that embed tthc models, so that they get the same
    encodings. Do not register hooks on it: it is shared (tthc's own model modules add
    theirs through [`register_hooks`][tthc.serde.register_hooks]).
    """
    import cattrs  # noqa: PLC0415 - keep `import tthc.serde` (and the model packages) cheap

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(str | bool, _structure_str_or_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(_dt.datetime, _structure_datetime)
    conv.register_unstructure_hook(_dt.datetime, _dt.datetime.isoformat)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    conv.register_structure_hook(_dt.time, _structure_time)
    conv.register_unstructure_hook(_dt.time, _dt.time.isoformat)
    conv.register_structure_hook(_dt.timedelta, _structure_timedelta)
    conv.register_unstructure_hook(_dt.timedelta, _unstructure_timedelta)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum) and not issubclass(t, str),
        _structure_enum,
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda member: member.value,
    )
    conv.register_unstructure_hook_func(  # a set of codes is written as a sorted array
        _is_set, lambda value: sorted(conv.unstructure(item) for item in value)
    )
    conv.register_unstructure_hook_factory(_is_fixed_tuple, lambda t: _pair_writer(t, conv))
    conv.register_structure_hook_factory(
        lambda t: _is_var_tuple(t) or _is_fixed_tuple(t),
        lambda t: _tuple_hook_factory(t, conv),
    )
    _check_readings(conv)
    # the calendar is part of every stored model (a dossier runs on one); its hooks are set
    # here rather than registered on import, so that ``import tthc.calendar`` stays cheap
    from tthc.calendar._serde import configure as _calendar_hooks  # noqa: PLC0415

    _calendar_hooks(conv)
    for hooks in _MODEL_HOOKS:
        hooks(conv)
    return conv


def _check_readings(conv: cattrs.Converter) -> None:
    """Re-derive a stored processing time from its source text; refuse one that differs.

    The reading (base limit, alternatives, cut-off...) is what the due dates are computed from;
    the source text is what the law says. A stored reading edited without its text, or read by
    another reader, would silently move due dates: it is refused at the first field that
    differs (``$.processing_time.base.amount``). A limit without a source text (built by hand)
    has nothing to be checked against and is read as stored.
    """
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415 - cattrs on first use

    from tthc.deadlines import ProcessingTime, parse_processing_time  # noqa: PLC0415 - cycle

    plain = make_dict_structure_fn(ProcessingTime, conv)

    def structure(data: Any, cls: Any) -> ProcessingTime:
        limit = plain(data, cls)
        if not limit.source:
            return limit
        try:
            read = parse_processing_time(limit.source)
        except TthcError as exc:
            raise SerializationError(
                f"Thời hạn giải quyết (processing time): the stored source text cannot be read "
                f"again ({exc.message})",
                subpath=".source",
            ) from None
        stored_form, read_form = conv.unstructure(limit), conv.unstructure(read)
        if stored_form != read_form:
            where, stored, again = _first_difference(stored_form, read_form, "")
            raise SerializationError(
                "Thời hạn giải quyết (processing time): the stored reading differs from what its "
                f"source text {limit.source!r} reads (stored {stored!r}, read {again!r}); a "
                "stored limit is never trusted over its text",
                subpath=where or ".source",
            )
        return limit

    conv.register_structure_hook(ProcessingTime, structure)


def _first_difference(stored: Any, read: Any, path: str) -> tuple[str, Any, Any]:
    """Return the path of the first difference of two unstructured values, and both values."""
    if isinstance(stored, dict) and isinstance(read, dict):
        for key in [*stored, *(key for key in read if key not in stored)]:
            if stored.get(key) != read.get(key):
                return _first_difference(stored.get(key), read.get(key), f"{path}.{key}")
    if isinstance(stored, list) and isinstance(read, list) and len(stored) == len(read):
        for index, (one, other) in enumerate(zip(stored, read, strict=True)):
            if one != other:
                return _first_difference(one, other, f"{path}[{index}]")
    return path, stored, read


# --- public functions -----------------------------------------------------------------------------


def to_dict(obj: Any) -> dict[str, Any]:
    """Return ``obj`` (an attrs model) as plain JSON-ready data, without the schema version.

    Raises:
        InputTypeError: ``obj`` is not an attrs model instance.
    """
    if not attrs.has(type(obj)):
        raise InputTypeError(
            f"Tuần tự hóa (serialisation): expected a tthc model (attrs class), got "
            f"{type(obj).__name__}",
            argument="obj",
        )
    data = converter().unstructure(obj)
    return typing.cast(dict[str, Any], data)


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Return ``obj`` as a JSON document with ``schema_version`` first (UTF-8 text, not escaped).

    Raises:
        InputTypeError: ``obj`` is not an attrs model instance.
    """
    data = {"schema_version": SCHEMA_VERSION, **to_dict(obj)}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from plain data as [`to_dict`][tthc.serde.to_dict] writes it (no schema version).

    Raises:
        SerializationError: The data does not describe a valid ``cls``; ``context['path']``
            names the first bad field and ``context['errors']`` lists them all.
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise InputTypeError(
            f"Tuần tự hóa (serialisation): cls must be a tthc model class, got {cls!r}",
            argument="cls",
        )
    if not isinstance(data, dict):
        raise _error([("$", f"expected an object, got {_json_type(data)}")], cls)
    try:
        return typing.cast(T, converter().structure(data, cls))
    except Exception as exc:
        if _is_reading_error(exc):
            raise _error(_paths(exc, "$"), cls) from exc
        raise


def _is_reading_error(exc: Exception) -> bool:
    """Whether ``exc``, raised while reading a document, says what in it is wrong."""
    # imported here, not at every from_dict: an import statement costs a read 0.8 µs
    from cattrs.errors import (  # noqa: PLC0415 - cattrs on first use
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    return isinstance(
        exc,
        (
            ClassValidationError,
            IterableValidationError,
            TthcError,
            _WrongValue,
            KeyError,
            ValueError,
            TypeError,
            ForbiddenExtraKeysError,
        ),
    )


def _parse_json(text: str | bytes, cls: type[Any]) -> Any:
    """Parse a ``cls`` document; bad syntax, bytes, nesting, a key twice: ``SerializationError``.

    Shared with [`tthc.workflows.from_json`][tthc.workflows.from_json], which reads a wrapped form too.
    """
    name = getattr(cls, "__name__", str(cls))
    return parse_json(
        text,
        None,
        SerializationError,
        what=f"Dữ liệu JSON hỏng (corrupted JSON): the {name} document",
        line_key=None,
        deep={},
        hint="the file was truncated or edited by hand; restore it from a backup",
        path="$",
        cls=name,
    )


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read a document written by [`to_json`][tthc.serde.to_json] back into a ``cls``.

    Raises:
        SerializationError: The text is not JSON, has no or an unsupported ``schema_version``,
            or does not describe a valid ``cls`` (``context['path']`` says where).
    """
    if not isinstance(text, str | bytes):
        raise InputTypeError(
            f"Tuần tự hóa (serialisation): text must be str or bytes, got {type(text).__name__}",
            argument="text",
        )
    data = _parse_json(text, cls)
    if not isinstance(data, dict):
        raise _error([("$", f"expected an object, got {_json_type(data)}")], cls)
    if "schema_version" not in data:
        raise _error([("$.schema_version", "required field missing")], cls)
    version = data.pop("schema_version")
    if type(version) is not int:
        raise _error([("$.schema_version", f"expected an integer, got {_json_type(version)}")], cls)
    if version != SCHEMA_VERSION:
        newer = version > SCHEMA_VERSION
        raise SerializationError(
            f"Phiên bản lược đồ (schema version) {version} is not supported: this tthc reads "
            f"version {SCHEMA_VERSION}",
            hint="upgrade tthc to read this file" if newer else "re-export the data with this tthc",
            path="$.schema_version",
            schema_version=version,
            supported=SCHEMA_VERSION,
            cls=getattr(cls, "__name__", str(cls)),
        )
    return from_dict(data, cls)


# --- error paths ----------------------------------------------------------------------------------


def _describe(exc: BaseException) -> str:
    from cattrs.errors import ForbiddenExtraKeysError  # noqa: PLC0415 - cattrs on first use

    if isinstance(exc, TthcError):
        return exc.message
    if isinstance(exc, _WrongValue):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown field"
    return f"invalid value ({type(exc).__name__}: {exc})"


def _paths(exc: BaseException, path: str) -> list[tuple[str, str]]:
    from cattrs.errors import (  # noqa: PLC0415 - cattrs on first use
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    found: list[tuple[str, str]] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            found.extend(_paths(sub, f"{path}.{note.name}"))
        for sub in without:
            found.extend(_paths(sub, path))
    elif isinstance(exc, IterableValidationError):
        with_index, rest = exc.group_exceptions()
        for sub, inote in with_index:
            found.extend(_paths(sub, f"{path}[{inote.index!r}]"))
        for sub in rest:
            found.extend(_paths(sub, path))
    elif isinstance(exc, ForbiddenExtraKeysError):
        found.extend((f"{path}.{key}", "unknown field") for key in sorted(exc.extra_fields))
    else:
        subpath = exc.context.get("subpath") if isinstance(exc, TthcError) else None
        found.append((path + subpath if isinstance(subpath, str) else path, _describe(exc)))
    return found


def _error(errors: list[tuple[str, str]], cls: Any) -> SerializationError:
    path, message = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    name = getattr(cls, "__name__", str(cls))
    return SerializationError(
        f"Dữ liệu không hợp lệ (invalid data) for {name} at {path}: {message}{more}",
        hint="fix the field named by the path; unknown fields are not accepted",
        path=path,
        errors=tuple(f"{p}: {m}" for p, m in errors),
        cls=name,
    )
