"""Administrative procedures (thủ tục hành chính) and the procedure catalogue.

A [`Procedure`][tthc.procedures.Procedure] is one record of the national TTHC database: national code (``"1.001193"``),
Vietnamese name, field, levels, competent authority as published, processing rules per channel
(each with the original text and its parsed [`ProcessingTime`][tthc.deadlines.ProcessingTime]), fees,
result, legal basis, the announcing decision and the date the record was read.

[`load_catalog`][tthc.procedures.load_catalog] returns the bundled catalogue or reads a user's JSON file, validated record
by record: a bad file raises [`CatalogError`][tthc.errors.CatalogError] naming the record index, its code
and the field. The bundled catalogue joins two sources:

* the 2,642 procedures published on the national portal by seven central bodies (snapshot of
  10/6/2026, ``data/procedures_national.json``, written by
  ``scripts/import_national_catalogue.py``): every channel's structured time, fee and
  description, read when a record is first used — the description is the law, the structured
  column a hint ([`TimeSource`][tthc.procedures.TimeSource], ``ProcessingRule.disagreement``);
* the curated records (``data/procedures.json``): records checked by hand and the procedures of
  the competence table of [`tthc.authorities`][tthc.authorities]. Where a code is in both, the curated record
  wins ([`Catalog.get`][tthc.procedures.Catalog.get]); [`Catalog.sources`][tthc.procedures.Catalog.sources] returns both.

[`Procedure.rules_for`][tthc.procedures.Procedure.rules_for] and [`Procedure.rule_for`][tthc.procedures.Procedure.rule_for] (exactly one rule, or
[`CaseRequired`][tthc.errors.CaseRequired] listing the cases) take a [`Channel`][tthc.dossiers.Channel] or
any spelling of it (``"counter"``, ``"Trực tiếp"``, ``"toàn trình"``): one channel vocabulary for
the catalogue, the dossiers and the reports.

[`deadline_outcome`][tthc.procedures.deadline_outcome] says what ``tthc deadline --procedure`` does for a record (a due date,
a case asked for, or a refusal with its reason); [`lint_catalog`][tthc.procedures.lint_catalog] lists every
structured/description disagreement and every refusal (``tthc catalogue lint``).

Processing-time texts the parser refuses do not stop loading: the rule keeps its text and records
the refusal in ``parse_error``.

Example:
    >>> from tthc.procedures import load_catalog
    >>> load_catalog().get("1.001193").name_vi
    'Thủ tục đăng ký khai sinh'
"""

from __future__ import annotations

from tthc.procedures._catalog import Catalog
from tthc.procedures._load import MAX_CATALOG_BYTES, load_catalog
from tthc.procedures._model import Procedure, ProcessingRule, TimeSource
from tthc.procedures._quality import Finding, FindingKind, Outcome, deadline_outcome, lint_catalog

__all__ = [  # noqa: RUF022 - grouped by concept, as the module docstring presents them
    # the model
    "Catalog",
    "Procedure",
    "ProcessingRule",
    "TimeSource",
    # reading a catalogue
    "MAX_CATALOG_BYTES",
    "load_catalog",
    # what it can answer, and its data quality
    "Finding",
    "FindingKind",
    "Outcome",
    "deadline_outcome",
    "lint_catalog",
]
