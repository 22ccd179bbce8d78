"""[`mermaid`][tthc.workflows.mermaid]: a workflow drawn as a Mermaid flowchart."""

from __future__ import annotations

from tthc.workflows._model import Step, Workflow, require_workflow

__all__: list[str] = []  # private module: mermaid is exported by tthc.workflows


def _label(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", " ")


def _shape(step: Step, node: str) -> str:
    text = _label(f"{step.name}<br/>{step.role}<br/><i>{step.budget}</i>")
    if step.is_signing:
        return f'{node}{{{{"{text}"}}}}'
    if step.is_intake or step.is_return:
        return f'{node}(["{text}"])'
    return f'{node}["{text}"]'


def mermaid(workflow: Workflow) -> str:
    """Return a Mermaid ``flowchart`` of the workflow.

    Phases become subgraphs; intake and return steps are drawn as stadiums, the signing step as a
    hexagon; edges into a parallel branch carry the branch label.

    Raises:
        InputTypeError: ``workflow`` is not a [`Workflow`][tthc.workflows.Workflow].
    """
    require_workflow(workflow)
    node = {s.id: f"s{i}" for i, s in enumerate(workflow.steps)}
    lines = ["flowchart TD"]
    if workflow.phases:
        for i, ph in enumerate(workflow.phases):
            lines.append(f'  subgraph p{i}["{_label(ph.name)}"]')
            lines.extend(f"    {_shape(s, node[s.id])}" for s in workflow.steps if s.phase == ph.id)
            lines.append("  end")
        for i, after in enumerate(workflow.phases[1:], start=1):
            label = f"|{_label(after.starts_after)}|" if after.starts_after else ""
            lines.append(f"  p{i - 1} -.->{label} p{i}")
    else:
        lines.extend(f"  {_shape(s, node[s.id])}" for s in workflow.steps)
    for s in workflow.steps:
        for d in s.depends_on:
            if d in node:
                label = f"|{_label(s.branch)}|" if s.branch else ""
                lines.append(f"  {node[d]} -->{label} {node[s.id]}")
    return "\n".join(lines) + "\n"
