-- How many of the filtered records are not validated (borrador, enviada or observada): what an admin's or
-- evaluator's board counts beyond the public's, for the banner of the internal view. Grain: one row.
-- Parameters: the eight global filters (lists of keys, NULL = all), each kind taking the ones its board takes. The
-- macros get false for p_solo_validadas: these are the records the public view leaves out, whichever view is on.
select
    (select count(*)
     from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, false)
     where revision <> 'validada')                                                       as actividades,
    (select count(*)
     from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, false)
     where revision <> 'validada')                                                       as compromisos,
    (select count(*)
     from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, false)
     where revision <> 'validada')                                                       as capacitaciones
