/* What the editing page's modules share and change: one object, so that each module reads the
   current item and mode from the same place (and tests from window.editState). */

export const state = {
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

export function isCurrent(type, id) {
  return state.current != null && state.current.type === type && state.current.id === id;
}
