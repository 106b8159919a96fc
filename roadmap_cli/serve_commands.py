"""`roadmap serve`: the public dashboard (and the workspace) on the configured database."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual, UserError, plural
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default: $ROADMAP_HOST, else 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: $ROADMAP_PORT, else 8050).")
@click.option("--debug", is_flag=True, help="Dash's debug mode: reloads on code changes, shows errors.")
@click.option("--production", is_flag=True,
              help="Serve with gunicorn and several worker processes (needs SECRET_KEY).")
@click.option("--workers", type=int, default=None,
              help="gunicorn workers with --production (default: $ROADMAP_WORKERS, else 2).")
@click.option("--bind", default=None, metavar="HOST:PORT",
              help="Address with --production (default: --host and --port).")
@pass_app
def serve_command(app: AppContext, host: str | None, port: int | None, debug: bool,
                  production: bool, workers: int | None, bind: str | None) -> None:
    """Start the dashboard on the configured database.

    Without --production: Flask's development server, one process, for a laptop. With
    --production: gunicorn with --workers processes (see the README's Deployment section).
    The database must exist: `roadmap demo` builds one with the demo data, `roadmap init`
    an empty one to load your own files into.
    """
    from pipelines.db import has_schema

    settings = app.settings
    if not has_schema(app.engine):
        where = app.engine.url.render_as_string()
        raise UserError(Bilingual(
            f"no roadmap database at {where} yet: run `roadmap demo` "
            "for the demo data (or `roadmap init` and load your files), then `roadmap serve`",
            f"nog geen roadmap-databank op {where}: voer `roadmap demo` uit voor de demogegevens "
            "(of `roadmap init` en laad je bestanden), en dan `roadmap serve`",
            f"pas encore de base de données de la feuille de route à {where} : exécutez `roadmap demo` "
            "pour les données de démonstration (ou `roadmap init` et chargez vos fichiers), puis `roadmap serve`"))
    app.ready_engine()  # an older schema gets a request to migrate, not errors on every page
    host, port = host or settings.host, port or settings.port
    if production:
        from dashboard.production import check_production_settings, run_production

        check_production_settings(settings)
        bind, workers = bind or f"{host}:{port}", settings.workers if workers is None else workers
        say(plural(workers, Bilingual(f"Dashboard on http://{bind}/ with {workers} gunicorn workers",
                                      f"Dashboard op http://{bind}/ met {workers} gunicorn-worker",
                                      f"Tableau de bord sur http://{bind}/ avec {workers} processus gunicorn"),
                   Bilingual(f"Dashboard on http://{bind}/ with {workers} gunicorn workers",
                             f"Dashboard op http://{bind}/ met {workers} gunicorn-workers",
                             f"Tableau de bord sur http://{bind}/ avec {workers} processus gunicorn")))
        run_production(settings, app.engine, workers, bind)
        return
    if bind or workers:
        raise UserError(Bilingual("--bind and --workers go with --production",
                                  "--bind en --workers gaan samen met --production",
                                  "--bind et --workers s'utilisent avec --production"))
    from dashboard.app import create_app
    from dashboard.http_headers import QuietRequestHandler

    dash_app = create_app(settings, app.engine)
    say(Bilingual(f"Dashboard on http://{host}:{port}/ (Ctrl+C stops it)",
                  f"Dashboard op http://{host}:{port}/ (Ctrl+C stopt het)",
                  f"Tableau de bord sur http://{host}:{port}/ (Ctrl+C l'arrête)"))
    dash_app.run(host=host, port=port, debug=debug, request_handler=QuietRequestHandler)


COMMANDS = [serve_command]
