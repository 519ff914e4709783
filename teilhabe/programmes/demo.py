"""Demo programmes from the seed report: Demokratie leben!, Mehrgenerationenhaus (Bundesprogramm) and the
IQ-Netzwerk, with a budget per year, funding rows on the seed's funded activities where the activities demo
has them (the two workshops on culturally sensitive public relations, 8 and 21 October 2024, funded by the
IQ-Netzwerk), and a deadline for each funding report. Idempotent."""

import datetime
from decimal import Decimal

from django.db.models import Q

from teilhabe.activities.models import Activity
from teilhabe.directory.models import Organisation
from teilhabe.programmes import services
from teilhabe.programmes.models import Funding, Programme

D = datetime.date

# name, funder, period, {year: budget}, activity lookup, (requested, granted, spent), deadline
PROGRAMMES = [
    ("Demokratie leben!", "Bundesministerium für Familie, Senioren, Frauen und Jugend", (D(2020, 1, 1), D(2024, 12, 31)), {2024: Decimal("125000")}, Q(title__icontains="Connected Women") | Q(title__icontains="Lesenachmittag"), ("4000", "3500", "3100"), ("Verwendungsnachweis Demokratie leben! 2024", D(2025, 3, 31))),
    ("Mehrgenerationenhaus (Bundesprogramm)", "Bundesministerium für Familie, Senioren, Frauen und Jugend", (D(2021, 1, 1), D(2028, 12, 31)), {2024: Decimal("40000"), 2025: Decimal("40000")}, Q(venue__name__icontains="Mehrgenerationenhaus") | Q(title__icontains="Lachyoga"), ("1500", "1500", "1200"), ("Sachbericht Mehrgenerationenhaus 2024", D(2025, 2, 28))),
    ("IQ-Netzwerk Integration durch Qualifizierung", "IQ-Netzwerk Integration durch Qualifizierung", (D(2023, 1, 1), D(2025, 12, 31)), {2024: Decimal("6000")}, Q(title__icontains="ffentlichkeitsarbeit"), ("1200", "1000", "950"), ("Abrechnung der Workshops kultursensible Öffentlichkeitsarbeit", D(2024, 12, 15))),
]  # fmt: skip


def load_demo(municipality):
    activities = Activity.objects.for_municipality(municipality)
    for name, funder_name, (start, end), budgets, lookup, amounts, (deadline, due) in PROGRAMMES:
        funder, _created = Organisation.objects.get_or_create(
            municipality=municipality, name=funder_name, defaults={"kind": Organisation.Kind.PARTNER}
        )
        programme = Programme.objects.for_municipality(municipality).filter(name=name).first()
        if programme is None:
            programme = services.save_programme(
                municipality, None, {"name": name, "funder": funder, "starts_on": start, "ends_on": end}
            )
        for year, amount in budgets.items():
            services.save_budget(programme, None, year, amount)
        requested, granted, spent = (Decimal(value) for value in amounts)
        for activity in activities.filter(lookup).order_by("first_on", "pk")[:2]:
            year = (activity.first_on or D(2024, 1, 1)).year
            if not Funding.objects.filter(programme=programme, activity=activity, year=year).exists():
                services.save_funding(
                    programme,
                    None,
                    {
                        "activity": activity,
                        "year": year,
                        "requested": requested,
                        "granted": granted,
                        "spent": spent,
                    },
                )
        if not programme.deadlines.filter(task__title=deadline).exists():
            services.add_report_deadline(programme, None, title=deadline, due_on=due)
