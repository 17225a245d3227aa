/* The history tab: every recorded change of the zone or plot, in words, with the shapes before and
   after drawn on request; an earlier state restored, with its reason asked for first. */
import { t, fill, el, ApiError, sendJson } from '../common.js';
import { $, panel, base, ha, haFormat, whenFormat, dayFormat, finish } from './page.js';
import { state } from './state.js';
import { upsert } from './layers.js';
import { compare, clearCompare } from './compare.js';
import { showWarnings, clearMessages } from './problems.js';
import { select, showTab } from './selection.js';
import { run } from './requests.js';
import { HIDDEN_COLUMNS, HECTARE_COLUMNS, columnLabel } from './columns.js';

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

export async function showHistory() {
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
