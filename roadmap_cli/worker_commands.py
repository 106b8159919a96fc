"""`roadmap worker`: run the imports queued on the upload page (RQ, on the deployment's Redis)."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual, UserError
from roadmap_cli.context import AppContext, pass_app


@click.command("worker")
@click.option("--burst", is_flag=True, help="Run the jobs queued now, then stop (for scripts and tests).")
@pass_app
def worker_command(app: AppContext, burst: bool) -> None:
    """Run import jobs from the Redis queue (REDIS_URL) on the configured database.

    Start one or more on any host that reaches Redis and the database, next to `roadmap serve
    --production` with REDIS_URL set (IMPORT_JOBS=auto or rq). Each job's state and progress go
    to the database's import_job table, where the upload page reads them.
    """
    from pipelines import job_queue

    settings = app.settings
    if not settings.redis_url:
        raise UserError(Bilingual(
            "`roadmap worker` needs REDIS_URL (the Redis the web workers queue imports on); "
            "without it imports run in the web process itself (IMPORT_JOBS=thread)",
            "`roadmap worker` heeft REDIS_URL nodig (de Redis waarin de webworkers imports in de wachtrij "
            "zetten); zonder loopt een import in het webproces zelf (IMPORT_JOBS=thread)",
            "`roadmap worker` nécessite REDIS_URL (le Redis dans lequel les processus web mettent les imports "
            "en file d'attente) ; sans lui, les imports s'exécutent dans le processus web même (IMPORT_JOBS=thread)"))
    app.ready_engine()  # a database at another revision: asked to migrate, not failing per job
    from rq import Worker

    job_queue.serve_database(settings.database_url)
    queue = job_queue.rq_queue(settings.redis_url, app.engine.url.render_as_string(hide_password=True))
    click.echo(f"Import worker on {queue.name} ({settings.redis_url}); Ctrl+C stops it")
    Worker([queue], connection=queue.connection).work(burst=burst, with_scheduler=False)


COMMANDS = [worker_command]
