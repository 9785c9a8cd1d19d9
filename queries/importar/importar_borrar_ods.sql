-- The ODS links of the activities an import changes (their new lists follow). Reads `cambiadas`.
delete from actividad_ods where actividad in (select cast(id as integer) from cambiadas)
