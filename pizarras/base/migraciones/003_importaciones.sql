-- Step 3, spreadsheet uploads: each import is a batch (who, when, which file, what it did), and every record it
-- inserted or changed is kept with its state before, so an admin can roll the batch back exactly.

create table importaciones (
    id              integer primary key,
    en              timestamp not null,
    usuario         varchar not null,
    tipo            varchar not null,
    archivo         varchar not null,
    sha256          varchar not null,
    insertadas      integer not null,
    actualizadas    integer not null,
    sin_cambio      integer not null,
    validadas       boolean not null,          -- an admin validated the rows on import
    revertida_en    timestamp,
    revertida_por   varchar
);

create table importacion_cambios (
    importacion     integer not null,
    orden           integer not null,
    tabla           varchar not null,
    registro        integer not null,
    accion          varchar not null check (accion in ('insertar', 'actualizar')),
    antes           varchar,                   -- the whole record before (JSON), NULL for an insert
    version_despues integer not null,          -- a rollback refuses a record changed after the import
    primary key (importacion, orden)
);
