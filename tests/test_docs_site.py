"""The docs site as a reader sees it, and the facts its pages promise.

Two kinds of checks:

* Always: every API name in the glossary exists, and ``docs/data.md`` describes every data file
  the package ships. Cheap, no extra dependency.
* Opt-in, in a real browser: build the site with mkdocs into a temporary directory, serve it on
  127.0.0.1 and load the main pages with headless Chromium (Debian's ``chromium`` package).
  Each page must render its title, and every stylesheet, script and image it references must be
  served (no 404). Skipped unless ``chromium`` is on ``PATH`` and mkdocs is installed
  (``pip install -e ".[docs]"``); ``nox -s docs_browser`` runs it. Chromium is given no network
  beyond 127.0.0.1. Set ``TTHC_DOCS_SCREENSHOTS=DIR`` to also save a screenshot of the home page
  in DIR (keep screenshots out of the repository).
"""

from __future__ import annotations

import functools
import html.parser
import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "src" / "tthc" / "data"

#: Public modules whose ``__all__`` the glossary may name.
MODULES = (
    "calendar",
    "deadlines",
    "dossiers",
    "serde",
    "procedures",
    "units",
    "authorities",
    "workflows",
    "workload",
    "legal",
    "errors",
)
IDENTIFIER = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\(\))?$")


# --- always: the pages' promises -------------------------------------------------------------


def _glossary_names() -> list[str]:
    names = []
    for line in (DOCS / "glossary.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            last_cell = line.strip().strip("|").split("|")[-1]
            names += [n for n in re.findall(r"`([^`]+)`", last_cell) if IDENTIFIER.match(n)]
    return names


def _resolves(name: str) -> bool:
    head, *rest = name.removesuffix("()").split(".")
    for module_name in MODULES:
        module = importlib.import_module(f"tthc.{module_name}")
        if head not in module.__all__:
            continue
        obj: object = getattr(module, head)
        for part in rest:
            fields = getattr(obj, "__attrs_attrs__", None)
            if hasattr(obj, part):
                obj = getattr(obj, part)
            elif fields is not None and part in {f.name for f in fields}:
                obj = None  # an attrs field of an instance: the name exists
            else:
                return False
        return True
    return False


def test_glossary_names_exist_in_the_api() -> None:
    names = _glossary_names()
    assert len(names) > 100
    missing = [name for name in names if not _resolves(name)]
    assert missing == [], f"glossary names not in the public API: {missing}"


def test_data_page_describes_every_data_file() -> None:
    page = (DOCS / "data.md").read_text(encoding="utf-8")
    files = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file())
    assert files
    missing = [name for name in files if f"`{name}`" not in page]
    assert missing == [], f"docs/data.md does not describe: {missing}"


# --- opt-in: the built site in headless Chromium ---------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HAS_MKDOCS = importlib.util.find_spec("mkdocs") is not None

#: Pages a reader meets first: (path in the site, Markdown source).
MAIN_PAGES = (
    ("", "index.md"),
    ("fundamentals/working-days/", "fundamentals/working-days.md"),
    ("fundamentals/deadlines/", "fundamentals/deadlines.md"),
    ("fundamentals/dossier-lifecycle/", "fundamentals/dossier-lifecycle.md"),
    ("fundamentals/competence/", "fundamentals/competence.md"),
    ("guide/receipt-slip/", "guide/receipt-slip.md"),
    ("guide/portal-sync/", "guide/portal-sync.md"),
    ("guide/province-decision/", "guide/province-decision.md"),
    ("guide/migrate-units/", "guide/migrate-units.md"),
    ("reference/deadlines/", "reference/deadlines.md"),
    ("reference/cli/", "reference/cli.md"),
    ("data/", "data.md"),
    ("glossary/", "glossary.md"),
)

browser = pytest.mark.skipif(
    CHROMIUM is None or not HAS_MKDOCS or os.environ.get("TTHC_DOCS_BROWSER") == "0",
    reason="needs `chromium` on PATH and mkdocs (pip install -e '.[docs]'); opt-in browser test",
)


class _Assets(html.parser.HTMLParser):
    """Collect the URLs of stylesheets, scripts and images, and the <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("href") and found.get("rel") != "canonical":
            self.urls.append(found["href"] or "")
        elif tag in {"script", "img"} and found.get("src"):
            self.urls.append(found["src"] or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser hung up: fine
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the site strictly and serve it; yield its base URL."""
    out = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        # No network beyond the local server: external assets (a CDN) simply fail to load.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _expected_title(source: str) -> str:
    for line in (DOCS / source).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].replace("`", "").strip()
    raise AssertionError(f"{source} has no '# ' title")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


@browser
@pytest.mark.parametrize(("path", "source"), MAIN_PAGES, ids=[p[1] for p in MAIN_PAGES])
def test_page_renders_with_all_assets(site: str, path: str, source: str, tmp_path: Path) -> None:
    url = urllib.parse.urljoin(site, path)
    result = _chromium(tmp_path, "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<article" in dom, f"{url}: no article in the rendered page"

    parser = _Assets()
    parser.feed(dom)
    title = _expected_title(source)
    assert title in parser.title or f">{title}<" in dom, f"{url}: title {title!r} not shown"

    local = sorted(
        {
            absolute
            for absolute in (urllib.parse.urljoin(url, u) for u in parser.urls)
            if absolute.startswith(site)
        }
    )
    assert any(u.endswith(".css") for u in local), f"{url}: no stylesheet"
    missing = [u for u in local if _status(u) != 200]
    assert missing == [], f"{url}: assets not served: {missing}"


@browser
def test_home_page_screenshot(site: str, tmp_path: Path) -> None:
    target = os.environ.get("TTHC_DOCS_SCREENSHOTS")
    folder = Path(target) if target else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "tthc-docs-home.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", site)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.stat().st_size > 10_000  # a blank page is a few hundred bytes
