"""One text style for people (issue 21, item 3) and the API surprises of item 5.

Dates as Vietnamese documents write them, weekday names, decimal commas, citations in the
Vietnamese order ("khoản 1 Điều 13"), one name per law, Vietnamese labels in text output;
``str()`` of an enumeration is its value; ``Dossier.deadline`` is the Deadline.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import pkgutil
import re
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tthc
from tthc import VN_TZ
from tthc._enums import LabelledEnum
from tthc.cli import main
from tthc.deadlines import (
    Deadline,
    Duration,
    Timeliness,
    compute_deadline,
    restart_after_supplement,
)
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    DeadlineRevision,
    Dossier,
    DossierEvent,
    DossierStatus,
    EventKind,
)
from tthc.errors import InputTypeError
from tthc.formatting import (
    date_vi,
    decimal_vi,
    long_date_vi,
    provision_vi,
    weekday_date_vi,
    weekday_vi,
)
from tthc.legal import LegalRef, document, documents
from tthc.procedures import load_catalog
from tthc.serde import to_json

# --- dates and weekdays ------------------------------------------------------------------------


def test_long_dates_follow_the_document_convention() -> None:
    # Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a zero.
    assert long_date_vi(dt.date(2026, 5, 4)) == "ngày 04 tháng 5 năm 2026"
    assert long_date_vi(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert long_date_vi(dt.date(2026, 1, 1)) == "ngày 01 tháng 01 năm 2026"
    assert long_date_vi(dt.date(2025, 12, 31)) == "ngày 31 tháng 12 năm 2025"


def test_weekdays_and_short_dates() -> None:
    # 4/5/2026 is a Monday; 29/4/2026 a Wednesday; 1/1/2026 a Thursday (official calendar).
    assert weekday_vi(dt.date(2026, 5, 4)) == "Thứ Hai"
    assert weekday_vi(dt.date(2026, 5, 10)) == "Chủ nhật"
    assert weekday_date_vi(dt.date(2026, 4, 29)) == "Thứ Tư 29/04/2026"
    assert date_vi(dt.date(2026, 1, 1)) == "01/01/2026"


@pytest.mark.parametrize(
    "helper", [weekday_vi, date_vi, weekday_date_vi, long_date_vi], ids=lambda f: f.__name__
)
@pytest.mark.parametrize(
    "bad", ["2026-05-04", dt.datetime(2026, 5, 4, 9, tzinfo=VN_TZ), None, 20260504]
)
def test_date_helpers_refuse_what_is_not_a_date(helper: Any, bad: object) -> None:
    with pytest.raises(InputTypeError) as info:
        helper(bad)
    assert info.value.context["argument"] == "day"


@settings(max_examples=60)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_long_date_reads_back(day: dt.date) -> None:
    text = long_date_vi(day)
    found = re.fullmatch(r"ngày (\d\d) tháng (\d\d?) năm (\d{4})", text)
    assert found is not None
    assert dt.date(int(found[3]), int(found[2]), int(found[1])) == day
    assert len(found[2]) == (2 if day.month <= 2 else len(str(day.month)))
    assert weekday_date_vi(day).startswith(weekday_vi(day) + " ")


# --- numbers -----------------------------------------------------------------------------------


def test_decimal_commas() -> None:
    assert decimal_vi(1618.24) == "1.618,24"
    assert decimal_vi(1.38) == "1,38"
    assert decimal_vi(Decimal("55973.5"), 1) == "55.973,5"
    assert decimal_vi(Fraction(1, 3), 3) == "0,333"
    assert decimal_vi(1618, 0) == "1.618"
    assert decimal_vi(-1234567.5, 1) == "-1.234.567,5"


@pytest.mark.parametrize(
    ("value", "places"),
    [
        (True, 2),
        ("1.5", 2),
        (None, 2),
        (float("nan"), 2),
        (float("inf"), 2),
        (Decimal("NaN"), 2),
        (1.5, -1),
        (1.5, 7),
        (1.5, True),
    ],
)
def test_decimal_refuses_bad_input(value: object, places: object) -> None:
    with pytest.raises(InputTypeError):
        decimal_vi(value, places)  # type: ignore[arg-type]


@settings(max_examples=80)
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_decimal_reads_back(value: Decimal) -> None:
    text = decimal_vi(value)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d\d", text)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value


# --- citations ---------------------------------------------------------------------------------


def _articles(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["article"]} if isinstance(node.get("article"), str) else set()
        return found.union(*(_articles(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_articles(value) for value in node))
    return set()


def _bundled_articles() -> set[str]:
    root = resources.files("tthc") / "data"
    found: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                stack.append(entry)
            elif entry.name.endswith(".json"):
                found |= _articles(json.loads(entry.read_text("utf-8")))
    return found


BUNDLED_ARTICLES = sorted(_bundled_articles())
# "Điều 5.3", "Điều 13 khoản 1", "Điều 1, khoản 1" (but not "khoản 3 Điều 16, khoản 1 Điều 17")
_OLD_ORDER = re.compile(r"Điều \d+(?:\.\d| khoản|, khoản [^\s,;]+(?:$|[,;]| điểm))")


def test_the_bundled_data_has_the_article_forms_of_the_issue() -> None:
    # "Điều 5.3", "Điều 13 khoản 1" and "Điều 1, khoản …" (issue 21) are all met
    assert "Điều 5.3" in BUNDLED_ARTICLES
    assert "Điều 13 khoản 1" in BUNDLED_ARTICLES
    assert any(a.startswith("Điều 1, khoản") for a in BUNDLED_ARTICLES)
    assert len(BUNDLED_ARTICLES) > 80


@pytest.mark.parametrize("article", BUNDLED_ARTICLES)
def test_every_bundled_article_reads_in_the_vietnamese_order(article: str) -> None:
    text = provision_vi(article)
    assert not _OLD_ORDER.search(text), text
    # nothing is lost: the same numbers and letters, in another order (an article cited for
    # two clauses is written once: "khoản 2, 3 Điều 17")
    tokens = re.compile(r"\d+|(?<=[\s.,])[a-zđ](?=$|[\s,.;])|\(.*?\)|\{\w+\}|Phụ lục|Biểu số")
    assert set(tokens.findall(text)) == set(tokens.findall(article.replace(".", " "))), text
    assert provision_vi(text) == text  # already in the Vietnamese order: unchanged


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("Điều 5.3", "khoản 3 Điều 5"),
        ("Điều 13 khoản 1", "khoản 1 Điều 13"),
        ("Điều 1, khoản 1", "khoản 1 Điều 1"),
        ("Điều 17.2.c", "điểm c khoản 2 Điều 17"),
        ("Điều 14 khoản 2 điểm a", "điểm a khoản 2 Điều 14"),
        ("Điều 17.2, 17.3", "khoản 2, 3 Điều 17"),
        (
            "Điều 19.5, 5.1.e, 11.2.c",
            "khoản 5 Điều 19, điểm e khoản 1 Điều 5, điểm c khoản 2 Điều 11",
        ),
        ("Điều 14 khoản 3; Điều 40 khoản 4", "khoản 3 Điều 14; khoản 4 Điều 40"),
        ("Điều 5 khoản 1, khoản 4", "khoản 1, 4 Điều 5"),
        ("Điều 14 khoản 4 (mới)", "khoản 4 Điều 14 (mới)"),
        ("Điều 16, 18–21", "Điều 16, 18–21"),
        ("Điều 17, 17.2", "Điều 17, khoản 2 Điều 17"),
        ("Phụ lục, Biểu số 07a/BTP/KSTT", "Phụ lục, Biểu số 07a/BTP/KSTT"),
        ("", ""),
    ],
)
def test_provisions(article: str, expected: str) -> None:
    assert provision_vi(article) == expected


def test_a_citation_names_the_smallest_unit_first() -> None:
    # Nghị định 118/2025/NĐ-CP Điều 19 khoản 5: the supplement restarts the limit
    ref = LegalRef.from_mapping({"doc": "118-2025-nd-cp", "article": "Điều 19.5"})
    assert ref.article == "Điều 19.5"  # the data as written
    assert ref.provision == "khoản 5 Điều 19"
    assert ref.cite() == "khoản 5 Điều 19, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
    assert ref.to_dict()["citation"] == ref.cite()


def test_one_name_per_law_in_the_catalogue() -> None:
    # The portal's table glues "Luật 60/2014/QH13" to its number: "Luật 60/2014/QH" +
    # "1360/2014/QH13". Read right, the record cites the registry's Luật Hộ tịch.
    civil_status_law = document("60-2014-qh13")
    record = load_catalog()["1.000080"]
    assert civil_status_law in record.legal_basis
    registered = {ref.document: ref for ref in documents().values()}
    for procedure in load_catalog():
        for ref in procedure.legal_basis:
            assert not _glued(ref), (procedure.code, ref)
            if ref.document in registered:
                assert (ref.kind, ref.issuer) == (
                    registered[ref.document].kind,
                    registered[ref.document].issuer,
                )


def _glued(ref: LegalRef) -> bool:
    """Whether the name's last digits are stuck to the number ("…/QH" + "1360/2014/QH13")."""
    doc = ref.document
    return any(
        doc[:cut].isdigit() and "/" in doc[cut:] and (ref.title + doc[:cut]).endswith(doc[cut:])
        for cut in range(1, 5)
    )


