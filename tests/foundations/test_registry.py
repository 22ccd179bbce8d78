"""The one registry of legal documents, cited by id from every bundled data file."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from tthc import _data
from tthc.errors import DataFileError
from tthc.legal import LegalRef, document, documents


def test_decree_118_is_registered_once() -> None:
    decree = document("118-2025-nd-cp")
    assert decree.document == "118/2025/NĐ-CP"
    assert decree.date == dt.date(2025, 6, 9)
    assert decree.article == ""
    numbers = [ref.document for ref in documents().values()]
    assert len(numbers) == len(set(numbers)), "a document is registered under two ids"


def test_a_citation_resolves_through_the_registry() -> None:
    ref = LegalRef.from_mapping({"doc": "91-2015-qh13", "article": "Điều 147.2"})
    assert ref.document == "91/2015/QH13"
    assert ref.article == "Điều 147.2"
    assert ref.cite().startswith("khoản 2 Điều 147, ")  # the Vietnamese order (issue 21)


def test_a_row_may_lower_the_confidence_never_raise_it() -> None:
    lowered = LegalRef.from_mapping({"doc": "118-2025-nd-cp", "confidence": "press"})
    assert lowered.confidence == "press"
    press_doc = next(key for key, ref in documents().items() if ref.confidence == "press")
    with pytest.raises(DataFileError, match="higher than"):
        LegalRef.from_mapping({"doc": press_doc, "confidence": "official"})


@pytest.mark.parametrize(
    ("mapping", "match"),
    [
        ({"doc": "no-such-document"}, "not in the document registry"),
        ({"doc": "118-2025-nd-cp", "ref": "x"}, "unknown field 'ref'"),
        ({"doc": "118-2025-nd-cp", "article": 5}, "must be a string"),
        ({"doc": "118-2025-nd-cp", "confidence": "rumour"}, "is not one of"),
    ],
)
def test_bad_citations(mapping: dict[str, object], match: str) -> None:
    with pytest.raises(DataFileError, match=match):
        LegalRef.from_mapping(mapping)


def _bundled_json_files() -> list[str]:
    root = resources.files("tthc").joinpath("data")
    found: list[str] = []
    pending = [("", root)]
    while pending:
        prefix, folder = pending.pop()
        for entry in folder.iterdir():
            if entry.is_dir() and entry.name != "schema":  # JSON Schemas describe shapes, not law
                pending.append((f"{prefix}{entry.name}/", entry))
            elif entry.name.endswith(".json") and entry.name != "documents.json":
                found.append(prefix + entry.name)
    return sorted(found)


def _walk(value: object, path: str):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


@pytest.mark.parametrize("relpath", _bundled_json_files())
def test_bundled_files_cite_the_registry_by_id(relpath: str) -> None:
    data = _data.bundled_json(relpath)
    assert "documents" not in data, f"{relpath} keeps its own copy of the documents"
    registry = documents()
    for path, node in _walk(data, "$"):
        assert "ref" not in node or not isinstance(node["ref"], str), f"{relpath} {path}: key 'ref'"
        inline = {"document", "issuer"} <= set(node)
        assert not inline, f"{relpath} {path}: a legal reference spelled out instead of cited"
        if "doc" in node:
            assert node["doc"] in registry, f"{relpath} {path}: unknown document {node['doc']!r}"


def test_registry_file_is_sorted_and_has_no_article() -> None:
    raw = json.loads(resources.files("tthc").joinpath("data/documents.json").read_text("utf-8"))
    keys = list(raw["documents"])
    assert keys == sorted(keys)
    assert all("article" not in entry for entry in raw["documents"].values())


@pytest.mark.parametrize("raw", [[], {"documents": []}, {"documents": None}, {}])
def test_a_registry_without_its_documents_object_is_refused(
    monkeypatch: pytest.MonkeyPatch, raw: object
) -> None:
    # the registry is read on the first citation (issue 20, item 5): a malformed file is
    # refused there, naming the file, not read as an empty registry
    from tthc import legal

    monkeypatch.setattr(_data, "bundled_json", lambda name: raw)
    with pytest.raises(DataFileError, match="has no 'documents' object") as caught:
        legal._registry_entries.__wrapped__()
    assert caught.value.context == {"file": "documents.json"}
