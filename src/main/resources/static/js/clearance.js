/* Land clearance (GPMB) dashboard of one administrative unit (commune or ward; district before 2025-07-01): figures, progress, overdue phases, a map, and the
   history and next step of a phase, all read from and written to the clearance API. */
import {
  config as cfg, t, fill, numbers, dates, el, ApiError, sendJson, baseMap, CLEARANCE_COLOURS as STATUS_COLOURS
} from './common.js';

const vi = cfg.lang === 'vi';

const haFormat = numbers({ minimumFractionDigits: 1, maximumFractionDigits: 2 });
const countFormat = numbers({ maximumFractionDigits: 0 });
const bnFormat = numbers({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const rateFormat = numbers({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateFormat = dates({ timeZone: 'UTC' });

const DASH = '–';
// Vietnamese writes a space before the percent sign (35,0 %); ICU does not for vi-VN.
const pct = (value) => {
  if (value == null) return DASH;
  const text = rateFormat.format(value / 100);
  return vi ? text.replace(/\s*%/, '\u00a0%') : text;
};
const ha = (value) => (value == null ? DASH : haFormat.format(value) + '\u00a0' + t('unit.ha'));
const count = (value) => (value == null ? DASH : countFormat.format(value));
const money = (vnd) => (vnd == null ? DASH : bnFormat.format(vnd / 1e9) + '\u00a0' + t('clearance.unit.bnVnd'));
const date = (iso) => (iso ? dateFormat.format(new Date(iso.slice(0, 10) + 'T00:00:00Z')) : DASH);
const daysBetween = (fromIso, toIso) => Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86400000);
const share = (part, whole) => (part == null || !whole ? null : (100 * part) / whole);

const STATUS_ORDER = ['NOT_STARTED', 'INVENTORY', 'PLAN_APPROVED', 'PAYING', 'HANDED_OVER'];
const isBackwards = (from, to) => from !== 'BLOCKED' && to !== 'BLOCKED' && STATUS_ORDER.indexOf(to) < STATUS_ORDER.indexOf(from);
const statusLabel = (status) => t('clearance.status.' + status);

const statusBox = document.getElementById('status');
// households and amounts, when the setting keeps them from this reader
const hidden = (figure) => (cfg.hiddenFigures || []).includes(figure);
const form = document.getElementById('step-form');
const field = (name) => form.elements[name];

const state = { phases: [], zoneNames: {}, phase: null, selectedId: null };

// ---- API --------------------------------------------------------------------------------------

// A refusal without a problem detail names the address: the page shows that text after its own.
const request = (address) => sendJson('GET', address, undefined, { named: true });

// the unit, and the day when the page shows a past one (read-only)
const unitQuery = () => 'unit=' + encodeURIComponent(cfg.unit) + (cfg.asOf ? '&asOf=' + cfg.asOf : '');

// ---- dashboard --------------------------------------------------------------------------------

async function loadDashboard() {
  const [phases, byZone] = await Promise.all([
    request('/api/clearance?' + unitQuery()),
    request('/api/stats/clearance?groupBy=zone&' + unitQuery())
  ]);
  state.phases = phases.features;
  byZone.rows.forEach((row) => { state.zoneNames[row.key] = !vi && row.nameEn ? row.nameEn : row.name; });
  showSummary(byZone.total);
  showProgress(byZone.rows, phases.features);
  showOverdue(phases.features);
  showPhasesOnMap(phases);
}

function zoneName(p) {
  return state.zoneNames[p.zone] || p.zoneName;
}

function phaseTitle(p) {
  return zoneName(p) + ' – ' + p.name + ' (' + p.code + ')';
}

function showSummary(row) {
  const r = row || { phases: 0, areaHa: 0, clearedHa: 0, clearedPct: null, handedOver: 0, blocked: 0, overdue: 0, cleanLandHa: 0 };
  const box = document.getElementById('summary');
  const figures = [
    figure('phases', t('clearance.sum.phases'), count(r.phases),
      fill('clearance.sum.phases.detail', count(r.handedOver), count(r.blocked))),
    figure('area', t('clearance.sum.area'), ha(r.areaHa), null),
    figure('cleared', t('clearance.sum.cleared'), ha(r.clearedHa), pct(r.clearedPct), progressBar(r.clearedPct, null, t('clearance.sum.cleared'))),
    figure('clean', t('clearance.sum.clean'), ha(r.cleanLandHa || 0), t('clearance.sum.clean.detail')),
    figure('overdue', t('clearance.sum.overdue'), count(r.overdue), r.overdue ? t('clearance.sum.overdue.detail') : t('clearance.sum.overdue.none')),
    hidden('amounts') ? null : figure('paid', t('clearance.sum.paid'), money(r.amountPaidVnd),
      fill('clearance.sum.paid.detail', money(r.amountPlannedVnd), pct(share(r.amountPaidVnd, r.amountPlannedVnd)))),
    hidden('households') ? null : figure('households', t('clearance.sum.households'), count(r.householdsRelocated),
      fill('clearance.sum.households.detail', count(r.householdsAffected)))];
  box.replaceChildren(...figures.filter(Boolean));
  box.classList.toggle('has-overdue', Boolean(r.overdue));
}

function figure(id, label, value, detail, extra) {
  const group = el('div', 'figure');
  group.id = 'fig-' + id;
  group.appendChild(el('dt', null, label));
  const dd = el('dd');
  dd.appendChild(el('span', 'value', value));
  if (detail) dd.appendChild(el('span', 'detail', detail));
  if (extra) dd.appendChild(extra);
  group.appendChild(dd);
  return group;
}

// A bar of the cleared share of an area; its colour is the phase's status when it has one.
function progressBar(value, status, label) {
  const track = el('div', 'track');
  const percent = Math.max(0, Math.min(100, Number(value) || 0));
  track.setAttribute('role', 'progressbar');
  track.setAttribute('aria-valuemin', '0');
  track.setAttribute('aria-valuemax', '100');
  track.setAttribute('aria-valuenow', String(percent));
  track.setAttribute('aria-valuetext', pct(value == null ? 0 : value));
  if (label) track.setAttribute('aria-label', label);
  const bar = el('div', 'fill');
  bar.style.width = percent + '%';
  bar.style.background = status ? STATUS_COLOURS[status] : '#0b3d6e';
  track.appendChild(bar);
  return track;
}

function showProgress(zoneRows, phases) {
  const box = document.getElementById('progress');
  box.replaceChildren();
  // Zones with clean land but no phase have nothing to clear.
  const zones = zoneRows.filter((row) => row.phases > 0);
  zones.forEach((row) => {
    const group = el('div', 'zone-progress');
    group.dataset.zone = row.key;
    group.appendChild(el('h3', null, zoneName({ zone: row.key, zoneName: row.name }) + ' (' + row.key + ')'));
    group.appendChild(progressLine(row.clearedPct, null, row.clearedHa, row.areaHa, t('clearance.progress.zone') + ' ' + row.key));
    const list = el('ul', 'phase-list');
    phases.filter((f) => f.properties.zone === row.key).forEach((f) => list.appendChild(phaseRow(f.properties)));
    group.appendChild(list);
    box.appendChild(group);
  });
  if (!zones.length) box.appendChild(el('p', 'note', t('clearance.noPhases')));
}

function progressLine(value, status, cleared, area, label) {
  const line = el('div', 'progress-line');
  line.appendChild(progressBar(value, status, label));
  line.appendChild(el('span', 'figures-text', fill('clearance.progress.text', ha(cleared), ha(area), pct(value))));
  return line;
}

function phaseRow(p) {
  const li = el('li', 'phase-row status-' + p.status);
  li.dataset.phaseId = p.id;
  li.dataset.code = p.code;
  const head = el('div', 'phase-row-head');
  head.appendChild(phaseButton(p, p.name + ' (' + p.code + ')'));
  head.appendChild(badge(p.status));
  if (p.overdue) head.appendChild(el('span', 'badge overdue-badge', t('clearance.overdue.badge')));
  li.appendChild(head);
  li.appendChild(progressLine(p.clearedPct, p.status, p.clearedHa, p.areaHa, p.name + ' (' + p.code + ')'));
  if (p.status === 'BLOCKED' && p.blockedReason) {
    li.appendChild(el('p', 'blocked-reason', t('clearance.blockedReason') + ': ' + p.blockedReason));
  }
  li.classList.toggle('selected', p.id === state.selectedId);
  return li;
}

function phaseButton(p, text) {
  const button = el('button', 'link phase-open', text);
  button.type = 'button';
  button.dataset.phaseId = p.id;
  button.setAttribute('aria-controls', 'phase');
  button.addEventListener('click', () => selectPhase(p.id, true));
  return button;
}

function badge(status) {
  const span = el('span', 'badge status-badge status-' + status, statusLabel(status));
  span.style.borderColor = STATUS_COLOURS[status];
  return span;
}

function showOverdue(phases) {
  const list = document.getElementById('overdue');
  list.replaceChildren();
  const late = phases.map((f) => f.properties).filter((p) => p.overdue)
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate));
  late.forEach((p) => {
    const li = el('li', 'overdue-item');
    li.dataset.phaseId = p.id;
    li.dataset.code = p.code;
    li.dataset.zone = p.zone;
    li.appendChild(phaseButton(p, phaseTitle(p)));
    const days = daysBetween(p.targetDate, cfg.today);
    li.appendChild(el('span', 'days', fill('clearance.overdue.days', count(days), date(p.targetDate))));
    li.appendChild(el('span', 'detail', statusLabel(p.status) + ' · ' + fill('clearance.overdue.cleared', pct(p.clearedPct))));
    list.appendChild(li);
  });
  if (!late.length) list.appendChild(el('li', 'none', t('clearance.overdue.none')));
}

// ---- map --------------------------------------------------------------------------------------

let map = null;
let phaseLayer = null;

function initMap() {
  map = L.map('clearance-map', { scrollWheelZoom: false }).setView([21.33, 106.4], 10);
  baseMap(map, { corner: 'topright' });
  phaseLayer = L.geoJSON(null, {
    style: phaseStyle,
    onEachFeature: (feature, layer) => {
      layer.bindTooltip(() => phaseTooltip(feature.properties), { sticky: true });
      layer.on('click', () => selectPhase(feature.properties.id, true));
    }
  }).addTo(map);
  legend().addTo(map);
}

async function drawContext() {
  const [unit, zones] = await Promise.all([request('/api/units/' + encodeURIComponent(cfg.unit)),
    request('/api/zones?' + unitQuery())]);
  L.geoJSON(zones, {
    interactive: false,
    style: () => ({ color: '#37474f', weight: 1, fill: false, dashArray: '5 4', className: 'zone-outline' })
  }).addTo(map).bringToBack();
  const own = [unit];
  const outline = L.geoJSON({ type: 'FeatureCollection', features: own }, {
    interactive: false,
    style: () => ({ color: '#0b3d6e', weight: 2, fill: false, className: 'district' })
  }).addTo(map);
  const bounds = own.length ? outline.getBounds() : phaseLayer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
}

function zoomToPhase(id) {
  const layer = phaseLayer.getLayers().find((l) => l.feature.properties.id === id);
  if (layer) map.fitBounds(layer.getBounds(), { maxZoom: 15, padding: [40, 40], animate: false });
}

function phaseStyle(feature) {
  const p = feature.properties;
  const selected = p.id === state.selectedId;
  return {
    color: selected ? '#111' : STATUS_COLOURS[p.status], weight: selected ? 4 : 2, fillColor: STATUS_COLOURS[p.status],
    fillOpacity: 0.55, className: 'phase phase-' + p.status + ' phase-id-' + p.id + (p.overdue ? ' phase-overdue' : '')
  };
}

function showPhasesOnMap(collection) {
  phaseLayer.clearLayers();
  phaseLayer.addData(collection);
}

function phaseTooltip(p) {
  const root = el('div', 'phase-tip');
  root.appendChild(el('strong', null, phaseTitle(p)));
  root.appendChild(el('div', null, statusLabel(p.status) + ' · ' + pct(p.clearedPct)));
  root.appendChild(el('div', null, t('clearance.f.targetDate') + ': ' + date(p.targetDate) + (p.overdue ? ' – ' + t('clearance.overdue.badge') : '')));
  return root;
}

function legend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const root = el('div', 'legend');
    root.id = 'clearance-legend';
    root.appendChild(el('h3', null, t('clearance.legend')));
    const list = el('ul');
    Object.entries(STATUS_COLOURS).forEach(([status, colour]) => {
      const li = el('li');
      const swatch = el('span', 'swatch');
      swatch.style.background = colour;
      li.appendChild(swatch);
      li.appendChild(el('span', null, statusLabel(status)));
      list.appendChild(li);
    });
    root.appendChild(list);
    return root;
  };
  return control;
}

