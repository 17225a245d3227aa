/* Map of KCN/CCN zones and the outlines of the administrative units of the day shown. Data comes from this server; the base map is optional. */
import {
  config as cfg, t, numbers, dates, el, getJson, allPages, baseMap, mapNotice, mapKeyControl,
  KIND_COLOURS, STATUS_COLOURS, PLOT_COLOURS, CLEARANCE_COLOURS
} from './common.js';

const numberFormat = numbers({ maximumFractionDigits: 2 });
const percentFormat = numbers({ style: 'percent', maximumFractionDigits: 1 });
const dateFormat = dates({ timeZone: 'UTC' });

const PLOTS_MIN_ZOOM = 13;
// plots from tiles are drawn from this zoom on (merged by status until the tiles draw each plot)
const PLOT_TILES_MIN_ZOOM = 12;
const CLEAN_LAND_OUTLINE = '#0d5e12';
// a dashed line: an approximate boundary
const APPROXIMATE_DASH = '4 3';

// Leaflet.VectorGrid 1.3.0 stops clicks with L.DomEvent.fakeStop, which Leaflet 1.8 removed:
// the same flag that Leaflet's map still honours.
if (!L.DomEvent.fakeStop) L.DomEvent.fakeStop = (e) => { e._stopped = true; };
// Many plots are drawn from the registry's vector tiles (signed-in users keep GeoJSON: drafts).
const signedIn = document.querySelector('meta[name="_csrf"]') !== null;

const statusBox = document.getElementById('status');
// the day is chosen by its fields; Enter does not send the form away (no inline handler: CSP)
document.getElementById('time-bar').addEventListener('submit', (event) => event.preventDefault());
const map = L.map('map', { zoomControl: true }).setView([21.33, 106.4], 10);
window.registryMap = map; // for tests and the browser console

