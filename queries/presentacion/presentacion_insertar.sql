-- A new deck (version 1). Parameters: $clave, $titulo, $descripcion, $intervalo, $usuario, $en.
insert into presentaciones (clave, titulo, descripcion, intervalo, creada_por, creada_en, cambiada_en, version)
values ($clave, $titulo, $descripcion, $intervalo, $usuario, $en, $en, 1)
