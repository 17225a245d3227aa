/* The drawing tools: a new zone or plot drawn, a shape's vertices moved, a split line drawn; finished,
   undone or cancelled from the toolbar or with Escape. */
import { t, fill } from '../common.js';
import { $, PLOT_COLOUR, WORK_COLOUR, PROBLEM_COLOUR } from './page.js';
import { state } from './state.js';
import { polygons } from './geometry.js';
import { map, workLayer, renderWork, restyle } from './layers.js';
import { snapping } from './snap.js';
import { isDirty, areaHint, setMode, updateDirty, updateTools } from './panel.js';
import { startNew, clearSelection } from './selection.js';

export function localiseDraw() {
  const draw = L.drawLocal.draw.handlers;
  draw.polygon.tooltip = { start: t('edit.draw.start'), cont: t('edit.draw.cont'), end: t('edit.draw.end') };
  draw.polyline.tooltip = { start: t('edit.line.start'), cont: t('edit.line.cont'), end: t('edit.line.end') };
  draw.polyline.error = t('edit.draw.error');
}

export function startDrawing(type) {
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

export function startSplit() {
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

export function onCreated(event) {
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

export function startEditShape() {
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

export function takeEditedShape(finish) {
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

export function finishTool() {
  if (state.mode === 'edit-shape') {
    takeEditedShape(true);
  } else if (state.handler) {
    state.handler.completeShape();
  }
}

export function cancelTool() {
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
