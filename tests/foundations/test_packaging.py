"""Packaging follows current conventions (issue 21, item 6), and the files that say so agree.

* The build backend floor builds the ``license-files`` table (hatchling 1.27 added it).
* Development tooling lives in PEP 735 dependency groups, not in published extras.
* The Pythons nox tests are the Pythons the classifiers claim, from ``requires-python`` on.
* The README's test command is the command CI runs.
* The ``Documentation`` URL has a build configuration (Read the Docs) that builds this mkdocs site
  with the ``docs`` group.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

# tomllib is in the standard library from Python 3.11; the facts checked here do not depend on
# the Python running them.
tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
TOOLING = ("pytest", "hypothesis", "ruff", "mypy", "mkdocs", "nox", "jsonschema", "coverage")


def _version(spec: str) -> tuple[int, ...]:
    match = re.search(r">=\s*([\d.]+)", spec)
    assert match, spec
    return tuple(int(part) for part in match.group(1).split("."))


def test_build_backend_floor_builds_the_license_files_table() -> None:
    (backend,) = [r for r in PYPROJECT["build-system"]["requires"] if r.startswith("hatchling")]
    assert _version(backend) >= (1, 27), backend
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]


def test_tooling_is_in_dependency_groups_not_in_published_extras() -> None:
    groups = PYPROJECT["dependency-groups"]
    assert {"test", "lint", "docs", "dev"} <= set(groups)
    for name, requirements in PYPROJECT["project"]["optional-dependencies"].items():
        for requirement in requirements:
            assert not requirement.startswith(TOOLING), f"extra {name!r} publishes {requirement}"
    included = {item["include-group"] for item in groups["dev"] if isinstance(item, dict)}
    assert included == {"test", "lint", "docs"}


def _nox_pythons() -> list[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text("utf-8"))
    (value,) = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "PYTHONS" for t in node.targets)
    ]
    return list(ast.literal_eval(value))


def test_nox_matrix_is_the_claimed_pythons() -> None:
    claimed = [
        c.rsplit(":: ", 1)[1]
        for c in PYPROJECT["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert _nox_pythons() == claimed
    floor = PYPROJECT["project"]["requires-python"]
    assert floor == f">={claimed[0]}"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    (command,) = [
        line
        for line in readme.splitlines()
        if line.startswith("python -m pip") and line.rstrip().endswith("python -m pytest")
    ]
    assert "--group test" in command
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert command in ci
    assert command in (ROOT / "docs" / "index.md").read_text("utf-8")


def test_documentation_url_has_a_build_configuration() -> None:
    assert PYPROJECT["project"]["urls"]["Documentation"].startswith("https://tthc.readthedocs.io")
    config = (ROOT / ".readthedocs.yaml").read_text("utf-8")
    assert re.search(r"^version: 2$", config, re.MULTILINE)
    assert re.search(r"^\s+configuration: mkdocs\.yml$", config, re.MULTILINE)
    assert "--group docs" in config
    assert (ROOT / "mkdocs.yml").is_file()
