-- A rollback writes back the published transversal ejes each activity in relation `republicar` had before the
-- import (the list in publicada_antes). No parameters.
insert into actividad_ejes_transversales_publicadas
select cast(registro as integer), unnest(from_json(cast(publicada_antes as varchar) -> 'transversales', '["VARCHAR"]'))
from republicar
where publicada_antes is not null
