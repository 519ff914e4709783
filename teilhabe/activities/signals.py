"""Signals for the apps above activities, which the activities never import (apps import downward only).

`state_changed(activity, old, state, user)` is sent by `change_state` after the change is saved; the
registrations tell the people registered when an activity is called off."""

from django.dispatch import Signal

state_changed = Signal()
