/* Saving the panel's zone or plot: checked on the page first, then sent as a draft or published; a
   published item's pending draft published or discarded. */
import { t, fill, sendJson } from '../common.js';
import { $, base, reveal, finish } from './page.js';
import { state } from './state.js';
import { upsert } from './layers.js';
import { formValues, changedFields } from './panel.js';
import { showProblem, showWarnings, clearMessages } from './problems.js';
import { select } from './selection.js';
import { takeEditedShape } from './tools.js';
import { run } from './requests.js';

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

export async function save(publish) {
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

export async function publishOnly() {
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

// ---- the pending draft of a published item ----------------------------------------------------

export async function publishDraft() {
  const c = state.current;
  clearMessages();
  await run(async () => {
    const feature = await sendJson('POST', base(c.type) + c.id + '/publish', { version: c.version });
    saved(c.type, feature, 'edit.done.draftPublished');
  });
}

export async function discardDraft() {
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
