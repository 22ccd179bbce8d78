"""Who is competent, and where to file, for a commune of Cần Thơ (thành phố Cần Thơ, code 92).

Since 1/7/2025 the district level is gone (Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 51 khoản 3) and Cần Thơ (merged
with Hậu Giang and Sóc Trăng, Nghị quyết 202/2025/QH15) has 103 communes. For one of them the
script prints, for a few everyday procedures, the competent authority with the rule and article
that make it competent, the same question on 30/6/2025 (the old commune, under the district),
and where the dossier may be filed (phi địa giới: Quyết định 3203/QĐ-UBND of Cần Thơ).

tthc never guesses: a procedure the law leaves to a provincial decision names no authority, and a
procedure without a rule raises NoCompetenceRule, shown here as a line of output.

Run:  python examples/can_tho_authority.py ["Xã Thạnh An"] [YYYY-MM-DD]
"""

from __future__ import annotations

import datetime as dt
import sys

from tthc import units
from tthc.authorities import reception_points, resolve_authority
from tthc.errors import TthcError

PROVINCE = "92"  # Thành phố Cần Thơ (Quyết định 19/2025/QĐ-TTg)

#: (national code or tthc key, what a citizen would call it, case facts).
PROCEDURES: list[tuple[str, str, dict[str, str | bool]]] = [
    ("1.001193", "Đăng ký khai sinh (birth registration)", {}),
    ("2.000806", "Đăng ký kết hôn có yếu tố nước ngoài (marriage with a foreigner)", {}),
    ("xay-dung.gpxd-nha-o-rieng-le", "Giấy phép xây dựng nhà ở riêng lẻ (house permit)", {}),
    ("dkkd.ho-kinh-doanh", "Đăng ký hộ kinh doanh (household business)", {}),
    ("dat-dai.giao-dat-ca-nhan", "Giao đất, cho thuê đất cho cá nhân (land allocation)", {}),
    ("van-hoa.le-hoi", "Đăng ký tổ chức lễ hội (festival registration)", {}),
    (
        "van-hoa.le-hoi",
        "the same, for a festival inside one commune",
        {"festival_scope": "single_commune"},
    ),
]


def describe(
    code: str, unit_code: str, on: dt.date, facts: dict[str, str | bool] | None = None
) -> str:
    """Return one line: the authority and its legal basis, or why there is none."""
    try:
        result = resolve_authority(code, unit=unit_code, on=on, facts=facts)
    except TthcError as err:
        return f"error[{err.code}]: {err}"
    if result.authority is None:  # left to a provincial decision
        default = result.default_authority.name_vi if result.default_authority else "-"
        return (
            f"do {result.decided_by.name_vi} quyết định (left to the province); "
            f"default: {default} — {result.legal_basis.cite()}"
        )
    return f"{result.authority.name_vi} — {result.legal_basis.cite()}"


def main(argv: list[str]) -> int:
    name = argv[0] if argv else "Xã Thạnh An"
    on = dt.date.fromisoformat(argv[1]) if len(argv) > 1 else dt.date(2026, 3, 2)
    try:
        commune = units.unit_by_name(name, province=PROVINCE)
    except TthcError as err:
        print(f"error[{err.code}]: {err}", file=sys.stderr)
        return 2
    print(f"{commune.full_name} ({commune.code}), Thành phố Cần Thơ")
    print(f"  formed by: {commune.legal_basis.cite()}")
    old = units.predecessors(commune.code)
    print("  from the old units: " + ", ".join(f"{s.old.full_name} ({s.old.code})" for s in old))
    print()

    print(f"Cơ quan có thẩm quyền (competent authority) on {on:%d/%m/%Y}:")
    for code, label, facts in PROCEDURES:
        print(f"  {code} {label}")
        print(f"    {describe(code, commune.code, on, facts)}")
    print()

    before = dt.date(2025, 6, 30)
    print(f"The same marriage dossier on {before:%d/%m/%Y}, filed in {old[0].old.full_name}:")
    print(f"    {describe('2.000806', old[0].old.code, before)}")
    print()

    where = reception_points("1.001193", province=PROVINCE, on=on)
    print(f"Nơi nộp hồ sơ (where to file) 1.001193 on {on:%d/%m/%Y}: {where.mode.value}")
    print(f"  {len(where.points)} reception points; {where.legal_basis.cite()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
