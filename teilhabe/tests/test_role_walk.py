"""Every role gets exactly what the hand-written table says, for every view of the site.

The expectations live in teilhabe/tests/role_table.py, written by people, not derived from the decorators
under test: a view marked too openly (or a decorator dropped) makes this walk fail. A URL without a row fails
too, with the row to add in the message.
"""

import pytest
from django.urls import reverse

from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes, object_variants, variant_label
from teilhabe.tests.role_table import COLUMNS, EXPECTED

ROUTES = municipality_routes()
CASES = [(route, variants) for route in ROUTES for variants in object_variants(route)]
ROLE_ORDER = (OFFICE, DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD)


def case_id(case):
    return variant_label(*case)


def test_the_table_names_its_columns_in_the_order_the_walk_asks():
    assert (*ROLE_ORDER, "anonymous") == COLUMNS


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_view_declares_its_access(route):
    callback = route.callback
    declared = getattr(callback, "public_view", False) or getattr(callback, "allowed_roles", None)
    assert declared, f"{route.name}: use @public_view, @member_required or @role_required(...)"


def observe(client, url, role_users):
    """The status of GET `url` for each role (in ROLE_ORDER), then anonymously."""
    statuses = []
    for role in ROLE_ORDER:
        client.force_login(role_users[role])
        statuses.append(client.get(url).status_code)
    client.logout()
    response = client.get(url)
    statuses.append(response.status_code)
    return tuple(statuses), response


def table_differences(key, observed):
    return [
        f"{column}: expected {want}, got {got}"
        for column, want, got in zip(COLUMNS, EXPECTED[key], observed, strict=True)
        if want != got
    ]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_each_role_gets_what_the_table_says(client, case, municipality, role_users):
    route, variants = case
    key = variant_label(route, variants)
    url = reverse(route.name, kwargs=fill_kwargs(route, municipality, variants=variants))
    observed, anonymous = observe(client, url, role_users)
    row = f'    "{key}": ({", ".join(map(str, observed))}),'
    assert key in EXPECTED, (
        f"{key} ({url}) has no row in teilhabe/tests/role_table.py. Add this row, after checking that each "
        f"status is what the view *should* answer ({', '.join(COLUMNS)}):\n{row}"
    )
    differences = table_differences(key, observed)
    assert not differences, (
        f"{key} ({url}): " + "; ".join(differences) + f"\nobserved row, if the change is intended:\n{row}"
    )
    if observed[-1] == 302 and not getattr(route.callback, "public_view", False):
        assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_the_table_has_no_row_for_a_view_that_is_gone():
    known = {case_id(case) for case in CASES}
    stale = sorted(set(EXPECTED) - known)
    assert not stale, "remove these rows from teilhabe/tests/role_table.py (no such URL): " + ", ".join(stale)


def test_no_row_lets_a_visitor_into_the_internal_area():
    """Anonymous visitors are sent to the login on every non-public view (a table typo cannot open one)."""
    public = {r.name for r in ROUTES if getattr(r.callback, "public_view", False)}
    for key, statuses in EXPECTED.items():
        if key.split("[")[0] not in public:
            assert statuses[-1] == 302, f"{key}: an internal view must send visitors to the login"


@pytest.mark.urls("teilhabe.tests.too_open_urls")
def test_a_view_marked_too_openly_fails_the_walk(client, municipality, role_users):
    """The audit log served with @member_required instead of @role_required(OFFICE): the table catches it."""
    url = reverse("audit:log", kwargs={"municipality_slug": municipality.slug})
    observed, _ = observe(client, url, role_users)
    assert table_differences("audit:log", observed) == [
        "department_editor: expected 403, got 200",
        "partner_editor: expected 403, got 200",
        "advisory_board: expected 403, got 200",
    ]
