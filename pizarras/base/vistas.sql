-- Table macros that apply the global filters once, so every board query reads from the same filtered set; at the
-- end, scalar macros for the business rules several queries share.
-- Each p_* argument is a list of catalog keys, or NULL for "all"; p_solo_validadas reads the published versions
-- (what the public sees: each record as last validated), and otherwise the working versions (the latest, pending
-- edits and drafts included). Installed by pizarras.esquema whenever this text changes.

-- The two sets, one per reader. DuckDB folds the branch whose constant condition is false away before it scans,
-- so a public query reads only the published tables (measured: no cost over reading one table directly). The
-- working tables lack the publication dates: UNION BY NAME gives them NULL there.
create or replace macro actividades_leidas(p_solo_validadas) as table
select * from actividades where not p_solo_validadas
union all by name
select * from actividades_publicadas where p_solo_validadas;

create or replace macro transversales_leidas(p_solo_validadas) as table
select * from actividad_ejes_transversales where not p_solo_validadas
union all
select * from actividad_ejes_transversales_publicadas where p_solo_validadas;

create or replace macro ods_leidas(p_solo_validadas) as table
select * from actividad_ods where not p_solo_validadas
union all
select * from actividad_ods_publicadas where p_solo_validadas;

-- Progress over time: every report for the internal view; for the public, what was published and when.
create or replace macro reportes_leidos(p_solo_validadas) as table
select actividad, en, avance, estatus from reportes_avance where not p_solo_validadas
union all
select actividad, en, avance, estatus from reportes_publicados where p_solo_validadas;

create or replace macro compromisos_leidos(p_solo_validadas) as table
select * from compromisos where not p_solo_validadas
union all by name
select * from compromisos_publicados where p_solo_validadas;

create or replace macro capacitaciones_leidas(p_solo_validadas) as table
select * from capacitaciones where not p_solo_validadas
union all by name
select * from capacitaciones_publicadas where p_solo_validadas;

create or replace macro actividades_filtradas(p_regiones, p_entidades, p_organismos, p_programas, p_ejes, p_ods, p_periodos, p_estatus, p_solo_validadas) as table
-- Only the activity's own columns: a query joins the catalogs it names after it has reduced the rows (an inner
-- join here cost ~20 ms per query at 1M activities even with no filter, since DuckDB cannot drop it).
select a.*
from actividades_leidas(p_solo_validadas) a
where (p_organismos is null or list_contains(p_organismos, a.organismo))
  -- Región and entidad filter through the activity's organismo: a semi join over the organismos catalog. The
  -- subquery's own "not null" test makes it fold to an empty result when neither filter is given, so no join runs.
  and ((p_regiones is null and p_entidades is null)
       or a.organismo in (select o.clave
                          from organismos o
                          join entidades e on e.clave = o.entidad
                          where (p_regiones is not null or p_entidades is not null)
                            and (p_regiones is null or list_contains(p_regiones, e.region))
                            and (p_entidades is null or list_contains(p_entidades, o.entidad))))
  and (p_programas is null or list_contains(p_programas, a.programa))
  -- IN over an uncorrelated subquery: a semi join DuckDB runs once (measured ~25 % faster than EXISTS at 1M rows).
  and (p_ejes is null
       or list_contains(p_ejes, a.eje)
       or a.id in (select t.actividad from transversales_leidas(p_solo_validadas) t where list_contains(p_ejes, t.eje)))
  and (p_ods is null
       or a.id in (select x.actividad from ods_leidas(p_solo_validadas) x where list_contains(p_ods, x.ods)))
  and (p_periodos is null or list_contains(p_periodos, a.periodo))
  and (p_estatus is null or list_contains(p_estatus, a.estatus));

