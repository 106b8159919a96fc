"""`roadmap worker`: run the imports queued on the upload page (RQ, on the deployment's Redis);
`roadmap jobs prune`: fail the jobs whose process died, delete old finished ones."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual, UserError, plural
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say


@click.command("worker")
@click.option("--burst", is_flag=True, help="Run the jobs queued now, then stop (for scripts and tests).")
@pass_app
def worker_command(app: AppContext, burst: bool) -> None:
    """Run import jobs from the Redis queue (REDIS_URL) on the configured database.

    Start one or more on any host that reaches Redis and the database, next to `roadmap serve
    --production` with REDIS_URL set (IMPORT_JOBS=auto or rq). Each job's state and progress go
    to the database's import_job table, where the upload page reads them.
    """
    from pipelines import job_queue, job_reaper

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
    job_queue.serve_database(settings.database_url)
    # Jobs a killed worker left running are failed now, not found stuck when a page reads them.
    for job_id, recorded in job_reaper.reap(app.engine).items():
        if recorded:
            say(Bilingual(f"Import job {job_id} failed: the process running it had ended",
                          f"Importtaak {job_id} mislukt: het proces dat ze uitvoerde was gestopt",
                          f"Tâche d'import {job_id} en échec : le processus qui l'exécutait s'était arrêté"))
    queue = job_queue.rq_queue(settings.redis_url, app.engine.url.render_as_string(hide_password=True))
    name, redis = queue.name, settings.redis_url
    say(Bilingual(f"Import worker on {name} ({redis}); Ctrl+C stops it",
                  f"Importworker op {name} ({redis}); Ctrl+C stopt hem",
                  f"Processus d'import sur {name} ({redis}) ; Ctrl+C l'arrête"))
    job_queue.rq_worker(queue).work(burst=burst, with_scheduler=False)


@click.group("jobs")
def jobs_group() -> None:
    """The import jobs of the upload page (the import_job table)."""


@jobs_group.command("prune")
@click.option("--days", type=click.FloatRange(min=0), default=None,
              help="Delete finished jobs that ended more than this many days ago (default: IMPORT_JOBS_KEEP_DAYS).")
@pass_app
def prune_command(app: AppContext, days: float | None) -> None:
    """Fail the jobs whose process died, then delete finished jobs older than --days.

    A dead job's import was one transaction that the database rolled back: nothing of it was
    written. Waits for an import that holds the database (SQLite) to finish.
    """
    from pipelines import job_reaper

    engine = app.ready_engine()
    keep_days = app.settings.import_jobs_keep_days if days is None else days
    dead = sum(job_reaper.reap(engine).values())  # a busy SQLite database: the next prune does it
    gone = job_reaper.prune(engine, keep_days, wait_s=None)
    days_kept = f"{keep_days:g}"
    say(plural(dead, Bilingual(f"{dead} dead job(s) failed, ", f"{dead} dode taak mislukt, ",
                               f"{dead} tâche morte mise en échec, "),
               Bilingual(f"{dead} dead job(s) failed, ", f"{dead} dode taken mislukt, ",
                         f"{dead} tâches mortes mises en échec, "))
        + plural(gone, Bilingual(f"{gone} finished job(s) older than {days_kept} days deleted",
                                 f"{gone} afgeronde taak ouder dan {days_kept} dagen verwijderd",
                                 f"{gone} tâche terminée de plus de {days_kept} jours supprimée"),
                 Bilingual(f"{gone} finished job(s) older than {days_kept} days deleted",
                           f"{gone} afgeronde taken ouder dan {days_kept} dagen verwijderd",
                           f"{gone} tâches terminées de plus de {days_kept} jours supprimées")))


COMMANDS = [worker_command, jobs_group]
