-- Withdraw a commitment's pending edit: its working version becomes its published one again, if nobody changed it
-- since it was read. Returns the new version, or no row. Parameters: $id, $version.
update compromisos c
set estatus = p.estatus, avance = p.avance, notas = p.notas, revision = 'validada', observacion = null,
    version = c.version + 1
from compromisos_publicados p
where p.id = c.id and c.id = $id and c.version = $version
returning c.version
