"""What a directory import found and did (the preview and the job result show it)."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from teilhabe import sheets


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # "kontakte.csv (Ansprechpersonen, Windows-1252, „;“)"
    organisations: dict = field(default_factory=lambda: {"created": [], "updated": [], "unchanged": []})
    contacts: dict = field(default_factory=lambda: {"created": [], "updated": [], "unchanged": []})
    applied: bool = False

    @property
    def ok(self):
        return not self.errors

    def add(self, bound: sheets.Bound, row: int, key: str, message: str) -> None:
        """An error at a row and column of a table: "kontakte.csv, Zeile 4, Spalte „E-Mail“: …"."""
        self.errors.append(bound.error(message, row, key))


def check_model(instance, bound: sheets.Bound, row, result: ImportResult, exclude) -> None:
    """The model's own validation of a row, each message at the column of its field."""
    columns = {col.attribute: col.key for col in bound.layout}
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            key = columns.get(field_name, "")
            for message in messages:
                if key:
                    result.add(bound, row.number, key, message)
                else:
                    result.errors.append(f"{bound.where(row.number)}: {message}")


def assign(instance, values, fields) -> list[str]:
    """Set the fields whose value differs; the names of those changed."""
    changed = []
    for name in fields:
        if name in values and getattr(instance, name) != values[name]:
            setattr(instance, name, values[name])
            changed.append(name)
    return changed
