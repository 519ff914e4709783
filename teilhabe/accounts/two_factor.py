"""Two-factor authentication with django-otp: a TOTP authenticator app plus one-time recovery codes.

Superusers must use it, and office users of a municipality that requires it (`office_two_factor_required`);
everybody else may switch it on in the profile. The password step stays the throttled `LoginForm`; after it,
`TwoFactorMiddleware` sends a user who has (or must have) a second factor to the code page or the set-up page
before any other page answers, the Django admin included. Codes are checked by django-otp, which also slows
down repeated wrong codes on each device. No cryptography is written here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.accounts.roles import OFFICE

# What the session needs before other pages answer (stored in the session, see the middleware).
NOTHING = "nothing"
VERIFY = "verify"
SET_UP = "set_up"


def is_required(user) -> bool:
    if user.is_superuser:
        return True
    return user.memberships.filter(
        is_active=True, awaiting_acceptance=False, role=OFFICE, municipality__office_two_factor_required=True
    ).exists()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needed_step(user) -> str:
    """What a logged-in but not yet verified user must do next."""
    if user_has_device(user, confirmed=True):
        return VERIFY
    return SET_UP if is_required(user) else NOTHING


def pending_device(user) -> TOTPDevice:
    """The authenticator being set up: the same one until it is confirmed, so reloading keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=settings.OTP_TOTP_ISSUER, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice, title: str) -> str:
    """The device's otpauth:// address as an inline SVG QR code, drawn locally by segno."""
    import segno

    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=4, title=title, svgclass="qr")


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32 in groups of four, for apps that cannot scan."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@dataclass
class Confirmed:
    device: TOTPDevice
    recovery_codes: list[str]


@transaction.atomic
def confirm(request, device: TOTPDevice, code: str) -> Confirmed | None:
    """Check the first code of a new authenticator; on success it replaces any earlier one, new recovery
    codes are made (to be shown once), and this session counts as verified."""
    if not device.verify_token(_digits(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(device.user)
    otp_login(request, device)
    return Confirmed(device=device, recovery_codes=codes)


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes; django-otp deletes each one when it is used."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Wiederherstellungscodes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(request, code: str) -> bool:
    """Check a code from the app or a recovery code against the user's devices; mark the session verified."""
    user = request.user
    cleaned = code.strip().replace(" ", "").replace("-", "")
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            token = _digits(cleaned) if isinstance(device, TOTPDevice) else cleaned.lower()
            if token and device.verify_token(token):
                otp_login(request, device)
                return True
    return False


def switch_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def _digits(code: str) -> str:
    code = code.strip().replace(" ", "")
    return code if code.isdigit() and len(code) == 6 else ""
