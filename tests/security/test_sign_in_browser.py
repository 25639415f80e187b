"""Issue 15, finding 2, in Debian Chromium against the real server: the sign-in link works once,
the API token is in no URL and no page, sign-out ends the session on the server, and ``next=``
cannot leave the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.load import Server
from tests.support.screenshots import save_screenshot

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    pytest.skip("Debian chromium is not installed at /usr/bin/chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with Server(tmp_path_factory.mktemp("api")) as running:
        running.api_token = running.token()
        yield running


@pytest.fixture(scope="module")
def browser(playwright):
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
    )
    yield launched
    launched.close()


def test_the_link_signs_in_once_and_the_token_shows_nowhere(browser, server):
    link = server.sign_in_link()
    assert "/login?key=" in link and server.api_token not in link

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    seen_urls: list[str] = []
    page.on("request", lambda request: seen_urls.append(request.url))
    page.goto(link)
    page.wait_for_url(f"{server.base}/")
    assert page.get_by_role("button", name="Sign out").is_visible()
    settings = page.goto(f"{server.base}/settings")
    assert settings.headers["cache-control"] == "no-store"
    assert server.api_token not in page.content()
    assert not [url for url in seen_urls if server.api_token in url]
    (cookie,) = [c for c in context.cookies() if c["name"] == "topofmind_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    # The same link in another browser profile: spent.
    other = browser.new_context()
    again = other.new_page()
    again.set_viewport_size({"width": 1280, "height": 800})
    again.goto(link)
    again.get_by_role("alert").wait_for()
    assert "used, expired or mistyped" in again.get_by_role("alert").inner_text()
    save_screenshot(again, "dashboard-login-link-used.png")
    assert again.goto(f"{server.base}/contacts").url.startswith(f"{server.base}/login")
    other.close()

    # Sign-out ends the session on the server: a copy of the cookie taken before is void.
    copied = context.cookies()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{server.base}/login")
    thief = browser.new_context()
    thief.add_cookies(copied)
    stolen = thief.new_page()
    assert stolen.goto(f"{server.base}/contacts").url.startswith(f"{server.base}/login")
    thief.close()
    context.close()


def test_next_cannot_send_the_browser_off_site(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.base}/login?next=/%09/evil.example/")
    page.get_by_label("Sign-in link or key").fill(server.sign_in_link())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base}/")
    assert page.url == f"{server.base}/"
    context.close()


def test_a_page_lands_where_it_was_asked_for_after_sign_in(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.base}/contacts?sort=name")
    assert page.url.startswith(f"{server.base}/login")
    page.get_by_label("Sign-in link or key").fill(server.sign_in_link())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.base}/contacts?sort=name")
    context.close()


def test_token_rotate_on_the_command_line_applies_to_the_running_server(browser, tmp_path):
    import subprocess
    import sys

    import requests

    from tests.support.load import server_env

    with Server(tmp_path / "data") as running:
        old = running.token()
        context = browser.new_context()
        page = context.new_page()
        page.goto(running.sign_in_link())
        page.wait_for_url(f"{running.base}/")
        contacts = f"{running.base}/api/contacts"
        assert requests.get(contacts, headers={"Authorization": f"Bearer {old}"}).status_code == 200
        new = subprocess.run(
            [sys.executable, "-m", "topofmind.cli", "token", "--rotate"],
            env=server_env(running.data_dir, None),
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.strip()
        assert new and new != old
        assert requests.get(contacts, headers={"Authorization": f"Bearer {old}"}).status_code == 401
        assert requests.get(contacts, headers={"Authorization": f"Bearer {new}"}).status_code == 200
        # The dashboard session ended with the rotation.
        assert page.goto(f"{running.base}/contacts").url.startswith(f"{running.base}/login")
        context.close()
