"""Demo data: the bulletins issues (filled in with that part)."""


def load(municipality):
    return None
