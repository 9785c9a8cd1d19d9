-- One organismo's activities in every review state, for its enlace's self-report list. Newest report first.
-- Grain: one row per activity. Parameters: $organismo.
select
    a.id, a.titulo, p.sigla as programa, a.eje, j.nombre as eje_nombre, a.estatus, s.nombre as estatus_nombre,
    a.avance, a.revision, a.observacion, a.evidencia_url, a.notas, a.periodo, a.reportado_por, a.reportado_en,
    a.version, a.es_demo
from actividades a
join programas p on p.clave = a.programa
join ejes j on j.clave = a.eje
join estatus s on s.clave = a.estatus
where a.organismo = $organismo
order by a.reportado_en desc, a.id desc
