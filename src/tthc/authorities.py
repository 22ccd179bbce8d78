"""Competent authorities (cơ quan có thẩm quyền) under the two-level local government.

From 1/7/2025 the district level is gone (Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 51 khoản 3) and its powers were
moved, decree by decree, to the commune (its People's Committee, its Chair or a division) or to the
province (the 28 decrees of 11–12/6/2025). There is no formula: tthc keeps a dated rule table.

* [`CompetenceRule`][tthc.authorities.CompetenceRule] — one row: procedure (national code or tthc key), case variant, the kind
  of authority, the territorial anchor, validity, province overlay, legal basis and confidence.
* [`resolve_authority`][tthc.authorities.resolve_authority] — the rule in force for a procedure, a unit and a date, bound to that
  unit. Rules are layered (law < decree < amendment < province decision); the most specific layer
  in force wins. No rule → [`NoCompetenceRule`][tthc.errors.NoCompetenceRule]: tthc never guesses. Where the
  law leaves the choice to a provincial decision the result says so (``left_to_province``) and
  names no authority.
* The catalogue layer: for a procedure of the national portal snapshot with no researched rule,
  one rule derived from the record (layer ``CATALOGUE``, legal basis the announcing decision,
  confidence labelled). Its published competent authority is mapped onto a kind only when the
  text is one listed in ``data/competence/catalogue.json``; any other text, or none, is returned
  as published (``CompetenceResult.as_published``, the text in ``rule.body``), never mapped by
  guess. Researched rules always win.
* [`reception_points`][tthc.authorities.reception_points] — where a dossier may be filed (phi địa giới, Nghị định 118/2025/NĐ-CP
  Điều 14 khoản 2). That is a separate question from who decides.

Example:
    >>> import datetime as dt
    >>> from tthc.authorities import resolve_authority
    >>> res = resolve_authority("1.001193", unit="31135", on=dt.date(2026, 3, 1))
    >>> res.authority.name_vi
    'Ủy ban nhân dân phường Ninh Kiều'
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Mapping
from typing import Any

import attrs

from tthc._data import bundled_json
from tthc._enums import LabelledEnum
from tthc._time import format_date
from tthc._validate import require_date
from tthc.errors import DataFileError, InputTypeError, NoCompetenceRule
from tthc.legal import LegalRef, Validity
from tthc.units import (
    AdministrativeUnit,
    UnitKind,
    UnitLevel,
    communes,
    legacy_unit,
    require_in_force,
    unit,
)

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # who decides: the rule table and its answer
    "Anchor",
    "Authority",
    "AuthorityKind",
    "CompetenceResult",
    "CompetenceRule",
    "Confidence",
    "RuleLayer",
    "competence_rules",
    "procedure_keys",
    "resolve_authority",
    # where to file (tiếp nhận)
    "ReceptionMode",
    "ReceptionResult",
    "reception_points",
    # the bundled data
    "data_version",
]


class AuthorityKind(LabelledEnum):
    """Kind of competent body; the collegial body, its Chair and its divisions are distinct.

    ``name_vi`` is the generic Vietnamese name of the kind (``"Sở"``), ``name_en`` its English
    name.
    """

    PROVINCIAL_PC = "provincial_pc", "Ủy ban nhân dân cấp tỉnh", "Provincial People's Committee"
    """Ủy ban nhân dân tỉnh / thành phố (collegial)."""
    PROVINCIAL_PC_CHAIR = (
        "provincial_pc_chair",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "Chair of the Provincial People's Committee",
    )
    """Chủ tịch Ủy ban nhân dân tỉnh / thành phố."""
    PROVINCIAL_DEPARTMENT = "provincial_department", "Sở", "Provincial department"
    """Sở (Sở Tư pháp, Sở Tài chính, Sở Nội vụ, ...)."""
    DEPARTMENT_SUBUNIT = (
        "department_subunit",
        "Phòng thuộc Sở",
        "Division of a provincial department",
    )
    """Phòng / Chi cục of a Sở acting in its own name (Phòng Đăng ký kinh doanh)."""
    PROVINCIAL_SERVICE_CENTRE = (
        "provincial_service_centre",
        "Trung tâm Phục vụ hành chính công",
        "Provincial public administration service centre",
    )
    """Trung tâm Phục vụ hành chính công cấp tỉnh (reception, not competence)."""
    ZONE_MANAGEMENT_BOARD = "zone_management_board", "Ban Quản lý", "Zone management board"
    """Ban Quản lý khu công nghiệp / khu kinh tế / khu công nghệ cao."""
    LAND_REGISTRATION_OFFICE = (
        "land_registration_office",
        "Văn phòng đăng ký đất đai",
        "Land registration office",
    )
    """Văn phòng đăng ký đất đai and its Chi nhánh (public service unit)."""
    COMMUNE_PC = "commune_pc", "Ủy ban nhân dân cấp xã", "Commune People's Committee"
    """Ủy ban nhân dân xã / phường / đặc khu (collegial)."""
    COMMUNE_PC_CHAIR = (
        "commune_pc_chair",
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "Chair of the Commune People's Committee",
    )
    """Chủ tịch Ủy ban nhân dân xã / phường / đặc khu."""
    COMMUNE_DIVISION = "commune_division", "Phòng chuyên môn cấp xã", "Commune division"
    """Phòng of the commune (Phòng Kinh tế; Phòng Kinh tế, Hạ tầng và Đô thị; ...)."""
    COMMUNE_SERVICE_CENTRE = (
        "commune_service_centre",
        "Trung tâm Phục vụ hành chính công",
        "Commune public administration service centre",
    )
    """Trung tâm Phục vụ hành chính công cấp xã (reception, not competence)."""
    VERTICAL_AGENCY = "vertical_agency", "Cơ quan ngành dọc", "Vertical agency"
    """Ngành dọc: Công an, Thuế, Bảo hiểm xã hội, ..."""
    DISTRICT_PC = "district_pc", "Ủy ban nhân dân cấp huyện", "District People's Committee"
    """Ủy ban nhân dân cấp huyện (until 30/6/2025)."""
    DISTRICT_PC_CHAIR = (
        "district_pc_chair",
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        "Chair of the District People's Committee",
    )
    """Chủ tịch Ủy ban nhân dân cấp huyện (until 30/6/2025)."""
    DISTRICT_DIVISION = "district_division", "Phòng chuyên môn cấp huyện", "District division"
    """Phòng of the district (Phòng Tư pháp, Phòng Tài chính – Kế hoạch, ...; until 30/6/2025)."""
    AS_PUBLISHED = "as_published", "Cơ quan theo công bố", "Authority as published (not mapped)"
    """The catalogue's published text, not mapped onto a kind (catalogue layer only; no level)."""

    @property
    def level(self) -> UnitLevel:
        """The level of the unit an authority of this kind belongs to."""
        if self in _PROVINCIAL_KINDS:
            return UnitLevel.PROVINCE
        if self in _DISTRICT_KINDS:
            return UnitLevel.DISTRICT
        return UnitLevel.COMMUNE

    @property
    def collegial(self) -> bool:
        """Whether the body decides collectively (UBND) rather than a person or a division."""
        return self in _COLLEGIAL_KINDS


