-- The yearly values of the filtered indicators: for the public the version last validated, for the internal view
-- the working one (drafts and edits under review included, with their review state).
-- Grain: one row per indicator and year. Parameters: $programas, $ejes (lists of keys, NULL = all), $solo_validadas.
select m.indicador, m.anio, m.valor, m.fuente_url, m.nota, m.revision, m.es_demo, m.validada_en
from mediciones_leidas($solo_validadas) m
where m.indicador in (select i.clave from indicadores_elegidos($programas, $ejes) i)
order by m.indicador, m.anio
