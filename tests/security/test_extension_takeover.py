"""Issue 15, finding 1: no web page can re-point the extension (docs/security.md).

Real pieces only: the real server (``topofmind serve``), the unpacked extension in Debian
Chromium, and a hostile "Top of Mind" on another port of 127.0.0.1 that serves its own page,
answers /api/health like the real one, and records every request it gets. The hostile page
sends every message the extension declares (shared/messages.js) over externally_connectable.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.e2e.extension_fixtures import EXTENSION_ID
from tests.support.screenshots import save_screenshot

pytestmark = pytest.mark.browser

MESSAGES_JS = Path(__file__).resolve().parents[2] / "extension" / "shared" / "messages.js"


# Queues one capture for the server set now, as the worker does when it is offline.
QUEUE_ONE = """async () => {
    const queue = await import("/background/queue.js");
    const id = crypto.randomUUID();
    await queue.enqueue({id, html: "<html><body><h1>Queued</h1></body></html>",
                         url: "https://www.linkedin.com/in/austinoboyle/",
                         captured_at: new Date().toISOString()}, "offline");
    return id;
}"""


def declared_message_types() -> list[str]:
    """Every message type the worker declares, read from the extension's own source."""
    return re.findall(r'^\s+[A-Z_]+: "([a-z-]+)",$', MESSAGES_JS.read_text(), re.M)


class HostileServer:
    """Pretends to be Top of Mind on another port; remembers every request it receives."""

    PAGE = b"<!doctype html><title>Top of Mind</title><p>nothing to see</p>"

    def __init__(self):
        self.requests: list[tuple[str, str]] = []
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status, body, kind="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path.startswith("/api/"):
                    hostile.requests.append(("GET", self.path))
                if self.path == "/api/health":
                    return self._reply(200, b'{"status": "ok", "version": "9.9.9"}')
                if self.path.startswith("/api/"):
                    return self._reply(200, b'{"due_today_count": 0, "items": [], "total": 0}')
                return self._reply(200, hostile.PAGE, "text/html")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                hostile.requests.append(("POST", self.path))
                return self._reply(200, b'{"token": "hostile-token"}')

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def hostile():
    with HostileServer() as server:
        yield server


def pairing_code(extension, server, shoot: bool = False) -> str:
    """Signs in to the real dashboard and clicks "Show a pairing code", like a user."""
    page = extension.context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server.login_url)
    page.wait_for_url(f"{server.url}/")
    page.goto(f"{server.url}/settings")
    page.get_by_role("button", name="Show a pairing code").click()
    code = page.locator("#pairing-code").inner_text().strip()
    if shoot:
        page.locator("#pairing").scroll_into_view_if_needed()
        save_screenshot(page, "dashboard-settings-pairing-code.png")
    page.close()
    return code


def stored(extension) -> dict:
    return extension.evaluate(
        """async () => {
            const all = await chrome.storage.local.get(null);
            return {settings: all.settings, queue: (all.queue_index || []).map((e) => e.id)};
        }"""
    )


def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {timeout} s")
        time.sleep(0.1)


def test_pairing_by_a_code_from_the_dashboard(extension, topofmind_server):
    code = pairing_code(extension, topofmind_server, shoot=True)
    options = extension.context.new_page()
    options.set_viewport_size({"width": 1280, "height": 800})
    options.goto(extension.extension_url("options/options.html"))
    options.get_by_label("Server URL").fill(topofmind_server.url)
    options.get_by_label("Pairing code or token").fill(code.lower())
    save_screenshot(options, "extension-options-pairing.png")
    options.close()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    result = extension.save_settings(topofmind_server.url, code)
    assert "Connected" in result, result
    assert stored(extension)["settings"] == {
        "server": topofmind_server.url,
        "token": topofmind_server.token,
    }
    popup = extension.open_popup(0)
    popup.locator("#view[data-state='today']").wait_for()
    assert popup.locator("#connection").inner_text() == "Connected"
    # A code works once.
    again = extension.save_settings(topofmind_server.url, code)
    assert "did not accept this pairing code" in again