_PROVINCIAL_KINDS = frozenset(
    {
        AuthorityKind.PROVINCIAL_PC,
        AuthorityKind.PROVINCIAL_PC_CHAIR,
        AuthorityKind.PROVINCIAL_DEPARTMENT,
        AuthorityKind.DEPARTMENT_SUBUNIT,
        AuthorityKind.PROVINCIAL_SERVICE_CENTRE,
        AuthorityKind.ZONE_MANAGEMENT_BOARD,
        AuthorityKind.LAND_REGISTRATION_OFFICE,
    }
)
_DISTRICT_KINDS = frozenset(
    {AuthorityKind.DISTRICT_PC, AuthorityKind.DISTRICT_PC_CHAIR, AuthorityKind.DISTRICT_DIVISION}
)
_COLLEGIAL_KINDS = frozenset(
    {AuthorityKind.PROVINCIAL_PC, AuthorityKind.COMMUNE_PC, AuthorityKind.DISTRICT_PC}
)
_CHAIR_KINDS = frozenset(
    {
        AuthorityKind.PROVINCIAL_PC_CHAIR,
        AuthorityKind.COMMUNE_PC_CHAIR,
        AuthorityKind.DISTRICT_PC_CHAIR,
    }
)
_CENTRE_KINDS = frozenset(
    {AuthorityKind.PROVINCIAL_SERVICE_CENTRE, AuthorityKind.COMMUNE_SERVICE_CENTRE}
)


class Anchor(LabelledEnum):
    """Territorial anchor: which place decides the competent unit."""

    RESIDENCE = "residence", "Nơi cư trú", "Place of residence"
    """Nơi cư trú of the applicant."""
    LAND_PARCEL = "land_parcel", "Nơi có đất", "Location of the land parcel"
    """Nơi có đất (the land parcel)."""
    WORK_SITE = "work_site", "Nơi có công trình, dự án", "Location of the works or project"
    """Nơi có công trình / dự án (construction works, housing project)."""
    HEAD_OFFICE = "head_office", "Nơi đặt trụ sở", "Head office"
    """Nơi đặt trụ sở (business, school, employer)."""
    EVENT_SITE = "event_site", "Nơi tổ chức", "Event site"
    """Nơi tổ chức (festival, performance)."""
    PLAN_SCOPE = "plan_scope", "Phạm vi quy hoạch", "Scope of the plan"
    """Phạm vi quy hoạch (one commune or several)."""
    FILING_UNIT = "filing_unit", "Nơi yêu cầu", "Where the request is made"
    """Nơi yêu cầu: any competent office where the request is made (chứng thực)."""
    ANY_UNIT = "any_unit", "Không phụ thuộc nơi cư trú", "Any unit"
    """Không phụ thuộc nơi cư trú: any commune (Luật Hộ tịch 2026 Điều 8 khoản 1)."""
    UNSPECIFIED = "unspecified", "Không xác định", "Unspecified"
    """The source names no territorial anchor: pass the unit you mean."""


