"""tthc.workflows — mermaid(): the workflow as a Mermaid flowchart."""

from __future__ import annotations

import pytest
from workflow_helpers import D, H, step, wf

from tthc.errors import InputTypeError
from tthc.workflows import Phase, example, mermaid


def test_mermaid() -> None:
    text = mermaid(example("dat-dai.dang-ky-bien-dong"))
    assert text.startswith("flowchart TD\n")
    assert 'subgraph p0["Giai đoạn 1: đến khi xác định nghĩa vụ tài chính"]' in text
    assert "p0 -.->|Người sử dụng đất nộp chứng từ hoàn thành nghĩa vụ tài chính| p1" in text
    assert "s1 -->|thue| s2" in text  # the tax branch
    assert 's7{{"Ký xác nhận' in text  # the signing step is a hexagon
    assert 's0(["Tiếp nhận' in text  # intake is a stadium
    plain = mermaid(wf(step("a", H(1), is_intake=True, note="x"), step("b", H(1), "a")))
    assert "subgraph" not in plain
    assert "s0 --> s1" in plain
    with pytest.raises(InputTypeError):
        mermaid("w")  # type: ignore[arg-type]


def test_mermaid_whole_text_with_phases() -> None:
    # Quotes become #quot; and line breaks spaces (Mermaid labels are one quoted line); a phase
    # with no starts_after is joined by an unlabelled dotted edge; the branch labels its edge.
    w = wf(
        step("a", H(1), is_intake=True, phase="g1"),
        step("b", D(2), "a", phase="g1", branch="thue"),
        step("c", H(1), "b", phase="g2", is_signing=True),
        step("d", H(1), phase="g3", is_return=True),
        phases=(
            Phase("g1", 'Giai đoạn "1"\nđầu'),
            Phase("g2", "Hai", starts_after='Nộp "chứng từ"'),
            Phase("g3", "Ba"),
        ),
    )
    assert mermaid(w) == (
        "flowchart TD\n"
        '  subgraph p0["Giai đoạn #quot;1#quot; đầu"]\n'
        '    s0(["Bước a<br/>Công chức<br/><i>1 giờ làm việc</i>"])\n'
        '    s1["Bước b<br/>Công chức<br/><i>2 ngày làm việc</i>"]\n'
        "  end\n"
        '  subgraph p1["Hai"]\n'
        '    s2{{"Bước c<br/>Công chức<br/><i>1 giờ làm việc</i>"}}\n'
        "  end\n"
        '  subgraph p2["Ba"]\n'
        '    s3(["Bước d<br/>Công chức<br/><i>1 giờ làm việc</i>"])\n'
        "  end\n"
        "  p0 -.->|Nộp #quot;chứng từ#quot;| p1\n"
        "  p1 -.-> p2\n"
        "  s0 -->|thue| s1\n"
        "  s1 --> s2\n"
    )


def test_mermaid_whole_text_without_phases() -> None:
    # An unknown dependency ("zz", reported by validate) draws no edge.
    w = wf(step("a", H(1), is_intake=True), step("b", H(2), "a", "zz", is_return=True))
    assert mermaid(w) == (
        "flowchart TD\n"
        '  s0(["Bước a<br/>Công chức<br/><i>1 giờ làm việc</i>"])\n'
        '  s1(["Bước b<br/>Công chức<br/><i>2 giờ làm việc</i>"])\n'
        "  s0 --> s1\n"
    )
