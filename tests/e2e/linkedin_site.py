"""A local https://www.linkedin.com serving the saved LinkedIn pages of ``tests/fixtures/linkedin``.

Chromium reaches it through ``--host-resolver-rules`` (``LinkedInSite.resolver_rule``); the
certificate is self-signed, generated with ``openssl`` when the site starts, so the browser runs
with ``ignore_https_errors``. Each fixture page is served at the URL ``ground_truth.json`` gives
it (on www.linkedin.com, whatever subdomain the page was saved from). Several fixtures share a URL
(``/feed/`` has four); the first listed is served unless ``serve(path, file)`` says otherwise.
Pages are picked by path alone; the query string is the page's business.
"""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.fixtures import LINKEDIN_PAGES

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = LINKEDIN_PAGES
HOST = "www.linkedin.com"

# The fixtures are saved pages: their scripts and trackers must not run against a local copy.
# chrome.scripting is not subject to a page's CSP, so captures still work.
PAGE_CSP = "script-src 'none'; connect-src 'none'; img-src data:; font-src 'none'"


def load_ground_truth(fixtures_dir: Path = FIXTURES_DIR) -> list[dict]:
    """The labelled fixtures: ``[{file, url, kind, person?, posts?, people?}]``."""
    return json.loads((fixtures_dir / "ground_truth.json").read_text(encoding="utf-8"))


def _path_of(url: str) -> str:
    """The route key of a URL: its path (the query never picks the page)."""
    return urlsplit(url).path


class LinkedInSite:
    """HTTPS server for the fixture pages; use as a context manager.

    ``url(file)`` is the https://www.linkedin.com URL a fixture is served at;
    ``resolver_rule`` the Chromium ``--host-resolver-rules`` value that sends the host here.
    """

    def __init__(self, fixtures_dir: Path = FIXTURES_DIR) -> None:
        self.fixtures_dir = fixtures_dir.resolve()
        self.entries = load_ground_truth(self.fixtures_dir)
        self._routes: dict[str, str] = {}
        for entry in self.entries:
            self._routes.setdefault(_path_of(entry["url"]), entry["file"])
        self._lock = threading.Lock()
        self._tmp: Path | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.requests: list[str] = []

    # -- routing --------------------------------------------------------------------------
    def url(self, file: str) -> str:
        """The www.linkedin.com URL of fixture ``file``; serves that file there from now on."""
        entry = next(e for e in self.entries if e["file"] == file)
        parts = urlsplit(entry["url"])
        self.serve(parts.path, file)
        return f"https://{HOST}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def serve(self, path: str, file: str) -> None:
        """Serve fixture ``file`` at ``path`` (e.g. ``/feed/``)."""
        with self._lock:
            self._routes[path] = file

    def file_for(self, path: str) -> str | None:
        with self._lock:
            return self._routes.get(path)

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def port(self) -> int:
        assert self._server is not None, "site not started"
        return self._server.server_address[1]

    @property
    def resolver_rule(self) -> str:
        # Everything but the local site and 127.0.0.1 fails to resolve: no request leaves the
        # machine, whatever the saved pages reference.
        return (
            f"MAP {HOST} 127.0.0.1:{self.port}, MAP * ~NOTFOUND, "
            "EXCLUDE 127.0.0.1, EXCLUDE localhost"
        )

    def __enter__(self) -> LinkedInSite:
        if shutil.which("openssl") is None:
            raise RuntimeError("openssl is needed to make the local site's certificate")
        self._tmp = Path(tempfile.mkdtemp(prefix="linkedin-site-"))
        cert, key = self._tmp / "cert.pem", self._tmp / "key.pem"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=DNS:{HOST}",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)


def _handler_for(site: LinkedInSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            site.requests.append(self.path)
            file = site.file_for(_path_of(self.path))
            if file is None:
                self._reply(404, b"<!doctype html><title>Not found</title><h1>Not found</h1>")
                return
            self._reply(200, (site.fixtures_dir / file).read_bytes())

        def _reply(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", PAGE_CSP)
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler
