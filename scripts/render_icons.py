"""Render the extension's toolbar icons from the dashboard's logo (one logo, one accent colour).

Run after changing ``server/topofmind/web/static/icon.svg``::

    .venv/bin/python scripts/render_icons.py

Uses Debian's Chromium through Playwright (never a downloaded browser).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
LOGO = REPO / "server" / "topofmind" / "web" / "static" / "icon.svg"
ICONS = REPO / "extension" / "icons"
SIZES = (16, 32, 48, 128)


def main() -> None:
    svg = LOGO.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<html><body style='margin:0;background:transparent'>"
                + svg.replace("<svg ", f"<svg width='{size}' height='{size}' ", 1)
                + "</body></html>"
            )
            page.screenshot(path=str(ICONS / f"icon-{size}.png"), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
