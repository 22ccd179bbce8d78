"""Private: :class:`ProcessingRule` and :class:`Procedure`, the records of the catalogue."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from tthc._enums import LabelledEnum
from tthc.authorities import AuthorityKind
from tthc.deadlines import ProcessingTime
from tthc.errors import InputTypeError
from tthc.legal import LegalRef, documents
from tthc.units import normalize_name

if TYPE_CHECKING:
    from tthc.dossiers import Channel

__all__ = ["Procedure", "ProcessingRule", "TimeSource", "legal_ref"]


class TimeSource(LabelledEnum):
    """Which published text a channel's processing time was read from (national records)."""

    DESCRIPTION = "description", "Mô tả", "Description"
    """The free-text description (mô tả): the legal wording, always preferred."""
    STRUCTURED = "structured", "Cột thời gian (gợi ý)", "Structured time column (a hint)"
    """The portal's structured time column: used only when the description gives no time."""


@attrs.frozen(slots=True)
class ProcessingRule:
    """Processing time of a procedure for one channel (and case).

    Attributes:
        channel: Channel as published (``"Trực tiếp"``, ``"Trực tuyến"``, ``"Dịch vụ bưu
            chính"``), or ``None`` for the procedure-wide text.
        text: The original processing-time text (thời hạn giải quyết), unchanged: for a record
            of the national snapshot, the text the time was read from (``read_from``).
        case: Case label when the record gives one (``"mô tả"`` for the prose description).
        fee: Fee as published for this channel, if any.
        fee_note: Remark on the fee.
        description: Remark on the channel; for the national snapshot, the free-text
            description (mô tả) as published.
        time: The parsed processing time, or ``None`` when the parser refused the text.
        parse_error: The parser's message when it refused the text.
        parse_error_reason: The parser's stable reason (``"missing_unit"``, ...), if any.
        structured: The portal's structured time column (``"10 Ngày"``, ``"1"``) as published,
            when the record has one (national snapshot).
        read_from: Which text ``time`` was read from (national snapshot): the description, or
            the structured column when the description gives no time; ``None`` for the curated
            records.
        disagreement: Why the structured column and the description disagree (unit or number),
            when they do; the description's reading is the one used.
    """

    channel: str | None
    text: str
    case: str | None = None
    fee: str | None = None
    fee_note: str | None = None
    description: str | None = None
    time: ProcessingTime | None = attrs.field(default=None, eq=False)
    parse_error: str | None = None
    parse_error_reason: str | None = None
    structured: str | None = None
    read_from: TimeSource | None = None
    disagreement: str | None = None

    @property
    def parsed(self) -> bool:
        """Whether the text was read."""
        return self.time is not None

    @property
    def channel_kind(self) -> Channel | None:
        """The channel as tthc's one vocabulary names it, or ``None`` (procedure-wide, unknown)."""
        from tthc.dossiers import Channel  # noqa: PLC0415 - the one channel vocabulary

        if self.channel is None:
            return None
        try:
            return Channel.parse(self.channel)
        except InputTypeError:
            return None


@attrs.frozen(slots=True)
class Procedure:
    """One administrative procedure (thủ tục hành chính).

    Attributes:
        code: National code (``"1.001193"``), or the tthc competence key where the national code
            is not recorded.
        name_vi: Vietnamese name.
        field: Lĩnh vực (``"Hộ tịch"``).
        level: Cấp thực hiện as published (``"Cấp xã"``; several joined by ``", "``).
        authority_kind: Kind of the competent authority, when known.
        authority_text: Cơ quan có thẩm quyền as published (may carry pre-reform labels).
        processing_rules: Processing time per channel and case.
        fees_text: Fees as published.
        result: Kết quả thực hiện.
        legal_basis: Documents cited by the record.
        as_of: Date the record was read (the snapshot date for the national catalogue).
        competence_key: Key of the procedure in :mod:`tthc.authorities`, when covered.
        source: Where the record comes from.
        decision: The announcing decision (quyết định công bố) that published the record.
        publisher: The publishing body (``"bo-tu-phap"``: the ministry's folder of the portal).
        executing_agency: Cơ quan thực hiện as published.
        procedure_type: Loại thủ tục as published.
        source_url: The portal page.
    """

    code: str
    name_vi: str
    field: str = ""
    level: str = ""
    authority_kind: AuthorityKind | None = None
    authority_text: str = ""
    processing_rules: tuple[ProcessingRule, ...] = ()
    fees_text: str = ""
    result: str = ""
    legal_basis: tuple[LegalRef, ...] = ()
    as_of: _dt.date | None = None
    competence_key: str | None = None
    source: str = ""
    decision: LegalRef | None = None
    publisher: str = ""
    executing_agency: str = ""
    procedure_type: str = ""
    source_url: str = ""

    @property
    def is_national_code(self) -> bool:
        """Whether ``code`` is a national TTHC code (``d.dddddd``) rather than a tthc key."""
        head, _, tail = self.code.partition(".")
        return head.isdigit() and tail.isdigit() and len(tail) == 6

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels of ``level`` one by one (``("Cấp tỉnh", "Cấp xã")``)."""
        return tuple(part.strip() for part in self.level.split(",") if part.strip())

    @property
    def disagreements(self) -> tuple[ProcessingRule, ...]:
        """The channels whose structured time and description disagree."""
        return tuple(r for r in self.processing_rules if r.disagreement)

    def rules_for(self, channel: str | Channel) -> tuple[ProcessingRule, ...]:
        """Return the processing rules of a channel.

        ``channel`` is a :class:`~tthc.dossiers.Channel` or any label
        :meth:`~tthc.dossiers.Channel.parse` reads (``"counter"``, ``"Trực tiếp"``, ``"truc
        tiep"``, ``1``); another text is compared with the published labels ignoring accents and
        case.
        """
        wanted = _channel_key(channel)
        return tuple(
            r for r in self.processing_rules if r.channel and _channel_key(r.channel) == wanted
        )


def _channel_key(label: str | Channel) -> str:
    from tthc.dossiers import Channel  # noqa: PLC0415 - the one channel vocabulary

    try:
        return str(Channel.parse(label).value)
    except InputTypeError:
        return normalize_name(str(label))


_KINDS = (
    ("NĐ-CP", "Nghị định"),
    ("NQ-CP", "Nghị quyết"),
    ("NQ-", "Nghị quyết"),
    ("TT-", "Thông tư"),
    ("TTLT-", "Thông tư liên tịch"),
    ("QĐ-", "Quyết định"),
)


@functools.cache
def _registered() -> Mapping[str, LegalRef]:
    # The registry (data/documents.json) by number as printed: "118/2025/NĐ-CP" -> its entry.
    return {ref.document: ref for ref in documents().values()}


def legal_ref(document: str) -> LegalRef:
    """The reference of a document number: the registry's entry, or its number and kind."""
    doc = document.strip()
    found = _registered().get(doc)
    if found is not None:
        return found
    tail = doc.rsplit("/", 1)[-1]
    kind = next((k for suffix, k in _KINDS if tail.startswith(suffix)), "")
    return LegalRef(document=doc, kind=kind)
