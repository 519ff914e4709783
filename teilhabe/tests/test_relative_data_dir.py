"""A data directory set as a relative path becomes absolute: every process means the same directory whatever
directory it starts in, and the leaflet PDFs can name their images by a file URI."""

import json
import os
import subprocess
import sys

SETTINGS = ("VAR_DIR", "MEDIA_ROOT", "STATIC_ROOT", "PRIVATE_UPLOAD_DIR", "JOB_PROGRESS_DIR")


def test_a_relative_teilhabe_var_dir_is_taken_from_the_directory_the_process_starts_in(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in ("MEDIA_ROOT", "STATIC_ROOT", "PRIVATE_UPLOAD_DIR")
    }
    env.update(DJANGO_SETTINGS_MODULE="teilhabe.settings_test", TEILHABE_VAR_DIR="daten", SECRET_KEY="x" * 50)
    env.pop("JOB_PROGRESS_DIR", None)
    script = "from django.conf import settings; import json; print(json.dumps({n: str(getattr(settings, n)) for n in %r}))"
    out = subprocess.run(
        [sys.executable, "-c", script % (SETTINGS,)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    paths = json.loads(out.stdout)
    assert paths["VAR_DIR"] == str(tmp_path / "daten")
    assert paths["MEDIA_ROOT"] == str(tmp_path / "daten" / "media")
    assert paths["PRIVATE_UPLOAD_DIR"] == str(tmp_path / "daten" / "uploads")
    assert all(os.path.isabs(p) for p in paths.values()), paths