// ---- one phase: figures and timeline ----------------------------------------------------------

async function selectPhase(id, byUser) {
  state.selectedId = id;
  const address = new URL(window.location.href);
  address.searchParams.set('phase', id);
  window.history.replaceState(null, '', address);
  const langLink = document.getElementById('lang-switch');
  const switched = new URL(langLink.href, window.location.href);
  switched.searchParams.set('phase', id);
  langLink.href = switched.pathname + switched.search;
  await loadPhase(id, false);
  zoomToPhase(id);
  if (byUser) {
    const heading = document.getElementById('phase-heading');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }
}

async function loadPhase(id, keepForm) {
  const feature = await request('/api/clearance/' + id + (cfg.asOf ? '?asOf=' + cfg.asOf : ''));
  showPhase(feature, keepForm);
}

function showPhase(feature, keepForm) {
  const p = feature.properties;
  state.phase = p;
  document.getElementById('phase').hidden = false;
  document.getElementById('phase').dataset.phaseId = p.id;
  document.getElementById('phase-heading').textContent = phaseTitle(p);
  document.getElementById('phase-status').replaceWith(Object.assign(badge(p.status), { id: 'phase-status' }));
  showPhaseFigures(p);
  showTimeline(p.events || []);
  setLimits(p);
  if (!keepForm) fillForm(p);
  updateDependentFields();
  markSelected();
  const allowed = mayRecord(p);
  form.hidden = !allowed;
  document.getElementById('step-denied').hidden = allowed;
}

