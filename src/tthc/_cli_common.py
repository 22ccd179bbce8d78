"""Private helpers shared by the subcommands of the ``tthc`` command line."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from tthc.errors import InputTypeError
from tthc.legal import LegalRef


def parse_date_arg(text: str, name: str) -> _dt.date:
    """Read a ``YYYY-MM-DD`` (or ``DD/MM/YYYY``) command-line date."""
    value = text.strip()
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/"))
            return _dt.date(year, month, day)
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise InputTypeError(
            f"Ngày (date): {name} {text!r} is not a date",
            hint="write YYYY-MM-DD or DD/MM/YYYY",
            argument=name,
        ) from None


def ref_json(ref: LegalRef | None) -> dict[str, Any] | None:
    """Return a legal reference as plain JSON."""
    if ref is None:
        return None
    return {
        "document": ref.document,
        "kind": ref.kind,
        "issuer": ref.issuer,
        "date": ref.date.isoformat() if ref.date else None,
        "article": ref.article,
        "url": ref.url,
        "confidence": ref.confidence,
        "citation": ref.cite(),
    }


def dump_json(data: Any) -> str:
    """Serialise command output as pretty, UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2)
