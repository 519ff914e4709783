"""Unknown organisations in a concept import become a choice: a proposed kind, the closest existing names, and
one group for the spellings of one organisation.

Plain functions over names, no database access: the import (`importing`) calls them for the names the
directory does not know, the preview shows the result, and the office decides each group.

    guess_kind("Amt für Jugendarbeit")            -> "department"
    guess_kind("Caritasverband Musterstadt e.V.") -> "partner"
    guess_kind("Ukrainischer Verein")             -> "community"
    group_key("Kultur-Amt") == group_key("Kulturamt")
    closest("Amt f. Jugendarbeit", ["Amt für Jugendarbeit", "Kulturamt"]) -> ["Amt für Jugendarbeit"]
"""

import difflib
import re

from teilhabe.sheets.layout import fold

DEPARTMENT, PARTNER, COMMUNITY = "department", "partner", "community"

# Words of the city's own administration (folded: umlauts spelled out, lower case).
_DEPARTMENT = re.compile(
    r"amt\b|aemter\b|^amt |referat|dezernat|fachbereich|fachdienst|abteilung|stabsstelle|stadtbibliothek|"
    r"bibliothek|stadtbuecherei|volkshochschule|\bvhs\b|buero|\bob\b|oberbuergermeister|buergermeister|"
    r"stadtverwaltung|rathaus|stadtarchiv|museum|stadtwerke|eigenbetrieb|kommunal|staedtisch|^stadt "
)
# Outside organisations: associations, welfare organisations, job centre, hospitals, schools, companies.
_PARTNER = re.compile(
    r"\be\.? ?v\b|caritas|diakon|\bawo\b|arbeiterwohlfahrt|jobcenter|agentur fuer arbeit|arbeitsagentur|"
    r"klinik|krankenhaus|gmbh|\bggmbh\b|stiftung|kirche|pfarr|\bihk\b|\bhwk\b|handwerkskammer|verband|\bdrk\b|"
    r"rotes kreuz|paritaet|schule|\bkita\b|universitaet|hochschule|polizei|landratsamt|bundesamt|\bbamf\b|"
    r"malteser|johanniter|netzwerk|initiative|\bgbr\b|\bag\b"
)
# A migrant community association: an association word with an origin ("Ukrainischer Verein", "Afrikanische
# Gemeinde", "Syrische Community").
_ASSOCIATION = re.compile(r"verein|gemeinde|communit|\be\.? ?v\b|zentrum|union|forum|club|treff")
_ORIGIN_WORDS = re.compile(r"communit|migrant|diaspora|exil|gefluechtet")
# Adjectives in -isch that name no origin.
_NOT_ORIGIN = {"staedtisch", "evangelisch", "katholisch", "diakonisch", "oekumenisch", "medizinisch", "politisch",
               "paedagogisch", "psychologisch", "sozialpaedagogisch", "juedisch", "christlich", "musikalisch",
               "kritisch", "praktisch", "technisch", "kaufmaennisch", "juristisch"}  # fmt: skip


def _names_an_origin(folded: str) -> bool:
    for word in re.findall(r"[a-z]+", folded):
        stem = re.sub(r"isch(e[rsnm]?)?$", "isch", word)
        if stem.endswith("isch") and stem not in _NOT_ORIGIN:
            return True
    return bool(_ORIGIN_WORDS.search(folded))


def guess_kind(name: str) -> str:
    """The proposed kind of an unknown organisation, from words of its name; a partner when nothing fits."""
    folded = fold(name)
    if _ASSOCIATION.search(folded) and _names_an_origin(folded):
        return COMMUNITY
    if _DEPARTMENT.search(folded) and not re.search(r"\be\.? ?v\b|gmbh|verband|stiftung", folded):
        return DEPARTMENT
    return PARTNER


def group_key(name: str) -> str:
    """What the spellings of one organisation share: folded, letters and digits only ("Kultur-Amt",
    "Kulturamt", "KULTURAMT " and "Kultur Amt" are one group)."""
    return re.sub(r"[^0-9a-z]", "", fold(_expand(name)))


# Abbreviations offices write in concept sheets, spelled out before names are compared.
_ABBREVIATIONS = [
    (r"\bf\.\s*", "für "),
    (r"\bfr\.\s*", "für "),
    (r"\bu\.\s*", "und "),
    (r"\bstr\.\s*", "straße "),
    (r"\bdt\.\s*", "deutsch "),
    (r"\bev\b", "e.V."),
    (r"&", " und "),
]


def _expand(name: str) -> str:
    text = " %s " % name
    for pattern, replacement in _ABBREVIATIONS:
        text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
    return " ".join(text.split())


def _comparable(name: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", fold(_expand(name))))


def closest(name: str, candidates: list[str], limit: int = 3) -> list[str]:
    """The existing names closest to `name` (difflib's ratio on the names with abbreviations spelled out),
    best first; names that contain the other as a whole word count too."""
    wanted = _comparable(name)
    if not wanted:
        return []
    scored = []
    for candidate in candidates:
        other = _comparable(candidate)
        if not other:
            continue
        ratio = difflib.SequenceMatcher(None, wanted, other).ratio()
        contains = len(wanted) >= 5 and (f" {wanted} " in f" {other} " or f" {other} " in f" {wanted} ")
        if ratio >= 0.72 or contains:
            scored.append((max(ratio, 0.8 if contains else 0), candidate))
    scored.sort(key=lambda item: (-item[0], item[1]))
    seen, names = set(), []
    for _score, candidate in scored:
        if candidate not in seen:
            seen.add(candidate)
            names.append(candidate)
    return names[:limit]


# --- the groups the preview shows, and the office's decisions -------------------------------------------


def group_unknown(unknown: dict[str, list[int]], organisations) -> list[dict]:
    """Unknown names (sheet spelling -> rows, in sheet order) as groups, one per organisation: its spellings,
    rows, the proposed kind and the closest existing organisations. Plain JSON for the job's result."""
    names = {o.name: o.pk for o in organisations}
    groups: dict[str, dict] = {}
    for name, rows in unknown.items():
        key = group_key(name)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {
                "key": key,
                "name": name,
                "spellings": [],
                "rows": [],
                "kind": guess_kind(name),
            }
        if name not in group["spellings"]:
            group["spellings"].append(name)
        group["rows"] = sorted(set(group["rows"]) | set(rows))
    for group in groups.values():
        close: list[str] = []
        for spelling in group["spellings"]:
            close += [c for c in closest(spelling, list(names)) if c not in close]
        group["suggestions"] = [{"id": names[c], "name": c} for c in close[:3]]
    return list(groups.values())


KINDS = (DEPARTMENT, PARTNER, COMMUNITY)


def parse_choice(value: str, organisation_ids: set[int]) -> dict | None:
    """One decision from the preview's form: "create:department" or "map:17" (an organisation of this
    municipality); None for anything else."""
    action, _sep, argument = str(value or "").partition(":")
    if action == "create" and argument in KINDS:
        return {"create": argument}
    if action == "map" and argument.isdigit() and int(argument) in organisation_ids:
        return {"map": int(argument)}
    return None
