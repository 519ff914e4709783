"""Named actions of the municipality itself."""


def update_municipality(municipality, values: dict):
    """The office changes the municipality's own details (name, office, logo, disclosure threshold, two-factor
    rule): one save the audit trail records field by field."""
    from teilhabe.actions import save_values

    return save_values(municipality, values)
