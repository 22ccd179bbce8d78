"""``python -m tthc.cli`` runs the command line (as ``python -m tthc`` and ``tthc`` do)."""

import sys

from tthc.cli import main

sys.exit(main())
