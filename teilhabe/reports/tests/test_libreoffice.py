"""The demo report's slides and Word document open in LibreOffice: each is converted to PDF headless
(`soffice --headless --convert-to pdf`, its own profile in a temporary folder), and the converted text holds
every section and the demo's real numbers. Skipped where LibreOffice is missing (`make office` installs it);
in CI (the CI variable set) a missing LibreOffice fails."""

import io
import os
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from teilhabe.reports.tests.expected import FACTS, SECTION_TITLES, missing

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def soffice():
    if SOFFICE is None:
        message = "LibreOffice (soffice) missing: `make office` installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SOFFICE


def _convert(soffice, tmp_path, name, content) -> bytes:
    source = tmp_path / name
    source.write_bytes(content)
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    converted = tmp_path / "out" / (source.stem + ".pdf")
    assert result.returncode == 0 and converted.exists(), (result.stdout, result.stderr)
    return converted.read_bytes()


@pytest.mark.parametrize("file_format", ["pptx", "docx"])
def test_libreoffice_opens_the_demo_report_and_reads_its_numbers(soffice, tmp_path, rendered, file_format):
    pdf = _convert(soffice, tmp_path, f"bericht.{file_format}", rendered(file_format))
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 5
    # a word wider than its table cell is broken inside the word: compared without any whitespace
    assert missing("".join(text.split()), ["".join(w.split()) for w in SECTION_TITLES + FACTS]) == []
