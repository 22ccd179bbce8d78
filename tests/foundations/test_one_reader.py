"""One guarded reader: only ``tthc._data`` reads files (issue 17, item 1).

``tthc._data`` is where every file tthc reads is opened: regular files only, one size cap, UTF-8
with or without a BOM, duplicate JSON keys refused, integer and nesting limits. Any other module
that opened a file for reading would bypass those rules, so this test reads the syntax tree of
every module of ``src/tthc`` and fails on:

- ``open(...)``, ``io.open``, ``codecs.open``, ``gzip.open``, ``Path.open``... without a mode
  that writes (``"w"``, ``"a"``, ``"x"``, without ``"+"``), and ``os.open``/``os.fdopen``;
- ``.read_text()``, ``.read_bytes()``, ``.read()``, ``.readline()``, ``.readlines()`` (a file
  object handed in by a caller is read by ``tthc._data.stream_lines``);
- ``json.load``, ``pickle.load``, ``tomllib.load``, ``numpy.load``/``loadtxt``/``fromfile``,
  and the ``read_*``/``scan_*`` readers of pandas, polars and pyarrow, called on anything but
  ``tthc._data``;
- ``csv.reader``/``csv.DictReader`` over a file opened in place, ``sys.stdin``, ``mmap``.

Writing outputs (CLI exports, migration reports) is allowed. The checker is tested on snippets
that must and must not be flagged, and on ``tthc._data`` itself, which it must flag.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

SRC = pathlib.Path(__file__).resolve().parents[2] / "src" / "tthc"
READER = SRC / "_data.py"

_OPENERS = {"open"}  # open(), io.open(), codecs.open(), gzip.open(), Path.open(), ...
_ALWAYS_READING = {"read_text", "read_bytes", "read", "readline", "readlines", "fdopen"}
_LOADERS = {
    "load",
    "loadtxt",
    "fromfile",
    "read_csv",
    "read_json",
    "read_parquet",
    "read_excel",
    "read_table",
    "read_ndjson",
    "read_ipc",
    "scan_csv",
    "scan_parquet",
    "scan_ndjson",
}
_CSV_READERS = {"reader", "DictReader"}


def _mode(call: ast.Call, position: int) -> str | None:
    """The literal mode of an ``open`` call (``"r"`` when none is given), else ``None``."""
    for keyword in call.keywords:
        if keyword.arg == "mode":
            value = keyword.value
            return (
                value.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str)
                else None
            )
    if len(call.args) > position:
        value = call.args[position]
        return (
            value.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str)
            else None
        )
    return "r"


def _writes(mode: str | None) -> bool:
    return (
        mode is not None and any(c in mode for c in "wax") and "+" not in mode and "r" not in mode
    )


def _data_aliases(tree: ast.Module) -> set[str]:
    """Names bound to the module ``tthc._data`` (``from tthc import _data``...)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "tthc":
            names |= {alias.asname or alias.name for alias in node.names if alias.name == "_data"}
        elif isinstance(node, ast.Import):
            names |= {
                alias.asname for alias in node.names if alias.name == "tthc._data" and alias.asname
            }
    return names


def _receiver(func: ast.Attribute) -> str:
    return ast.unparse(func.value)


