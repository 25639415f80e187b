"""Backup and restore round-trip every table, across SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.app import FIXED_NOW, REPO, migrated_engine
from tests.support.sample_data import dump, fill
from topofmind.errors import Conflict, InvalidInput
from topofmind.services.backup import read_manifest, restore_backup, write_backup
from topofmind.store.database import make_engine


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_backup_restores_every_row_into_an_empty_database(
    client, database_url, empty_database, tmp_path, target
):
    fill(client)
    source = migrated_engine(database_url)
    before = dump(source)
    assert all(before[name] for name in ("person", "capture", "post", "interview", "setting"))

    manifest = write_backup(source, tmp_path / "backup.zip", FIXED_NOW)
    assert manifest["tables"]["capture"] == len(before["capture"])
    assert (tmp_path / "backup.zip").stat().st_mode & 0o777 == 0o600

    engine = make_engine(empty_database(target))
    counts = restore_backup(engine, tmp_path / "backup.zip")
    assert counts == {name: len(rows) for name, rows in before.items()}
    assert dump(engine) == before
    engine.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_restored_postgres_database_accepts_new_rows(
    client, database_url, empty_database, tmp_path
):
    """Ids arrive with the rows; the sequences must move past them."""
    fill(client)
    write_backup(migrated_engine(database_url), tmp_path / "b.zip", FIXED_NOW)
    url = empty_database("postgresql")
    target = make_engine(url)
    restore_backup(target, tmp_path / "b.zip")
    target.dispose()
    from tests.support.app import ApiClient, Clock, build_app

    app = build_app(url, tmp_path / "data", Clock())
    restored = ApiClient(app.test_client(), app.config["TOKEN"])
    response = restored.post("/api/contacts", json={"name": "After Restore"})
    assert response.status_code == 201, response.json


def test_restore_refuses_a_database_that_holds_data(client, database_url, tmp_path):
    fill(client)
    engine = migrated_engine(database_url)
    write_backup(engine, tmp_path / "b.zip", FIXED_NOW)
    client.post("/api/contacts", json={"name": "Added After The Backup"})
    with pytest.raises(Conflict, match="not empty"):
        restore_backup(engine, tmp_path / "b.zip")
    assert client.get("/api/contacts?q=added after").json["total"] == 1

    restore_backup(engine, tmp_path / "b.zip", force=True)
    assert client.get("/api/contacts?q=added after").json["total"] == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_damaged_backup_changes_nothing(client, database_url, empty_database, tmp_path):
    fill(client)
    write_backup(migrated_engine(database_url), tmp_path / "b.zip", FIXED_NOW)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(tmp_path / "b.zip") as good, zipfile.ZipFile(damaged, "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            if item.filename == "tables/interview.jsonl":
                data = data.replace(b'"starts_at": "', b'"starts_at": "not a time')
            bad.writestr(item, data)
    engine = make_engine(empty_database("sqlite"))
    with pytest.raises(InvalidInput, match="damaged in table interview"):
        restore_backup(engine, damaged)
    assert all(not rows for rows in dump(engine).values())

    truncated = tmp_path / "truncated.zip"
    other_schema = tmp_path / "other-schema.zip"
    with zipfile.ZipFile(tmp_path / "b.zip") as good:
        with zipfile.ZipFile(truncated, "w") as cut, zipfile.ZipFile(other_schema, "w") as other:
            for name in good.namelist():
                data = good.read(name)
                if name == "tables/setting.jsonl":
                    cut.writestr(name, data.split(b"\n", 1)[1])  # one setting missing
                else:
                    cut.writestr(name, data)
                if name == "manifest.json":
                    manifest = json.loads(data)
                    manifest["schema_revision"] = "0000_from_the_future"
                    data = json.dumps(manifest).encode()
                other.writestr(name, data)
    with pytest.raises(InvalidInput, match="row counts"):
        restore_backup(engine, truncated)
    with pytest.raises(InvalidInput, match="schema"):
        restore_backup(engine, other_schema)
    assert all(not rows for rows in dump(engine).values())
    engine.dispose()

    not_a_backup = tmp_path / "x.zip"
    not_a_backup.write_bytes(b"PK\x03\x04 nope")
    with pytest.raises(InvalidInput, match="not a Top of Mind backup"):
        read_manifest(not_a_backup)


def _cli(data_dir: Path, *args: str, database_url: str | None = None):
    env = {**os.environ, "TOPOFMIND_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO / "server")}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "topofmind.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_cli_backup_then_restore_into_a_new_data_folder(client, database_url, tmp_path):
    fill(client)
    before = dump(migrated_engine(database_url))
    backup_file = tmp_path / "mine.zip"
    made = _cli(tmp_path / "unused", "backup", str(backup_file), database_url=database_url)
    assert made.returncode == 0, made.stderr
    assert "Backed up" in made.stdout

    fresh = tmp_path / "fresh"
    restored = _cli(fresh, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    engine = make_engine(f"sqlite:///{fresh / 'topofmind.db'}")
    assert dump(engine) == before
    engine.dispose()

    again = _cli(fresh, "restore", str(backup_file))
    assert again.returncode != 0
    assert "not empty" in again.stderr and "--force" in again.stderr
    forced = _cli(fresh, "restore", "--force", str(backup_file))
    assert forced.returncode == 0, forced.stderr
