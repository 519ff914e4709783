"""The roles a user can hold in a municipality. The superuser (is_superuser) stands above them all."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("Integrationsamt")
    DEPARTMENT_EDITOR = "department_editor", _("Redaktion Fachamt")
    PARTNER_EDITOR = "partner_editor", _("Redaktion Kooperationspartner")
    ADVISORY_BOARD = "advisory_board", _("Integrationsbeirat")


OFFICE = Role.OFFICE
DEPARTMENT_EDITOR = Role.DEPARTMENT_EDITOR
PARTNER_EDITOR = Role.PARTNER_EDITOR
ADVISORY_BOARD = Role.ADVISORY_BOARD
EDITORS = (DEPARTMENT_EDITOR, PARTNER_EDITOR)
ALL_ROLES = tuple(Role)
