"""Print a receipt-slip style summary (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).

Decree 118/2025/NĐ-CP Art. 17.3: the processing time runs from the moment the complete, valid
dossier is accepted and is shown on the Giấy tiếp nhận hồ sơ và hẹn trả kết quả (form 01 of
Circular 03/2025/TT-VPCP). Run: ``python examples/deadline_receipt_slip.py``.
"""

from __future__ import annotations

from datetime import datetime

from tthc import VN_TZ
from tthc.deadlines import compute_deadline, parse_processing_time

# Procedure 1.010038 "Tách hộ" as published on the national portal (counter channel).
PROCEDURE = "Tách hộ (1.010038)"
TIME_TEXT = (
    "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ và hợp lệ, cơ quan đăng ký "
    "cư trú có trách nhiệm thẩm định, cập nhật thông tin về hộ gia đình"
)
ACCEPTED = datetime(2026, 4, 29, 10, 0, tzinfo=VN_TZ)


def main() -> None:
    processing_time = parse_processing_time(TIME_TEXT)
    deadline = compute_deadline(ACCEPTED, processing_time)
    width = 72
    print("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ".center(width))
    print("(Receipt of dossier and appointment for the result)".center(width))
    print("-" * width)
    print(f"Thủ tục (procedure):            {PROCEDURE}")
    print(f"Tiếp nhận lúc (accepted at):    {ACCEPTED:%H:%M, %d/%m/%Y}")
    print(f"Thời hạn giải quyết (limit):    {processing_time.base}")
    if processing_time.start_anchor:
        print(f"Tính từ (counted from):         {processing_time.start_anchor}")
    print(f"Hẹn trả kết quả (return on):    {deadline.due_at:%H:%M, %d/%m/%Y}")
    print("-" * width)
    print("Ngày nghỉ không tính (days off not counted):")
    for info in deadline.skipped:
        print(f"  - {info.date:%d/%m/%Y}: {info.name_vi}")
    print(f"Căn cứ (legal basis): {deadline.rule.cite()}")


if __name__ == "__main__":
    main()
