"""The one task of the queue: run a Job by id (all kinds go through it, see services.run_job)."""

from django_tasks import task

from teilhabe.jobs import services


@task()
def run_job(job_id: int) -> str:
    return services.run_job(job_id)
