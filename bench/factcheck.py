"""Benchmark of the fact check engine (issue 4).

Usage::

    .venv/bin/python bench/factcheck.py                 # 1M and 10M rows, CSV
    .venv/bin/python bench/factcheck.py --sizes 1000000 --parquet
    .venv/bin/python bench/factcheck.py --pandas-max 1000000   # skip pandas above 1M

For each size it generates (once, cached under var/bench/) a synthetic register
extract and prints, each measured in a fresh subprocess so that peak memory
(RSS) is per measurement:

- ``factcheck``: the whole computation (read, check, derive, aggregate),
- ``floor``: DuckDB only reading the same file, every column parsed
  (``SELECT count(col) ...`` over all columns),
- ``pandas``: a straightforward pandas implementation of the same rules (the
  peer), checked to give the same headline figures,

then the ratios factcheck/floor and pandas/factcheck against the targets
(10M rows: < 10 s, < 3x floor, >= 10x faster than pandas, < 4 GB peak).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REFERENCE_DATE = dt.date(2023, 12, 31)
CACHE = ROOT / "var" / "bench"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- the three measurements (each runs in its own process) ---------------------


def run_factcheck(path: str) -> dict:
    from teilhabe.statistics.derivation import compute

    start = time.perf_counter()
    result = compute(path, REFERENCE_DATE)
    return {"seconds": time.perf_counter() - start, "headline": result.headline()}


def run_floor(path: str) -> dict:
    from teilhabe.statistics.derivation import connect
    from teilhabe.statistics.extract import open_extract

    start = time.perf_counter()
    con = connect()  # the same settings as the fact check (threads)
    with open_extract(path) as ext:
        # CSV: count(col) makes the reader parse every field. Parquet answers count/min from its
        # metadata, so there the length of every value is summed to force reading it.
        pattern = "sum(strlen(CAST(%s AS VARCHAR)))" if ext.kind == "parquet" else "count(%s)"
        cols = ", ".join(pattern % c for c in ext.columns.values())
        con.execute("SELECT count(*), %s FROM %s" % (cols, ext.relation)).fetchall()
    return {"seconds": time.perf_counter() - start}


def run_pandas(path: str) -> dict:
    start = time.perf_counter()
    headline = pandas_factcheck(path, REFERENCE_DATE)
    return {"seconds": time.perf_counter() - start, "headline": headline}


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


RUNNERS = {"factcheck": run_factcheck, "floor": run_floor, "pandas": run_pandas}


def measure(kind: str, path: Path) -> dict:
    """Run one measurement in a fresh interpreter; return its JSON."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout)


def ensure_extract(n: int, suffix: str) -> Path:
    """Generate the extract once (in a subprocess, so that the parent's peak
    memory, which children inherit in ru_maxrss, stays small)."""
    path = CACHE / ("extract_%d.%s" % (n, suffix))
    if not path.exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--generate", str(n), str(path)], check=True)
        print(
            "  generated %s (%.0f MB) in %.1f s"
            % (path.relative_to(ROOT), path.stat().st_size / 1e6, time.perf_counter() - start),
            flush=True,
        )
    return path


def _duckdb_version() -> str:
    out = subprocess.run(
        [sys.executable, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True, text=True
    )
    return out.stdout.strip()


def human(n: int) -> str:
    return "%dM" % (n // 1_000_000) if n % 1_000_000 == 0 else str(n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--parquet", action="store_true", help="also bench Parquet files")
    parser.add_argument(
        "--pandas-max", type=int, default=10_000_000, help="largest size the pandas peer runs on"
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", nargs=2, metavar=("N", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        from teilhabe.statistics.large_extract import write_large_extract

        write_large_extract(Path(args.generate[1]), int(args.generate[0]), REFERENCE_DATE)
        return 0
    if args.child:
        kind, path = args.child
        cpu_start = cpu_seconds()
        data = RUNNERS[kind](path)
        data["cpu_seconds"] = cpu_seconds() - cpu_start
        data["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(data))
        return 0

    print(
        "fact check benchmark: %d cores, duckdb %s, python %s"
        % (os.cpu_count(), _duckdb_version(), sys.version.split()[0])
    )
    print(
        "load average at start: %.2f %.2f %.2f (other work on the machine slows every figure)"
        % os.getloadavg()
    )
    failed = False
    formats = ["csv"] + (["parquet"] if args.parquet else [])
    for n in [int(s) for s in args.sizes.split(",")]:
        for fmt in formats:
            path = ensure_extract(n, fmt)
            print("\n%s rows, %s (%.0f MB)" % (human(n), fmt.upper(), path.stat().st_size / 1e6))
            results = {"factcheck": measure("factcheck", path), "floor": measure("floor", path)}
            if n <= args.pandas_max:
                results["pandas"] = measure("pandas", path)
            for kind, r in results.items():
                if "error" in r:
                    print("  %-10s failed: %s" % (kind, r["error"]))
                else:
                    print(
                        "  %-10s %7.2f s   (CPU %6.2f s)   peak RSS %6.0f MB"
                        % (kind, r["seconds"], r["cpu_seconds"], r["peak_rss_mb"])
                    )
            fc, fl = results["factcheck"], results["floor"]
            if "error" in fc or "error" in fl:
                failed = True
                continue
            ratio_floor = fc["seconds"] / fl["seconds"]
            print(
                "  factcheck / floor   %.2fx   (CPU time %.2fx)"
                % (ratio_floor, fc["cpu_seconds"] / max(fl["cpu_seconds"], 1e-6))
            )
            pd_result = results.get("pandas")
            if pd_result and "error" not in pd_result:
                print(
                    "  pandas / factcheck  %.1fx   (CPU time %.1fx)"
                    % (pd_result["seconds"] / fc["seconds"], pd_result["cpu_seconds"] / fc["cpu_seconds"])
                )
                same = pd_result["headline"] == fc["headline"]
                print("  same headline figures as pandas: %s" % ("yes" if same else "NO"))
                failed |= not same
            if n >= 10_000_000 and fmt == "csv":
                checks = [
                    ("under 10 s", fc["seconds"] < 10),
                    ("under 3x floor", ratio_floor < 3),
                    ("peak memory under 4 GB", fc["peak_rss_mb"] < 4096),
                ]
                if pd_result and "error" not in pd_result:
                    checks.append(("10x faster than pandas", pd_result["seconds"] >= 10 * fc["seconds"]))
                for label, ok in checks:
                    print("  target %-24s %s" % (label, "met" if ok else "MISSED"))
            print("  headline: %s" % json.dumps(fc["headline"]))
    print("\nload average at end: %.2f %.2f %.2f" % os.getloadavg())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
