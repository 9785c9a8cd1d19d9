-- Step 2, self-report: accounts, login attempts, the audit trail, review states and a version on every record a
-- person edits, and each activity's reports over time.
-- DuckDB cannot change a CHECK or add a NOT NULL column to a table other tables reference, so the three fact
-- tables people edit are rebuilt: their rows are kept aside, the tables recreated, the rows put back. The
-- baseline's review state 'pendiente' (sent, not yet reviewed) becomes 'enviada'.

create temp table _actividades as select * from actividades;
create temp table _transversales as select * from actividad_ejes_transversales;
create temp table _ods_actividad as select * from actividad_ods;
create temp table _compromisos as select * from compromisos;
create temp table _capacitaciones as select * from capacitaciones;
drop table actividad_ejes_transversales;
drop table actividad_ods;
drop table actividades;
drop table compromisos;
drop table capacitaciones;

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
    -- borrador (the enlace is writing) → enviada → validada, or observada (back to the enlace with a comment)
    revision        varchar not null check (revision in ('borrador', 'enviada', 'validada', 'observada')),
    es_demo         boolean not null,
    fuente          varchar,
    notas           varchar,                  -- the enlace's notes
    observacion     varchar,                  -- the reviewer's comment when observada
    version         integer not null default 1 check (version >= 1),  -- +1 on every change: no silent overwrite
    check (fecha_fin is null or fecha_inicio is null or fecha_fin >= fecha_inicio)
);
insert into actividades by name
select * exclude (revision), case revision when 'pendiente' then 'enviada' else revision end as revision
from _actividades
order by programa, periodo, estatus, organismo, id;

-- The link tables no longer declare a foreign key to actividades: DuckDB refuses any UPDATE of a row another table
-- references (even of columns no key uses), and people now update activities. The write functions keep the links
-- whole (pizarras.autorreporte, pizarras.importacion), and tests check that every link points to an activity.
create table actividad_ejes_transversales (
    actividad   integer not null,
    eje         varchar not null references ejes (clave),
    primary key (actividad, eje)
);
insert into actividad_ejes_transversales select * from _transversales order by eje, actividad;

create table actividad_ods (
    actividad   integer not null,
    ods         integer not null references ods (numero),
    primary key (actividad, ods)
);
insert into actividad_ods select * from _ods_actividad order by ods, actividad;

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
    revision                varchar not null default 'validada'
                            check (revision in ('borrador', 'enviada', 'validada', 'observada')),
    observacion             varchar,
    notas                   varchar,
    version                 integer not null default 1 check (version >= 1),
    check (anio_fin is null or anio_inicio is null or anio_fin >= anio_inicio)
);
-- Every commitment so far came from a published source or the demo generator: published as it is.
insert into compromisos by name select * from _compromisos;

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
    revision            varchar not null default 'validada'
                        check (revision in ('borrador', 'enviada', 'validada', 'observada')),
    observacion         varchar,
    notas               varchar,
    version             integer not null default 1 check (version >= 1),
    check (mujeres is null or hombres is null or participantes is null or mujeres + hombres <= participantes)
);
insert into capacitaciones by name select * from _capacitaciones;

drop table _actividades;
drop table _transversales;
drop table _ods_actividad;
drop table _compromisos;
drop table _capacitaciones;

create table usuarios (
    usuario         varchar primary key check (regexp_full_match(usuario, '[a-z0-9][a-z0-9._-]{2,39}')),
    nombre          varchar not null,
    correo          varchar not null,
    rol             varchar not null check (rol in ('admin', 'enlace', 'evaluador')),
    organismo       varchar references organismos (clave),
    clave_hash      varchar not null,         -- bcrypt
    activo          boolean not null default true,
    -- Sessions started before this moment are over (logout in every tab, a password reset, a disabled account):
    -- the login cookie cannot be revoked, so each run checks its start against this.
    sesiones_desde  timestamp not null,
    creado_en       timestamp not null,
    cambiado_en     timestamp not null,
    check ((rol = 'enlace') = (organismo is not null))
);

-- Every login attempt, kept in the database so the lockout survives restarts and is not per browser session.
create table intentos_acceso (
    usuario     varchar not null,
    en          timestamp not null,
    exito       boolean not null
);

create sequence auditoria_id;
-- Who did what, when, to which record, with the record before and after (JSON text).
create table auditoria (
    id          bigint primary key default nextval('auditoria_id'),
    en          timestamp not null,
    usuario     varchar,
    accion      varchar not null,
    tabla       varchar,
    registro    varchar,
    antes       varchar,
    despues     varchar,
    detalle     varchar
);

-- Each activity's progress as reported, one row per report: how it moved over time.
create table reportes_avance (
    actividad   integer not null,
    en          timestamp not null,
    avance      integer not null check (avance between 0 and 100),
    estatus     varchar not null,
    usuario     varchar not null
);
insert into reportes_avance select id, reportado_en, avance, estatus, reportado_por from actividades;
