"""The activity pages: lists, calendar and activity (pages.py), export and import (transfer.py), places and target groups (vocabulary.py)."""