/** The authority records steps everywhere, a local officer for the unit in charge today only; the server checks again. */
function mayRecord(p) {
  if (cfg.asOf) return false; // a past day is read-only: steps are recorded on today's page
  return Boolean(cfg.userAuthority) || (cfg.userUnits || []).includes(p.unit);
}

function markSelected() {
  document.querySelectorAll('.phase-row').forEach((li) => li.classList.toggle('selected', Number(li.dataset.phaseId) === state.selectedId));
  if (phaseLayer) phaseLayer.setStyle(phaseStyle);
}

function showPhaseFigures(p) {
  const rows = [
    [t('clearance.f.areaHa'), ha(p.areaHa)],
    [t('clearance.f.clearedHa'), ha(p.clearedHa) + ' (' + pct(p.clearedPct) + ')'],
    hidden('households') ? null : [t('clearance.f.households'), fill('clearance.households.text', count(p.householdsRelocated), count(p.householdsAffected))],
    hidden('amounts') ? null : [t('clearance.f.amounts'), fill('clearance.amounts.text', money(p.amountPaidVnd), money(p.amountPlannedVnd))],
    [t('clearance.f.targetDate'), date(p.targetDate) + (p.overdue ? ' – ' + fill('clearance.overdue.daysOnly', count(daysBetween(p.targetDate, cfg.today))) : '')],
    [t('clearance.f.planDecision'), p.planDecisionNo ? p.planDecisionNo + (p.planDecisionDate ? ' (' + date(p.planDecisionDate) + ')' : '') : DASH],
    [t('clearance.f.lastEventOn'), date(p.lastEventOn)]
  ].filter(Boolean);
  if (p.status === 'BLOCKED') rows.splice(1, 0, [t('clearance.blockedReason'), p.blockedReason || DASH]);
  if (p.source) rows.push([t('field.source'), p.source]);
  if (p.note) rows.push([t('field.note'), p.note]);
  const box = document.getElementById('phase-figures');
  box.replaceChildren();
  rows.forEach(([label, value]) => {
    const group = el('div');
    group.appendChild(el('dt', null, label));
    group.appendChild(el('dd', null, value));
    box.appendChild(group);
  });
  const bar = el('div', 'phase-bar');
  bar.appendChild(progressBar(p.clearedPct, p.status, t('clearance.f.clearedHa')));
  box.appendChild(bar);
  if (p.demo) box.appendChild(el('p', 'demo-flag', t('clearance.demo')));
}

