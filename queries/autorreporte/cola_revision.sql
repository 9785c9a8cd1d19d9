-- What awaits review: activities, commitments and trainings sent for review, oldest first. Grain: one row per record.
-- Columns: tabla, id, quien (organismo sigla or entidad), titulo, estatus, avance (NULL for trainings),
-- reportado_por, reportado_en (NULL for commitments and trainings, which carry no report date), version,
-- enviada_en (when the record last entered review, from the audit trail: a person's «enviar» or an upload; the
-- report date of an activity that has no such audit row; NULL when neither is known).
with envios as (
    select tabla, registro, max(en) as en
    from auditoria
    where tabla in ('actividades', 'compromisos', 'capacitaciones')
      and json_extract_string(despues, '$.revision') = 'enviada'
    group by tabla, registro
)
select
    'actividades' as tabla, a.id, o.sigla as quien, a.titulo, s.nombre as estatus, a.avance, a.evidencia_url,
    a.reportado_por, a.reportado_en, a.version, coalesce(v.en, a.reportado_en) as enviada_en
from actividades a
join organismos o on o.clave = a.organismo
join estatus s on s.clave = a.estatus
left join envios v on v.tabla = 'actividades' and v.registro = cast(a.id as varchar)
where a.revision = 'enviada'
union all
select
    'compromisos', c.id, e.nombre_corto, c.titulo, s.nombre, c.avance, null, null, null, c.version, v.en
from compromisos c
join entidades e on e.clave = c.entidad
join estatus s on s.clave = c.estatus
left join envios v on v.tabla = 'compromisos' and v.registro = cast(c.id as varchar)
where c.revision = 'enviada'
union all
select
    'capacitaciones', k.id, o.sigla, k.titulo, k.participantes || ' participantes', null, null, null, null, k.version,
    v.en
from capacitaciones k
join organismos o on o.clave = k.organismo
left join envios v on v.tabla = 'capacitaciones' and v.registro = cast(k.id as varchar)
where k.revision = 'enviada'
order by enviada_en nulls last, tabla, id
