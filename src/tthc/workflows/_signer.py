"""The check of the signing step against the competent authority (thẩm quyền)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from tthc._time import format_date
from tthc.authorities import AuthorityKind
from tthc.errors import NoCompetenceRule, TthcError
from tthc.legal import LegalRef
from tthc.workflows._findings import Finding, Severity, finding
from tthc.workflows._model import Step, Workflow

__all__: list[str] = []  # private module

_COMPATIBLE = {
    frozenset({AuthorityKind.COMMUNE_PC, AuthorityKind.COMMUNE_PC_CHAIR}),
    frozenset({AuthorityKind.PROVINCIAL_PC, AuthorityKind.PROVINCIAL_PC_CHAIR}),
    frozenset({AuthorityKind.DISTRICT_PC, AuthorityKind.DISTRICT_PC_CHAIR}),
}
_NOT_CHECKED = "Không kiểm tra thẩm quyền ký (signer not checked)"


def _resolve_signer(
    code: str, unit: Any, on: _dt.date, facts: Mapping[str, str | bool] | None
) -> tuple[AuthorityKind | None, LegalRef | None, str]:
    """Competent authority kind from [`tthc.authorities`][tthc.authorities] (isolated: that API is young).

    Returns (kind, legal basis, reason it could not be resolved).
    """
    from tthc.authorities import resolve_authority  # noqa: PLC0415 - loads the rule table lazily

    try:
        result = resolve_authority(code, unit=unit, on=on, facts=facts)
    except NoCompetenceRule as exc:
        return None, None, exc.message
    except TthcError as exc:
        return None, None, f"{exc.code}: {exc.message}"
    if result.authority is None:
        return (
            None,
            result.legal_basis,
            "the law leaves the competent authority to a provincial decision "
            f"({result.legal_basis.cite()})",
        )
    return result.authority.kind, result.legal_basis, ""


def _signer_matches(signer: AuthorityKind, competent: AuthorityKind) -> bool:
    # The Chair signs on behalf of the committee (thay mặt Ủy ban nhân dân) and the committee's
    # result carries the Chair's signature: the two are interchangeable for the signing step.
    return signer is competent or frozenset({signer, competent}) in _COMPATIBLE


def check_signer(
    workflow: Workflow, day: _dt.date, unit: Any, facts: Mapping[str, str | bool] | None
) -> list[Finding]:
    """``signer.not_competent`` for each signing step, or ``signer.not_checked``."""
    signers = [s for s in workflow.steps if s.is_signing]
    if not signers:
        return []
    if unit is None:
        return [
            finding(
                "signer.not_checked",
                Severity.INFO,
                f"{_NOT_CHECKED}: pass unit=... (the commune or province where the process is "
                "used) to compare the signer with the competent authority",
                [s.id for s in signers],
            )
        ]
    competent, basis, reason = _resolve_signer(workflow.procedure_code, unit, day, facts)
    if competent is None:
        return [
            finding(
                "signer.not_checked",
                Severity.INFO,
                f"{_NOT_CHECKED}: {reason}",
                [s.id for s in signers],
                legal_ref=basis,
            )
        ]
    found = (_check_one(workflow, step, day, competent, basis) for step in signers)
    return [f for f in found if f is not None]


def _check_one(
    workflow: Workflow,
    step: Step,
    day: _dt.date,
    competent: AuthorityKind,
    basis: LegalRef | None,
) -> Finding | None:
    if step.authority_kind is None:
        return finding(
            "signer.not_checked",
            Severity.INFO,
            f"{_NOT_CHECKED}: signing step {step.id!r} names no authority_kind",
            [step.id],
            legal_ref=basis,
        )
    if _signer_matches(step.authority_kind, competent):
        return None
    return Finding(
        code="signer.not_competent",
        severity=Severity.ERROR,
        message=f"Người ký không có thẩm quyền (signer not competent): step {step.id!r} signs "
        f"as {step.authority_kind.name_vi}, but on {format_date(day)} the competent authority "
        f"for {workflow.procedure_code} is {competent.name_vi}",
        steps=(step.id,),
        legal_ref=basis,
        hint=f"sign in the name of {competent.name_vi} ({competent.value})",
    )
