"""Apps import downward only, and each app keeps one layout of its views.

LAYERS is the one declaration of the order, lowest first. A module may import its own unit and any unit of a
lower layer; never a unit of its own layer (siblings stay independent) or of a higher one. Every import counts:
module-level and inside functions, `import x`, `from x import y`, relative ones, and the hidden ones
(`apps.get_model("app", …)`, `import_module("teilhabe.app…")` with a literal name). Tests (`tests/`,
`conftest.py`) and the site-wide test tools (`teilhabe/testing/`, except the sample registry every app fills)
may import anything. A higher app that wants to show something on a lower app's page registers a section
(teilhabe/sections.py) instead of being imported.

A new app (or top-level module) is declared here in the layer where it belongs, or this test fails.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]  # teilhabe/

LAYERS = [
    # The plain library: imports no app.
    (
        "sheets",
        "testing.samples",
        "actions",
        "colours",
        "datadir",
        "downloads",
        "env",
        "formatting",
        "headers",
        "images",
        "inline_svg",
        "languages",
        "logfilters",
        "media",
        "sections",
        "checks",
    ),
    ("charts",),  # the one chart renderer (matplotlib SVG through inline_svg)
    ("municipalities",),  # the tenant, MunicipalityOwned, scoping
    ("jobs",),  # background jobs and private uploads (their pages are in the portal)
    ("notifications",),  # queue_mail
    ("accounts",),  # users, memberships, roles, the access check (middleware), login, invitations
    ("audit",),
    ("directory",),
    ("concept", "statistics"),
    ("activities",),
    ("registrations", "networks"),
    ("programmes",),  # funding programmes; their report deadlines are networks' Tasks
    ("bulletins",),  # information products: Kompakt-Info, Com-In, leaflets, distribution lists and sending
    # the activity report (Tätigkeitsbericht: sections from every app, PDF, PPTX, DOCX) and the open data API
    # (/api/v1/): both read the apps below and nothing reads them but the portal and the root URLs
    ("reports", "api"),
    ("portal",),  # start pages, first-run guide, job pages, provisioning, `teilhabe demo`
    # The project: settings, root URLs, middleware that reads the settings of several apps, the command line.
    ("urls", "settings", "settings_test", "wsgi", "cli", "__main__", "csp"),
]

UNITS = {unit: number for number, layer in enumerate(LAYERS) for unit in layer}
# In the library and the project, modules may use each other; apps of one layer may not.
OPEN_LAYERS = {0, len(LAYERS) - 1}


def unit_of(dotted: str) -> str | None:
    """The declared unit of `teilhabe.x.y…` (the longest declared prefix), or None outside teilhabe."""
    parts = dotted.split(".")
    if parts[0] != "teilhabe" or len(parts) < 2:
        return None
    for length in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[1 : 1 + length])
        if candidate in UNITS:
            return candidate
    return ".".join(parts[1:3]) if parts[1] == "testing" else parts[1]


def is_test_code(path: Path) -> bool:
    rel = path.relative_to(ROOT).parts
    if "tests" in rel or path.name == "conftest.py":
        return True
    return rel[0] == "testing" and path.name != "samples.py"


def source_files():
    return sorted(p for p in ROOT.rglob("*.py") if not is_test_code(p) and p != ROOT / "__init__.py")


def module_name(path: Path) -> str:
    parts = ("teilhabe", *path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path):
    """(line, dotted name) of everything the module imports, wherever in the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if node.module is None or node.level:
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}"
            else:
                yield node.lineno, module
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0].value
            if not isinstance(first, str):
                continue
            if name == "get_model":
                label = first.split(".")[0]
                if (ROOT / label / "apps.py").exists():
                    yield node.lineno, f"teilhabe.{label}.models"
            elif name == "import_module" and first.startswith("teilhabe."):
                yield node.lineno, first


