/* One request to the write API at a time, from the panel: its buttons off meanwhile, and a refusal
   shown where it belongs, including the two a colleague causes by saving first (a conflict of
   versions, a draft gone out of date). */
import { t, fill, el, ApiError, sendJson } from '../common.js';
import { $, panel, base, reveal, finish } from './page.js';
import { state } from './state.js';
import { upsert, remove, renderWork, restyle } from './layers.js';
import { showItem, fillForm, formValues, fieldLabel, updateDirty, updateTools } from './panel.js';
import { showProblem, showShapeProblem } from './problems.js';
import { select } from './selection.js';

/** Runs one request: buttons off meanwhile, the server's refusal shown where it belongs. */
export async function run(action, outcome) {
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
