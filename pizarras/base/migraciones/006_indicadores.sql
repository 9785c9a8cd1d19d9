-- Step 6, the programmes' indicators: the indicator sheets (a catalogue the Secretaría Ejecutiva loads) and each
-- indicator's measured value per year, under the review and publication rule of every other record.
-- `indicadores` is reference data like `ejes`: admins load it, `verificado` says whether it came from the official
-- sheet, `es_demo` marks the demo set. Goals are one column per programme year (2022-2026, the PROTAI and
-- PRONADATOS sheets' years); `linea_base` is the 2020 baseline. `calculo` names, for an indicator whose method of
-- calculation the boards can compute from the published activities, which computation (NULL: reported only).
-- `organismo`: the organismo whose enlaces may report its values (NULL: admins only).
-- `mediciones` is the working version of each yearly value (drafts and edits under review included) and
-- `mediciones_publicadas` the version last validated, as with actividades / actividades_publicadas.
-- Frozen: later changes are later steps. It only adds tables, so every existing record is kept as it is.

create table indicadores (
    clave               varchar primary key,
    programa            varchar not null references programas (clave),
    eje                 varchar not null references ejes (clave),   -- eje temático or transversal
    nombre              varchar not null,
    objetivo            varchar,
    descripcion         varchar,
    metodo_calculo      varchar,
    unidad              varchar not null,                           -- 'porcentaje', 'número', ...
    periodicidad        varchar,
    sentido             varchar not null check (sentido in ('mayor', 'menor')),  -- which way is better
    medios_verificacion varchar,
    actores             varchar,
    linea_base          double,                                     -- 2020
    meta_2022           double,
    meta_2023           double,
    meta_2024           double,
    meta_2025           double,
    meta_2026           double,
    calculo             varchar,
    organismo           varchar references organismos (clave),
    verificado          boolean not null default false,
    es_demo             boolean not null default false,
    fuente              varchar,
    orden               integer not null default 0
);

create table mediciones (
    id              integer primary key,
    indicador       varchar not null,
    anio            integer not null check (anio between 2020 and 2030),
    valor           double,
    fuente_url      varchar,
    nota            varchar,
    reportado_por   varchar not null,
    reportado_en    timestamp not null,
    revision        varchar not null default 'enviada'
                    check (revision in ('borrador', 'enviada', 'validada', 'observada')),
    observacion     varchar,
    version         integer not null default 1,
    es_demo         boolean not null default false,
    unique (indicador, anio)
);

create table mediciones_publicadas (
    id              integer primary key,
    indicador       varchar not null,
    anio            integer not null,
    valor           double,
    fuente_url      varchar,
    nota            varchar,
    reportado_por   varchar not null,
    reportado_en    timestamp not null,
    revision        varchar not null,
    observacion     varchar,
    version         integer not null,
    es_demo         boolean not null,
    actualizada_en  timestamp,
    validada_en     timestamp not null,
    validada_por    varchar not null
);