# --- enumerations ------------------------------------------------------------------------------


def _labelled_enums() -> list[type[LabelledEnum]]:
    for info in pkgutil.walk_packages(tthc.__path__, "tthc."):
        if ".cli" not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found: list[type[LabelledEnum]] = []
    stack: list[type[Any]] = [LabelledEnum]
    while stack:
        for sub in stack.pop().__subclasses__():
            found.append(sub)
            stack.append(sub)
    return found


def test_str_of_every_labelled_enum_is_its_value() -> None:
    enums = _labelled_enums()
    assert {DossierStatus, EventKind, Channel, Timeliness} <= set(enums)
    for kind in enums:
        for member in kind:
            assert isinstance(member, enum.Enum)
            assert str(member) == f"{member}" == member.value, member
            assert member == member.value
            assert member.label.startswith(member.name_vi)
    assert DossierStatus.ACCEPTED.label == "Được tiếp nhận (accepted)"


# --- the dossier's deadline and timeliness ------------------------------------------------------

CODE = "H92-260429-0001"
DESK = Actor(ActorRole.ONE_STOP, "Trung tâm Phục vụ hành chính công phường Ninh Kiều")
UBND = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND phường Ninh Kiều")


def _at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 5, day, hour, tzinfo=VN_TZ)


def _accepted() -> Dossier:
    d = Dossier(CODE, "1.001193", Channel.COUNTER, DESK.unit, UBND.unit, Duration.working_days(3))
    return d.apply(DossierEvent(EventKind.ACCEPTED, CODE, _at(4, 9), DESK))