const FIELDS = ['status', 'blockedReason', 'clearedHa', 'householdsAffected', 'householdsRelocated', 'planDecisionNo',
  'planDecisionDate', 'amountPlannedVnd', 'amountPaidVnd', 'targetDate'];

function formatValue(name, value) {
  if (value == null || value === '') return DASH;
  if (name === 'status') return statusLabel(value);
  if (name === 'clearedHa') return ha(value);
  if (name === 'householdsAffected' || name === 'householdsRelocated') return count(value);
  if (name === 'amountPlannedVnd' || name === 'amountPaidVnd') return money(value);
  if (name === 'planDecisionDate' || name === 'targetDate') return date(value);
  return String(value);
}

const same = (a, b) => (a == null || a === '' ? b == null || b === '' : typeof a === 'number' ? Number(b) === a : a === b);

function showTimeline(events) {
  const list = document.getElementById('timeline');
  list.replaceChildren();
  events.forEach((e) => list.appendChild(timelineEntry(e)));
  if (!events.length) list.appendChild(el('li', 'none', t('clearance.timeline.none')));
  list.scrollTop = list.scrollHeight; // the latest steps, next to the form

}

function timelineEntry(e) {
  const li = el('li', 'event');
  li.dataset.eventId = e.id;
  const head = el('div', 'event-head');
  const when = el('time', null, date(e.eventDate));
  when.dateTime = e.eventDate;
  head.appendChild(when);
  head.appendChild(el('span', 'author', e.author));
  li.appendChild(head);
  const registered = !e.oldValues || !Object.keys(e.oldValues).length;
  const changes = el('ul', 'changes');
  FIELDS.forEach((name) => {
    const before = registered ? null : e.oldValues[name];
    const after = e.newValues[name];
    if (registered ? after == null : same(before, after)) return;
    const text = t('clearance.ch.' + name) + ': ' + (registered ? '' : formatValue(name, before) + ' → ') + formatValue(name, after);
    changes.appendChild(el('li', 'change change-' + name, text));
  });
  if (registered) li.appendChild(el('p', 'event-kind', t('clearance.event.registered')));
  if (changes.children.length) li.appendChild(changes);
  if (e.reason && e.reason !== 'registered') li.appendChild(labelled('reason', t('clearance.f.reason'), e.reason));
  if (e.attachmentRef) li.appendChild(labelled('attachment', t('clearance.f.attachmentRef'), e.attachmentRef));
  if (e.note) li.appendChild(labelled('note', t('clearance.f.note'), e.note));
  if (e.demo) li.appendChild(el('span', 'demo-flag', t('clearance.demo.short')));
  return li;
}

