import pytest

from teilhabe.statistics.demo import load_demo


@pytest.fixture
def demo_var(tmp_path_factory, settings):
    """Demo extracts go to a temporary var dir (generated once per test session)."""
    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "var"
    return settings.VAR_DIR


@pytest.fixture
def demo_municipality(municipality, demo_var):
    load_demo(municipality)
    return municipality
