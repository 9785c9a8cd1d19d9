-- Every entidad with its short name, región and the map tile position the app draws: the site's places.
-- Grain: one row per entidad. No parameters.
select e.clave, e.nombre_corto, e.region, r.nombre as region_nombre
from entidades e
join regiones r on r.clave = e.region
order by e.clave
