"""What the tests share: fixture databases, accounts, snapshots, page and browser helpers. Imported as tests.apoyo.*."""
