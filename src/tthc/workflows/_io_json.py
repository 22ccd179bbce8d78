"""JSON documents of a workflow, the bundled examples, and [`load`][tthc.workflows.load] for any workflow file.

A workflow document is the [`tthc.serde`][tthc.serde] form (``{"schema_version": 1, ...}``). The bundled
files wrap it (``{"schema_version": 1, "data_version": ..., "workflow": {...}}``) and cite the
legal documents of the registry by id (``{"doc": "118-2025-nd-cp", "article": ...}``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from tthc._data import bundled_json, parse_json, read_source
from tthc.errors import DataFileError, InputTypeError, SerializationError
from tthc.legal import LegalRef
from tthc.workflows._io_csv import FILE_WHAT, read_csv
from tthc.workflows._model import Workflow, require_workflow

__all__: list[str] = []  # private module: the names are exported by tthc.workflows

_EXAMPLES = (
    "chung-thuc.ban-sao-tu-so-goc",
    "ho-tich.khai-sinh",
    "dat-dai.dang-ky-bien-dong",
)


def to_json(workflow: Workflow, *, indent: int | None = 2) -> str:
    """Return the workflow as a JSON document (through [`tthc.serde.to_json`][tthc.serde.to_json]).

    Raises:
        InputTypeError: ``workflow`` is not a [`Workflow`][tthc.workflows.Workflow].
    """
    from tthc import serde  # noqa: PLC0415 - the converter is built on first use

    require_workflow(workflow)
    return serde.to_json(workflow, indent=indent)


def from_json(text: str | bytes) -> Workflow:
    """Read a workflow written by [`to_json`][tthc.serde.to_json] (strict: unknown fields refused).

    The bundled files' wrapper ``{"schema_version": 1, "data_version": ..., "workflow": {...}}``
    is accepted too, and so is a leading byte-order mark.

    Raises:
        InputTypeError: ``text`` is neither ``str`` nor ``bytes``.
        SerializationError: not JSON or not a valid workflow (``context['path']`` says where).
    """
    from tthc import serde  # noqa: PLC0415

    if not isinstance(text, str | bytes):
        raise InputTypeError(
            f"Tuần tự hóa (serialisation): text must be str or bytes, got {type(text).__name__}",
            argument="text",
        )
    data = parse_json(
        text,
        None,
        SerializationError,
        what="Dữ liệu JSON hỏng (corrupted JSON): the Workflow document",
        line_key=None,
        deep={},
        hint="the file was truncated or edited by hand; restore it from a backup",
        path="$",
        cls="Workflow",
    )
    if isinstance(data, dict) and "workflow" in data:
        return _unwrap(data)
    return serde.from_json(text, Workflow)  # a leading BOM is dropped there too


def _unwrap(data: Mapping[str, Any]) -> Workflow:
    """The workflow of a wrapped document (the form of the bundled files)."""
    from tthc import serde  # noqa: PLC0415

    version = data.get("schema_version")
    if version != serde.SCHEMA_VERSION:
        raise SerializationError(
            f"Phiên bản lược đồ (schema version) {version!r} is not supported",
            path="$.schema_version",
        )
    return serde.from_dict(data["workflow"], Workflow)


def load(path: str | PathLike[str]) -> tuple[Workflow, ...]:
    """Read a workflow file: ``.csv`` (one or more workflows) or ``.json`` (one workflow).

    Both are read under the rules of every tthc reader: a regular file, no larger than the size
    cap, UTF-8 with or without a byte-order mark.

    Raises:
        DataFileError: unreadable file, unknown extension, or a bad CSV value.
        SerializationError: a bad JSON document.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".csv":
        return read_csv(file)
    if suffix == ".json":
        text, _ = read_source(file, what=FILE_WHAT)
        return (from_json(text),)
    raise DataFileError(
        f"Loại tệp (file type) {suffix or '(none)'} is not supported: {file}",
        hint="use a .csv file in the tthc layout or a .json file written by to_json()",
        file=str(file),
    )


# --- bundled examples ------------------------------------------------------------------------------


def _cite(ref: Any, where: str) -> Any:
    """A citation of the registry (``{"doc": id, ...}``) as the serde form of a LegalRef."""
    from tthc import serde  # noqa: PLC0415

    if isinstance(ref, Mapping) and "doc" in ref:
        return serde.to_dict(LegalRef.from_mapping(ref, where=where))
    return ref


def _resolve_citations(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The wrapped document with its registry citations resolved (legal basis, phase refs)."""
    workflow = dict(data["workflow"])
    if "legal_basis" in workflow:
        workflow["legal_basis"] = _cite(workflow["legal_basis"], where)
    phases = workflow.get("phases")
    if isinstance(phases, list):
        workflow["phases"] = [
            {**p, "legal_ref": _cite(p.get("legal_ref"), where)}
            if isinstance(p, Mapping) and "legal_ref" in p
            else p
            for p in phases
        ]
    return {**data, "workflow": workflow}


@functools.cache
def _example(key: str) -> Workflow:
    relpath = f"workflows/{key}.json"
    data = bundled_json(relpath)
    return _unwrap(_resolve_citations(data, f"in tthc/data/{relpath}"))


def examples() -> tuple[Workflow, ...]:
    """Return the bundled workflows modelled on published processes (see the guide)."""
    return tuple(_example(key) for key in _EXAMPLES)


def example(key: str) -> Workflow:
    """Return one bundled workflow by key (``"ho-tich.khai-sinh"``, ...).

    Raises:
        DataFileError: no bundled workflow has that key.
    """
    if key not in _EXAMPLES:
        raise DataFileError(
            f"Quy trình mẫu (bundled workflow) {key!r} does not exist",
            hint="one of " + ", ".join(_EXAMPLES),
            field="key",
            value=str(key),
        )
    return _example(key)