class RuleLayer(enum.IntEnum):
    """Layer of a rule; a higher layer in force overrides a lower one."""

    CATALOGUE = -1
    """The national portal's record (announcing decision): only where no researched rule exists."""
    LAW = 0
    """Luật (statute) baseline."""
    DECREE = 1
    """Nghị định (phân định, phân cấp)."""
    AMENDMENT = 2
    """Amending decree or later law."""
    PROVINCE = 3
    """Provincial decision (phân cấp, ủy quyền)."""


class Confidence(LabelledEnum):
    """How well the rule is established (research note §3: H, M, L).

    Not the confidence of a [`LegalRef`][tthc.legal.LegalRef] (how a document is known): this one
    grades the rule drawn from it.
    """

    HIGH = "H", "Cao", "High"
    """Article-level statement from the text or two independent sources."""
    MEDIUM = "M", "Trung bình", "Medium"
    """One source with an article number, or the article number missing."""
    LOW = "L", "Thấp", "Low"
    """Contested, varies by province, or inferred."""


@attrs.frozen(slots=True)
class Authority:
    """A competent body bound to an administrative unit.

    Attributes:
        kind: Kind of body.
        unit: The unit it belongs to (the commune, the old district, or the province).
        body: Name of the Sở, division or office when the kind needs one (``"Sở Tài chính"``).
    """

    kind: AuthorityKind
    unit: AdministrativeUnit
    body: str = ""

    @property
    def name_vi(self) -> str:
        """Vietnamese name, e.g. ``"Chủ tịch Ủy ban nhân dân xã Phong Điền"``."""
        place = self.unit.label
        kind = self.kind
        if kind in _COLLEGIAL_KINDS:
            return f"Ủy ban nhân dân {place}"
        if kind in _CHAIR_KINDS:
            return f"Chủ tịch Ủy ban nhân dân {place}"
        if kind in _CENTRE_KINDS:
            return f"Trung tâm Phục vụ hành chính công {place}"
        return f"{self.body or kind.name_vi} {place}"

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.unit.code})"


@attrs.frozen(slots=True)
class CompetenceRule:
    """One row of the competence table.

    Attributes:
        id: Stable identifier (``"ho-tich.ket-hon-nuoc-ngoai/nd120"``).
        procedure: tthc key of the procedure (``"ho-tich.ket-hon-nuoc-ngoai"``).
        procedure_codes: National procedure codes (``"2.000806"``) that this key covers.
        name_vi: Vietnamese name of the procedure.
        field: Lĩnh vực (civil status, land, ...).
        variant: Case variant as sorted ``(fact, value)`` pairs; empty for every case.
        authority_kind: Kind of the competent body (the statutory default when
            ``left_to_province``).
        anchor: Territorial anchor that picks the unit.
        validity: Period in force, both ends inclusive.
        legal_basis: The document and article that give the competence.
        also: Further documents cited together with ``legal_basis``.
        confidence: How well established the rule is.
        layer: Layer (law, decree, amendment, province decision).
        provinces: Province codes the rule is limited to (a provincial overlay); ``None`` for the
            whole country.
        left_to_province: ``True`` when the law leaves the choice to a provincial decision; the
            resolver then names no authority.
        body: Name of the Sở, division or office.
        body_by_kind: Body name per kind of commune (``(("phường", "Phòng Kinh tế, ..."),)``).
        body_by_unit: Body name for particular unit codes (overrides ``body_by_kind``).
        note: Vietnamese remark from the source.
        supersedes: Id of the rule this one overrides.
        research_row: Row of the research note's table (two_level_competence.md §3), if any.
    """

    id: str
    procedure: str
    procedure_codes: tuple[str, ...]
    name_vi: str
    field: str
    variant: tuple[tuple[str, str | bool], ...]
    authority_kind: AuthorityKind
    anchor: Anchor
    validity: Validity
    legal_basis: LegalRef
    also: tuple[LegalRef, ...] = ()
    confidence: Confidence = Confidence.HIGH
    layer: RuleLayer = RuleLayer.DECREE
    provinces: frozenset[str] | None = None
    left_to_province: bool = False
    body: str = ""
    body_by_kind: tuple[tuple[str, str], ...] = ()
    body_by_unit: tuple[tuple[str, str], ...] = ()
    note: str = ""
    supersedes: str | None = None
    research_row: int | None = None

    def applies(self, on: _dt.date, province_code: str) -> bool:
        """Return whether the rule is in force on ``on`` in the province ``province_code``."""
        return self.validity.contains(on) and (
            self.provinces is None or province_code in self.provinces
        )

    def body_for(self, u: AdministrativeUnit) -> str:
        """Return the body name for unit ``u`` (division names differ for xã and phường)."""
        for code, name in self.body_by_unit:
            if code == u.code:
                return name
        for kind, name in self.body_by_kind:
            if kind == u.kind.value:
                return name
        return self.body


