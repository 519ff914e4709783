"""Demo data: a Kompakt-Info (professionals, German) and a Com-In (communities: Turkish, Ukrainian, Arabic,
Leichte Sprache) with two issues each, one sent and one draft, their items pulled from the demo's activities,
network and concept. In the Com-In draft the German text of one item changed after its Ukrainian translation:
that translation shows as outdated. Idempotent: a series that exists (by name) is left as it is."""

import contextlib
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.actions import save_values
from teilhabe.bulletins.demo_lists import WORK
from teilhabe.bulletins.models import Bulletin, BulletinIssue, Topic
from teilhabe.bulletins.services.freeze import freeze_issue
from teilhabe.bulletins.services.issues import add_item, create_issue, save_bulletin
from teilhabe.bulletins.services.texts import editorial_of, save_version

SPRACHCAFE = "Sprachcafé mit dem Ukrainischen Verein"
VORLESEN = "Mehrsprachiger Vorlesenachmittag"
PFLEGE = "Informationsnachmittag für internationale Pflegekräfte"
JOBS = "Jobbörse für Geflüchtete"

COM_IN_1 = {
    "editorial": {
        "de": ("Liebe Leserinnen und Leser,", "in dieser Ausgabe: das Sprachcafé im Altstadthaus und der "
               "mehrsprachige Vorlesenachmittag in der Stadtbibliothek. Alle sind herzlich eingeladen."),
        "tr": ("Sevgili okurlar,", "bu sayıda: Altstadthaus'taki dil kafesi ve Şehir Kütüphanesi'ndeki çok "
               "dilli okuma etkinliği. Herkesi bekliyoruz."),
        "uk": ("Шановні читачки та читачі,", "у цьому випуску: мовне кафе в Altstadthaus і багатомовні "
               "читання в міській бібліотеці. Запрошуємо всіх!"),
        "ar": ("القارئات والقراء الأعزاء،", "في هذا العدد: مقهى اللغة في Altstadthaus وأمسية القراءة متعددة "
               "اللغات في مكتبة المدينة. الجميع مدعوون."),
        "ls": ("Hallo!", "In diesem Heft geht es um 2 Angebote:\nDas Sprach-Café.\nVorlesen in vielen Sprachen."
               "\n\nAlle können kommen."),
    },
    SPRACHCAFE: {
        "tr": ("Ukrayna Derneği ile dil kafesi", "Her çarşamba çay ve kek eşliğinde Almanca konuşun."),
        "uk": ("Мовне кафе з Українським товариством", "Щосереди розмовляємо німецькою за чаєм і тістечками."),
        "ar": ("مقهى اللغة مع الجمعية الأوكرانية", "كل يوم أربعاء نتحدث الألمانية مع الشاي والكعك."),
        "ls": ("Sprach-Café", "Jeden Mittwoch.\nSie sprechen Deutsch.\nEs gibt Tee und Kuchen."),
    },
    VORLESEN: {
        "tr": ("Çok dilli okuma etkinliği", "Gönüllüler resimli kitapları iki dilde okuyor."),
        "uk": ("Багатомовні читання", "Волонтери читають книжки з картинками двома мовами."),
        "ar": ("أمسية قراءة متعددة اللغات", "متطوعون يقرؤون كتبًا مصورة بلغتين."),
        "ls": ("Vorlesen in vielen Sprachen", "Menschen lesen Bücher vor.\nIn 2 Sprachen.\nDie Bücher haben viele Bilder."),
    },
}  # fmt: skip

COM_IN_2_EDITORIAL = {
    "de": ("Neues aus dem Integrationsamt", "Die Beratung hat neue Sprechzeiten. Das Sprachcafé geht weiter."),
    "tr": ("Uyum Dairesi'nden haberler", "Danışma hizmetinin yeni görüşme saatleri var. Dil kafesi devam ediyor."),
    "uk": ("Новини з відділу інтеграції", "Консультація має нові години прийому. Мовне кафе продовжує роботу."),
    "ar": ("أخبار من مكتب الاندماج", "للاستشارة مواعيد جديدة. ومقهى اللغة مستمر."),
    "ls": ("Neues vom Amt", "Die Beratung hat neue Zeiten.\nDas Sprach-Café gibt es weiter."),
}  # fmt: skip

HOURS_DE = (
    "Neue Sprechzeiten der Beratung",
    "Die Beratung ist ab Januar montags und donnerstags von 9 bis 12 Uhr geöffnet.",
    "Die Beratung ist ab Januar montags und donnerstags von 9 bis 12 Uhr geöffnet, dienstags zusätzlich "
    "von 14 bis 17 Uhr.",
)
HOURS_UK_OF_FIRST = (
    "Нові години консультацій",
    "З січня консультація працює щопонеділка та щочетверга з 9:00 до 12:00.",
)
HOURS = {
    "tr": ("Danışmanlığın yeni görüşme saatleri", "Danışma, ocak ayından itibaren pazartesi ve perşembe günleri "
           "9.00–12.00, salı günleri ayrıca 14.00–17.00 saatleri arasında açıktır."),
    "ar": ("مواعيد جديدة للاستشارة", "اعتبارًا من يناير تفتح الاستشارة يومي الاثنين والخميس من الساعة 9 حتى "
           "12، ويوم الثلاثاء أيضًا من الساعة 14 حتى 17."),
    "ls": ("Neue Zeiten für die Beratung", "Ab Januar.\nMontag und Donnerstag: von 9 Uhr bis 12 Uhr.\n"
           "Dienstag: von 14 Uhr bis 17 Uhr."),
}  # fmt: skip


