"""Many activities at once for the query-bound tests and bench/activities.py (bulk, not through the
services: the point is the pages, and 2,000 named actions would take a while)."""

import datetime

from teilhabe.activities.models import Activity, ActivityDate, ActivityPartner, TargetGroup, Venue
from teilhabe.directory.models import Organisation


def many_activities(municipality, count, today):
    venues = Venue.objects.bulk_create(Venue(municipality=municipality, name=f"Ort {i}") for i in range(5))
    groups = TargetGroup.objects.bulk_create(
        TargetGroup(municipality=municipality, name=f"Zielgruppe {i}") for i in range(5)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(municipality=municipality, kind="partner", name=f"Träger {i}") for i in range(20)
    )
    activities = []
    for i in range(count):
        day = today + datetime.timedelta(days=(i % 60) - 30)
        activities.append(
            Activity(
                municipality=municipality,
                title=f"Aktivität {i}",
                kind="event",
                state="done" if day < today else "planned",
                starts_on=day,
                first_on=day,
                last_on=day,
                venue=venues[i % 5],
                languages=["de", "tr"],
            )
        )
    activities = Activity.objects.bulk_create(activities)
    ActivityDate.objects.bulk_create(
        ActivityDate(municipality=municipality, activity=a, date=a.starts_on) for a in activities
    )
    ActivityPartner.objects.bulk_create(
        ActivityPartner(
            municipality=municipality, activity=a, organisation=organisations[i % 20], role="lead"
        )
        for i, a in enumerate(activities)
    )
    through = Activity.target_groups.through
    through.objects.bulk_create(
        through(activity_id=a.pk, targetgroup_id=groups[i % 5].pk) for i, a in enumerate(activities)
    )
    return activities
