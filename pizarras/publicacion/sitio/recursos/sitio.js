/* Pizarras de Avance, the static site: the app's filters applied in the browser, with no server.
 *
 * The figures are not computed here. `tableros/datos.json` holds the published records grouped at the grain of the filters
 * (written by the same queries and filter macros as the app's boards); this file only keeps the groups a choice of
 * filters selects and adds up their counts and sums, then writes the results the app's way (es-MX formats, the same
 * labels, colours and order). tests/e2e/test_sitio_e2e.py compares it with the app for many filter
 * choices. Text from the data is always set as text (textContent), never as HTML.
 */
(function () {
  "use strict";

  var D = document;
  var RAIZ = D.documentElement.getAttribute("data-raiz") || "./";
  var PAGINA = D.body.getAttribute("data-pagina");
  var datos = {};  // catalogo, hechos, filas/indice, once loaded
  var cat;         // datos.catalogo, indexed (see indexar)

  // ---------- es-MX formats, as pizarras.estilo writes them ----------

  function redondeoPar(x, d) {
    // Python rounds an exact tie to even ("45.25" -> "45.2"); toFixed rounds it up. toFixed is exact otherwise.
    var s = x.toFixed(d);
    var largo = Math.abs(x).toFixed(Math.min(100, d + 40));
    var punto = largo.indexOf(".");
    var cola = largo.slice(punto + 1 + d);
    if (/^50*$/.test(cola)) {
      var ultimo = parseInt(s.charAt(s.length - 1), 10);
      if (ultimo % 2 === 1) {  // rounded up to odd: the even neighbour is one unit below
        var abajo = (Math.abs(x) - 0.5 * Math.pow(10, -d)).toFixed(d);
        s = (x < 0 ? "-" : "") + abajo;
      }
    }
    return s;
  }
  function miles(s) {
    var partes = s.split(".");
    var signo = partes[0].charAt(0) === "-" ? "-" : "";
    var entera = partes[0].replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return signo + entera + (partes.length > 1 ? "." + partes[1] : "");
  }
  function vacio(v) { return v === null || v === undefined || (typeof v === "number" && isNaN(v)); }
  var SIN_DATO = "\u2014";
  function entero(v) { return vacio(v) ? SIN_DATO : miles(redondeoPar(v, 0)); }
  function porcentaje(v, d) { return vacio(v) ? SIN_DATO : miles(redondeoPar(v, d === undefined ? 1 : d)) + " %"; }
  function fecha(iso) { return vacio(iso) ? SIN_DATO : iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4); }
  function lista(elementos) {
    if (elementos.length <= 1) return elementos.join("");
    return elementos.slice(0, -1).join(", ") + " y " + elementos[elementos.length - 1];
  }
  function cantidad(n, singular, plural) { return entero(n) + " " + (n === 1 ? singular : plural); }
  function normalizar(t) {
    return String(t).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[_-]/g, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  // ---------- data ----------

  // The publication's stamp on every data file's address: a server may cache data longer than pages, and a page
  // just republished must never read the previous publication's data.
  var VERSION = D.documentElement.getAttribute("data-version") || "";
  function leer(ruta) {
    return fetch(RAIZ + ruta + (VERSION ? "?v=" + VERSION : "")).then(function (r) {
      if (!r.ok) throw new Error(ruta + ": " + r.status);
      return r.json();
    });
  }

  function filasDe(columnas) {
    var claves = Object.keys(columnas);
    var n = claves.length ? columnas[claves[0]].length : 0;
    var filas = new Array(n);
    for (var i = 0; i < n; i++) {
      var f = {};
      for (var k = 0; k < claves.length; k++) f[claves[k]] = columnas[claves[k]][i];
      filas[i] = f;
    }
    return filas;
  }

  function indexar(c) {
    var x = { crudo: c, filtros: c.filtros, porFiltro: {} };
    c.filtros.forEach(function (f) { x.porFiltro[f.clave] = f; });
    x.organismos = {};
    filasDe(c.organismos).forEach(function (o) { x.organismos[o.organismo] = o; });
    x.entidades = {};
    filasDe(c.entidades).forEach(function (e) { x.entidades[e.clave] = e; });
    x.ejes = {};
    x.listaEjes = filasDe(c.ejes);
    x.listaEjes.forEach(function (j) { x.ejes[j.clave] = j; });
    x.estatus = filasDe(c.estatus);
    x.ods = {};
    filasDe(c.ods).forEach(function (o) { x.ods[o.numero] = o; });
    x.regiones = x.porFiltro.region.opciones.map(function (o) { return { clave: o[0], nombre: o[1] }; });
    x.nombreRegion = {};
    x.regiones.forEach(function (r) { x.nombreRegion[r.clave] = r.nombre; });
    return x;
  }

  // ---------- filters: from the URL, as pizarras.lectura.filtros resolves them ----------

  function vacios() {
    var f = {};
    cat.filtros.forEach(function (d) { f[d.clave] = []; });
    return f;
  }

  function visibles(clave, f) {
    var todas = cat.porFiltro[clave].opciones;
    if (clave === "eje" && f.programa.length) return todas.filter(function (o) { return f.programa.indexOf(o[2]) >= 0; });
    if (clave === "organismo" && (f.entidad.length || f.region.length)) {
      var ents = {};
      cat.porFiltro.entidad.opciones.forEach(function (o) {
        if ((!f.entidad.length || f.entidad.indexOf(o[0]) >= 0) && (!f.region.length || f.region.indexOf(o[2]) >= 0)) ents[o[0]] = 1;
      });
      return todas.filter(function (o) { return ents[o[2]]; });
    }
    if (clave === "entidad" && f.region.length) return todas.filter(function (o) { return f.region.indexOf(o[2]) >= 0; });
    return todas;
  }

  function podar(f) {
    ["entidad", "organismo", "eje"].forEach(function (clave) {
      var ok = {};
      visibles(clave, f).forEach(function (o) { ok[o[0]] = 1; });
      f[clave] = f[clave].filter(function (v) { return ok[v]; });
    });
    return f;
  }

  function desdeURL(busqueda) {
    var p = new URLSearchParams(busqueda);
    var f = vacios();
    var desconocidos = [];
    cat.filtros.forEach(function (d) {
      var indice = {};
      d.opciones.forEach(function (o) {
        var a = normalizar(o[0]), b = normalizar(o[1]);
        if (!(a in indice)) indice[a] = o[0];
        if (!(b in indice)) indice[b] = o[0];
      });
      var malos = [];
      p.getAll(d.clave).forEach(function (v) {
        var clave = indice[normalizar(v)];
        if (clave === undefined) { if (v.trim()) malos.push(v); }
        else if (f[d.clave].indexOf(clave) < 0) f[d.clave].push(clave);
      });
      if (malos.length) desconocidos.push([d, malos]);
    });
    return { filtros: podar(f), desconocidos: desconocidos };
  }

  function aURL(f) {
    var p = new URLSearchParams();
    cat.filtros.forEach(function (d) { f[d.clave].forEach(function (v) { p.append(d.clave, String(v)); }); });
    var s = p.toString();
    return s ? "?" + s : "";
  }

  // ---------- which groups a choice of filters keeps (the filter macros of pizarras/base/vistas.sql) ----------

  function tiene(lista_, v) { return lista_.indexOf(v) >= 0; }
  function alguno(lista_, valores) {
    for (var i = 0; i < valores.length; i++) if (lista_.indexOf(valores[i]) >= 0) return true;
    return false;
  }
  function regionDeEntidad(e) { var x = cat.entidades[e]; return x ? x.region : null; }

  function actividadPasa(f, g) {
    var o = cat.organismos[g.organismo];
    if (f.organismo.length && !tiene(f.organismo, g.organismo)) return false;
    if (f.region.length && !(o && tiene(f.region, o.region))) return false;
    if (f.entidad.length && !(o && tiene(f.entidad, o.entidad))) return false;
    if (f.programa.length && !tiene(f.programa, g.programa)) return false;
    if (f.eje.length && !tiene(f.eje, g.eje) && !alguno(f.eje, g.transversales)) return false;
    if (f.ods.length && !alguno(f.ods, g.ods)) return false;
    if (f.periodo.length && !tiene(f.periodo, g.periodo)) return false;
    if (f.estatus.length && !tiene(f.estatus, g.estatus)) return false;
    return true;
  }

  function compromisoPasa(f, g) {
    if (f.region.length && !tiene(f.region, regionDeEntidad(g.entidad))) return false;
    if (f.entidad.length && !tiene(f.entidad, g.entidad)) return false;
    if (f.organismo.length) {
      var ents = f.organismo.map(function (k) { return cat.organismos[k] ? cat.organismos[k].entidad : null; });
      if (!tiene(ents, g.entidad)) return false;
    }
    if (f.ods.length && !(g.ods !== null && tiene(f.ods, g.ods))) return false;
    if (f.periodo.length) {
      if (g.anio_inicio === null) return false;
      var fin = g.anio_fin === null ? g.anio_inicio : g.anio_fin;
      var alguno_ = f.periodo.some(function (y) { return y >= g.anio_inicio && y <= fin; });
      if (!alguno_) return false;
    }
    if (f.estatus.length && !tiene(f.estatus, g.estatus)) return false;
    return true;
  }

  function capacitacionPasa(f, g) {
    if (f.region.length && !tiene(f.region, regionDeEntidad(g.entidad))) return false;
    if (f.entidad.length && !tiene(f.entidad, g.entidad)) return false;
    if (f.organismo.length && !tiene(f.organismo, g.organismo)) return false;
    if (f.programa.length && !(g.programa !== null && tiene(f.programa, g.programa))) return false;
    if (f.eje.length && !tiene(f.eje, g.eje)) return false;
    if (f.periodo.length && !tiene(f.periodo, g.periodo)) return false;
    return true;
  }

  // The filters each kind of record takes (the others "no aplican", as the app says under its figures).
  var TOMA = {
    compromisos: ["region", "entidad", "organismo", "ods", "periodo", "estatus"],
    capacitaciones: ["region", "entidad", "organismo", "programa", "eje", "periodo"],
    stl: ["region", "entidad", "organismo"]
  };
  function noAplican(f, tipo) {
    return cat.filtros.filter(function (d) { return f[d.clave].length && TOMA[tipo].indexOf(d.clave) < 0; })
      .map(function (d) { return d.etiqueta; });
  }
  function fraseNoAplican(nombres, que) {
    if (!nombres.length) return null;
    if (nombres.length === 1) return "El filtro " + nombres[0] + " no aplica a " + que + ".";
    return "Los filtros " + lista(nombres) + " no aplican a " + que + ".";
  }

  // ---------- sums over the kept groups ----------

  function maximo(a, b) { return vacio(a) ? b : (vacio(b) ? a : (b > a ? b : a)); }

  function kpiActividades(grupos) {
    var k = { actividades: 0, programadas: 0, en_proceso: 0, concluidas: 0, canceladas: 0, vencidas: 0, demo: 0,
              suma: 0, con_avance: 0, organismos: {}, ultimo_reporte: null, ultima_validacion: null };
    grupos.forEach(function (g) {
      k.actividades += g.n;
      if (g.estatus === "programada") k.programadas += g.n;
      else if (g.estatus === "en_proceso") k.en_proceso += g.n;
      else if (g.estatus === "concluida") k.concluidas += g.n;
      else if (g.estatus === "cancelada") k.canceladas += g.n;
      if (g.estatus !== "cancelada") { k.suma += g.suma; k.con_avance += g.n; }
      k.vencidas += g.vencidas;
      k.demo += g.demo;
      k.organismos[g.organismo] = 1;
      k.ultimo_reporte = maximo(k.ultimo_reporte, g.ultimo_reporte);
      k.ultima_validacion = maximo(k.ultima_validacion, g.ultima_validacion);
    });
    k.avance_promedio = k.con_avance ? k.suma / k.con_avance : null;
    k.organismos_reportando = Object.keys(k.organismos).length;
    return k;
  }

  function kpiCompromisos(grupos) {
    var k = { compromisos: 0, demo_registros: 0, alineados_ods: 0, concluidos: 0, suma: 0, con_avance: 0,
              entidades: {}, planes: {}, demo: 0, vencidos: 0, ultima_validacion: null };
    grupos.forEach(function (g) {
      k.compromisos += g.n;
      if (g.es_demo) k.demo_registros += g.n;
      if (g.ods !== null) k.alineados_ods += g.n;
      if (g.estatus === "concluida") k.concluidos += g.n;
      if (g.es_demo || g.ods_es_demo) k.demo += g.n;
      k.suma += g.suma || 0;
      k.con_avance += g.con_avance;
      k.vencidos += g.vencidos;
      k.entidades[g.entidad] = 1;
      k.planes[g.entidad + "\u0000" + g.plan_accion] = 1;
      k.ultima_validacion = maximo(k.ultima_validacion, g.ultima_validacion);
    });
    k.avance_promedio = k.con_avance ? k.suma / k.con_avance : null;
    k.entidades = Object.keys(k.entidades).length;
    k.planes = Object.keys(k.planes).length;
    return k;
  }

  function kpiCapacitaciones(grupos) {
    var k = { capacitaciones: 0, participantes: 0, mujeres: 0, hombres: 0, participantes_sin_sexo: 0,
              sujetos_obligados: 0, demo: 0, ultima_validacion: null };
    var organizadores = new Set();  // "count(distinct coalesce(organismo, organizador))"
    grupos.forEach(function (g) {
      k.capacitaciones += g.n; k.participantes += g.participantes; k.mujeres += g.mujeres; k.hombres += g.hombres;
      k.participantes_sin_sexo += g.participantes_sin_sexo; k.sujetos_obligados += g.sujetos_obligados;
      k.demo += g.demo;
      k.ultima_validacion = maximo(k.ultima_validacion, g.ultima_validacion);
      if (g.clave_organizador !== null) organizadores.add(g.clave_organizador);
    });
    k.organizadores = organizadores.size;
    return k;
  }

  function contarPor(grupos, claveDe) {
    // Trainings and participants by claveDe(g) (null is a key of its own), in first-seen order.
    var porClave = new Map();
    grupos.forEach(function (g) {
      var c = claveDe(g);
      var a = porClave.get(c);
      if (!a) { a = { clave: c, n: 0, participantes: 0, g: g }; porClave.set(c, a); }
      a.n += g.n; a.participantes += g.participantes;
    });
    return Array.from(porClave.values());
  }
  function nulosAlFinal(a, b) { return (a === null) - (b === null); }
  function conteo(titulo, filas, etiquetaDe, color, columna) {
    return { dibujo: "barras_conteo", titulo: titulo, color: color, columnas: [columna, "Capacitaciones", "Participantes"],
             filas: filas.map(function (x) { return { etiqueta: etiquetaDe(x), valor: x.n, n: x.participantes }; }) };
  }
  function nombreDeValor(nombres, v) { return v === null ? cat.crudo.sin_dato : (v in nombres ? nombres[v] : String(v)); }

  function porOrganizador(grupos) {
    // "order by capacitaciones desc, participantes desc, organizador, organismo nulls last"
    var filas = contarPor(grupos, function (g) { return JSON.stringify([g.organizador, g.organismo]); });
    filas.forEach(function (x) { x.organizador = x.g.organizador; x.organismo = x.g.organismo; });
    filas.sort(function (a, b) {
      return (b.n - a.n) || (b.participantes - a.participantes) || comparar(a.organizador, b.organizador) ||
        nulosAlFinal(a.organismo, b.organismo) || comparar(a.organismo, b.organismo);
    });
    var cuantos = cat.crudo.organizadores_visibles, principales = filas, titulo;
    if (filas.length <= cuantos) {
      titulo = "Organizadores (" + filas.length + ")";
    } else {
      var corte = filas[cuantos - 1].n;  // every organiser tied with the last one shown stays (principales_organizadores)
      principales = filas.filter(function (x) { return x.n >= corte; });
      titulo = principales.length > cuantos
        ? "Principales organizadores: los " + cuantos + " con más capacitaciones y sus empates (" + principales.length + " de " + filas.length + ")"
        : "Principales organizadores (" + principales.length + " de " + filas.length + ")";
    }
    return conteo(titulo, principales, function (x) { return x.organizador; }, cat.crudo.paleta[1], "Organizador");
  }

  function graficasDeCompromisos(e, estatus, ods, f) {
    // In the order pages/compromisos.py draws them; the STL chart only where the filters leave STL members.
    var P = cat.crudo.paleta;
    var graficas = { por_plan: porPlan(e.compromisos),
                     por_estatus: { dibujo: "barras_estatus_avance", titulo: "Compromisos por estatus", filas: estatus },
                     por_area: porArea(e.compromisos, P[2]),
                     por_ods: { dibujo: "barras_ods", titulo: "Compromisos alineados a cada ODS", filas: ods } };
    var stl = integrantesStl(f);
    if (stl) graficas.stl = stl;
    return graficas;
  }

  function porPlan(grupos) {
    // "order by region orden, entidad, plan_numero, plan_accion" (tableros/compromisos_por_plan)
    var planes = new Map();
    grupos.forEach(function (g) {
      var clave = JSON.stringify([g.entidad, g.plan_accion]);
      var a = planes.get(clave);
      if (!a) { a = { entidad: g.entidad, plan_accion: g.plan_accion, plan_numero: g.plan_numero, n: 0, concluidos: 0 }; planes.set(clave, a); }
      a.n += g.n;
      if (g.estatus === "concluida") a.concluidos += g.n;
    });
    var orden = cat.regiones.map(function (r) { return r.clave; });
    var filas = Array.from(planes.values()).sort(function (a, b) {
      return (orden.indexOf(regionDeEntidad(a.entidad)) - orden.indexOf(regionDeEntidad(b.entidad))) ||
        comparar(a.entidad, b.entidad) || nulosAlFinal(a.plan_numero, b.plan_numero) || (a.plan_numero - b.plan_numero) ||
        comparar(a.plan_accion, b.plan_accion);
    });
    // Each plan by its ordinal, coloured as the app colours its stacked segments; its full name in the hover.
    var numeros = Array.from(new Set(filas.map(function (x) { return x.plan_numero; }))).sort(function (a, b) { return a - b; });
    var P = cat.crudo.paleta;
    return { dibujo: "barras_planes", titulo: "Compromisos por entidad y plan de acción",
             filas: filas.map(function (x) {
               return { etiqueta: cat.entidades[x.entidad].nombre_corto + " \u00b7 " + (cat.crudo.ordinales[x.plan_numero] || "Plan " + x.plan_numero),
                        completo: x.plan_accion, valor: x.n, n: x.concluidos,
                        color: P[[0, 4, 2, 3][numeros.indexOf(x.plan_numero) % 4]] };
             }) };
  }

  function porArea(grupos, color) {
    // The catalogue's areas, most commitments first, then in the catalogue's order (pizarras.lectura.areas)
    var areas = new Map();
    grupos.forEach(function (g) {
      var a = areas.get(g.area);
      if (!a) { a = { area: g.area, n: 0, concluidos: 0 }; areas.set(g.area, a); }
      a.n += g.n;
      if (g.estatus === "concluida") a.concluidos += g.n;
    });
    var orden = cat.crudo.areas;
    var filas = Array.from(areas.values()).sort(function (a, b) { return (b.n - a.n) || (orden.indexOf(a.area) - orden.indexOf(b.area)); });
    return { dibujo: "barras_conteo", titulo: "Compromisos por área de política", color: color,
             columnas: ["Área de política", "Compromisos", "Concluidos"],
             filas: filas.map(function (x) { return { etiqueta: x.area, valor: x.n, n: x.concluidos }; }) };
  }

  function integrantesStl(f) {
    // As tableros/stl_integrantes_por_sector filters them (región, entidad, organismo's entidad), by sector in the
    // catalogue's order, women and men; null when no member is left.
    var ents = f.organismo.map(function (k) { return cat.organismos[k] ? cat.organismos[k].entidad : null; });
    var filas = filasH("stl").filter(function (g) {
      return (!f.region.length || tiene(f.region, regionDeEntidad(g.entidad))) && (!f.entidad.length || tiene(f.entidad, g.entidad)) &&
        (!f.organismo.length || tiene(ents, g.entidad));
    });
    if (!filas.length) return null;
    var porSector = {};
    filas.forEach(function (g) {
      var s = porSector[g.sector] || (porSector[g.sector] = { mujer: 0, hombre: 0 });
      if (g.sexo in s) s[g.sexo] += g.personas;
    });
    return { dibujo: "barras_stl", titulo: "Integrantes de los STL por sector y sexo",
             filas: cat.crudo.sectores.filter(function (s) { return porSector[s[0]]; }).map(function (s) {
               return { etiqueta: s[1], valor: porSector[s[0]].mujer, n: porSector[s[0]].hombre };
             }) };
  }

  function porEjeDeCapacitaciones(grupos) {
    // "order by eje is null, programa orden, eje tipo, numero"
    var filas = contarPor(grupos, function (g) { return g.eje; });
    filas.sort(function (a, b) {
      var x = cat.ejes[a.clave], y = cat.ejes[b.clave];
      if (!x || !y) return (!x) - (!y);
      return (x.programa_orden - y.programa_orden) || comparar(x.tipo, y.tipo) || (x.numero - y.numero);
    });
    return conteo("Capacitaciones por eje", filas, function (x) {
      var j = cat.ejes[x.clave];
      return j ? j.programa_sigla + " \u00b7 " + j.nombre : cat.crudo.sin_eje;
    }, cat.crudo.paleta[3], "Eje");
  }

  function sumarPor(grupos, claveDe, medir) {
    // Groups of `grupos` by claveDe(g) (a key or a list of keys), in first-seen order.
    var orden = [], acumulados = {};
    grupos.forEach(function (g) {
      var claves = claveDe(g);
      if (!Array.isArray(claves)) claves = [claves];
      claves.forEach(function (c) {
        if (!(c in acumulados)) { acumulados[c] = { clave: c, n: 0, suma: 0, con_avance: 0, concluidas: 0, vencidas: 0 }; orden.push(c); }
        var a = acumulados[c];
        a.n += g.n;
        if (g.estatus !== "cancelada") { a.suma += g.suma; a.con_avance += g.n; }
        if (g.estatus === "concluida") a.concluidas += g.n;
        a.vencidas += g.vencidas;
        if (medir) medir(a, g);
      });
    });
    return orden.map(function (c) {
      var a = acumulados[c];
      a.avance_promedio = a.con_avance ? a.suma / a.con_avance : null;
      return a;
    });
  }

  function comparar(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }

  // pizarras.graficas.avance.orden_de_avance: groups of at least `minimo` activities by average progress, then the
  // small ones; ties keep the query's order (pandas sorts stably).
  function ordenDeAvance(filas) {
    var minimo = cat.crudo.minimo_actividades;
    return filas.map(function (f, i) { f.pequeno = f.n < minimo; f._i = i; return f; }).sort(function (a, b) {
      if (a.pequeno !== b.pequeno) return a.pequeno ? 1 : -1;
      var va = a.avance_promedio, vb = b.avance_promedio;
      if (vacio(va) !== vacio(vb)) return vacio(va) ? 1 : -1;
      if (!vacio(va) && va !== vb) return vb - va;
      if (a.n !== b.n) return b.n - a.n;
      return a._i - b._i;
    });
  }

  function barrasAvance(titulo, filas, etiquetaDe, color) {
    return { dibujo: "barras_avance", titulo: titulo, color: color,
             filas: ordenDeAvance(filas).map(function (f) {
               return { etiqueta: etiquetaDe(f), valor: f.avance_promedio, n: f.n, pequeno: f.pequeno };
             }) };
  }

  function porEje(grupos, orden, medir) {
    var filas = sumarPor(grupos, function (g) { return [g.eje].concat(g.transversales); }, medir);
    filas = filas.filter(function (f) { return cat.ejes[f.clave]; });
    filas.sort(function (a, b) {
      var x = cat.ejes[a.clave], y = cat.ejes[b.clave];
      return comparar(x.tipo, y.tipo) || (orden === "numero"
        ? (x.programa_orden - y.programa_orden) || (x.numero - y.numero)
        : comparar(x.programa, y.programa) || comparar(x.clave, y.clave));
    });
    return filas;
  }
  function ejesYEstatus(grupos) {
    // An organismo's activities by eje and status (tableros/actividades_por_eje_estatus), as its board's table.
    var filas = porEje(grupos, "numero", function (a, g) {
      a.programadas = (a.programadas || 0) + (g.estatus === "programada" ? g.n : 0);
      a.en_proceso = (a.en_proceso || 0) + (g.estatus === "en_proceso" ? g.n : 0);
      a.canceladas = (a.canceladas || 0) + (g.estatus === "cancelada" ? g.n : 0);
    });
    return { clave: "ejes", titulo: "Actividades por eje y estatus", nota: cat.crudo.nota_ejes,
             filas: filas.map(function (x) {
               var j = cat.ejes[x.clave];
               return [j.programa_sigla, j.nombre, cat.crudo.tipos_eje[j.tipo] || j.tipo, entero(x.n), entero(x.programadas),
                       entero(x.en_proceso), entero(x.concluidas), entero(x.canceladas), entero(x.vencidas),
                       porcentaje(x.avance_promedio)];
             }) };
  }
  function etiquetaEje(f) { var j = cat.ejes[f.clave]; return j.programa_sigla + " \u00b7 " + j.nombre; }

  function porOrganismo(grupos) {
    var filas = sumarPor(grupos, function (g) { return g.organismo; });
    filas.sort(function (a, b) {  // "order by avance_promedio desc nulls last, sigla"
      if (vacio(a.avance_promedio) !== vacio(b.avance_promedio)) return vacio(a.avance_promedio) ? 1 : -1;
      if (a.avance_promedio !== b.avance_promedio) return b.avance_promedio - a.avance_promedio;
      return comparar(cat.organismos[a.clave].sigla, cat.organismos[b.clave].sigla);
    });
    return filas;
  }

  function porRegion(grupos) {
    var filas = sumarPor(grupos, function (g) { return cat.organismos[g.organismo].region; });
    var orden = cat.regiones.map(function (r) { return r.clave; });
    return filas.sort(function (a, b) { return orden.indexOf(a.clave) - orden.indexOf(b.clave); });
  }

  // ---------- the boards ----------

  function cifra(clave, valor, formato, ayuda) {
    return { clave: clave, etiqueta: cat.crudo.etiquetas_cifras[clave], valor: valor,
             texto: (formato || entero)(valor), ayuda: ayuda || null };
  }
  function ayudaVencidas() { return "Actividades con fin programado anterior al " + fecha(cat.crudo.hoy) + " que no están concluidas ni canceladas."; }
  function validadosAl() {
    var f = null;
    for (var i = 0; i < arguments.length; i++) f = maximo(f, arguments[i]);
    return f ? "Datos validados al " + fecha(f) : null;
  }

  // pizarras.lectura.tableros.Demo.texto (the long notice).
  function textoDemo(actividades, compromisos, alineaciones, capacitaciones) {
    var partes = [];
    [[actividades, "actividad", "actividades"], [compromisos, "compromiso", "compromisos"],
     [capacitaciones, "capacitación", "capacitaciones"]].forEach(function (x) { if (x[0]) partes.push(cantidad(x[0], x[1], x[2])); });
    var frases = [];
    if (partes.length) {
      frases.push("Datos de demostración, no reportes reales del SNT: " + lista(partes) + " de las cifras de esta " +
                  "página (columna «Dato de demostración» en las tablas).");
    }
    if (alineaciones) {
      var inicio = partes.length ? "Además, " : "Datos de demostración: ";
      frases.push(inicio + cantidad(alineaciones, "compromiso real tiene", "compromisos reales tienen") +
                  " una alineación a un ODS de demostración (columna «Alineación ODS de demostración»).");
    }
    if (!frases.length) return null;
    return frases.join(" ") + " Los catálogos y las cifras publicadas por la Comisión de Gobierno Abierto sí son reales.";
  }

  // Demo.texto(corto=True): one sentence, for a phone.
  function textoDemoCorto(actividades, compromisos, alineaciones, capacitaciones) {
    var partes = [];
    [[actividades, "actividad", "actividades"], [compromisos, "compromiso", "compromisos"],
     [capacitaciones, "capacitación", "capacitaciones"], [alineaciones, "alineación a un ODS", "alineaciones a un ODS"]]
      .forEach(function (x) { if (x[0]) partes.push(cantidad(x[0], x[1], x[2])); });
    if (!partes.length) return null;
    var total = actividades + compromisos + alineaciones + capacitaciones;
    return "Datos de demostración: " + lista(partes) + " de esta página " +
      (total === 1 ? "no es un dato real" : "no son datos reales") + " del SNT.";
  }
  function demoDe(ka, kc, kk) {
    var a = ka ? ka.demo : 0, c = kc ? kc.demo_registros : 0, al = kc ? kc.demo - kc.demo_registros : 0, k = kk ? kk.demo : 0;
    return { largo: textoDemo(a, c, al, k), corto: textoDemoCorto(a, c, al, k) };
  }

  function elegidos(f) {
    return {
      actividades: filasH("actividades").filter(function (g) { return actividadPasa(f, g); }),
      compromisos: filasH("compromisos").filter(function (g) { return compromisoPasa(f, g); }),
      capacitaciones: filasH("capacitaciones").filter(function (g) { return capacitacionPasa(f, g); })
    };
  }
  var _filasH = {};
  function filasH(tipo) { return _filasH[tipo] || (_filasH[tipo] = filasDe(datos.hechos[tipo])); }

  function notasNoAplican(f) {
    return [fraseNoAplican(noAplican(f, "compromisos"), "los compromisos de gobierno abierto"),
            fraseNoAplican(noAplican(f, "capacitaciones"), "las capacitaciones")].filter(Boolean);
  }

  var TABLEROS = {
    pizarra_nacional: function (f) {
      var e = elegidos(f);
      var ka = kpiActividades(e.actividades), kc = kpiCompromisos(e.compromisos), kk = kpiCapacitaciones(e.capacitaciones);
      var ejes = porEje(e.actividades, "clave");
      var P = cat.crudo.paleta;
      var tematicos = ejes.filter(function (x) { return cat.ejes[x.clave].tipo === "tematico"; });
      var transversales = ejes.filter(function (x) { return cat.ejes[x.clave].tipo === "transversal"; });
      var graficas = {
        por_estatus: { dibujo: "barras_estatus", titulo: "Actividades por estatus",
                       filas: cat.estatus.map(function (s) {
                         var n = 0;
                         e.actividades.forEach(function (g) { if (g.estatus === s.clave) n += g.n; });
                         return { etiqueta: s.nombre, valor: n, color: s.color };
                       }) },
        por_region: barrasAvance("Avance por región", porRegion(e.actividades), function (x) { return cat.nombreRegion[x.clave]; }, P[0]),
        por_eje_tematico: barrasAvance("Avance por eje temático", tematicos, etiquetaEje, P[0]),
        por_eje_transversal: barrasAvance("Avance por eje transversal", transversales, etiquetaEje, P[2]),
        por_organismo: barrasAvance("Avance por organismo", porOrganismo(e.actividades), function (x) { return cat.organismos[x.clave].sigla; }, P[1])
      };
      if (!transversales.length) delete graficas.por_eje_transversal;
      return {
        cifras: [cifra("actividades", ka.actividades), cifra("concluidas", ka.concluidas), cifra("en_proceso", ka.en_proceso),
                 cifra("programadas", ka.programadas), cifra("canceladas", ka.canceladas),
                 cifra("avance_promedio", ka.avance_promedio, porcentaje), cifra("organismos_reportando", ka.organismos_reportando),
                 cifra("vencidas", ka.vencidas, entero, ayudaVencidas()),
                 cifra("compromisos", kc.compromisos, entero, "Compromisos de gobierno abierto de los planes de acción locales."),
                 cifra("personas_capacitadas", kk.participantes)],
        validados: validadosAl(ka.ultima_validacion, kc.ultima_validacion, kk.ultima_validacion),
        demo: demoDe(ka, kc, kk),
        notas: notasNoAplican(f),
        vacia: ka.actividades === 0,
        vacio: "actividades",
        graficas: graficas,
        tabla: "actividades"
      };
    },

    pizarra_region: function (f) {
      if (f.region.length !== 1) return { elegir: "region" };
      var region = f.region[0];
      var e = elegidos(f);
      var ka = kpiActividades(e.actividades), kc = kpiCompromisos(e.compromisos), kk = kpiCapacitaciones(e.capacitaciones);
      // Every organismo the place filters select, with or without activities (tableros/organismos_comparados).
      var enLugar = cat.porFiltro.organismo.opciones.map(function (o) { return cat.organismos[o[0]]; }).filter(function (o) {
        return tiene(f.region, o.region) && (!f.entidad.length || tiene(f.entidad, o.entidad)) &&
               (!f.organismo.length || tiene(f.organismo, o.organismo));
      });
      var conActividades = porOrganismo(e.actividades);
      var porClave = {};
      sumarPor(e.actividades, function (g) { return g.organismo; }, function (a, g) {
        a.ultimo_reporte = maximo(a.ultimo_reporte === undefined ? null : a.ultimo_reporte, g.ultimo_reporte);
      }).forEach(function (x) { porClave[x.clave] = x; });
      // «Organismos lado a lado»: "order by avance_promedio desc nulls last, sigla" (tableros/organismos_comparados)
      var lado = enLugar.map(function (o) {
        var x = porClave[o.organismo] || { n: 0, concluidas: 0, vencidas: 0, avance_promedio: null, ultimo_reporte: null };
        return { sigla: o.sigla, entidad: cat.entidades[o.entidad].nombre_corto, x: x };
      }).sort(function (a, b) {
        return nulosAlFinal(a.x.avance_promedio, b.x.avance_promedio) || (b.x.avance_promedio - a.x.avance_promedio) ||
          comparar(a.sigla, b.sigla);
      }).map(function (o) {
        return [o.sigla, o.entidad, porcentaje(o.x.avance_promedio), entero(o.x.n), entero(o.x.concluidas),
                entero(o.x.vencidas), fecha(o.x.ultimo_reporte)];
      });
      var sin = enLugar.filter(function (o) { return !conActividades.some(function (x) { return x.clave === o.organismo; }); })
        .map(function (o) { return o.sigla; }).sort(comparar);
      var nombre = cat.nombreRegion[region];
      return {
        titulo: nombre,
        cifras: [cifra("organismos", enLugar.length, entero, "Organismos de la región con los filtros de lugar elegidos."),
                 cifra("organismos_reportando", ka.organismos_reportando), cifra("actividades", ka.actividades),
                 cifra("avance_promedio", ka.avance_promedio, porcentaje), cifra("vencidas", ka.vencidas, entero, ayudaVencidas()),
                 cifra("concluidas", ka.concluidas), cifra("ultimo_reporte", ka.ultimo_reporte, fecha),
                 cifra("compromisos", kc.compromisos), cifra("personas_capacitadas", kk.participantes)],
        validados: validadosAl(ka.ultima_validacion, kc.ultima_validacion, kk.ultima_validacion),
        demo: demoDe(ka, kc, kk),
        notas: notasNoAplican(f).concat(sin.length ? ["Sin actividades con los filtros elegidos: " + sin.join(", ") + "."] : []),
        vacia: ka.actividades === 0,
        vacio: "actividades en la " + nombre,
        graficas: { por_organismo: barrasAvance("Avance por organismo \u2014 " + nombre, conActividades,
                                                function (x) { return cat.organismos[x.clave].sigla; }, cat.crudo.paleta[1]) },
        resumenes: [{ clave: "organismos", titulo: "Organismos lado a lado", filas: lado }],
        tabla: "actividades"
      };
    },

    pizarra_organismo: function (f) {
      if (f.organismo.length !== 1) return { elegir: "organismo" };
      var o = cat.organismos[f.organismo[0]];
      var e = elegidos(f);
      var ka = kpiActividades(e.actividades), kc = kpiCompromisos(e.compromisos), kk = kpiCapacitaciones(e.capacitaciones);
      var ficha = cat.crudo.fichas[o.organismo];
      return {
        titulo: o.sigla,
        subtitulo: ficha,
        cifras: [cifra("actividades", ka.actividades), cifra("concluidas", ka.concluidas),
                 cifra("avance_promedio", ka.avance_promedio, porcentaje), cifra("vencidas", ka.vencidas, entero, ayudaVencidas()),
                 cifra("ultimo_reporte", ka.ultimo_reporte, fecha, "La fecha del reporte más reciente de sus actividades filtradas."),
                 cifra("compromisos", kc.compromisos, entero, "Compromisos de gobierno abierto de su entidad."),
                 cifra("compromisos_vencidos", kc.vencidos, entero,
                       "Compromisos de su entidad con fin anterior a hoy que no están concluidos ni cancelados."),
                 cifra("capacitaciones_organizadas", kk.capacitaciones), cifra("personas_capacitadas", kk.participantes)],
        validados: validadosAl(ka.ultima_validacion, kc.ultima_validacion, kk.ultima_validacion),
        demo: demoDe(ka, kc, kk),
        notas: notasNoAplican(f),
        vacia: ka.actividades === 0 && kc.compromisos === 0 && kk.capacitaciones === 0,
        vacio: "actividades, compromisos ni capacitaciones de " + o.sigla,
        graficas: ka.actividades ? { por_eje: barrasAvance("Avance por eje · " + o.sigla, porEje(e.actividades, "numero"), etiquetaEje, cat.crudo.paleta[0]) } : {},
        resumenes: ka.actividades ? [ejesYEstatus(e.actividades)] : [],
        tabla: "actividades",
        tablas_extra: [
          o.tipo === "local" ? { tipo: "compromisos" } : { tipo: "compromisos", ausente: "Los compromisos de gobierno abierto son de " +
            "los planes de acción de las entidades; " + o.sigla + " es un integrante federal." },
          { tipo: "capacitaciones" }]
      };
    },

    compromisos: function (f) {
      var e = elegidos(f);
      var kc = kpiCompromisos(e.compromisos);
      var estatus = cat.estatus.map(function (s) {
        var n = 0, suma = 0, con = 0;
        e.compromisos.forEach(function (g) { if (g.estatus === s.clave) { n += g.n; suma += g.suma || 0; con += g.con_avance; } });
        return { etiqueta: cat.crudo.estatus_compromiso[s.nombre] || s.nombre, valor: n, n: con ? suma / con : null, color: s.color };
      });
      var porOds = {}, sinOds = 0;
      e.compromisos.forEach(function (g) { if (g.ods === null) sinOds += g.n; else porOds[g.ods] = (porOds[g.ods] || 0) + g.n; });
      var ods = Object.keys(porOds).map(Number).sort(function (a, b) { return a - b; }).map(function (n) {
        return { etiqueta: "ODS " + n + " \u00b7 " + cat.ods[n].nombre, valor: porOds[n], color: cat.ods[n].color };
      });
      if (sinOds) ods.push({ etiqueta: cat.crudo.sin_alineacion, valor: sinOds, color: cat.crudo.colores.no_alineado });
      return {
        cifras: [cifra("compromisos", kc.compromisos), cifra("planes", kc.planes), cifra("entidades", kc.entidades),
                 cifra("concluidos", kc.concluidos), cifra("avance_promedio", kc.avance_promedio, porcentaje,
                 "Promedio de los compromisos con un avance reportado."), cifra("alineados_ods", kc.alineados_ods)],
        validados: validadosAl(kc.ultima_validacion),
        demo: demoDe(null, kc, null),
        notas: [fraseNoAplican(noAplican(f, "compromisos"), "los compromisos de gobierno abierto"),
                fraseNoAplican(noAplican(f, "stl"), "los integrantes de los STL")].filter(Boolean),
        vacia: kc.compromisos === 0,
        vacio: "compromisos",
        graficas: graficasDeCompromisos(e, estatus, ods, f),
        tabla: "compromisos"
      };
    },

    capacitaciones: function (f) {
      var e = elegidos(f);
      var kk = kpiCapacitaciones(e.capacitaciones);
      var meses = {}, ordenMeses = [];
      e.capacitaciones.forEach(function (g) {
        if (g.mes === null) return;
        if (!(g.mes in meses)) { meses[g.mes] = { n: 0, participantes: 0 }; ordenMeses.push(g.mes); }
        meses[g.mes].n += g.n; meses[g.mes].participantes += g.participantes;
      });
      ordenMeses.sort();
      var nombresMes = cat.crudo.meses;
      var regiones = {};
      e.capacitaciones.forEach(function (g) {
        var r = regionDeEntidad(g.entidad);
        regiones[r] = regiones[r] || { n: 0, participantes: 0 };
        regiones[r].n += g.n; regiones[r].participantes += g.participantes;
      });
      return {
        cifras: [cifra("capacitaciones", kk.capacitaciones), cifra("participantes", kk.participantes),
                 cifra("mujeres", kk.mujeres), cifra("hombres", kk.hombres), cifra("organizadores", kk.organizadores),
                 cifra("sujetos_obligados", kk.sujetos_obligados, entero,
                       "Algunas fuentes cuentan sujetos obligados capacitados en lugar de personas.")],
        validados: validadosAl(kk.ultima_validacion),
        demo: demoDe(null, null, kk),
        notas: [fraseNoAplican(cat.filtros.filter(function (d) { return f[d.clave].length && TOMA.capacitaciones.indexOf(d.clave) < 0; })
                .map(function (d) { return d.etiqueta; }), "las capacitaciones")].filter(Boolean),
        vacia: kk.capacitaciones === 0,
        vacio: "capacitaciones",
        graficas: {
          por_mes: { dibujo: "serie_mensual", titulo: "Capacitaciones y participantes por mes",
                     filas: ordenMeses.map(function (m) {
                       return { etiqueta: nombresMes[parseInt(m.slice(5, 7), 10) - 1] + " " + m.slice(0, 4), valor: meses[m].n, n: meses[m].participantes };
                     }) },
          por_region: { dibujo: "barras_conteo", titulo: "Capacitaciones por región", columnas: ["Región", "Capacitaciones", "Participantes"],
                        filas: cat.regiones.filter(function (r) { return regiones[r.clave]; }).map(function (r) {
                          return { etiqueta: r.nombre, valor: regiones[r.clave].n, n: regiones[r.clave].participantes };
                        }) },
          por_sexo: { dibujo: "barras_sexo", titulo: "Participantes por sexo", filas: [
            { etiqueta: "Mujeres", valor: kk.mujeres, color: cat.crudo.colores.mujer },
            { etiqueta: "Hombres", valor: kk.hombres, color: cat.crudo.colores.hombre },
            { etiqueta: "Sin dato de sexo", valor: kk.participantes_sin_sexo, color: cat.crudo.colores.no_alineado }] },
          por_organizador: porOrganizador(e.capacitaciones),
          por_modalidad: conteo("Capacitaciones por modalidad", contarPor(e.capacitaciones, function (g) { return g.modalidad; })
            .sort(function (a, b) { return nulosAlFinal(a.clave, b.clave) || (b.n - a.n) || comparar(a.clave, b.clave); }),
            function (x) { return nombreDeValor(cat.crudo.modalidades, x.clave); }, cat.crudo.paleta[0], "Modalidad"),
          por_tipo: conteo("Capacitaciones por tipo", contarPor(e.capacitaciones, function (g) { return g.tipo; })
            .sort(function (a, b) { return (b.n - a.n) || nulosAlFinal(a.clave, b.clave) || comparar(a.clave, b.clave); }),
            function (x) { return nombreDeValor(cat.crudo.tipos, x.clave); }, cat.crudo.paleta[4], "Tipo"),
          por_tema: conteo("Capacitaciones por tema", contarPor(e.capacitaciones, function (g) { return g.tema; })
            .sort(function (a, b) { return (b.n - a.n) || comparar(a.clave, b.clave); }),
            function (x) { return x.clave; }, cat.crudo.paleta[2], "Tema"),
          por_eje: porEjeDeCapacitaciones(e.capacitaciones)
        },
        tabla: "capacitaciones"
      };
    },

    mapa: function (f) {
      var e = elegidos(f);
      var porEntidad = {};
      function de(ent) {
        return porEntidad[ent] || (porEntidad[ent] = { actividades: 0, suma: 0, con_avance: 0, compromisos: 0, capacitaciones: 0, participantes: 0 });
      }
      e.actividades.forEach(function (g) {
        var x = de(cat.organismos[g.organismo].entidad);
        x.actividades += g.n;
        if (g.estatus !== "cancelada") { x.suma += g.suma; x.con_avance += g.n; }
      });
      e.compromisos.forEach(function (g) { de(g.entidad).compromisos += g.n; });
      e.capacitaciones.forEach(function (g) { var x = de(g.entidad); x.capacitaciones += g.n; x.participantes += g.participantes; });
      var ka = kpiActividades(e.actividades), kc = kpiCompromisos(e.compromisos), kk = kpiCapacitaciones(e.capacitaciones);
      var graficas = {};
      cat.crudo.medidas.forEach(function (m) {
        var filas = Object.keys(cat.crudo.cuadricula).sort().map(function (clave) {
          var ent = cat.entidades[clave];
          var enFiltro = (!f.region.length || tiene(f.region, ent.region)) && (!f.entidad.length || tiene(f.entidad, clave)) &&
            (!f.organismo.length || f.organismo.some(function (k) { return cat.organismos[k].entidad === clave; }));
          var x = porEntidad[clave] || de(clave);
          var valor = m.clave === "avance_promedio" ? (x.con_avance ? x.suma / x.con_avance : null) : x[m.clave];
          if (!enFiltro) valor = null;
          return { clave: clave, etiqueta: ent.nombre_corto, valor: valor, casilla: cat.crudo.cuadricula[clave] };
        });
        graficas["mapa_" + m.clave] = { dibujo: "mapa", titulo: m.etiqueta, porcentaje: m.porcentaje, filas: filas };
      });
      return {
        cifras: [],
        validados: validadosAl(ka.ultima_validacion, kc.ultima_validacion, kk.ultima_validacion),
        demo: demoDe(ka, kc, kk),
        notas: [],
        vacia: false,
        graficas: graficas
      };
    }
  };

  // ---------- drawing ----------

  function el(nombre, atributos, hijos) {
    var n = D.createElement(nombre);
    if (atributos) Object.keys(atributos).forEach(function (k) {
      if (k === "texto") n.textContent = atributos[k];
      else if (k === "clase") n.className = atributos[k];
      else n.setAttribute(k, atributos[k]);
    });
    (hijos || []).forEach(function (h) { if (h) n.appendChild(h); });
    return n;
  }

  function textoDeBarra(g, f) {
    if (g.dibujo === "barras_avance") return (vacio(f.valor) ? "" : redondeoPar(f.valor, 0) + " % \u00b7 ") + entero(f.n) + " act.";
    if (g.dibujo === "barras_estatus_avance") return entero(f.valor) + (vacio(f.n) ? "" : " \u00b7 " + porcentaje(f.n));
    return entero(f.valor);
  }

  function aclarar(color) {
    var c = [1, 3, 5].map(function (i) { return parseInt(color.slice(i, i + 2), 16); });
    return "#" + c.map(function (x) { var v = Math.round(x + (255 - x) * 0.55); return (v < 16 ? "0" : "") + v.toString(16).toUpperCase(); }).join("");
  }

  function columnasDeTabla(g) {
    if (g.columnas) return g.columnas;
    if (g.dibujo === "barras_avance") return ["", "Avance promedio", "Actividades"];
    if (g.dibujo === "barras_estatus") return ["Estatus", "Actividades"];
    if (g.dibujo === "barras_estatus_avance") return ["Estatus", "Compromisos", "Avance promedio"];
    if (g.dibujo === "barras_ods") return ["ODS", "Compromisos"];
    if (g.dibujo === "serie_mensual") return ["Mes", "Capacitaciones", "Participantes"];
    if (g.dibujo === "barras_sexo") return ["Sexo", "Personas"];
    if (g.dibujo === "barras_planes") return ["Entidad \u00b7 plan de acción", "Compromisos", "Concluidos"];
    if (g.dibujo === "barras_stl") return ["Sector", "Mujeres", "Hombres"];
    if (g.dibujo === "mapa") return ["Entidad", g.titulo];
    return ["", ""];
  }
  function celdasDeFila(g, f) {
    if (g.dibujo === "barras_avance") return [f.etiqueta, porcentaje(f.valor), entero(f.n)];
    if (g.dibujo === "barras_estatus_avance") return [f.etiqueta, entero(f.valor), porcentaje(f.n)];
    if (g.dibujo === "serie_mensual" || g.dibujo === "barras_conteo" || g.dibujo === "barras_planes" || g.dibujo === "barras_stl")
      return [f.etiqueta, entero(f.valor), entero(f.n)];
    if (g.dibujo === "mapa") return [f.etiqueta, vacio(f.valor) ? "Sin datos" : (g.porcentaje ? porcentaje(f.valor) : entero(f.valor))];
    return [f.etiqueta, entero(f.valor)];
  }

  function resumen(g) {
    var filas = g.filas.filter(function (f) { return !vacio(f.valor); });
    if (!filas.length) return g.titulo + ": sin datos con los filtros elegidos.";
    if (g.dibujo === "barras_avance") {
      var p = filas[0], u = filas[filas.length - 1];
      return g.titulo + ": " + cantidad(g.filas.length, "barra", "barras") + ". Mayor avance: " + p.etiqueta + " (" +
        porcentaje(p.valor) + "); menor: " + u.etiqueta + " (" + porcentaje(u.valor) + ").";
    }
    if (g.dibujo === "mapa") {
      var orden = filas.slice().sort(function (a, b) { return b.valor - a.valor; });
      return g.titulo + " por entidad: " + cantidad(filas.length, "entidad con datos", "entidades con datos") +
        "; la mayor, " + orden[0].etiqueta + " (" + celdasDeFila(g, orden[0])[1] + ").";
    }
    if (g.dibujo === "barras_stl")
      return g.titulo + ": " + filas.map(function (f) {
        return f.etiqueta + ", " + cantidad(f.valor, "mujer", "mujeres") + " y " + cantidad(f.n, "hombre", "hombres");
      }).join("; ") + ".";
    var mayor = filas.slice().sort(function (a, b) { return b.valor - a.valor; })[0];
    if (filas.length > 8)  // a sentence, not the table read aloud: the table below has every row
      return g.titulo + ": " + cantidad(filas.length, "barra", "barras") + ". La mayor: " + mayor.etiqueta + " (" +
        entero(mayor.valor) + ").";
    return g.titulo + ": " + filas.map(function (f) { return f.etiqueta + " " + entero(f.valor); }).join("; ") +
      ". La mayor: " + mayor.etiqueta + ".";
  }

  function barrasDeSexo(g) {
    // The STL chart's grouped bars as two rows per sector: women, then men, in the app's colours.
    var filas = [];
    g.filas.forEach(function (f) {
      filas.push({ etiqueta: f.etiqueta + " \u00b7 Mujeres", valor: f.valor, color: cat.crudo.colores.mujer });
      filas.push({ etiqueta: f.etiqueta + " \u00b7 Hombres", valor: f.n, color: cat.crudo.colores.hombre });
    });
    return { dibujo: "barras_conteo", filas: filas };
  }

  function dibujoBarras(g) {
    if (g.dibujo === "barras_stl") g = barrasDeSexo(g);
    var horizontal = g.dibujo !== "barras_estatus" && g.dibujo !== "serie_mensual" && g.dibujo !== "barras_estatus_avance";
    var tope = g.dibujo === "barras_avance" ? 100 : Math.max(1, Math.max.apply(null, g.filas.map(function (f) { return f.valor || 0; })));
    var caja = el("div", { clase: horizontal ? "barras horizontales" : "barras verticales", "aria-hidden": "true" });
    g.filas.forEach(function (f) {
      var color = f.color || g.color || cat.crudo.paleta[0];
      if (f.pequeno) color = aclarar(color);
      var parte = vacio(f.valor) ? 0 : Math.max(0, Math.min(1, f.valor / tope));
      // A share of the track less the room its figure needs beside (or above) it, so no figure is ever cut.
      var medida = horizontal ? "width:calc((100% - 7.5rem) * " : "height:calc((100% - 1.4rem) * ";
      var barra = el("span", { clase: "barra", style: medida + parte.toFixed(4) + ");background:" + color });
      caja.appendChild(el("div", { clase: "fila" }, [
        el("span", { clase: "etiqueta", texto: f.etiqueta, title: f.completo || f.etiqueta }),
        el("span", { clase: "pista" }, [barra, el("span", { clase: "valor", texto: textoDeBarra(g, f) })])
      ]));
    });
    return caja;
  }

  function colorMapa(valor, rango) {
    // Darker is more: a light-to-dark blue ramp by rank among the entidades with data (as the app colours by rank).
    var claros = [[222, 235, 247], [8, 48, 107]];
    var t = rango.length > 1 ? rango.indexOf(valor) / (rango.length - 1) : 1;
    var c = claros[0].map(function (x, i) { return Math.round(x + (claros[1][i] - x) * t); });
    // The text colour with the better contrast on the tile (WCAG's relative luminance): white or black, one of
    // which always reaches 4.58:1.
    var l = c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    var luz = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    var conBlanco = 1.05 / (luz + 0.05), conNegro = (luz + 0.05) / 0.05;
    return { fondo: "rgb(" + c.join(",") + ")", texto: conBlanco >= conNegro ? "#fff" : "#000" };
  }

  function dibujoMapa(g) {
    var caja = el("div", { clase: "mapa", "aria-hidden": "true" });
    var valores = g.filas.map(function (f) { return f.valor; }).filter(function (v) { return !vacio(v); })
      .sort(function (a, b) { return a - b; }).filter(function (v, i, a) { return i === 0 || a[i - 1] !== v; });
    g.filas.forEach(function (f) {
      var c = vacio(f.valor) ? { fondo: cat.crudo.colores.sin_dato, texto: "#111" } : colorMapa(f.valor, valores);
      var casilla = el("div", { clase: "casilla", style: "grid-row:" + (f.casilla[0] + 1) + ";grid-column:" + (f.casilla[1] + 1) +
                                ";background:" + c.fondo + ";color:" + c.texto, title: f.etiqueta },
                       [el("b", { texto: f.casilla[2] }), el("span", { texto: celdasDeFila(g, f)[1] })]);
      caja.appendChild(casilla);
    });
    return caja;
  }

  function figura(clave, g) {
    var tabla = el("table", {}, [
      el("thead", {}, [el("tr", {}, columnasDeTabla(g).map(function (c) { return el("th", { scope: "col", texto: c }); }))]),
      el("tbody", {}, g.filas.map(function (f) {
        return el("tr", {}, celdasDeFila(g, f).map(function (c, i) { return el(i ? "td" : "th", i ? { texto: c } : { scope: "row", texto: c }); }));
      }))
    ]);
    return el("figure", { clase: "grafica", "data-grafica": clave }, [
      el("h3", { texto: g.titulo }),
      g.dibujo === "mapa" ? dibujoMapa(g) : dibujoBarras(g),
      el("figcaption", { texto: resumen(g) }),
      el("details", {}, [el("summary", { texto: "Ver los datos de la gráfica" }), el("div", { clase: "desplazable" }, [tabla])])
    ]);
  }

  function tablaResumen(t) {
    // A board's summary table (the región's organismos side by side, an organismo's activities by eje and status),
    // as the app shows it under its charts; it scrolls in its own box.
    return el("section", { clase: "resumen", "data-resumen": t.clave }, [
      el("h2", { texto: t.titulo }),
      t.nota ? el("p", { clase: "nota", texto: t.nota }) : null,
      el("div", { clase: "desplazable", tabindex: "0", role: "region", "aria-label": t.titulo }, [el("table", {}, [
        el("thead", {}, [el("tr", {}, cat.crudo.encabezados_resumen[t.clave].map(function (c) { return el("th", { scope: "col", texto: c }); }))]),
        el("tbody", {}, t.filas.map(function (f) {
          return el("tr", {}, f.map(function (c, i) { return el(i ? "td" : "th", i ? { texto: c } : { scope: "row", texto: c }); }));
        }))
      ])])
    ]);
  }

  function dibujarCifras(cifras) {
    var caja = D.getElementById("cifras");
    caja.textContent = "";
    cifras.forEach(function (c) {
      caja.appendChild(el("div", { clase: "kpi", "data-cifra": c.clave, title: c.ayuda || "" },
                          [el("span", { texto: c.etiqueta }), el("b", { texto: c.texto })]));
    });
  }

  function parrafos(id, textos, clase) {
    var caja = D.getElementById(id);
    if (!caja) return;
    caja.textContent = "";
    textos.forEach(function (t) { caja.appendChild(el("p", { clase: clase || "", texto: t })); });
  }

  // ---------- filters on the page: native controls, chips, «Restablecer» ----------

  var estado = { filtros: null };

  function nombreDe(d, v) {
    for (var i = 0; i < d.opciones.length; i++) if (d.opciones[i][0] === v) return d.opciones[i][1];
    return String(v);
  }

  function sincronizarFormulario(f) {
    var form = D.getElementById("filtros");
    cat.filtros.forEach(function (d) {
      var ok = {};
      visibles(d.clave, f).forEach(function (o) { ok[String(o[0])] = 1; });
      var casillas = form.querySelectorAll('input[name="' + d.clave + '"]');
      Array.prototype.forEach.call(casillas, function (c) {
        c.checked = f[d.clave].map(String).indexOf(c.value) >= 0;
        c.parentNode.hidden = !ok[c.value];
      });
      var cuenta = form.querySelector('[data-cuenta="' + d.clave + '"]');
      if (cuenta) cuenta.textContent = f[d.clave].length ? " (" + f[d.clave].length + ")" : "";
    });
  }

  function leerFormulario() {
    var form = D.getElementById("filtros");
    var f = vacios();
    cat.filtros.forEach(function (d) {
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + d.clave + '"]:checked'), function (c) {
        if (!c.parentNode.hidden) f[d.clave].push(d.entero ? parseInt(c.value, 10) : c.value);
      });
    });
    return podar(f);
  }

  function dibujarChips(f) {
    var caja = D.getElementById("chips");
    caja.textContent = "";
    var activos = cat.filtros.filter(function (d) { return f[d.clave].length; });
    if (!activos.length) { caja.appendChild(el("span", { texto: "Sin filtros: se muestra todo lo validado." })); return; }
    caja.appendChild(el("span", { texto: "Filtros activos:" }));
    activos.forEach(function (d) {
      f[d.clave].forEach(function (v) {
        var nombre = nombreDe(d, v);
        var b = el("button", { type: "button", clase: "chip", "aria-label": "Quitar el filtro " + d.etiqueta + ": " + nombre },
                   [el("span", { texto: d.etiqueta + ": " + nombre }), el("span", { "aria-hidden": "true", texto: " \u00d7" })]);
        b.addEventListener("click", function () {
          var nuevo = JSON.parse(JSON.stringify(estado.filtros));
          nuevo[d.clave] = nuevo[d.clave].filter(function (x) { return x !== v; });
          aplicar(podar(nuevo));
        });
        caja.appendChild(b);
      });
    });
    var r = el("button", { type: "button", clase: "restablecer", texto: "Restablecer" });
    r.addEventListener("click", function () { aplicar(vacios()); });
    caja.appendChild(r);
  }

  // ---------- tables ----------

  var FILAS_VISIBLES = 100;
  var cargadas = {};

  function archivosDeTabla(tipo, f) {
    // The activities come in one file per organismo: only those of the organismos the place filters keep.
    if (tipo !== "actividades") return [tipo];
    return Object.keys(datos.indice.actividades.por_organismo).filter(function (o) {
      var x = cat.organismos[o];
      return (!f.organismo.length || tiene(f.organismo, o)) && (!f.region.length || tiene(f.region, x.region)) &&
             (!f.entidad.length || tiene(f.entidad, x.entidad));
    }).map(function (o) { return "actividades/" + o; });
  }

  var pedidoDeIndice = null;
  function leerIndice() {  // which row files there are: read with the first table, not on the first screen
    return pedidoDeIndice || (pedidoDeIndice = leer("tableros/filas/indice.json").then(function (x) { datos.indice = x; return x; }));
  }

  function cargarFilas(tipo, f) {
    return leerIndice().then(function () { return cargarArchivos(tipo, f); });
  }

  function cargarArchivos(tipo, f) {
    return Promise.all(archivosDeTabla(tipo, f).map(function (a) {
      return cargadas[a] ? Promise.resolve(cargadas[a]) : leer("tableros/filas/" + a + ".json").then(function (x) {
        x.lista = filasDe(x.claves);
        return (cargadas[a] = x);
      });
    }));
  }

  function filaPasa(tipo, f, k) {
    if (tipo === "actividades") {
      return actividadPasa(f, { organismo: k.organismo_clave, programa: k.programa_clave, eje: k.eje_clave,
                                transversales: k.transversales_claves, ods: k.ods_claves, periodo: k.periodo, estatus: k.estatus_clave });
    }
    if (tipo === "compromisos") {
      return compromisoPasa(f, { entidad: k.entidad_clave, ods: k.ods_clave, anio_inicio: k.anio_inicio_clave,
                                 anio_fin: k.anio_fin_clave, estatus: k.estatus_clave });
    }
    return capacitacionPasa(f, { entidad: k.entidad_clave, organismo: k.organismo_clave, programa: k.programa_clave,
                                 eje: k.eje_clave, periodo: k.periodo_clave });
  }

  // The rows in the app's order: newest report first, then by id, across the organismos' files.
  function filasFiltradas(tipo, f, archivos) {
    var filas = [];
    archivos.forEach(function (a) {
      a.lista.forEach(function (k, i) { if (filaPasa(tipo, f, k)) filas.push({ k: k, celdas: a.filas[i] }); });
    });
    if (tipo === "actividades") {
      filas.sort(function (x, y) { return comparar(y.k.reportado_en, x.k.reportado_en) || (x.k.id - y.k.id); });
    }
    return filas;
  }

  function campoCSV(v) { return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  function csv(indice, filas) {
    // As the app writes it (exportar.a_csv): UTF-8 with BOM, minimal quoting, "\n" line ends, and the optional
    // source columns only when some row fills them.
    var quedan = indice.encabezados.map(function (h, i) {
      return indice.opcionales.indexOf(h) < 0 || filas.some(function (f) { return f.celdas[i] !== ""; });
    });
    function elegir(celdas) { return celdas.filter(function (c, i) { return quedan[i]; }); }
    return "\ufeff" + [elegir(indice.encabezados)].concat(filas.map(function (f) { return elegir(f.celdas); }))
      .map(function (c) { return c.map(campoCSV).join(","); }).join("\n") + "\n";
  }

  function dibujarTabla(tipo, f, caja) {
    if (!caja) return;
    cargarFilas(tipo, f).then(function (archivos) {
      var indice = datos.indice[tipo];
      if (estado.filtros !== f) return;  // the filters changed meanwhile
      var filas = filasFiltradas(tipo, f, archivos);
      var posiciones = cat.crudo.columnas_visibles[tipo].map(function (h) { return indice.encabezados.indexOf(h); });
      var cortadas = tipo === "actividades" && archivos.some(function (a) {
        var org = a.lista.length ? a.lista[0].organismo_clave : null;
        return org && datos.indice.actividades.por_organismo[org] > datos.indice.maximo;
      });
      caja.textContent = "";
      var nota = entero(filas.length) + " " + (filas.length === 1 ? "fila" : "filas") + " con los filtros elegidos" +
        (filas.length > FILAS_VISIBLES ? "; se muestran las " + FILAS_VISIBLES + " primeras (la descarga trae todas)." : ".");
      if (cortadas) nota += " Este sitio trae las " + entero(datos.indice.maximo) + " más recientes de cada organismo; " +
        "el conjunto completo está en los datos abiertos.";
      caja.appendChild(el("p", { texto: nota }));
      var boton = el("a", { clase: "descarga", texto: "Descargar las filas filtradas (CSV)", download: tipo + "_filtradas.csv",
                            href: URL.createObjectURL(new Blob([csv(indice, filas)], { type: "text/csv;charset=utf-8" })) });
      caja.appendChild(boton);
      caja.appendChild(el("div", { clase: "desplazable", tabindex: "0", role: "region", "aria-label": "Tabla de " + tipo }, [
        el("table", {}, [
          el("thead", {}, [el("tr", {}, posiciones.map(function (i) { return el("th", { scope: "col", texto: indice.encabezados[i] }); }))]),
          el("tbody", {}, filas.slice(0, FILAS_VISIBLES).map(function (x) {
            return el("tr", {}, posiciones.map(function (i) { return el("td", { texto: x.celdas[i] }); }));
          }))
        ])
      ]));
      D.body.setAttribute("data-tabla", "1");
    }).catch(function (e) { caja.textContent = "No se pudo leer la tabla: " + e.message; });
  }

  function tablaCuandoSeVea(tipo, f, caja) {
    if (!caja) return;
    var activos = cat.filtros.some(function (d) { return f[d.clave].length; });
    if (activos || !caja.firstChild) {  // the rows in the page are the unfiltered ones: never shown under other filters
      caja.textContent = "";
      caja.appendChild(el("p", { texto: "La tabla con los filtros elegidos se carga al llegar a ella." }));
    }
    if (caja.observador) caja.observador.disconnect();
    if (!("IntersectionObserver" in window)) { dibujarTabla(tipo, f, caja); return; }
    // The rows load only when the table nears the screen: a phone's first visit carries the figures, not every row.
    var observador = caja.observador = new IntersectionObserver(function (entradas) {
      if (entradas.some(function (x) { return x.isIntersecting; })) { observador.disconnect(); dibujarTabla(tipo, f, caja); }
    }, { rootMargin: "600px" });
    observador.observe(caja);
  }

  // ---------- one view ----------

  function dibujar(f, avisos) {
    var r = TABLEROS[PAGINA](f);
    var principal = D.getElementById("tablero");
    var aviso = avisos.map(function (x) {
      return "Se ignoró el valor " + x[1].map(function (v) { return "'" + v + "'"; }).join(", ") + " del filtro «" + x[0].etiqueta +
        "»: no corresponde a ningún valor del catálogo. Se muestran todos los valores de ese filtro.";
    });
    parrafos("avisos", aviso, "aviso");
    if (r.elegir) {
      principal.hidden = true;
      D.getElementById("elegir").hidden = false;
      D.body.setAttribute("data-listo", "1");
      return r;
    }
    D.getElementById("elegir") && (D.getElementById("elegir").hidden = true);
    principal.hidden = false;
    var titulo = D.getElementById("titulo-tablero");
    if (titulo && r.titulo) titulo.textContent = r.titulo;
    var sub = D.getElementById("subtitulo");
    if (sub) sub.textContent = r.subtitulo || "";
    var demo = D.getElementById("demo");
    demo.textContent = "";
    if (r.demo.largo) {
      demo.appendChild(el("p", { clase: "aviso" }, [el("span", { clase: "largo", texto: r.demo.largo }),
                                                     el("span", { clase: "corto", texto: r.demo.corto })]));
    }
    dibujarCifras(r.cifras);
    parrafos("validados", r.validados ? [r.validados] : [], "validados");
    parrafos("notas", r.notas, "nota");
    var graficas = D.getElementById("graficas");
    graficas.textContent = "";
    if (r.vacia) {
      graficas.appendChild(el("p", { clase: "aviso", texto: "No hay " + r.vacio + " que cumplan con los filtros elegidos. " +
                                     "Quite algún filtro o use «Restablecer»." }));
    } else {
      Object.keys(r.graficas).forEach(function (k) { graficas.appendChild(figura(k, r.graficas[k])); });
      (r.resumenes || []).forEach(function (t) { graficas.appendChild(tablaResumen(t)); });
    }
    if (r.tabla) tablaCuandoSeVea(r.tabla, f, D.getElementById("tabla"));
    (r.tablas_extra || []).forEach(function (t) {
      var caja = D.getElementById("tabla-" + t.tipo);
      if (!caja) return;
      if (t.ausente) { caja.textContent = ""; caja.appendChild(el("p", { texto: t.ausente })); }
      else tablaCuandoSeVea(t.tipo, f, caja);
    });
    D.body.setAttribute("data-listo", "1");
    return r;
  }

  function aplicar(f, avisos) {
    estado.filtros = f;
    var url = aURL(f);
    if (url !== location.search) history.replaceState(null, "", location.pathname + url);
    sincronizarFormulario(f);
    dibujarChips(f);
    // The filters are shared across boards, as in the app: every board link carries them.
    Array.prototype.forEach.call(D.querySelectorAll("nav a[data-tablero]"), function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + url);
    });
    dibujar(f, avisos || []);
  }

  function iniciar() {
    leer("tableros/datos.json").then(function (r) {
      datos.catalogo = r.catalogo; datos.hechos = r.hechos;
      cat = indexar(r.catalogo);
      var form = D.getElementById("filtros");
      form.classList.add("con-js");
      form.addEventListener("change", function () { aplicar(leerFormulario()); });
      form.addEventListener("submit", function (ev) { ev.preventDefault(); aplicar(leerFormulario()); });
      var desdeU = desdeURL(location.search);
      aplicar(desdeU.filtros, desdeU.desconocidos);
    }).catch(function (e) {
      parrafos("avisos", ["No se pudieron leer los datos del sitio (" + e.message + "): se muestran las cifras sin filtros."], "aviso");
      D.body.setAttribute("data-listo", "1");
    });
  }

  // For the tests that compare the site with the app: the same computation the page draws, for any filters.
  window.Pizarras = {
    calcular: function (pagina, busqueda) {
      var u = desdeURL(busqueda);
      var r = TABLEROS[pagina](u.filtros);
      if (r.elegir) return r;
      var graficas = {}, titulos = {};
      Object.keys(r.graficas).forEach(function (k) {
        titulos[k] = r.graficas[k].titulo;
        graficas[k] = r.graficas[k].filas.map(function (f) { return [f.etiqueta, vacio(f.valor) ? null : f.valor, f.n === undefined ? null : f.n]; });
      });
      return { cifras: r.cifras.map(function (c) { return [c.clave, c.texto]; }), validados: r.validados, demo: r.demo.largo,
               demo_corto: r.demo.corto,
               notas: r.notas, vacia: r.vacia, graficas: graficas, titulos: titulos, resumenes: r.resumenes || [] };
    },
    filasCSV: function (tipo, busqueda) {
      var f = desdeURL(busqueda).filtros;
      return cargarFilas(tipo, f).then(function (a) { return csv(datos.indice[tipo], filasFiltradas(tipo, f, a)); });
    }
  };

  if (D.readyState === "loading") D.addEventListener("DOMContentLoaded", iniciar); else iniciar();
})();
