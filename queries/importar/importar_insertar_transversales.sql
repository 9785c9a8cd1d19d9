-- The transversal-eje links of an import batch, from the registered relation `vinculos_transversales`.
insert into actividad_ejes_transversales select cast(actividad as integer), eje from vinculos_transversales
