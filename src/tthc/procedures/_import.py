"""Private: turn national-portal procedure records into the catalogue's compact rows.

Two shapes are read:

* the crawl of the portal's public pages (``ma_thu_tuc``, ``cach_thuc_thuc_hien`` flattened into
  one string, ``can_cu_phap_ly`` flattened likewise): `row_from_crawl`;
* the portal's JSON API shape (``processingTimeUnit`` ``WORKING_DAY`` / ``DAY`` / ``MONTH`` /
  ``HOUR`` / ``YEAR``, ``submissionMethod`` ``DIRECT`` / ``ONLINE`` / ``POSTAL``):
  `row_from_api`.

A compact row is a plain dict (keys below) that ``scripts/import_national_catalogue.py`` writes to
``tthc/data/procedures_national.json.gz`` and [`tthc.procedures._national`][tthc.procedures._national] reads back. Nothing
here reads a processing time: the texts are kept as published so that the reader can read them
again when it improves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from tthc.deadlines._reader._portal import split_portal_methods
from tthc.errors import CatalogError

__all__ = [
    "API_METHODS",
    "API_UNITS",
    "CHANNEL_LABELS",
    "row_from_api",
    "row_from_crawl",
    "split_legal_basis",
    "unglue_number",
]

#: The portal's channel labels, by the splitter's channel names.
CHANNEL_LABELS = {"counter": "Trực tiếp", "online": "Trực tuyến", "post": "Dịch vụ bưu chính"}
#: ``submissionMethod`` of the portal's JSON API → the channel label.
API_METHODS = {"DIRECT": "Trực tiếp", "ONLINE": "Trực tuyến", "POSTAL": "Dịch vụ bưu chính"}
#: ``processingTimeUnit`` of the portal's JSON API → the unit as the portal's pages print it.
API_UNITS = {
    "WORKING_DAY": "Ngày làm việc",
    "DAY": "Ngày",
    "MONTH": "Tháng",
    "HOUR": "Giờ",
    "YEAR": "Năm",
}
_LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
_NO_INFO = "Không có thông tin"
_SEGMENT = r"(?:TTg|[A-ZĐ][A-ZĐ0-9]*)"
#: A document number glued to the next document's name: "68/2013/TT-BCALuật Khiếu nại ...".
#: It ends where a capitalised word starts (the next name) or at the end of the text, so the
#: numbers quoted inside a name ("Nghị định 05/2012/NĐ-CP ...") do not cut it.
_NUMBER = re.compile(
    rf"\d[\d.,]*/(?:\d{{4}}/)?{_SEGMENT}(?:-(?:TTg|[A-ZĐ0-9]+))*?(?=[A-ZĐÂƯ][a-zà-ỹđ]|$)"
)

#: A name ending in "năm 2011" glued to the number "02/2011/QH13" reads "201102/2011/QH13".
_YEAR_GLUED = re.compile(r"((?:19|20)\d\d)\d{1,4}/")


def split_legal_basis(text: str) -> tuple[tuple[str, str], ...]:
    """Split the flattened "Căn cứ pháp lý" table into ``(name, number)`` pairs.

    Text the number pattern cannot place is kept as a last pair with an empty number, so that no
    wording is lost.
    """
    body = text[len(_LEGAL_HEADER) :] if text.startswith(_LEGAL_HEADER) else text
    pairs: list[tuple[str, str]] = []
    pos = 0
    for match in _NUMBER.finditer(body):
        name, number = body[pos : match.start()].strip(), match.group()
        glued = _YEAR_GLUED.match(number)
        if glued and name.endswith("năm"):  # "Luật Khiếu nại năm 2011" + "02/2011/QH13"
            name, number = f"{name} {glued.group(1)}", number[4:]
        pairs.append(unglue_number(name, number))
        pos = match.end()
    rest = body[pos:].strip()
    if rest and rest != _NO_INFO:
        pairs.append((rest, ""))
    return tuple(pairs)


def unglue_number(name: str, number: str) -> tuple[str, str]:
    """The name and number as printed, when the flattened table glued the name's tail to both.

    The portal prints a law as "Luật 60/2014/QH13" beside its number "60/2014/QH13"; flattened,
    the name's last digits stick to the number: "Luật 60/2014/QH" + "1360/2014/QH13". Read
    back: ``("Luật 60/2014/QH13", "60/2014/QH13")``, so the registry's entry is cited.
    """
    for cut in range(1, 5):
        head, rest = number[:cut], number[cut:]
        if head.isdigit() and "/" in rest and (name + head).endswith(rest):
            return name + head, rest
    return name, number


def _levels(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _clean(value: object) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return "" if text == _NO_INFO else text


def _need(record: Mapping[str, Any], key: str, index: int) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue): record {index} has no {key!r}",
            hint="every portal record needs its code, name and announcing decision",
            index=index,
            field=key,
        )
    return value.strip()


def row_from_crawl(record: Mapping[str, Any], index: int = 0) -> dict[str, Any]:
    """Return the compact row of one record of the portal crawl (``ma_thu_tuc``, ...).

    Raises:
        CatalogError: the record has no code, name or announcing decision.
    """
    channels = [
        [CHANNEL_LABELS[row.channel], row.structured, row.fee, row.description]
        for row in split_portal_methods(str(record.get("cach_thuc_thuc_hien", "")))
    ]
    return {
        "code": _need(record, "ma_thu_tuc", index),
        "name": _need(record, "ten_thu_tuc", index),
        "decision": _need(record, "so_quyet_dinh", index),
        "levels": _levels(str(record.get("cap_thuc_hien", ""))),
        "type": _clean(record.get("loai_thu_tuc")),
        "field": _clean(record.get("linh_vuc")),
        "authority": _clean(record.get("co_quan_co_tham_quyen")),
        "executing": _clean(record.get("co_quan_thuc_hien")),
        "channels": channels,
        "legal": [list(pair) for pair in split_legal_basis(str(record.get("can_cu_phap_ly", "")))],
        "url": _clean(record.get("detail_url")),
        "publisher": _clean(record.get("ministry")),
    }


def _api_time(method: Mapping[str, Any]) -> str | None:
    amount, unit = method.get("processingTime"), method.get("processingTimeUnit")
    if amount is None or amount == "":
        return ""
    number = f"{amount}".replace(".", ",") if isinstance(amount, float) else f"{amount}"
    if unit is None or unit == "":
        return number  # a bare number stays bare: the reader never gives it a unit
    label = API_UNITS.get(str(unit))
    if label is None:
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue): processingTimeUnit {unit!r} is not one of "
            + ", ".join(API_UNITS),
            field="processingTimeUnit",
        )
    return f"{number} {label}"


def _api_channel(method: Mapping[str, Any]) -> list[Any]:
    kind = str(method.get("submissionMethod", ""))
    label = API_METHODS.get(kind)
    if label is None:
        raise CatalogError(
            f"Danh mục thủ tục (procedure catalogue): submissionMethod {kind!r} is not one of "
            + ", ".join(API_METHODS),
            field="submissionMethod",
        )
    return [
        label,
        _api_time(method),
        str(method.get("fee") or ""),
        str(method.get("description") or ""),
    ]


def _joined(value: object) -> str:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(str(v) for v in value)
    return _clean(value)


def row_from_api(record: Mapping[str, Any], index: int = 0) -> dict[str, Any]:
    """Return the compact row of one record in the portal's JSON API shape.

    Keys read: ``code``, ``name``, ``decisionNumber``, ``implementationLevels`` (list),
    ``procedureType``, ``field``, ``competentAuthority``, ``implementingAgency``,
    ``submissionMethods`` (list of ``{submissionMethod, processingTime, processingTimeUnit, fee,
    description}``), ``legalBases`` (list of ``{name, number}``), ``url``, ``publisher``.

    Raises:
        CatalogError: a required key is missing, or a channel or unit is not one of the API's.
    """
    methods = record.get("submissionMethods") or []
    legal = record.get("legalBases") or []
    return {
        "code": _need(record, "code", index),
        "name": _need(record, "name", index),
        "decision": _need(record, "decisionNumber", index),
        "levels": [str(v) for v in record.get("implementationLevels") or []],
        "type": _clean(record.get("procedureType")),
        "field": _clean(record.get("field")),
        "authority": _joined(record.get("competentAuthority")),
        "executing": _joined(record.get("implementingAgency")),
        "channels": [_api_channel(m) for m in methods],
        "legal": [[str(b.get("name") or ""), str(b.get("number") or "")] for b in legal],
        "url": _clean(record.get("url")),
        "publisher": _clean(record.get("publisher")),
    }