-- Commitments belong to an entidad; an organismo filter selects the entidades of the chosen organismos.
-- A periodo matches when the year falls inside the plan's years.
-- Only the commitment's own columns, like actividades_filtradas: a query that shows the entidad's name or región
-- joins entidades itself. The región filter is a semi join that folds away when no región is given (an inner
-- join with entidades here cost ~6-8 ms per query at 196k commitments, filter or not).
create or replace macro compromisos_filtrados(p_regiones, p_entidades, p_organismos, p_ods, p_periodos, p_estatus, p_solo_validadas) as table
select c.*
from compromisos_leidos(p_solo_validadas) c
where (p_regiones is null
       or c.entidad in (select e.clave from entidades e
                        where p_regiones is not null and list_contains(p_regiones, e.region)))
  and (p_entidades is null or list_contains(p_entidades, c.entidad))
  and (p_organismos is null
       or c.entidad in (select o.entidad from organismos o where list_contains(p_organismos, o.clave)))
  and (p_ods is null or list_contains(p_ods, c.ods))
  -- The bounds are a necessary condition DuckDB tests in the scan (a pushed-down filter) before the lambda runs on
  -- each remaining row: the lambda alone cost ~10 ms over 196k commitments.
  and (p_periodos is null
       or (c.anio_inicio <= list_max(p_periodos)
           and coalesce(c.anio_fin, c.anio_inicio) >= list_min(p_periodos)
           and len(list_filter(p_periodos, lambda y: y between c.anio_inicio and coalesce(c.anio_fin, c.anio_inicio))) > 0))
  and (p_estatus is null or list_contains(p_estatus, c.estatus));

-- Trainings: the organismo filter matches the organiser; programa and eje match the training's eje.
-- The programa filter is a semi join over the ejes of the chosen programas (it folds away when no programa is
-- given): a left join with ejes ran for every training even without that filter (~1-3 ms at 275k trainings).
-- As for commitments, the región filter is a semi join over entidades and names are joined by the queries.
create or replace macro capacitaciones_filtradas(p_regiones, p_entidades, p_organismos, p_programas, p_ejes, p_periodos, p_solo_validadas) as table
select
    c.*,
    year(c.fecha_inicio) as periodo
from capacitaciones_leidas(p_solo_validadas) c
where (p_regiones is null
       or c.entidad in (select e.clave from entidades e
                        where p_regiones is not null and list_contains(p_regiones, e.region)))
  and (p_entidades is null or list_contains(p_entidades, c.entidad))
  and (p_organismos is null or list_contains(p_organismos, c.organismo))
  and (p_programas is null
       or c.eje in (select j.clave from ejes j where p_programas is not null and list_contains(p_programas, j.programa)))
  and (p_ejes is null or list_contains(p_ejes, c.eje))
  and (p_periodos is null or list_contains(p_periodos, year(c.fecha_inicio)));

-- The programmes' indicators (reference data, like the ejes: no review) by programa and eje, and their yearly
-- values: for the public the version last validated, for the internal view the working one. Not named *_filtrados:
-- the bench compares those macros' boards with pandas, and no indicator query is a bench board yet.
create or replace macro indicadores_elegidos(p_programas, p_ejes) as table
select i.*
from indicadores i
where (p_programas is null or list_contains(p_programas, i.programa))
  and (p_ejes is null or list_contains(p_ejes, i.eje));

create or replace macro mediciones_leidas(p_solo_validadas) as table
select * from mediciones where not p_solo_validadas
union all by name
select * from mediciones_publicadas where p_solo_validadas;

-- Scalar macros: one definition per business rule. DuckDB inlines them where a query calls them, so they cost
-- nothing and a WHERE on them is pushed down as if written out.

-- Overdue ("vencida"): still programada or en proceso, and its planned end `fin` before the cut-off date `hoy`.
-- NULL when `fin` is unknown, which a WHERE or FILTER takes as not overdue.
create or replace macro es_vencida(estatus, fin, hoy) as fin < hoy and estatus in ('programada', 'en_proceso');

-- Average progress leaves cancelled activities out: the rows that count in it, as in
-- avg(avance) filter (where cuenta_en_avance(estatus)).
create or replace macro cuenta_en_avance(estatus) as estatus <> 'cancelada';