function labelled(kind, label, text) {
  const p = el('p', 'event-' + kind);
  p.appendChild(el('span', 'label', label + ': '));
  p.appendChild(document.createTextNode(text));
  return p;
}

// ---- the form: a step of the selected phase ---------------------------------------------------

function setLimits(p) {
  setBound(field('eventDate'), 'min', p.lastEventOn);
  setBound(field('eventDate'), 'max', cfg.today);
  setBound(field('clearedHa'), 'max', p.areaHa);
  setBound(field('householdsRelocated'), 'max', p.householdsAffected);
  hint('eventDate', p.lastEventOn ? fill('clearance.f.eventDate.hint', date(p.lastEventOn), date(cfg.today)) : '');
  hint('householdsRelocated', p.householdsAffected == null ? '' : fill('clearance.f.householdsRelocated.hint', count(p.householdsAffected)));
}

function setBound(input, name, value) {
  if (value == null || value === '') input.removeAttribute(name);
  else input.setAttribute(name, value);
}

function hint(name, text) {
  document.getElementById('hint-' + name).textContent = text;
}

function fillForm(p) {
  field('eventDate').value = cfg.today;
  field('status').value = p.status;
  field('clearedHa').value = p.clearedHa == null ? '' : p.clearedHa;
  field('householdsRelocated').value = p.householdsRelocated == null ? '' : p.householdsRelocated;
  field('amountPaidVnd').value = p.amountPaidVnd == null ? '' : p.amountPaidVnd;
  field('amountPlannedVnd').value = p.amountPlannedVnd == null ? '' : p.amountPlannedVnd;
  field('targetDate').value = p.targetDate || '';
  field('planDecisionNo').value = p.planDecisionNo || '';
  field('planDecisionDate').value = p.planDecisionDate || '';
  field('blockedReason').value = p.blockedReason || '';
  ['reason', 'attachmentRef', 'note'].forEach((name) => { field(name).value = ''; });
  clearErrors();
}

