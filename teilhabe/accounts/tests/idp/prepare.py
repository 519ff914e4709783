"""Set up the test identity provider's database: schema, a signing key, Teilhabe as a client.

IDP_DATA_DIR=... IDP_SITE_URL=... python -m teilhabe.accounts.tests.idp.prepare CLIENT_JSON
"""

import json
import os
import sys

os.environ["DJANGO_SETTINGS_MODULE"] = "teilhabe.accounts.tests.idp.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from oidc_provider.models import Client, ResponseType  # noqa: E402


def main(client: dict) -> None:
    call_command("migrate", verbosity=0)
    call_command("creatersakey", verbosity=0)
    teilhabe = Client.objects.create(
        name="Teilhabe",
        client_type="confidential",
        client_id=client["client_id"],
        client_secret=client["client_secret"],
        jwt_alg="RS256",
        require_consent=False,
        reuse_consent=True,
        _redirect_uris=client["redirect_uri"],
        _post_logout_redirect_uris=client["post_logout_redirect_uri"],
        _scope="openid email profile groups",
    )
    teilhabe.response_types.add(ResponseType.objects.get(value="code"))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
