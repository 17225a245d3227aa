/* Import page: upload a file, follow its reading, read the report on a map and in a table, map the
   file's attributes to registry fields, commit or discard; and export a layer as a file. */
import { config as cfg, t, fill, numbers, el, meta, ApiError, sendJson } from './common.js';

const number = (value, digits) => (value == null ? '–' : numbers({ maximumFractionDigits: digits }).format(value));

const $ = (id) => document.getElementById(id);
const statusBox = $('status');
const progress = $('progress');
const state = { batch: null, layer: null, map: null, features: [] };

// ---- API ---------------------------------------------------------------------------------------

// The page shows a refusal's text as it is: without a problem detail, it names the address.
const ACCEPT = 'application/json, application/problem+json';
const request = (method, address, body) => sendJson(method, address, body, { accept: ACCEPT, named: true });

function say(text, kind) {
  statusBox.textContent = text;
  statusBox.className = 'status' + (kind ? ' ' + kind : '');
}

function problemText(error) {
  if (error.status === 413) return fill('import.tooLarge', Math.round(cfg.maxUploadBytes / 1048576));
  return error.message;
}

// ---- upload ------------------------------------------------------------------------------------

/** Sends the form with XMLHttpRequest, which reports how much of the file has gone. */
function send(form) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (meta('_csrf_header')) xhr.setRequestHeader(meta('_csrf_header'), meta('_csrf'));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        progress.hidden = false;
        progress.value = Math.round((100 * event.loaded) / event.total);
        say(fill('import.sending', progress.value));
      }
    };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, null, t('import.networkError')));
    xhr.send(form);
  });
}

$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  $('err-file').textContent = '';
  $('file').removeAttribute('aria-invalid');
  if (!file) {
    $('err-file').textContent = t('import.file.required');
    $('file').setAttribute('aria-invalid', 'true');
    $('file').focus();
    return;
  }
  if (cfg.maxUploadBytes && file.size > cfg.maxUploadBytes) {
    $('err-file').textContent = fill('import.tooLarge', Math.round(cfg.maxUploadBytes / 1048576));
    $('file').setAttribute('aria-invalid', 'true');
    return;
  }
  const form = new FormData();
  form.append('file', file, file.name);
  ['target', 'crs', 'encoding', 'accuracy'].forEach((name) => {
    if ($(name).value) form.append(name, $(name).value);
  });
  $('upload-button').disabled = true;
  $('preview').hidden = true;
  try {
    const batch = await send(form);
    await follow(batch.id);
  } catch (error) {
    say(problemText(error), 'error');
    progress.hidden = true;
  } finally {
    $('upload-button').disabled = false;
  }
});

/** Polls the batch until it is read (or committed) and shows it. */
async function follow(id) {
  for (;;) {
    const batch = await request('GET', '/api/imports/' + id);
    const busy = batch.status === 'READING' || batch.status === 'COMMITTING';
    if (busy) {
      const total = batch.progress.total;
      progress.hidden = false;
      if (batch.status === 'READING') {
        progress.value = total > 0 ? Math.round((100 * batch.progress.done) / total) : 0;
        if (total <= 0) progress.removeAttribute('value');
        say(fill('import.reading', number(batch.progress.done, 0)));
      } else {
        progress.removeAttribute('value');
        say(t('import.committing'));
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      continue;
    }
    progress.hidden = true;
    await show(batch);
    return batch;
  }
}

// ---- preview -----------------------------------------------------------------------------------

async function show(batch) {
  state.batch = batch;
  if (batch.status === 'FAILED') {
    say(fill('import.failed', batch.message), 'error');
    $('preview').hidden = true;
    return;
  }
  if (batch.status === 'COMMITTED') {
    const w = batch.written || {};
    say(fill('import.committed', w.created || 0, w.updated || 0, w.leases || 0), 'ok');
    $('preview').hidden = true;
    return;
  }
  if (batch.status === 'DISCARDED') {
    say(t('import.discarded'));
    $('preview').hidden = true;
    return;
  }
  $('preview').hidden = false;
  const c = batch.counts;
  if (batch.message) say(batch.message, 'error');
  else if (c.withErrors > 0) say(fill('import.hasErrors', c.withErrors), 'error');
  else say(fill('import.ready', c.features), 'ok');
  summary(batch);
  mappingRows(batch);
  await report();
  $('skip-label').hidden = c.withErrors === 0;
  commitAllowed();
  $('preview-heading').focus();
}

function summary(batch) {
  const c = batch.counts;
  const crs = batch.crs.code ? batch.crs.code + (batch.crs.title ? ' – ' + batch.crs.title : '')
    + ' (' + t('import.crsOrigin.' + batch.crs.origin) + ')' : '–';
  const items = [
    [t('import.s.file'), batch.file.name + ' · ' + batch.file.format + ' · ' + number(batch.file.bytes / 1024, 1) + ' KB'],
    ['SHA-256', batch.file.sha256],
    [t('import.crs'), crs],
    [t('import.s.features'), number(c.features, 0)],
    [t('import.s.create'), number(c.create, 0)],
    [t('import.s.update'), number(c.update, 0)],
    [t('import.s.errors'), number(c.withErrors, 0)],
    [t('import.s.warnings'), number(c.withWarnings, 0)],
    [t('import.s.shift'), c.maxShiftM == null ? '–' : number(c.maxShiftM, 2) + ' m']
  ];
  const list = $('summary');
  list.replaceChildren(...items.map(([label, value]) => {
    const box = el('div', 'figure');
    box.append(el('dt', null, label), el('dd', null, value));
    return box;
  }));
}

function mappingRows(batch) {
  const rows = batch.targetFields.map((field) => {
    const th = el('th');
    th.scope = 'row';
    const label = el('label', null,
      t('import.field.' + field) !== 'import.field.' + field ? t('import.field.' + field) + ' (' + field + ')' : field);
    label.htmlFor = 'map-' + field;
    th.append(label);
    const td = el('td');
    const select = el('select');
    select.id = 'map-' + field;
    select.name = field;
    const none = el('option', null, t('import.mapping.none'));
    none.value = '';
    select.append(none);
    batch.fields.forEach((attribute) => {
      const option = el('option', null, attribute);
      option.value = attribute;
      option.selected = batch.mapping[field] === attribute;
      select.append(option);
    });
    td.append(select);
    const tr = el('tr');
    tr.append(th, td);
    return tr;
  });
  $('mapping-rows').replaceChildren(...rows);
}

$('mapping-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const mapping = {};
  $('mapping-rows').querySelectorAll('select').forEach((select) => {
    if (select.value) mapping[select.name] = select.value;
  });
  $('mapping-button').disabled = true;
  try {
    const batch = await request('PUT', '/api/imports/' + state.batch.id + '/mapping', mapping);
    await show(batch);
  } catch (error) {
    say(problemText(error), 'error');
  } finally {
    $('mapping-button').disabled = false;
  }
});