function number(name) {
  const text = field(name).value.trim();
  return text === '' ? null : Number(text);
}

function reasonNeeded() {
  const p = state.phase;
  const cleared = number('clearedHa');
  return isBackwards(p.status, field('status').value) || (cleared != null && cleared < p.clearedHa);
}

// Handing over clears the whole phase: the server sets the cleared area to the area itself.
function updateDependentFields() {
  const p = state.phase;
  if (!p) return;
  const status = field('status').value;
  const blocked = status === 'BLOCKED';
  document.getElementById('field-blockedReason').hidden = !blocked;
  const handover = status === 'HANDED_OVER';
  const cleared = field('clearedHa');
  if (handover) cleared.value = p.areaHa;
  else if (cleared.readOnly) cleared.value = p.clearedHa;
  cleared.readOnly = handover;
  hint('clearedHa', handover ? fill('clearance.f.clearedHa.handover', ha(p.areaHa))
    : fill('clearance.f.clearedHa.hint', ha(p.areaHa), ha(p.clearedHa)));
  const needed = reasonNeeded();
  document.getElementById('reason-required').hidden = !needed;
  field('reason').setAttribute('aria-required', String(needed));
  const paid = number('amountPaidVnd');
  hint('amountPaidVnd', fill('clearance.f.amountPaidVnd.hint', paid == null || Number.isNaN(paid) ? DASH : money(paid), money(p.amountPlannedVnd)));
  hint('status', fill('clearance.f.status.hint', statusLabel(p.status)));
  const planned = number('amountPlannedVnd');
  hint('amountPlannedVnd', fill('clearance.f.amountPlannedVnd.hint', planned == null || Number.isNaN(planned) ? DASH : money(planned)));
  hint('targetDate', fill('clearance.f.newTargetDate.hint', date(p.targetDate)));
}

