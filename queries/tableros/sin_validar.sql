-- What an admin's or evaluator's board counts beyond the public's, for the banner of the internal view: the filtered
-- records not validated (borrador, enviada or observada) that were never published (the public does not see them
-- at all), and apart, those that were (their edit awaits review: the public sees the version last validated).
-- Grain: one row. Parameters: the eight global filters (lists of keys, NULL = all), each kind taking the ones its
-- board takes. The macros get false for p_solo_validadas: the working versions, whichever view is on.
-- Speed (1M activities): one left join with the published ids (~29 ms) rather than an IN and a NOT IN (~40 ms).
with actividades as (
    select count(*) - count(p.id) as nunca, count(p.id) as en_revision
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, false) a
    left join actividades_publicadas p on p.id = a.id
    where a.revision <> 'validada'
),
compromisos as (
    select count(*) - count(p.id) as nunca, count(p.id) as en_revision
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, false) c
    left join compromisos_publicados p on p.id = c.id
    where c.revision <> 'validada'
),
capacitaciones as (
    select count(*) - count(p.id) as nunca, count(p.id) as en_revision
    from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, false) c
    left join capacitaciones_publicadas p on p.id = c.id
    where c.revision <> 'validada'
)
select
    a.nunca as actividades, k.nunca as compromisos, c.nunca as capacitaciones,
    a.en_revision as actividades_en_revision, k.en_revision as compromisos_en_revision,
    c.en_revision as capacitaciones_en_revision
from actividades a, compromisos k, capacitaciones c
