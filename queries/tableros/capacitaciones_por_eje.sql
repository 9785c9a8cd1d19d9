-- Filtered trainings and participants per eje of a programme (NULL eje = training not tied to an eje).
-- Grain: one row per eje present (programa sigla and eje name), by programme and number, the NULL row last.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
-- Counted per eje first (a few dozen rows), then ejes and programas are joined: the joins used to run on every
-- training.
with conteo as (
    select eje, count(*) as capacitaciones, cast(coalesce(sum(participantes), 0) as bigint) as participantes
    from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
    group by eje
)
select c.eje, p.sigla as programa_sigla, j.nombre, c.capacitaciones, c.participantes
from conteo c
left join ejes j on j.clave = c.eje
left join programas p on p.clave = j.programa
order by c.eje is null, p.orden, j.tipo, j.numero
