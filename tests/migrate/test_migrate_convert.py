"""convert_address and convert_code on real addresses of Cần Thơ, Sóc Trăng, Hậu Giang and HCMC.

The labelled addresses are in ``tests/data/migrate_addresses.csv``: each row gives the expected
status, the expected new code(s), the old code matched and the clause of the resolution (Điều 1
of NQ 1668/NQ-UBTVQH15 for Cần Thơ, which took in Sóc Trăng and Hậu Giang; NQ 1685 for Hồ Chí
Minh City; ...), read from the succession table.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from tthc.errors import AmbiguousUnitName, InputTypeError, UnknownUnit
from tthc.migrate import Conversion, MigrationStatus, OldPlace, convert_address, convert_code

LABELLED = Path(__file__).parents[1] / "data" / "migrate_addresses.csv"


def labelled() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def outcome(address: str, on: dt.date | None = None) -> tuple[str, tuple[str, ...], str]:
    """(status, codes, old code) as the labels write them; errors become statuses too."""
    try:
        found = convert_address(address, on=on)
    except AmbiguousUnitName as err:
        return "ambiguous", tuple(err.context["candidates"]), ""
    except UnknownUnit as err:
        return "unknown", tuple(err.context["suggestions"]), ""
    return found.status.value, found.codes, found.old.code if found.old else ""


@pytest.mark.parametrize("row", labelled(), ids=lambda row: row["address"])
def test_labelled_address(row: dict[str, str]) -> None:
    on = dt.date.fromisoformat(row["on"]) if row["on"] else None
    status, codes, old = outcome(row["address"], on)
    assert status == row["status"], row["clause"]
    expected = tuple(row["codes"].split(";"))
    if status == "unknown":
        assert set(expected) <= set(codes)  # a suggestion, never an answer
    else:
        assert codes == expected, row["clause"]
    assert old == row["old_code"]


def test_labels_cover_every_form_and_province() -> None:
    rows = labelled()
    assert {r["status"] for r in rows} == {s.value for s in MigrationStatus}
    text = " ".join(r["address"] for r in rows)
    for form in (
        "P.",
        "Ph.",
        "Q.",
        "TP ",
        "TP.",
        "Tp ",
        "T.",
        "H.",
        "X.",
        "TT.",
        "Phường I",
        "P.01",
    ):
        assert form in text, form
    for province in ("Cần Thơ", "Sóc Trăng", "Hậu Giang", "TP.HCM"):
        assert sum(province in r["address"] for r in rows) >= 4, province


def test_issue_examples_return_every_successor() -> None:
    # NQ 1656/NQ-UBTVQH15 Điều 1 khoản 4 (Ngọc Hà) and khoản 5 (Giảng Võ) each take part of Cống Vị.
    found = convert_address("Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội")
    assert found.status is MigrationStatus.SPLIT
    assert found.status == "split"
    assert [u.full_name for u in found.new] == ["Phường Ngọc Hà", "Phường Giảng Võ"]
    assert [r.article for r in found.legal_basis] == ["Điều 1, khoản 4", "Điều 1, khoản 5"]
    assert found.new_code is None
    # NQ 1668 Điều 1 khoản 2 (Cái Khế) and khoản 6 (Bình Thủy) each take part of Bùi Hữu Nghĩa.
    found = convert_address("Phường Bùi Hữu Nghĩa, Quận Bình Thủy, Thành phố Cần Thơ")
    assert sorted(u.full_name for u in found.new) == ["Phường Bình Thủy", "Phường Cái Khế"]
    assert {r.document for r in found.legal_basis} == {"1668/NQ-UBTVQH15"}
    text = found.explain()
    assert "chia tách" in text
    assert "khoản 6 Điều 1" in text
    assert "tthc không tự chọn" in text


def test_whole_result_has_street_old_place_and_clause() -> None:
    found = convert_address("54 Nguyễn Văn Cừ, phường An Hòa, quận Ninh Kiều")
    assert isinstance(found, Conversion)
    assert found.street == "54 Nguyễn Văn Cừ"
    assert isinstance(found.old, OldPlace)
    assert (found.old.commune.code, found.old.district.code, found.old.province.code) == (
        "31120",
        "916",
        "92",
    )
    assert str(found.old) == "Phường An Hòa, Quận Ninh Kiều, Thành phố Cần Thơ"
    assert found.new_code == "31120"
    assert found.new[0].full_name == "Phường Cái Khế"
    (ref,) = found.legal_basis
    assert ref.cite().startswith("khoản 2 Điều 1, Nghị quyết 1668/NQ-UBTVQH15")
    assert found.on == dt.date(2025, 6, 30)
    assert str(found).endswith("→ Phường Cái Khế (31120) [whole]")
    lines = found.explain().splitlines()
    assert lines[1] == "Số nhà, đường (street): 54 Nguyễn Văn Cừ"
    assert "until 30/06/2025" in lines[2]


def test_already_new_cites_the_clause_that_formed_the_unit() -> None:
    found = convert_address("Phường Ninh Kiều, Thành phố Cần Thơ")
    assert found.status is MigrationStatus.ALREADY_NEW
    assert found.old is None
    assert found.successions == ()
    (ref,) = found.legal_basis
    assert ref.article == "Điều 1, khoản 1"
    assert ref.document == "1668/NQ-UBTVQH15"


def test_ambiguous_lists_every_candidate_with_its_place() -> None:
    with pytest.raises(AmbiguousUnitName) as caught:
        convert_address("Phường Tân An, TP Cần Thơ")
    err = caught.value
    assert err.code == "unit.ambiguous"
    assert err.context["candidates"] == ("31135", "31147")
    names = err.context["candidate_names"]
    assert "Quận Ninh Kiều" in names[0]
    assert "before 1/7/2025" in names[0]
    assert "from 1/7/2025" in names[1]
    assert "pass on=" in (err.hint or "")


def test_unknown_gives_near_misses_as_suggestions_only() -> None:
    with pytest.raises(UnknownUnit) as caught:
        convert_address("Phường Thảo Điền, Quận 2, TP.HCM")
    err = caught.value
    assert err.code == "unit.unknown"
    assert err.context["suggestions"][0] == "27088"  # Thảo Điền, Thành phố Thủ Đức
    assert "not taken as the answer" in (err.hint or "")
    with pytest.raises(UnknownUnit) as caught:
        convert_address("Phường Tân Ann, Quận Ninh Kiều, Cần Thơ")
    assert "31135" in caught.value.context["suggestions"]  # a spelling near miss
    with pytest.raises(UnknownUnit):
        convert_address("")
    with pytest.raises(UnknownUnit):
        convert_address("Quận Ninh Kiều, Cần Thơ")  # a district alone: no commune to map


def test_a_kind_word_must_agree() -> None:
    # Long Phú is both a thị trấn and a xã of huyện Long Phú; the kind word decides.
    assert convert_address("Thị trấn Long Phú, Long Phú, Sóc Trăng").old.code == "31639"
    assert convert_address("Xã Long Phú, Long Phú, Sóc Trăng").old.code == "31669"
    with pytest.raises(UnknownUnit) as caught:
        convert_address("Phường Long Phú, Huyện Long Phú, Sóc Trăng")
    assert {"31639", "31669"} <= set(caught.value.context["suggestions"])


def test_on_a_date_after_the_reform_reads_the_new_form_first() -> None:
    july = dt.date(2025, 7, 15)
    assert convert_address("Phường Tân An, TP Cần Thơ", on=july).codes == ("31147",)
    # An old address with its district is still converted after the reform.
    late = convert_address("P. Tân An, Q. Ninh Kiều, TP Cần Thơ", on=july)
    assert late.status is MigrationStatus.WHOLE
    assert late.codes == ("31135",)
    assert late.on == july


def test_bad_input_types() -> None:
    with pytest.raises(InputTypeError):
        convert_address(12)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        convert_address("Phường 1, Quận 3, TP.HCM", on="2025-06-30")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        convert_code(7)  # type: ignore[arg-type]


def test_convert_code_uses_the_date_because_codes_were_reused() -> None:
    # 31135 was phường Tân An (Ninh Kiều) until 30/6/2025 and is phường Ninh Kiều from 1/7/2025.
    before = convert_code("31135")
    assert before.status is MigrationStatus.WHOLE
    assert before.old.code == "31135"
    assert before.legal_basis[0].article == "Điều 1, khoản 1"
    after = convert_code("31135", on=dt.date(2025, 7, 1))
    assert after.status is MigrationStatus.ALREADY_NEW
    assert after.old is None
    split = convert_code("31178")  # Bùi Hữu Nghĩa: NQ 1668 Điều 1 khoản 2 and khoản 6
    assert split.status is MigrationStatus.SPLIT
    assert split.codes == ("31120", "31168")
    province = convert_code("94")  # Sóc Trăng → Cần Thơ (Nghị quyết 202/2025/QH15)
    assert province.codes == ("92",)
    assert province.old.district is None
    assert province.legal_basis[0].document == "202/2025/QH15"
    district = convert_code("755")  # Côn Đảo: NQ 1685 Điều 1 khoản 163
    assert district.codes == ("26732",)
    assert district.old.commune is None
    assert convert_code("11948").status is MigrationStatus.ALREADY_NEW  # Bạch Long Vĩ: 2025 only
    with pytest.raises(UnknownUnit):
        convert_code("916")  # a district with communes has no successor of its own
    with pytest.raises(UnknownUnit):
        convert_code("99999")


def test_every_day_of_a_period_reads_alike() -> None:
    from tthc.migrate._convert import decision_day

    assert decision_day(dt.date(2020, 1, 1)) == dt.date(2025, 6, 30)
    assert decision_day(dt.date(2025, 7, 1)) == decision_day(dt.date(2026, 3, 1))
    later = convert_address("Phường Tân An, TP Cần Thơ", on=dt.date(2026, 3, 1))
    assert later.codes == ("31147",)
    assert later.on == dt.date(2026, 3, 1)
    early = convert_address("P. Tân An, Q. Ninh Kiều, TP Cần Thơ", on=dt.date(2019, 5, 2))
    assert early.codes == ("31135",)
    assert early.on == dt.date(2019, 5, 2)


def test_successor_of_needs_an_explicit_choice_for_a_split_unit() -> None:
    from tthc.migrate import successor_of

    whole = successor_of("31135")  # Tân An → Ninh Kiều: NQ 1668 Điều 1 khoản 1
    assert (whole.new.code, whole.whole, whole.legal_basis.article) == (
        "31135",
        True,
        "Điều 1, khoản 1",
    )
    with pytest.raises(AmbiguousUnitName) as caught:
        successor_of("31178")  # Bùi Hữu Nghĩa: khoản 2 (Cái Khế) and khoản 6 (Bình Thủy)
    assert caught.value.context["candidates"] == ("31120", "31168")
    chosen = successor_of("31178", choose="31168")
    assert (chosen.new.full_name, chosen.legal_basis.article) == (
        "Phường Bình Thủy",
        "Điều 1, khoản 6",
    )
    with pytest.raises(UnknownUnit):
        successor_of("31178", choose="31135")
    assert successor_of("31135", choose="31135").new.code == "31135"