@attrs.frozen(slots=True)
class CompetenceResult:
    """Answer of [`resolve_authority`][tthc.authorities.resolve_authority].

    Attributes:
        procedure: Procedure code or key as asked.
        on: Date the answer is for.
        unit: The unit of the territorial anchor, as passed (resolved for the date).
        rule: The rule that applies.
        authority: The competent body, or ``None`` when ``left_to_province``.
        default_authority: For ``left_to_province`` rules, the body the statute names before any
            provincial decision (for information, not routing).
        decided_by: For ``left_to_province`` rules, the provincial People's Committee whose
            decision settles the question.
        overridden: Lower-layer rules in force that the chosen rule overrides.
    """

    procedure: str
    on: _dt.date
    unit: AdministrativeUnit
    rule: CompetenceRule
    authority: Authority | None
    default_authority: Authority | None = None
    decided_by: Authority | None = None
    overridden: tuple[CompetenceRule, ...] = ()

    @property
    def legal_basis(self) -> LegalRef:
        """The legal basis of the rule."""
        return self.rule.legal_basis

    @property
    def left_to_province(self) -> bool:
        """Whether the law leaves the choice to a provincial decision."""
        return self.rule.left_to_province

    @property
    def as_published(self) -> bool:
        """Whether the answer is the catalogue's published text, not mapped (``rule.body``)."""
        return self.rule.authority_kind is AuthorityKind.AS_PUBLISHED

    @property
    def name_vi(self) -> str:
        """Who decides, for every answer: the body, who settles it, or the published text."""
        if self.authority is not None:
            return self.authority.name_vi
        if self.as_published:
            return self.rule.body or "Không công bố cơ quan có thẩm quyền"
        decider = self.decided_by.name_vi if self.decided_by else "Ủy ban nhân dân cấp tỉnh"
        return f"Do {decider} quyết định"

    def __str__(self) -> str:  # "<who decides> — <legal basis>", for every kind of answer
        return f"{self.name_vi} — {self.legal_basis.cite()}"

    def explain(self) -> str:
        """Return a multi-line Vietnamese/English explanation with the citations."""
        rule = self.rule
        lines = [
            f"Thủ tục (procedure): {rule.name_vi} [{self.procedure}]",
            f"Ngày (date): {format_date(self.on)}; đơn vị (unit): {self.unit}",
        ]
        if self.authority is not None:
            lines.append(f"Cơ quan có thẩm quyền (competent authority): {self.authority.name_vi}")
        elif self.as_published:
            lines.append(
                "Cơ quan có thẩm quyền theo công bố (as published, not mapped): "
                f"{rule.body or 'không công bố (none published)'}"
            )
        else:
            who = self.decided_by.name_vi if self.decided_by else "?"
            lines.append(
                f"Thẩm quyền do tỉnh quyết định (left to a provincial decision): {who} quyết định "
                "(decides); tthc không tự định tuyến (does not route)"
            )
            if (default := self.default_authority) is not None:
                lines.append(f"  mặc định theo luật (statutory default): {default.name_vi}")
        if rule.variant:
            lines.append("Trường hợp (case): " + ", ".join(f"{k}={v}" for k, v in rule.variant))
        lines.append(f"Căn cứ (legal basis): {rule.legal_basis.cite()}")
        lines.extend(f"  xem thêm (see also): {ref.cite()}" for ref in rule.also)
        layers = ("danh mục công bố", "luật", "nghị định", "văn bản sửa đổi", "quyết định tỉnh")
        lines.append(
            f"Hiệu lực (in force): {rule.validity}; căn cứ xác định nơi (anchor): "
            f"{rule.anchor.name_vi}; tầng quy định (layer): {layers[rule.layer + 1]}; "
            f"độ tin cậy (confidence): {rule.confidence.name_vi}"
        )
        if rule.provinces is not None:
            lines.append(
                f"Áp dụng tại tỉnh (province overlay): {', '.join(sorted(rule.provinces))}"
            )
        lines.extend(
            f"  overrides {other.id} ({other.legal_basis.cite()})" for other in self.overridden
        )
        if rule.note:
            lines.append(f"Ghi chú (note): {rule.note}")
        return "\n".join(lines)


class ReceptionMode(LabelledEnum):
    """Where a dossier may be filed."""

    COMPETENT_AUTHORITY_ONLY = (
        "competent_authority_only",
        "Tại cơ quan có thẩm quyền",
        "At the competent authority only",
    )
    """At the one-stop unit (Bộ phận Một cửa) of the competent authority."""
    PROVINCE_LIST = (
        "province_list",
        "Theo danh mục của tỉnh",
        "Anywhere in the province for listed procedures",
    )
    """Anywhere in the province if the procedure is on the province's published list."""
    PROVINCE_WIDE = "province_wide", "Toàn tỉnh", "At any service centre of the province"
    """At any provincial or commune service centre of the province."""


