"""The result of one fact check: headline figures and breakdowns.

Plain data, no Django: the command prints it, the store saves it as indicator
rows (:meth:`FactCheckResult.indicator_rows`), the benchmark times it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Categories of Germans with migration background, in the order of the rule:
#: the first that applies is the person's category.
CATEGORIES: tuple[str, ...] = (
    "naturalised",
    "ius_soli",
    "born_abroad",
    "second_citizenship",
    "family",
)

#: Age groups (full years at the reference date) as (key, lowest, highest).
AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0-5", 0, 5),
    ("6-14", 6, 14),
    ("15-17", 15, 17),
    ("18-24", 18, 24),
    ("25-44", 25, 44),
    ("45-64", 45, 64),
    ("65+", 65, None),
)
AGE_GROUP_KEYS: tuple[str, ...] = tuple(key for key, _lo, _hi in AGE_GROUPS)

#: The age pyramid's equal five-year bands (0–4, 5–9, … 80–84, 85+) as (key, lowest, highest).
PYRAMID_BANDS: tuple[tuple[str, int, int | None], ...] = tuple(
    (f"{lo}-{lo + 4}", lo, lo + 4) for lo in range(0, 85, 5)
) + (("85+", 85, None),)
PYRAMID_BAND_KEYS: tuple[str, ...] = tuple(key for key, _lo, _hi in PYRAMID_BANDS)


def _age_classes():
    """The engine counts by the finest split both need: a class lies in exactly one age group and one
    pyramid band (0–4, 5, 6–9, 10–14, 15–17, 18–19, 20–24, …), so both are sums of classes."""
    starts = sorted({lo for _key, lo, _hi in AGE_GROUPS} | {lo for _key, lo, _hi in PYRAMID_BANDS})
    classes = []
    for lo, following in zip(starts, starts[1:] + [None], strict=True):
        hi = following - 1 if following is not None else None
        classes.append((f"{lo}-{hi}" if hi is not None else f"{lo}+", lo, hi))
    return tuple(classes)


def _containing(groups, lo):
    return next(key for key, g_lo, g_hi in groups if g_lo <= lo and (g_hi is None or lo <= g_hi))


#: (key, lowest, highest) of the engine's age classes, and the age group and pyramid band of each.
AGE_CLASSES: tuple[tuple[str, int, int | None], ...] = _age_classes()
AGE_CLASS_KEYS: tuple[str, ...] = tuple(key for key, _lo, _hi in AGE_CLASSES)
AGE_GROUP_OF: dict[str, str] = {key: _containing(AGE_GROUPS, lo) for key, lo, _hi in AGE_CLASSES}
PYRAMID_BAND_OF: dict[str, str] = {key: _containing(PYRAMID_BANDS, lo) for key, lo, _hi in AGE_CLASSES}

#: Status of a resident, used as the split of every breakdown.
STATUSES: tuple[str, ...] = ("german_without_mb", "german_with_mb", "foreigner")

SEXES: tuple[str, ...] = ("m", "w", "d", "o", "")

#: Headline figures, in the order of the JSON output.
HEADLINE_KEYS: tuple[str, ...] = (
    "residents",
    "nationalities",
    "migration_background",
    "foreigners",
    "foreigners_eu",
    "foreigners_third_country",
    "germans_with_migration_background",
    "asylum_background",
    "immigration_history",
    "immigration_history_one_sided",
)

#: Kinds of Einwanderungsgeschichte (rules E1–E3): immigrated themselves, both parents immigrated
#: (both counted), one parent immigrated (shown, not counted).
HISTORY_KINDS: tuple[str, ...] = ("self", "parents", "one_sided")


@dataclass
class FactCheckResult:
    reference_date: dt.date
    residents: int
    nationalities: int
    migration_background: int
    foreigners: int
    foreigners_eu: int
    foreigners_third_country: int
    germans_with_migration_background: int
    asylum_background: int
    by_category: dict[str, int]
    #: Einwanderungsgeschichte: immigrated themselves or both parents (E1 + E2); one parent (E3).
    immigration_history: int = 0
    immigration_history_one_sided: int = 0
    #: history kind (see :data:`HISTORY_KINDS`) -> count.
    by_history: dict[str, int] = field(default_factory=dict)
    #: (district, status) -> count; district "" when the extract has none.
    by_district: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (sex, status) -> count; sex "" when unknown.
    by_sex: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (age group, status) -> count.
    by_age_group: dict[tuple[str, str], int] = field(default_factory=dict)
    #: citizenship code -> count, foreigners only, largest first.
    by_nationality: dict[str, int] = field(default_factory=dict)
    #: district -> (immigration history, one-sided immigration history).
    by_district_history: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (district, citizenship code) -> count, foreigners only (the district map by nationality).
    by_district_nationality: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (age group, sex, has migration background) -> count.
    pyramid: dict[tuple[str, str, bool], int] = field(default_factory=dict)
    #: Every header of the file in file order with the canonical column it was read as (None: not used).
    columns: list[tuple[str, str | None]] = field(default_factory=list)

    def headline(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in HEADLINE_KEYS}

    def as_json(self) -> dict:
        """The ``--json`` output of the command."""
        data: dict = {"reference_date": self.reference_date.isoformat()}
        data.update(self.headline())
        data["germans_with_migration_background_by_category"] = {
            key: self.by_category.get(key, 0) for key in CATEGORIES
        }
        data["immigration_history_by_kind"] = {key: self.by_history.get(key, 0) for key in HISTORY_KINDS}
        return data

    def top_nationalities(self, n: int = 20) -> list[tuple[str, int]]:
        items = sorted(self.by_nationality.items(), key=lambda kv: (-kv[1], kv[0]))
        return items[:n]

    def by_district_totals(self) -> dict[str, dict[str, int]]:
        """district -> residents, migration_background, foreigners, germans_with_migration_background."""
        out: dict[str, dict[str, int]] = {}
        for (district, status), value in self.by_district.items():
            row = out.setdefault(
                district,
                {
                    "residents": 0,
                    "migration_background": 0,
                    "foreigners": 0,
                    "germans_with_migration_background": 0,
                    "immigration_history": self.by_district_history.get(district, (0, 0))[0],
                    "immigration_history_one_sided": self.by_district_history.get(district, (0, 0))[1],
                },
            )
            row["residents"] += value
            if status != "german_without_mb":
                row["migration_background"] += value
            if status == "foreigner":
                row["foreigners"] += value
            if status == "german_with_mb":
                row["germans_with_migration_background"] += value
        return out

    def indicator_rows(self) -> list[tuple[str, str, str, str, str, int]]:
        """All figures as (indicator, dimension, area, group, category, value) rows.

        ``dimension`` names the breakdown ("" for the headline figures), ``area`` the district
        ("" = whole city), ``group`` the breakdown's value (sex, age group, citizenship code,
        category) and ``category`` the split by status (one of :data:`STATUSES`) or, in the
        age pyramid, "<sex>:mb" / "<sex>:no_mb".
        """
        rows: list[tuple[str, str, str, str, str, int]] = []
        for key, value in self.headline().items():
            rows.append((key, "", "", "", "", value))
        for key in CATEGORIES:
            rows.append(
                ("germans_with_migration_background", "category", "", key, "", self.by_category.get(key, 0))
            )
        for district, figures in sorted(self.by_district_totals().items()):
            for key, value in figures.items():
                rows.append((key, "district", district, "", "", value))
        for key in HISTORY_KINDS:
            rows.append(("immigration_history", "history", "", key, "", self.by_history.get(key, 0)))
        for (district, code), value in sorted(self.by_district_nationality.items()):
            rows.append(("foreigners", "district_nationality", district, code, "", value))
        for (sex, status), value in sorted(self.by_sex.items()):
            rows.append(("residents", "sex", "", sex, status, value))
        for (group, status), value in sorted(self.by_age_group.items()):
            rows.append(("residents", "age_group", "", group, status, value))
        for code, value in sorted(self.by_nationality.items()):
            rows.append(("foreigners", "nationality", "", code, "", value))
        for (group, sex, mb), value in sorted(self.pyramid.items()):
            rows.append(("residents", "pyramid", "", group, "%s:%s" % (sex, "mb" if mb else "no_mb"), value))
        return rows