def test_a_hostile_local_page_cannot_take_the_extension_over(
    extension, topofmind_server, hostile, linkedin_site
):
    assert extension.save_settings(
        topofmind_server.url, pairing_code(extension, topofmind_server)
    ).startswith("Connected")
    options = extension.context.new_page()
    options.goto(extension.extension_url("options/options.html"))
    # A capture waiting in the offline queue for the real server.
    queued = options.evaluate(QUEUE_ONE)
    before = stored(extension)
    assert before["queue"] == [queued]

    types = declared_message_types()
    assert {"ping", "save-settings", "capture", "sync-queue"} <= set(types)
    attacker = extension.context.new_page()
    attacker.goto(hostile.url + "/")
    answers = attacker.evaluate(
        """async ([id, types]) => {
            const send = (message) => new Promise((resolve) => {
                try {
                    chrome.runtime.sendMessage(id, message, (reply) => resolve({
                        reply: reply === undefined ? null : reply,
                        error: chrome.runtime.lastError ? chrome.runtime.lastError.message : null,
                    }));
                } catch (error) {
                    resolve({reply: null, error: String(error)});
                }
            });
            const out = {};
            for (const type of [...new Set(["pair", ...types])]) {
                out[type] = await send({type, server: location.origin, token: "hostile-token",
                                        tabId: 1});
            }
            return out;
        }""",
        [EXTENSION_ID, types],
    )
    # Nothing answers the page: every message gets the same empty reply, ping included.
    assert {type: answer["reply"] for type, answer in answers.items()} == {
        type: None for type in answers
    }
    assert len({answer["error"] for answer in answers.values()}) == 1
    time.sleep(1)  # anything the messages set off would have reached the hostile server by now
    assert stored(extension) == before
    assert hostile.requests == []

    # The next capture reaches the real server, and so does the queued one.
    _, tab_id = extension.open_tab(linkedin_site.url("profile_loggedin_01.html"))
    popup = extension.open_popup(tab_id)
    popup.locator("#view[data-state='profile']").wait_for()
    wait_until(lambda: stored(extension)["queue"] == [])
    status, body = topofmind_server.api("GET", "/api/captures")
    assert status == 200
    assert queued in {item["id"] for item in body["items"]}
    assert body["total"] == 2
    assert hostile.requests == []

    # The paired server's own dashboard is still answered.
    dashboard = extension.context.new_page()
    dashboard.goto(f"{topofmind_server.url}/api/health")
    pong = dashboard.evaluate(
        "(id) => chrome.runtime.sendMessage(id, {type: 'ping'})", EXTENSION_ID
    )
    assert pong["installed"] is True and pong["paired"] is True


def test_a_queued_capture_only_goes_to_the_server_it_was_captured_for(
    extension, topofmind_server, hostile
):
    assert extension.save_settings(
        topofmind_server.url, pairing_code(extension, topofmind_server)
    ).startswith("Connected")
    options = extension.context.new_page()
    options.goto(extension.extension_url("options/options.html"))
    queued = options.evaluate(QUEUE_ONE)
    # The user now points the extension at another server (here, the hostile one).
    extension.save_settings(hostile.url, "some-token")
    options.evaluate("() => chrome.runtime.sendMessage({type: 'sync-queue'})")
    time.sleep(1)
    assert ("POST", "/api/captures") not in hostile.requests
    assert stored(extension)["queue"] == [queued]
    entry = extension.evaluate(
        "async () => (await chrome.storage.local.get('queue_index')).queue_index[0].server"
    )
    assert entry == topofmind_server.url

    # Back on the real server, it is delivered there.
    extension.save_settings(topofmind_server.url, topofmind_server.token)
    options.evaluate("() => chrome.runtime.sendMessage({type: 'sync-queue'})")
    wait_until(lambda: stored(extension)["queue"] == [])
    status, body = topofmind_server.api("GET", "/api/captures")
    assert [item["id"] for item in body["items"]] == [queued]
    assert json.dumps(hostile.requests).count("/api/captures") == 0


def test_captures_queued_before_the_upgrade_are_bound_to_the_server_set_then(extension):
    options = extension.context.new_page()
    options.goto(extension.extension_url("options/options.html"))
    bound = options.evaluate(
        """async () => {
            await chrome.storage.local.set({
                schema_version: 1,
                settings: {server: "http://127.0.0.1:9", token: "t"},
                queue_index: [{id: "old", bytes: 1, url: "https://www.linkedin.com/in/x/",
                               queued_at: "", attempts: 0, last_error: null}],
            });
            const storage = await import("/shared/storage.js");
            await storage.migrate();
            const after = await chrome.storage.local.get(["queue_index", "schema_version"]);
            return [after.queue_index[0].server, after.schema_version];
        }"""
    )
    assert bound == ["http://127.0.0.1:9", 2]