// The map as of a day (asOf=YYYY-MM-DD in the address): the registry replayed from its history.
// Today is the province's (Asia/Ho_Chi_Minh), as the server reckons it.
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const SLIDER_START = '2019-01-01'; // the first plan the registry cites (2019–2025)
const DAY_MS = 86400000;
const dayFormat = dates({ timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
let asOf = validDay(new URL(window.location.href).searchParams.get('asOf'));

const baseLayers = {};
const basemap = baseMap(map);
if (basemap) baseLayers[t('layer.basemap')] = basemap;

// Units of the day: districts before 2025-07-01, communes and wards of the merged province after.
const districtLayer = L.geoJSON(null, {
  interactive: false,
  style: (feature) => feature.properties.level === 'PROVINCE'
    ? { color: '#333', weight: 2.5, fill: false, className: 'province' }
    : { color: '#555', weight: 1.5, fill: false, dashArray: '4 3', className: 'district unit-' + feature.properties.level.toLowerCase() },
  onEachFeature: (feature, layer) => {
    if (feature.properties.level !== 'PROVINCE') {
      layer.bindTooltip(feature.properties.name, { permanent: true, direction: 'center', className: 'district-label' });
    }
  }
});
const zoneLayers = { KCN: zoneLayer(), CCN: zoneLayer() };
const zoneAccuracy = {}; // by zone code: a plot is drawn as exactly as its zone
const plotLayer = L.geoJSON(null, {
  style: (feature) => plotStyle(feature.properties, zoneAccuracy[feature.properties.zone]),
  onEachFeature: (feature, layer) => {
    layer.bindPopup(() => plotPopup(feature.properties));
    draftLabel(feature, layer);
  }
});
let plotRequest = 0;
// In the layer control: the GeoJSON plots, or the plot tiles when plots are many.
const plotsOverlay = L.layerGroup();
let plotTiles = null;
let plotTileJson = null;
// Clean plots at every zoom, for investors. Clicks go through to the zone (its popup gives the
// clean area) or, zoomed in, to the plot layer above, so a plot has one popup.
const cleanLandStyle = () => ({
  color: CLEAN_LAND_OUTLINE, weight: 2, fillColor: PLOT_COLOURS.AVAILABLE_CLEAN, fillOpacity: 0.85,
  className: 'clean-land'
});
const cleanLandLayer = L.geoJSON(null, { interactive: false, style: cleanLandStyle });
// In the layer control: the clean plots as GeoJSON, or, when plots come as tiles, the clean ones
// of the plot tiles (from the plots' first zoom: below it the zones' popups give the clean area).
const cleanOverlay = L.layerGroup([cleanLandLayer]);
let cleanTiles = null;
const clearanceLayer = L.geoJSON(null, {
  style: (feature) => ({
    color: CLEARANCE_COLOURS[feature.properties.status], weight: 3, fillColor: CLEARANCE_COLOURS[feature.properties.status],
    fillOpacity: 0.35, dashArray: feature.properties.overdue ? '2 5' : null,
    className: 'clearance-phase clearance-' + feature.properties.status + ' clearance-id-' + feature.properties.id
  }),
  onEachFeature: (feature, layer) => layer.bindPopup(() => clearancePopup(feature.properties), { maxWidth: 340 })
});
const zoneNamesEn = {};

function plotStyle(p, accuracy) {
  const approximate = accuracy === 'APPROXIMATE';
  return {
    color: '#333', weight: 1, fill: true, fillColor: PLOT_COLOURS[p.status], fillOpacity: 0.7,
    dashArray: approximate ? APPROXIMATE_DASH : null,
    className: 'plot plot-' + p.status + ' plot-id-' + p.id + (approximate ? ' plot-approximate' : '') +
      (p.published === false ? ' draft' : '')
  };
}

// Plots from /tiles/plots/{z}/{x}/{y}.mvt (TileJSON /tiles/plots.json), drawn as SVG like the rest.
// Below zoom 14 the tiles are generalised (TileJSON "generalisation", attribute "level"): the
// zone-level features are left out, since the zones layer already draws those outlines and its
// popup gives the fill rate (drawn again on top they would hide the plan status and take the
// zones' clicks); plots merged by status are drawn like plots, and at zoom 12 come from the
// first zoom that has them, scaled (minNativeZoom), as plots were drawn there before.
function statusZoom(tileJson) {
  const status = (tileJson.generalisation || []).find((g) => g.level === 'status');
  return status ? status.minzoom : tileJson.minzoom;
}

function plotTileOptions(tileJson, pane) {
  return {
    pane,
    rendererFactory: L.svg.tile,
    minZoom: Math.min(PLOT_TILES_MIN_ZOOM, statusZoom(tileJson)),
    minNativeZoom: statusZoom(tileJson),
    maxNativeZoom: tileJson.maxzoom
  };
}

function plotTileLayer(tileJson) {
  // above the zones, as the GeoJSON plots are (the overlay pane is at 400)
  if (!map.getPane('plotTiles')) map.createPane('plotTiles').style.zIndex = 450;
  const layer = L.vectorGrid.protobuf(tileJson.tiles[0], Object.assign(plotTileOptions(tileJson, 'plotTiles'), {
    interactive: true,
    attribution: tileJson.attribution,
    vectorTileLayerStyles: {
      plots: (p) => {
        if (p.level === 'zone') return [];
        const style = plotStyle(p, p.boundaryAccuracy);
        style.className += p.level === 'status' ? ' plot-tile plot-status-area' : ' plot-tile';
        return style;
      }
    }
  }));
  layer.on('click', (e) => openPlotPopup(e.layer.properties, e.latlng));
  layer.on('load', () => { document.body.dataset.plotTiles = String(map.getZoom()); });
  return layer;
}

function cleanTileLayer(tileJson) {
  if (!map.getPane('cleanTiles')) map.createPane('cleanTiles').style.zIndex = 420;
  return L.vectorGrid.protobuf(tileJson.tiles[0], Object.assign(plotTileOptions(tileJson, 'cleanTiles'), {
    interactive: false,
    vectorTileLayerStyles: {
      plots: (p) => (p.level !== 'zone' && p.status === 'AVAILABLE_CLEAN' ? cleanLandStyle() : [])
    }
  }));
}

// Tiles carry few attributes at low zooms: the popup asks for the whole plot. Plots merged by
// status are no plot: their popup is their summary.
function openPlotPopup(p, latlng) {
  if (p.level && p.level !== 'plot') {
    L.popup().setLatLng(latlng).setContent(statusAreaPopup(p)).openOn(map);
    return;
  }
  const popup = L.popup().setLatLng(latlng).setContent(plotPopup(p)).openOn(map);
  getJson('/api/plots/' + p.id)
    .then((feature) => popup.setContent(plotPopup(feature.properties)))
    .catch((error) => console.warn(error));
}

function statusAreaPopup(p) {
  const root = el('div', 'zone-popup status-area-popup');
  const zoneName = cfg.lang !== 'vi' && zoneNamesEn[p.zone] ? zoneNamesEn[p.zone] : p.zoneName;
  root.appendChild(el('h3', null, zoneName + ' – ' + t('plotStatus.' + p.status)));
  root.appendChild(fieldTable([[t('field.plotCount'), p.plotCount == null ? null : numberFormat.format(p.plotCount)],
    [t('field.area'), hectares(p.areaHa)]]));
  root.appendChild(el('p', 'approximate', t('plot.statusArea')));
  return root;
}

/** GeoJSON plots, or vector tiles when the public plots are more than the threshold and the day is today. */
async function choosePlotSource() {
  let tiles = false;
  if (!asOf && !signedIn) {
    try {
      plotTileJson = plotTileJson || await getJson('/tiles/plots.json', 'application/json');
      tiles = plotTileJson.feature_count > cfg.vectorPlotsThreshold;
    } catch (error) {
      console.warn(error);
    }
  }
  if (tiles && !plotTiles) {
    plotTiles = plotTileLayer(plotTileJson);
    cleanTiles = cleanTileLayer(plotTileJson);
  }
  showIn(plotsOverlay, tiles ? plotTiles : plotLayer);
  showIn(cleanOverlay, tiles ? cleanTiles : cleanLandLayer);
  document.body.dataset.plotSource = tiles ? 'tiles' : 'geojson';
  return tiles;
}

function showIn(group, layer) {
  if (!group.hasLayer(layer)) {
    group.clearLayers();
    group.addLayer(layer);
  }
}

/** A table of [label, value] rows, leaving out those without a value. */
function fieldTable(rows) {
  const table = el('table');
  rows.filter(([, value]) => value != null).forEach(([label, value]) => {
    const tr = el('tr');
    tr.appendChild(el('th', null, label));
    tr.appendChild(el('td', null, value));
    table.appendChild(tr);
  });
  return table;
}

function plotPopup(p) {
  const root = el('div', 'zone-popup');
  root.appendChild(el('h3', null, t('field.plotCode') + ' ' + p.code));
  root.appendChild(fieldTable([[t('field.zone'), p.zoneName], [t('field.area'), hectares(p.areaHa)],
    [t('field.status'), t('plotStatus.' + p.status)], [t('field.landUse'), p.landUse && t('landUse.' + p.landUse)],
    [t('field.clearedOn'), 'landUse' in p ? p.clearedOn || t('field.unknown') : null]]));
  if (p.demo) root.appendChild(el('p', 'approximate', t('plot.demo')));
  return root;
}

function clearancePopup(p) {
  const root = el('div', 'zone-popup clearance-popup');
  const zoneName = cfg.lang !== 'vi' && zoneNamesEn[p.zone] ? zoneNamesEn[p.zone] : p.zoneName;
  root.appendChild(el('h3', null, zoneName + ' – ' + p.name + ' (' + p.code + ')'));
  const rows = [
    [t('field.status'), t('clearance.status.' + p.status)],
    [t('clearance.popup.cleared'), (p.clearedPct == null ? '' : percentFormat.format(p.clearedPct / 100)) +
      ' (' + hectares(p.clearedHa) + ' / ' + hectares(p.areaHa) + ')'],
    [t('clearance.f.targetDate'), p.targetDate ? dateFormat.format(new Date(p.targetDate + 'T00:00:00Z')) : t('field.unknown')],
    [t('field.committee'), p.committee || t('field.unknown')]
  ];
  if (p.status === 'BLOCKED') rows.push([t('clearance.blockedReason'), p.blockedReason]);
  root.appendChild(fieldTable(rows));
  if (p.overdue) root.appendChild(el('p', 'overdue', t('clearance.popup.overdue')));
  const link = el('a', 'clearance-link', t('clearance.popup.link'));
  link.href = '/clearance?unit=' + encodeURIComponent(p.unit || '') + '&phase=' + p.id;
  root.appendChild(el('p')).appendChild(link);
  if (p.demo) root.appendChild(el('p', 'approximate', t('clearance.demo')));
  return root;
}

// Plots are many: they are fetched for the visible area only, once zoomed in.
async function refreshPlots() {
  const request = ++plotRequest;
  if (map.getZoom() < PLOTS_MIN_ZOOM || !map.hasLayer(plotLayer)) {
    plotLayer.clearLayers();
    document.body.dataset.plots = map.getZoom() + '/' + request;
    return;
  }
  const b = map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
  try {
    const plots = await allPages('/api/plots?bbox=' + bbox + asOfQuery('&'));
    if (request !== plotRequest) return;
    plotLayer.clearLayers();
    plotLayer.addData(plots);
    document.body.dataset.plots = map.getZoom() + '/' + request; // the zoom and request the plots shown answer
  } catch (error) {
    console.error(error);
  }
}

function zoneLayer() {
  return L.geoJSON(null, {
    style: zoneStyle,
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => popup(feature.properties), { maxWidth: 360, maxHeight: 420 });
      draftLabel(feature, layer);
    }
  });
}

