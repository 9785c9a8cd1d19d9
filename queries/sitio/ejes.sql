-- Every eje with its kind, programme and the chart label the boards use ("PROTAI · name").
-- Grain: one row per eje, in the boards' order (tipo, programa, eje). No parameters.
select j.clave, j.nombre, j.tipo, j.programa, p.sigla as programa_sigla, p.orden as programa_orden, j.numero, j.verificado
from ejes j
join programas p on p.clave = j.programa
order by j.tipo, j.programa, j.clave
