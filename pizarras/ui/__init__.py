"""Streamlit glue: cached data access, the shared filter sidebar and small reusable widgets."""
