-- The newest change to what the public sees: every validation, validated import and import rollback writes one
-- `publicar` row in the audit log per record whose published version it replaces (pizarras/escritura/publicacion.py,
-- the import's rollback); drafts, sends, returns, withdrawals and logins do not. Grain: one row. No parameters.
select coalesce(max(id), 0) as ultima_publicacion
from auditoria
where accion = 'publicar'
