"""The bench's own logic: pandas equivalents, statistics, results."""
