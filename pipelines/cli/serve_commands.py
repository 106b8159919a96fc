"""`roadmap serve`: the public dashboard (and the workspace) on the configured database."""

from __future__ import annotations

import click

from pipelines.cli.context import AppContext, pass_app
from pipelines.errors import UserError


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default: $ROADMAP_HOST, else 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: $ROADMAP_PORT, else 8050).")
@click.option("--debug", is_flag=True, help="Dash's debug mode: reloads on code changes, shows errors.")
@pass_app
def serve_command(app: AppContext, host: str | None, port: int | None, debug: bool) -> None:
    """Start the dashboard with the development server on the configured database.

    The database must exist: `roadmap demo` builds one with the demo data, `roadmap init`
    an empty one to load your own files into.
    """
    from pipelines.db import has_schema

    settings = app.settings
    if not has_schema(app.engine):
        raise UserError(
            f"no roadmap database at {app.engine.url.render_as_string()} yet: run `roadmap demo` "
            "for the demo data (or `roadmap init` and load your files), then `roadmap serve`"
        )
    from dashboard.app import create_app

    dash_app = create_app(settings, app.engine)
    host, port = host or settings.host, port or settings.port
    click.echo(f"Dashboard on http://{host}:{port}/ (Ctrl+C stops it)")
    dash_app.run(host=host, port=port, debug=debug)


COMMANDS = [serve_command]
