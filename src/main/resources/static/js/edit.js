/* The authority's editing page: zones and plots drawn, reshaped, split, merged, published and deleted
   through the write API. The server checks every shape; its reasons are shown next to the shape, its
   suggestions are offered and never applied without the editor's click. A change of a published zone
   or plot saved as a draft waits beside it (the public keeps the published one) until published or
   discarded; the draft's shape and the shapes of a history entry can be drawn over the map. */
import {
  config as cfg, t, fill, numbers, dates, el, ApiError, sendJson, allPages, KIND_COLOURS,
  PLOT_COLOURS as PLOT_STATUS_COLOURS
} from './common.js';

const vi = cfg.lang === 'vi';
const haFormat = numbers({ maximumFractionDigits: 2 });
const m2Format = numbers({ maximumFractionDigits: 0 });
const whenFormat = dates({
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh'
});
const dayFormat = dates({ timeZone: 'UTC' });
const ha = (value) => (value == null ? '–' : haFormat.format(value) + '\u00a0' + t('unit.ha'));
const m2 = (value) => m2Format.format(value) + '\u00a0m²';

/** Vertices dropped this close (screen pixels) to a vertex of a loaded zone or plot land on it. */
const SNAP_PX = 10;
const PLOT_COLOUR = '#5e35b1';
const UNIT_COLOUR = '#546e7a';
// Drafts are dashed; an approximate (not surveyed) boundary is dotted.
const DRAFT_DASH = '8 6';
const APPROXIMATE_DASH = '2 5';
const WORK_COLOUR = '#ef6c00';
const PROBLEM_COLOUR = '#d50000';
const SUGGESTION_COLOUR = '#00897b';
/** Shapes drawn to compare: a published record and its draft, or a shape before and after a change. */
const COMPARE = {
  published: { color: '#1565c0', weight: 3, fillColor: '#1565c0', fillOpacity: 0.08, dashArray: null, className: 'compare-published' },
  draft: { color: '#ff6f00', weight: 3, fillColor: '#ff6f00', fillOpacity: 0.2, dashArray: '8 5', className: 'compare-draft' },
  old: { color: '#c62828', weight: 3, fillColor: '#c62828', fillOpacity: 0.06, dashArray: '8 6', className: 'history-old' },
  new: { color: '#2e7d32', weight: 3, fillColor: '#2e7d32', fillOpacity: 0.18, dashArray: null, className: 'history-new' }
};

const ZONE_FIELDS = ['kind', 'code', 'name', 'nameEn', 'district', 'communes', 'planStatus', 'lifecycle', 'legalAreaHa',
  'boundaryAccuracy', 'boundaryNote', 'developer', 'decisionNo', 'decisionDate', 'source', 'note'];
const PLOT_FIELDS = ['code', 'landUse', 'clearedOn', 'note'];
// Fields that only a new zone takes: the API does not change a zone's kind or code.
const ZONE_FIXED = ['kind', 'code'];

const $ = (id) => document.getElementById(id);
const panel = $('panel');

const base = (type) => (type === 'zone' ? '/api/zones/' : '/api/plots/');

// ---- map and layers ---------------------------------------------------------------------------

const map = L.map('edit-map', { doubleClickZoom: false, boxZoom: false }).setView([21.33, 106.4], 10);
window.editMap = map; // for tests and the browser console
[['unitsPane', 340], ['zonesPane', 350], ['plotsPane', 360], ['comparePane', 440], ['problemsPane', 450]].forEach(([name, z]) => {
  const pane = map.createPane(name);
  pane.style.zIndex = z;
  pane.style.pointerEvents = 'none';
});
if (cfg.tileUrl) {
  const tiles = L.tileLayer(cfg.tileUrl, { maxZoom: 20, maxNativeZoom: 19, attribution: cfg.tileAttribution });
  tiles.once('tileerror', () => notice(t('map.tilesFailed')));
  tiles.addTo(map);
}

const unitLayer = L.geoJSON(null, { pane: 'unitsPane', interactive: false, style: unitStyle }).addTo(map);
const zoneLayer = L.geoJSON(null, { pane: 'zonesPane', style: zoneStyle, onEachFeature: bindFeature('zone') }).addTo(map);
const plotLayer = L.geoJSON(null, { pane: 'plotsPane', style: plotStyle, onEachFeature: bindFeature('plot') }).addTo(map);
const workLayer = L.featureGroup().addTo(map);
const problemLayer = L.featureGroup().addTo(map);
const compareLayer = L.featureGroup().addTo(map);
const layers = { zone: zoneLayer, plot: plotLayer };
const legend = compareLegend().addTo(map);
mapKey().addTo(map);

const state = {
  features: { zone: new Map(), plot: new Map() },
  districts: [],
  mode: 'idle', // idle | draw-zone | draw-plot | edit-shape | split | merge
  current: null, // the zone or plot in the panel: { type, id, feature, version, geometry, geometryChanged, zoneId }
  draft: null, // the pending draft of the current zone or plot (a Feature from .../draft), when it has one
  handler: null, // the active Leaflet.draw handler
  editable: null, // the polygon whose vertices are being edited
  splitLine: null,
  merge: [] // plot ids
};
window.editState = state; // for tests and the browser console

function zoneStyle(feature) {
  const p = feature.properties;
  const selected = isCurrent('zone', p.id);
  return {
    color: selected ? '#111' : KIND_COLOURS[p.kind], weight: selected ? 4 : 2, fillColor: KIND_COLOURS[p.kind],
    fillOpacity: selected ? 0.2 : 0.1,
    dashArray: p.published === false ? DRAFT_DASH : p.boundaryAccuracy === 'APPROXIMATE' ? APPROXIMATE_DASH : null,
    opacity: selected && state.mode === 'edit-shape' ? 0.35 : 1,
    className: 'zone zone-id-' + p.id + ' zone-code-' + p.code + (p.published === false ? ' draft' : '') +
      (p.pendingDraft ? ' pending-draft' : '') + (p.boundaryAccuracy === 'APPROXIMATE' ? ' approximate' : '')
  };
}

function plotStyle(feature) {
  const p = feature.properties;
  const selected = isCurrent('plot', p.id);
  const merging = state.merge.includes(p.id);
  return {
    color: selected || merging ? '#111' : PLOT_COLOUR, weight: selected || merging ? 3.5 : 1.5,
    fillColor: merging ? '#ffd600' : PLOT_STATUS_COLOURS[p.status] || PLOT_COLOUR,
    fillOpacity: merging ? 0.6 : selected ? 0.6 : 0.45,
    dashArray: p.published === false ? '6 5' : null,
    opacity: selected && state.mode === 'edit-shape' ? 0.35 : 1,
    className: 'plot plot-id-' + p.id + ' plot-code-' + p.code + (p.status ? ' plot-status-' + p.status : '') +
      (p.published === false ? ' draft' : '') + (p.pendingDraft ? ' pending-draft' : '')
  };
}

/** Communes and wards (districts before 2025-07-01) of the day: thin grey lines under the zones. */
function unitStyle(feature) {
  return {
    color: UNIT_COLOUR, weight: 1.2, fill: false, opacity: 0.9,
    dashArray: feature.properties.boundaryAccuracy === 'APPROXIMATE' ? APPROXIMATE_DASH : null,
    className: 'unit-outline unit-code-' + feature.properties.code
  };
}

function bindFeature(type) {
  return (feature, layer) => {
    const p = feature.properties;
    if (p.published === false) {
      layer.bindTooltip(t('edit.draftLabel'), { permanent: true, direction: 'center', className: 'draft-label' });
    } else if (p.pendingDraft) {
      layer.bindTooltip(t('edit.pendingLabel'), { permanent: true, direction: 'center', className: 'pending-label' });
    }
    layer.on('click', (event) => {
      L.DomEvent.stop(event);
      onFeatureClick(type, p.id);
    });
  };
}

function layerOf(type, id) {
  return layers[type].getLayers().find((l) => l.feature.properties.id === id) || null;
}

function isCurrent(type, id) {
  return state.current != null && state.current.type === type && state.current.id === id;
}

/** Puts the server's copy of a feature on the map, in place of the old one. */
function upsert(type, feature) {
  remove(type, feature.properties.id);
  state.features[type].set(feature.properties.id, feature);
  layers[type].addData(feature);
  if (type === 'zone') fillZonePicker();
}

