"""API calls several test files make: a capture of a labelled page, an export upload."""

from __future__ import annotations

import io
import uuid

from tests.support.fixtures import LINKEDIN_PAGES, truth_for


def capture(client, file, url=None, **extra):
    payload = {
        "id": str(uuid.uuid4()),
        "url": url or truth_for(file)["url"],
        "html": (LINKEDIN_PAGES / file).read_text(encoding="utf-8", errors="replace"),
        "captured_at": "2026-11-25T14:59:00Z",
    }
    payload.update(extra)
    return client.post("/api/captures", json=payload), payload


def upload(client, data: bytes, filename: str):
    return client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def upload_path(client, path):
    return upload(client, path.read_bytes(), path.name)
