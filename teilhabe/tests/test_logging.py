"""A refused page (403) is logged once, as one line without a traceback."""

import io
import logging

from django.urls import reverse

from teilhabe.logfilters import QuietForbidden


def test_a_403_is_logged_once_without_a_traceback(client, board_user, municipality):
    django_logger = logging.getLogger("django")
    assert not django_logger.propagate  # else the root's handler prints every request error a second time
    ours = [h for h in django_logger.handlers if any(isinstance(f, QuietForbidden) for f in h.filters)]
    assert len(ours) == 1
    stream = io.StringIO()
    old_stream = ours[0].setStream(stream)
    try:
        client.force_login(board_user)
        response = client.get(reverse("members:list", args=[municipality.slug]))
    finally:
        ours[0].setStream(old_stream)
    assert response.status_code == 403
    output = stream.getvalue()
    assert output.count("Forbidden") == 1, output
    assert "Traceback" not in output
