"""The dossier's own hooks on the one converter of [`tthc.serde`][tthc.serde].

A dossier's processing time is a tagged union (``{"type": "processing_time", ...}`` or
``{"type": "duration", ...}``); its calendar travels with it (``"calendar"``: the registered
calendar it derives from and its own days, written only when the dossier has one; none means
the national calendar), so that it is due on the same day after a round trip. Reading a
dossier replays its log on that calendar: an event that does not fit is reported at its path,
``$.events[3]``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.dossiers._dossier import Dossier
from tthc.dossiers._model import Actor, ActorRole, DossierEvent, EventKind
from tthc.errors import DossierError
from tthc.legal import LegalRef

__all__: list[str] = []  # private module

_TAGS = {Duration: "duration", ProcessingTime: "processing_time"}


def configure(conv: cattrs.Converter) -> None:
    """Register the dossier hooks on ``conv`` (called by [`tthc.serde.register_hooks`][tthc.serde.register_hooks])."""
    configure_tagged_union(
        ProcessingTime | Duration,
        conv,
        tag_generator=lambda cls: _TAGS[cls],
        tag_name="type",
    )
    conv.register_unstructure_hook(
        Dossier,
        make_dict_unstructure_fn(
            Dossier,
            conv,
            calendar=override(omit_if_default=True),
            local_procedure=override(omit_if_default=True),  # written only when True
        ),
    )
    structure = make_dict_structure_fn(Dossier, conv)
    conv.register_structure_hook(
        Dossier, _pointing_at_the_event(structure, _plain_reader(conv, Dossier))
    )


def _pointing_at_the_event(
    structure: Callable[[Any, Any], Dossier], fast: Callable[[Any], Any]
) -> Callable[[Any, Any], Dossier]:
    """Wrap ``structure`` so that an event the replay refuses is reported at its index.

    A document in the plain form [`tthc.serde.to_json`][tthc.serde.to_json] writes is read first by ``fast``
    (`_plain_reader`: the same checks, without collecting every error); anything it does
    not accept, a bad value or a refused event, is read again by ``structure``, which reports
    every error with its path.
    """

    def hook(data: Any, cls: Any) -> Dossier:
        try:
            dossier: Dossier = fast(data)
        except Exception:  # any refusal: the full reading below reports it, with its path
            pass
        else:
            return dossier
        try:
            return structure(data, cls)
        except ClassValidationError as exc:
            noted, plain = exc.group_exceptions()
            errors = [*(sub for sub, _ in noted), *(_at_its_event(sub) for sub in plain)]
            raise ClassValidationError(exc.message, errors, exc.cl) from None

    return hook


def _at_its_event(exc: Exception) -> Exception:
    """Return a refusal of the replay with the path of its event (``events[index]``)."""
    index = exc.context.get("index") if isinstance(exc, DossierError) else None
    if isinstance(index, bool) or not isinstance(index, int):
        return exc
    # the notes cattrs reads to name a path (set by hand: Python 3.10 has no add_note)
    item = IterableValidationNote(f"item {index}", index, DossierEvent)
    setattr(exc, "__notes__", [*getattr(exc, "__notes__", ()), item])  # noqa: B010
    events = IterableValidationError("While replaying the events", [exc], tuple)
    setattr(events, "__notes__", [AttributeValidationNote("the event log", "events", tuple)])  # noqa: B010
    return events


# --- the plain form, read fast ---------------------------------------------------------------------


_ABSENT = object()


class _NotPlain(Exception):
    """Private: a value that is not in the plain form; the full reading takes over."""


def _plain_reader(conv: cattrs.Converter, cls: type[Any]) -> Callable[[Any], Any]:
    """Return a reader of ``cls`` from a dict as ``to_json`` writes it (exactly its fields).

    Each field is read as the converter reads it: a ``str`` must be a JSON string, an aware
    datetime an ISO string with an offset, an enum one of its values, a nested record a dict of
    its fields; other types go through the converter's own hook. Building ``cls`` runs its
    validators (for a dossier: the replay). A value outside this plain form raises, and the
    caller reads the document again with the converter's full, path-reporting hook.
    """
    hints = typing.get_type_hints(cls)
    fields = [field for field in attrs.fields(cls) if field.init]
    if any(field.alias != field.name for field in fields):
        raise TypeError(f"{cls.__name__}: private attributes are not read by the plain reader")
    readers = [(field.name, _value_reader(conv, hints[field.name])) for field in fields]

    def read(data: Any) -> Any:
        if type(data) is not dict:
            raise _NotPlain
        values = dict(data)  # an unknown or a missing field: ``cls(**values)`` refuses it
        for name, read_value in readers:
            if name in values:
                values[name] = read_value(values[name])
        return cls(**values)

    return read


def _value_reader(conv: cattrs.Converter, kind: Any) -> Callable[[Any], Any]:
    """Return the reader of one field of type ``kind`` (see `_plain_reader`).

    An optional value may be ``None``; any other must be of its type.
    """
    if kind is str:
        return _plain_str
    if kind == str | None:
        return _optional_str
    if kind is _dt.datetime:
        return _plain_instant
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = {member.value: member for member in kind}
        return lambda value: members[value] if type(value) is str else _refuse()
    if kind is Actor:
        return _plain_actor
    if kind == tuple[DossierEvent, ...]:
        event = _event_reader(conv)
        return lambda value: tuple(map(event, value)) if type(value) is list else _refuse()
    if kind == Duration | None:
        return _duration_reader(conv)
    if kind == ProcessingTime | Duration:
        return _limit_reader(conv, kind)
    hook = conv.get_structure_hook(kind)  # an optional one reads None as None
    return lambda value: hook(value, kind)


def _event_reader(conv: cattrs.Converter) -> Callable[[Any], DossierEvent]:
    """Return the reader of one event as ``to_json`` writes it: every field, in one pass.

    An event that leaves out a field (as a hand-written one may) is read by `_plain_reader`.
    """
    others = _plain_reader(conv, DossierEvent)
    legal_ref = _value_reader(conv, LegalRef | None)
    new_due_date = _value_reader(conv, _dt.date | None)
    amount = _value_reader(conv, Decimal | None)
    step_time = _duration_reader(conv)
    names = tuple(field.name for field in attrs.fields(DossierEvent))

    def read(value: Any) -> DossierEvent:
        if type(value) is not dict or len(value) != len(names):
            event: DossierEvent = others(value)
            return event
        kind, code, at, actor, reason, ref, to_unit, step, due, paid, role, old = map(
            value.__getitem__, names
        )  # a missing field raises: not the plain form
        if type(code) is not str or type(reason) is not str:
            raise _NotPlain
        for text in (to_unit, role, old):
            if text is not None and type(text) is not str:
                raise _NotPlain
        return DossierEvent(
            _KINDS[kind] if type(kind) is str else _refuse(),
            code,
            _plain_instant(at),
            _plain_actor(actor),
            reason,
            None if ref is None else legal_ref(ref),
            to_unit,
            step_time(step),
            None if due is None else new_due_date(due),
            None if paid is None else amount(paid),
            role,
            old,
        )

    return read


_KINDS = {kind.value: kind for kind in EventKind}


def _duration_reader(conv: cattrs.Converter) -> Callable[[Any], Duration | None]:
    """The reader of an optional step time, ``{"amount", "unit", "cutoff"}``.

    The few step times of a log are read by the converter once each (a duration is immutable,
    so one is shared by the events that have the same).
    """
    hook = conv.get_structure_hook(Duration)

    @functools.lru_cache(maxsize=256, typed=True)
    def duration(amount: Any, unit: Any, cutoff: Any) -> Duration:
        if type(amount) is not str or type(unit) is not str or type(cutoff) not in _CUTOFFS:
            raise _NotPlain
        return typing.cast(
            Duration, hook({"amount": amount, "unit": unit, "cutoff": cutoff}, Duration)
        )

    def read(value: Any) -> Duration | None:
        if value is None:
            return None
        if type(value) is not dict or value.keys() != _DURATION_KEYS:
            raise _NotPlain
        return duration(value["amount"], value["unit"], value["cutoff"])

    return read


_CUTOFFS = (str, type(None))
_DURATION_KEYS = frozenset(field.name for field in attrs.fields(Duration) if field.init)


def _plain_actor(value: Any) -> Actor:
    """An actor from ``{"role", "unit", "name"}`` (the few actors of a log are built once)."""
    if type(value) is not dict or not value.keys() <= _ACTOR_KEYS:
        raise _NotPlain
    return _actor(value["role"], value["unit"], value.get("name", _ABSENT))


@functools.lru_cache(maxsize=4096, typed=True)
def _actor(role: Any, unit: Any, name: Any) -> Actor:
    """The [`Actor`][tthc.dossiers.Actor] of these values, validated (an immutable record, so it is shared)."""
    if type(role) is not str or type(unit) is not str or not (name is _ABSENT or type(name) is str):
        raise _NotPlain
    member = _ROLES[role]
    return Actor(member, unit) if name is _ABSENT else Actor(member, unit, typing.cast(str, name))


_ROLES = {role.value: role for role in ActorRole}
_ACTOR_KEYS = frozenset(field.name for field in attrs.fields(Actor))


def _refuse() -> Any:
    raise _NotPlain


def _plain_str(value: Any) -> str:
    if type(value) is not str:
        raise _NotPlain
    return value


def _optional_str(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise _NotPlain
    return value


def _plain_instant(value: Any) -> _dt.datetime:
    if type(value) is not str:
        raise _NotPlain
    instant = _dt.datetime.fromisoformat(value)
    if instant.tzinfo is None:
        raise _NotPlain
    return instant


def _limit_reader(conv: cattrs.Converter, kind: Any) -> Callable[[Any], Any]:
    """The limit of a dossier, a tagged ``ProcessingTime | Duration``.

    A stored reading equal to what its source text reads is that reading (`_reading`,
    once per text); anything else goes through the converter, which re-derives the reading and
    reports the first field that differs.
    """
    hook = conv.get_structure_hook(kind)

    def read(value: Any) -> Any:
        if type(value) is dict and value.get("type") == _TAGS[ProcessingTime]:
            source = value.get("source")
            if type(source) is str and source:
                form, reading = _reading(source)
                if len(value) == len(form) + 1 and all(
                    key == "type" or _same(form.get(key, _ABSENT), stored)
                    for key, stored in value.items()
                ):
                    return reading
        return hook(value, kind)

    return read


def _same(one: Any, other: Any) -> bool:
    """Whether two JSON values are the same, types included (``0`` is not ``false``)."""
    if type(one) is not type(other):
        return False
    if type(one) is dict:
        return one.keys() == other.keys() and all(_same(one[k], other[k]) for k in one)
    if type(one) is list:
        return len(one) == len(other) and all(map(_same, one, other))
    return bool(one == other)


@functools.lru_cache(maxsize=1024)
def _reading(source: str) -> tuple[Mapping[str, Any], ProcessingTime]:
    """What ``source`` reads, and its stored form as JSON gives it back (lists, not tuples).

    Raises:
        TthcError: the text cannot be read (the converter then reports it at its path).
    """
    from tthc.serde import converter  # noqa: PLC0415 - tthc.serde imports this module's hooks

    reading = parse_processing_time(source)
    return types.MappingProxyType(_as_json(converter().unstructure(reading))), reading


def _as_json(value: Any) -> Any:
    """``value`` as a JSON reader gives it back: arrays are lists, text is ``str`` (not an enum)."""
    if isinstance(value, dict):
        return {str.__str__(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_json(item) for item in value]
    if isinstance(value, str):
        return str.__str__(value)  # a str enum member: its plain value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int.__index__(value)
    return value
