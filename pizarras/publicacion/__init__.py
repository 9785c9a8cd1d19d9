"""Lo que sale de la app: presentaciones y diapositivas, datos abiertos y su diccionario, el sitio estático y
las descargas."""
