-- Step 4, presentations: decks of slides a panelist projects in a workshop. Each slide is a board view with its
-- own filters (kept as the URL keeps them: filter name -> catalog keys, JSON text). Slides show validated data
-- only, like every public view. Slides do not declare a foreign key to their deck: DuckDB refuses any UPDATE of a
-- row another table references, and people rename decks; the write functions keep them whole
-- (pizarras.presentaciones).

create table presentaciones (
    clave       varchar primary key check (regexp_full_match(clave, '[a-z0-9][a-z0-9-]{1,39}')),
    titulo      varchar not null,
    descripcion varchar,
    intervalo   integer check (intervalo is null or intervalo between 3 and 600),  -- auto-advance seconds; NULL = by hand
    creada_por  varchar not null,             -- an account, or 'semilla' for the decks shipped with the seed
    creada_en   timestamp not null,
    cambiada_en timestamp not null,
    version     integer not null default 1 check (version >= 1)
);

create table diapositivas (
    presentacion varchar not null,
    posicion     integer not null check (posicion >= 1),
    vista        varchar not null,            -- a view of pizarras.diapositivas.VISTAS
    titulo       varchar,                     -- NULL: the view's own title
    filtros      varchar not null default '{}',
    primary key (presentacion, posicion)
);
