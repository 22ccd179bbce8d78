"""Nox sessions: ``nox -s tests lint typecheck docs`` (and ``nox -s docs_browser``)."""

from __future__ import annotations

import pathlib
import shutil
import tempfile

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "docs"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
# The Pythons the package claims (its trove classifiers); a test checks the two agree.
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


def _install(session: nox.Session, *groups: str, editable: bool = True) -> None:
    """Install tthc and the PEP 735 dependency groups of pyproject.toml."""
    requirements = [
        req for group in groups for req in nox.project.dependency_groups(PYPROJECT, group)
    ]
    session.install(*(["-e", "."] if editable else ["."]), *requirements)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the whole test suite with branch coverage, on every claimed Python (``nox -s tests``)."""
    _install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHONS)
def matrix(session: nox.Session) -> None:
    """Install tthc (not editable) on one claimed Python and run the core of the suite.

    CI runs it on the oldest and the newest Python (``nox -s matrix-3.10 matrix-3.13``) beside the
    full run on its own Python: the language features, the bundled data in an installed package and
    the rules the calendar, deadlines and dossiers give. ``nox -s tests`` runs everything everywhere.
    """
    _install(session, "test", editable=False)
    session.chdir(session.create_tmp())
    root = pathlib.Path(__file__).parent
    core = ["calendar", "deadlines", "dossiers", "foundations"]
    session.run(
        "pytest",
        "--no-cov",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--rootdir={root}",
        "-c",
        str(root / "pyproject.toml"),
        *[str(root / "tests" / name) for name in core],
        *session.posargs,
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Mypy in strict mode over src/tthc."""
    _install(session, "test", "lint")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site strictly (every warning is an error)."""
    _install(session, "docs")
    session.run("mkdocs", "build", "--strict", *session.posargs)


@nox.session
def docs_browser(session: nox.Session) -> None:
    """Build the site and load its main pages in headless Chromium (no missing assets).

    Needs Debian's ``chromium`` on PATH (``apt-get install chromium``). ``TTHC_UPDATE_SCREENSHOTS=1``
    refreshes the screenshots in docs/assets/screenshots/ (shown in docs/design.md);
    ``TTHC_DOCS_SCREENSHOTS=DIR`` writes them to DIR.
    """
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        session.error("chromium is not on PATH: apt-get install chromium")
    _install(session, "test", "docs")
    session.run("pytest", "-p", "no:cacheprovider", "tests/test_docs_site.py", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Run the atheris harnesses of fuzz/ for a bounded number of runs each.

    Defaults: 100,000 runs for the parser and the loaders, 5,000 for the command line (about
    3 minutes in all). ``nox -s fuzz -- -atheris_runs=1000000`` runs every harness longer. The
    bounded hypothesis fuzz tests run in the normal test suite (tests/**/test_*_bad_input.py, shared machinery in tests/fuzzing.py).
    """
    session.install("-e", ".", "atheris")
    runs = {
        "fuzz_parse_time.py": "-atheris_runs=100000",
        "fuzz_loaders.py": "-atheris_runs=100000",
        "fuzz_cli.py": "-atheris_runs=5000",
    }
    for harness, default in runs.items():
        session.run("python", f"fuzz/{harness}", *(session.posargs or [default]))


