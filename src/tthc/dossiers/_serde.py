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
import operator
import types
import typing
from collections.abc import Callable, Iterator, Mapping
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

from tthc._time import read_instant
from tthc.deadlines import Duration, ProcessingTime, parse_processing_time
from tthc.dossiers._dossier import Dossier
from tthc.dossiers._model import (
    Actor,
    ActorRole,
    DossierEvent,
    EventKind,
    SectorRules,
    stored_event,
)
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
    if kind is SectorRules:
        return _sector_rules_reader(conv)
    hook = conv.get_structure_hook(kind)  # an optional one reads None as None
    return lambda value: hook(value, kind)


def _event_reader(conv: cattrs.Converter) -> Callable[[Any], DossierEvent]:
    """Return the reader of one event as ``to_json`` writes it: every field, in one pass.

    Each value is read to the type the event has (`_plain_instant`, `_plain_actor`...), so the
    event is built by `stored_event`, which runs only the checks those types leave. An event
    that leaves out a field (as a hand-written one may) is read by `_plain_reader`.
    """
    others = _plain_reader(conv, DossierEvent)
    legal_ref = _value_reader(conv, LegalRef | None)
    new_due_date = _value_reader(conv, _dt.date | None)
    amount = _value_reader(conv, Decimal | None)
    step_time = _duration_reader(conv)
    names = tuple(field.name for field in attrs.fields(DossierEvent))
    fields, width = operator.itemgetter(*names), len(names)

    def read(value: Any) -> DossierEvent:
        if type(value) is not dict or len(value) != width:
            event: DossierEvent = others(value)
            return event
        kind, code, at, actor, reason, ref, to_unit, step, due, paid, role, old = fields(value)
        # a missing field raised KeyError above: not the plain form
        if (
            type(kind) is not str
            or type(code) is not str
            or type(reason) is not str
            or type(to_unit) not in _TEXT_OR_NONE
            or type(role) not in _TEXT_OR_NONE
            or type(old) not in _TEXT_OR_NONE
        ):
            raise _NotPlain
        return stored_event(
            _KINDS[kind],
            code,
            _plain_instant(at),
            _plain_actor(actor),
            reason,
            None if ref is None else legal_ref(ref),
            to_unit,
            None if step is None else step_time(step),
            None if due is None else new_due_date(due),
            None if paid is None else amount(paid),
            role,
            old,
        )

    return read


_KINDS = {kind.value: kind for kind in EventKind}
_TEXT_OR_NONE = (str, type(None))


def _duration_reader(conv: cattrs.Converter) -> Callable[[Any], Duration | None]:
    """The reader of an optional step time, ``{"amount", "unit", "cutoff"}``."""
    duration = _durations(conv)

    def read(value: Any) -> Duration | None:
        if value is None:
            return None
        if type(value) is not dict or value.keys() != _DURATION_KEYS:
            raise _NotPlain
        return duration(value["amount"], value["unit"], value["cutoff"])

    return read


def _durations(conv: cattrs.Converter) -> Callable[[Any, Any, Any], Duration]:
    """The [`Duration`][tthc.deadlines.Duration] of stored fields, read by the converter.

    The few durations of a log are read by the converter once each (a duration is immutable,
    so one is shared by the values that are the same).
    """
    hook = conv.get_structure_hook(Duration)

    @functools.lru_cache(maxsize=256, typed=True)
    def duration(amount: Any, unit: Any, cutoff: Any) -> Duration:
        if type(amount) is not str or type(unit) is not str or type(cutoff) not in _CUTOFFS:
            raise _NotPlain
        return typing.cast(
            Duration, hook({"amount": amount, "unit": unit, "cutoff": cutoff}, Duration)
        )

    return duration


_CUTOFFS = (str, type(None))


def _sector_rules_reader(conv: cattrs.Converter) -> Callable[[Any], SectorRules]:
    """The reader of a dossier's sector rules: those without a citation are read once each.

    Almost every dossier has the national rules (every field empty), so the converter reads
    each set of periods once (sector rules are immutable, so one is shared by the dossiers
    that have the same); a citation, or a value of another type, goes through the converter.
    """
    hook = conv.get_structure_hook(SectorRules)

    @functools.lru_cache(maxsize=64, typed=True)
    def rules(notice: int | None, wait: int | None, excluded: bool) -> SectorRules:
        return typing.cast(SectorRules, hook(_sector_form(notice, wait, excluded), SectorRules))

    def read(value: Any) -> SectorRules:
        if type(value) is dict and value.keys() == _SECTOR_KEYS and value["legal_ref"] is None:
            notice = value["supplement_notice_working_days"]
            wait = value["supplement_wait_days"]
            excluded = value["payment_excluded_from_limit"]
            if type(notice) in _PERIODS and type(wait) in _PERIODS and type(excluded) is bool:
                return rules(notice, wait, excluded)
        return typing.cast(SectorRules, hook(value, SectorRules))

    return read


