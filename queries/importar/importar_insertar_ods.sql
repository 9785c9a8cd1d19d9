-- The ODS links of an import batch, from the registered relation `vinculos_ods`.
insert into actividad_ods select cast(actividad as integer), cast(ods as integer) from vinculos_ods
