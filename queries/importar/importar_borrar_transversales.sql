-- The transversal-eje links of the activities an import changes (their new lists follow). No parameters; reads the
-- registered relation `cambiadas`.
delete from actividad_ejes_transversales where actividad in (select cast(id as integer) from cambiadas)
