-- What an admin's or evaluator's board counts beyond the public's, for the banner of the internal view: the filtered
-- records not validated (borrador, enviada or observada) that were never published (the public does not see them
-- at all), and apart, those that were (their edit awaits review: the public sees the version last validated).
-- Grain: one row. Parameters: the eight global filters (lists of keys, NULL = all), each kind taking the ones its
-- board takes. The macros get false for p_solo_validadas: the working versions, whichever view is on.
with actividades as (
    select count(*) filter (where a.id not in (select id from actividades_publicadas)) as nunca,
           count(*) filter (where a.id in (select id from actividades_publicadas)) as en_revision
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, false) a
    where a.revision <> 'validada'
),
compromisos as (
    select count(*) filter (where c.id not in (select id from compromisos_publicados)) as nunca,
           count(*) filter (where c.id in (select id from compromisos_publicados)) as en_revision
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, false) c
    where c.revision <> 'validada'
),
capacitaciones as (
    select count(*) filter (where c.id not in (select id from capacitaciones_publicadas)) as nunca,
           count(*) filter (where c.id in (select id from capacitaciones_publicadas)) as en_revision
    from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, false) c
    where c.revision <> 'validada'
)
select
    a.nunca as actividades, k.nunca as compromisos, c.nunca as capacitaciones,
    a.en_revision as actividades_en_revision, k.en_revision as compromisos_en_revision,
    c.en_revision as capacitaciones_en_revision
from actividades a, compromisos k, capacitaciones c