def test_the_deadline_is_the_deadline() -> None:
    d = _accepted()
    # accepted Mon 4/5/2026: 3 working days, due Thu 7/5/2026 (no day off in between)
    assert isinstance(d.deadline, Deadline)
    assert d.deadline.due_date == d.due_date == dt.date(2026, 5, 7)
    assert isinstance(d.deadline_revision, DeadlineRevision)
    assert d.deadline_revision.deadline == d.deadline
    assert d.deadline_history()[-1] == d.deadline_revision
    draft = Dossier(
        CODE, "1.001193", Channel.COUNTER, DESK.unit, UBND.unit, Duration.calendar_days(1)
    )
    assert (draft.deadline, draft.deadline_revision, draft.timeliness()) == (None, None, None)


def test_timeliness_needs_no_instant_once_the_dossier_is_finished() -> None:
    d = _accepted().apply_all(
        [
            DossierEvent(EventKind.FORWARDED, CODE, _at(4, 10), DESK, to_unit=UBND.unit),
            DossierEvent(EventKind.RESULT_ISSUED, CODE, _at(6, 15), UBND),
            DossierEvent(EventKind.RESULT_DELIVERED, CODE, _at(8, 9), DESK),
        ]
    )
    # result issued Wed 6/5, before the due date Thu 7/5: early (trước hạn)
    assert d.timeliness() is Timeliness.EARLY
    assert d.timeliness() == d.timeliness(_at(30, 9))