def load(municipality):
    from teilhabe.activities.models import Activity

    activities = {a.title: a for a in Activity.objects.for_municipality(municipality)}
    today = timezone.localdate()
    if not Bulletin.objects.for_municipality(municipality).filter(name="Com-In").exists():
        _com_in(municipality, activities, today)
    if not Bulletin.objects.for_municipality(municipality).filter(name="Kompakt-Info").exists():
        _kompakt_info(municipality, activities, today)


def _translate(text, versions: dict):
    for language, (title, body) in versions.items():
        save_version(text, None, language=language, title=title, body=body)


def _pull(issue, activities, title, translations=None):
    if title not in activities:
        return None
    item = add_item(issue, None, "activity", activity=activities[title])
    _translate(item.text, translations or {})
    return item


def _send(issue, days_ago):
    freeze_issue(issue)
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    save_values(issue, {"state": BulletinIssue.State.SENT, "sent_at": sent})


def _com_in(municipality, activities, today):
    series = save_bulletin(
        municipality,
        None,
        {
            "name": "Com-In",
            "audience": Bulletin.Audience.COMMUNITIES,
            "description": "Informationen für die Communitys, in ihren Sprachen und in Leichter Sprache.",
            "languages": ["tr", "uk", "ar", "ls"],
            "sender_name": "Amt für Integration Musterstadt",
            "reply_to": "integration@musterstadt.example",
            "colour": "petrol",
        },
    )
    _header_picture(series)
    first = create_issue(series, None, number=1, issue_date=today - datetime.timedelta(days=60))
    _translate(editorial_of(first), COM_IN_1["editorial"])
    for title in (SPRACHCAFE, VORLESEN):
        _pull(first, activities, title, COM_IN_1[title])
    _send(first, days_ago=60)

    second = create_issue(series, None, number=2, issue_date=today + datetime.timedelta(days=14))
    _translate(editorial_of(second), COM_IN_2_EDITORIAL)
    _pull(second, activities, SPRACHCAFE, COM_IN_1[SPRACHCAFE])
    hours = add_item(second, None, "text", title=HOURS_DE[0], body=HOURS_DE[1])
    save_version(hours.text, None, language="uk", title=HOURS_UK_OF_FIRST[0], body=HOURS_UK_OF_FIRST[1])
    save_version(hours.text, None, language="de", title=HOURS_DE[0], body=HOURS_DE[2])  # after the Ukrainian
    _translate(hours.text, HOURS)


def _header_picture(series):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from teilhabe.activities.demo import placeholder_png
    from teilhabe.bulletins.services.issues import save_layout

    picture = SimpleUploadedFile("com-in.png", placeholder_png("Com-In", size=(960, 240)))
    values = {
        "header_image": picture,
        "header_alt": "",  # decoration only: the series' name is the heading beneath it
        "header_credit": "Platzhalterbild der Teilhabe-Demo",
    }
    save_layout(series, None, values)


def _kompakt_info(municipality, activities, today):
    from teilhabe.networks.models import Network

    series = save_bulletin(
        municipality,
        None,
        {
            "name": "Kompakt-Info",
            "audience": Bulletin.Audience.PROFESSIONALS,
            "description": "Kurz und kompakt für Fachleute: Neues aus Integrationskonzept, Netzwerken und Angeboten.",
            "languages": [],
            "sender_name": "Amt für Integration Musterstadt",
            "reply_to": "integration@musterstadt.example",
            "colour": "blue",
        },
    )
    first = create_issue(
        series,
        None,
        number=1,
        issue_date=today - datetime.timedelta(days=45),
        editorial="Liebe Kolleginnen und Kollegen,\n\ndie Kompakt-Info fasst zusammen, was im "
        "Integrationskonzept, in den Netzwerken und bei den Angeboten neu ist.",
    )
    add_item(first, None, "measures")
    network = Network.objects.for_municipality(municipality).order_by("name").first()
    if network:
        add_item(first, None, "network", network=network)
    _pull(first, activities, PFLEGE)
    _send(first, days_ago=45)

    second = create_issue(
        series,
        None,
        number=2,
        issue_date=today + datetime.timedelta(days=21),
        editorial="Liebe Kolleginnen und Kollegen,\n\nzum Jahresbeginn eine Zahl aus dem Faktencheck und die "
        "nächsten Termine.",
    )
    with contextlib.suppress(ValidationError):  # no published figure in this installation
        add_item(second, None, "figure", figure="migration_background/residents")
    jobs = _pull(second, activities, JOBS)
    if jobs is not None:  # for the readers of "Arbeit und Ausbildung" (and those who chose no topic)
        topic, _created = Topic.objects.get_or_create(municipality=municipality, name=WORK)
        jobs.topics.set([topic])
    add_item(
        second,
        None,
        "text",
        title="Fachrunde im Frühjahr",
        body="Die nächste Fachrunde ist im März. Themen bitte bis Ende Januar an das Amt für Integration.",
    )
