from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "teilhabe.municipalities"
    verbose_name = _("Kommunen")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe import checks  # noqa: F401 (registers the installation's deploy checks)
        from teilhabe.municipalities.guide import STEP_KEYS
        from teilhabe.municipalities.models import Municipality, SetupGuide
        from teilhabe.municipalities.scoping import register_url_value

        auditlog.register(Municipality)
        auditlog.register(SetupGuide)
        register_url_value("guide_step", *STEP_KEYS)
