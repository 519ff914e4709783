from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "teilhabe.statistics"
    label = "statistics"
    verbose_name = _("Faktencheck Migration")

    def ready(self):
        # Register url objects, samples and audited models here (see COMMON.md of the team brief).
        pass
