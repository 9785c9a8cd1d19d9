-- The latest year with a value among every indicator (no filter): the year the board judges when no periodo is
-- chosen, the same for every filter so that narrowing to one eje never moves it.
-- Grain: one row. Parameters: $solo_validadas.
select max(anio) as anio
from mediciones_leidas($solo_validadas)
where valor is not null
