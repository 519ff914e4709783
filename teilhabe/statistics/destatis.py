"""The Destatis keys of nationality and state and the ISO 3166-1 alpha-2 code each stands for.

Register extracts from a Bürgeramt or a city statistics office code every country with the three-digit
keys of the Federal Statistical Office's "Staats- und Gebietssystematik" (``000`` Deutschland, ``121``
Albanien, ``163`` Türkei, ``997`` staatenlos, ``998`` ungeklärt, ``999`` ohne Angabe). The list ships as
data (``data/destatis_keys.csv``, with its version date and source in the header) and maps every key to

- one ISO code (``kind`` *state*; the code list of :mod:`teilhabe.statistics.countries`),
- one special value (``kind`` *special*): ``997`` is ``XS`` (stateless), ``998`` and ``999`` are ``XU``
  (unclear or not stated), or
- *historic* (``kind`` *historic*): a former state (Sowjetunion, Jugoslawien, Tschechoslowakei, Serbien
  und Montenegro …). It is valid where a past state is meaningful (birth country, the state a person moved
  from) and reported in a current citizenship. Its ``eu_successor`` is the successor that decides EU
  membership where that is defined (all successors share it: Tschechoslowakei -> CZ, Serbien und
  Montenegro -> RS); empty where successors differ (Sowjetunion, the old Jugoslawien).

Spreadsheets drop leading zeros: ``0`` and ``00`` are read as ``000``. Nothing else is padded: ``99``
would be ``099``, which is no key, so it is reported.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "destatis_keys.csv"

STATE = "state"
SPECIAL = "special"
HISTORIC = "historic"
KINDS = (STATE, SPECIAL, HISTORIC)

#: The key of Germany and the keys that name no state (stateless, unclear, not stated).
GERMANY_KEY = "000"
NOT_A_STATE_KEYS = ("997", "998", "999")


@dataclass(frozen=True)
class DestatisKey:
    key: str
    name: str
    iso: str | None
    kind: str
    eu_successor: str | None
    note: str

    @property
    def eu_code(self) -> str | None:
        """The ISO code whose EU membership this key has (None where it is not defined)."""
        return self.iso if self.kind != HISTORIC else self.eu_successor


@dataclass(frozen=True)
class KeyList:
    version: str
    source: str
    keys: dict[str, DestatisKey]


@cache
def key_list() -> KeyList:
    """The shipped key list (read once per process)."""
    meta: dict[str, str] = {}
    rows = []
    with open(DATA_FILE, encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("#"):
                name, _sep, value = line[1:].partition(":")
                if name.strip() in ("version", "source"):
                    meta[name.strip()] = value.strip()
                continue
            rows.append(line)
    keys = {}
    for row in csv.DictReader(rows, delimiter=";"):
        keys[row["key"]] = DestatisKey(
            key=row["key"],
            name=row["name"],
            iso=row["iso"] or None,
            kind=row["kind"],
            eu_successor=row["eu_successor"] or None,
            note=row["note"],
        )
    return KeyList(version=meta.get("version", ""), source=meta.get("source", ""), keys=keys)


def keys() -> dict[str, DestatisKey]:
    return key_list().keys


@cache
def spellings(*, historic: bool) -> dict[str, str]:
    """Every accepted spelling -> key: the keys themselves and ``0``/``00`` for ``000``.

    ``historic=False`` leaves out the former states (current citizenship).
    """
    out = {k: k for k, v in keys().items() if historic or v.kind != HISTORIC}
    out.update({"0": GERMANY_KEY, "00": GERMANY_KEY})
    return out


def canonical_key(value: str, *, historic: bool = True) -> str | None:
    """The key a cell means (``"0"`` -> ``"000"``), or None if it is no (accepted) key."""
    return spellings(historic=historic).get(value.strip())


def to_iso(key: str) -> str | None:
    """ISO code (or ``XS``/``XU``) of a key; None for a former state or an unknown key."""
    entry = keys().get(canonical_key(key) or "")
    return entry.iso if entry else None


def is_historic(key: str) -> bool:
    entry = keys().get(canonical_key(key) or "")
    return bool(entry and entry.kind == HISTORIC)


def looks_like_key(value: str) -> bool:
    """A value written in the Destatis system (digits), as opposed to an ISO code (letters)."""
    return value.strip().isdigit()
