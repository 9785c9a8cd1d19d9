-- The stored activities of some organismos, as an import compares them: every field a spreadsheet carries, the
-- links, the review and report fields a rollback restores, and the version. Grain: one row per activity.
-- Parameters: $organismos (list of keys).
select
    a.id, a.organismo, a.programa, a.eje, a.titulo, a.descripcion, a.tipo, a.fecha_inicio, a.fecha_fin, a.periodo,
    a.estatus, a.avance, a.evidencia_url, a.notas, a.revision, a.observacion, a.reportado_por, a.reportado_en,
    a.version,
    coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales t where t.actividad = a.id), [])
        as transversales,
    coalesce((select list(o.ods order by o.ods) from actividad_ods o where o.actividad = a.id), []) as ods
from actividades a
where list_contains($organismos, a.organismo)
order by a.id