$('only-problems').addEventListener('change', () => report());

const level = (feature) => {
  const problems = feature.properties.problems;
  if (problems.some((p) => p.level === 'ERROR')) return 'error';
  if (problems.length) return 'warning';
  return 'ok';
};
const COLOURS = { error: '#c62828', warning: '#ef6c00', ok: '#2e7d32' };

async function report() {
  const only = $('only-problems').checked;
  const collection = await request('GET', '/api/imports/' + state.batch.id + '/features?limit=5000&problems=' + only);
  state.features = collection.features;
  drawMap(collection);
  const rows = collection.features.map((feature) => {
    const p = feature.properties;
    const tr = el('tr', level(feature));
    tr.tabIndex = 0;
    tr.dataset.n = p.n;
    const cells = [String(p.n), p.code || '–',
      p.action ? t('import.action.' + p.action) + (p.matchId ? ' #' + p.matchId : '') : '–',
      p.areaHa == null ? '–' : number(p.areaHa, 4) + ' ha',
      p.shiftM == null ? '–' : number(p.shiftM, 2) + ' m'];
    cells.forEach((text) => tr.append(el('td', null, text)));
    const problems = el('td');
    p.problems.forEach((problem) => {
      const label = t('import.rule.' + problem.rule);
      problems.append(el('div', 'problem ' + problem.level.toLowerCase(),
        (label !== 'import.rule.' + problem.rule ? label + ': ' : '') + problem.message));
    });
    tr.append(problems);
    const focus = () => zoomTo(p.n);
    tr.addEventListener('click', focus);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') focus(); });
    return tr;
  });
  $('report-rows').replaceChildren(...rows);
}

function drawMap(collection) {
  if (!state.map) {
    state.map = L.map('import-map', { keyboard: true });
    if (cfg.tileUrl) {
      L.tileLayer(cfg.tileUrl, { maxZoom: 19, attribution: cfg.tileAttribution }).addTo(state.map);
    }
    state.map.setView([21.3, 106.2], 9);
  }
  if (state.layer) state.layer.remove();
  state.layer = L.geoJSON(collection, {
    style: (feature) => ({ color: COLOURS[level(feature)], weight: 2, fillOpacity: 0.25,
      dashArray: feature.properties.action === 'UPDATE' ? '6 4' : null }),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6, color: COLOURS[level(feature)] }),
    onEachFeature: (feature, layer) => {
      const p = feature.properties;
      layer.bindTooltip('#' + p.n + ' ' + (p.code || '') + (p.problems.length ? ' – ' + p.problems[0].message : ''));
    }
  }).addTo(state.map);
  const bounds = state.layer.getBounds();
  if (bounds.isValid()) state.map.fitBounds(bounds, { maxZoom: 17, padding: [12, 12] });
  setTimeout(() => state.map.invalidateSize(), 0);
}

function zoomTo(n) {
  state.layer.eachLayer((layer) => {
    if (layer.feature.properties.n === n) {
      if (layer.getBounds) state.map.fitBounds(layer.getBounds(), { maxZoom: 18 });
      else state.map.setView(layer.getLatLng(), 17);
      layer.openTooltip();
    }
  });
}

// ---- commit ------------------------------------------------------------------------------------

function commitAllowed() {
  const errors = state.batch.counts.withErrors;
  $('commit-button').disabled = errors > 0 && !$('skip-errors').checked;
}
$('skip-errors').addEventListener('change', commitAllowed);

$('commit-button').addEventListener('click', async () => {
  $('commit-button').disabled = true;
  try {
    await request('POST', '/api/imports/' + state.batch.id + '/commit', { skipErrors: $('skip-errors').checked });
    await follow(state.batch.id);
  } catch (error) {
    say(problemText(error), 'error');
    commitAllowed();
  }
});

$('discard-button').addEventListener('click', async () => {
  try {
    await request('DELETE', '/api/imports/' + state.batch.id);
    say(t('import.discarded'));
    $('preview').hidden = true;
  } catch (error) {
    say(problemText(error), 'error');
  }
});

// ---- export ------------------------------------------------------------------------------------

$('export-format').addEventListener('change', () => {
  // KML is always WGS 84
  if ($('export-format').value === 'kml') $('export-crs').value = 'EPSG:4326';
});

$('export-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = new URLSearchParams({ format: $('export-format').value, crs: $('export-crs').value, lang: $('export-lang').value });
  if ($('export-code').value.trim()) query.set('code', $('export-code').value.trim());
  window.location.href = '/api/exports/' + $('export-layer').value + '?' + query;
});
