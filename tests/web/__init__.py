"""HTTP around Streamlit: compressed statics and the device check."""
