"""The ``tthc`` command line (argparse).

Every subcommand prints human-readable text by default and JSON with ``--json``. Exit codes:

* ``0`` — success;
* ``1`` — the command ran and found problems it was asked to report (e.g. validation findings);
* ``2`` — bad input: the error is printed as one line ``error[<code>]: <message>`` on stderr,
  where ``<code>`` is the stable code of the :mod:`tthc.errors` class.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tthc._version import __version__
from tthc.errors import TthcError

__all__ = ["main"]

#: Modules that add subcommands; each exposes ``register(subparsers)``.
_SUBCOMMAND_MODULES: tuple[str, ...] = (
    "tthc._cli_calendar",
    "tthc._cli_bulk",
    "tthc._cli_dossiers",
    "tthc._cli_deadlines",
    "tthc._cli_authorities",
    "tthc._cli_workflows",
    "tthc._cli_workload",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"error[cli.usage]: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand registered."""
    parser = _Parser(
        prog="tthc",
        add_help=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Quy tắc thủ tục hành chính Việt Nam: ngày làm việc, hạn giải quyết hồ sơ,\n"
            "cơ quan có thẩm quyền — mỗi kết quả kèm căn cứ pháp lý.\n"
            "Vietnamese administrative-procedure rules: working days, dossier due dates,\n"
            "competent authorities — every answer with its legal basis."
        ),
        epilog=(
            "Ví dụ / examples:\n"
            '  tthc deadline --accepted "2026-04-29 10:00" --time "05 ngày làm việc"\n'
            "  tthc authority 1.001193 --unit 31135 --on 2026-03-01 --json\n"
            "  tthc COMMAND --help\n"
            "\n"
            "--json: một tài liệu JSON trên stdout / one JSON document on stdout.\n"
            "Mã thoát / exit codes: 0 thành công / success; 1 có vấn đề cần báo / problems\n"
            "found; 2 đầu vào sai / bad input, one line error[<code>]: <message> on stderr."
        ),
    )
    parser.add_argument(
        "-h", "--help", action="help", help="hướng dẫn này / show this help and exit"
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
    """Run the command line and return its exit code."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    # `tthc calendar YEAR` takes a positional year, so `tthc calendar export ...` is routed to the
    # `calendar-export` subcommand before parsing.
    if arguments[:2] == ["calendar", "export"]:
        arguments = ["calendar-export", *arguments[2:]]
    args = parser.parse_args(arguments)
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args))
    except TthcError as err:
        print(f"error[{err.code}]: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - output piped into `head` and the like
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
