/* The authority's editing page: zones and plots drawn, reshaped, split, merged, published and deleted
   through the write API. The server checks every shape; its reasons are shown next to the shape, its
   suggestions are offered and never applied without the editor's click. A change of a published zone
   or plot saved as a draft waits beside it (the public keeps the published one) until published or
   discarded; the draft's shape and the shapes of a history entry can be drawn over the map.

   This entry wires the modules of edit/ to the page. They are layered, each importing only those
   below it: page, state, geometry and columns; layers (the map), then snap, compare, key, panel,
   problems, drafts and loading; selection; tools and requests; saving, changes and history. Where a
   lower module must call a higher one (a click on the map, the history tab) it takes a callback, set
   here. */
import { t } from './common.js';
import { $ } from './edit/page.js';
import { state, isCurrent } from './edit/state.js';
import { map, onFeatureClick, currentBounds, syncPicker } from './edit/layers.js';
import { mapKey } from './edit/key.js';
import { isDirty, setMode, updateDirty, updateTools } from './edit/panel.js';
import { toggleDraftShape, editDraft } from './edit/drafts.js';
import { load } from './edit/loading.js';
import { select, clearSelection, showTab, onHistoryTab } from './edit/selection.js';
import {
  localiseDraw, onCreated, startDrawing, startEditShape, startSplit, finishTool, cancelTool
} from './edit/tools.js';
import { save, publishOnly, publishDraft, discardDraft } from './edit/saving.js';
import {
  askDelete, confirmDelete, confirmSplit, toggleMergeMode, toggleMerge, updateMergeButton, confirmMerge
} from './edit/changes.js';
import { showHistory } from './edit/history.js';

mapKey().addTo(map);

function clicked(type, id) {
  if (state.mode === 'merge') {
    if (type === 'plot') toggleMerge(id);
    return;
  }
  if (state.mode !== 'idle') return;
  if (isCurrent(type, id)) return;
  if (isDirty() && !window.confirm(t('edit.confirmDiscard'))) return;
  select(type, id);
}

function wire() {
  onFeatureClick(clicked);
  onHistoryTab(showHistory);
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