// Only signed-in users receive drafts (the API leaves them out for the public): they are labelled.
function draftLabel(feature, layer) {
  if (feature.properties.published === false) {
    layer.bindTooltip(t('edit.draftLabel'), { permanent: true, direction: 'center', className: 'draft-label' });
  }
}

function zoneStyle(feature) {
  const p = feature.properties;
  return {
    color: KIND_COLOURS[p.kind],
    weight: p.kind === 'KCN' ? 2.5 : 2,
    fillColor: STATUS_COLOURS[p.planStatus],
    fillOpacity: 0.55,
    dashArray: p.boundaryAccuracy === 'APPROXIMATE' ? '6 4' : null,
    className: 'zone zone-' + p.kind + ' zone-code-' + p.code +
      (p.boundaryAccuracy === 'APPROXIMATE' ? ' zone-approximate' : '') + (p.published === false ? ' draft' : '')
  };
}

function popup(p) {
  const root = el('div', 'zone-popup');
  root.appendChild(el('h3', null, p.name));
  if (p.nameEn && cfg.lang !== 'vi') root.appendChild(el('div', 'cite', p.nameEn));
  const table = el('table');
  const demo = new Set(p.demoFigures || []);
  const row = (label, value, cite, key) => {
    const tr = el('tr');
    tr.appendChild(el('th', null, label));
    const td = el('td', null, value == null || value === '' ? t('field.unknown') : String(value));
    if (key && demo.has(key) && value != null) td.appendChild(el('span', 'demo-tag', t('demo.figure')));
    if (cite) td.appendChild(el('div', 'cite', cite));
    tr.appendChild(td);
    table.appendChild(tr);
  };
  const cites = p.figureSources || {};
  row(t('field.code'), p.code);
  row(t('field.kind'), t('kind.' + p.kind));
  row(t(p.unitLevel === 'DISTRICT' ? 'field.district' : 'field.commune'),
    p.unitName ? p.unitName + (p.provinceName ? ', ' + p.provinceName : '') : null);
  if (p.unitLevel !== 'DISTRICT' && p.districtName) row(t('field.districtBefore'), p.districtName);
  if (p.communes) row(t('field.communes'), p.communes);
  row(t('field.planStatus'), t('status.' + p.planStatus), cites.planStatus);
  row(t('field.lifecycle'), p.lifecycle ? t('lifecycle.' + p.lifecycle) : null, cites.lifecycle, 'lifecycle');
  row(t('field.legalAreaHa'), hectares(p.legalAreaHa), cites.legalAreaHa, 'legalAreaHa');
  row(t('field.mapAreaHa'), hectares(p.mapAreaHa), cites.mapAreaHa, 'mapAreaHa');
  if (p.leaseLandHa != null) {
    row(t('field.leaseLandHa'), hectares(p.leaseLandHa), cites.leaseLandHa, 'leaseLandHa');
    row(t('field.leasedHa'), hectares(p.leasedHa), null, 'leasedHa');
    row(t('field.occupancyRate'), p.occupancyRate == null ? null : percentFormat.format(p.occupancyRate), null, 'occupancyRate');
    row(t('field.availableCleanHa'), hectares(p.availableCleanHa), null, 'availableCleanHa');
  }
  if (p.developer) row(t('field.developer'), p.developer, cites.developer);
  if (p.decisionNo) row(t('field.decision'), p.decisionNo + (p.decisionDate ? ' (' + p.decisionDate + ')' : ''), cites.decisionNo);
  if (p.note) row(t('field.note'), p.note);
  row(t('field.source'), p.source);
  root.appendChild(table);
  if (demo.size) root.appendChild(el('p', 'approximate demo-note', t('demo.figures.note')));
  if (p.boundaryAccuracy === 'APPROXIMATE') root.appendChild(el('p', 'approximate', t('popup.approximate')));
  return root;
}

