"""`teilhabe db_worker`: django-tasks-db's worker, which first marks jobs of dead workers failed.

Teilhabe's app comes before django_tasks_db in INSTALLED_APPS, so this command replaces the original one
of the same name; all options are the original's (`teilhabe db_worker --help`).
"""

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from teilhabe.jobs.services import fail_stale_jobs


class Command(WorkerCommand):
    def handle(self, *args, **options):
        failed = fail_stale_jobs()
        if failed:
            self.stderr.write(
                (
                    "%d job of a stopped worker marked failed."
                    if failed == 1
                    else "%d jobs of a stopped worker marked failed."
                )
                % failed
            )
        return super().handle(*args, **options)
