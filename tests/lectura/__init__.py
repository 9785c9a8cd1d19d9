"""The read side: named board queries, filters, boards and their figures, navigation, the map."""