function hectares(value) {
  return value == null ? null : numberFormat.format(value) + ' ' + t('unit.ha');
}

function legend() {
  return mapKeyControl({ position: 'bottomright', className: 'legend', id: 'legend' }, (root) => {
    root.appendChild(el('h3', null, t('legend.kind')));
    const kinds = el('ul');
    Object.entries(KIND_COLOURS).forEach(([kind, colour]) => {
      const swatch = el('span', 'swatch');
      swatch.style.borderColor = colour;
      kinds.appendChild(item(swatch, t('kind.' + kind) + ' (' + kind + ')'));
    });
    root.appendChild(kinds);
    root.appendChild(el('h3', null, t('legend.status')));
    const statuses = el('ul');
    Object.entries(STATUS_COLOURS).forEach(([status, colour]) => {
      const swatch = el('span', 'swatch');
      swatch.style.background = colour;
      statuses.appendChild(item(swatch, t('status.' + status)));
    });
    root.appendChild(statuses);
    const lines = el('ul');
    lines.appendChild(item(el('span', 'swatch line-dashed'), t('legend.approximate')));
    lines.appendChild(item(el('span', 'swatch line-solid'), t('legend.surveyed')));
    root.appendChild(lines);
    root.appendChild(el('h3', null, t('legend.plots')));
    const plots = el('ul');
    Object.entries(PLOT_COLOURS).forEach(([status, colour]) => {
      const swatch = el('span', 'swatch');
      swatch.style.background = colour;
      plots.appendChild(item(swatch, t('plotStatus.' + status)));
    });
    root.appendChild(plots);
    root.appendChild(el('h3', null, t('clearance.layer')));
    const clearance = el('ul');
    clearance.id = 'legend-clearance';
    Object.entries(CLEARANCE_COLOURS).forEach(([status, colour]) => {
      const swatch = el('span', 'swatch');
      swatch.style.background = colour;
      swatch.style.borderColor = colour;
      clearance.appendChild(item(swatch, t('clearance.status.' + status)));
    });
    const clean = el('span', 'swatch');
    clean.style.background = PLOT_COLOURS.AVAILABLE_CLEAN;
    clean.style.borderColor = CLEAN_LAND_OUTLINE;
    clearance.appendChild(item(el('span', 'swatch line-dotted'), t('clearance.legend.overdue')));
    const cleanItem = item(clean, t('clearance.cleanLand.legend'));
    cleanItem.id = 'legend-clean-land';
    clearance.appendChild(cleanItem);
    root.appendChild(clearance);
  });
}

