/* The pending draft of a published zone or plot: fetched with the item, described in its box, drawn
   over the published shape, opened in the form. Publishing or discarding it is a request like any
   save: saving.js has those, being above the selection that this module serves. */
import { t, fill, ApiError, sendJson } from '../common.js';
import { $, base, whenFormat, finish } from './page.js';
import { state } from './state.js';
import { upsert, restyle, renderWork } from './layers.js';
import { compare, clearCompare } from './compare.js';
import { fillForm, areaHint, updateDirty, updateTools } from './panel.js';
import { clearMessages } from './problems.js';
import { HIDDEN_COLUMNS, columnLabel } from './columns.js';

export async function loadDraft() {
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
export function showPendingDraft() {
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

export function toggleDraftShape() {
  const c = state.current;
  if ($('draft-show').getAttribute('aria-pressed') === 'true') {
    clearCompare();
    return;
  }
  compare([['published', c.feature.geometry], ['draft', state.draft.geometry]]);
  $('draft-show').setAttribute('aria-pressed', 'true');
}

/** Opens the draft in the form, as unsaved changes of the published item: saved as a draft, it replaces the old one. */
export function editDraft() {
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
