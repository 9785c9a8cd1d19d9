-- Each published commitment's filter keys, to join with its table row (tableros/compromisos_tabla) in the site's
-- row file. Grain: one row per commitment. Parameters: the commitments' global filters (the site passes NULL) and
-- $solo_validadas.
select id, entidad as entidad_clave, estatus as estatus_clave, ods as ods_clave, anio_inicio as anio_inicio_clave,
       anio_fin as anio_fin_clave
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
