-- The demo yearly values (seed/demo/mediciones.csv) of the demo indicators, ids and indicator-years already there
-- left alone. Parameters: $ruta (the CSV file).
insert into mediciones by name
select * from read_csv($ruta, header = true, nullstr = '') d
where d.id not in (select id from mediciones)
  and not exists (select 1 from mediciones m where m.indicador = d.indicador and m.anio = d.anio)
