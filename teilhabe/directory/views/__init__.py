"""Views of the directory, one module per page group: organisations, contacts, transfer (import/export)."""
