"""Export of a year's activities and their import back, in one layout (activities/layout.py).

- exporting.py: the rows of a year, XLSX and CSV, and the template file
- importing.py: `import_activities`, all or nothing, every error with file, row and column
"""

from teilhabe.activities.transfer.exporting import export_csv, export_xlsx, template_xlsx, year_activities
from teilhabe.activities.transfer.importing import ImportResult, import_activities

__all__ = [
    "ImportResult",
    "export_csv",
    "export_xlsx",
    "import_activities",
    "template_xlsx",
    "year_activities",
]