/** The server's rules, checked before sending; the server checks them again. */
function validate() {
  const p = state.phase;
  const errors = {};
  const add = (name, message) => { if (!errors[name]) errors[name] = message; };
  const day = field('eventDate').value;
  if (!day) add('eventDate', t('clearance.err.eventDate.required'));
  else if (day > cfg.today) add('eventDate', fill('clearance.err.eventDate.future', date(cfg.today)));
  else if (p.lastEventOn && day < p.lastEventOn) add('eventDate', fill('clearance.err.eventDate.beforePrevious', date(p.lastEventOn)));
  ['clearedHa', 'householdsRelocated', 'amountPaidVnd', 'amountPlannedVnd'].forEach((name) => checkNumber(name, add));
  const target = field('targetDate').value;
  if (target && day && target !== (p.targetDate || '') && target < day) add('targetDate', fill('clearance.err.targetDate.beforeStep', date(day)));
  const decided = field('planDecisionDate').value;
  if (decided && day && decided !== (p.planDecisionDate || '') && decided > day) add('planDecisionDate', fill('clearance.err.planDecisionDate.afterStep', date(day)));
  const status = field('status').value;
  if (status === 'BLOCKED' && !field('blockedReason').value.trim()) add('blockedReason', t('clearance.err.blockedReason.required'));
  if (reasonNeeded() && !field('reason').value.trim()) {
    add('reason', isBackwards(p.status, status) ? fill('clearance.err.reason.backwards', statusLabel(p.status), statusLabel(status))
      : fill('clearance.err.reason.clearedDown', ha(p.clearedHa), ha(number('clearedHa'))));
  }
  if (!Object.keys(errors).length && !Object.keys(changes()).length && !field('note').value.trim() && !field('attachmentRef').value.trim()) {
    add('status', t('clearance.err.nothing'));
  }
  showErrors(errors);
  return !Object.keys(errors).length;
}

function checkNumber(name, add) {
  const input = field(name);
  if (input.validity.badInput) return add(name, t('clearance.err.number'));
  const value = number(name);
  if (value == null) return;
  if (Number.isNaN(value)) return add(name, t('clearance.err.number'));
  if (input.step === '1' && !Number.isInteger(value)) add(name, t('clearance.err.integer'));
  if (value < 0) add(name, t('clearance.err.negative'));
  const max = input.getAttribute('max');
  if (max !== null && value > Number(max)) {
    add(name, name === 'clearedHa' ? fill('clearance.err.clearedHa.max', ha(Number(max)))
      : fill('clearance.err.householdsRelocated.max', count(Number(max))));
  }
}

/** Only what the officer changed: absent values stay as they are on the server. */
function changes() {
  const p = state.phase;
  const body = {};
  const status = field('status').value;
  if (status !== p.status) body.status = status;
  const blockedReason = field('blockedReason').value.trim();
  if (status === 'BLOCKED' && (status !== p.status || blockedReason !== (p.blockedReason || ''))) body.blockedReason = blockedReason;
  const cleared = number('clearedHa');
  if (status !== 'HANDED_OVER' && cleared != null && cleared !== p.clearedHa) body.clearedHa = cleared;
  const relocated = number('householdsRelocated');
  if (relocated != null && relocated !== p.householdsRelocated) body.householdsRelocated = relocated;
  const paid = number('amountPaidVnd');
  if (paid != null && paid !== p.amountPaidVnd) body.amountPaidVnd = paid;
  const planned = number('amountPlannedVnd');
  if (planned != null && planned !== p.amountPlannedVnd) body.amountPlannedVnd = planned;
  ['targetDate', 'planDecisionNo', 'planDecisionDate'].forEach((name) => {
    const value = field(name).value.trim();
    if (value && value !== (p[name] || '')) body[name] = value;
  });
  return body;
}

function stepBody() {
  const body = Object.assign({
    version: state.phase.version, eventDate: field('eventDate').value
  }, changes());
  ['reason', 'attachmentRef', 'note'].forEach((name) => {
    const text = field(name).value.trim();
    if (text) body[name] = text;
  });
  return body;
}

