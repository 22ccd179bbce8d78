"""tthc: Vietnamese administrative-procedure (thủ tục hành chính) rules as a Python library.

Public-sector working days, due dates of dossiers, the dossier life cycle under Decree
118/2025/NĐ-CP and competent authorities under the two-level local government, each answer with
its legal basis.

``import tthc`` is cheap: the calendar and the data tables are built on first use.
"""

from __future__ import annotations

from tthc._validate import VN_TZ
from tthc._version import __version__

__all__ = ["VN_TZ", "__version__"]
