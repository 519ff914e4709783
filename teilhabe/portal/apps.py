from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages over several apps: start pages, the first-run guide, the office's job pages, setting up
    municipalities and the demo. It is the top layer (teilhabe/tests/test_import_layers.py): it may import every
    app, no app imports it."""

    name = "teilhabe.portal"
    verbose_name = _("Startseite")

    def ready(self):
        from teilhabe.municipalities.scoping import register_url_value
        from teilhabe.portal.guide import STEP_KEYS

        register_url_value("guide_step", *STEP_KEYS)
