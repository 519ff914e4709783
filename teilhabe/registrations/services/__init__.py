"""Named actions on registrations (plain values in, saved, audited, mailed); see each module."""
