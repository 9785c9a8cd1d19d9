-- The indicator sheets of the filtered programmes and ejes, with the eje's name and kind and the programme's sigla.
-- Grain: one row per indicator, by programme, eje kind (temático first), eje number and the sheet's order.
-- Parameters: $programas, $ejes (lists of keys, NULL = all).
select
    i.clave, i.programa, p.sigla as programa_sigla, i.eje, j.nombre as eje_nombre, j.tipo as eje_tipo,
    i.nombre, i.objetivo, i.descripcion, i.metodo_calculo, i.unidad, i.periodicidad, i.sentido,
    i.medios_verificacion, i.actores, i.linea_base, i.meta_2022, i.meta_2023, i.meta_2024, i.meta_2025, i.meta_2026,
    i.calculo, i.organismo, i.verificado, i.es_demo, i.fuente
from indicadores_elegidos($programas, $ejes) i
join programas p on p.clave = i.programa
join ejes j on j.clave = i.eje
order by p.orden, j.tipo, j.numero, i.orden, i.clave
