"""Sample job for the site-wide isolation and role walks."""

from teilhabe.jobs.models import Job


def sample_job(municipality):
    return Job.objects.create(
        municipality=municipality,
        kind="jobs.sample",
        state=Job.State.SUCCEEDED,
        file_names="%s-liste.csv" % municipality.slug,
        result={"message": "Aufgabe von %s" % municipality.slug},
    )
