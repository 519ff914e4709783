from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "teilhabe.municipalities"
    verbose_name = _("Kommunen")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe import checks  # noqa: F401 (registers the installation's deploy checks)
        from teilhabe.municipalities.models import Municipality, SetupGuide

        auditlog.register(Municipality)
        auditlog.register(SetupGuide)
