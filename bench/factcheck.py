"""Benchmark of the fact check engine (issue 14): ``teilhabe factcheck`` against the bare DuckDB read.

Usage::

    .venv/bin/python bench/factcheck.py                    # 2M and 10M rows, 3 rounds
    .venv/bin/python bench/factcheck.py --sizes 2000000 --rounds 5

For each size it generates (once, cached under var/bench/ or ``$BENCH_DIR``) a synthetic register extract in today's
format (ISO codes, canonical headers) and the same people as a Bürgeramt export (German headers,
Destatis keys, dates TT.MM.JJJJ, sex as digits, J/empty). Then, side by side in one run and in turns
(floor, ISO, Bürgeramt, floor, ...), each as its own process with **process start included**:

- ``floor``: ``python -c`` running DuckDB's
  ``SELECT count(*), count(DISTINCT citizenship), min(birth_date) FROM read_csv(FILE)`` (as the issue
  defines it),
- ``all``: the least any fact check must do, for reference: the same ``python -c``, reading *every* column
  and counting the distinct hashes of ``person_id`` (the duplicate check), no rule at all,
- ``iso``: ``teilhabe factcheck FILE --date 2023-12-31 --json``,
- ``register``: the same on the Bürgeramt file,

each with wall time and peak memory (``/usr/bin/time``-style, from the child's rusage). It prints the
median and the fastest round and the ratios against the targets: 2M rows at most 2.5x the floor,
10M rows at most 2x and under 2 GB, the Bürgeramt file at most 10 % slower than the ISO one. The
machine is shared: the figures are only as steady as its load (printed at start and end).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REFERENCE_DATE = dt.date(2023, 12, 31)
#: Where the generated extracts are kept (``BENCH_DIR`` overrides it, e.g. ``/tmp/bench``).
CACHE = Path(os.environ.get("BENCH_DIR") or ROOT / "var" / "bench")


# --- the pandas peer (kept for the tests: the same rules in plain pandas) ---------------


def pandas_factcheck(path: str, reference_date: dt.date) -> dict:
    """The same rules in plain pandas (the peer of the benchmark)."""
    import numpy as np
    import pandas as pd

    from teilhabe.statistics.countries import NON_STATE_CODES, VALID_CODES, eu_members_on

    if path.endswith(".parquet"):
        df = pd.read_parquet(path).astype(str).replace({"None": "", "nan": ""})
    else:
        df = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    df.columns = [c.strip().lower() for c in df.columns]

    def text(col: str) -> pd.Series:
        return df[col].fillna("").str.strip() if col in df else pd.Series("", index=df.index)

    cit = text("citizenship").str.upper()
    second = text("second_citizenship").str.upper()
    born = text("birth_country").str.upper()
    truthy = ["1", "ja", "j", "true", "wahr", "yes", "y", "x"]
    falsy = ["", "0", "nein", "n", "false", "falsch", "no"]
    bools = {}
    for col in ("naturalised", "ius_soli", "asylum_background"):
        v = text(col).str.lower()
        if not v.isin(truthy + falsy).all():
            raise ValueError("invalid boolean in " + col)
        bools[col] = v.isin(truthy)
    raw = text("birth_date")
    birth = pd.to_datetime(raw, format="%Y-%m-%d", errors="coerce")
    birth = birth.fillna(pd.to_datetime(raw, format="%d.%m.%Y", errors="coerce"))
    if birth.isna().any() or (birth > pd.Timestamp(reference_date)).any():
        raise ValueError("bad birth dates")
    for s in (cit, second, born, text("immigrated_from").str.upper()):
        if not s[s != ""].isin(VALID_CODES).all():
            raise ValueError("unknown country code")
    if df["person_id"].duplicated().any():
        raise ValueError("duplicate person_id")

    md = reference_date.month * 100 + reference_date.day
    age = reference_date.year - birth.dt.year - ((birth.dt.month * 100 + birth.dt.day) > md)
    not_country = ["DE", "XS", "XU"]
    category = np.select(
        [
            cit != "DE",
            bools["naturalised"],
            bools["ius_soli"],
            (born != "") & ~born.isin(not_country),
            (second != "") & ~second.isin(not_country),
        ],
        ["foreigner", "naturalised", "ius_soli", "born_abroad", "second_citizenship"],
        default="none",
    )
    df["category"] = category
    df["age"] = age
    address = text("address_id")
    df["address"] = address
    kids = df[(df["age"] < 18) & (df["category"] == "none")]
    kids = kids.melt(
        id_vars=["person_id", "address"], value_vars=["parent1_id", "parent2_id"], value_name="parent"
    )
    kids = kids[kids["parent"].fillna("") != ""]
    parents = df.loc[df["category"] != "none", ["person_id", "address"]]
    joined = kids.merge(parents, left_on="parent", right_on="person_id", suffixes=("", "_p"))
    ok = (joined["address"] == "") | (joined["address_p"] == "") | (joined["address"] == joined["address_p"])
    family_ids = set(joined.loc[ok, "person_id"])
    df.loc[df["person_id"].isin(family_ids), "category"] = "family"

    bins = [-1, 5, 14, 17, 24, 44, 64, 200]
    df["age_group"] = pd.cut(df["age"], bins=bins, labels=False)
    df["asylum"] = bools["asylum_background"]
    df["citizenship"] = cit
    cube = df.groupby(
        ["district", "sex", "age_group", "citizenship", "category", "asylum"], dropna=False
    ).size()
    cube = cube[cube > 0].reset_index(name="n")
    eu = eu_members_on(reference_date)
    foreign = cube[cube["category"] == "foreigner"]
    gmb = cube[~cube["category"].isin(["foreigner", "none"])]["n"].sum()
    foreigners = int(foreign["n"].sum())
    foreigners_eu = int(foreign[foreign["citizenship"].isin(eu)]["n"].sum())
    return {
        "residents": int(cube["n"].sum()),
        "nationalities": int(cube.loc[~cube["citizenship"].isin(NON_STATE_CODES), "citizenship"].nunique()),
        "migration_background": int(foreigners + gmb),
        "foreigners": foreigners,
        "foreigners_eu": foreigners_eu,
        "foreigners_third_country": foreigners - foreigners_eu,
        "germans_with_migration_background": int(gmb),
        "asylum_background": int(cube.loc[cube["asylum"], "n"].sum()),
    }


#: The columns of an extract in today's format (what ``all`` reads).
EXTRACT_COLUMNS = (
    "person_id", "birth_date", "sex", "district", "citizenship", "second_citizenship", "birth_country",
    "naturalised", "ius_soli", "immigrated_from", "parent1_id", "parent2_id", "address_id", "asylum_background",
)  # fmt: skip


def child_command(kind: str, path: Path) -> list[str]:
    if kind == "floor":
        sql = "SELECT count(*), count(DISTINCT citizenship), min(birth_date) FROM read_csv('%s')" % path
        return [sys.executable, "-c", "import duckdb; print(duckdb.sql(%r).fetchall())" % sql]
    if kind == "all":
        counts = ", ".join("count(%s)" % c for c in EXTRACT_COLUMNS)
        sql = "SELECT %s, count(DISTINCT hash(person_id)) FROM read_csv('%s')" % (counts, path)
        return [sys.executable, "-c", "import duckdb; print(duckdb.sql(%r).fetchall())" % sql]
    return [
        str(ROOT / ".venv" / "bin" / "teilhabe"),
        "factcheck",
        str(path),
        "--date",
        "2023-12-31",
        "--json",
    ]


def measure(kind: str, path: Path) -> dict:
    """Run one measurement as a fresh process (through ``--timed``, so peak memory is its own)."""
    out = subprocess.run(
        [sys.executable, __file__, "--timed", kind, str(path)], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(kind: str, path: str) -> int:
    start = time.perf_counter()
    out = subprocess.run(child_command(kind, Path(path)), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return 1
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak, "output": out.stdout.strip()[-400:]}))
    return 0


def ensure_extract(n: int, style: str) -> Path:
    """Generate the extract once (in a subprocess)."""
    path = CACHE / ("extract_%d%s.csv" % (n, "" if style == "iso" else "_" + style))
    if not path.exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--generate", str(n), style, str(path)], check=True)
        print(
            "  generated %s (%.0f MB) in %.1f s"
            % (path, path.stat().st_size / 1e6, time.perf_counter() - start),
            flush=True,
        )
    return path


def human(n: int) -> str:
    return "%dM" % (n // 1_000_000) if n % 1_000_000 == 0 else str(n)


TARGETS = {2_000_000: 2.5, 10_000_000: 2.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000000,10000000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timed", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", nargs=3, metavar=("N", "STYLE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
        django.setup()
        from teilhabe.statistics.large_extract import write_large_extract

        n, style, target = args.generate
        write_large_extract(Path(target), int(n), REFERENCE_DATE, style=style)
        return 0
    if args.timed:
        return timed(*args.timed)

    import duckdb

    print(
        "fact check benchmark: %d cores, duckdb %s, python %s"
        % (os.cpu_count(), duckdb.__version__, sys.version.split()[0])
    )
    print(
        "load average at start: %.2f %.2f %.2f (other work on the machine slows every figure)"
        % os.getloadavg()
    )
    failed = False
    for n in [int(s) for s in args.sizes.split(",")]:
        files = {
            "floor": ensure_extract(n, "iso"),
            "all": ensure_extract(n, "iso"),
            "iso": ensure_extract(n, "iso"),
            "register": ensure_extract(n, "register"),
        }
        print(
            "\n%s rows (ISO file %.0f MB, Bürgeramt file %.0f MB), %d rounds in turns"
            % (
                human(n),
                files["iso"].stat().st_size / 1e6,
                files["register"].stat().st_size / 1e6,
                args.rounds,
            )
        )
        runs: dict[str, list[dict]] = {k: [] for k in files}
        for _round in range(args.rounds):
            for kind, path in files.items():
                runs[kind].append(measure(kind, path))
        stats = {}
        for kind, results in runs.items():
            errors = [r["error"] for r in results if "error" in r]
            if errors:
                print("  %-9s failed: %s" % (kind, errors[0]))
                failed = True
                continue
            secs = sorted(r["seconds"] for r in results)
            stats[kind] = {
                "median": statistics.median(secs),
                "min": secs[0],
                "peak": max(r["peak_rss_mb"] for r in results),
            }
            print(
                "  %-9s median %6.2f s   fastest %6.2f s   peak RSS %6.0f MB   (%s)"
                % (
                    kind,
                    stats[kind]["median"],
                    secs[0],
                    stats[kind]["peak"],
                    ", ".join("%.2f" % s for s in secs),
                )
            )
        if {"floor", "iso", "register"} <= set(stats):
            iso_same = runs["iso"][0]["output"] == runs["register"][0]["output"]
            ratio = stats["iso"]["median"] / stats["floor"]["median"]
            ratio_min = stats["iso"]["min"] / stats["floor"]["min"]
            slower = stats["register"]["median"] / stats["iso"]["median"] - 1
            print("  factcheck / floor        %.2fx median, %.2fx fastest rounds" % (ratio, ratio_min))
            if "all" in stats:
                print(
                    "  every column + id check %.2fx the floor (median): what reading alone takes"
                    % (stats["all"]["median"] / stats["floor"]["median"])
                )
            print("  Bürgeramt file vs ISO    %+.0f %% (median)" % (slower * 100))
            print("  same figures from both files: %s" % ("yes" if iso_same else "NO"))
            failed |= not iso_same
            if n in TARGETS:
                checks = [
                    ("at most %.1fx the floor" % TARGETS[n], ratio <= TARGETS[n]),
                    ("Bürgeramt file at most 10 % slower", slower <= 0.10),
                ]
                if n >= 10_000_000:
                    checks.append(("peak memory under 2 GB", stats["iso"]["peak"] < 2048))
                for label, ok in checks:
                    print("  target %-34s %s" % (label, "met" if ok else "MISSED"))
    print("\nload average at end: %.2f %.2f %.2f" % os.getloadavg())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
