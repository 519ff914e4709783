"""Pages of registrations: staff.py (participants, exports, rules, privacy) and public.py (the public activity
pages with the registration form and the cancellation link)."""
