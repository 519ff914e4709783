from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "teilhabe.bulletins"
    verbose_name = _("Informationsprodukte")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.bulletins import models as m
        from teilhabe.municipalities.scoping import register_url_object

        for model in (m.Bulletin, m.BulletinIssue):
            auditlog.register(model)
        register_url_object("bulletin_id", m.Bulletin)
        register_url_object("issue_id", m.BulletinIssue)
