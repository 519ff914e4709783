"""Domain logic of activities: plain functions, no HTTP. `dates` expands dates, `activities` saves and
changes state, `uploads` takes pictures and attachments, `lists` reads the pages' rows."""
