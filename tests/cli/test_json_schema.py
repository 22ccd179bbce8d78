"""Every command's ``--json`` output follows the bundled JSON Schema (``tthc schema``).

Each documented command runs in-process on bundled data — unit 31135 (Phường Ninh Kiều, Cần
Thơ, Nghị quyết 1668/NQ-UBTVQH15), procedure 1.001193 (đăng ký khai sinh), the bundled example
workflows, a dossier and the Biểu 07a scenario of the report tests — and its output is validated
against the command's schema with ``jsonschema`` (draft 2020-12). The other tests pin the rules
of issue 21 the schema writes down, each of which the output of 0.1 broke: one legal-reference
object under one key name, one vocabulary per confidence, null for absent values, JSON from
``calendar-export --json``, one diagram per ``workflow diagram``, and no option ignored silently
(``--channel`` with ``--time``, an unknown ``--fact``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import workflows
from tthc._time import VN_TZ
from tthc.cli import build_parser, main
from tthc.cli._schema import TEXT_ONLY, cli_schema, command_names, command_schema
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.legal import LegalRef
from tthc.serde import to_json

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
from test_form07a import scenario

ROOT = Path(__file__).parents[2]
WRONG = ROOT / "examples" / "data" / "wrong_workflows.csv"  # bundled example with findings
LEGAL_REF_KEYS = set(LegalRef("x").to_dict())
SOURCE_CONFIDENCE = {"official", "press", "reported"}
RULE_CONFIDENCE = {"H", "M", "L"}
CODE = "000.00.01.H29-260309-0001"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Ninh Kiều")
AUTHORITY = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Ninh Kiều")


def _vn(month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The input files of the commands that read one."""
    d = tmp_path_factory.mktemp("json_schema")
    k = EventKind
    dossier = Dossier(
        CODE, "1.001193", Channel.COUNTER, ONE_STOP.unit, AUTHORITY.unit, Duration.working_days(10)
    ).apply_all(
        [  # Decree 118/2025 Điều 19.5-19.6: a supplement restarts the limit, then an extension
            DossierEvent(k.ACCEPTED, CODE, _vn(3, 9, 9), ONE_STOP),
            DossierEvent(k.FORWARDED, CODE, _vn(3, 9, 10), ONE_STOP, to_unit=AUTHORITY.unit),
            DossierEvent(k.SUPPLEMENT_REQUESTED, CODE, _vn(3, 11, 10), ONE_STOP, reason="Bản sao"),
            DossierEvent(k.SUPPLEMENT_RECEIVED, CODE, _vn(3, 20, 10), ONE_STOP),
            DossierEvent(k.FORWARDED, CODE, _vn(3, 20, 11), ONE_STOP, to_unit=AUTHORITY.unit),
            DossierEvent(
                k.EXTENSION_GRANTED,
                CODE,
                _vn(4, 2, 9),
                AUTHORITY,
                new_due_date=dt.date(2026, 4, 10),
                reason="Xin lỗi và hẹn lại",
            ),
        ]
    )
    paths = {
        "dossier": d / "dossier.json",
        "dossiers": d / "dossiers.jsonl",
        "workflows": d / "workflows.csv",
        "counts": d / "counts.csv",
        "addresses": d / "addresses.csv",
        "codes": d / "codes.csv",
    }
    paths["dossier"].write_text(to_json(dossier, indent=2), encoding="utf-8")
    lines = [to_json(x) for key, x in scenario().items() if key != "K"]  # K is online
    paths["dossiers"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths["workflows"].write_text(workflows.to_csv(workflows.examples()), encoding="utf-8")
    paths["counts"].write_text(
        "unit_code,unit_name,unit_kind,procedure_code,field,month,count,in_person\n"
        "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2025-06,300,150\n"
        "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2025-07,500,250\n",
        encoding="utf-8",
    )
    paths["addresses"].write_text(
        'ma,dia_chi\nHS-1,"P. Tân An, Q. Ninh Kiều, TP Cần Thơ"\n'
        'HS-2,"Phường Ninh Kiều, Thành phố Cần Thơ"\n',
        encoding="utf-8",
    )
    # 31117 merged whole into 31135; 31178 (Bùi Hữu Nghĩa) was split; 99999 never existed
    paths["codes"].write_text("ma,ma_xa\nA,31117\nB,31178\nC,99999\n", encoding="utf-8")
    return {name: str(path) for name, path in paths.items()} | {"dir": str(d)}


#: (command as typed for `tthc schema`, arguments): every documented command with --json.
RUNS: list[tuple[str, list[str]]] = [
    ("calendar", ["calendar", "2026", "--json"]),
    ("calendar", ["calendar", "2028", "--json"]),  # not announced: provisional
    ("workdays", ["workdays", "2026-04-29", "2026-05-08", "--json"]),
    (
        "deadline",
        ["deadline", "--accepted", "2026-04-29 16:00", "--time", "05 ngày làm việc", "--json"],
    ),
    (
        "deadline",
        ["deadline", "--accepted", "2026-04-29 16:00", "--procedure", "1.001193", "--json"],
    ),
    (
        "deadline",
        [
            "deadline",
            "--accepted",
            "2026-04-29 10:00",
            "--channel",
            "trực tuyến",
            "--time",
            "Trực tiếp: 05 ngày làm việc; trực tuyến: 03 ngày làm việc",
            "--json",
        ],
    ),
    ("authority", ["authority", "1.001193", "--unit", "31135", "--on", "2026-03-01", "--json"]),
    (
        "authority",
        [
            "authority",
            "quy-hoach.phe-duyet",
            "--unit",
            "31135",
            "--on",
            "2026-03-01",
            "--fact",
            "plan_scope=multi_commune",
            "--json",
        ],
    ),
    ("unit", ["unit", "Ninh Kiều", "--json"]),
    ("unit", ["unit", "Tân An", "--province", "92", "--on", "2025-06-30", "--json"]),
    ("unit", ["unit", "Quận Ninh Kiều", "--on", "2025-06-30", "--json"]),  # district: communes
    ("unit successors", ["unit", "successors", "31178", "--json"]),  # split: two candidates
    ("unit successors", ["unit", "successors", "916", "--json"]),  # Quận Ninh Kiều: its communes
    ("unit predecessors", ["unit", "predecessors", "31135", "--json"]),
    ("workflow check", ["workflow", "check", "{workflows}", "--unit", "31135", "--json"]),
    ("workflow check", ["workflow", "check", str(WRONG), "--on", "2026-03-01", "--json"]),
    ("workload plan", ["workload", "plan", "{counts}", "--json"]),
    ("dossier show", ["dossier", "show", "{dossier}", "--json"]),
    ("dossier show", ["dossier", "show", "{dossier}", "--as-of", "2026-04-20 09:00", "--json"]),
    ("dossier portal", ["dossier", "portal", "{dossier}", "--json"]),
    ("calendar-export", ["calendar-export", "--from", "2026", "--to", "2026", "--json"]),
    ("calendar-export", ["calendar-export", "--from", "2026", "--to", "2026", "--format", "json"]),
    (
        "calendar-export",
        ["calendar-export", "--from", "2026", "--to", "2026", "-o", "{dir}/cal.csv", "--json"],
    ),
    (
        "calendar-export",
        ["calendar-export", "--format", "sql", "-o", "{dir}/cal.sql", "--json"],
    ),
    ("procedure search", ["procedure", "search", "khai sinh", "--level", "xã", "--json"]),
    ("procedure show", ["procedure", "show", "1.001193", "--json"]),
    ("procedure fields", ["procedure", "fields", "--json"]),
    ("catalogue lint", ["catalogue", "lint", "--publisher", "bo-tu-phap", "--json"]),
    ("migrate addresses", ["migrate", "addresses", "{addresses}", "--column", "dia_chi", "--json"]),
    ("migrate codes", ["migrate", "codes", "{codes}", "--column", "ma_xa", "--json"]),
    ("report period", ["report", "period", "2026-Q3", "--json"]),
    ("report period", ["report", "period", "2026", "--json"]),
    ("report 07a", ["report", "07a", "--period", "2026-09", "{dossiers}", "--json"]),
    ("schema", ["schema", "--json"]),
    ("schema", ["schema", "workflow", "check"]),
]


def _argv(argv: list[str], files: dict[str, str]) -> list[str]:
    return [arg.format(**files) for arg in argv]


def _output(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    status = main(argv)
    captured = capsys.readouterr()
    assert status in (0, 1), captured.err  # 1: findings, late dossiers, rows to review
    assert captured.err == ""
    return json.loads(captured.out)


Run = tuple[str, list[str], int, str, str]
"""A run of RUNS: command, arguments, exit status, standard output, standard error."""


@pytest.fixture(scope="module")
def runs(files: dict[str, str]) -> list[Run]:
    """Every run of RUNS, once for the module (in-process, through tthc.cli.main)."""
    results = []
    for command, argv in RUNS:
        args = _argv(argv, files)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(args)
        results.append((command, args, status, out.getvalue(), err.getvalue()))
    return results


def _document(run: Run) -> Any:
    """The JSON document a run printed: exit 0 or 1 (findings), nothing on stderr."""
    _, args, status, out, err = run
    assert status in (0, 1), (args, err)  # 1: findings, late dossiers, rows to review
    assert err == "", args
    return json.loads(out)


@pytest.fixture(scope="module")
def outputs(runs: list[Run]) -> list[tuple[str, list[str], Any]]:
    """Every run with its parsed output (for the rules that hold across commands)."""
    return [(run[0], run[1], _document(run)) for run in runs]


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (key it sits under, value) for every value of a JSON document."""
    yield key, value
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _walk(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, key)


# --- the schema ----------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = cli_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    for command in command_names(schema):
        jsonschema.Draft202012Validator.check_schema(command_schema(command))


def _leaf_commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, Any]]:
    """Yield each command as typed (its ``prog`` without ``tthc``) with its parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for sub in action.choices.values():
                if id(sub) not in seen:  # an alias (export-calendar) is the same parser
                    seen.add(id(sub))
                    yield from _leaf_commands(sub)
            return
    yield parser.prog.removeprefix("tthc").strip(), parser


def test_every_command_has_a_schema_entry_and_every_entry_a_command() -> None:
    names = set(command_names(cli_schema()))
    leaves = dict(_leaf_commands(build_parser()))
    for command, parser in leaves.items():
        prints_json = any("--json" in action.option_strings for action in parser._actions)
        if command in TEXT_ONLY:
            assert not prints_json, command
        else:
            assert command in names, f"tthc {command} has no entry in cli.schema.json"
    assert names <= set(leaves), names - set(leaves)


def test_every_command_with_a_schema_is_run_here() -> None:
    assert {command for command, _ in RUNS} == set(command_names(cli_schema()))


def test_every_command_with_a_schema_is_documented() -> None:
    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| `tthc ")]
    for command in command_names(cli_schema()):
        first, *rest = command.split()
        assert any(f"tthc {first}" in row and all(w in row for w in rest) for row in rows), command


@pytest.mark.parametrize("index", range(len(RUNS)), ids=[" ".join(a[:3]) for _, a in RUNS])
def test_json_output_follows_the_schema(index: int, runs: list[Run]) -> None:
    command = runs[index][0]
    data = _document(runs[index])
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}"
        for e in _validator(command_schema(command)).iter_errors(data)
    ]
    assert not errors, errors[:5]
    assert _validator(cli_schema()).is_valid(data)  # the root schema accepts every output


def _definition(name: str) -> jsonschema.Draft202012Validator:
    schema = cli_schema()
    return _validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})


def test_the_schema_refuses_what_0_1_printed(outputs: list[tuple[str, list[str], Any]]) -> None:
    # The shapes issue 21 lists, as tthc 0.1 printed them, in an output that is valid otherwise.
    data = next(data for command, _, data in outputs if command == "deadline")
    deadline = _validator(command_schema("deadline"))
    assert deadline.is_valid(data)
    refs = data["rule"]["legal_refs"]
    joined = {
        **data,
        "rule": {"id": "working_days", "legal_basis": "; ".join(r["citation"] for r in refs)},
    }
    day = data["skipped"][0]
    as_text = {**data, "skipped": [{**day, "legal_ref": day["legal_ref"]["citation"]}]}
    empty = {**data, "skipped": [{**day, "name_en": ""}]}
    for old in (joined, as_text, empty):
        assert not deadline.is_valid(old)
    ref = LegalRef("45/2019/QH14", kind="Bộ luật Lao động").to_dict()
    assert _definition("legal_ref").is_valid(ref)
    for bad in ({**ref, "url": ""}, {k: v for k, v in ref.items() if k != "url"}, ref["citation"]):
        assert not _definition("legal_ref").is_valid(bad)
    rule = _definition("rule_confidence")
    assert rule.is_valid("H")
    assert not rule.is_valid("official")


def test_schema_of_an_unknown_or_text_only_command_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema", "workflow", "diagram"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[input.wrong_type]:")
    assert "Mermaid" in err
    assert main(["schema", "nope"]) == 2
    assert "workflow check" in capsys.readouterr().err  # names the commands


# --- the rules across every output (each broken by 0.1, issue 21 "Why") ------------------------


def test_a_legal_reference_is_one_object_under_one_key(
    outputs: list[tuple[str, list[str], Any]],
) -> None:
    # 0.1: a plain string in deadline's skipped[] and in calendar-export JSON, "; "-joined
    # rule.legal_basis, `legal_basis` in unit and authority, no `url` in workflow check.
    cited = 0
    for _, argv, data in outputs:
        if argv[0] == "schema":
            continue
        for key, value in _walk(data):
            assert key != "legal_basis", argv
            if isinstance(value, dict) and "citation" in value:
                assert set(value) == LEGAL_REF_KEYS, argv
                assert key in {"legal_ref", "legal_refs"} or key.endswith("_legal_ref"), key
                cited += 1
            if key in {"legal_ref", "legal_refs"} or key.endswith("_legal_ref"):
                items = value if isinstance(value, list) else [value]
                assert all(item is None or isinstance(item, dict) for item in items), argv
    assert cited > 100


def test_one_vocabulary_per_confidence(outputs: list[tuple[str, list[str], Any]]) -> None:
    # 0.1: `confidence` was "official"/"press" in references and "H" in rules.
    seen: dict[str, set[Any]] = {"confidence": set(), "rule_confidence": set()}
    for _, argv, data in outputs:
        if argv[0] != "schema":
            for key, value in _walk(data):
                if key in seen:
                    seen[key].add(value)
    assert seen["confidence"] <= SOURCE_CONFIDENCE
    assert seen["rule_confidence"] <= RULE_CONFIDENCE
    assert seen["confidence"]
    assert seen["rule_confidence"]


def test_absent_values_are_null_never_empty(outputs: list[tuple[str, list[str], Any]]) -> None:
    # 0.1: authority.body, procedure publisher, finding hints, portal dates were "".
    for _, argv, data in outputs:
        assert all(value != "" for _, value in _walk(data)), argv


def test_the_authority_rule_cites_its_basis_and_grades_itself(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _output(
        ["authority", "1.001193", "--unit", "31135", "--on", "2026-03-01", "--json"], capsys
    )
    # Luật Hộ tịch 60/2014/QH13, Điều 13 khoản 1: UBND cấp xã nơi cư trú registers a birth.
    assert data["rule"]["legal_refs"][0]["document"] == "60/2014/QH13"
    assert data["rule"]["rule_confidence"] == "H"
    assert "confidence" not in data["rule"]
    assert data["authority"]["body"] is None
    assert data["unit"]["legal_ref"]["document"] == "1668/NQ-UBTVQH15"


def test_calendar_export_json_without_output_prints_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 0.1 printed CSV. 30/04/2026 is a public holiday (Bộ luật Lao động 2019, Điều 112.1).
    rows = _output(["calendar-export", "--from", "2026", "--to", "2026", "--json"], capsys)
    assert len(rows) == 365
    day = {row["date"]: row for row in rows}["2026-04-30"]
    assert day["kind"] == "public_holiday"
    assert day["legal_ref"]["document"] == "45/2019/QH14"
    assert "legal_ref_url" not in day
    assert main(["calendar-export", "--format", "csv", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error[cli.usage]:")
    assert "--output" in captured.err


def test_workflow_diagram_draws_one_diagram_per_output(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 0.1 wrote one `flowchart TD` block per workflow of the file into one stream.
    assert main(["workflow", "diagram", files["workflows"]]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error[cli.usage]:")
    assert "--workflow" in captured.err
    assert "1.001193@tthc-mau-2025" in captured.err
    for choice in ("1.001193", "1.001193@tthc-mau-2025"):
        assert main(["workflow", "diagram", files["workflows"], "--workflow", choice]) == 0
        out = capsys.readouterr().out
        assert out.startswith("%% 1.001193 tthc-mau-2025\n")
        assert out.count("flowchart TD") == 1
    assert main(["workflow", "diagram", files["workflows"], "--workflow", "9.999999"]) == 2
    assert "--workflow" in capsys.readouterr().err


def test_channel_with_time_is_honoured_or_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # 0.1 ignored --channel when the text gives one time for every channel.
    base = ["deadline", "--accepted", "2026-04-29 10:00", "--json"]
    assert main([*base, "--time", "05 ngày làm việc", "--channel", "trực tuyến"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error[input.wrong_type]:")
    assert "--channel" in captured.err
    # A text with one time per channel: the channel chooses. From Wed 29/04/2026, with 30/4 and
    # 1/5 off (Bộ luật Lao động 2019, Điều 112.1) and the weekend 2-3/5: 3 working days end
    # Wed 06/05, 5 end Fri 08/05.
    text = "Trực tiếp: 05 ngày làm việc; trực tuyến: 03 ngày làm việc"
    due = {}
    for channel in ("trực tuyến", "trực tiếp"):
        due[channel] = _output([*base, "--time", text, "--channel", channel], capsys)["due_date"]
    assert due == {"trực tuyến": "2026-05-06", "trực tiếp": "2026-05-08"}


def test_an_unknown_fact_is_refused_naming_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 0.1 ignored `--fact foo=bar`. Nghị định 145/2025 Điều 6: plan_scope chooses the case.
    argv = ["authority", "quy-hoach.phe-duyet", "--unit", "31135", "--on", "2026-03-01", "--json"]
    assert main([*argv, "--fact", "plan_scope=multi_commune", "--fact", "foo=bar"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error[input.wrong_type]:")
    assert "foo" in captured.err
    assert "plan_scope" in captured.err
    assert main(["authority", "1.001193", "--unit", "31135", "--on", "2026-03-01",
                 "--fact", "foo=bar"]) == 2  # fmt: skip
    assert "--fact" in capsys.readouterr().err


def test_json_is_never_mixed_with_another_output(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 0.1 printed the CSV and then the JSON into one stream (catalogue lint), or took --json
    # and dropped --csv silently (report 07a).
    assert main(["catalogue", "lint", "--json", "--csv", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error[cli.usage]:")
    assert "--csv FILE" in captured.err
    argv = ["report", "07a", "--period", "2026-09", files["dossiers"], "--json", "--csv"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error[cli.usage]:")


def test_tthc_schema_prints_the_bundled_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == cli_schema()
    assert main(["schema", "workflow.check"]) == 0  # dots or words
    one = json.loads(capsys.readouterr().out)
    assert one == command_schema("workflow check")
    assert one["$ref"] == "#/$defs/command.workflow.check"
    assert "command.deadline" not in one["$defs"]  # only what the command uses
    assert "legal_ref" in one["$defs"]


@settings(max_examples=12, deadline=None)
@given(
    start=st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)),
    days=st.integers(0, 400),
)
def test_workdays_json_follows_the_schema_for_any_range(start: dt.date, days: int) -> None:
    end = min(start + dt.timedelta(days=days), dt.date(2035, 12, 31))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["workdays", start.isoformat(), end.isoformat(), "--json"]) == 0
    data = json.loads(out.getvalue())
    assert _validator(command_schema("workdays")).is_valid(data)
    assert all(value != "" for _, value in _walk(data))


def _enums(node: Any) -> Iterator[tuple[str, list[Any]]]:
    if isinstance(node, dict):
        description = node.get("description", "")
        if "enum" in node and description.startswith("tthc."):
            yield description, node["enum"]
        for value in node.values():
            yield from _enums(value)
    elif isinstance(node, list):
        for value in node:
            yield from _enums(value)


def test_the_schema_enumerations_are_the_library_enumerations() -> None:
    # A member added to DossierStatus, DayKind, ... without its schema would print a value the
    # schema refuses: the lists are the enum classes' values ("lower case": the member names).
    checked = set()
    for description, values in _enums(cli_schema()):
        path, _, note = description.partition(",")
        module, _, name = path.rpartition(".")
        members = list(getattr(importlib.import_module(module), name))
        if note.strip() == "lower case":
            assert values == [m.name.lower() for m in members], path
        else:
            assert values == [m.value for m in members], path
        checked.add(path)
    assert {"tthc.dossiers.DossierStatus", "tthc.calendar.DayKind"} <= checked
    assert len(checked) >= 15
