"""Cargas de hojas de cálculo: leer archivos con cuidado, revisar cada fila, importar, revertir y plantillas."""
