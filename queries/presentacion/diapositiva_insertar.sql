-- One slide of a deck. Parameters: $clave, $posicion, $vista, $titulo, $filtros (JSON text).
insert into diapositivas (presentacion, posicion, vista, titulo, filtros)
values ($clave, $posicion, $vista, $titulo, $filtros)
