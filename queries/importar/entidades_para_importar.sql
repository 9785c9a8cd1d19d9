-- Every entidad key (what an admin's commitment upload may touch). Grain: one row per entidad.
select clave from entidades order by clave
