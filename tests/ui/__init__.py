"""The Streamlit glue's shared caches."""
