"""The `teilhabe` console script: the project's manage.py."""

import os
import sys

#: Commands that work on a file alone, with the options that need the database (and so every app).
#: Without those options they run with the settings but no installed app: no models, no app's
#: ``ready()``, no admin. Issue 14 counts process start in the fact check's time, and loading every app
#: is about half a second of it.
FILE_COMMANDS = {"factcheck": ("--store", "--municipality", "--settings", "--pythonpath")}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
    if _runs_on_a_file_alone(sys.argv):
        _run_without_apps(sys.argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


def _runs_on_a_file_alone(argv: list[str]) -> bool:
    options = FILE_COMMANDS.get(argv[1] if len(argv) > 1 else "")
    if options is None:
        return False
    return not any(arg.split("=", 1)[0] in options for arg in argv[2:])


def _run_without_apps(argv: list[str]) -> None:
    """The project's settings and an empty app registry, then the command itself (the same class
    ``execute_from_command_line`` would run; translations come from ``LOCALE_PATHS``).

    Not ``django.setup()``: besides the registry it configures logging and sets the URL prefix, whose
    import of ``django.urls`` pulls in the HTTP and model layers (0.1 s of a run on a file alone).
    """
    from django.apps import apps
    from django.conf import settings

    settings.INSTALLED_APPS = []
    apps.populate([])
    from teilhabe.statistics.management.commands.factcheck import Command

    Command().run_from_argv(argv)


if __name__ == "__main__":  # `python -m teilhabe.cli`, as the deploy-check tests start it
    main()
