"""Teilhabe: the platform for municipal integration work."""
