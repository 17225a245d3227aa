/* The editing map and its layers: zones and plots as the server last sent them, styled by state, and
   the layers the tools draw on; the zone finder that lists the loaded zones. Creates the map when
   first imported. */
import { t, baseMap, KIND_COLOURS, PLOT_COLOURS as PLOT_STATUS_COLOURS } from '../common.js';
import { $, option, PLOT_COLOUR, UNIT_COLOUR, WORK_COLOUR } from './page.js';
import { state, isCurrent } from './state.js';

// Drafts are dashed; an approximate (not surveyed) boundary is dotted.
const DRAFT_DASH = '8 6';
const APPROXIMATE_DASH = '2 5';

// What a click on a zone or plot does depends on the tool in use, which modules above this one know.
let clicked = () => {};

/** Sets what a click on a zone or plot does: handler(type, id). */
export function onFeatureClick(handler) {
  clicked = handler;
}

export const map = L.map('edit-map', { doubleClickZoom: false, boxZoom: false }).setView([21.33, 106.4], 10);
window.editMap = map; // for tests and the browser console
[['unitsPane', 340], ['zonesPane', 350], ['plotsPane', 360], ['comparePane', 440], ['problemsPane', 450]].forEach(([name, z]) => {
  const pane = map.createPane(name);
  pane.style.zIndex = z;
  pane.style.pointerEvents = 'none';
});
baseMap(map, { maxZoom: 20, maxNativeZoom: 19 });

export const unitLayer = L.geoJSON(null, { pane: 'unitsPane', interactive: false, style: unitStyle }).addTo(map);
export const zoneLayer = L.geoJSON(null, { pane: 'zonesPane', style: zoneStyle, onEachFeature: bindFeature('zone') }).addTo(map);
export const plotLayer = L.geoJSON(null, { pane: 'plotsPane', style: plotStyle, onEachFeature: bindFeature('plot') }).addTo(map);
export const workLayer = L.featureGroup().addTo(map);
export const problemLayer = L.featureGroup().addTo(map);
export const compareLayer = L.featureGroup().addTo(map);
const layers = { zone: zoneLayer, plot: plotLayer };

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
      clicked(type, p.id);
    });
  };
}

export function layerOf(type, id) {
  return layers[type].getLayers().find((l) => l.feature.properties.id === id) || null;
}

/** Puts the server's copy of a feature on the map, in place of the old one. */
export function upsert(type, feature) {
  remove(type, feature.properties.id);
  state.features[type].set(feature.properties.id, feature);
  layers[type].addData(feature);
  if (type === 'zone') fillZonePicker();
}

export function remove(type, id) {
  const old = layerOf(type, id);
  if (old) layers[type].removeLayer(old);
  state.features[type].delete(id);
  if (type === 'zone') fillZonePicker();
}

export function restyle() {
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

// ---- the shape being worked on ----------------------------------------------------------------

export function renderWork() {
  workLayer.clearLayers();
  const c = state.current;
  if (!c || !c.geometryChanged || state.mode === 'edit-shape') return;
  L.geoJSON(c.geometry, {
    interactive: false,
    style: () => ({ color: WORK_COLOUR, weight: 3, dashArray: '5 4', fillColor: WORK_COLOUR, fillOpacity: 0.25, className: 'work-shape' })
  }).addTo(workLayer);
}

/** The shape of the current item in the map, whichever layer holds it. */
export function currentBounds() {
  const c = state.current;
  if (!c) return null;
  const bounds = L.geoJSON(c.geometry).getBounds();
  return bounds.isValid() ? bounds : null;
}

// ---- the zone finder --------------------------------------------------------------------------

export function fillZonePicker() {
  const picker = $('zone-picker');
  const chosen = picker.value;
  const zones = [...state.features.zone.values()].map((f) => f.properties).sort((a, b) => a.code.localeCompare(b.code));
  picker.replaceChildren(option('', t('edit.find.choose')));
  const label = (p) => (p.published === false ? ' (' + t('edit.draftLabel') + ')' : p.pendingDraft ? ' (' + t('edit.pendingLabel') + ')' : '');
  zones.forEach((p) => picker.appendChild(option(String(p.id), p.code + ' – ' + p.name + label(p))));
  picker.value = zones.some((p) => String(p.id) === chosen) ? chosen : '';
}

/** The finder shows the zone in the panel, and nothing when the panel shows something else. */
export function syncPicker() {
  const c = state.current;
  const picker = $('zone-picker');
  const value = c && c.type === 'zone' && c.id != null ? String(c.id) : '';
  picker.value = [...picker.options].some((o) => o.value === value) ? value : '';
}
