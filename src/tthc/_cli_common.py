"""Private helpers shared by the subcommands of the ``tthc`` command line."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from tthc._validate import VN_TZ
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


def parse_instant_arg(text: str, name: str, term: str) -> _dt.datetime:
    """Read an ISO 8601 instant; one without a UTC offset is read as Vietnam time (UTC+7).

    Args:
        text: The command-line value.
        name: The option, for the message (``"--accepted"``).
        term: Vietnamese term and English meaning, e.g. ``"Thời điểm tiếp nhận (acceptance time)"``.
    """
    try:
        value = _dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputTypeError(
            f"{term} {text!r} is not an ISO date-time",
            hint="write e.g. '2026-04-29 10:00' (Vietnam time) or '2026-04-29T10:00+07:00'",
            argument=name,
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return value


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
