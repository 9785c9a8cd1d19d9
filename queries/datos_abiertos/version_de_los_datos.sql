-- The last audited change: every write of people's records is audited, so a new value means the open data may
-- have changed (the page's cache key). Grain: one row. No parameters.
select coalesce(max(id), 0) as ultimo_cambio
from auditoria