async function submitStep(event) {
  event.preventDefault();
  if (!state.phase) return;
  clearErrors();
  if (!validate()) {
    finish('invalid');
    return;
  }
  const id = state.phase.id;
  const button = document.getElementById('step-submit');
  button.disabled = true;
  try {
    const updated = await sendJson('POST', '/api/clearance/' + id + '/events', stepBody(),
      { accept: 'application/geo+json, application/problem+json', named: true });
    showPhase(updated, false);
    document.getElementById('form-done').textContent = fill('clearance.step.saved', date(lastEvent(updated).eventDate));
    await loadDashboard();
    markSelected();
    finish('saved');
  } catch (error) {
    await refused(error, id);
  } finally {
    button.disabled = false;
  }
}

function lastEvent(feature) {
  const events = feature.properties.events || [];
  return events[events.length - 1] || {};
}

// Someone else recorded a step meanwhile: show theirs, keep the officer's values to check and resend.
async function refused(error, id) {
  if (!(error instanceof ApiError)) {
    console.error(error);
    showProblem({ detail: t('clearance.err.network') }, t('clearance.refused'));
    finish('failed');
    return;
  }
  if (error.status === 409) {
    showProblem(error.problem, t('clearance.conflict'));
    try {
      await loadPhase(id, true);
      await loadDashboard();
      markSelected();
    } catch (reloadError) {
      console.error(reloadError);
    }
    finish('conflict');
    return;
  }
  showProblem(error.problem, t('clearance.refused'));
  finish('refused');
}

function finish(result) {
  form.dataset.result = result;
}

// Where the server names the broken rule or parameter, its detail also sits by that field.
const RULE_FIELDS = {
  cleared_within_area: 'clearedHa', handed_over_is_cleared: 'clearedHa', event_not_in_future: 'eventDate',
  event_before_previous: 'eventDate', backwards_needs_reason: 'reason',
  clearance_relocated_within_affected: 'householdsRelocated', target_before_step: 'targetDate',
  decision_after_step: 'planDecisionDate', stale_version: null
};

function showProblem(problem, lead) {
  const box = document.getElementById('form-problem');
  box.replaceChildren(el('strong', null, lead));
  if (problem.detail) box.appendChild(el('p', 'detail', problem.detail));
  box.hidden = false;
  const name = problem.rule in RULE_FIELDS ? RULE_FIELDS[problem.rule] : problem.parameter;
  if (name && field(name)) showErrors({ [name]: problem.detail });
}

function showErrors(errors) {
  Object.entries(errors).forEach(([name, message]) => {
    const input = field(name);
    input.setAttribute('aria-invalid', 'true');
    document.getElementById('err-' + name).textContent = message;
  });
  const first = Object.keys(errors)[0];
  if (first && !form.querySelector('#form-problem:not([hidden])')) field(first).focus();
}

function clearErrors() {
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((span) => { span.textContent = ''; });
  document.getElementById('form-problem').hidden = true;
  document.getElementById('form-done').textContent = '';
}

function initForm() {
  form.addEventListener('submit', submitStep);
  form.addEventListener('input', updateDependentFields);
  form.addEventListener('change', updateDependentFields);
  document.getElementById('step-reset').addEventListener('click', () => {
    if (state.phase) fillForm(state.phase);
    updateDependentFields();
  });
}

// ---- helpers and start ------------------------------------------------------------------------

async function start() {
  if (!cfg.unit) {
    document.body.dataset.loaded = 'true';
    return;
  }
  initMap();
  initForm();
  await loadDashboard();
  await drawContext();
  const wanted = Number(new URL(window.location.href).searchParams.get('phase'));
  if (state.phases.some((f) => f.properties.id === wanted)) await selectPhase(wanted, false);
  statusBox.textContent = '';
  document.body.dataset.loaded = 'true';
}

start().catch((error) => {
  console.error(error);
  statusBox.textContent = t('clearance.loadFailed') + (error instanceof ApiError ? ': ' + error.message : '.');
  statusBox.classList.add('error');
  document.body.dataset.loaded = 'error';
});
