"""The ``topofmind`` command line (docs/api.md)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .config import load_config


@click.group(help="Top of Mind: stay memorable to the people who decide your next job.")
def main() -> None:
    # Whatever command runs first creates the data folder, the database, exports and backups:
    # all of it is private notes on real people, so only the user may read it (docs/security.md).
    os.umask(0o077)


def _app(**overrides):
    from .app import create_app

    return create_app(overrides or None)


@main.command()
@click.option("--host", default=None, help="Interface to bind (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8765).")
@click.option("--demo", is_flag=True, help="Load the demo data set first if the database is empty.")
@click.option("--no-scheduler", is_flag=True, help="Do not run background jobs.")
@click.option("--threads", type=int, default=8, show_default=True)
def serve(host, port, demo, no_scheduler, threads) -> None:
    """Serve the API and dashboard (upgrades the database schema first)."""
    import waitress

    overrides = {}
    if host:
        overrides["HOST"] = host
    if port:
        overrides["PORT"] = port
    app = _app(**overrides)
    config = app.config
    from . import logs
    from .app import log_secrets

    log_file = logs.configure(config["DATA_DIR"], log_secrets(app))
    if config["HOST"] not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {config['HOST']}, not only this machine.", err=True)
    if demo:
        from .services.demo import load_demo_if_empty

        state = app.extensions["topofmind"]
        with state.session_factory.begin() as session:
            if load_demo_if_empty(session, state.clock()):
                click.echo("Loaded the demo data set.")
    scheduler = None
    if not no_scheduler:
        from .scheduler import start_scheduler

        scheduler = start_scheduler(app)
    url = _sign_in_link(app)
    click.echo(
        f"Top of Mind is running. Open the dashboard (this link works once, for ten minutes; "
        f"`topofmind open` makes another):\n\n    {url}\n",
        err=False,
    )
    click.echo(f"Data folder: {config['DATA_DIR']}")
    click.echo(f"Log: stderr and {log_file}")
    sys.stdout.flush()
    try:
        waitress.serve(
            app,
            host=config["HOST"],
            port=config["PORT"],
            threads=threads,
            ident="topofmind",
            max_request_body_size=config["MAX_CONTENT_LENGTH"] + 1024,
            clear_untrusted_proxy_headers=True,
        )
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)


def _sign_in_link(app) -> str:
    from .services.auth import issue_sign_in_key

    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        key = issue_sign_in_key(session, state.clock())
    return f"http://127.0.0.1:{app.config['PORT']}/login?key={key}"


@main.command("open")
@click.option("--port", type=int, default=None, help="The port `serve` listens on (default 8765).")
@click.option("--no-browser", is_flag=True, help="Only print the link.")
def open_dashboard(port, no_browser) -> None:
    """Print a fresh one-time sign-in link for the dashboard, and open it in a browser."""
    import webbrowser

    app = _app(**({"PORT": port} if port else {}))
    url = _sign_in_link(app)
    click.echo(url)
    # Only a graphical browser: on a bare terminal webbrowser would start lynx in the foreground.
    graphical = sys.platform in ("darwin", "win32") or any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY")
    )
    if graphical and not no_browser:
        try:
            webbrowser.open(url)
        except webbrowser.Error:
            pass


@main.command()
@click.option("--rotate", is_flag=True, help="Replace the token (pair the extension again).")
def token(rotate) -> None:
    """Print the API token (the extension's options page asks for it).

    With --rotate the old token stops working at once, also in a running server, and every
    dashboard session ends."""
    from .security import load_token, prepare_data_dir, rotate_token

    data_dir = load_config()["DATA_DIR"]
    prepare_data_dir(data_dir)
    if not rotate:
        click.echo(load_token(data_dir))
        return
    from .services.auth import end_all_sessions

    value = rotate_token(data_dir)
    app = _app(TOKEN=value)
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        end_all_sessions(session)
    click.echo(value)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", default=None, help="The page's URL (helps tell the page kind).")
@click.option("--json", "as_json", is_flag=True, help="Print the parse contract's JSON.")
def parse(file: Path, url, as_json) -> None:
    """Print what the parser extracts from a saved LinkedIn page (no database)."""
    from .linkedin import parse_page

    result = parse_page(file.read_bytes(), url).to_dict()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"kind: {result['kind']}")
    if result.get("person"):
        for key, value in result["person"].items():
            click.echo(f"  {key}: {value}")
    for post in result.get("posts") or []:
        click.echo(f"  post {post['urn']} by {post['author_name']}: {(post['text'] or '')[:70]}")
    for person in result.get("people") or []:
        click.echo(f"  person {person['name']} {person['profile_url']}")
    for warning in result.get("warnings") or []:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@click.option("--force", is_flag=True, help="Load even if people are already stored.")
def demo(force) -> None:
    """Load the fictional demo data set (people, opportunities, interviews, posts)."""
    from .services.demo import load_demo, load_demo_if_empty

    app = _app()
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        if force:
            result = load_demo(session, state.clock())
            click.echo(f"Loaded the demo data set: {result['people']} people.")
        elif load_demo_if_empty(session, state.clock()):
            click.echo("Loaded the demo data set.")
        else:
            click.echo("People are already stored; use --force to add the demo set anyway.")


@main.command()
def recompute() -> None:
    """Recompute everyone's suggestions and cadence now."""
    from .services.suggestions import recompute as run

    app = _app()
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        result = run(session, state.clock())
    click.echo(
        f"{result['people']} people: {result['created']} new, {result['updated']} "
        f"updated, {result['expired']} expired suggestions."
    )


@main.command()
@click.option(
    "--all", "everything", is_flag=True, help="Also captures already parsed by this parser version."
)
def reparse(everything) -> None:
    """Re-run the current parser over stored captures."""
    from .services.captures import reparse_all

    app = _app()
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        counts = reparse_all(session, state.clock(), only_older=not everything)
    click.echo(f"Re-parsed {counts['reparsed']} captures ({counts['skipped']} already current).")


@main.command("import-connections")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
def import_connections(file: Path) -> None:
    """Import your LinkedIn data export (.zip, its folder, or one of its CSV files)."""
    from .services.imports import import_in_batches

    app = _app()
    state = app.extensions["topofmind"]
    # Short transactions, so a running server keeps taking captures meanwhile.
    report = import_in_batches(
        state.engine,
        file,
        file.name,
        state.clock(),
        progress=lambda text: click.echo(text, err=True),
    )
    click.echo(
        f"added {report['added']}, updated {report['updated']}, "
        f"unchanged {report['unchanged']}, skipped {report['skipped_total']}"
    )
    for skip in report["skipped"][:20]:
        click.echo(f"  skipped {skip['file']} row {skip['row']}: {skip['reason']}")
    if report["skipped_total"] > 20:
        click.echo(f"  … and {report['skipped_total'] - 20} more")


def _engine():
    from .store.database import make_engine

    return make_engine(load_config()["DATABASE_URL"])


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
def backup(file: Path | None) -> None:
    """Write every table to a zip of JSON lines (default: DATA_DIR/backups/…)."""
    from datetime import UTC, datetime

    from .services.backup import write_backup
    from .store import migrate

    stamp = datetime.now(UTC)
    if file is None:
        file = load_config()["DATA_DIR"] / "backups" / f"topofmind-{stamp:%Y%m%d-%H%M%S}.zip"
    engine = _engine()
    migrate.upgrade(engine)
    manifest = write_backup(engine, file, stamp)
    total = sum(manifest["tables"].values())
    click.echo(f"Backed up {total} rows from {len(manifest['tables'])} tables to {file}")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace whatever the database holds now.")
def restore(file: Path, force: bool) -> None:
    """Load a backup into an empty database (or over everything with --force)."""
    from .errors import DomainError
    from .services.backup import restore_backup

    try:
        counts = restore_backup(_engine(), file, force=force)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Restored {sum(counts.values())} rows into {len(counts)} tables from {file}")


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: everything; csv: contacts only.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output.",
)
def export(fmt: str, output: Path | None) -> None:
    """Export your data (JSON of everything, or contacts as CSV)."""
    from datetime import UTC, datetime

    from .services.data_export import contacts_csv, export_data
    from .store import migrate
    from .store.database import make_session_factory

    engine = _engine()
    migrate.upgrade(engine)
    with make_session_factory(engine)() as session:
        if fmt == "csv":
            body = contacts_csv(session)
        else:
            document = export_data(session, datetime.now(UTC))
            body = json.dumps(document, ensure_ascii=False, indent=1)
    if output is None:
        click.echo(body, nl=fmt == "json")
    else:
        output.write_text(body, encoding="utf-8", newline="")
        click.echo(f"Wrote {output}", err=True)


