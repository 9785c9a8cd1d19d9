-- The published version of one commitment (as last validated). Grain: zero or one row. Parameters: $id.
select * from compromisos_publicados where id = $id
