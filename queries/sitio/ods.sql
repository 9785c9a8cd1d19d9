-- The 17 ODS with their names and official colours. Grain: one row per ODS. No parameters.
select numero, nombre, color from ods order by numero
