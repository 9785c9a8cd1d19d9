"""El lado de lectura: los filtros y lo que muestra cada pizarra (consultas filtradas, cifras, tablas).
Nunca importa el lado de escritura."""
