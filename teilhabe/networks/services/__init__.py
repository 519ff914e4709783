"""Domain logic of networks: plain functions, no HTTP. `networks` saves networks and members, `meetings`
saves meetings and minutes (sanitised), `invitations` sends invitations and minutes, `tasks` the agreed tasks
and their reminders, `ideas` ideas and what they became, `pages` reads the pages' rows."""
