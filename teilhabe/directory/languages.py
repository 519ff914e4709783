"""Languages an organisation or contact works in (ISO 639-1 codes, German names)."""

LANGUAGES = [
    ("de", "Deutsch"), ("en", "Englisch"), ("ar", "Arabisch"), ("fa", "Persisch (Farsi/Dari)"),
    ("ps", "Paschtu"), ("ku", "Kurdisch"), ("tr", "Türkisch"), ("ru", "Russisch"), ("uk", "Ukrainisch"),
    ("pl", "Polnisch"), ("ro", "Rumänisch"), ("bg", "Bulgarisch"), ("hr", "Kroatisch"), ("sr", "Serbisch"),
    ("bs", "Bosnisch"), ("sq", "Albanisch"), ("hu", "Ungarisch"), ("it", "Italienisch"), ("es", "Spanisch"),
    ("pt", "Portugiesisch"), ("fr", "Französisch"), ("el", "Griechisch"), ("ti", "Tigrinya"),
    ("so", "Somali"), ("am", "Amharisch"), ("vi", "Vietnamesisch"), ("zh", "Chinesisch"), ("hi", "Hindi"),
    ("ur", "Urdu"), ("ka", "Georgisch"), ("hy", "Armenisch"), ("az", "Aserbaidschanisch"),
    ("kk", "Kasachisch"), ("cs", "Tschechisch"), ("sk", "Slowakisch"), ("sl", "Slowenisch"),
    ("nl", "Niederländisch"), ("dgs", "Deutsche Gebärdensprache"), ("ls", "Leichte Sprache"),
]  # fmt: skip

LANGUAGE_NAMES = dict(LANGUAGES)


def language_code(text: str) -> str | None:
    """The code for a code or a German/English name as people type it in a spreadsheet."""
    value = text.strip().lower()
    if value in LANGUAGE_NAMES:
        return value
    for code, name in LANGUAGES:
        if name.lower() == value or name.lower().split(" ")[0] == value:
            return code
    return None