def test_timeliness_of_an_open_dossier_needs_the_instant() -> None:
    with pytest.raises(InputTypeError) as info:
        _accepted().timeliness()
    assert info.value.context["argument"] == "as_of"
    assert "--as-of" in (info.value.hint or "")


# --- text output of the commands ----------------------------------------------------------------

_ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def test_dossier_show_speaks_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hs.json"
    path.write_text(to_json(_accepted()), encoding="utf-8")
    assert main(["dossier", "show", str(path), "--as-of", "2026-05-05 09:00"]) == 0
    out = capsys.readouterr().out
    assert "Kênh (channel): Trực tiếp;" in out
    assert "Hạn trả (due): Thứ Năm 07/05/2026 17:00" in out
    assert "Tình trạng (timeliness): Trong hạn" in out
    assert "Thứ Hai 04/05/2026 09:00" in out
    assert "[24,0 giờ]" in out  # from acceptance on Mon 09:00 to Tue 09:00
    assert not _ISO_DATE.search(out), out
    for english in ("counter", "in_time", "(accepted)", " set:", " h]"):
        assert english not in out, english


def test_calendar_and_authority_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026"]) == 0
    out = capsys.readouterr().out
    # 1/1/2026 is a Thursday (Tết Dương lịch); weekday names are Vietnamese
    assert "Thứ Năm 01/01/2026" in out
    assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", out)
    assert main(["authority", "1.001193", "--unit", "31135", "--on", "01/03/2026"]) == 0
    out = capsys.readouterr().out
    # Luật Hộ tịch 2014 Điều 13 khoản 1: the commune of residence registers the birth
    assert "khoản 1 Điều 13, Luật Hộ tịch 60/2014/QH13" in out
    assert "căn cứ xác định nơi (anchor): Nơi cư trú" in out
    assert "độ tin cậy (confidence): Cao" in out
    for english in ("anchor: residence", "layer: law", "confidence: H"):
        assert english not in out


# --- citations of the regime in force ------------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "decree"),
    [
        # Nghị định 118/2025/NĐ-CP is in force from 1/7/2025 and replaces 61/2018 (its Điều 40.1)
        (dt.datetime(2020, 4, 29, 10, tzinfo=VN_TZ), "61/2018/NĐ-CP"),
        (dt.datetime(2025, 6, 30, 16, tzinfo=VN_TZ), "61/2018/NĐ-CP"),
        (dt.datetime(2025, 6, 30, 17, 30, tzinfo=dt.timezone.utc), "118/2025/NĐ-CP"),  # 1/7 VN
        (dt.datetime(2026, 4, 29, 10, tzinfo=VN_TZ), "118/2025/NĐ-CP"),
    ],
)
def test_a_due_date_cites_the_regime_in_force_on_acceptance(
    accepted: dt.datetime, decree: str
) -> None:
    for limit in (Duration.working_days(10), Duration.working_hours(4)):
        deadline = compute_deadline(accepted, limit)
        documents_cited = {ref.document for ref in deadline.rule.legal_refs}
        assert decree in documents_cited
        assert not documents_cited & ({"61/2018/NĐ-CP", "118/2025/NĐ-CP"} - {decree})
    restarted = restart_after_supplement(deadline, accepted + dt.timedelta(days=2))
    assert decree in restarted.history[-1].rule.cite()