function item(swatch, label) {
  const li = el('li');
  li.appendChild(swatch);
  li.appendChild(el('span', null, label));
  return li;
}

// An overlay that cannot load leaves the rest of the map working.
async function optionalJson(url) {
  try {
    return await allPages(url);
  } catch (error) {
    console.warn(error);
    mapNotice(map, t('map.loadFailed') + ' (' + url.split('?')[0] + ')');
    return null;
  }
}

// ---- the day shown --------------------------------------------------------------------------

function validDay(text) {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text + 'T00:00:00Z'))) return null;
  return text >= TODAY ? null : text;
}

/** '' for today, else the asOf parameter, after sep ('?' or '&'). */
function asOfQuery(sep) {
  return asOf ? sep + 'asOf=' + asOf : '';
}

const dayNumber = (day) => Math.round((Date.parse(day + 'T00:00:00Z') - Date.parse(SLIDER_START + 'T00:00:00Z')) / DAY_MS);
const dayOf = (n) => new Date(Date.parse(SLIDER_START + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
const shownDate = (day) => dayFormat.format(new Date(day + 'T00:00:00Z'));

function initTimeBar() {
  const input = document.getElementById('asOf');
  const slider = document.getElementById('asOf-slider');
  input.max = TODAY;
  slider.min = String(Math.min(0, asOf ? dayNumber(asOf) : 0));
  slider.max = String(dayNumber(TODAY));
  showDay(asOf || TODAY);
  keepDayInAddress();
  input.addEventListener('change', () => {
    const day = input.value ? (input.value >= TODAY ? TODAY : input.value) : TODAY;
    if (Number(slider.min) > dayNumber(day)) slider.min = String(dayNumber(day));
    changeDay(day);
  });
  // Dragging shows the day; letting go loads it.
  slider.addEventListener('input', () => showDay(dayOf(Number(slider.value)), true));
  slider.addEventListener('change', () => changeDay(dayOf(Number(slider.value))));
  document.getElementById('asOf-today').addEventListener('click', () => changeDay(TODAY));
}

function showDay(day, preview) {
  const historical = day < TODAY;
  document.getElementById('asOf').value = day;
  document.getElementById('asOf-slider').value = String(dayNumber(day));
  const shown = document.getElementById('asOf-shown');
  shown.textContent = historical ? fill('map.asOf.past', shownDate(day)) : fill('map.asOf.now', shownDate(TODAY));
  shown.classList.toggle('historical', historical);
  document.getElementById('asOf-today').disabled = !historical && !preview;
  document.body.classList.toggle('historical', historical);
}

async function changeDay(day) {
  const wanted = day >= TODAY ? null : day;
  showDay(day);
  if (wanted === asOf) return;
  asOf = wanted;
  keepDayInAddress();
  document.body.dataset.loaded = 'loading';
  statusBox.textContent = t('map.loading');
  try {
    await loadData(false);
    statusBox.textContent = '';
    document.body.dataset.loaded = 'true';
  } catch (error) {
    console.error(error);
    statusBox.textContent = t('map.loadFailed');
    statusBox.classList.add('error');
    document.body.dataset.loaded = 'error';
  }
}

/** The address and the language switch keep the day shown (none for today). */
function keepDayInAddress() {
  const address = new URL(window.location.href);
  if (asOf) address.searchParams.set('asOf', asOf);
  else address.searchParams.delete('asOf');
  window.history.replaceState(null, '', address);
  const langLink = document.getElementById('lang-switch');
  const switched = new URL(langLink.href, window.location.href);
  if (asOf) switched.searchParams.set('asOf', asOf);
  else switched.searchParams.delete('asOf');
  langLink.href = switched.pathname + switched.search;
}

function fill(key, ...values) {
  return values.reduce((text, value, i) => text.split('{' + i + '}').join(value), t(key));
}

// ---- loading ----------------------------------------------------------------------------------

/** Units, zones, clearance and clean land as of the day shown; plots follow the view. */
async function loadData(first) {
  const day = asOfQuery('?');
  const tiles = await choosePlotSource();
  const [districts, provinces, zones, clearance, clean] = await Promise.all([getJson('/api/units' + day),
    getJson('/api/units?level=province' + asOfQuery('&')),
    getJson('/api/zones' + day), optionalJson('/api/clearance' + day),
    tiles ? null : optionalJson('/api/plots?status=AVAILABLE_CLEAN' + asOfQuery('&'))]);
  districtLayer.clearLayers();
  districtLayer.addData(provinces);
  districtLayer.addData(districts);
  zoneLayers.KCN.clearLayers();
  zoneLayers.CCN.clearLayers();
  zones.features.forEach((feature) => {
    zoneLayers[feature.properties.kind].addData(feature);
    zoneNamesEn[feature.properties.code] = feature.properties.nameEn;
    zoneAccuracy[feature.properties.code] = feature.properties.boundaryAccuracy;
  });
  clearanceLayer.clearLayers();
  if (clearance) clearanceLayer.addData(clearance);
  cleanLandLayer.clearLayers();
  if (clean) cleanLandLayer.addData(clean);
  document.getElementById('zone-count').textContent = t('map.zoneCount') + ': ' + zones.features.length;
  if (!first) await refreshPlots();
  return districts;
}

async function load() {
  initTimeBar();
  const districts = await loadData(true);
  districtLayer.addTo(map);
  zoneLayers.CCN.addTo(map);
  zoneLayers.KCN.addTo(map);
  clearanceLayer.addTo(map);
  cleanOverlay.addTo(map);
  const overlays = {};
  overlays[t('layer.kcn')] = zoneLayers.KCN;
  overlays[t('layer.ccn')] = zoneLayers.CCN;
  overlays[t('layer.districts')] = districtLayer;
  overlays[t('clearance.layer')] = clearanceLayer;
  overlays[t('clearance.cleanLand.layer')] = cleanOverlay;
  overlays[t('layer.plots')] = plotsOverlay;
  plotsOverlay.addTo(map);
  map.on('moveend overlayadd', refreshPlots);
  L.control.layers(baseLayers, overlays, { collapsed: window.innerWidth < 700 }).addTo(map);
  legend().addTo(map);
  const bounds = districts.features.length ? districtLayer.getBounds() : L.featureGroup(Object.values(zoneLayers)).getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10], animate: false });
  statusBox.textContent = '';
  document.body.dataset.loaded = 'true';
}

load().catch((error) => {
  console.error(error);
  statusBox.textContent = t('map.loadFailed');
  statusBox.classList.add('error');
  document.body.dataset.loaded = 'error';
});
