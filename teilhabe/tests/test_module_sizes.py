"""Small files whose names say what they hold: no module of Teilhabe's code is longer than 500 lines (#12 §6).
Migrations are generated; tests may be longer."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 500


def test_no_module_is_longer_than_500_lines():
    long = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > LIMIT:
            long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not long, "split by what they hold:\n" + "\n".join(long)
