"""The write side: accounts, sessions, roles, rules, self-report and review, the users command line."""
