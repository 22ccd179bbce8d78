"""tthc.workflows — mermaid(): the workflow as a Mermaid flowchart."""

from __future__ import annotations

import pytest
from workflow_helpers import H, step, wf

from tthc.errors import InputTypeError
from tthc.workflows import example, mermaid


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