def _sector_form(notice: int | None, wait: int | None, excluded: bool) -> dict[str, Any]:
    """Sector rules without a citation, as ``to_json`` writes them."""
    return {
        "supplement_notice_working_days": notice,
        "supplement_wait_days": wait,
        "payment_excluded_from_limit": excluded,
        "legal_ref": None,
    }


_SECTOR_KEYS = frozenset(_sector_form(None, None, False))
_PERIODS = (int, type(None))
_DURATION_KEYS = frozenset(field.name for field in attrs.fields(Duration) if field.init)


def _plain_actor(value: Any) -> Actor:
    """An actor from ``{"role", "unit", "name"}`` (the few actors of a log are built once)."""
    if type(value) is not dict:
        raise _NotPlain
    try:
        if len(value) == _ACTOR_WIDTH:  # as to_json writes it: every field
            return _actor(*_actor_fields(value))
        if value.keys() <= _ACTOR_KEYS:  # fewer fields: only the name may be left out
            return _actor(value.get("role"), value.get("unit"), "")
    except (KeyError, TypeError):  # another field, an unknown role, a value not hashable
        pass
    raise _NotPlain


@functools.lru_cache(maxsize=4096, typed=True)
def _actor(role: Any, unit: Any, name: Any) -> Actor:
    """The [`Actor`][tthc.dossiers.Actor] of a role, unit and name, each a ``str``; else not plain.

    An actor is immutable, so it is shared. The types are checked when an actor is first built:
    the cache keeps values of different types apart (``typed``), so a text enum member equal to
    a cached ``str`` is checked, and refused, on its own.
    """
    if type(role) is not str or type(unit) is not str or type(name) is not str:
        raise _NotPlain
    return Actor(_ROLES[role], unit, name)


_ROLES = {role.value: role for role in ActorRole}
_ACTOR_KEYS = frozenset(field.name for field in attrs.fields(Actor))
_actor_fields = operator.itemgetter(*(field.name for field in attrs.fields(Actor)))
_ACTOR_WIDTH = len(_ACTOR_KEYS)


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
    instant = read_instant(value)
    if instant.tzinfo is None:
        raise _NotPlain
    return instant


def _limit_reader(conv: cattrs.Converter, kind: Any) -> Callable[[Any], Any]:
    """The limit of a dossier, a tagged ``ProcessingTime | Duration``.

    A stored reading the same as what its source text reads (`_tagged_form`) is that
    reading (`_reading`, once per text); a duration in the plain form is read as a step time
    is (`_durations`, once per value); anything else goes through the converter, which
    re-derives the reading and reports the first field that differs.
    """
    hook = conv.get_structure_hook(kind)
    duration = _durations(conv)

    def read(value: Any) -> Any:
        if type(value) is dict:
            tag = value.get("type")
            if tag == _TAGS[Duration] and value.keys() == _TAGGED_DURATION_KEYS:
                try:
                    return duration(value["amount"], value["unit"], value["cutoff"])
                except _NotPlain:
                    pass  # a value of another type: the converter refuses it, at its path
            if tag == _TAGS[ProcessingTime]:
                source = value.get("source")
                if type(source) is str and source:
                    form, numbers = _tagged_form(source)
                    if value == form and all(
                        _same(_at(value, path), number) for path, number in numbers
                    ):
                        return _reading(source)[1]
        return hook(value, kind)

    return read


_TAGGED_DURATION_KEYS = _DURATION_KEYS | {"type"}


def _same(one: Any, other: Any) -> bool:
    """Whether two JSON values are the same, types included (``0`` is not ``false``)."""
    if type(one) is not type(other):
        return False
    if type(one) is dict:
        return one.keys() == other.keys() and all(_same(one[k], other[k]) for k in one)
    if type(one) is list:
        return len(one) == len(other) and all(map(_same, one, other))
    return bool(one == other)


_Path = tuple[str | int, ...]
"""Where a value is in a JSON document: the keys and indexes that lead to it."""


@functools.lru_cache(maxsize=1024)
def _tagged_form(source: str) -> tuple[Mapping[str, Any], tuple[tuple[_Path, Any], ...]]:
    """The stored form of what ``source`` reads, tagged, and each number and boolean in it.

    Python's ``==`` of two JSON values is `_same` but for numbers and booleans (``0 == false``,
    ``1 == 1.0``): a stored form ``==`` to this one whose values at the places of its numbers
    and booleans are `_same` as them is the same form, compared without walking it in Python.
    """
    form = {**_reading(source)[0], "type": _TAGS[ProcessingTime]}
    return types.MappingProxyType(form), tuple(_numbers(form, ()))


def _numbers(value: Any, path: _Path) -> Iterator[tuple[_Path, Any]]:
    """The numbers and booleans in the JSON ``value``, with their paths."""
    if type(value) is dict:
        for key, item in value.items():
            yield from _numbers(item, (*path, key))
    elif type(value) is list:
        for index, item in enumerate(value):
            yield from _numbers(item, (*path, index))
    elif type(value) in (bool, int, float):
        yield path, value


def _at(value: Any, path: _Path) -> Any:
    """The value at ``path`` in the JSON ``value`` (a path of its form: it is there)."""
    for key in path:
        value = value[key]
    return value


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
