"""The onboarding browser test refreshes the tracked screenshots of docs/onboarding.md only when asked to."""

from pathlib import Path

from teilhabe.portal.tests import test_onboarding_browser as onboarding


class Page:
    def __init__(self):
        self.taken = []

    def screenshot(self, path, full_page):
        self.taken.append(Path(path).name)


def test_screenshots_are_written_only_with_teilhabe_screenshots_1(tmp_path, monkeypatch):
    page = Page()
    monkeypatch.setattr(onboarding, "SHOTS", tmp_path)
    monkeypatch.delenv("TEILHABE_SCREENSHOTS", raising=False)
    onboarding.shot(page, "01-start")
    assert page.taken == []
    monkeypatch.setenv("TEILHABE_SCREENSHOTS", "1")
    onboarding.shot(page, "01-start")
    assert page.taken == ["01-start.png"]