function remove(type, id) {
  const old = layerOf(type, id);
  if (old) layers[type].removeLayer(old);
  state.features[type].delete(id);
  if (type === 'zone') fillZonePicker();
}

function restyle() {
  zoneLayer.setStyle(zoneStyle);
  plotLayer.setStyle(plotStyle);
  document.querySelectorAll('#edit-map path.selected').forEach((path) => path.classList.remove('selected'));
  if (state.current && state.current.id != null) {
    const layer = layerOf(state.current.type, state.current.id);
    if (layer && layer.getElement()) layer.getElement().classList.add('selected');
  }
  plotLayer.getLayers().forEach((l) => {
    if (l.getElement()) l.getElement().classList.toggle('merge-selected', state.merge.includes(l.feature.properties.id));
  });
}

// ---- geometry helpers -------------------------------------------------------------------------

/** Rings of a GeoJSON Polygon or MultiPolygon: [[outer, hole...], ...] as [lon, lat] pairs. */
function polygons(geometry) {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
}

function insideRing(point, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > point[1]) !== (yj > point[1]) && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inside(point, geometry) {
  return polygons(geometry).some((rings) => insideRing(point, rings[0]) && !rings.slice(1).some((hole) => insideRing(point, hole)));
}

/** The zone holding most vertices (and the centre) of a drawn plot; null outside every zone. */
function zoneHolding(geometry) {
  const points = polygons(geometry).flatMap((rings) => rings[0]);
  const centre = L.geoJSON(geometry).getBounds().getCenter();
  points.push([centre.lng, centre.lat]);
  let best = null;
  let bestCount = 0;
  state.features.zone.forEach((zone) => {
    const count = points.filter((point) => inside(point, zone.geometry)).length;
    if (count > bestCount) {
      best = zone;
      bestCount = count;
    }
  });
  return best;
}

/** A vertex of a loaded zone or plot within SNAP_PX of latlng, or latlng itself. */
function snap(latlng, exclude) {
  const point = map.latLngToContainerPoint(latlng);
  const box = L.latLngBounds(map.containerPointToLatLng(point.subtract([SNAP_PX, SNAP_PX])),
    map.containerPointToLatLng(point.add([SNAP_PX, SNAP_PX])));
  let best = null;
  let bestDistance = SNAP_PX;
  [zoneLayer, plotLayer].forEach((group) => group.getLayers().forEach((layer) => {
    if (layer === exclude || !layer.getBounds().intersects(box)) return;
    vertices(layer.getLatLngs()).forEach((vertex) => {
      const distance = point.distanceTo(map.latLngToContainerPoint(vertex));
      if (distance <= bestDistance) {
        best = vertex;
        bestDistance = distance;
      }
    });
  }));
  return best ? L.latLng(best.lat, best.lng) : latlng;
}

function vertices(latlngs) {
  return Array.isArray(latlngs) ? latlngs.flatMap(vertices) : [latlngs];
}

/** Snaps vertices placed while drawing (Leaflet.draw calls addVertex for each click). */
function snapping(handler) {
  const addVertex = handler.addVertex;
  handler.addVertex = function (latlng) {
    return addVertex.call(this, snap(latlng, null));
  };
  return handler;
}

// A vertex dragged while editing snaps when dropped: Leaflet.draw fires _fireEdit on dragend.
const fireEdit = L.Edit.PolyVerticesEdit.prototype._fireEdit;
L.Edit.PolyVerticesEdit.prototype._fireEdit = function (event) {
  const marker = event && event.target;
  if (marker && marker._origLatLng) {
    const own = state.current && state.current.id != null ? layerOf(state.current.type, state.current.id) : null;
    const snapped = snap(marker.getLatLng(), own);
    if (!snapped.equals(marker.getLatLng())) {
      marker.setLatLng(snapped);
      L.extend(marker._origLatLng, { lat: snapped.lat, lng: snapped.lng });
      if (marker._middleLeft) marker._middleLeft.setLatLng(this._getMiddleLatLng(marker._prev, marker));
      if (marker._middleRight) marker._middleRight.setLatLng(this._getMiddleLatLng(marker, marker._next));
      this._poly.redraw();
    }
  }
  return fireEdit.call(this, event);
};

function localiseDraw() {
  const draw = L.drawLocal.draw.handlers;
  draw.polygon.tooltip = { start: t('edit.draw.start'), cont: t('edit.draw.cont'), end: t('edit.draw.end') };
  draw.polyline.tooltip = { start: t('edit.line.start'), cont: t('edit.line.cont'), end: t('edit.line.end') };
  draw.polyline.error = t('edit.draw.error');
}

// ---- loading ----------------------------------------------------------------------------------

async function load() {
  const [zones, plots, districts, units] = await Promise.all([sendJson('GET', '/api/zones'), allPlots(),
    sendJson('GET', '/api/districts'), unitsOfToday()]);
  if (units) unitLayer.addData(units);
  zones.features.forEach((f) => state.features.zone.set(f.properties.id, f));
  plots.features.forEach((f) => state.features.plot.set(f.properties.id, f));
  zoneLayer.addData(zones);
  plotLayer.addData(plots);
  state.districts = districts.features.map((f) => f.properties);
  const select = $('z-district');
  state.districts.forEach((d) => select.appendChild(option(d.code, (vi || !d.nameEn ? d.name : d.nameEn) + ' (' + d.code + ')')));
  fillZonePicker();
  const bounds = zoneLayer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10], animate: false });
}

/** The outlines are a help, not the work: the page works without them. */
async function unitsOfToday() {
  try {
    return await sendJson('GET', '/api/units?level=local' + (cfg.today ? '&asOf=' + cfg.today : ''));
  } catch (error) {
    console.warn(error);
    notice(t('edit.key.unitsFailed'));
    return null;
  }
}

function fillZonePicker() {
  const picker = $('zone-picker');
  const chosen = picker.value;
  const zones = [...state.features.zone.values()].map((f) => f.properties).sort((a, b) => a.code.localeCompare(b.code));
  picker.replaceChildren(option('', t('edit.find.choose')));
  const label = (p) => (p.published === false ? ' (' + t('edit.draftLabel') + ')' : p.pendingDraft ? ' (' + t('edit.pendingLabel') + ')' : '');
  zones.forEach((p) => picker.appendChild(option(String(p.id), p.code + ' – ' + p.name + label(p))));
  picker.value = zones.some((p) => String(p.id) === chosen) ? chosen : '';
}

// ---- selection and the panel ------------------------------------------------------------------

function onFeatureClick(type, id) {
  if (state.mode === 'merge') {
    if (type === 'plot') toggleMerge(id);
    return;
  }
  if (state.mode !== 'idle') return;
  if (isCurrent(type, id)) return;
  if (isDirty() && !window.confirm(t('edit.confirmDiscard'))) return;
  select(type, id);
}

/** Shows a zone or plot in the panel; its pending draft is {@code draft} or fetched when it has one. */
function select(type, id, draft) {
  const feature = state.features[type].get(id);
  if (!feature) return;
  state.current = {
    type, id, feature, version: feature.properties.version, geometry: feature.geometry, geometryChanged: false,
    zoneId: type === 'plot' ? feature.properties.zoneId : null
  };
  state.draft = draft || null;
  clearCompare();
  showPendingDraft();
  if (!draft && feature.properties.pendingDraft) loadDraft().catch((error) => console.warn(error));
  showItem();
  fillForm(feature.properties);
  clearMessages();
  renderWork();
  restyle();
  showTab('attributes');
  updateDirty();
  updateTools();
  syncPicker();
}

/** The finder shows the zone in the panel, and nothing when the panel shows something else. */
function syncPicker() {
  const c = state.current;
  const picker = $('zone-picker');
  const value = c && c.type === 'zone' && c.id != null ? String(c.id) : '';
  picker.value = [...picker.options].some((o) => o.value === value) ? value : '';
}

