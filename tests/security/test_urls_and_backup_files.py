"""Issue 15, finding 10: only http(s) URLs are stored in URL fields, and an interrupted backup
leaves no ``.partial`` file behind."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from tests.support.app import FIXED_NOW, migrated_engine
from topofmind.services.backup import write_backup

BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/",
    "https://",
    "java\tscript:alert(1)",
    "https://exa mple.com/",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_an_opportunity_refuses_a_non_http_job_url(client, url):
    created = client.post(
        "/api/opportunities", json={"company": "Acme", "title": "SRE", "job_url": url}
    )
    assert created.status_code == 422, created.json
    assert "job_url" in created.json["errors"]
    assert client.get("/api/opportunities").json["total"] == 0


@pytest.mark.parametrize("url", BAD_URLS)
def test_an_opportunity_update_refuses_a_non_http_job_url(client, make_opportunity, url):
    opportunity = make_opportunity(job_url="https://jobs.example/1")
    changed = client.patch(f"/api/opportunities/{opportunity['id']}", json={"job_url": url})
    assert changed.status_code == 422, changed.json
    assert "job_url" in changed.json["errors"]
    stored = client.get(f"/api/opportunities/{opportunity['id']}").json
    assert stored["job_url"] == "https://jobs.example/1"


@pytest.mark.parametrize("url", ["https://jobs.example/1?ref=x", "http://127.0.0.1/job", None, ""])
def test_http_job_urls_and_none_are_stored(client, url):
    created = client.post(
        "/api/opportunities", json={"company": "Acme", "title": "SRE", "job_url": url}
    )
    assert created.status_code == 201, created.json


class Interrupted(BaseException):
    """What Ctrl-C (KeyboardInterrupt) is to the backup: not an Exception."""


def test_an_interrupted_backup_leaves_no_partial_file(client, make_person, database_url, tmp_path):
    make_person()
    engine = migrated_engine(database_url)
    seen = []

    def interrupt(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)
            if len(seen) == 6:
                raise Interrupted

    event.listen(engine, "before_cursor_execute", interrupt)
    target = tmp_path / "backups" / "b.zip"
    try:
        with pytest.raises(Interrupted):
            write_backup(engine, target, FIXED_NOW)
    finally:
        event.remove(engine, "before_cursor_execute", interrupt)
    assert list(target.parent.iterdir()) == []
    # and the next backup to the same name works
    write_backup(engine, target, FIXED_NOW)
    assert [p.name for p in target.parent.iterdir()] == ["b.zip"]
