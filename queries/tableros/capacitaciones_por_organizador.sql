-- Filtered trainings and participants per organiser: the SNT member's acronym when the organiser is one, else
-- the organiser as the source names it. Grain: one row per organiser, most trainings first.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
-- A member's acronym and the same text typed for a non-member are two rows: the member goes first, so ties never
-- depend on the engine.
select
    coalesce(o.sigla, f.organizador) as organizador,
    f.organismo,
    f.organismo is not null as es_integrante,
    count(*) as capacitaciones,
    cast(coalesce(sum(f.participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas) f
left join organismos o on o.clave = f.organismo
group by all
order by capacitaciones desc, participantes desc, organizador, f.organismo nulls last
