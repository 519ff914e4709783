"""Domain logic of the integration concept, as plain functions without HTTP:

- access: who is responsible for which measure and may report on it
- reporting: reporting rounds and the status-report workflow (draft, submit, accept, send back, close)
- progress: the Umsetzungsstand figures of the dashboard
- charts: the dashboard's matplotlib SVG charts, cached by their numbers
- comparison: what moved between two rounds
- matrix: the responsibility matrix (organisations x fields of action)
- measures: the filtered measure list
- structure: guards for editing the concept (what may be deleted), tags
- reminders: reminder e-mails before a round's due date
"""
