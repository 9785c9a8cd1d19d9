"""Spreadsheet uploads: reading, checking, importing, rolling back, and their command line."""
