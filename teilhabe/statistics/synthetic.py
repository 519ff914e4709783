"""Synthetic register extracts of the demo city, built person by person.

The generator is deterministic: the same arguments give the same file.

``write_demo_extract`` builds, person by person, the extract of a mid-sized
Bavarian city (invented districts) whose derived figures are *exactly* the
table of the seed report ("Faktencheck Migration 2020 & 2023"). It exercises
every rule: naturalised Germans, ius soli children, late repatriates born
abroad, Germans with a second citizenship, children whose migration
background comes from a parent at the same address, children that do *not*
get one (parent at another address, parent not in the file), stateless and
unclear citizenships, and in 2020 British citizens, who are a third country
on 31.12.2020.

The target figures are in :mod:`teilhabe.statistics.demo_specs`; the benchmark's
large files come from :mod:`teilhabe.statistics.large_extract`; the same people
written the way a Bürgeramt exports them from :mod:`teilhabe.statistics.register_export`.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from .countries import eu_members_on
from .demo_specs import ASYLUM_COUNTRIES, DEMO_SPECS, DISTRICTS, DemoSpec
from .extract import CANONICAL_COLUMNS

__all__ = ["DEMO_SPECS", "DISTRICTS", "allocate", "demo_rows", "write_demo_extract"]

COLUMNS = CANONICAL_COLUMNS

# Age bands (lowest, highest, weight) per kind of person.
_AGES = {
    "native": ((0, 5, 4), (6, 14, 7), (15, 17, 3), (18, 24, 7), (25, 44, 22), (45, 64, 31), (65, 96, 26)),
    "native_adult": ((25, 44, 45), (45, 64, 55)),
    "foreigner": ((0, 5, 7), (6, 14, 9), (15, 17, 3), (18, 24, 13), (25, 44, 43), (45, 64, 19), (65, 90, 6)),
    "foreign_adult": ((22, 44, 80), (45, 55, 20)),
    "naturalised": ((6, 17, 6), (18, 24, 8), (25, 44, 36), (45, 64, 35), (65, 92, 15)),
    "born_abroad": ((18, 24, 3), (25, 44, 27), (45, 64, 40), (65, 96, 30)),
    "second_citizenship": ((0, 17, 30), (18, 44, 45), (45, 80, 25)),
    "child": ((0, 5, 35), (6, 14, 45), (15, 17, 20)),
}


def allocate(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split ``total`` over the keys in proportion to ``weights``, at least 1
    each (largest remainder); the sum is exactly ``total``."""
    keys = list(weights)
    if total < len(keys):
        raise ValueError("total too small for one each")
    rest = total - len(keys)
    weight_sum = sum(weights.values())
    shares = {k: rest * weights[k] / weight_sum for k in keys}
    counts = {k: 1 + int(shares[k]) for k in keys}
    missing = total - sum(counts.values())
    for k in sorted(keys, key=lambda k: (-(shares[k] - int(shares[k])), k))[:missing]:
        counts[k] += 1
    return counts