function startNew(type, geometry) {
  const zone = type === 'plot' ? zoneHolding(geometry) : null;
  state.current = { type, id: null, feature: null, version: null, geometry, geometryChanged: true, zoneId: zone ? zone.properties.id : null };
  state.draft = null;
  clearCompare();
  showPendingDraft();
  showItem();
  fillForm(type === 'zone' ? { kind: 'CCN', planStatus: 'NEW', lifecycle: 'PLANNED', boundaryAccuracy: 'APPROXIMATE' } : { landUse: 'INDUSTRIAL' });
  clearMessages();
  renderWork();
  restyle();
  showTab('attributes');
  updateDirty();
  updateTools();
  syncPicker();
  if (type === 'plot' && !zone) showProblem({ local: true, detail: t('edit.plot.noZone') }, null);
  const first = $(type === 'zone' ? 'z-code' : 'p-code');
  first.focus();
}

function clearSelection() {
  state.current = null;
  state.draft = null;
  clearCompare();
  showPendingDraft();
  $('item').hidden = true;
  $('nothing').hidden = state.mode === 'merge';
  workLayer.clearLayers();
  problemLayer.clearLayers();
  restyle();
  updateTools();
  syncPicker();
}

function showItem() {
  const c = state.current;
  const p = c.feature ? c.feature.properties : null;
  $('nothing').hidden = true;
  $('item').hidden = false;
  $('item').dataset.type = c.type;
  $('item').dataset.id = c.id == null ? '' : c.id;
  const zone = c.zoneId != null && state.features.zone.get(c.zoneId);
  let heading;
  if (c.type === 'zone') heading = p ? p.code + ' – ' + p.name : t('edit.new.zone');
  else heading = (p ? t('field.plotCode') + ' ' + p.code : t('edit.new.plot')) + (zone ? ' · ' + zone.properties.code : '');
  $('item-heading').textContent = heading;
  const badge = $('item-state');
  const draft = !p || p.published === false;
  badge.textContent = !p ? t('edit.state.new') : draft ? t('edit.state.draft') : t('edit.state.published');
  badge.className = 'badge ' + (!p ? 'badge-new' : draft ? 'badge-draft' : 'badge-published');
  const meta = [];
  if (p) meta.push(fill('edit.meta.version', p.version));
  if (p && c.type === 'zone') meta.push(t('field.mapAreaHa') + ': ' + ha(p.mapAreaHa));
  if (p && c.type === 'plot') meta.push(t('field.area') + ': ' + ha(p.areaHa));
  if (p && p.updatedAt) meta.push(fill('edit.meta.updated', whenFormat.format(new Date(p.updatedAt))));
  $('item-meta').textContent = meta.join(' · ');
  $('zone-form').hidden = c.type !== 'zone';
  $('plot-form').hidden = c.type !== 'plot';
  $('p-zone').textContent = zone ? zone.properties.code + ' – ' + zone.properties.name : t('edit.plot.noZoneShort');
  $('tab-history').disabled = c.id == null;
  ZONE_FIXED.forEach((name) => { $('z-' + name).disabled = c.id != null; });
  $('save-box').hidden = false;
  $('delete-box').hidden = true;
  $('split-box').hidden = true;
  updateTools();
  updateDirty();
}

function fillForm(p) {
  const c = state.current;
  const fields = c.type === 'zone' ? ZONE_FIELDS : PLOT_FIELDS;
  const prefix = c.type === 'zone' ? 'z-' : 'p-';
  fields.forEach((name) => {
    const input = $(prefix + name);
    const value = p[name];
    input.value = value == null ? '' : String(value);
    if (input.tagName === 'SELECT' && input.value === '' && value != null) input.value = '';
    input.removeAttribute('aria-invalid');
  });
  $('reason').value = '';
  areaHint();
}

function formValues() {
  const c = state.current;
  const fields = c.type === 'zone' ? ZONE_FIELDS : PLOT_FIELDS;
  const prefix = c.type === 'zone' ? 'z-' : 'p-';
  const values = {};
  fields.forEach((name) => { values[name] = $(prefix + name).value.trim(); });
  return values;
}

/** Form fields that differ from the server's copy (all filled ones for a new item). */
function changedFields() {
  const c = state.current;
  const values = formValues();
  const p = c.feature ? c.feature.properties : {};
  return Object.keys(values).filter((name) => {
    if (c.id != null && c.type === 'zone' && ZONE_FIXED.includes(name)) return false;
    const before = p[name] == null ? '' : String(p[name]);
    if (name === 'legalAreaHa' && values[name] !== '' && before !== '') return Number(values[name]) !== Number(before);
    return values[name] !== before;
  });
}

function isDirty() {
  const c = state.current;
  if (!c) return false;
  return c.id == null || c.geometryChanged || changedFields().length > 0;
}

function updateDirty() {
  const c = state.current;
  const dirty = isDirty();
  $('unsaved').hidden = !dirty;
  const p = c && c.feature ? c.feature.properties : null;
  $('publish').hidden = !(p && p.published === false && !dirty);
  $('discard').hidden = !dirty;
  $('draft-hint').hidden = !(p && p.published !== false);
  $('save-draft').disabled = !!(p && !dirty);
  // the draft's own buttons act on the saved draft: not while the form holds unsaved changes
  ['draft-edit', 'draft-publish', 'draft-discard'].forEach((id) => { $(id).disabled = dirty; });
}

function areaHint() {
  const c = state.current;
  if (!c || c.type !== 'zone') return;
  const p = c.feature ? c.feature.properties : null;
  $('z-area-hint').textContent = p && p.mapAreaHa != null && !c.geometryChanged ? fill('edit.f.area.hint', ha(p.mapAreaHa)) : '';
}

// ---- drafts of published items ---------------------------------------------------------------

async function loadDraft() {
  const c = state.current;
  let draft = null;
  try {
    draft = await sendJson('GET', base(c.type) + c.id + '/draft');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  if (state.current !== c) return; // another item was chosen meanwhile
  state.draft = draft;
  if (!draft) {
    c.feature.properties.pendingDraft = false;
    upsert(c.type, c.feature);
    restyle();
  }
  showPendingDraft();
}

/** The box of the pending draft: who saved it, when, why, what it changes; whether it is out of date. */
function showPendingDraft() {
  const box = $('pending-draft');
  const draft = state.draft;
  if (!draft || !state.current) {
    box.hidden = true;
    return;
  }
  const info = draft.properties.draft;
  $('pending-draft-meta').textContent = fill('edit.pending.meta', info.author, whenFormat.format(new Date(info.savedAt)));
  $('pending-draft-reason').textContent = info.reason ? t('edit.f.reason') + ': ' + info.reason : '';
  $('pending-draft-reason').hidden = !info.reason;
  const changed = (info.changed || []).filter((column) => !HIDDEN_COLUMNS.includes(column)).map(columnLabel);
  $('pending-draft-changes').textContent = fill('edit.pending.changes', changed.join(', '));
  $('pending-draft-stale').hidden = !info.stale;
  $('draft-show').setAttribute('aria-pressed', 'false');
  box.hidden = false;
}

function toggleDraftShape() {
  const c = state.current;
  if ($('draft-show').getAttribute('aria-pressed') === 'true') {
    clearCompare();
    return;
  }
  compare([['published', c.feature.geometry], ['draft', state.draft.geometry]]);
  $('draft-show').setAttribute('aria-pressed', 'true');
}

/** Opens the draft in the form, as unsaved changes of the published item: saved as a draft, it replaces the old one. */
function editDraft() {
  const c = state.current;
  const draft = state.draft;
  clearMessages();
  fillForm(draft.properties);
  $('reason').value = draft.properties.draft.reason || '';
  if ((draft.properties.draft.changed || []).includes('boundary')) {
    c.geometry = draft.geometry;
    c.geometryChanged = true;
  }
  renderWork();
  areaHint();
  updateDirty();
  updateTools();
  $('done').textContent = t('edit.pending.loaded');
  finish('draft-loaded');
}

async function publishDraft() {
  const c = state.current;
  clearMessages();
  await run(async () => {
    const feature = await sendJson('POST', base(c.type) + c.id + '/publish', { version: c.version });
    saved(c.type, feature, 'edit.done.draftPublished');
  });
}

async function discardDraft() {
  const c = state.current;
  if (!window.confirm(t('edit.pending.confirmDiscard'))) return;
  clearMessages();
  await run(async () => {
    await sendJson('DELETE', base(c.type) + c.id + '/draft');
    c.feature.properties.pendingDraft = false;
    upsert(c.type, c.feature);
    select(c.type, c.id);
    $('done').textContent = fill('edit.done.draftDiscarded', c.feature.properties.code);
  }, 'draft-discarded');
}

/** The item changed after its draft was saved: its current version is loaded, the draft kept and marked. */
async function staleDraft(problem) {
  const c = state.current;
  const fresh = await sendJson('GET', base(c.type) + c.id);
  upsert(c.type, fresh);
  select(c.type, c.id);
  const box = $('problem');
  box.replaceChildren(el('strong', null, t('edit.pending.refused')), el('p', 'detail', problem.detail));
  box.hidden = false;
  box.dataset.rule = problem.rule;
  reveal(box);
}

// ---- shapes compared on the map ---------------------------------------------------------------

/** The legend of the compared shapes, shown only while some are drawn. */
function compareLegend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const box = el('div', 'compare-legend');
    box.id = 'compare-legend';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', t('edit.legend'));
    box.hidden = true;
    return box;
  };
  control.show = (keys) => {
    const box = control.getContainer();
    box.replaceChildren();
    keys.forEach((key) => {
      const style = COMPARE[key];
      const swatch = el('span', 'swatch');
      swatch.style.borderColor = style.color;
      swatch.style.borderStyle = style.dashArray ? 'dashed' : 'solid';
      const row = el('div', 'legend-row legend-' + key);
      row.append(swatch, el('span', null, t('edit.legend.' + key)));
      box.appendChild(row);
    });
    box.hidden = keys.length === 0;
  };
  return control;
}

