-- What rolling back one import would touch, last change first (the order a rollback undoes them): each record the
-- import inserted or changed, as it is now (title and version; both null when it no longer exists), the fields the
-- import changed (its audit row's before and after: a validation alone for a record validated unchanged), who last
-- changed it after the import, if anyone did, and whether the import published it (`publicada`, by its audit row
-- `publicar`) with the published version it had before (`publicada_antes`, JSON; null when it had none).
-- Grain: one row per change of the batch. Parameters: $importacion.
with lote as (
    select id, en, usuario from importaciones where id = $importacion
),
despues as (
    select a.tabla, a.registro, a.usuario, a.en,
           row_number() over (partition by a.tabla, a.registro order by a.en desc, a.id desc) as n
    from auditoria a, lote
    where a.en > lote.en and a.tabla in ('actividades', 'capacitaciones', 'compromisos')
)
select c.orden, c.tabla, c.registro, c.accion, c.antes, c.version_despues, c.publicada_antes,
       publicacion.registro is not null as publicada,
       coalesce(act.titulo, cap.titulo, com.titulo) as titulo,
       coalesce(act.version, cap.version, com.version) as version,
       propia.antes as importacion_antes, propia.despues as importacion_despues,
       d.usuario as cambiado_por, d.en as cambiado_en
from importacion_cambios c
join lote on lote.id = c.importacion
left join actividades act on c.tabla = 'actividades' and act.id = c.registro
left join capacitaciones cap on c.tabla = 'capacitaciones' and cap.id = c.registro
left join compromisos com on c.tabla = 'compromisos' and com.id = c.registro
left join auditoria propia on propia.tabla = c.tabla and propia.registro = cast(c.registro as varchar)
    and propia.en = lote.en and propia.usuario = lote.usuario and propia.accion in ('crear', 'actualizar', 'validar')
left join auditoria publicacion on publicacion.tabla = c.tabla and publicacion.registro = cast(c.registro as varchar)
    and publicacion.en = lote.en and publicacion.usuario = lote.usuario and publicacion.accion = 'publicar'
left join despues d on d.tabla = c.tabla and d.registro = cast(c.registro as varchar) and d.n = 1
order by c.orden desc
