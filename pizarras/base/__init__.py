"""La base de datos: abrir el archivo DuckDB, las consultas con nombre, el esquema y sus migraciones, respaldo,
catálogos y los datos de demostración. No conoce pizarras, escrituras ni Streamlit."""
