"""The fixed words a distribution list speaks to its readers, in the list's own language: the double opt-in
mail, the footer of every issue (unsubscribe and preferences links) and the public pages of signing up,
confirming and unsubscribing.

German and English come from the interface catalogue (gettext, `translation.override`): the msgids below.
The other languages of the bulletins have no catalogue, so their texts are kept here, in `FIXED`: short
texts, one dict per language with the same keys (a key a language lacks falls back to German). Change
them here and nowhere else; `tests/test_list_language.py` checks that every language has every key and the
same placeholders.

    w = words("tr", name="Com-In", municipality="Musterstadt")
    w["subject"], w["lang"], w["dir"]
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.output.labels import direction, html_lang

#: German source texts, translated into English by the interface catalogue.
CATALOGUE = {
    "subject": _("Bitte bestätigen: %(name)s per E-Mail"),
    "greeting": _("Guten Tag,"),
    "request": _(
        "jemand – vermutlich Sie – möchte „%(list)s“ an diese Adresse bekommen. Bitte bestätigen Sie das mit "
        "diesem Link (gültig 48 Stunden):"
    ),
    "imported": _(
        "%(municipality)s hat Ihre Adresse aus einer bestehenden Liste für „%(list)s“ übernommen. Bitte "
        "bestätigen Sie mit diesem Link (gültig 48 Stunden), dass Sie diese E-Mails bekommen möchten:"
    ),
    "ignore": _("Wenn Sie das nicht waren, tun Sie nichts: ohne Bestätigung schicken wir Ihnen nichts."),
    "ignore_imported": _(
        "Wenn Sie das nicht möchten, tun Sie nichts: ohne Bestätigung schicken wir Ihnen nichts."
    ),
    "confirm_link": _("Anmeldung bestätigen"),
    "footer_reason": _("Sie bekommen „%(name)s“, weil Sie sich dafür angemeldet haben."),
    "unsubscribe": _("Vom Verteiler abmelden"),
    "preferences": _("Sprache und Themen ändern"),
    "test_note": _(
        "Testversand: Hier stehen in jeder E-Mail der Link zum Abmelden und der Link zu den Einstellungen der "
        "Person."
    ),
    "confirm_question": _("Möchten Sie „%(list)s“ per E-Mail bekommen?"),
    "confirm_button": _("Ja, bestätigen"),
    "confirmed_title": _("Anmeldung bestätigt"),
    "confirmed_text": _(
        "Danke! Sie bekommen „%(list)s“ ab der nächsten Ausgabe. Jede E-Mail enthält einen Link zum Abmelden und "
        "zu Ihren Einstellungen."
    ),
    "thanks_title": _("Bitte bestätigen Sie Ihre E-Mail-Adresse"),
    "thanks_text": _(
        "Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin innerhalb von 48 Stunden, dann "
        "bekommen Sie „%(name)s“. Ohne Bestätigung schicken wir Ihnen nichts."
    ),
    "thanks_spam": _(
        "Keine E-Mail da? Sehen Sie im Spam-Ordner nach oder melden Sie sich nach einer Stunde noch einmal an."
    ),
    "unsubscribe_question": _("Möchten Sie „%(list)s“ nicht mehr bekommen?"),
    "unsubscribe_button": _("Ja, abmelden"),
    "unsubscribed_text": _("Sie sind von „%(list)s“ abgemeldet und bekommen ihn nicht mehr."),
}

# Fixed texts for the languages without an interface catalogue, written by the developers and NOT yet checked
# by native speakers: have them reviewed (e.g. by the advisory board's language communities) before going live. Placeholders: %(name)s and %(list)s
# (both the series' name) and %(municipality)s. Keep them short; they are read on phones.
FIXED = {
    "tr": {
        "subject": "Lütfen onaylayın: %(name)s e-posta ile",
        "greeting": "Merhaba,",
        "request": "biri – muhtemelen siz – „%(list)s“ yayınını bu adrese almak istiyor. Lütfen bunu bu "
        "bağlantıyla onaylayın (48 saat geçerlidir):",
        "imported": "%(municipality)s, adresinizi „%(list)s“ için mevcut bir listeden aldı. Bu e-postaları "
        "almak istediğinizi lütfen bu bağlantıyla onaylayın (48 saat geçerlidir):",
        "ignore": "Bunu siz yapmadıysanız hiçbir şey yapmayın: onay olmadan size hiçbir şey göndermeyiz.",
        "ignore_imported": "Bunu istemiyorsanız hiçbir şey yapmayın: onay olmadan size hiçbir şey göndermeyiz.",
        "confirm_link": "Kaydı onayla",
        "footer_reason": "„%(name)s“ yayınını kayıt olduğunuz için alıyorsunuz.",
        "unsubscribe": "Listeden çık",
        "preferences": "Dili ve konuları değiştir",
        "test_note": "Test gönderimi: Her e-postada burada listeden çıkma bağlantısı ve kişinin ayarlar "
        "bağlantısı yer alır.",
        "confirm_question": "„%(list)s“ yayınını e-posta ile almak istiyor musunuz?",
        "confirm_button": "Evet, onaylıyorum",
        "confirmed_title": "Kayıt onaylandı",
        "confirmed_text": "Teşekkürler! „%(list)s“ yayınını bir sonraki sayıdan itibaren alacaksınız. Her "
        "e-postada listeden çıkma ve ayarlarınız için bir bağlantı bulunur.",
        "thanks_title": "Lütfen e-posta adresinizi onaylayın",
        "thanks_text": "Size bir e-posta gönderdik. İçindeki bağlantıyı 48 saat içinde açarsanız „%(name)s“ "
        "yayınını alırsınız. Onay olmadan size hiçbir şey göndermeyiz.",
        "thanks_spam": "E-posta gelmedi mi? İstenmeyen e-posta klasörüne bakın veya bir saat sonra yeniden "
        "kayıt olun.",
        "unsubscribe_question": "„%(list)s“ yayınını artık almak istemiyor musunuz?",
        "unsubscribe_button": "Evet, listeden çık",
        "unsubscribed_text": "„%(list)s“ listesinden çıktınız; bu yayını artık almayacaksınız.",
    },
    "ru": {
        "subject": "Пожалуйста, подтвердите: %(name)s по электронной почте",
        "greeting": "Здравствуйте!",
        "request": "Кто-то – вероятно, вы – хочет получать «%(list)s» на этот адрес. Пожалуйста, подтвердите "
        "это по этой ссылке (действует 48 часов):",
        "imported": "Ваш адрес перенесён в рассылку «%(list)s» из существующего списка (%(municipality)s). "
        "Пожалуйста, подтвердите по этой ссылке (действует 48 часов), что вы хотите получать эти письма:",
        "ignore": "Если это были не вы, ничего не делайте: без подтверждения мы ничего вам не пришлём.",
        "ignore_imported": "Если вы этого не хотите, ничего не делайте: без подтверждения мы ничего вам не "
        "пришлём.",
        "confirm_link": "Подтвердить подписку",
        "footer_reason": "Вы получаете «%(name)s», потому что подписались на эту рассылку.",
        "unsubscribe": "Отписаться от рассылки",
        "preferences": "Изменить язык и темы",
        "test_note": "Тестовая отправка: здесь в каждом письме стоят ссылка для отписки и ссылка на настройки "
        "получателя.",
        "confirm_question": "Вы хотите получать «%(list)s» по электронной почте?",
        "confirm_button": "Да, подтвердить",
        "confirmed_title": "Подписка подтверждена",
        "confirmed_text": "Спасибо! Вы будете получать «%(list)s» начиная со следующего выпуска. В каждом "
        "письме есть ссылка для отписки и ссылка на ваши настройки.",
        "thanks_title": "Пожалуйста, подтвердите ваш адрес электронной почты",
        "thanks_text": "Мы отправили вам письмо. Откройте ссылку в нём в течение 48 часов, и вы будете "
        "получать «%(name)s». Без подтверждения мы ничего вам не пришлём.",
        "thanks_spam": "Письма нет? Проверьте папку «Спам» или подпишитесь ещё раз через час.",
        "unsubscribe_question": "Вы больше не хотите получать «%(list)s»?",
        "unsubscribe_button": "Да, отписаться",
        "unsubscribed_text": "Вы отписались от «%(list)s» и больше не будете получать эту рассылку.",
    },
    "uk": {
        "subject": "Будь ласка, підтвердіть: %(name)s електронною поштою",
        "greeting": "Добрий день!",
        "request": "Хтось – імовірно, ви – хоче отримувати «%(list)s» на цю адресу. Будь ласка, підтвердіть "
        "це за цим посиланням (дійсне 48 годин):",
        "imported": "Вашу адресу перенесено до розсилки «%(list)s» з наявного списку (%(municipality)s). Будь "
        "ласка, підтвердіть за цим посиланням (дійсне 48 годин), що ви хочете отримувати ці листи:",
        "ignore": "Якщо це були не ви, нічого не робіть: без підтвердження ми нічого вам не надішлемо.",
        "ignore_imported": "Якщо ви цього не хочете, нічого не робіть: без підтвердження ми нічого вам не "
        "надішлемо.",
        "confirm_link": "Підтвердити підписку",
        "footer_reason": "Ви отримуєте «%(name)s», тому що підписалися на цю розсилку.",
        "unsubscribe": "Відписатися від розсилки",
        "preferences": "Змінити мову й теми",
        "test_note": "Тестове надсилання: тут у кожному листі є посилання для відписки та посилання на "
        "налаштування отримувача.",
        "confirm_question": "Ви хочете отримувати «%(list)s» електронною поштою?",
        "confirm_button": "Так, підтвердити",
        "confirmed_title": "Підписку підтверджено",
        "confirmed_text": "Дякуємо! Ви отримуватимете «%(list)s» починаючи з наступного випуску. У кожному "
        "листі є посилання для відписки та посилання на ваші налаштування.",
        "thanks_title": "Будь ласка, підтвердіть вашу адресу електронної пошти",
        "thanks_text": "Ми надіслали вам листа. Відкрийте посилання в ньому протягом 48 годин, і ви "
        "отримуватимете «%(name)s». Без підтвердження ми нічого вам не надішлемо.",
        "thanks_spam": "Листа немає? Перевірте папку «Спам» або підпишіться ще раз через годину.",
        "unsubscribe_question": "Ви більше не хочете отримувати «%(list)s»?",
        "unsubscribe_button": "Так, відписатися",
        "unsubscribed_text": "Ви відписалися від «%(list)s» і більше не отримуватимете цю розсилку.",
    },
    "ar": {
        "subject": "يُرجى التأكيد: %(name)s عبر البريد الإلكتروني",
        "greeting": "مرحبًا،",
        "request": "شخصٌ ما – ربما أنت – يريد أن يتلقى «%(list)s» على هذا العنوان. يُرجى التأكيد عبر هذا "
        "الرابط (صالح لمدة 48 ساعة):",
        "imported": "نُقل عنوانك إلى قائمة «%(list)s» من قائمة موجودة (%(municipality)s). يُرجى التأكيد عبر "
        "هذا الرابط (صالح لمدة 48 ساعة) أنك تريد تلقي هذه الرسائل:",
        "ignore": "إذا لم تكن أنت، فلا تفعل شيئًا: لن نرسل إليك شيئًا دون تأكيد.",
        "ignore_imported": "إذا كنت لا تريد ذلك، فلا تفعل شيئًا: لن نرسل إليك شيئًا دون تأكيد.",
        "confirm_link": "تأكيد الاشتراك",
        "footer_reason": "تصلك «%(name)s» لأنك اشتركت فيها.",
        "unsubscribe": "إلغاء الاشتراك في القائمة",
        "preferences": "تغيير اللغة والمواضيع",
        "test_note": "إرسال تجريبي: هنا يظهر في كل رسالة رابط إلغاء الاشتراك ورابط إعدادات المستلم.",
        "confirm_question": "هل تريد أن تتلقى «%(list)s» عبر البريد الإلكتروني؟",
        "confirm_button": "نعم، أؤكد",
        "confirmed_title": "تم تأكيد الاشتراك",
        "confirmed_text": "شكرًا! ستصلك «%(list)s» بدءًا من العدد القادم. تحتوي كل رسالة على رابط لإلغاء "
        "الاشتراك ورابط لإعداداتك.",
        "thanks_title": "يُرجى تأكيد عنوان بريدك الإلكتروني",
        "thanks_text": "أرسلنا إليك رسالة. افتح الرابط الذي فيها خلال 48 ساعة، وستصلك «%(name)s». لن نرسل "
        "إليك شيئًا دون تأكيد.",
        "thanks_spam": "لم تصلك رسالة؟ تحقق من مجلد البريد العشوائي أو اشترك مرة أخرى بعد ساعة.",
        "unsubscribe_question": "ألا تريد أن تتلقى «%(list)s» بعد الآن؟",
        "unsubscribe_button": "نعم، ألغِ الاشتراك",
        "unsubscribed_text": "تم إلغاء اشتراكك في «%(list)s» ولن تصلك بعد الآن.",
    },
    "ls": {  # Leichte Sprache: short sentences, one thought each
        "subject": "Bitte bestätigen: %(name)s per E-Mail",
        "greeting": "Hallo,",
        "request": "jemand will „%(list)s“ an diese E-Mail-Adresse bekommen. Vielleicht waren Sie das. Dann "
        "klicken Sie bitte auf diesen Link. Der Link geht nur 48 Stunden lang:",
        "imported": "%(municipality)s hat Ihre E-Mail-Adresse aus einer alten Liste genommen. Die Liste ist für "
        "„%(list)s“. Wollen Sie diese E-Mails bekommen? Dann klicken Sie bitte auf diesen Link. Der Link "
        "geht nur 48 Stunden lang:",
        "ignore": "Sie waren das nicht? Dann machen Sie nichts. Wir schicken Ihnen dann nichts.",
        "ignore_imported": "Sie wollen das nicht? Dann machen Sie nichts. Wir schicken Ihnen dann nichts.",
        "confirm_link": "Anmeldung bestätigen",
        "footer_reason": "Sie bekommen „%(name)s“. Denn Sie haben sich dafür angemeldet.",
        "unsubscribe": "Abmelden: keine E-Mails mehr bekommen",
        "preferences": "Sprache und Themen ändern",
        "test_note": "Test: Hier steht in jeder E-Mail ein Link zum Abmelden. Und ein Link zu den "
        "Einstellungen.",
        "confirm_question": "Wollen Sie „%(list)s“ per E-Mail bekommen?",
        "confirm_button": "Ja, ich will das",
        "confirmed_title": "Sie sind jetzt angemeldet",
        "confirmed_text": "Danke! Sie bekommen „%(list)s“ ab der nächsten Ausgabe. In jeder E-Mail steht ein "
        "Link. Mit dem Link können Sie sich abmelden. Oder Sie ändern Ihre Einstellungen.",
        "thanks_title": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "thanks_text": "Wir haben Ihnen eine E-Mail geschickt. In der E-Mail ist ein Link. Bitte klicken Sie in "
        "den nächsten 48 Stunden auf den Link. Dann bekommen Sie „%(name)s“. Ohne Klick schicken wir Ihnen "
        "nichts.",
        "thanks_spam": "Keine E-Mail da? Dann sehen Sie im Spam-Ordner nach. Oder melden Sie sich nach einer "
        "Stunde noch einmal an.",
        "unsubscribe_question": "Wollen Sie „%(list)s“ nicht mehr bekommen?",
        "unsubscribe_button": "Ja, abmelden",
        "unsubscribed_text": "Sie sind abgemeldet. Sie bekommen „%(list)s“ nicht mehr.",
    },
}


def _catalogue(language: str) -> dict[str, str]:
    with translation.override(language):
        return {key: str(text) for key, text in CATALOGUE.items()}


def words(language: str, *, name: str = "", municipality: str = "") -> dict[str, str]:
    """Every text of a list in `language` with the series' `name` and the `municipality` filled in, plus
    `lang` and `dir` for the element that holds them."""
    catalogued = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    texts = _catalogue(catalogued)
    if language not in dict(settings.LANGUAGES):
        texts.update(FIXED.get(language, {}))
    values = {"name": name, "list": name, "municipality": municipality}
    filled = {key: text % values for key, text in texts.items()}
    shown = language if language == catalogued or language in FIXED else catalogued
    return {**filled, "lang": html_lang(shown), "dir": direction(shown)}


def for_list(dlist) -> dict[str, str]:
    """The words of one distribution list (its bulletin and municipality filled in)."""
    return words(dlist.language, name=dlist.bulletin.name, municipality=dlist.municipality.name)
