/*
 * Investor portal: the land search. The form's state lives in the URL (shareable, Back works);
 * results come from /api/portal/land and are shown as a list and on the map, kept in step:
 * hovering or focusing an item highlights its plot, choosing one shows it on the map, and a
 * click on the map scrolls the list to the plot. Everything from the server is written with
 * textContent, never as HTML.
 */
import { config as cfg, message as t, numbers, dates, el, sendJson } from './common.js';
import * as PortalMap from './portal-map.js';
import * as PortalProblems from './portal-problems.js';

const number = numbers({ maximumFractionDigits: 2 });
const decimal1 = numbers({ maximumFractionDigits: 1 });
const coordinate = numbers({ maximumFractionDigits: 4 });
const dateFormat = dates(cfg.lang === 'vi'
  ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
  : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const PAGE = 20;
const DEFAULTS = { ready: 'ANY', sort: 'AREA_DESC' };
const FIELDS = ['minHa', 'maxHa', 'ready', 'industry', 'unit', 'kind', 'zone', 'maxPriceUsd', 'sort', 'near'];
const MORE = ['unit', 'kind', 'zone', 'maxPriceUsd'];
const COLOURS = { now: '#1e8e3e', later: '#e69500', line: { now: '#0f5c27', later: '#7a4f00' }, active: '#0b3d91' };

const form = document.getElementById('search');
const list = document.getElementById('results');
const summary = document.getElementById('summary');
const problemBox = document.getElementById('problem');
const prev = document.getElementById('prev');
const next = document.getElementById('next');
const pageInfo = document.getElementById('page-info');
const pointText = document.getElementById('point-text');
const pickButton = document.getElementById('pick-point');
const clearPoint = document.getElementById('clear-point');

const map = L.map('map', { scrollWheelZoom: false }).setView([21.3, 106.3], 9);
PortalMap.baseMap(map);
PortalMap.outlines(map);
const plots = L.featureGroup().addTo(map);
let pointMarker = null;
let picking = false;
let request = 0;
let selected = null;
const items = new Map();

const hectares = (value) => (value == null ? '' : number.format(value) + ' ha');
const date = (iso) => dateFormat.format(new Date(iso + 'T00:00:00Z'));
const rate = (value) => decimal1.format(value * 100) + '%';
const price = (p) => (p.leasePriceMinUsd == null ? null
  : 'US$' + number.format(p.leasePriceMinUsd)
    + (p.leasePriceMaxUsd != null && p.leasePriceMaxUsd !== p.leasePriceMinUsd ? '–' + number.format(p.leasePriceMaxUsd) : '')
    + ' /m²');

// --- The form and the URL -------------------------------------------------------------------

function field(name) {
  return form.elements[name];
}

function formState() {
  const state = new URLSearchParams();
  FIELDS.forEach((name) => {
    const value = (field(name).value || '').trim();
    if (value && value !== DEFAULTS[name]) state.set(name, value);
  });
  const offset = Number(field('offset').value || 0);
  if (offset > 0) state.set('offset', String(offset));
  return state;
}

function fillForm(state) {
  FIELDS.forEach((name) => {
    const value = state.get(name) || DEFAULTS[name] || '';
    const control = field(name);
    if (control instanceof RadioNodeList) {
      control.value = value;
    } else if (control.tagName === 'SELECT' && !Array.from(control.options).some((o) => o.value === value)) {
      // A choice the page does not offer (an old shared link): kept, so that the server names the problem
      control.append(new Option(value, value));
      control.value = value;
    } else {
      control.value = value;
    }
  });
  field('offset').value = state.get('offset') || '';
  if (MORE.some((name) => state.get(name))) document.getElementById('more').open = true;
  showPoint();
}

function apiQuery(state) {
  const query = new URLSearchParams(state);
  if (!query.get('sort')) query.set('sort', DEFAULTS.sort);
  query.set('limit', String(PAGE));
  return query;
}

function go(push) {
  const state = formState();
  const url = location.pathname + (state.toString() ? '?' + state : '');
  if (push && url !== location.pathname + location.search) history.pushState(null, '', url);
  languageLinks(state);
  search(state);
}

function languageLinks(state) {
  document.querySelectorAll('a.lang[hreflang]').forEach((link) => {
    const query = new URLSearchParams(state);
    query.set('lang', link.getAttribute('hreflang'));
    link.href = location.pathname + '?' + query;
  });
}

// --- The search -----------------------------------------------------------------------------

async function search(state) {
  const mine = ++request;
  document.body.dataset.loaded = 'loading';
  summary.textContent = t('portal.loading');
  clearProblem();
  let body;
  try {
    body = await sendJson('GET', '/api/portal/land?' + apiQuery(state), undefined,
      { accept: 'application/geo+json, application/problem+json' });
  } catch (error) {
    if (mine === request) fail(PortalProblems.of(error));
    return;
  }
  if (mine !== request) return;
  if (!body) {
    fail({ type: 'network' }); // an answer that is not JSON
    return;
  }
  show(body, Number(state.get('offset') || 0));
  // portal-suggest.js and portal-shortlist.js add to the results
  document.dispatchEvent(new CustomEvent('portal:results', { detail: { state, collection: body } }));
  document.body.dataset.loaded = 'true';
}

function fail(problem) {
  clearResults();
  summary.textContent = '';
  const words = PortalProblems.text(problem);
  problemBox.textContent = t('portal.error.load') + ': ' + words;
  problemBox.hidden = false;
  const fieldError = problem.parameter && document.getElementById(problem.parameter + '-error');
  if (fieldError) {
    fieldError.textContent = words;
    fieldError.hidden = false;
    const control = document.getElementById(problem.parameter);
    if (control) control.setAttribute('aria-invalid', 'true');
    if (MORE.includes(problem.parameter)) document.getElementById('more').open = true;
  }
  pager(0, 0, 0);
  phone.matched(null);
  document.dispatchEvent(new CustomEvent('portal:results', { detail: { state: null, collection: null } }));
  document.body.dataset.loaded = 'error';
}

function clearProblem() {
  problemBox.hidden = true;
  problemBox.textContent = '';
  form.querySelectorAll('.field-error').forEach((node) => { node.hidden = true; node.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

function clearResults() {
  plots.clearLayers();
  items.clear();
  list.replaceChildren();
  selected = null;
}

function show(collection, offset) {
  clearResults();
  const features = collection.features || [];
  features.forEach((feature) => addItem(feature));
  const matched = collection.numberMatched || 0;
  summary.textContent = matched === 0 ? t('portal.count.none')
    : t('portal.count', number.format(matched), number.format(offset + 1), number.format(offset + features.length));
  pager(matched, offset, features.length);
  phone.matched(matched);
  if (features.length) {
    map.fitBounds(plots.getBounds(), { padding: [24, 24], maxZoom: 15 });
  } else if (pointMarker) {
    map.setView(pointMarker.getLatLng(), 11);
  }
}

function pager(matched, offset, returned) {
  const pages = Math.ceil(matched / PAGE);
  prev.disabled = offset <= 0;
  next.disabled = offset + returned >= matched;
  pageInfo.textContent = pages > 1 ? t('portal.page', Math.floor(offset / PAGE) + 1, pages) : '';
}

function turn(delta) {
  const offset = Math.max(0, Number(field('offset').value || 0) + delta);
  field('offset').value = offset ? String(offset) : '';
  go(true);
  document.getElementById('results-heading').scrollIntoView({ block: 'start' });
}

// --- One result: list item and plot on the map ------------------------------------------------

function plotStyle(p, active) {
  const kind = p.readyNow ? 'now' : 'later';
  return {
    color: active ? COLOURS.active : COLOURS.line[kind], weight: active ? 4 : 2, fillColor: COLOURS[kind],
    fillOpacity: active ? 0.85 : 0.55, dashArray: p.boundaryAccuracy === 'APPROXIMATE' ? '6 4' : null,
    className: 'plot plot-' + kind + ' plot-id-' + p.id
  };
}

function markerStyle(p, active) {
  return {
    radius: active ? 9 : 6, color: active ? COLOURS.active : '#fff', weight: 2,
    fillColor: p.readyNow ? COLOURS.now : COLOURS.later, fillOpacity: 1, className: 'plot-marker plot-marker-' + p.id
  };
}

function zoneName(p) {
  return cfg.lang !== 'vi' && p.zoneNameEn ? p.zoneNameEn : p.zoneName;
}

function readiness(p) {
  if (p.readyNow) return t('portal.ready.now.short');
  return p.expectedOn ? t('portal.ready.expected', date(p.expectedOn)) : t('portal.ready.LATER');
}

function addItem(feature) {
  const p = feature.properties;
  const li = el('li', 'result');
  li.tabIndex = 0;
  li.dataset.id = p.id;
  const title = el('h3', 'result-title');
  const link = el('a', null, t('portal.plot.code', p.code));
  link.href = p.url;
  link.tabIndex = -1; // the item itself takes the focus; Enter opens the plot
  title.append(link, ' ', el('span', 'zone-name', zoneName(p)));
  const main = el('p', 'result-main');
  main.append(el('strong', 'area', hectares(p.areaHa)), ' ', el('span', 'badge ' + (p.readyNow ? 'ready-now' : 'ready-later'), readiness(p)));
  const details = [cfg.lang !== 'vi' && p.unitNameEn ? p.unitNameEn : p.unitName, t('kind.' + p.kind)];
  if (p.occupancyRate != null) details.push(t('portal.zone.fillRate') + ' ' + rate(p.occupancyRate));
  if (price(p)) details.push(price(p));
  if (p.distanceKm != null) details.push(t('portal.distance', decimal1.format(p.distanceKm)));
  li.append(title, main, el('p', 'small', details.join(' · ')));
  if (p.boundaryAccuracy === 'APPROXIMATE') li.append(el('p', 'small approximate', t('portal.approximate')));
  list.append(li);

  const shape = L.geoJSON(feature, { style: () => plotStyle(p, false) });
  const marker = L.circleMarker(shape.getBounds().getCenter(), markerStyle(p, false));
  const popup = () => {
    const root = el('div', 'plot-popup');
    root.append(el('strong', null, t('portal.plot.code', p.code) + ' – ' + zoneName(p)),
      el('div', null, hectares(p.areaHa) + ' · ' + readiness(p)));
    const open = el('a', null, t('portal.open'));
    open.href = p.url;
    root.append(open);
    return root;
  };
  [shape, marker].forEach((layer) => {
    layer.bindPopup(popup);
    layer.on('click', () => { if (!picking) select(p.id, 'map'); });
    layer.on('mouseover', () => highlight(p.id, true));
    layer.on('mouseout', () => highlight(p.id, false));
    plots.addLayer(layer);
  });
  items.set(p.id, { p, li, shape, marker });

  li.addEventListener('mouseenter', () => highlight(p.id, true));
  li.addEventListener('mouseleave', () => highlight(p.id, false));
  li.addEventListener('focus', () => highlight(p.id, true));
  li.addEventListener('blur', () => highlight(p.id, false));
  li.addEventListener('click', (event) => { if (!event.target.closest('a')) select(p.id, 'list'); });
  li.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') location.href = p.url;
    if (event.key === ' ') { event.preventDefault(); select(p.id, 'list'); }
  });
}

function highlight(id, on) {
  const item = items.get(id);
  if (!item) return;
  const active = on || selected === id;
  item.shape.setStyle(plotStyle(item.p, active));
  item.marker.setStyle(markerStyle(item.p, active));
  if (active) { item.shape.bringToFront(); item.marker.bringToFront(); }
  item.li.classList.toggle('hover', on);
}

function select(id, from) {
  const before = selected;
  selected = id;
  if (before != null && items.has(before)) {
    items.get(before).li.classList.remove('active');
    items.get(before).li.removeAttribute('aria-current');
    highlight(before, false);
  }
  const item = items.get(id);
  item.li.classList.add('active');
  item.li.setAttribute('aria-current', 'true');
  highlight(id, false);
  if (from === 'map') {
    item.li.scrollIntoView({ block: 'nearest' });
    item.li.focus({ preventScroll: true });
  } else {
    map.fitBounds(item.shape.getBounds(), { padding: [40, 40], maxZoom: 16 });
    item.marker.openPopup();
  }
}

// --- Distance from a point --------------------------------------------------------------------

function showPoint() {
  const near = field('near').value;
  if (pointMarker) { pointMarker.remove(); pointMarker = null; }
  clearPoint.hidden = !near;
  if (!near) {
    pointText.textContent = t('portal.point.none');
    return;
  }
  const [lon, lat] = near.split(',').map(Number);
  if (Number.isFinite(lon) && Number.isFinite(lat)) {
    pointMarker = L.circleMarker([lat, lon], {
      radius: 8, color: '#fff', weight: 3, fillColor: COLOURS.active, fillOpacity: 1, className: 'near-point'
    }).bindTooltip(t('portal.point.marker')).addTo(map);
    pointText.textContent = t('portal.point.set', coordinate.format(lat), coordinate.format(lon));
  } else {
    pointText.textContent = near;
  }
}

function setPoint(lat, lon) {
  field('near').value = lon.toFixed(5) + ',' + lat.toFixed(5);
  field('sort').value = 'DISTANCE';
  field('offset').value = '';
  picking = false;
  pickButton.setAttribute('aria-pressed', 'false');
  map.getContainer().classList.remove('picking');
  showPoint();
  go(true);
}

pickButton.addEventListener('click', () => {
  picking = !picking;
  pickButton.setAttribute('aria-pressed', String(picking));
  map.getContainer().classList.toggle('picking', picking);
  pointText.textContent = picking ? t('portal.point.picking') : '';
  if (!picking) showPoint();
  if (picking) map.getContainer().scrollIntoView({ block: 'nearest' });
});

map.on('click', (event) => { if (picking) setPoint(event.latlng.lat, event.latlng.lng); });

document.getElementById('my-location').addEventListener('click', () => {
  if (!navigator.geolocation) {
    pointText.textContent = t('portal.point.denied', '');
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (position) => setPoint(position.coords.latitude, position.coords.longitude),
    (error) => { pointText.textContent = t('portal.point.denied', error.message); },
    { timeout: 10000 });
});

clearPoint.addEventListener('click', () => {
  field('near').value = '';
  if (field('sort').value === 'DISTANCE') field('sort').value = DEFAULTS.sort;
  field('offset').value = '';
  showPoint();
  go(true);
});

// --- Phones: filters in a panel, list or map, a tap opens a card ------------------------------
// Below 1000 px (portal.css) the filters fold behind a button and come back with "Show N
// results"; the results are a list or a map, one at a time; a tap on a card opens its page.

function phoneLayout() {
  const narrow = window.matchMedia('(max-width: 999px)');
  const toggle = document.getElementById('filters-toggle');
  const showButton = document.getElementById('show-results');
  const body = document.getElementById('results-body');
  const listButton = document.getElementById('view-list');
  const mapButton = document.getElementById('view-map');
  [toggle, showButton, document.getElementById('view-toggle')].forEach((node) => { node.hidden = false; });

  function panel(open) {
    document.body.classList.toggle('filters-closed', !open);
    toggle.setAttribute('aria-expanded', String(open));
  }

  function view(which) {
    body.dataset.view = which;
    listButton.setAttribute('aria-pressed', String(which === 'list'));
    mapButton.setAttribute('aria-pressed', String(which === 'map'));
    if (which === 'map') {
      map.invalidateSize();
      if (plots.getLayers().length) map.fitBounds(plots.getBounds(), { padding: [24, 24], maxZoom: 15 });
    }
  }

  function toResults() {
    panel(false);
    document.getElementById('results-heading').scrollIntoView({ block: 'start' });
  }

  toggle.addEventListener('click', () => panel(document.body.classList.contains('filters-closed')));
  showButton.addEventListener('click', toResults);
  listButton.addEventListener('click', () => view('list'));
  mapButton.addEventListener('click', () => view('map'));
  form.addEventListener('submit', () => { if (narrow.matches) panel(false); });
  pickButton.addEventListener('click', () => {
    if (narrow.matches && picking) { panel(false); view('map'); map.getContainer().scrollIntoView({ block: 'nearest' }); }
  });
  // capture: before the card's own click (which selects it on the map beside the list on wide screens)
  list.addEventListener('click', (event) => {
    const card = event.target.closest('li.result');
    if (!narrow.matches || !card || event.target.closest('a')) return;
    event.stopPropagation();
    location.href = card.querySelector('a').href;
  }, true);
  panel(!narrow.matches);
  view('list');

  return {
    /** After a search: the count on the panel's button, or null when refused (the panel opens on the field). */
    matched(count) {
      showButton.disabled = !count;
      showButton.textContent = count ? t('portal.filters.show', number.format(count)) : t('portal.filters.showNone');
      if (count == null && form.querySelector('.field-error:not([hidden])')) panel(true);
    }
  };
}

const phone = phoneLayout();

// --- Wiring ---------------------------------------------------------------------------------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  field('offset').value = '';
  go(true);
  // On a phone the results are below the form: bring them into view
  if (window.matchMedia('(max-width: 999px)').matches) {
    document.getElementById('results-heading').scrollIntoView({ block: 'start' });
  }
});
form.addEventListener('change', (event) => {
  if (event.target.name && event.target.name !== 'offset') {
    field('offset').value = '';
    if (form.checkValidity()) go(true);
    else form.reportValidity();
  }
});
prev.addEventListener('click', () => turn(-PAGE));
next.addEventListener('click', () => turn(PAGE));
window.addEventListener('popstate', () => {
  const state = new URLSearchParams(location.search);
  fillForm(state);
  languageLinks(formState());
  search(formState());
});

const initial = new URLSearchParams(location.search);
initial.delete('lang');
fillForm(initial);
if (location.search.includes('lang=')) history.replaceState(null, '', location.pathname + (formState().toString() ? '?' + formState() : ''));
languageLinks(formState());
search(formState());
