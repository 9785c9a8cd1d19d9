-- The demo indicator sheets (seed/demo/indicadores.csv) into the catalogue, keys already there left alone.
-- Parameters: $ruta (the CSV file).
insert into indicadores by name
select * from read_csv($ruta, header = true, nullstr = '')
where clave not in (select clave from indicadores)
