/* Which zone or plot the panel shows: chosen on the map or in the finder, newly drawn, or none; and
   the panel's tabs. Everything that acts on the chosen item sits above this module. */
import { t } from '../common.js';
import { $ } from './page.js';
import { state } from './state.js';
import { zoneHolding } from './geometry.js';
import { workLayer, problemLayer, renderWork, restyle, syncPicker } from './layers.js';
import { clearCompare } from './compare.js';
import { showItem, fillForm, updateDirty, updateTools } from './panel.js';
import { showProblem, clearMessages } from './problems.js';
import { loadDraft, showPendingDraft } from './drafts.js';

// The history tab is filled by history.js, which selects items itself (a restore) and so registers here.
let openHistory = () => {};

/** Sets what fills the history tab when it is opened. */
export function onHistoryTab(open) {
  openHistory = open;
}

/** Shows a zone or plot in the panel; its pending draft is {@code draft} or fetched when it has one. */
export function select(type, id, draft) {
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
  showCurrent(feature.properties);
}

export function startNew(type, geometry) {
  const zone = type === 'plot' ? zoneHolding(geometry, state.features.zone.values()) : null;
  state.current = { type, id: null, feature: null, version: null, geometry, geometryChanged: true, zoneId: zone ? zone.properties.id : null };
  state.draft = null;
  clearCompare();
  showPendingDraft();
  showCurrent(type === 'zone' ? { kind: 'CCN', planStatus: 'NEW', lifecycle: 'PLANNED', boundaryAccuracy: 'APPROXIMATE' } : { landUse: 'INDUSTRIAL' });
  if (type === 'plot' && !zone) showProblem({ local: true, detail: t('edit.plot.noZone') }, null);
  const first = $(type === 'zone' ? 'z-code' : 'p-code');
  first.focus();
}

/** The panel, map and finder brought to the item just made current, its form filled with values. */
function showCurrent(values) {
  showItem();
  fillForm(values);
  clearMessages();
  renderWork();
  restyle();
  showTab('attributes');
  updateDirty();
  updateTools();
  syncPicker();
}

export function clearSelection() {
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

export function showTab(name) {
  clearCompare();
  const history = name === 'history';
  $('tab-attributes').setAttribute('aria-selected', String(!history));
  $('tab-history').setAttribute('aria-selected', String(history));
  $('attributes').hidden = history;
  $('history').hidden = !history;
  if (history) openHistory();
}
