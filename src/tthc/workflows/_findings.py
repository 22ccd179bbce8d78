"""The results of [`tthc.workflows.validate`][tthc.workflows.validate]: [`Finding`][tthc.procedures.Finding] s in a [`Report`][tthc.workflows.Report]."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from tthc.legal import LegalRef
from tthc.workflows._rules import finding_ref

__all__: list[str] = []  # private module: the names are exported by tthc.workflows


class Severity(str, enum.Enum):
    """Severity of a [`Finding`][tthc.procedures.Finding]."""

    ERROR = "error"
    """The configuration breaks a legal rule; [`Report.ok`][tthc.workflows.Report.ok] is False."""
    WARNING = "warning"
    """Probably wrong or risky; check it."""
    INFO = "info"
    """Something tthc could not check, or a remark."""


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(slots=True)
class Finding:
    """One result of [`validate`][tthc.workflows.validate].

    Attributes:
        code: Stable code (``"workflow.over_limit"``, ``"step.abolished_level"``, ...; the list
            is in the guide).
        severity: [`Severity`][tthc.workflows.Severity].
        message: Vietnamese term, English meaning and details.
        steps: Ids of the steps concerned (empty when the finding is about the whole workflow).
        legal_ref: The rule the finding rests on.
        hint: What to change.
    """

    code: str
    severity: Severity
    message: str
    steps: tuple[str, ...] = ()
    legal_ref: LegalRef | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = f" [{', '.join(self.steps)}]" if self.steps else ""
        basis = f" — {self.legal_ref.cite()}" if self.legal_ref else ""
        return f"{self.severity.value}[{self.code}]{where}: {self.message}{basis}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form (the legal reference with its citation)."""
        ref = self.legal_ref
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "steps": list(self.steps),
            "hint": self.hint,
            "legal_ref": None if ref is None else ref.to_dict(),
        }


class Report(tuple[Finding, ...]):
    """The findings of [`validate`][tthc.workflows.validate]: a tuple of [`Finding`][tthc.procedures.Finding].

    Errors come first, then warnings, then infos (each group in check order).
    """

    __slots__ = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Findings of severity info."""
        return tuple(f for f in self if f.severity is Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos allowed)."""
        return not self.errors

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self)

    def __repr__(self) -> str:
        return f"Report({list(self)!r})"


def report_of(findings: Iterable[Finding]) -> Report:
    """Return the report of ``findings``, errors first (each group in the given order)."""
    return Report(sorted(findings, key=lambda f: _RANK[f.severity]))


def finding(
    code: str,
    severity: Severity,
    message: str,
    steps: Iterable[str] = (),
    *,
    legal_ref: LegalRef | None = None,
    hint: str = "",
) -> Finding:
    """Return a [`Finding`][tthc.procedures.Finding]; its legal basis is the one of ``code`` unless given."""
    return Finding(
        code=code,
        severity=severity,
        message=message,
        steps=tuple(steps),
        legal_ref=legal_ref if legal_ref is not None else finding_ref(code),
        hint=hint,
    )
