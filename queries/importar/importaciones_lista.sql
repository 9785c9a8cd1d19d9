-- The import batches, newest first, for the upload page. Grain: one row per batch. No parameters.
select id, en, usuario, tipo, archivo, insertadas, actualizadas, sin_cambio, validadas, revertida_en, revertida_por
from importaciones
order by id desc
