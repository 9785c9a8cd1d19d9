-- Step 1, the baseline: the schema of every database built before schema versions existed (main before the
-- self-report issue). Frozen: later changes are later steps. Catalogs first, facts after; every fact row carries
-- es_demo so demo data is never shown as real.

create table regiones (
    clave       varchar primary key,          -- 'norte', 'centro', ... , 'federal'
    nombre      varchar not null unique,
    orden       integer not null,
    verificado  boolean not null,
    nota        varchar
);

create table entidades (
    clave       varchar primary key check (regexp_full_match(clave, '[0-9]{2}')),  -- INEGI code, '00' = federal
    nombre      varchar not null unique,      -- official INEGI name
    nombre_corto varchar not null unique,     -- name as the reports write it
    region      varchar not null references regiones (clave)
);

create table organismos (
    clave       varchar primary key,          -- stable key, e.g. 'ITEI', 'INFONL'
    sigla       varchar not null,             -- current acronym
    nombre      varchar not null,
    entidad     varchar not null references entidades (clave),
    tipo        varchar not null check (tipo in ('nacional', 'local', 'federal')),
    nombres_anteriores varchar,               -- earlier acronyms, '; '-separated
    sitio       varchar,
    verificado  boolean not null
);

create table programas (
    clave       varchar primary key,
    nombre      varchar not null,
    sigla       varchar not null,
    periodo     varchar not null,
    tipo        varchar not null check (tipo in ('programa_nacional', 'plan_comision')),
    orden       integer not null,
    verificado  boolean not null
);

create table ejes (
    clave       varchar primary key,
    programa    varchar not null references programas (clave),
    tipo        varchar not null check (tipo in ('tematico', 'transversal')),
    numero      integer not null,
    nombre      varchar not null,
    verificado  boolean not null,             -- false: best available name, to be corrected from the DOF text
    unique (programa, tipo, numero)
);

create table ods (
    numero      integer primary key check (numero between 1 and 17),
    nombre      varchar not null unique,
    nombre_en   varchar not null,
    color       varchar not null check (regexp_full_match(color, '#[0-9A-F]{6}')),
    verificado  boolean not null
);

create table estatus (
    clave       varchar primary key,
    nombre      varchar not null unique,
    orden       integer not null unique,
    descripcion varchar not null
);

create table actividades (
    id              integer primary key,
    organismo       varchar not null references organismos (clave),
    programa        varchar not null references programas (clave),
    eje             varchar not null references ejes (clave),     -- eje temático
    titulo          varchar not null,
    descripcion     varchar,
    tipo            varchar not null,
    fecha_inicio    date,
    fecha_fin       date,
    estatus         varchar not null references estatus (clave),
    avance          integer not null check (avance between 0 and 100),
    evidencia_url   varchar,
    periodo         integer not null check (periodo between 2015 and 2100),  -- reporting year
    reportado_por   varchar not null,
    reportado_en    timestamp not null,
    revision        varchar not null check (revision in ('pendiente', 'validada', 'observada')),
    es_demo         boolean not null,
    fuente          varchar,
    check (fecha_fin is null or fecha_inicio is null or fecha_fin >= fecha_inicio)
);

create table actividad_ejes_transversales (
    actividad   integer not null references actividades (id),
    eje         varchar not null references ejes (clave),
    primary key (actividad, eje)
);

create table actividad_ods (
    actividad   integer not null references actividades (id),
    ods         integer not null references ods (numero),
    primary key (actividad, ods)
);

create table compromisos (
    id                      integer primary key,
    entidad                 varchar not null references entidades (clave),
    plan_accion             varchar not null,
    plan_numero             integer not null check (plan_numero >= 1),
    plan_periodo            varchar,
    anio_inicio             integer,
    anio_fin                integer,
    titulo                  varchar not null,
    problema_publico        varchar,
    area_politica           varchar,
    institucion_responsable varchar,
    ods                     integer references ods (numero),   -- directly aligned ODS, NULL when none
    ods_es_demo             boolean not null,                  -- no source aligns single commitments to an ODS
    estatus                 varchar not null references estatus (clave),
    estatus_fuente          varchar,                           -- status text as the source gave it
    avance                  integer check (avance between 0 and 100),
    fecha_inicio            date,
    fecha_fin               date,
    es_demo                 boolean not null,
    fuente_url              varchar,
    check (anio_fin is null or anio_inicio is null or anio_fin >= anio_inicio)
);

create table capacitaciones (
    id                  integer primary key,
    titulo              varchar not null,
    tipo                varchar not null check (tipo in ('curso', 'taller', 'diplomado', 'jornada', 'webinar', 'foro', 'seminario', 'panel', 'presentacion', 'programa')),
    organismo           varchar references organismos (clave),  -- organiser, when it is an SNT member
    organizador         varchar not null,                       -- organiser as the source names it
    entidad             varchar not null references entidades (clave),
    modalidad           varchar check (modalidad in ('presencial', 'virtual', 'autogestiva', 'mixta')),
    tema                varchar,
    eje                 varchar references ejes (clave),
    fecha_inicio        date,
    fecha_fin           date,
    participantes       integer check (participantes >= 0),
    mujeres             integer check (mujeres >= 0),
    hombres             integer check (hombres >= 0),
    sujetos_obligados   integer check (sujetos_obligados >= 0),
    publico             varchar,
    es_demo             boolean not null,
    fuente_url          varchar,
    check (mujeres is null or hombres is null or participantes is null or mujeres + hombres <= participantes)
);

create table stl_integrantes (
    entidad     varchar not null references entidades (clave),
    sector      varchar not null check (sector in ('publico', 'sociedad_civil', 'academia')),
    sexo        varchar not null check (sexo in ('mujer', 'hombre')),
    personas    integer not null check (personas >= 0),
    es_demo     boolean not null,
    fuente      varchar,
    primary key (entidad, sector, sexo)
);