/** What the colours and lines of the map mean: zone kinds, plot statuses, unit outlines, drafts, approximate boundaries. */
function mapKey() {
  const control = L.control({ position: 'topright' });
  control.onAdd = () => {
    const box = el('div', 'map-key');
    box.id = 'map-key';
    const root = el('details');
    root.open = window.innerWidth >= 700;
    const summary = el('summary');
    summary.appendChild(el('h2', null, t('legend.title')));
    root.appendChild(summary);
    const list = (heading, rows) => {
      root.appendChild(el('h3', null, heading));
      const ul = el('ul');
      rows.forEach(([swatch, label, key]) => {
        const li = el('li');
        li.dataset.key = key;
        li.append(swatch, el('span', null, label));
        ul.appendChild(li);
      });
      root.appendChild(ul);
    };
    const swatch = (border, fillColour, dash) => {
      const node = el('span', 'swatch');
      node.style.borderColor = border;
      node.style.borderStyle = dash || 'solid';
      if (fillColour) node.style.background = fillColour;
      return node;
    };
    list(t('legend.kind'), Object.entries(KIND_COLOURS).map(([kind, colour]) =>
      [swatch(colour, null), t('kind.' + kind) + ' (' + kind + ')', 'kind-' + kind]));
    list(t('legend.plots'), Object.entries(PLOT_STATUS_COLOURS).map(([status, colour]) =>
      [swatch(PLOT_COLOUR, colour), t('plotStatus.' + status), 'plot-' + status]));
    list(t('edit.key.lines'), [
      [swatch(UNIT_COLOUR, null), fill('edit.key.units', cfg.today ? dayFormat.format(new Date(cfg.today + 'T00:00:00Z')) : ''), 'units'],
      [swatch('#333', null, 'dotted'), t('legend.approximate'), 'approximate'],
      [swatch('#333', null, 'dashed'), t('edit.key.draft'), 'draft']
    ]);
    box.appendChild(root);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  return control;
}

/** Draws shapes to compare, each [kind, GeoJSON geometry or null], over the map with their legend. */
function compare(shapes) {
  clearCompare();
  const drawn = shapes.filter(([, geometry]) => geometry);
  drawn.forEach(([key, geometry]) => L.geoJSON(geometry, { pane: 'comparePane', interactive: false, style: () => COMPARE[key] })
    .addTo(compareLayer));
  legend.show(drawn.map(([key]) => key));
  document.body.dataset.compare = drawn.map(([key]) => key).join(' ');
  const bounds = compareLayer.getBounds();
  if (bounds.isValid() && !map.getBounds().contains(bounds)) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17, animate: false });
}

