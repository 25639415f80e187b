"""Schemathesis against the app's own OpenAPI document, in-process (WSGI), SQLite and PostgreSQL.

Every operation gets generated valid and invalid requests with the token and our Host header:
no 5xx, and every response conforms to the document. The long form is ``scripts/fuzz_api.py``.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.support.app import TEST_PORT

HOST = f"127.0.0.1:{TEST_PORT}"
# scripts/fuzz_api.py raises this for the long run.
MAX_EXAMPLES = int(os.environ.get("TOPOFMIND_FUZZ_EXAMPLES", "20"))
# marshmallow's lenient coercions (0/1 for booleans, "12" for integers) are by design, so the
# "negative data accepted" and "positive data rejected" checks are left out; what must hold is
# no 5xx, documented status codes and content types, and bodies that match their schema.
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@pytest.fixture
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app, headers={"Host": HOST})


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
# Replayed or fresh examples: the hypothesis profile tests/conftest.py loads.
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_conforms_to_its_openapi_document(case, app):
    case.call_and_validate(
        headers={"Host": HOST, "Authorization": f"Bearer {app.config['TOKEN']}"},
        checks=CHECKS,
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_csv_downloads_are_documented_as_csv(client):
    document = client.get("/api/openapi.json").json
    for path in ("/api/export/contacts.csv", "/api/connections.csv"):
        content = document["paths"][path]["get"]["responses"]["200"]["content"]
        assert list(content) == ["text/csv"], (path, list(content))