def layer_problems(files) -> list[str]:
    problems = []
    for path in files:
        own = unit_of(module_name(path))
        where = path.relative_to(ROOT.parent)
        if own not in UNITS:
            problems.append(f"{where}: teilhabe.{own} is in no layer; declare it in LAYERS ({__name__})")
            continue
        for line, dotted in imports_of(path):
            other = unit_of(dotted)
            if other is None or other == own:
                continue
            if other not in UNITS:
                if other.startswith("testing"):
                    problems.append(f"{where}:{line} imports {dotted}: test tools are for tests only")
                else:
                    problems.append(f"{where}:{line} imports {dotted}, which is in no layer")
                continue
            if UNITS[other] == UNITS[own] and UNITS[own] not in OPEN_LAYERS:
                problems.append(
                    f"{where}:{line} imports {dotted}: {own} and {other} are siblings in one layer"
                )
            elif UNITS[other] > UNITS[own]:
                problems.append(f"{where}:{line} imports {dotted}: {own} is below {other}")
    return problems


def test_every_app_imports_downward_only():
    problems = layer_problems(source_files())
    assert not problems, "Imports against the layer order:\n" + "\n".join(problems)


def test_every_app_is_declared():
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert not apps - set(UNITS), f"apps without a layer: {sorted(apps - set(UNITS))}; add them to LAYERS"


def test_the_check_finds_upward_imports_at_any_depth(tmp_path, monkeypatch):
    """The check itself: an upward import inside a function, a relative one and a get_model() are named."""
    fake = tmp_path / "teilhabe"
    (fake / "municipalities").mkdir(parents=True)
    (fake / "directory").mkdir()
    (fake / "directory" / "apps.py").write_text("")
    (fake / "municipalities" / "services.py").write_text(
        "from django.apps import apps\n"
        "from teilhabe.sheets import read\n"  # downward: fine
        "def f():\n"
        "    from teilhabe.directory.models import Organisation\n"
        "    return apps.get_model('directory', 'Contact')\n"
    )
    (fake / "municipalities" / "views.py").write_text(
        "from ..portal import views\nimport teilhabe.activities\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", fake)
    problems = layer_problems(sorted(fake.rglob("*.py")))
    assert problems == [
        "teilhabe/municipalities/services.py:4 imports teilhabe.directory.models: municipalities is below directory",
        "teilhabe/municipalities/services.py:5 imports teilhabe.directory.models: municipalities is below directory",
        "teilhabe/municipalities/views.py:1 imports teilhabe.portal.views: municipalities is below portal",
        "teilhabe/municipalities/views.py:2 imports teilhabe.activities: municipalities is below activities",
    ]


def views_layout_problems(app_dirs) -> list[str]:
    problems = []
    for app in app_dirs:
        module, package = app / "views.py", app / "views"
        flat = sorted(p.name for p in app.glob("views_*.py")) + sorted(p.name for p in app.glob("*_views.py"))
        if module.exists() and package.is_dir():
            problems.append(f"{app.name}: both views.py and views/; keep one")
        if flat:
            problems.append(f"{app.name}: {', '.join(flat)} beside the views; use a views/ package instead")
    return problems


def test_each_app_keeps_one_views_layout():
    apps = sorted(p.parent for p in ROOT.glob("*/apps.py"))
    problems = views_layout_problems(apps)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "files, expected",
    [
        (["views.py"], []),
        (["views/__init__.py", "views/pages.py"], []),
        (["views.py", "views/__init__.py"], ["x: both views.py and views/; keep one"]),
        (
            ["views.py", "views_transfer.py"],
            ["x: views_transfer.py beside the views; use a views/ package instead"],
        ),
    ],
)
def test_the_views_rule_itself(tmp_path, files, expected):
    app = tmp_path / "x"
    for name in files:
        (app / name).parent.mkdir(parents=True, exist_ok=True)
        (app / name).write_text("")
    assert views_layout_problems([app]) == expected
