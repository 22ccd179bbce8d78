"""Reader of processing times (thời hạn giải quyết) as published on the national portal.

Private: [`tthc.deadlines.parse_processing_time`][tthc.deadlines.parse_processing_time] runs it and
[`tthc.deadlines.compute_deadline`][tthc.deadlines.compute_deadline] applies the tree it builds. See
``docs/fundamentals/reading-processing-times.md``.
"""

from __future__ import annotations

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
