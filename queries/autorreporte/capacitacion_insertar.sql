-- A new training organised by an SNT member, as a draft. Parameters: every column a person writes, plus $id.
insert into capacitaciones (id, titulo, tipo, organismo, organizador, entidad, modalidad, tema, eje, fecha_inicio,
                            fecha_fin, participantes, mujeres, hombres, sujetos_obligados, publico, es_demo,
                            fuente_url, revision, notas, version)
values ($id, $titulo, $tipo, $organismo, $organizador, $entidad, $modalidad, $tema, $eje, $fecha_inicio, $fecha_fin,
        $participantes, $mujeres, $hombres, $sujetos_obligados, $publico, false, null, 'borrador', $notas, 1)