@attrs.frozen(slots=True)
class ReceptionResult:
    """Answer of [`reception_points`][tthc.authorities.reception_points].

    Attributes:
        procedure: Procedure code or key as asked.
        province: The province.
        on: Date the answer is for.
        mode: Where filing is allowed.
        points: The service centres that may receive the dossier when ``mode`` is
            ``PROVINCE_WIDE`` (provincial centre first, then every commune centre); empty
            otherwise.
        legal_basis: The document that sets the mode.
        also: Further documents.
        note: Vietnamese remark.
        rule_id: Id of the reception rule used.
    """

    procedure: str
    province: AdministrativeUnit
    on: _dt.date
    mode: ReceptionMode
    points: tuple[Authority, ...]
    legal_basis: LegalRef
    also: tuple[LegalRef, ...] = ()
    note: str = ""
    rule_id: str = ""

    def explain(self) -> str:
        """Return a short explanation with the citations."""
        lines = [
            f"Tiếp nhận hồ sơ (reception) của thủ tục {self.procedure} tại {self.province}, ngày "
            f"{format_date(self.on)}: {self.mode.label}",
            f"Căn cứ (legal basis): {self.legal_basis.cite()}",
        ]
        lines.extend(f"  xem thêm (see also): {ref.cite()}" for ref in self.also)
        if self.points:
            lines.append(f"Điểm tiếp nhận (reception points): {len(self.points)}")
        if self.note:
            lines.append(f"Ghi chú (note): {self.note}")
        return "\n".join(lines)


# --- public functions ----------------------------------------------------------------------------


def data_version() -> str:
    """Return the version of the bundled competence table."""
    return str(_table().data_version)


def procedure_keys() -> tuple[str, ...]:
    """Return every procedure key of the competence table, sorted."""
    return tuple(sorted(_table().by_key))


def competence_rules(procedure_code: str | None = None) -> tuple[CompetenceRule, ...]:
    """Return the competence rules, all of them or those of one procedure (code or key).

    Raises:
        NoCompetenceRule: ``procedure_code`` is not in the table.
    """
    if procedure_code is None:
        return _table().rules
    return _rules_for(procedure_code)


def resolve_authority(
    procedure_code: str,
    *,
    unit: str | AdministrativeUnit,
    on: _dt.date,
    facts: Mapping[str, str | bool] | None = None,
) -> CompetenceResult:
    """Return the authority competent for a procedure at a unit on a date, with its rule.

    Args:
        procedure_code: National code (``"2.000806"``) or tthc key (``"van-hoa.le-hoi"``).
        unit: The unit of the territorial anchor (the commune of residence, of the land parcel,
            of the head office, ...): a code or an [`AdministrativeUnit`][tthc.units.AdministrativeUnit]. Before
            1/7/2025 pass the pre-reform commune; its district is found for district-level rules.
        on: Date (normally the date the dossier was received).
        facts: Case facts that choose a variant (``{"plan_scope": "multi_commune"}``).

    Raises:
        NoCompetenceRule: no rule covers the procedure on that date, a fact needed to choose the
            case is missing, or the unit is of the wrong level for the rule.
        UnknownUnit: the unit code is unknown.
        UnitNotInForce: the unit did not exist on ``on``.
        InputTypeError: an argument has the wrong type.
    """
    day = require_date(on, "on")
    rules = _rules_for(procedure_code)
    place = _unit_on(unit, day)
    given = _check_facts(facts)
    candidates = _in_force(rules, day, place, procedure_code)
    rule, overridden = _choose(_matching(candidates, given, procedure_code), procedure_code)
    bound = None if rule.authority_kind is AuthorityKind.AS_PUBLISHED else _bind(rule, place)
    if rule.left_to_province:
        return CompetenceResult(
            procedure=procedure_code,
            on=day,
            unit=place,
            rule=rule,
            authority=None,
            default_authority=bound,
            decided_by=Authority(AuthorityKind.PROVINCIAL_PC, _province_of(place)),
            overridden=overridden,
        )
    return CompetenceResult(
        procedure=procedure_code,
        on=day,
        unit=place,
        rule=rule,
        authority=bound,
        overridden=overridden,
    )


