-- Members of the Secretariados Técnicos Locales (STL) by sector and sexo, for the chosen places.
-- Grain: one row per sector × sexo present. An organismo selects its entidad.
-- Parameters: $regiones, $entidades, $organismos (lists of keys, NULL = all).
select
    s.sector,
    s.sexo,
    cast(sum(s.personas) as bigint) as personas,
    count(distinct s.entidad) as entidades,
    bool_or(s.es_demo) as es_demo
from stl_integrantes s
join entidades e on e.clave = s.entidad
where ($regiones is null or list_contains($regiones, e.region))
  and ($entidades is null or list_contains($entidades, s.entidad))
  and ($organismos is null
       or s.entidad in (select o.entidad from organismos o where list_contains($organismos, o.clave)))
group by s.sector, s.sexo
order by s.sector, s.sexo
