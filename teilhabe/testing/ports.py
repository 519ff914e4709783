"""A free TCP port on 127.0.0.1 for a server a test starts (the SMTP recorder, the OIDC provider).

Always one the system picks, never a fixed one: CI runs the SQLite and the PostgreSQL suite side by side, and both
start the same servers at about the same point of the suite."""

import socket


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