def reception_points(
    procedure_code: str, *, province: str | AdministrativeUnit, on: _dt.date
) -> ReceptionResult:
    """Return where a dossier for the procedure may be filed in a province on a date.

    Reception (tiếp nhận) is separate from competence: from 1/7/2025 provincial and commune
    Public Administration Service Centres receive dossiers regardless of administrative
    boundaries within the province for procedures on the province's list (Nghị định
    118/2025/NĐ-CP Điều 14 khoản 2). The dossier is then forwarded to the competent authority.

    Args:
        procedure_code: National code or tthc key.
        province: Province code, or any unit of the province.
        on: Date.

    Raises:
        NoCompetenceRule: the procedure is not in the competence table, or no reception rule
            covers the date.
        UnknownUnit: the province is unknown.
        UnitNotInForce: the province did not exist on ``on``.
    """
    day = require_date(on, "on")
    rules = _rules_for(procedure_code)
    place = _province_of(_unit_on(province, day))
    kinds = {r.authority_kind for r in rules if r.applies(day, place.code)}
    candidates = [
        r
        for r in _reception().rules
        if r.validity.contains(day)
        and (r.provinces is None or place.code in r.provinces)
        and (r.kinds is None or (kinds and kinds <= r.kinds))
    ]
    if not candidates:
        raise NoCompetenceRule(
            f"Không có quy tắc tiếp nhận (no reception rule) for {procedure_code} on "
            f"{format_date(day)}",
            hint="the bundled reception rules cover every date: check the edited "
            "data/competence/reception.json",
            procedure=procedure_code,
        )
    best = max(candidates, key=lambda r: (r.layer, r.validity.start or _dt.date.min))
    points: tuple[Authority, ...] = ()
    if best.mode is ReceptionMode.PROVINCE_WIDE:
        points = (
            Authority(AuthorityKind.PROVINCIAL_SERVICE_CENTRE, place),
            *tuple(
                Authority(AuthorityKind.COMMUNE_SERVICE_CENTRE, c) for c in communes(place, on=day)
            ),
        )
    return ReceptionResult(
        procedure=procedure_code,
        province=place,
        on=day,
        mode=best.mode,
        points=points,
        legal_basis=best.legal_basis,
        also=best.also,
        note=best.note,
        rule_id=best.id,
    )


# --- private helpers -----------------------------------------------------------------------------


def _rules_for(procedure_code: object) -> tuple[CompetenceRule, ...]:
    if not isinstance(procedure_code, str):
        raise InputTypeError(
            f"Mã thủ tục (procedure code) must be a string, got {type(procedure_code).__name__}",
            argument="procedure_code",
            got=type(procedure_code).__name__,
        )
    table = _table()
    key = table.code_to_key.get(procedure_code.strip(), procedure_code.strip())
    found = table.by_key.get(key) or _catalogue_rules(key)
    if not found:
        raise NoCompetenceRule(
            f"Không có quy tắc thẩm quyền (no competence rule) for procedure {procedure_code!r}",
            hint="tthc.authorities.procedure_keys() lists the covered procedures; tthc will not "
            "guess the authority of others",
            procedure=procedure_code,
        )
    return found


def _catalogue_rules(code: str) -> tuple[CompetenceRule, ...]:
    # The catalogue layer: researched rules win; only codes without one reach here.
    from tthc.procedures._competence import catalogue_rules  # noqa: PLC0415 - lazy, no cycle

    return catalogue_rules(code)


def _in_force(
    rules: tuple[CompetenceRule, ...], day: _dt.date, place: AdministrativeUnit, procedure: str
) -> list[CompetenceRule]:
    candidates = [r for r in rules if r.applies(day, place.province_code)]
    if not candidates:
        periods = "; ".join(sorted({f"{r.validity}" for r in rules}))
        raise NoCompetenceRule(
            f"Không có quy tắc thẩm quyền (no competence rule): {procedure} on "
            f"{format_date(day)}; tthc has rules for {periods}",
            hint="tthc will not guess: check the decree in force on that date, or add a rule",
            procedure=procedure,
            on=day.isoformat(),
        )
    return candidates


def _matching(
    candidates: list[CompetenceRule], given: Mapping[str, str | bool], procedure: str
) -> list[CompetenceRule]:
    needed = sorted({k for r in candidates for k, _ in r.variant if k not in given})
    if needed:
        options = {
            k: sorted({str(v) for r in candidates for kk, v in r.variant if kk == k})
            for k in needed
        }
        raise NoCompetenceRule(
            f"Thiếu tình tiết (a case fact is missing): {procedure} depends on "
            + ", ".join(f"{k} ({' | '.join(options[k])})" for k in needed),
            hint="pass facts={" + ", ".join(f"{k!r}: ..." for k in needed) + "}",
            procedure=procedure,
            missing_facts=tuple(needed),
        )
    matching = [r for r in candidates if all(given[k] == v for k, v in r.variant)]
    if not matching:
        raise NoCompetenceRule(
            f"Không có quy tắc thẩm quyền (no competence rule) for {procedure} with facts "
            f"{dict(given)}",
            hint="check the values of the facts: "
            + "; ".join(", ".join(f"{k}={v!r}" for k, v in r.variant) for r in candidates),
            procedure=procedure,
        )
    return matching