function clearCompare() {
  compareLayer.clearLayers();
  legend.show([]);
  delete document.body.dataset.compare;
  $('draft-show').setAttribute('aria-pressed', 'false');
  document.querySelectorAll('#history-list .history-show[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  document.querySelectorAll('#history-list .history-entry.shown').forEach((li) => li.classList.remove('shown'));
}

// ---- the shape being worked on ----------------------------------------------------------------

function renderWork() {
  workLayer.clearLayers();
  const c = state.current;
  if (!c || !c.geometryChanged || state.mode === 'edit-shape') return;
  L.geoJSON(c.geometry, {
    interactive: false,
    style: () => ({ color: WORK_COLOUR, weight: 3, dashArray: '5 4', fillColor: WORK_COLOUR, fillOpacity: 0.25, className: 'work-shape' })
  }).addTo(workLayer);
}

/** The shape of the current item in the map, whichever layer holds it. */
function currentBounds() {
  const c = state.current;
  if (!c) return null;
  const bounds = L.geoJSON(c.geometry).getBounds();
  return bounds.isValid() ? bounds : null;
}

// ---- tools ------------------------------------------------------------------------------------

function setMode(mode, hintKey) {
  state.mode = mode;
  document.body.dataset.mode = mode;
  $('hint').textContent = t(hintKey || 'edit.hint.' + mode);
  updateTools();
  restyle();
}

function updateTools() {
  const c = state.current;
  const idle = state.mode === 'idle';
  const drawing = ['draw-zone', 'draw-plot', 'split'].includes(state.mode) && !state.splitLine;
  const existing = c && c.id != null;
  $('tool-new-zone').disabled = !idle;
  $('tool-new-plot').disabled = !idle;
  $('tool-edit-shape').disabled = !(idle && c && polygons(c.geometry).length === 1);
  $('tool-split').disabled = !(idle && existing && c.type === 'plot' && !isDirty());
  $('tool-delete').disabled = !(idle && existing);
  $('tool-merge').disabled = !(idle || state.mode === 'merge');
  $('tool-merge').setAttribute('aria-pressed', String(state.mode === 'merge'));
  $('tool-finish').hidden = !(drawing || state.mode === 'edit-shape');
  $('tool-undo').hidden = !drawing;
  $('tool-cancel').hidden = idle || state.mode === 'merge';
  $('zone-picker').disabled = !idle;
}

function startDrawing(type) {
  if (isDirty() && !window.confirm(t('edit.confirmDiscard'))) return;
  clearSelection();
  setMode(type === 'zone' ? 'draw-zone' : 'draw-plot');
  const colour = type === 'zone' ? WORK_COLOUR : PLOT_COLOUR;
  state.handler = snapping(new L.Draw.Polygon(map, {
    allowIntersection: true, showArea: false, showLength: false, repeatMode: false,
    shapeOptions: { color: colour, weight: 3, fillOpacity: 0.2, className: 'drawing' }
  }));
  state.handler.enable();
}

function startSplit() {
  const c = state.current;
  setMode('split');
  state.splitLine = null;
  $('split-box').hidden = false;
  $('save-box').hidden = true;
  $('split-confirm').disabled = true;
  $('split-hint').textContent = fill('edit.split.hint', c.feature.properties.code);
  state.handler = snapping(new L.Draw.Polyline(map, {
    showLength: false, shapeOptions: { color: PROBLEM_COLOUR, weight: 3, className: 'split-line' }
  }));
  state.handler.enable();
}

function onCreated(event) {
  const geometry = event.layer.toGeoJSON(false).geometry;
  state.handler = null;
  if (state.mode === 'split') {
    state.splitLine = geometry;
    L.geoJSON(geometry, { interactive: false, style: () => ({ color: PROBLEM_COLOUR, weight: 3, dashArray: '6 4', className: 'split-line' }) })
      .addTo(workLayer);
    $('split-confirm').disabled = false;
    $('hint').textContent = t('edit.hint.splitReady');
    updateTools();
    return;
  }
  const type = state.mode === 'draw-zone' ? 'zone' : 'plot';
  setMode('idle', 'edit.hint.drawn');
  startNew(type, geometry);
}

function startEditShape() {
  const c = state.current;
  const rings = polygons(c.geometry)[0];
  const latlngs = rings.map((ring) => ring.slice(0, -1).map(([lng, lat]) => L.latLng(lat, lng)));
  setMode('edit-shape');
  workLayer.clearLayers();
  // Only the outer ring takes new vertices; holes are kept as they are.
  state.editable = L.polygon(latlngs.length > 1 ? latlngs : latlngs[0], {
    color: WORK_COLOUR, weight: 3, fillColor: WORK_COLOUR, fillOpacity: 0.2, className: 'editing-shape'
  }).addTo(workLayer);
  // Leaflet.draw's own edit toolbar sets these styles before enabling; enabled directly, we do.
  state.editable.options.original = L.extend({}, state.editable.options);
  state.editable.options.editing = L.extend({}, state.editable.options, { dashArray: '6 4' });
  state.editable.editing.enable();
  state.editable.on('edit', () => takeEditedShape(false));
  restyle();
}

function takeEditedShape(finish) {
  if (!state.editable) return;
  state.current.geometry = state.editable.toGeoJSON(false).geometry;
  state.current.geometryChanged = true;
  if (finish) {
    state.editable.editing.disable();
    state.editable = null;
    setMode('idle', 'edit.hint.edited');
    renderWork();
    areaHint();
  }
  updateDirty();
  updateTools();
}

function finishTool() {
  if (state.mode === 'edit-shape') {
    takeEditedShape(true);
  } else if (state.handler) {
    state.handler.completeShape();
  }
}

function cancelTool() {
  if (state.handler) state.handler.disable();
  state.handler = null;
  if (state.mode === 'edit-shape' && state.editable) {
    state.editable.editing.disable();
    state.editable = null;
  }
  if (state.mode === 'split') {
    state.splitLine = null;
    $('split-box').hidden = true;
    $('save-box').hidden = false;
  }
  setMode('idle');
  renderWork();
}

// ---- saving -----------------------------------------------------------------------------------

function body(publish) {
  const c = state.current;
  const values = formValues();
  const names = c.id == null ? Object.keys(values).filter((name) => values[name] !== '') : changedFields();
  const result = {};
  names.forEach((name) => {
    const value = values[name];
    if (value === '') return;
    result[name] = name === 'legalAreaHa' ? Number(value) : value;
  });
  if (c.geometryChanged) result.geometry = c.geometry;
  if (c.id != null) result.version = c.version;
  // A new item is a draft until published; a change of a published one can wait as its draft.
  if (c.id == null) result.publish = publish;
  else if (publish) result.publish = true;
  else result.draft = true;
  const reason = $('reason').value.trim();
  if (reason) result.reason = reason;
  return result;
}

function missing() {
  const c = state.current;
  $('reason').removeAttribute('aria-invalid');
  const values = formValues();
  const required = c.type === 'zone' ? ['code', 'name', 'source'] : ['code'];
  const prefix = c.type === 'zone' ? 'z-' : 'p-';
  const absent = c.id == null ? required.filter((name) => !values[name]) : [];
  document.querySelectorAll('#zone-form [aria-invalid], #plot-form [aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  absent.forEach((name) => $(prefix + name).setAttribute('aria-invalid', 'true'));
  return absent.map((name) => $(prefix + name).labels[0].textContent.replace(t('edit.required'), '').trim());
}

async function save(publish) {
  const c = state.current;
  if (!c) return;
  if (state.mode === 'edit-shape') takeEditedShape(true);
  clearMessages();
  const absent = missing();
  if (absent.length) {
    showProblem({ local: true, detail: fill('edit.missing', absent.join(', ')) }, null);
    return finish('invalid');
  }
  if (c.type === 'plot' && c.zoneId == null) {
    showProblem({ local: true, detail: t('edit.plot.noZone') }, null);
    return finish('invalid');
  }
  // A draft waits for someone to publish it: they read why it was made.
  if (!publish && !$('reason').value.trim()) {
    $('reason').setAttribute('aria-invalid', 'true');
    showProblem({ local: true, detail: t('edit.draft.reasonRequired') }, null);
    $('reason').focus();
    return finish('invalid');
  }
  let address;
  let method;
  if (c.id == null) {
    method = 'POST';
    address = c.type === 'zone' ? '/api/zones' : '/api/zones/' + c.zoneId + '/plots';
  } else {
    method = 'PATCH';
    address = base(c.type) + c.id;
  }
  await run(async () => {
    const feature = await sendJson(method, address, body(publish));
    if (feature.properties.draft) drafted(c.type, feature);
    else saved(c.type, feature, publish ? 'edit.done.published' : 'edit.done.draft');
  });
}

async function publishOnly() {
  const c = state.current;
  clearMessages();
  await run(async () => {
    const feature = await sendJson('POST', base(c.type) + c.id + '/publish', { version: c.version, reason: $('reason').value.trim() || undefined });
    saved(c.type, feature, 'edit.done.published');
  }, 'published');
}

function saved(type, feature, doneKey) {
  $('hint').textContent = t('edit.hint.idle');
  upsert(type, feature);
  select(type, feature.properties.id);
  $('done').textContent = fill(doneKey, feature.properties.code);
  showWarnings(feature.warnings || []);
  reveal($('item-heading'));
  finish(doneKey === 'edit.done.draft' ? 'saved' : 'published');
}

/** A change of a published item kept as its draft: the item stays as published, the draft beside it. */
function drafted(type, draft) {
  const id = draft.properties.id;
  const published = state.features[type].get(id);
  published.properties.pendingDraft = true;
  upsert(type, published);
  select(type, id, draft);
  $('hint').textContent = t('edit.hint.idle');
  $('done').textContent = fill('edit.done.drafted', draft.properties.code);
  showWarnings(draft.warnings || []);
  reveal($('item-heading'));
  finish('drafted');
}

/** Runs one request: buttons off meanwhile, the server's refusal shown where it belongs. */
async function run(action, outcome) {
  panel.dataset.busy = 'true';
  panel.setAttribute('aria-busy', 'true');
  panel.inert = true; // no second click while the server answers
  try {
    await action();
    if (outcome) finish(outcome);
  } catch (error) {
    await refused(error);
  } finally {
    panel.inert = false;
    panel.removeAttribute('aria-busy');
    delete panel.dataset.busy;
    updateTools();
    if (state.current) updateDirty();
  }
}

function finish(result) {
  panel.dataset.result = result;
}

async function refused(error) {
  if (!(error instanceof ApiError)) {
    console.warn(error);
    showProblem({ detail: t('edit.err.network') }, null);
    return finish('failed');
  }
  const problem = error.problem;
  if (error.status === 401) {
    showProblem({ detail: t('edit.err.signedOut') }, null, true);
    return finish('signed-out');
  }
  if (error.status === 409 && problem.rule === 'stale_version') {
    await conflict(problem);
    return finish('conflict');
  }
  if (error.status === 409 && problem.rule === 'stale_draft') {
    await staleDraft(problem);
    return finish('stale-draft');
  }
  if (error.status === 422) showShapeProblem(problem);
  else showProblem(problem, error.status === 400 ? problem.parameter : null);
  return finish('problem');
}

// ---- the server's reasons, beside the shape ---------------------------------------------------

function showProblem(problem, parameter, signIn) {
  const box = $('problem');
  box.replaceChildren(el('strong', null, t(problem.local ? 'edit.check' : 'edit.refused')));
  box.appendChild(el('p', 'detail', problem.detail || t('edit.err.network')));
  if (signIn) {
    const link = el('a', null, t('auth.signIn'));
    link.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
    box.appendChild(el('p')).appendChild(link);
  }
  box.hidden = false;
  box.dataset.rule = problem.rule || '';
  reveal(box);
  const c = state.current;
  if (parameter && c) {
    const input = $((c.type === 'zone' ? 'z-' : 'p-') + parameter);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}

function showShapeProblem(problem) {
  showProblem(problem, problem.parameter);
  problemLayer.clearLayers();
  const bounds = currentBounds();
  if (bounds) {
    L.tooltip({ permanent: true, direction: 'bottom', className: 'problem-tip', pane: 'tooltipPane' })
      .setLatLng(L.latLng(bounds.getSouth(), bounds.getCenter().lng))
      .setContent(el('span', null, problem.detail))
      .addTo(problemLayer);
  }
  const box = $('problem');
  if (problem.rule === 'zone_overlap' && Array.isArray(problem.overlaps)) {
    const list = el('ul', 'overlaps');
    problem.overlaps.forEach((overlap) => {
      const label = fill('edit.overlap', overlap.zone, ha(overlap.areaM2 / 10000), m2(overlap.areaM2));
      list.appendChild(el('li', null, label));
      L.geoJSON(overlap.geometry, {
        pane: 'problemsPane', interactive: false,
        style: () => ({ color: PROBLEM_COLOUR, weight: 2, fillColor: PROBLEM_COLOUR, fillOpacity: 0.55, className: 'overlap' })
      }).bindTooltip(label, { permanent: true, direction: 'center', className: 'overlap-label' }).addTo(problemLayer);
    });
    box.appendChild(list);
  }
  if (problem.rule === 'geometry_valid' && problem.suggestion) {
    L.geoJSON(problem.suggestion, {
      pane: 'problemsPane', interactive: false,
      style: () => ({ color: SUGGESTION_COLOUR, weight: 3, dashArray: '2 6', fillColor: SUGGESTION_COLOUR, fillOpacity: 0.3, className: 'suggestion' })
    }).addTo(problemLayer);
    box.appendChild(el('p', 'hint', t('edit.suggestion.hint')));
    const use = el('button', 'primary', t('edit.suggestion.use'));
    use.type = 'button';
    use.id = 'use-suggestion';
    use.addEventListener('click', () => useSuggestion(problem.suggestion));
    box.appendChild(use);
  }
  if (problem.rule === 'zone_inside_province' && problem.outsideHa != null) {
    box.appendChild(el('p', null, fill('edit.outside', ha(problem.outsideHa))));
  }
  if (problemLayer.getLayers().length > 1) {
    const all = problemLayer.getLayers().filter((l) => l.getBounds).map((l) => l.getBounds());
    const wanted = all.reduce((b, next) => b.extend(next), L.latLngBounds(bounds || all[0]));
    if (!map.getBounds().contains(wanted)) map.fitBounds(wanted, { padding: [30, 30], maxZoom: 17 });
  }
}

function useSuggestion(suggestion) {
  const c = state.current;
  c.geometry = suggestion;
  c.geometryChanged = true;
  clearMessages();
  renderWork();
  updateDirty();
  updateTools();
  $('done').textContent = t('edit.suggestion.used');
  finish('suggestion-used');
}

function showWarnings(warnings) {
  const box = $('warnings');
  box.replaceChildren();
  if (!warnings.length) {
    box.hidden = true;
    return;
  }
  box.appendChild(el('strong', null, t('edit.warnings')));
  const list = el('ul');
  warnings.forEach((w) => list.appendChild(el('li', null, w)));
  box.appendChild(list);
  box.hidden = false;
}

/** Someone else saved first: show their version, keep the editor's unsaved values and shape. */
async function conflict(problem) {
  const c = state.current;
  const before = c.feature;
  let fresh = null;
  try {
    fresh = await sendJson('GET', base(c.type) + c.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      remove(c.type, c.id);
      showProblem({ detail: t('edit.conflict.gone') }, null);
      return;
    }
    throw error;
  }
  // Three-way: the fields the editor changed keep the editor's value, the others take the server's.
  const values = formValues();
  const reason = $('reason').value;
  const valueIn = (p, name) => String(p[name] == null ? '' : p[name]);
  const mine = Object.keys(values).filter((name) => values[name] !== valueIn(before.properties, name));
  const theirs = Object.keys(values).filter((name) => valueIn(before.properties, name) !== valueIn(fresh.properties, name));
  if (JSON.stringify(before.geometry) !== JSON.stringify(fresh.geometry)) theirs.push('geometry');
  upsert(c.type, fresh);
  c.feature = fresh;
  c.version = fresh.properties.version;
  if (!c.geometryChanged) c.geometry = fresh.geometry;
  showItem();
  fillForm(fresh.properties);
  const prefix = c.type === 'zone' ? 'z-' : 'p-';
  mine.forEach((name) => { $(prefix + name).value = values[name]; });
  $('reason').value = reason;
  renderWork();
  restyle();
  const box = $('conflict');
  box.replaceChildren(el('strong', null, t('edit.conflict')));
  box.appendChild(el('p', null, fill('edit.conflict.detail', fresh.properties.version)));
  if (theirs.length) box.appendChild(el('p', 'theirs', t('edit.conflict.theirs') + ' ' + theirs.map(fieldLabel).join(', ')));
  if (problem.detail) box.appendChild(el('p', 'detail', problem.detail));
  box.hidden = false;
  reveal(box);
  updateDirty();
}

function fieldLabel(name) {
  const input = $((state.current.type === 'zone' ? 'z-' : 'p-') + name);
  if (name === 'geometry') return t('edit.h.boundary');
  return input && input.labels && input.labels[0] ? input.labels[0].textContent.replace(t('edit.required'), '').trim() : name;
}

function clearMessages() {
  ['problem', 'warnings', 'conflict'].forEach((id) => { $(id).hidden = true; $(id).replaceChildren(); });
  $('done').textContent = '';
  problemLayer.clearLayers();
}

// ---- delete, split, merge ---------------------------------------------------------------------

function askDelete() {
  $('delete-box').hidden = false;
  $('save-box').hidden = true;
  $('delete-reason').value = '';
  $('delete-reason').focus();
}

async function confirmDelete() {
  const c = state.current;
  const reason = $('delete-reason').value.trim();
  clearMessages();
  if (!reason) {
    $('delete-reason').setAttribute('aria-invalid', 'true');
    showProblem({ local: true, detail: t('edit.delete.reasonRequired') }, null);
    return finish('invalid');
  }
  $('delete-reason').removeAttribute('aria-invalid');
  await run(async () => {
    await sendJson('DELETE', base(c.type) + c.id + '?version=' + c.version + '&reason=' + encodeURIComponent(reason));
    const code = c.feature.properties.code;
    remove(c.type, c.id);
    if (c.type === 'zone') [...state.features.plot.values()].filter((f) => f.properties.zoneId === c.id).forEach((f) => remove('plot', f.properties.id));
    clearSelection();
    flash(fill('edit.done.deleted', code));
  }, 'deleted');
}

async function confirmSplit() {
  const c = state.current;
  const codes = $('split-codes').value.split(',').map((s) => s.trim()).filter(Boolean);
  const request = { version: c.version, line: state.splitLine, reason: $('split-reason').value.trim() || undefined };
  if (codes.length) request.codes = codes;
  clearMessages();
  await run(async () => {
    const parts = await sendJson('POST', '/api/plots/' + c.id + '/split', request);
    const code = c.feature.properties.code;
    remove('plot', c.id);
    parts.features.forEach((f) => upsert('plot', f));
    state.splitLine = null;
    $('split-codes').value = '';
    $('split-reason').value = '';
    setMode('idle');
    select('plot', parts.features[0].properties.id);
    $('done').textContent = fill('edit.done.split', code, parts.features.map((f) => f.properties.code).join(', '));
  }, 'split');
  if (state.mode === 'split') showShapeLineProblem();
}

function showShapeLineProblem() {
  // The line stays drawn: the editor may cancel and draw another.
  $('split-box').hidden = false;
}

function toggleMergeMode() {
  if (state.mode === 'merge') {
    state.merge = [];
    $('merge-box').hidden = true;
    setMode('idle');
    if (state.current) $('item').hidden = false;
    else $('nothing').hidden = false;
    return;
  }
  if (isDirty() && !window.confirm(t('edit.confirmDiscard'))) return;
  const start = state.current && state.current.type === 'plot' && state.current.id != null ? [state.current.id] : [];
  clearSelection();
  state.merge = start;
  setMode('merge');
  $('nothing').hidden = true;
  $('merge-box').hidden = false;
  $('merge-problem').hidden = true;
  $('merge-code').value = '';
  $('merge-reason').value = '';
  showMergeList();
}

function toggleMerge(id) {
  const i = state.merge.indexOf(id);
  if (i >= 0) state.merge.splice(i, 1);
  else state.merge.push(id);
  showMergeList();
  restyle();
}

function showMergeList() {
  const list = $('merge-list');
  list.replaceChildren();
  state.merge.forEach((id) => {
    const p = state.features.plot.get(id).properties;
    const li = el('li', null, p.code + ' (' + p.zone + ', ' + ha(p.areaHa) + ')');
    li.dataset.plotId = id;
    list.appendChild(li);
  });
  if (!state.merge.length) list.appendChild(el('li', 'none', t('edit.merge.none')));
  updateMergeButton();
}

function updateMergeButton() {
  $('merge-confirm').disabled = state.merge.length < 2 || !$('merge-code').value.trim();
}

async function confirmMerge() {
  const plots = state.merge.map((id) => ({ id, version: state.features.plot.get(id).properties.version }));
  const request = { plots, code: $('merge-code').value.trim(), reason: $('merge-reason').value.trim() || undefined };
  $('merge-problem').hidden = true;
  panel.dataset.busy = 'true';
  try {
    const feature = await sendJson('POST', '/api/plots/merge', request);
    const codes = state.merge.map((id) => state.features.plot.get(id).properties.code);
    state.merge.forEach((id) => remove('plot', id));
    upsert('plot', feature);
    state.merge = [];
    $('merge-box').hidden = true;
    setMode('idle');
    select('plot', feature.properties.id);
    $('done').textContent = fill('edit.done.merged', codes.join(', '), feature.properties.code);
    finish('merged');
  } catch (error) {
    const box = $('merge-problem');
    box.replaceChildren(el('strong', null, t('edit.refused')));
    box.appendChild(el('p', 'detail', error instanceof ApiError ? error.problem.detail || error.message : t('edit.err.network')));
    box.hidden = false;
    if (error instanceof ApiError && error.status === 409 && error.problem.rule === 'stale_version') await reloadPlots();
    finish('problem');
  } finally {
    delete panel.dataset.busy;
  }
}

/** Every plot the editor may see (drafts included: the write API's GET). */
function allPlots() {
  return allPages('/api/plots', (address) => sendJson('GET', address));
}

async function reloadPlots() {
  const plots = await allPlots();
  plotLayer.clearLayers();
  state.features.plot.clear();
  plots.features.forEach((f) => state.features.plot.set(f.properties.id, f));
  plotLayer.addData(plots);
  state.merge = state.merge.filter((id) => state.features.plot.has(id));
  showMergeList();
  restyle();
}

// ---- history ----------------------------------------------------------------------------------

const HIDDEN_COLUMNS = ['id', 'created_at', 'updated_at', 'version', 'area_ha', 'figure_sources', 'demo'];
const COLUMN_LABELS = {
  kind: 'edit.f.kind', code: 'field.code', name_vi: 'edit.f.name', name_en: 'edit.f.nameEn', district_id: 'field.district',
  communes: 'field.communes', plan_status: 'field.planStatus', lifecycle: 'field.lifecycle', legal_area_ha: 'field.legalAreaHa',
  boundary: 'edit.h.boundary', boundary_accuracy: 'edit.f.boundaryAccuracy', boundary_note: 'edit.f.boundaryNote',
  developer: 'field.developer', decision_no: 'edit.f.decisionNo', decision_date: 'edit.f.decisionDate', note: 'field.note',
  source: 'field.source', published: 'edit.h.published', deleted_at: 'edit.h.deleted', land_use: 'field.landUse',
  cleared_on: 'field.clearedOn', zone_id: 'field.zone', lease_land_ha: 'field.leaseLandHa', other_land_ha: 'edit.h.otherLand',
  parent_id: 'edit.h.col.parent', plan_period: 'edit.h.col.planPeriod', industries: 'edit.h.col.industries',
  lease_price_min_usd: 'edit.h.col.priceMin', lease_price_max_usd: 'edit.h.col.priceMax',
  infrastructure_note: 'edit.h.col.infrastructure', contact_name: 'edit.h.col.contactName',
  contact_phone: 'edit.h.col.contactPhone', contact_email: 'edit.h.col.contactEmail', internal_note: 'edit.h.col.internalNote',
  last_lease_from: 'edit.h.col.lastLeaseFrom', last_lease_signed_on: 'edit.h.col.lastLeaseSigned',
  last_lease_operating_from: 'edit.h.col.lastLeaseOperating'
};
const HECTARE_COLUMNS = ['legal_area_ha', 'lease_land_ha', 'other_land_ha'];

/** A column's label in the page's language; a column without one, in words rather than as a database name. */
function columnLabel(column) {
  if (COLUMN_LABELS[column]) return t(COLUMN_LABELS[column]);
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A zone named by its code and name, for the columns that point at one. */
function zoneName(id) {
  const zone = state.features.zone.get(Number(id));
  return zone ? zone.properties.code + ' – ' + zone.properties.name : fill('edit.h.zoneNo', id);
}

/** A year range of PostgreSQL ("[2021,2031)") as the years it holds. */
function yearRange(value) {
  const text = String(value);
  const match = /^[[(](\d*),(\d*)[\])]$/.exec(text);
  if (!match) return text;
  const from = match[1] ? Number(match[1]) + (text.startsWith('(') ? 1 : 0) : null;
  const to = match[2] ? Number(match[2]) - (text.endsWith(')') ? 1 : 0) : null;
  return from === to ? String(from) : (from == null ? '…' : from) + '–' + (to == null ? '…' : to);
}

function historyValue(column, value) {
  if (value == null || value === '' || (Array.isArray(value) && !value.length)) return '–';
  if (column === 'kind') return t('kind.' + value) + ' (' + value + ')';
  if (column === 'zone_id' || column === 'parent_id') return zoneName(value);
  if (column === 'industries' && Array.isArray(value)) return value.map((i) => t('portal.industry.' + i)).join(', ');
  if (column === 'plan_period') return yearRange(value);
  if (HECTARE_COLUMNS.includes(column)) return ha(Number(value));
  if (/_usd$/.test(column)) return 'US$' + haFormat.format(Number(value));
  if (typeof value === 'boolean' && column !== 'published') return t(value ? 'edit.h.yes' : 'edit.h.no');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return t('edit.h.changed');
  if (column === 'plan_status') return t('status.' + value);
  if (column === 'lifecycle') return t('lifecycle.' + value);
  if (column === 'land_use') return t('landUse.' + value);
  if (column === 'boundary_accuracy') return t('edit.accuracy.' + value);
  if (column === 'published') return value ? t('edit.state.published') : t('edit.state.draft');
  if (column === 'deleted_at') return whenFormat.format(new Date(value));
  if (/_date$|_on$/.test(column)) return dayFormat.format(new Date(String(value).slice(0, 10) + 'T00:00:00Z'));
  return String(value);
}

function operationLabel(entry) {
  if (entry.operation === 'INSERT') return t('edit.h.created');
  if (entry.operation === 'DELETE') return t('edit.h.removed');
  if ((entry.changed || []).includes('deleted_at')) return entry.newValues && entry.newValues.deleted_at ? t('edit.h.softDeleted') : t('edit.h.undeleted');
  if ((entry.changed || []).includes('published') && entry.newValues && entry.newValues.published) return t('edit.h.publishedNow');
  return t('edit.h.updated');
}

async function showHistory() {
  const c = state.current;
  const list = $('history-list');
  list.replaceChildren(el('li', 'none', t('map.loading')));
  let entries;
  try {
    entries = await sendJson('GET', base(c.type) + c.id + '/history');
  } catch (error) {
    list.replaceChildren(el('li', 'none', error instanceof ApiError ? error.problem.detail || error.message : t('edit.err.network')));
    return;
  }
  list.replaceChildren();
  const latest = entries.length ? entries[entries.length - 1].id : null;
  entries.slice().reverse().forEach((entry) => list.appendChild(historyEntry(entry, entry.id === latest)));
  list.dataset.loaded = String(entries.length);
}

function historyEntry(entry, latest) {
  const li = el('li', 'history-entry');
  li.dataset.changeId = entry.id;
  const head = el('div', 'history-head');
  head.appendChild(el('strong', 'operation', operationLabel(entry)));
  const when = el('time', null, whenFormat.format(new Date(entry.changedAt)));
  when.dateTime = entry.changedAt;
  head.appendChild(when);
  head.appendChild(el('span', 'who', fill('edit.h.by', entry.changedBy || '–')));
  li.appendChild(head);
  if (entry.reason) li.appendChild(el('p', 'why', t('edit.f.reason') + ': ' + entry.reason));
  if (entry.operation === 'UPDATE') {
    const changes = el('ul', 'changes');
    (entry.changed || []).filter((column) => !HIDDEN_COLUMNS.includes(column)).forEach((column) => {
      const li = el('li', 'change change-' + column);
      li.append(el('span', 'label', columnLabel(column)), ': ');
      if (column === 'boundary' || column === 'district_id') {
        li.append(t('edit.h.changed'));
      } else {
        const before = entry.oldValues ? entry.oldValues[column] : null;
        const after = entry.newValues ? entry.newValues[column] : null;
        li.append(historyValue(column, before) + ' → ' + historyValue(column, after));
      }
      changes.appendChild(li);
    });
    if (changes.children.length) li.appendChild(changes);
  }
  const before = entry.oldValues ? entry.oldValues.boundary : null;
  const after = entry.newValues ? entry.newValues.boundary : null;
  if (entry.operation === 'INSERT' ? after : (entry.changed || []).includes('boundary')) {
    const show = el('button', 'secondary history-show', t('edit.h.show'));
    show.type = 'button';
    show.setAttribute('aria-pressed', 'false');
    show.addEventListener('click', () => showHistoryShapes(li, show, entry.operation === 'INSERT' ? null : before, after));
    li.appendChild(show);
  }
  if (entry.newValues && !latest && !(entry.newValues.deleted_at)) {
    const button = el('button', 'secondary restore', t('edit.restore'));
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => askRestore(li, button, entry));
    li.appendChild(button);
  }
  return li;
}

/** Restore was chosen: its reason is asked right there, under the entry, before anything is sent. */
function askRestore(li, button, entry) {
  closeRestore();
  const box = el('div', 'restore-ask');
  box.id = 'restore-box';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', 'restore-label');
  const label = el('label', null, fill('edit.restore.ask', whenFormat.format(new Date(entry.changedAt))));
  label.id = 'restore-label';
  label.htmlFor = 'restore-reason';
  const reason = el('textarea');
  reason.id = 'restore-reason';
  reason.rows = 2;
  reason.maxLength = 1000;
  reason.setAttribute('aria-required', 'true');
  const confirm = el('button', 'primary', t('edit.restore.confirm'));
  confirm.type = 'button';
  confirm.id = 'restore-confirm';
  confirm.addEventListener('click', () => restore(entry.id));
  const cancel = el('button', 'secondary', t('edit.tool.cancel'));
  cancel.type = 'button';
  cancel.id = 'restore-cancel';
  cancel.addEventListener('click', () => {
    closeRestore();
    button.focus();
  });
  const actions = el('div', 'actions');
  actions.append(confirm, cancel);
  box.append(label, reason, actions);
  li.appendChild(box);
  button.setAttribute('aria-expanded', 'true');
  reason.focus();
}

function closeRestore() {
  const open = $('restore-box');
  if (open) open.remove();
  document.querySelectorAll('#history-list .restore[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
}

async function restore(changeId) {
  const c = state.current;
  const input = $('restore-reason');
  const reason = input.value.trim();
  if (!reason) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return finish('invalid');
  }
  input.removeAttribute('aria-invalid');
  clearMessages();
  await run(async () => {
    const feature = await sendJson('POST', base(c.type) + c.id + '/restore', { changeId, version: c.version, reason });
    upsert(c.type, feature);
    select(c.type, feature.properties.id);
    $('done').textContent = fill('edit.done.restored', feature.properties.code);
    showWarnings(feature.warnings || []);
  }, 'restored');
  if (panel.dataset.result !== 'restored') showTab('attributes');
}

/** Draws the shape before (dashed red) and after (green) one change; pressed again, takes them away. */
function showHistoryShapes(li, button, before, after) {
  const shown = button.getAttribute('aria-pressed') === 'true';
  clearCompare();
  if (shown) return;
  compare([['old', before], ['new', after]]);
  button.setAttribute('aria-pressed', 'true');
  li.classList.add('shown');
}

function showTab(name) {
  clearCompare();
  const history = name === 'history';
  $('tab-attributes').setAttribute('aria-selected', String(!history));
  $('tab-history').setAttribute('aria-selected', String(history));
  $('attributes').hidden = history;
  $('history').hidden = !history;
  if (history) showHistory();
}

// ---- helpers and start ------------------------------------------------------------------------

function option(value, text) {
  const node = el('option', null, text);
  node.value = value;
  return node;
}

/** Scrolls the panel so that a message just shown is in sight. */
function reveal(box) {
  box.scrollIntoView({ block: 'nearest' });
}

function notice(text) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => el('div', 'notice', text);
  control.addTo(map);
}

function flash(text) {
  const box = $('nothing');
  box.hidden = false;
  box.replaceChildren(el('p', 'done', text), el('p', null, t('edit.nothing')));
}

function wire() {
  localiseDraw();
  map.on(L.Draw.Event.CREATED, onCreated);
  $('tool-new-zone').addEventListener('click', () => startDrawing('zone'));
  $('tool-new-plot').addEventListener('click', () => startDrawing('plot'));
  $('tool-edit-shape').addEventListener('click', startEditShape);
  $('tool-split').addEventListener('click', startSplit);
  $('tool-merge').addEventListener('click', toggleMergeMode);
  $('tool-delete').addEventListener('click', askDelete);
  $('tool-finish').addEventListener('click', finishTool);
  $('tool-undo').addEventListener('click', () => { if (state.handler) state.handler.deleteLastVertex(); });
  $('tool-cancel').addEventListener('click', cancelTool);
  $('save-draft').addEventListener('click', () => save(false));
  $('save-publish').addEventListener('click', () => save(true));
  $('publish').addEventListener('click', publishOnly);
  $('discard').addEventListener('click', () => {
    const c = state.current;
    if (!c) return;
    if (c.id == null) clearSelection();
    else select(c.type, c.id);
  });
  $('draft-show').addEventListener('click', toggleDraftShape);
  $('draft-edit').addEventListener('click', editDraft);
  $('draft-publish').addEventListener('click', publishDraft);
  $('draft-discard').addEventListener('click', discardDraft);
  $('delete-confirm').addEventListener('click', confirmDelete);
  $('delete-cancel').addEventListener('click', () => { $('delete-box').hidden = true; $('save-box').hidden = false; });
  $('split-confirm').addEventListener('click', confirmSplit);
  $('split-cancel').addEventListener('click', cancelTool);
  $('merge-confirm').addEventListener('click', confirmMerge);
  $('merge-cancel').addEventListener('click', toggleMergeMode);
  $('merge-code').addEventListener('input', updateMergeButton);
  $('tab-attributes').addEventListener('click', () => showTab('attributes'));
  $('tab-history').addEventListener('click', () => showTab('history'));
  ['zone-form', 'plot-form'].forEach((id) => {
    $(id).addEventListener('input', () => { updateDirty(); updateTools(); });
    $(id).addEventListener('change', () => { updateDirty(); updateTools(); });
    $(id).addEventListener('submit', (event) => event.preventDefault());
  });
  $('zone-picker').addEventListener('change', () => {
    const id = Number($('zone-picker').value);
    if (!id || isCurrent('zone', id) || (isDirty() && !window.confirm(t('edit.confirmDiscard')))) {
      syncPicker();
      return;
    }
    select('zone', id);
    const bounds = currentBounds();
    if (bounds) map.fitBounds(bounds, { padding: [20, 20], animate: false });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.mode !== 'idle' && state.mode !== 'merge') cancelTool();
  });
  window.addEventListener('beforeunload', (event) => {
    if (isDirty()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}

wire();
setMode('idle');
load().then(() => {
  $('status').textContent = '';
  document.body.dataset.loaded = 'true';
}).catch((error) => {
  console.error(error);
  $('status').textContent = t('map.loadFailed');
  $('status').classList.add('error');
  document.body.dataset.loaded = 'error';
});
