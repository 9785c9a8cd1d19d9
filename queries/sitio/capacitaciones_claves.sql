-- Each published training's filter keys, to join with its table row (tableros/capacitaciones_tabla) in the site's
-- row file. Grain: one row per training. Parameters: the trainings' global filters (the site passes NULL) and
-- $solo_validadas.
select f.id, f.entidad as entidad_clave, f.organismo as organismo_clave, f.eje as eje_clave,
       j.programa as programa_clave, f.periodo as periodo_clave
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas) f
left join ejes j on j.clave = f.eje
