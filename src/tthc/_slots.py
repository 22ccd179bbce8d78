"""Building a frozen attrs class's instance on a fast path: plain slot writes, then its class.

A frozen attrs class refuses attribute writes; its generated ``__init__`` writes each slot
through ``object.__setattr__``, and a slot descriptor's own setter costs about 50 ns a field on
CPython 3.11. A plain write to a slot of a class without a ``__setattr__`` of its own costs
about 10 ns. So the few builders that make the objects of a replay or a deadline by the
thousand (``tthc.deadlines._engine``, ``tthc.dossiers._model.stored_event``) fill an instance
of a private class with the same slots, then give it the frozen class by assigning
``__class__``, which CPython allows between classes of the same slots: a ``Deadline`` of 15
fields in about 300 ns instead of 800. The object is then an ordinary instance of the frozen class.

CPython 3.10 and 3.11 refuse that assignment for a class that has a ``__weakref__`` slot
besides its others (3.12 allows it), so the classes built this way are declared with
``weakref_slot=False``; `slots_builder` checks the layout when it is called (at import), never
on a caller's object.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []  # private module: import the names directly


def slots_builder(cls: type) -> Any:
    """Return a class with the slots of ``cls``, whose instances may become ``cls`` instances.

    Fill ``object.__new__(builder)`` with every field of ``cls`` (attribute writes), then
    assign ``cls`` to its ``__class__``: no validator, converter or ``__attrs_post_init__`` of
    ``cls`` runs, so the caller gives values it has checked.

    Raises:
        TypeError: ``cls`` and the builder do not share a layout (``cls`` has a ``__dict__``,
            a ``__weakref__`` slot before Python 3.12, or a base that adds slots).
    """
    builder = type(f"_{cls.__name__}Slots", (), {"__slots__": vars(cls)["__slots__"]})
    probe: Any = object.__new__(builder)
    probe.__class__ = cls  # raises here, at import, if the layouts differ
    return builder
