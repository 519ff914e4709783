"""The optional machine-translation plug-in. Nothing is configured by default, and then nothing leaves the
installation: `translator()` is None and the pages offer no button. A municipality that wants one names a class
in the setting `BULLETIN_TRANSLATOR` (a dotted path, environment variable of the same name); the class is built
without arguments and has

    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...

(source "de", target a language code or "ls"; one result per text, in order). What it returns is saved as a
translation marked `machine` until a person approves it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from teilhabe.bulletins.models.texts import SOURCE_LANGUAGE
from teilhabe.bulletins.services.texts import save_version


def translator():
    path = getattr(settings, "BULLETIN_TRANSLATOR", "")
    return import_string(path)() if path else None


def machine_translate(text, user, language):
    engine = translator()
    if engine is None:
        raise ValidationError(_("Es ist keine maschinelle Übersetzung eingerichtet."))
    german = text.versions.filter(language=SOURCE_LANGUAGE).order_by("-number").first()
    if german is None:
        raise ValidationError(_("Zuerst braucht der Text eine deutsche Fassung."))
    title, body = engine.translate([german.title, german.body], SOURCE_LANGUAGE, language)
    return save_version(text, user, language=language, title=title, body=body, machine=True)
