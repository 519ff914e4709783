from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "teilhabe.accounts"
    verbose_name = _("Konten")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.accounts import oidc_checks  # noqa: F401 (registers the deploy checks)
        from teilhabe.accounts.models import Membership
        from teilhabe.municipalities.scoping import register_url_object
        from teilhabe.testing.samples import register_sample

        auditlog.register(Membership)
        register_url_object("membership_id", Membership)
        register_sample(Membership, _sample_membership)


def _sample_membership(municipality):
    from teilhabe.accounts.models import Membership, User
    from teilhabe.testing.samples import unique

    email = unique(f"sample-{municipality.slug}").replace(" ", "-") + "@example.org"
    user = User.objects.create_user(username=email, email=email)
    return Membership.objects.create(user=user, municipality=municipality, role="advisory_board")
