"""The data layer: opening, schema steps and migrations, rebuilds, backup, catalogs, crash safety."""
