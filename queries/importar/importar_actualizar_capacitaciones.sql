-- The changed trainings of an import batch, from the registered relation `cambiadas`, each only if its version is
-- still the one the file was checked against. Returns the ids written. Parameters: $revision.
update capacitaciones k
set titulo = c.titulo, tipo = c.tipo, modalidad = c.modalidad, tema = c.tema, eje = c.eje,
    fecha_inicio = cast(c.fecha_inicio as date), fecha_fin = cast(c.fecha_fin as date),
    participantes = cast(c.participantes as integer), mujeres = cast(c.mujeres as integer),
    hombres = cast(c.hombres as integer), sujetos_obligados = cast(c.sujetos_obligados as integer),
    publico = c.publico, notas = c.notas, revision = $revision, observacion = null, version = k.version + 1
from cambiadas c
where k.id = cast(c.id as integer) and k.version = cast(c.version as integer)
returning k.id
