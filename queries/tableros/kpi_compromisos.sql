-- Headline figures of the filtered gobierno abierto commitments (they carry no programa or eje).
-- demo counts commitments that are demo rows or carry a demo ODS alignment; demo_registros the demo rows only.
-- ultima_validacion is the newest validation among them (NULL in the internal view: working versions have none).
-- Grain: one row. Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists, NULL = all).
-- Plans are counted as distinct (entidad, plan_accion) pairs: concatenating the two strings per row cost ~6 ms
-- of ~18 at 196k commitments.
select
    count(*)                                   as compromisos,
    count(*) filter (where es_demo)            as demo_registros,
    count(*) filter (where ods is not null)    as alineados_ods,
    count(*) filter (where estatus = 'concluida') as concluidos,
    cast(avg(avance) as double)                as avance_promedio,
    count(distinct entidad)                    as entidades,
    count(distinct (entidad, plan_accion))     as planes,
    count(*) filter (where es_demo or ods_es_demo) as demo,
    max(validada_en)                           as ultima_validacion
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