def _choose(
    matching: list[CompetenceRule], procedure: str
) -> tuple[CompetenceRule, tuple[CompetenceRule, ...]]:
    top = max(r.layer for r in matching)
    chosen = [r for r in matching if r.layer == top]
    if len(chosen) > 1:  # the data tests keep the bundled rules of one layer apart
        raise NoCompetenceRule(
            f"Quy tắc chồng chéo (overlapping rules) for {procedure}: "
            + ", ".join(r.id for r in chosen),
            hint="the competence data give two rules of one layer in force together: keep their "
            "validity periods apart in data/competence/rules.json",
            procedure=procedure,
        )
    rule = chosen[0]
    return rule, tuple(r for r in matching if r is not rule)


def _check_facts(facts: object) -> dict[str, str | bool]:
    if facts is None:
        return {}
    if not isinstance(facts, Mapping):
        raise InputTypeError(
            f"Tình tiết (facts) must be a mapping, got {type(facts).__name__}",
            argument="facts",
            got=type(facts).__name__,
        )
    return {str(k): v for k, v in facts.items()}


def _unit_on(value: object, day: _dt.date) -> AdministrativeUnit:
    if isinstance(value, AdministrativeUnit):
        return require_in_force(value, day)
    if isinstance(value, str):
        return unit(value, on=day)
    raise InputTypeError(
        f"Đơn vị hành chính (unit) must be a code or an AdministrativeUnit, got "
        f"{type(value).__name__}",
        argument="unit",
        got=type(value).__name__,
    )


def _province_of(u: AdministrativeUnit) -> AdministrativeUnit:
    if u.level is UnitLevel.PROVINCE:
        return u
    if u.legacy:
        return legacy_unit(u.province_code)
    return unit(u.province_code)


def _bind(rule: CompetenceRule, place: AdministrativeUnit) -> Authority:
    level = rule.authority_kind.level
    if level is UnitLevel.PROVINCE:
        province = _province_of(place)  # the body by the kind of the province, not of a ward
        return Authority(rule.authority_kind, province, rule.body_for(province))
    if level is UnitLevel.DISTRICT:
        if place.level is UnitLevel.COMMUNE and place.legacy and place.parent_code:
            district = legacy_unit(place.parent_code)
            return Authority(rule.authority_kind, district, rule.body_for(district))
        if place.level is UnitLevel.DISTRICT:
            return Authority(rule.authority_kind, place, rule.body_for(place))
    elif place.level is UnitLevel.COMMUNE:
        return Authority(rule.authority_kind, place, rule.body_for(place))
    raise NoCompetenceRule(
        f"Cấp đơn vị không phù hợp (unit of the wrong level): rule {rule.id} names "
        f"{rule.authority_kind.name_vi}, but {place} is a {place.level.value}",
        hint=f"pass the commune of the {rule.anchor.value.replace('_', ' ')}",
        procedure=rule.procedure,
        unit=place.code,
    )


# --- data loading --------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Table:
    data_version: str
    rules: tuple[CompetenceRule, ...]
    by_key: Mapping[str, tuple[CompetenceRule, ...]]
    code_to_key: Mapping[str, str]


@attrs.frozen(slots=True)
class _ReceptionRule:
    id: str
    mode: ReceptionMode
    validity: Validity
    layer: int
    provinces: frozenset[str] | None
    kinds: frozenset[AuthorityKind] | None
    legal_basis: LegalRef
    also: tuple[LegalRef, ...]
    note: str


@attrs.frozen(slots=True)
class _ReceptionTable:
    data_version: str
    rules: tuple[_ReceptionRule, ...]


_PROCEDURE_FIELDS = frozenset({"codes", "field", "key", "name_vi", "note", "research_row", "rules"})
_RULE_FIELDS = frozenset(
    {
        "also",
        "anchor",
        "authority",
        "body",
        "body_by_kind",
        "body_by_unit",
        "confidence",
        "id",
        "layer",
        "left_to_province",
        "legal_basis",
        "note",
        "provinces",
        "supersedes",
        "valid_from",
        "valid_to",
        "variant",
    }
)
_UNIT_KINDS = frozenset(kind.value for kind in UnitKind)


def _only(mapping: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise DataFileError(
                f"Tệp dữ liệu (data file): unknown field {key!r} at {where}",
                hint="fields: " + ", ".join(sorted(allowed)),
                path=f"{where}.{key}",
            )


def _load_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = bundled_json(f"competence/{name}")
    return data


def _date(value: object, where: str) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(f"Tệp dữ liệu (data file): bad date {value!r} at {where}") from None


def _validity(row: Mapping[str, Any], where: str) -> Validity:
    # Errors of dates, periods and citations are given the row's path by _rule/_reception_rule.
    return Validity(_date(row.get("valid_from"), where), _date(row.get("valid_to"), where))


def _cite(item: Mapping[str, Any], where: str) -> LegalRef:
    # A citation of the registry: {"doc": "<id in documents.json>", "article": ...}.
    if not isinstance(item, Mapping) or "doc" not in item:
        raise DataFileError(
            f"Tệp dữ liệu (data file): a legal reference must cite a document of the registry "
            f'({{"doc": id, "article": ...}}) at {where}'
        )
    return LegalRef.from_mapping(item, where=f"at {where}")


def _check_body_kinds(row: Mapping[str, Any], name: str, where: str) -> None:
    for kind in row.get("body_by_kind", {}):
        if kind not in _UNIT_KINDS:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: {where}.body_by_kind names unit kind "
                f"{kind!r}, which does not exist",
                hint="unit kinds: " + ", ".join(sorted(_UNIT_KINDS)),
                path=f"{where}.body_by_kind.{kind}",
            )


