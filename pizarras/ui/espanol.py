"""Spanish words for Streamlit's own widget texts, where Streamlit lets us set them (placeholders, date formats).

What Streamlit does not let us change is listed in the README («Textos de Streamlit que quedan en inglés»).
"""

ELIJA_UNA = "Elija una opción"
ELIJA_VARIAS = "Elija una o varias opciones"
FORMATO_FECHA = "DD/MM/YYYY"  # st.date_input's format: shown to the person as dd/mm/aaaa
