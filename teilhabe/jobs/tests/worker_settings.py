"""Settings of the worker process the integration tests start: the test settings with the database queue,
on the test database the test process created (its name comes in TEILHABE_TEST_DATABASE)."""

import os

from teilhabe.settings_test import *  # noqa: F403
from teilhabe.settings_test import DATABASES

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DATABASES["default"]["NAME"] = os.environ["TEILHABE_TEST_DATABASE"]
