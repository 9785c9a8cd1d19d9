-- A rollback writes back the published ODS each activity in relation `republicar` had before the import (the list
-- in publicada_antes). No parameters.
insert into actividad_ods_publicadas
select cast(registro as integer), unnest(from_json(cast(publicada_antes as varchar) -> 'ods', '["INTEGER"]'))
from republicar
where publicada_antes is not null
