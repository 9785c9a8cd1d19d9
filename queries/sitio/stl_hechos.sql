-- The members of the Secretariados Técnicos Locales for the static site: the browser keeps the entidades a choice
-- of región, entidad or organismo selects, as tableros/stl_integrantes_por_sector filters them, and adds them up.
-- Grain: one row per entidad × sector × sex. No parameters: every member (the STL have no review state).
select
    s.entidad,
    s.sector,
    s.sexo,
    cast(sum(s.personas) as bigint) as personas,
    bool_or(s.es_demo) as es_demo
from stl_integrantes s
group by all
order by all
