"""Publication: presentations, open data, exports and the static site."""
