"""Import and export of the directory: one layout per table (directory/layout.py) for both directions, so a
round trip changes nothing.

Organisations are matched by name (no duplicates on re-import), contacts by organisation and name. Columns a
file lacks leave the fields alone; empty cells empty them. An import is all-or-nothing and reports every
row's errors in German naming file, row and column.

- exporting.py: the rows of both tables, XLSX (two sheets) and CSV (one table)
- reading.py:   the uploaded files -> tables bound to a layout (recognised, unknown columns, no data rows)
- organisations.py, contacts.py: checking and saving each table's rows
- importing.py: `import_directory`, all of it in one transaction
"""

from teilhabe.directory.transfer.exporting import (
    export_csv,
    export_xlsx,
    exported_contacts,
)
from teilhabe.directory.transfer.importing import import_directory
from teilhabe.directory.transfer.result import ImportResult

__all__ = [
    "ImportResult",
    "export_csv",
    "export_xlsx",
    "exported_contacts",
    "import_directory",
]
