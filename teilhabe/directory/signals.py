"""Signals for the apps above the directory, which the directory never imports (apps import downward only).

`contact_erased(sender=Contact, contact=…, actor=…)`: sent inside `privacy.erase_contact`'s transaction after
the contact's personal values are gone, so that what a higher app holds about the same person (a subscriber of
a distribution list) is erased with it."""

from django.dispatch import Signal

contact_erased = Signal()
