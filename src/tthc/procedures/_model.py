"""Private: [`ProcessingRule`][tthc.procedures.ProcessingRule] and [`Procedure`][tthc.procedures.Procedure], the records of the catalogue."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from tthc._enums import LabelledEnum
from tthc._text import fold
from tthc.authorities import AuthorityKind
from tthc.deadlines import ProcessingTime
from tthc.errors import CaseRequired, InputTypeError, ProcessingTimeParseError
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
        competence_key: Key of the procedure in [`tthc.authorities`][tthc.authorities], when covered.
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
        """Return the processing rules of a channel (every case), in published order.

        ``channel`` is a [`Channel`][tthc.dossiers.Channel] or any label
        [`parse`][tthc.dossiers.Channel.parse] reads (``"counter"``, ``"Trực tiếp"``, ``"truc
        tiep"``, ``1``, ``"toàn trình"``); another text is compared with the published labels
        ignoring accents and case. The catalogue publishes one "Trực tuyến" time for online
        filing, so ``Channel.ONLINE_FULL`` and ``ONLINE_PARTIAL`` get the online rules, and
        ``Channel.ONLINE`` gets every online rule. Procedure-wide rules (``channel=None``) are
        not included: [`rule_for`][tthc.procedures.Procedure.rule_for] falls back on them.
        """
        wanted = _channel_of(channel)
        return tuple(
            r
            for r in self.processing_rules
            if r.channel and _same_channel(wanted, _channel_of(r.channel))
        )

    def rule_for(self, channel: str | Channel, case: str | None = None) -> ProcessingRule:
        """Return the one processing rule of a channel (and case), or say why there is none.

        The rules of [`rules_for`][tthc.procedures.Procedure.rules_for], else the procedure-wide ones (``channel=None``: the
        text applies to every channel); rules published twice count once. With ``case``, the
        rule whose case label, text, description or fee holds its words (accents and case
        ignored).

        Raises:
            CaseRequired: several rules apply (``context["cases"]`` lists them: pass
                ``case=`` with words of one), or none matches ``case``.
            ProcessingTimeParseError: the procedure publishes no time for ``channel``
                (``context["channels"]`` lists the channels it publishes).
        """
        shown = str(getattr(channel, "value", channel))
        found = self.rules_for(channel) or tuple(
            r for r in self.processing_rules if r.channel is None
        )
        if not found:
            raise self._unknown_channel(shown)
        return self._one(tuple(dict.fromkeys(found)), shown, case)

    def default_channel(self) -> str:
        """Return the channel a dossier is taken to be filed through when none is named.

        "Trực tiếp" (at the counter) when the record publishes it or publishes no channel at
        all; the one channel it publishes when there is only one (nothing else is possible).

        Raises:
            CaseRequired: several channels are published and none is the counter
                (``reason="channel_required"``; ``context["cases"]`` lists them): name one.
        """
        published = sorted({r.channel for r in self.processing_rules if r.channel})
        if not published or _COUNTER in published:
            return _COUNTER
        if len(published) == 1:
            return published[0]
        raise CaseRequired(
            f"Kênh nộp hồ sơ (filing channel) of {self.code}: the record publishes "
            f"{len(published)} channels and not the counter; name the channel",
            hint="pass the channel, one of context['cases']",
            reason="channel_required",
            procedure=self.code,
            cases=published,
        )

    def timed_rule(self, channel: str | Channel, case: str | None = None) -> ProcessingRule:
        """Return the rule whose processing time gives the due date of a dossier on ``channel``.

        The channel's own rules that tthc can read; when it has none (portals often publish a
        bare number there, and a number is never given a unit), the procedure-wide text (the
        description, which is the law) applies to every channel. Unlike [`rule_for`][tthc.procedures.Procedure.rule_for], a
        channel the record does not publish is refused, and so is a time tthc cannot read: this
        is the one rule ``tthc deadline --procedure`` and the catalogue lint use.

        Raises:
            ProcessingTimeParseError: ``reason="unknown_channel"`` (``context["channels"]``
                lists the published ones) or ``reason="unreadable"`` (``context["reasons"]``
                gives the parser's reasons).
            CaseRequired: several readable rules apply; pass ``case=`` with words of one of
                ``context["cases"]``.
        """
        shown = str(getattr(channel, "value", channel))
        own = self.rules_for(channel)
        if not own and any(r.channel for r in self.processing_rules):
            raise self._unknown_channel(shown)
        general = [r for r in self.processing_rules if r.channel is None and r.parsed]
        readable = [r for r in own if r.parsed] or general
        if not readable:
            reasons = sorted(
                {r.parse_error_reason or "unreadable" for r in own or self.processing_rules}
            )
            raise ProcessingTimeParseError(
                f"Thời hạn giải quyết (processing time) of {self.code} is not published in a form "
                f"tthc can read; reasons: {', '.join(reasons) or 'no processing time published'}",
                hint="give the processing time text yourself (tthc deadline --time TEXT)",
                reason="unreadable",
                procedure=self.code,
                channel=shown,
                reasons=reasons or ["no_processing_time"],
            )
        return self._one(tuple(dict.fromkeys(readable)), shown, case)

    def _unknown_channel(self, shown: str) -> ProcessingTimeParseError:
        published = sorted({r.channel for r in self.processing_rules if r.channel})
        return ProcessingTimeParseError(
            f"Thời hạn giải quyết (processing time) of {self.code}: no time is published for "
            f"the channel (kênh) {shown!r}",
            hint="name one of context['channels']",
            reason="unknown_channel",
            procedure=self.code,
            channel=shown,
            channels=published,
        )

    def _one(
        self, unique: tuple[ProcessingRule, ...], shown: str, case: str | None
    ) -> ProcessingRule:
        chosen = unique if case is None else _matching(unique, case)
        if len(chosen) == 1:
            return chosen[0]
        labels = _case_labels(unique)
        what = (
            f"{len(chosen)} rules match the case {case!r}"
            if case is not None
            else f"{len(unique)} rules apply"
        )
        raise CaseRequired(
            f"Thời hạn giải quyết (processing time) of {self.code}, channel (kênh) "
            f"{shown!r}: {what}; name the case (trường hợp)",
            hint="pass case= with words of one of context['cases']",
            reason=_CASE_REASONS[(case is None, bool(chosen))],
            procedure=self.code,
            channel=shown,
            cases=labels,
        )


def _channel_of(label: str | Channel) -> Channel | str:
    """The channel a label names, or the label's normalized text when it names none."""
    from tthc.dossiers import Channel  # noqa: PLC0415 - the one channel vocabulary

    try:
        return Channel.parse(label)
    except InputTypeError:
        return normalize_name(str(label))


def _same_channel(wanted: Channel | str, published: Channel | str) -> bool:
    """Whether a rule published for ``published`` applies to ``wanted``.

    The catalogue's "Trực tuyến" (``Channel.ONLINE``) applies to both kinds of online filing;
    asking for ``Channel.ONLINE`` finds the rules of every kind.
    """
    from tthc.dossiers import Channel  # noqa: PLC0415 - the one channel vocabulary

    if wanted == published:
        return True
    if not (isinstance(wanted, Channel) and isinstance(published, Channel)):
        return False
    online = wanted.is_online and published.is_online
    return online and Channel.ONLINE in (wanted, published)


def _case_labels(rules: tuple[ProcessingRule, ...]) -> list[str]:
    """Each rule's case label, else the first line of its text.

    Where two would read the same, the first line of the description (or the fee) is added.
    """
    labels = [rule.case or _first_line(rule.text) for rule in rules]
    return [
        f"{label} — {_first_line(rule.description or rule.fee or '')}"
        if labels.count(label) > 1
        else label
        for label, rule in zip(labels, rules, strict=True)
    ]


def _first_line(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= _LABEL else first[: _LABEL - 1] + "…"


def _matching(rules: tuple[ProcessingRule, ...], case: str) -> tuple[ProcessingRule, ...]:
    """The rules whose case, text, description or fee hold the words of ``case``."""
    words = fold(case)
    if not words:
        return ()
    return tuple(
        r
        for r in rules
        if words in fold(" ".join(t for t in (r.case, r.text, r.description, r.fee) if t))
    )


_LABEL = 80
#: ``CaseRequired.context["reason"]`` by (no case given, some rule matched the case).
_COUNTER = "Trực tiếp"

_CASE_REASONS = {
    (True, True): "case_required",
    (False, False): "unknown_case",
    (False, True): "ambiguous_case",
}


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