def _rule(proc: Mapping[str, Any], row: Mapping[str, Any], name: str, where: str) -> CompetenceRule:
    _only(row, _RULE_FIELDS, where)
    _check_body_kinds(row, name, where)
    try:
        return CompetenceRule(
            id=row["id"],
            procedure=proc["key"],
            procedure_codes=tuple(proc["codes"]),
            name_vi=proc["name_vi"],
            field=proc["field"],
            variant=tuple(sorted(row.get("variant", {}).items())),
            authority_kind=AuthorityKind[row["authority"]],
            anchor=Anchor(row["anchor"]),
            validity=_validity(row, where),
            legal_basis=_cite(row["legal_basis"], where),
            also=tuple(_cite(a, where) for a in row.get("also", ())),
            confidence=Confidence(row["confidence"]),
            layer=RuleLayer[row["layer"].upper()],
            provinces=frozenset(row["provinces"]) if "provinces" in row else None,
            left_to_province=bool(row.get("left_to_province")),
            body=row.get("body", ""),
            body_by_kind=tuple(sorted(row.get("body_by_kind", {}).items())),
            body_by_unit=tuple(sorted(row.get("body_by_unit", {}).items())),
            note=row.get("note", ""),
            supersedes=row.get("supersedes"),
            research_row=proc.get("research_row"),
        )
    except DataFileError as exc:
        raise DataFileError(exc.message, hint=exc.hint, **{**exc.context, "path": where}) from None
    except (KeyError, ValueError) as exc:
        raise DataFileError(
            f"Tệp dữ liệu (data file) {name}: bad rule at {where}: {exc!r}", path=where
        ) from None


def _check_supersedes(rules: list[CompetenceRule], name: str) -> None:
    ids = {rule.id for rule in rules}
    for rule in rules:
        if rule.supersedes is not None and rule.supersedes not in ids:
            raise DataFileError(
                f"Tệp dữ liệu (data file) {name}: rule {rule.id!r} supersedes {rule.supersedes!r}, "
                "which does not exist",
                path=f"{name} rules.{rule.id}.supersedes",
            )


@functools.cache
def _table() -> _Table:
    name = "rules.json"
    raw = _load_json(name)
    rules: list[CompetenceRule] = []
    by_key: dict[str, tuple[CompetenceRule, ...]] = {}
    code_to_key: dict[str, str] = {}
    for i, proc in enumerate(raw["procedures"]):
        _only(proc, _PROCEDURE_FIELDS, f"{name} procedures[{i}]")
        found = tuple(
            _rule(proc, row, name, f"{name} procedures[{i}].rules[{j}]")
            for j, row in enumerate(proc["rules"])
        )
        by_key[proc["key"]] = found
        rules.extend(found)
        for code in proc["codes"]:
            code_to_key[code] = proc["key"]
    _check_supersedes(rules, name)
    return _Table(
        data_version=str(raw["data_version"]),
        rules=tuple(rules),
        by_key=by_key,
        code_to_key=code_to_key,
    )


_RECEPTION_LAYER = {"national": 0, "province": 1}


def _reception_rule(row: Mapping[str, Any], where: str) -> _ReceptionRule:
    try:
        return _ReceptionRule(
            id=row["id"],
            mode=ReceptionMode(row["mode"]),
            validity=_validity(row, where),
            layer=_RECEPTION_LAYER[row["layer"]],
            provinces=frozenset(row["provinces"]) if "provinces" in row else None,
            kinds=frozenset(AuthorityKind[k] for k in row["kinds"]) if "kinds" in row else None,
            legal_basis=_cite(row["legal_basis"], where),
            also=tuple(_cite(a, where) for a in row.get("also", ())),
            note=row.get("note", ""),
        )
    except DataFileError as exc:
        raise DataFileError(exc.message, hint=exc.hint, **{**exc.context, "path": where}) from None
    except (KeyError, ValueError) as exc:
        raise DataFileError(
            f"Tệp dữ liệu (data file) reception.json: bad rule at {where}: {exc!r}", path=where
        ) from None


@functools.cache
def _reception() -> _ReceptionTable:
    name = "reception.json"
    raw = _load_json(name)
    rules = tuple(_reception_rule(row, f"{name} rules[{i}]") for i, row in enumerate(raw["rules"]))
    return _ReceptionTable(data_version=str(raw["data_version"]), rules=rules)
