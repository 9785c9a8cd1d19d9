-- A new self-reported activity, as a draft. Parameters: every column a person writes, plus $id, $usuario, $ahora.
insert into actividades (id, organismo, programa, eje, titulo, descripcion, tipo, fecha_inicio, fecha_fin, estatus,
                         avance, evidencia_url, periodo, reportado_por, reportado_en, revision, es_demo, fuente, notas,
                         observacion, version)
values ($id, $organismo, $programa, $eje, $titulo, $descripcion, $tipo, $fecha_inicio, $fecha_fin, $estatus,
        $avance, $evidencia_url, $periodo, $usuario, $ahora, 'borrador', false, 'Autorreporte', $notas, null, 1)
