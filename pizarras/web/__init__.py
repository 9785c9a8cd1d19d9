"""HTTP alrededor de Streamlit: estáticos comprimidos y qué dispositivo pide la página."""
