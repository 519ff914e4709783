from django.core.management import call_command

from teilhabe.accounts.demo import DEMO_PASSWORD
from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ALL_ROLES
from teilhabe.directory.demo import SEED_DEPARTMENTS
from teilhabe.directory.models import Organisation
from teilhabe.municipalities.models import Municipality


def _counts():
    return (
        Municipality.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )


def test_the_demo_creates_musterstadt_with_one_login_per_role(db, client, capsys):
    call_command("demo")
    municipality = Municipality.objects.get(slug="musterstadt")
    assert municipality.name == "Musterstadt"
    roles = set(Membership.objects.filter(municipality=municipality).values_list("role", flat=True))
    assert roles == set(ALL_ROLES)
    output = capsys.readouterr().out
    for membership in Membership.objects.filter(municipality=municipality).select_related("user"):
        assert membership.user.email in output
        assert client.login(username=membership.user.username, password=DEMO_PASSWORD)
    assert User.objects.get(email="admin@musterstadt.example").is_superuser


def test_the_demo_directory_holds_the_thirteen_departments_of_the_seed(db):
    call_command("demo", quiet_logins=True)
    departments = set(Organisation.objects.filter(kind="department").values_list("name", flat=True))
    assert {name for name, _short, _parent in SEED_DEPARTMENTS} <= departments
    assert len(SEED_DEPARTMENTS) == 13
    for partner in [
        "Klinikum Musterstadt",
        "Caritasverband Musterstadt",
        "Jobcenter Musterstadt",
        "Ukrainischer Verein Musterstadt e.V.",
    ]:
        assert Organisation.objects.filter(name=partner).exists()


def test_running_the_demo_twice_duplicates_nothing(db):
    call_command("demo", quiet_logins=True)
    first = _counts()
    call_command("demo", quiet_logins=True)
    assert _counts() == first


def test_the_demo_publishes_its_concept_and_a_report_on_the_public_site(db, client):
    """The public pages of the demo are not empty: the concept with its measures and Umsetzungsstand, the
    open data API's concept, and the year's report for the public as PDF."""
    from django.urls import reverse

    from teilhabe.concept.models import Concept, Measure
    from teilhabe.reports.models import ActivityReportVersion

    call_command("demo", quiet_logins=True)
    concept = Concept.objects.get(municipality__slug="musterstadt", is_current=True)
    assert concept.public
    public_measures = Measure.objects.filter(concept=concept, public=True)
    assert public_measures.count() == 144
    page = client.get(reverse("concept_public:concept", args=["musterstadt"])).content.decode()
    assert concept.title in page
    assert public_measures.order_by("sort_key").first().title in page
    api = client.get("/api/v1/concepts?municipality=musterstadt").json()
    assert [row["title"] for row in api["items"]] == [concept.title]
    version = ActivityReportVersion.objects.get(public_since__isnull=False)
    listing = client.get(reverse("reports_public:list", args=["musterstadt"])).content.decode()
    assert version.data["title"] in listing
    pdf = client.get(reverse("reports_public:pdf", args=["musterstadt", version.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    home = client.get(reverse("public:home", args=["musterstadt"])).content.decode()
    assert "Sachgebietsleitung" in home  # the team's functions


def test_the_demo_says_where_its_mails_are_written_when_there_is_no_smtp_host(db, capsys, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    call_command("demo", quiet_logins=False)
    assert (
        "Die E-Mails (ohne EMAIL_HOST) liegen als Dateien in %s/" % (tmp_path / "mail")
        in capsys.readouterr().out
    )
