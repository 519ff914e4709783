"""Counted words go through ngettext / {% blocktranslate count %}, not "Maßnahme(n)" or "Benutzerkonto/-konten"
(#12 §4): the source and the English catalogue hold no such makeshift plural."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKESHIFT = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]+\((?:n|en|e)\)|[a-z]{3,}\(s\) (?!(?:if|else|for|and|or|in)\b)[a-z]|[a-zäöüß]/-[a-zäöüß]"
)


def test_no_makeshift_plurals_in_the_interface():
    found = []
    for path in sorted(ROOT.rglob("*")):
        if (
            path.suffix not in (".py", ".html", ".txt", ".po")
            or "tests" in path.parts
            or "testing" in path.parts
        ):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#") and path.suffix != ".html":
                continue
            if MAKESHIFT.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "use ngettext or {% blocktranslate count %}:\n" + "\n".join(found)


def test_the_pattern_itself():
    assert MAKESHIFT.search("bei 2 Maßnahme(n) federführend")
    assert MAKESHIFT.search("2 Benutzerkonto/-konten")
    assert MAKESHIFT.search("3 upload(s) deleted.")
    assert MAKESHIFT.search("Pflichtspalte(n) fehlen")
    for code in (
        "sum(n) FROM cube",
        "Seite %(number)s von %(total)s",
        "len(s) >= 3",
        "str(e) for e in",
        "get(s) if isinstance(s, str) else s",
    ):
        assert not MAKESHIFT.search(code)