@main.command("mcp")
@click.option(
    "--read-only", is_flag=True, help="Offer only the reading tools: nothing can be recorded."
)
def mcp_server(read_only: bool) -> None:
    """Serve your data to your AI assistant over stdio (the Model Context Protocol).

    Add it to the assistant's MCP configuration; it talks on stdin/stdout, opens no port, and
    works beside a running `topofmind serve` (docs/assistant.md).
    """
    from .assistant.server import configure_logging, serve_stdio
    from .security import prepare_data_dir
    from .store.database import make_session_factory
    from .store.migrate import DatabaseNotReady, open_current

    configure_logging()
    config = load_config()
    if not read_only:
        prepare_data_dir(config["DATA_DIR"])
    try:
        engine = open_current(str(config["DATABASE_URL"]), may_upgrade=not read_only)
    except DatabaseNotReady as error:
        raise click.ClickException(str(error)) from error
    try:
        serve_stdio(make_session_factory(engine), read_only=read_only, data_dir=config["DATA_DIR"])
    finally:
        engine.dispose()


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Bring the schema to the newest version."""
    from .store import migrate
    from .store.database import make_engine

    engine = make_engine(load_config()["DATABASE_URL"])
    migrate.upgrade(engine)
    click.echo(f"Schema at {migrate.current_revision(engine)}.")


@db.command("revision")
@click.option("-m", "--message", required=True, help="What the migration does, in a few words.")
@click.option(
    "--empty", is_flag=True, help="Write an empty migration instead of comparing the models."
)
@click.option("--rev-id", default=None, help="The revision id (default: a random one).")
def db_revision(message, empty, rev_id) -> None:
    """Write a new migration under store/migrations/versions/ (for developers).

    Compares the models with the database (brought to the newest version first) and writes
    what differs; read the file and complete it before committing it."""
    from .store import migrate
    from .store.database import make_engine

    engine = make_engine(load_config()["DATABASE_URL"])
    try:
        migrate.upgrade(engine)
        path = migrate.new_revision(engine, message, autogenerate=not empty, rev_id=rev_id)
    finally:
        engine.dispose()
    click.echo(f"Wrote {path}")


if __name__ == "__main__":
    main()