class _Builder:
    """Builds the persons of one demo extract."""

    def __init__(self, spec: DemoSpec, seed: int):
        self.spec = spec
        self.rng = random.Random(seed)
        self.rows: list[dict[str, str]] = []
        self.next_id = 1
        self.next_address = 1
        names = [d[0] for d in DISTRICTS]
        self._district_names = names
        self._w_native = [d[1] for d in DISTRICTS]
        self._w_mb = [d[1] * d[2] for d in DISTRICTS]

    def new_id(self) -> str:
        pid = "P%07d" % self.next_id
        self.next_id += 1
        return pid

    def new_address(self) -> str:
        aid = "A%06d" % self.next_address
        self.next_address += 1
        return aid

    def district(self, with_mb: bool) -> str:
        return self.rng.choices(self._district_names, self._w_mb if with_mb else self._w_native)[0]

    def age(self, kind: str) -> int:
        bands = _AGES[kind]
        lo, hi, _w = self.rng.choices(bands, [b[2] for b in bands])[0]
        return self.rng.randint(lo, hi)

    def birth_date(self, age: int) -> str:
        """A birth date that gives exactly ``age`` full years at the reference date."""
        d = self.spec.reference_date
        year = d.year - age
        start = dt.date(year, 1, 1)
        try:
            last = dt.date(year, d.month, d.day)
        except ValueError:  # 29 February in a common year
            last = dt.date(year, 2, 28)
        day = start + dt.timedelta(days=self.rng.randint(0, (last - start).days))
        return day.strftime(self.spec.birth_date_format)

    def sex(self) -> str:
        r = self.rng.random()
        return "m" if r < 0.493 else ("w" if r < 0.998 else "d")

    def add(self, *, age: int, citizenship: str, district: str, address: str, **fields) -> dict:
        row = {c: "" for c in COLUMNS}
        row.update(
            person_id=self.new_id(),
            birth_date=self.birth_date(age),
            sex=self.sex(),
            district=district,
            citizenship=citizenship,
            address_id=address,
            naturalised="0",
            ius_soli="0",
            asylum_background="0",
        )
        row.update({k: v for k, v in fields.items() if v is not None})
        row["_age"] = age
        self.rows.append(row)
        return row

    # -- kinds of person -----------------------------------------------

    def foreigners(self) -> list[dict]:
        spec = self.spec
        eu_now = eu_members_on(spec.reference_date)
        eu_codes = {c: w for c, w in spec.eu_weights.items() if c in eu_now}
        third = {c: w for c, w in spec.third_weights.items() if c not in eu_now}
        assert "GB" not in eu_codes or spec.reference_date <= dt.date(2020, 1, 31)
        counts = allocate(spec.foreigners_eu, eu_codes)
        third_total = spec.foreigners - spec.foreigners_eu - spec.stateless - spec.unclear
        counts.update(allocate(third_total, third))
        counts["XS"] = spec.stateless
        counts["XU"] = spec.unclear
        made = []
        for code, count in counts.items():
            for _i in range(count):
                age = self.age("foreigner")
                born_here = age < 18 and self.rng.random() < 0.35
                made.append(
                    self.add(
                        age=age,
                        citizenship=code,
                        district=self.district(True),
                        address=self.new_address(),
                        birth_country="DE" if born_here else (code if code not in ("XS", "XU") else ""),
                        immigrated_from="" if born_here else (code if code not in ("XS", "XU") else ""),
                        second_citizenship="RU" if code == "UA" and self.rng.random() < 0.02 else "",
                    )
                )
        return made

    def germans_with_own_background(self) -> list[dict]:
        c = self.spec.categories
        rng = self.rng
        made = []
        for _i in range(c["naturalised"]):
            origin = rng.choice(
                ("TR", "TR", "TR", "XK", "RO", "PL", "HR", "RU", "KZ", "IQ", "SY", "BA", "IT")
            )
            made.append(
                self.add(
                    age=self.age("naturalised"),
                    citizenship="DE",
                    district=self.district(True),
                    address=self.new_address(),
                    naturalised=rng.choice(("1", "ja", "1")),
                    birth_country=origin if rng.random() < 0.8 else "DE",
                    second_citizenship=origin if rng.random() < 0.3 else "",
                )
            )
        for _i in range(c["born_abroad"]):
            origin = rng.choice(("KZ", "KZ", "RU", "RU", "RO", "PL", "UA", "KG", "CZ", "AT", "US", "CH"))
            made.append(
                self.add(
                    age=self.age("born_abroad"),
                    citizenship="DE",
                    district=self.district(True),
                    address=self.new_address(),
                    birth_country=origin,
                    immigrated_from=origin if rng.random() < 0.7 else "",
                )
            )
        for _i in range(c["second_citizenship"]):
            made.append(
                self.add(
                    age=self.age("second_citizenship"),
                    citizenship="DE",
                    district=self.district(True),
                    address=self.new_address(),
                    birth_country="DE" if rng.random() < 0.7 else "",
                    second_citizenship=rng.choice(("US", "TR", "IT", "PL", "GR", "RU", "FR", "GB", "AT")),
                )
            )
        return made

    def ius_soli_children(self, parents: list[dict]) -> None:
        rng = self.rng
        max_age = self.spec.reference_date.year - 2000
        for _i in range(self.spec.categories["ius_soli"]):
            parent = rng.choice(parents)
            self.add(
                age=rng.randint(0, max_age),
                citizenship="DE",
                district=parent["district"],
                address=parent["address_id"],
                ius_soli=rng.choice(("1", "ja", "true")),
                birth_country="DE",
                second_citizenship=parent["citizenship"] if rng.random() < 0.5 else "",
                parent1_id=parent["person_id"],
            )

    def family_children(self, parents: list[dict], natives: list[dict]) -> None:
        """Rule 3: German children without own background whose parent has one."""
        rng = self.rng
        for i in range(self.spec.categories["family"]):
            parent = rng.choice(parents)
            other = rng.choice(natives) if rng.random() < 0.4 else None
            no_address = i % 25 == 0  # child's address unknown: rule still applies
            self.add(
                age=self.age("child"),
                citizenship="DE",
                district=parent["district"],
                address="" if no_address else parent["address_id"],
                birth_country="DE" if rng.random() < 0.9 else "",
                parent1_id=parent["person_id"],
                parent2_id=other["person_id"] if other else "",
            )

    def natives(self, n: int, mb_parents: list[dict]) -> None:
        """Germans without migration background, including children that look
        like family cases but are not (parent elsewhere, parent not in file)."""
        rng = self.rng
        adults = []
        made = 0
        decoys_elsewhere = 37
        decoys_missing = 23
        while made < n:
            kind_roll = rng.random()
            if decoys_elsewhere and kind_roll < 0.01:
                # Parent with background, but both addresses known and different.
                parent = rng.choice(mb_parents)
                self.add(
                    age=self.age("child"),
                    citizenship="DE",
                    district=self.district(False),
                    address=self.new_address(),
                    birth_country="DE",
                    parent1_id=parent["person_id"],
                )
                decoys_elsewhere -= 1
            elif decoys_missing and kind_roll < 0.02:
                # Parent id that is not in the file (moved away, died).
                self.add(
                    age=self.age("child"),
                    citizenship="DE",
                    district=self.district(False),
                    address=self.new_address(),
                    birth_country="DE",
                    parent1_id="P9%06d" % rng.randint(0, 999999),
                )
                decoys_missing -= 1
            else:
                age = self.age("native")
                if age < 18 and adults:
                    parent = rng.choice(adults)
                    row = self.add(
                        age=age,
                        citizenship="DE",
                        district=parent["district"],
                        address=parent["address_id"],
                        birth_country="DE" if rng.random() < 0.85 else "",
                        parent1_id=parent["person_id"],
                    )
                else:
                    row = self.add(
                        age=age,
                        citizenship="DE",
                        district=self.district(False),
                        address=self.new_address()
                        if rng.random() < 0.7 or not adults
                        else rng.choice(adults)["address_id"],
                        birth_country="DE" if rng.random() < 0.85 else "",
                    )
                    if 25 <= age <= 55:
                        adults.append(row)
            made += 1

    def mark_asylum(self, foreigners: list[dict], naturalised: list[dict]) -> None:
        pool = [r for r in foreigners if r["citizenship"] in ASYLUM_COUNTRIES]
        self.rng.shuffle(pool)
        from_naturalised = [r for r in naturalised if r["birth_country"] in ("SY", "IQ")][:40]
        target = self.spec.asylum_background
        chosen = from_naturalised + pool[: target - len(from_naturalised)]
        assert len(chosen) == target, "not enough people from asylum countries"
        for row in chosen:
            row["asylum_background"] = self.rng.choice(("1", "1", "ja"))


