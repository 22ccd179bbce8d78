"""Reader of processing times (thời hạn giải quyết) as published on the national portal.

Private: [`tthc.deadlines.parse_processing_time`][tthc.deadlines.parse_processing_time] runs it and
[`tthc.deadlines.compute_deadline`][tthc.deadlines.compute_deadline] applies the tree it builds. See
``docs/fundamentals/reading-processing-times.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tthc.deadlines._reader._nodes import (
    Alternative,
    Amount,
    ByChannel,
    Case,
    Cases,
    Excluded,
    Limit,
    Node,
    Reading,
    Sequence,
    Share,
    Shares,
    Span,
    WithAlternatives,
)
from tthc.deadlines._reader._normalise import MAX_LENGTH, normalise

if TYPE_CHECKING:
    from tthc.deadlines._reader._portal import PortalChannel, split_portal_methods
    from tthc.deadlines._reader._read import read_processing_time, read_processing_time_cached

__all__ = [
    "MAX_LENGTH",
    "Alternative",
    "Amount",
    "ByChannel",
    "Case",
    "Cases",
    "Excluded",
    "Limit",
    "Node",
    "PortalChannel",
    "Reading",
    "Sequence",
    "Share",
    "Shares",
    "Span",
    "WithAlternatives",
    "normalise",
    "read_processing_time",
    "read_processing_time_cached",
    "split_portal_methods",
]


#: The reading functions and where they live: their modules compile the reader's patterns, so
#: they are imported on first use and ``import tthc.deadlines`` (computing due dates, the nodes
#: of a stored reading) does not pay for reading texts (issue 20, item 5).
_LAZY = {
    "PortalChannel": "_portal",
    "split_portal_methods": "_portal",
    "read_processing_time": "_read",
    "read_processing_time_cached": "_read",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
