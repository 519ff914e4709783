"""`import_directory`: read, check and save organisations and contacts, all or nothing."""

from django.db import transaction

from teilhabe.directory.transfer.contacts import save_contacts
from teilhabe.directory.transfer.organisations import save_organisations
from teilhabe.directory.transfer.reading import read_files
from teilhabe.directory.transfer.result import ImportResult


def import_directory(municipality, files, *, dry_run=False) -> ImportResult:
    """files: [(file name, bytes)]. Applies everything or nothing; with dry_run nothing is kept either way."""
    result = ImportResult()
    organisation_tables, contact_tables = read_files(files, result)
    if result.errors:
        return result
    with transaction.atomic():
        by_name = save_organisations(municipality, organisation_tables, result)
        save_contacts(municipality, contact_tables, by_name, result)
        if result.errors or dry_run:
            transaction.set_rollback(True)
        else:
            result.applied = True
    return result
