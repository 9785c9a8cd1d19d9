-- How many filtered commitments are overdue: their plan ended (fecha_fin, else 31 Dec of anio_fin) before $hoy and
-- they are still programada or en proceso. Grain: one row.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists, NULL = all) and $hoy DATE.
select count(*) as vencidos
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
where es_vencida(estatus, coalesce(fecha_fin, make_date(anio_fin, 12, 31)), $hoy)