def _opened_in_place(arg: ast.expr) -> bool:
    return isinstance(arg, ast.Call) and _name(arg.func) in _OPENERS


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _offence(node: ast.AST, aliases: set[str]) -> str | None:
    """Why ``node`` reads a file, or ``None``."""
    if isinstance(node, ast.Attribute) and ast.unparse(node) == "sys.stdin":
        return "reads sys.stdin"
    if isinstance(node, ast.Name) and node.id == "mmap":
        return "maps a file into memory"
    if not isinstance(node, ast.Call):
        return None
    name = _name(node.func)
    if name in _OPENERS:
        if isinstance(node.func, ast.Attribute) and _receiver(node.func) == "os":
            return "os.open"
        # Path(...).open(mode) takes the mode first; open(file, mode) second
        position = (
            0
            if isinstance(node.func, ast.Attribute)
            and _receiver(node.func)
            not in {
                "io",
                "codecs",
                "gzip",
                "bz2",
                "lzma",
            }
            else 1
        )
        mode = _mode(node, position)
        return None if _writes(mode) else f"opens a file with mode {mode!r}"
    if name in _ALWAYS_READING and isinstance(node.func, ast.Attribute | ast.Name):
        if name == "read" and isinstance(node.func, ast.Name):
            return None  # a local function named read
        return f"calls {name}()"
    if name in _LOADERS and isinstance(node.func, ast.Attribute):
        if _receiver(node.func) in aliases:
            return None
        return f"calls {_receiver(node.func)}.{name}()"
    if name in _CSV_READERS and node.args and _opened_in_place(node.args[0]):
        return "runs a CSV reader over a file it opens"
    return None


def offences(source: str) -> list[str]:
    """Every place in ``source`` that reads a file, as ``line: why``."""
    tree = ast.parse(source)
    aliases = _data_aliases(tree)
    found = []
    for node in ast.walk(tree):
        why = _offence(node, aliases)
        if why:
            found.append(f"{getattr(node, 'lineno', 0)}: {why}")
    return sorted(set(found))


def _modules() -> list[pathlib.Path]:
    return sorted(path for path in SRC.rglob("*.py") if path != READER)


def test_only_tthc_data_reads_files() -> None:
    found = {
        str(path.relative_to(SRC)): offences(path.read_text(encoding="utf-8"))
        for path in _modules()
    }
    assert {path: why for path, why in found.items() if why} == {}
    assert len(found) > 100  # every module was read


def test_the_guarded_reader_itself_is_caught_by_the_checker() -> None:
    """tthc._data opens files for reading: the checker must see it, or it sees nothing."""
    assert offences(READER.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "snippet",
    [
        "open(name)",
        "open(name, 'r')",
        "open(name, 'rb')",
        "open(name, mode='r', encoding='utf-8')",
        "open(name, 'r+')",
        "open(name, 'w+')",
        "open(name, mode)",  # a mode that is not a literal cannot be checked
        "io.open(name)",
        "codecs.open(name, 'r', 'utf-8')",
        "gzip.open(name)",
        "os.open(name, os.O_RDONLY)",
        "os.fdopen(fd)",
        "pathlib.Path(name).open()",
        "Path(name).open('rb')",
        "Path(name).read_text(encoding='utf-8')",
        "path.read_bytes()",
        "handle.read()",
        "stream.readline()",
        "stream.readlines()",
        "json.load(handle)",
        "pickle.load(handle)",
        "tomllib.load(handle)",
        "np.loadtxt(name)",
        "pd.read_csv(name)",
        "pl.scan_csv(name)",
        "pa_csv.read_csv(name)",
        "csv.reader(open(name))",
        "data = sys.stdin",
        "m = mmap.mmap(fd, 0)",
    ],
)
def test_a_reading_call_is_flagged(snippet: str) -> None:
    assert offences(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "open(name, 'w', encoding='utf-8')",
        "open(name, 'a')",
        "open(name, mode='x')",
        "open(name, 'wb')",
        "Path(name).open('w')",
        "Path(name).write_text(text, encoding='utf-8')",
        "csv.reader(io.StringIO(text))",
        "csv.reader(lines)",
        "from tthc import _data\n_data.read_csv(name, what='x')",
        "import tthc._data as d\nd.read_json(name)",
        "from tthc._data import read_csv\nread_csv(name, what='x')",
        "json.loads(text)",
        "def read(x): ...\nread(1)",
    ],
)
def test_writing_and_the_guarded_reader_are_allowed(snippet: str) -> None:
    assert offences(snippet) == []