def demo_rows(year: int, seed: int = 2024) -> list[dict[str, str]]:
    """All persons of the demo extract for ``year`` (2020 or 2023), shuffled."""
    spec = DEMO_SPECS[year]
    b = _Builder(spec, seed * 10000 + year)
    foreigners = b.foreigners()
    own = b.germans_with_own_background()
    adults_mb = [r for r in foreigners + own if 22 <= r["_age"] <= 50]
    foreign_adults = [r for r in foreigners if 22 <= r["_age"] <= 50 and r["citizenship"] not in ("XS", "XU")]
    b.ius_soli_children(foreign_adults)
    native_parents_start = len(b.rows)
    n_native = spec.residents - spec.foreigners - spec.germans_with_migration_background
    b.natives(n_native, adults_mb)
    natives = [r for r in b.rows[native_parents_start:] if 25 <= r["_age"] <= 55 and not r["parent1_id"]]
    b.family_children(adults_mb, natives)
    b.mark_asylum(foreigners, [r for r in own if r["naturalised"] != "0"])
    rows = b.rows
    b.rng.shuffle(rows)
    return rows


def write_demo_extract(year: int, path: str | Path, seed: int = 2024) -> Path:
    """Write the demo extract for ``year`` as a UTF-8 CSV with ``;``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = demo_rows(year, seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(
            f, fieldnames=COLUMNS, delimiter=";", extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    return path