@nox.session
def mutation(session: nox.Session) -> None:
    """Mutation testing (mutmut 3) of the model modules, one family at a time.

    Runs in a scratch copy of the repository (mutmut writes ``mutants/``), with the
    ``[tool.mutmut]`` settings below and only the tests of those modules. Slow: about 3 minutes
    for calendar.py on 2 cores, much longer for the others. ``nox -s mutation -- calendar``
    limits the run to one module family (calendar, deadlines, dossiers, authorities, units,
    serde, workflows or staffing); names of mutants after the family (``nox -s mutation -- serde
    'tthc.dossiers._serde*'``) limit it to those. A mutant may run three times as long as the
    tests did before it is counted as a timeout (mutmut's default, 15 times, lets a mutant that
    loops for ever hold a worker for minutes).
    """

    def sources(*patterns: str) -> list[str]:
        return sorted(str(p) for pattern in patterns for p in pathlib.Path().glob(pattern))

    families = {
        # the calendar package and its defaults; not the loader of the bundled data
        "calendar": (
            [p for p in sources("src/tthc/calendar/*.py") if not p.endswith("_official.py")],
            ["tests/calendar/"],
        ),
        "deadlines": (sources("src/tthc/deadlines/*.py"), ["tests/deadlines/"]),
        # the spawn pool and the Dask cluster of test_dossier_processes.py (seconds each, started
        # for every mutant they cover) are left out: the pickle and copy round trips of
        # tests/test_serde.py pin what they ship; they run in the suite
        "dossiers": (
            sources("src/tthc/dossiers/*.py"),
            [
                "tests/dossiers/",
                "tests/test_serde.py",
                "--ignore=tests/dossiers/test_dossier_processes.py",
            ],
        ),
        # issue 17, item 5: the remaining model modules, each with the tests of its concept
        "authorities": (
            ["src/tthc/authorities.py"],
            [
                "tests/test_authorities.py",
                "tests/test_authorities_bad_input.py",
                "tests/test_authorities_edited_data.py",
            ],
        ),
        # the names' folding (tone placement, apostrophes) lives in tthc._text since issue 14
        "units": (
            ["src/tthc/units.py", "src/tthc/_text.py"],
            [*sources("tests/test_units*.py"), "tests/foundations/test_text_and_time.py"],
        ),
        "foundations": (
            ["src/tthc/_time.py", "src/tthc/_slots.py"],
            ["tests/foundations/test_text_and_time.py", "tests/foundations/test_slots.py"],
        ),
        "serde": (
            ["src/tthc/serde.py", "src/tthc/calendar/_serde.py", "src/tthc/dossiers/_serde.py"],
            [
                "tests/test_serde.py",
                "tests/dossiers/test_dossier_persistence.py",
                "tests/dossiers/test_dossier_storage.py",
                "tests/dossiers/test_dossier_extremes.py",
                "tests/dossiers/test_dossier_serde_hooks.py",
                "tests/dossiers/test_dossier_storage_plain.py",
            ],
        ),
        # the 250-example oracle runs and the fuzz runs (seconds each) are left out: the same
        # oracles on 40 examples and the word-for-word tests pin the findings; all run in the suite
        "workflows": (
            sources("src/tthc/workflows/*.py"),
            [
                *(p for p in sources("tests/workflows/test_*.py") if "bad_input" not in p),
                *(
                    f"tests/workflows/test_workflow_bad_input.py::{t}"
                    for t in (
                        "test_workflow_json_deep_nesting",
                        "test_workflow_csv_bare_carriage_return",
                        "test_workflow_csv_impossible_cutoff_hour",
                    )
                ),
                "--deselect=tests/workflows/test_workflow_linear.py::test_findings_unchanged",
                "--deselect=tests/workflows/test_workflow_linear.py::test_graph_primitives_unchanged",
            ],
        ),
        # the fuzz tests, the 2.4 MB streaming test and the example scripts (seconds each) are
        # left out: faster tests pin the same answers and refusals; they still run in the suite
        "staffing": (
            sources("src/tthc/staffing/*.py"),
            [
                "tests/staffing/",
                *(
                    f"--deselect=tests/staffing/{t}"
                    for t in (
                        "test_counts_streaming.py::test_large_input_is_streamed",
                        "test_staffing_bad_input.py::test_staffing_counts_csv",
                        "test_staffing_bad_input.py::test_staffing_efforts",
                        "test_staffing_bad_input.py::test_staffing_json_efforts_are_refused",
                        "test_staffing_docs.py::test_example_scripts_run_small",
                    )
                ),
            ],
        ),
    }
    _install(session, "test")
    session.install("mutmut>=3.3")
    root = pathlib.Path.cwd()
    names = [arg for arg in session.posargs if arg in families] or list(families)
    mutants = [arg for arg in session.posargs if arg not in families]
    for name in names:
        paths, tests = families[name]
        work = pathlib.Path(tempfile.mkdtemp(prefix=f"tthc-mutmut-{name}-")) / "repo"
        shutil.copytree(
            root,
            work,
            ignore=shutil.ignore_patterns(
                ".git", ".nox", ".hypothesis", "mutants", "site", ".*cache"
            ),
        )
        config = (root / "pyproject.toml").read_text(encoding="utf-8")
        config += (
            "\n[tool.mutmut]\n"
            'source_paths = ["src/"]\n'
            'also_copy = ["examples/", "bench/", "docs/", "README.md", "mkdocs.yml"]\n'
            f"only_mutate = {paths!r}\n"
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "--no-cov", "-x", "-q", "--hypothesis-seed=0"]\n'
            f"pytest_add_cli_args_test_selection = {tests!r}\n"
            "timeout_multiplier = 3.0\n"
        ).replace("'", '"')
        (work / "pyproject.toml").write_text(config, encoding="utf-8")
        session.chdir(work)
        session.run("mutmut", "run", "--max-children", "2", *mutants)
        session.run("mutmut", "export-cicd-stats", success_codes=[0, 1, 2])
        session.log(f"mutmut {name}: results in {work}/mutants (mutmut results / mutmut browse)")
        session.chdir(root)
