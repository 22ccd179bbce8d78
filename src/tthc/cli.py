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
        description=(
            "Quy tắc thủ tục hành chính Việt Nam: ngày làm việc, hạn giải quyết hồ sơ, cơ quan có "
            "thẩm quyền. / Vietnamese administrative-procedure rules: working days, dossier due "
            "dates, competent authorities."
        ),
        epilog="Exit codes: 0 success, 1 problems found, 2 bad input (error[<code>] on stderr).",
    )
    parser.add_argument("--version", action="version", version=f"tthc {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _SUBCOMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
