-- Withdraw a training's pending edit: its working version becomes its published one again (every column a person
-- or the review writes), if nobody changed it since it was read. Returns the new version, or no row.
-- Parameters: $id, $version.
update capacitaciones c
set titulo = p.titulo, tipo = p.tipo, modalidad = p.modalidad, tema = p.tema, eje = p.eje,
    fecha_inicio = p.fecha_inicio, fecha_fin = p.fecha_fin, participantes = p.participantes, mujeres = p.mujeres,
    hombres = p.hombres, sujetos_obligados = p.sujetos_obligados, publico = p.publico, notas = p.notas,
    revision = 'validada', observacion = null, version = c.version + 1
from capacitaciones_publicadas p
where p.id = c.id and c.id = $id and c.version = $version
returning c.version
