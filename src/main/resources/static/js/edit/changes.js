/* Changes of the registry's shapes beyond one item's form: a zone or plot deleted (with its reason),
   a plot split along a drawn line, plots merged into one. */
import { t, fill, el, ApiError, sendJson } from '../common.js';
import { $, panel, base, ha, finish } from './page.js';
import { state } from './state.js';
import { plotLayer, upsert, remove, restyle } from './layers.js';
import { isDirty, setMode } from './panel.js';
import { showProblem, clearMessages, flash } from './problems.js';
import { select, clearSelection } from './selection.js';
import { run } from './requests.js';
import { allPlots } from './loading.js';

export function askDelete() {
  $('delete-box').hidden = false;
  $('save-box').hidden = true;
  $('delete-reason').value = '';
  $('delete-reason').focus();
}

export async function confirmDelete() {
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

export async function confirmSplit() {
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

export function toggleMergeMode() {
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

export function toggleMerge(id) {
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

export function updateMergeButton() {
  $('merge-confirm').disabled = state.merge.length < 2 || !$('merge-code').value.trim();
}

export async function confirmMerge() {
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