def test_the_earlier_regime_is_cited_with_its_confidence_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    old = compute_deadline(dt.datetime(2020, 4, 29, 10, tzinfo=VN_TZ), Duration.working_days(10))
    decree = next(ref for ref in old.rule.legal_refs if ref.document == "61/2018/NĐ-CP")
    assert (decree.article, decree.confidence) == ("", "reported")  # its text is not at hand
    assert old.rule.validity.end == dt.date(2025, 6, 30)
    assert "Lưu ý (note): Trước 01/7/2025" in old.explain()
    assert main(["deadline", "--accepted", "29/04/2020 10:00", "--time", "10 ngày làm việc"]) == 0
    out = capsys.readouterr().out
    basis = next(line for line in out.splitlines() if line.startswith("Căn cứ (legal basis)"))
    assert "118/2025" not in basis
    assert "Nghị định 61/2018/NĐ-CP" in out


def test_before_decree_61_2018_only_the_civil_code_is_cited() -> None:
    # Nghị định 61/2018/NĐ-CP came into force on 21/6/2018; from 1/1/2017 (Bộ luật Dân sự
    # 91/2015/QH13 in force) to 20/6/2018 tthc holds no one-stop text, so it cites the Civil Code
    # only; never a decree that did not exist yet
    for day in (
        dt.datetime(2017, 5, 3, 10, tzinfo=VN_TZ),
        dt.datetime(2018, 6, 20, 10, tzinfo=VN_TZ),
    ):
        rule = compute_deadline(day, Duration.working_days(5)).rule
        assert {ref.document for ref in rule.legal_refs} == {"91/2015/QH13"}
        assert rule.validity.end == dt.date(2018, 6, 20)
    on_the_day = compute_deadline(
        dt.datetime(2018, 6, 21, 10, tzinfo=VN_TZ), Duration.working_days(5)
    )
    assert "61/2018/NĐ-CP" in {ref.document for ref in on_the_day.rule.legal_refs}


def test_before_every_regime_tthc_holds_nothing_is_cited_and_it_says_so() -> None:
    # 2016: the Civil Code 2015 was not yet in force (1/1/2017); tthc has no document for 2016,
    # so the rule cites nothing rather than a law of a later date
    old = compute_deadline(dt.datetime(2016, 5, 3, 10, tzinfo=VN_TZ), Duration.working_days(5))
    assert old.rule.legal_refs == ()
    assert old.rule.validity.end == dt.date(2016, 12, 31)
    assert "không dẫn căn cứ pháp lý" in old.explain()
    assert "118/2025" not in old.explain()
    calendar_days = compute_deadline(
        dt.datetime(2016, 5, 3, 10, tzinfo=VN_TZ), Duration.calendar_days(5)
    )
    assert calendar_days.rule.legal_refs == ()  # no earlier entry at all: the same answer


@pytest.mark.parametrize("bad", [None, 5, ["Điều 5.3"]])
def test_provision_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(InputTypeError) as info:
        provision_vi(bad)  # type: ignore[arg-type]
    assert info.value.context["argument"] == "article"


def _own_texts() -> list[tuple[str, str]]:
    """Every free text of tthc's own data files (not the portal's records, not ``article`` keys)."""
    root = Path(__file__).resolve().parents[2] / "src" / "tthc" / "data"
    found: list[tuple[str, str]] = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in ("article", "articles"):
                    walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")
        elif isinstance(value, str):
            found.append((where, value))

    for path in sorted(root.rglob("*.json")):
        # the national portal's records are kept as published; schemas describe shapes
        if path.name == "procedures_national.json" or "schema" in path.parts:
            continue
        walk(json.loads(path.read_text("utf-8")), path.relative_to(root).as_posix())
    return found


def test_own_data_texts_cite_in_the_vietnamese_order() -> None:
    # "khoản 1 Điều 40", never "Điều 40.1" or "Điều 6 khoản 2" (issue 21, item 3)
    western = re.compile(r"Điều \d+(?:\.\d+| khoản \d+)")
    offenders = [(where, text[:80]) for where, text in _own_texts() if western.search(text)]
    assert offenders == []
