"""tthc.workflows — Finding and Report: rendering, the JSON form, the groups, the defaults of
``finding`` (the legal basis of the code from the rule data, Nghị định 118/2025/NĐ-CP)."""

from __future__ import annotations

from tthc.legal import LegalRef
from tthc.workflows import Finding, Report, Severity
from tthc.workflows._findings import finding, report_of


def test_a_bare_finding_renders_without_steps_or_basis() -> None:
    bare = Finding("x.y", Severity.WARNING, "Thông điệp (message)")
    assert str(bare) == "warning[x.y]: Thông điệp (message)"
    assert bare.to_dict() == {
        "code": "x.y",
        "severity": "warning",
        "message": "Thông điệp (message)",
        "steps": [],
        "hint": "",
        "legal_ref": None,
    }


def test_finding_takes_the_basis_of_its_code_unless_given() -> None:
    made = finding("graph.cycle", Severity.ERROR, "m", ["a", "b"])
    assert (made.steps, made.hint) == (("a", "b"), "")
    assert made.legal_ref is not None
    assert (made.legal_ref.document, made.legal_ref.article) == (
        "118/2025/NĐ-CP",
        "Điều 12 khoản 3",
    )
    assert str(made) == (
        "error[graph.cycle] [a, b]: m — khoản 3 Điều 12, Nghị định 118/2025/NĐ-CP (Chính phủ, "
        "09/06/2025)"
    )
    own = LegalRef("60/2014/QH13", article="Điều 13")
    given = finding("graph.cycle", Severity.ERROR, "m", legal_ref=own, hint="h")
    assert (given.legal_ref, given.hint, given.steps) == (own, "h", ())


def test_report_groups_in_severity_order() -> None:
    info = Finding("i", Severity.INFO, "i")
    warning = Finding("w", Severity.WARNING, "w")
    error1 = Finding("e1", Severity.ERROR, "e")
    error2 = Finding("e2", Severity.ERROR, "e")
    report = report_of([info, error1, warning, error2])
    assert tuple(report) == (error1, error2, warning, info)
    assert (report.errors, report.warnings, report.infos) == ((error1, error2), (warning,), (info,))
    assert report.codes == ("e1", "e2", "w", "i")
    assert not report.ok
    assert report_of([info, warning]).ok
    assert Report().ok
    assert repr(report_of([info])) == f"Report([{info!r}])"
