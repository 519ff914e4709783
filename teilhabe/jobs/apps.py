from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "teilhabe.jobs"
    label = "jobs"
    verbose_name = _("Hintergrundaufgaben")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from teilhabe.jobs.models import Job
        from teilhabe.jobs.samples import sample_job
        from teilhabe.municipalities.scoping import register_url_object
        from teilhabe.testing.samples import register_sample

        register_url_object("job_id", Job)
        register_sample(Job, sample_job)
        # Every app declares its kinds of job in `<app>/jobs.py` (see registry.py); importing them here makes
        # the worker know every kind, whichever module enqueued it.
        autodiscover_modules("jobs")
