"""The ``tthc`` command line (argparse).

Every subcommand prints human-readable text by default and JSON with ``--json``. Exit codes:

* ``0`` — success;
* ``1`` — the command ran and found problems it was asked to report (e.g. validation findings);
* ``2`` — bad usage or bad input: the error is printed as one line ``error[<code>]: <message>``
  on stderr, where ``<code>`` is the stable code of the [`tthc.errors`][tthc.errors] class (``cli.usage``
  for a command line argparse refuses);
* ``3`` — an internal error (a bug in tthc): one line ``internal-error[<exception>]: ...`` on
  stderr with where to report it, and no traceback unless ``--debug`` is given (anywhere on
  the command line).

One private module per command (``_calendar``, ``_calendar_export``, ``_deadline``, ``_dossier``,
``_authority``, ``_unit_succession``, ``_workflow``, ``_workload``, ``_report``, ``_procedure``,
``_catalogue``, ``_migrate``, ``_schema``), each with ``register(subparsers)``; the shared
argument parsing and output live in ``_common``, the hints printed with errors (commands and
options, not Python) in ``_hints``. Handlers import the library lazily, so that
``tthc --help`` stays fast. A new command is a new module listed in ``_SUBCOMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from tthc import __version__
from tthc.cli._common import EXIT_BAD_INPUT, guarded, report_internal

__all__ = ["main"]

#: Modules that add subcommands, in the order of ``tthc --help``; each has ``register()``.
_SUBCOMMAND_MODULES: tuple[str, ...] = (
    "tthc.cli._calendar",
    "tthc.cli._calendar_export",
    "tthc.cli._dossier",
    "tthc.cli._deadline",
    "tthc.cli._authority",
    "tthc.cli._unit_succession",
    "tthc.cli._procedure",
    "tthc.cli._catalogue",
    "tthc.cli._workflow",
    "tthc.cli._workload",
    "tthc.cli._migrate",
    "tthc.cli._report",
    "tthc.cli._schema",
)

_DESCRIPTION = (
    "Quy tắc thủ tục hành chính Việt Nam: ngày làm việc, hạn giải quyết hồ sơ,\n"
    "cơ quan có thẩm quyền — mỗi kết quả kèm căn cứ pháp lý.\n"
    "Vietnamese administrative-procedure rules: working days, dossier due dates,\n"
    "competent authorities — every answer with its legal basis."
)

_HELP_HELP = "hướng dẫn này / show this help and exit"

_EPILOG = (
    "Ví dụ / examples:\n"
    '  tthc deadline --accepted "2026-04-29 10:00" --time "05 ngày làm việc"\n'
    "  tthc authority 1.001193 --unit 31135 --on 2026-03-01 --json\n"
    "  tthc migrate addresses hoso.csv --column dia_chi -o hoso_moi.csv\n"
    "  tthc COMMAND --help\n"
    "\n"
    "--json: một tài liệu JSON trên stdout / one JSON document on stdout.\n"
    "Mã thoát / exit codes: 0 thành công / success; 1 có vấn đề cần báo / problems\n"
    "found (late dossiers, workflow findings); 2 lệnh hoặc đầu vào sai / bad usage or bad\n"
    "input, one line error[<code>]: <message> on stderr; 3 lỗi nội bộ / internal error,\n"
    "one line with where to report it (--debug: the traceback)."
)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # argparse's own -h help is English only: every parser gets the bilingual one
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, **{**kwargs, "add_help": False})
        if add_help:
            self.add_argument("-h", "--help", action="help", help=_HELP_HELP)

    def _get_value(self, action: argparse.Action, arg_string: str) -> object:
        # argparse turns a converter's ValueError/TypeError into a usage error, but not the
        # ArithmeticError of Decimal("x") (decimal.InvalidOperation): bad input all the same
        try:
            return super()._get_value(action, arg_string)
        except ArithmeticError:
            name = "/".join(action.option_strings) or action.dest
            raise argparse.ArgumentError(
                action, f"invalid value {arg_string!r} for {name}"
            ) from None

    def error(self, message: str) -> None:  # type: ignore[override]
        # one line, as every bad input: the usage is one `--help` away
        self.exit(EXIT_BAD_INPUT, f"error[cli.usage]: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand registered."""
    parser = _Parser(
        prog="tthc",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_DESCRIPTION,
        epilog=_EPILOG,
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="lỗi nội bộ kèm traceback / show the traceback of an internal error",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"tthc {__version__}",
        help="phiên bản / show the version and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _SUBCOMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments after the program name (default: ``sys.argv[1:]``).

    Returns:
        ``0`` success, ``1`` problems found and reported, ``2`` bad usage or input, ``3`` an
        internal error.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments  # accepted anywhere, not only before the command
    arguments = [argument for argument in arguments if argument != "--debug"]
    # `tthc calendar YEAR` takes a positional year, so `tthc calendar export ...` is routed to the
    # `calendar-export` subcommand before parsing.
    if arguments[:2] == ["calendar", "export"]:
        arguments = ["calendar-export", *arguments[2:]]
    # `tthc unit NAME` takes a positional name: `tthc unit successors ...` likewise
    if arguments[:1] == ["unit"] and arguments[1:2] in (["successors"], ["predecessors"]):
        arguments = [f"unit-{arguments[1]}", *arguments[2:]]
    try:
        return _run(build_parser(), arguments)
    except BrokenPipeError:  # pragma: no cover - output piped into `head` and the like
        return 0
    except Exception as err:  # parsing included: a `type=` converter may fail unexpectedly
        if debug:
            raise
        return report_internal(err)


def _run(parser: argparse.ArgumentParser, arguments: list[str]) -> int:
    if not arguments:
        print(_overview(parser))
        return 0
    args, extra = parser.parse_known_args(arguments)
    if extra:  # refused by the command they were given to, which names its own --help
        _leaf_parser(parser, args).error(f"unrecognized arguments: {' '.join(extra)}")
    handler = getattr(args, "func", None)
    if handler is None:  # pragma: no cover - every command has a handler or a required action
        parser.error("choose a command")
    return int(guarded(handler)(args))


def _leaf_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Any:
    """The parser of the (sub)command ``args`` ran: ``tthc workflow check``'s for its options.

    It is the one whose defaults (its handler, ``direction`` of ``unit successors``…) are all
    in ``args``; the top-level parser when no command was reached.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for chosen in action.choices.values():
                found = _leaf_parser(chosen, args)
                if found is not chosen or _ran(chosen, args):
                    return found
    return parser


def _ran(parser: argparse.ArgumentParser, args: argparse.Namespace) -> bool:
    defaults = parser._defaults
    return "func" in defaults and all(
        getattr(args, key, None) is value for key, value in defaults.items()
    )


def _overview(parser: argparse.ArgumentParser) -> str:
    """The short answer to ``tthc`` alone: what it is and its commands, one line each."""
    lines = [_DESCRIPTION, "", "Lệnh / commands:"]
    for action in parser._actions:
        for choice in getattr(action, "_choices_actions", ()):
            lines.append(f"  {choice.dest:<16} {choice.help}")
    lines += [
        "",
        "tthc COMMAND --help: hướng dẫn một lệnh / help on one command; "
        "tthc --help: toàn bộ / everything",
    ]
    return "\n".join(lines)
