"""`python -m teilhabe.jobs.tests.run_worker [db_worker options]`: a real worker that also knows the test kinds."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.jobs.tests.worker_settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from teilhabe.jobs.tests import kinds  # noqa: E402, F401

call_command("db_worker", "--no-startup-delay", "--interval", "0.1", *sys.argv[1:])
