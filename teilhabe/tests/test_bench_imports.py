"""The speed checks under bench/ are not run by the tests; at least what they import from Teilhabe must exist
(a moved or renamed function would otherwise only show when someone measures)."""

import ast
import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def teilhabe_imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("teilhabe"):
            for alias in node.names:
                yield node.lineno, node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("teilhabe"):
                    yield node.lineno, alias.name, None


@pytest.mark.parametrize("script", sorted(BENCH.glob("*.py")), ids=lambda p: p.name)
def test_what_a_bench_script_imports_exists(script):
    missing = []
    for line, module, name in teilhabe_imports(script):
        try:
            found = importlib.import_module(module)
        except ImportError as error:
            missing.append(f"{script.name}:{line} {module}: {error}")
            continue
        if name and not hasattr(found, name):
            try:
                importlib.import_module(f"{module}.{name}")
            except ImportError:
                missing.append(f"{script.name}:{line} {module} has no {name}")
    assert not missing, "\n".join(missing)
