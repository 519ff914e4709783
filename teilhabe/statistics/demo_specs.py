"""The demo city's target figures: the seed report's table and how it is split.

Invented districts, the foreign citizenships with their weights, and per reference date the figures
of the seed report ("Faktencheck Migration 2020 & 2023") that the demo extracts reproduce exactly
(:mod:`teilhabe.statistics.synthetic` builds the people).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Invented districts of the demo city: (name, share of residents, relative
#: share of residents with migration background).
DISTRICTS: tuple[tuple[str, float, float], ...] = (
    ("Altstadt", 0.07, 1.5),
    ("Neustadt", 0.10, 1.3),
    ("Bahnhofsviertel", 0.06, 1.9),
    ("Am Schlossberg", 0.08, 0.7),
    ("Illerau", 0.11, 1.2),
    ("Mühlbach", 0.09, 0.9),
    ("Lindenhof", 0.10, 1.0),
    ("Sankt Georg", 0.09, 0.8),
    ("Rosenau", 0.08, 1.1),
    ("Bühl", 0.07, 0.6),
    ("Hochfeld", 0.09, 1.0),
    ("Eichwald", 0.06, 0.5),
)


@dataclass(frozen=True)
class DemoSpec:
    """Target figures of one demo extract (the seed table) and their split."""

    reference_date: dt.date
    residents: int
    foreigners: int
    foreigners_eu: int
    asylum_background: int
    #: Germans with migration background by category.
    categories: dict[str, int]
    #: Foreign first citizenships: code -> weight (scaled to the totals).
    eu_weights: dict[str, int]
    third_weights: dict[str, int]
    stateless: int
    unclear: int
    birth_date_format: str = "%Y-%m-%d"

    @property
    def germans_with_migration_background(self) -> int:
        return sum(self.categories.values())

    @property
    def migration_background(self) -> int:
        return self.foreigners + self.germans_with_migration_background


_EU_2020 = {
    "RO": 1400,
    "HU": 720,
    "HR": 700,
    "PL": 650,
    "IT": 600,
    "GR": 300,
    "AT": 280,
    "BG": 260,
    "ES": 80,
    "FR": 70,
    "SK": 70,
    "PT": 60,
    "CZ": 60,
    "NL": 40,
    "SI": 30,
    "LT": 25,
    "LV": 20,
    "BE": 15,
    "SE": 12,
    "FI": 10,
    "IE": 10,
    "DK": 10,
    "EE": 8,
    "LU": 3,
    "CY": 3,
    "MT": 2,
}
_EU_2023 = dict(_EU_2020, RO=1560, HU=760, HR=760, PL=630, IT=600, BG=330)

#: 98 third countries in order of weight; the tail has small counts.
_THIRD_2020 = {
    "TR": 1800,
    "SY": 650,
    "XK": 600,
    "AF": 420,
    "RU": 350,
    "UA": 330,
    "RS": 300,
    "BA": 280,
    "IQ": 260,
    "KZ": 220,
    "MK": 150,
    "ER": 130,
    "IR": 120,
    "NG": 110,
    "AL": 100,
    "CN": 90,
    "IN": 80,
    "SO": 80,
    "VN": 70,
    "US": 60,
    "TH": 50,
    "GE": 50,
    "GB": 45,
    "BR": 45,
    "PK": 45,
    "PH": 40,
    "CH": 40,
    "MD": 40,
    "MA": 40,
    "AM": 35,
    "TN": 35,
    "ME": 30,
    "AZ": 30,
    "BY": 25,
    "EG": 25,
    "DZ": 20,
    "LK": 20,
    "CM": 18,
    "GH": 16,
    "ET": 15,
    "LB": 15,
    "JP": 14,
    "KR": 14,
    "CO": 13,
    "MX": 12,
    "PE": 11,
    "ID": 11,
    "BD": 10,
    "GM": 10,
    "SN": 9,
    "KE": 9,
    "CA": 9,
    "AR": 8,
    "CL": 8,
    "UZ": 8,
    "KG": 7,
    "TJ": 7,
    "MN": 7,
    "JO": 6,
    "IL": 6,
    "VE": 6,
    "EC": 6,
    "CU": 5,
    "DO": 5,
    "LY": 5,
    "SD": 5,
    "GN": 5,
    "CI": 4,
    "TG": 4,
    "BF": 4,
    "ML": 4,
    "AU": 4,
    "NZ": 3,
    "NO": 3,
    "IS": 2,
    "SA": 2,
    "YE": 2,
    "NP": 3,
    "MY": 3,
    "SG": 2,
    "TW": 2,
    "BO": 2,
    "PY": 2,
    "UY": 2,
    "CR": 2,
    "GT": 1,
    "HN": 1,
    "JM": 1,
    "TZ": 1,
    "UG": 1,
    "RW": 1,
    "ZA": 2,
    "AO": 1,
    "MZ": 1,
    "ZW": 1,
    "CD": 2,
    "CG": 1,
    "LI": 1,
}
_THIRD_2023 = dict(_THIRD_2020, UA=1750, SY=800, AF=520, TR=1850, XK=700, IQ=300, GB=48, RU=330)

#: Countries from which people in the demo came seeking protection.
ASYLUM_COUNTRIES = ("SY", "AF", "IQ", "ER", "SO", "IR", "NG", "UA", "XS")

DEMO_SPECS: dict[int, DemoSpec] = {
    2020: DemoSpec(
        reference_date=dt.date(2020, 12, 31),
        residents=70787,
        foreigners=11689,
        foreigners_eu=5284,
        asylum_background=1372,
        categories={
            "naturalised": 5206,
            "ius_soli": 912,
            "born_abroad": 5984,
            "second_citizenship": 1104,
            "family": 2132,
        },
        eu_weights=_EU_2020,
        third_weights=_THIRD_2020,
        stateless=24,
        unclear=41,
        birth_date_format="%Y-%m-%d",
    ),
    2023: DemoSpec(
        reference_date=dt.date(2023, 12, 31),
        residents=72477,
        foreigners=14239,
        foreigners_eu=5767,
        asylum_background=1549,
        categories={
            "naturalised": 5633,
            "ius_soli": 958,
            "born_abroad": 5861,
            "second_citizenship": 1171,
            "family": 2337,
        },
        eu_weights=_EU_2023,
        third_weights=_THIRD_2023,
        stateless=29,
        unclear=47,
        birth_date_format="%d.%m.%Y",
    ),
}
