"""The open data API: read-only JSON under /api/v1/ (django-ninja, OpenAPI), public data without login, internal
data with a member's token."""
