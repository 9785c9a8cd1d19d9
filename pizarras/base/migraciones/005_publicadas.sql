-- Step 5, a published version beside the pending edit: what the public reads no longer moves while staff edit.
-- `actividades`, `compromisos` and `capacitaciones` stay the working version (the latest, under review or not);
-- their `*_publicadas` twins hold the version last validated, written at validation, with when it was last
-- updated and when and by whom it was validated. A record never validated has no published row. The links
-- (transversal ejes, ODS) and the progress reports have published twins too, so every public query reads one set.
-- Frozen: later changes are later steps. The Python half of this step (005_publicadas.py) then recovers, from the
-- audit trail, the last validated state of records that an edit had taken off the public boards.

create table actividades_publicadas (
    id              integer primary key,
    organismo       varchar not null,
    programa        varchar not null,
    eje             varchar not null,
    titulo          varchar not null,
    descripcion     varchar,
    tipo            varchar not null,
    fecha_inicio    date,
    fecha_fin       date,
    estatus         varchar not null,
    avance          integer not null,
    evidencia_url   varchar,
    periodo         integer not null,
    reportado_por   varchar not null,
    reportado_en    timestamp not null,
    revision        varchar not null,
    es_demo         boolean not null,
    fuente          varchar,
    notas           varchar,
    observacion     varchar,
    version         integer not null,          -- the working version that was validated
    actualizada_en  timestamp,                 -- when its content last changed (fecha de actualización)
    validada_en     timestamp not null,        -- when it was validated (fecha de validación)
    validada_por    varchar not null           -- the account that validated it; 'base' for what a build or migration published
);

create table actividad_ejes_transversales_publicadas (
    actividad   integer not null,
    eje         varchar not null,
    primary key (actividad, eje)
);

create table actividad_ods_publicadas (
    actividad   integer not null,
    ods         integer not null,
    primary key (actividad, ods)
);

-- Each published activity's progress as the public saw it over time: one row per publication that moved it
-- (`en` is when it was validated), and, for what was published before this step, its reports up to then.
create table reportes_publicados (
    actividad   integer not null,
    en          timestamp not null,
    avance      integer not null,
    estatus     varchar not null
);

create table compromisos_publicados (
    id                      integer primary key,
    entidad                 varchar not null,
    plan_accion             varchar not null,
    plan_numero             integer not null,
    plan_periodo            varchar,
    anio_inicio             integer,
    anio_fin                integer,
    titulo                  varchar not null,
    problema_publico        varchar,
    area_politica           varchar,
    institucion_responsable varchar,
    ods                     integer,
    ods_es_demo             boolean not null,
    estatus                 varchar not null,
    estatus_fuente          varchar,
    avance                  integer,
    fecha_inicio            date,
    fecha_fin               date,
    es_demo                 boolean not null,
    fuente_url              varchar,
    revision                varchar not null,
    observacion             varchar,
    notas                   varchar,
    version                 integer not null,
    actualizada_en          timestamp,
    validada_en             timestamp not null,
    validada_por            varchar not null
);

create table capacitaciones_publicadas (
    id                  integer primary key,
    titulo              varchar not null,
    tipo                varchar not null,
    organismo           varchar,
    organizador         varchar not null,
    entidad             varchar not null,
    modalidad           varchar,
    tema                varchar,
    eje                 varchar,
    fecha_inicio        date,
    fecha_fin           date,
    participantes       integer,
    mujeres             integer,
    hombres             integer,
    sujetos_obligados   integer,
    publico             varchar,
    es_demo             boolean not null,
    fuente_url          varchar,
    revision            varchar not null,
    observacion         varchar,
    notas               varchar,
    version             integer not null,
    actualizada_en      timestamp,
    validada_en         timestamp not null,
    validada_por        varchar not null
);

-- A rollback of an import that published puts the published versions back too: each changed record's published
-- row before the import (JSON; NULL when it had none).
alter table importacion_cambios add column publicada_antes varchar;
