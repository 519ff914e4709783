"""The fixed words of an issue (headings of the facts, link texts, notes) in the languages the bulletins are
written in. They are part of the product, not of the interface: the interface is translated by gettext into
German and English, an issue goes out in Turkish, Russian, Ukrainian, Arabic and Leichte Sprache as well.
A language without its own words here gets the German ones."""

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal

RTL = {"ar", "fa", "ps", "ur"}

WORDS = {
    "de": {
        "value": "Wert",
        "cancelled": "Abgesagt",
        "issue": "Ausgabe %(number)s",
        "date": "Datum",
        "time": "Uhrzeit",
        "place": "Ort",
        "languages": "Sprachen",
        "register": "Zur Anmeldung",
        "more": "Weitere Informationen",
        "measures": "Neu umgesetzte Maßnahmen",
        "meeting": "Letztes Treffen",
        "decisions": "Beschlüsse",
        "reference_date": "Stichtag",
        "source": "Quelle: Faktencheck Migration",
        "machine": "Maschinell übersetzt, noch nicht geprüft.",
        "fallback": "Dieser Beitrag liegt nur auf Deutsch vor.",
        "picture": "Bild",
        "web": "Diese Ausgabe im Web lesen",
        "editorial": "Vorwort",
        "contents": "Inhalt",
        "publisher": "Herausgegeben von",
        "hidden": "nicht veröffentlicht (kleine Fallzahl)",
        "forwarded": "%(sender)s gibt Ihnen diese Information weiter.",
        "forwarded_why": "Sie erhalten sie, weil Sie sich für das Thema „%(topic)s“ interessieren. Möchten Sie solche Hinweise nicht mehr, antworten Sie einfach auf diese E-Mail.",
    },
    "en": {
        "value": "Value",
        "cancelled": "Cancelled",
        "issue": "Issue %(number)s",
        "date": "Date",
        "time": "Time",
        "place": "Place",
        "languages": "Languages",
        "register": "Register",
        "more": "More information",
        "measures": "Newly implemented measures",
        "meeting": "Last meeting",
        "decisions": "Decisions",
        "reference_date": "Reference date",
        "source": "Source: Faktencheck Migration",
        "machine": "Machine translation, not yet checked.",
        "fallback": "This item is only available in German.",
        "picture": "Picture",
        "web": "Read this issue on the web",
        "editorial": "Editorial",
        "contents": "Contents",
        "publisher": "Published by",
        "hidden": "not published (small number)",
        "forwarded": "%(sender)s is passing this information on to you.",
        "forwarded_why": "You receive it because you are interested in the topic “%(topic)s”. If you no longer want such notices, simply reply to this e-mail.",
    },
    "tr": {
        "value": "Değer",
        "cancelled": "İptal edildi",
        "issue": "Sayı %(number)s",
        "date": "Tarih",
        "time": "Saat",
        "place": "Yer",
        "languages": "Diller",
        "register": "Kayıt ol",
        "more": "Daha fazla bilgi",
        "measures": "Yeni hayata geçirilen önlemler",
        "meeting": "Son toplantı",
        "decisions": "Kararlar",
        "reference_date": "Referans tarihi",
        "source": "Kaynak: Faktencheck Migration",
        "machine": "Makine çevirisi, henüz kontrol edilmedi.",
        "fallback": "Bu yazı yalnızca Almanca olarak mevcuttur.",
        "picture": "Fotoğraf",
        "web": "Bu sayıyı internette okuyun",
        "editorial": "Önsöz",
        "contents": "İçindekiler",
        "publisher": "Yayımlayan",
        "hidden": "yayımlanmadı (küçük sayı)",
        "forwarded": "%(sender)s bu bilgiyi size iletiyor.",
        "forwarded_why": "Bu e-postayı „%(topic)s“ konusuyla ilgilendiğiniz için alıyorsunuz. Bu tür bildirimleri artık istemiyorsanız bu e-postayı yanıtlamanız yeterlidir.",
    },
    "ru": {
        "value": "Значение",
        "cancelled": "Отменено",
        "issue": "Выпуск %(number)s",
        "date": "Дата",
        "time": "Время",
        "place": "Место",
        "languages": "Языки",
        "register": "Зарегистрироваться",
        "more": "Подробнее",
        "measures": "Недавно реализованные меры",
        "meeting": "Последняя встреча",
        "decisions": "Решения",
        "reference_date": "По состоянию на",
        "source": "Источник: Faktencheck Migration",
        "machine": "Машинный перевод, ещё не проверен.",
        "fallback": "Эта статья доступна только на немецком языке.",
        "picture": "Фото",
        "web": "Читать этот выпуск в интернете",
        "editorial": "Вступительное слово",
        "contents": "Содержание",
        "publisher": "Издатель",
        "hidden": "не публикуется (малое число)",
        "forwarded": "%(sender)s передаёт вам эту информацию.",
        "forwarded_why": "Вы получаете её, потому что интересуетесь темой «%(topic)s». Если вы больше не хотите получать такие сообщения, просто ответьте на это письмо.",
    },
    "uk": {
        "value": "Значення",
        "cancelled": "Скасовано",
        "issue": "Випуск %(number)s",
        "date": "Дата",
        "time": "Час",
        "place": "Місце",
        "languages": "Мови",
        "register": "Зареєструватися",
        "more": "Докладніше",
        "measures": "Нещодавно впроваджені заходи",
        "meeting": "Остання зустріч",
        "decisions": "Рішення",
        "reference_date": "Станом на",
        "source": "Джерело: Faktencheck Migration",
        "machine": "Машинний переклад, ще не перевірений.",
        "fallback": "Ця стаття доступна лише німецькою мовою.",
        "picture": "Фото",
        "web": "Читати цей випуск в інтернеті",
        "editorial": "Вступне слово",
        "contents": "Зміст",
        "publisher": "Видавець",
        "hidden": "не публікується (мала кількість)",
        "forwarded": "%(sender)s передає вам цю інформацію.",
        "forwarded_why": "Ви отримуєте її, бо цікавитеся темою «%(topic)s». Якщо ви більше не хочете отримувати такі повідомлення, просто дайте відповідь на цей лист.",
    },
    "ar": {
        "value": "القيمة",
        "cancelled": "أُلغي",
        "issue": "العدد %(number)s",
        "date": "التاريخ",
        "time": "الوقت",
        "place": "المكان",
        "languages": "اللغات",
        "register": "للتسجيل",
        "more": "مزيد من المعلومات",
        "measures": "إجراءات نُفِّذت حديثًا",
        "meeting": "آخر اجتماع",
        "decisions": "القرارات",
        "reference_date": "تاريخ الإحصاء",
        "source": "المصدر: Faktencheck Migration",
        "machine": "ترجمة آلية، لم تُراجَع بعد.",
        "fallback": "هذه المقالة متوفرة باللغة الألمانية فقط.",
        "picture": "الصورة",
        "web": "اقرأ هذا العدد على الإنترنت",
        "editorial": "كلمة افتتاحية",
        "contents": "المحتويات",
        "publisher": "الناشر",
        "hidden": "غير منشور (عدد صغير)",
        "forwarded": "يُرسل إليكم %(sender)s هذه المعلومات.",
        "forwarded_why": "تصلكم لأنكم مهتمون بموضوع «%(topic)s». إذا لم تعودوا ترغبون في مثل هذه الإشعارات، فما عليكم إلا الرد على هذه الرسالة.",
    },
    "ls": {
        "value": "Die Zahl",
        "cancelled": "Das fällt aus.",
        "issue": "Ausgabe %(number)s",
        "date": "Wann?",
        "time": "Uhrzeit",
        "place": "Wo?",
        "languages": "In welchen Sprachen?",
        "register": "Hier können Sie sich anmelden",
        "more": "Hier gibt es mehr Infos",
        "measures": "Das hat die Stadt jetzt gemacht",
        "meeting": "Das letzte Treffen",
        "decisions": "Das wurde beschlossen",
        "reference_date": "Stand",
        "source": "Die Zahl kommt aus dem Faktencheck Migration.",
        "machine": "Ein Computer hat das übersetzt. Ein Mensch hat es noch nicht geprüft.",
        "fallback": "Diesen Text gibt es noch nicht in Leichter Sprache.",
        "picture": "Bild",
        "web": "Diese Ausgabe im Internet lesen",
        "editorial": "Zu Beginn",
        "contents": "Inhalt",
        "publisher": "Von",
        "hidden": "wird nicht gezeigt (kleine Zahl)",
        "forwarded": "%(sender)s schickt Ihnen diese Information.",
        "forwarded_why": "Sie bekommen die E-Mail, weil Sie sich für das Thema „%(topic)s“ interessieren. Sie wollen keine E-Mails mehr dazu? Dann schreiben Sie uns einfach zurück.",
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["de"])


def html_lang(language: str) -> str:
    """The `lang` attribute: Leichte Sprache is German."""
    return "de" if language == "ls" else language


def direction(language: str) -> str:
    return "rtl" if language in RTL else "ltr"


def _locale(language: str) -> str:
    try:
        Locale.parse(html_lang(language))
    except (ValueError, LookupError):
        return "de"
    return html_lang(language)


def date_text(value, language: str) -> str:
    if value is None:
        return ""
    return format_date(value, format="full" if language != "ls" else "d. MMMM y", locale=_locale(language))


def time_text(value, language: str) -> str:
    return format_time(value, format="short", locale=_locale(language)) if value else ""


def number_text(value, language: str, places: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=_locale(language))


def list_text(items: list[str], language: str) -> str:
    """ "Deutsch, Arabisch und Türkisch" in the language's own way (Arabic: "، و")."""
    from babel.lists import format_list

    return format_list(list(items), locale=_locale(language)) if items else ""
