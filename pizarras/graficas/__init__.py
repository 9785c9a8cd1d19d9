"""Las gráficas plotly de las pizarras: reciben tablas ya consultadas y devuelven figuras."""
