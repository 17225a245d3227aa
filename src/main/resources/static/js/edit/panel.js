/* The panel's view of the current zone or plot: its heading, form and unsaved-changes marks, and which
   tools may be used. Reads state and the form; changes nothing on the server. */
import { t, fill } from '../common.js';
import { $, ha, whenFormat, ZONE_FIELDS, PLOT_FIELDS, ZONE_FIXED } from './page.js';
import { state } from './state.js';
import { polygons } from './geometry.js';
import { restyle } from './layers.js';

export function showItem() {
  const c = state.current;
  const p = c.feature ? c.feature.properties : null;
  $('nothing').hidden = true;
  $('item').hidden = false;
  $('item').dataset.type = c.type;
  $('item').dataset.id = c.id == null ? '' : c.id;
  const zone = c.zoneId != null && state.features.zone.get(c.zoneId);
  let heading;
  if (c.type === 'zone') heading = p ? p.code + ' – ' + p.name : t('edit.new.zone');
  else heading = (p ? t('field.plotCode') + ' ' + p.code : t('edit.new.plot')) + (zone ? ' · ' + zone.properties.code : '');
  $('item-heading').textContent = heading;
  const badge = $('item-state');
  const draft = !p || p.published === false;
  badge.textContent = !p ? t('edit.state.new') : draft ? t('edit.state.draft') : t('edit.state.published');
  badge.className = 'badge ' + (!p ? 'badge-new' : draft ? 'badge-draft' : 'badge-published');
  const meta = [];
  if (p) meta.push(fill('edit.meta.version', p.version));
  if (p && c.type === 'zone') meta.push(t('field.mapAreaHa') + ': ' + ha(p.mapAreaHa));
  if (p && c.type === 'plot') meta.push(t('field.area') + ': ' + ha(p.areaHa));
  if (p && p.updatedAt) meta.push(fill('edit.meta.updated', whenFormat.format(new Date(p.updatedAt))));
  $('item-meta').textContent = meta.join(' · ');
  $('zone-form').hidden = c.type !== 'zone';
  $('plot-form').hidden = c.type !== 'plot';
  $('p-zone').textContent = zone ? zone.properties.code + ' – ' + zone.properties.name : t('edit.plot.noZoneShort');
  $('tab-history').disabled = c.id == null;
  ZONE_FIXED.forEach((name) => { $('z-' + name).disabled = c.id != null; });
  $('save-box').hidden = false;
  $('delete-box').hidden = true;
  $('split-box').hidden = true;
  updateTools();
  updateDirty();
}

export function fillForm(p) {
  const c = state.current;
  const fields = c.type === 'zone' ? ZONE_FIELDS : PLOT_FIELDS;
  const prefix = c.type === 'zone' ? 'z-' : 'p-';
  fields.forEach((name) => {
    const input = $(prefix + name);
    const value = p[name];
    input.value = value == null ? '' : String(value);
    if (input.tagName === 'SELECT' && input.value === '' && value != null) input.value = '';
    input.removeAttribute('aria-invalid');
  });
  $('reason').value = '';
  areaHint();
}

export function formValues() {
  const c = state.current;
  const fields = c.type === 'zone' ? ZONE_FIELDS : PLOT_FIELDS;
  const prefix = c.type === 'zone' ? 'z-' : 'p-';
  const values = {};
  fields.forEach((name) => { values[name] = $(prefix + name).value.trim(); });
  return values;
}

/** Form fields that differ from the server's copy (all filled ones for a new item). */
export function changedFields() {
  const c = state.current;
  const values = formValues();
  const p = c.feature ? c.feature.properties : {};
  return Object.keys(values).filter((name) => {
    if (c.id != null && c.type === 'zone' && ZONE_FIXED.includes(name)) return false;
    const before = p[name] == null ? '' : String(p[name]);
    if (name === 'legalAreaHa' && values[name] !== '' && before !== '') return Number(values[name]) !== Number(before);
    return values[name] !== before;
  });
}

export function isDirty() {
  const c = state.current;
  if (!c) return false;
  return c.id == null || c.geometryChanged || changedFields().length > 0;
}

export function updateDirty() {
  const c = state.current;
  const dirty = isDirty();
  $('unsaved').hidden = !dirty;
  const p = c && c.feature ? c.feature.properties : null;
  $('publish').hidden = !(p && p.published === false && !dirty);
  $('discard').hidden = !dirty;
  $('draft-hint').hidden = !(p && p.published !== false);
  $('save-draft').disabled = !!(p && !dirty);
  // the draft's own buttons act on the saved draft: not while the form holds unsaved changes
  ['draft-edit', 'draft-publish', 'draft-discard'].forEach((id) => { $(id).disabled = dirty; });
}

export function areaHint() {
  const c = state.current;
  if (!c || c.type !== 'zone') return;
  const p = c.feature ? c.feature.properties : null;
  $('z-area-hint').textContent = p && p.mapAreaHa != null && !c.geometryChanged ? fill('edit.f.area.hint', ha(p.mapAreaHa)) : '';
}

/** A form field's label as the editor reads it, for naming the fields someone else changed. */
export function fieldLabel(name) {
  const input = $((state.current.type === 'zone' ? 'z-' : 'p-') + name);
  if (name === 'geometry') return t('edit.h.boundary');
  return input && input.labels && input.labels[0] ? input.labels[0].textContent.replace(t('edit.required'), '').trim() : name;
}

// ---- tool buttons -----------------------------------------------------------------------------

export function setMode(mode, hintKey) {
  state.mode = mode;
  document.body.dataset.mode = mode;
  $('hint').textContent = t(hintKey || 'edit.hint.' + mode);
  updateTools();
  restyle();
}

export function updateTools() {
  const c = state.current;
  const idle = state.mode === 'idle';
  const drawing = ['draw-zone', 'draw-plot', 'split'].includes(state.mode) && !state.splitLine;
  const existing = c && c.id != null;
  $('tool-new-zone').disabled = !idle;
  $('tool-new-plot').disabled = !idle;
  $('tool-edit-shape').disabled = !(idle && c && polygons(c.geometry).length === 1);
  $('tool-split').disabled = !(idle && existing && c.type === 'plot' && !isDirty());
  $('tool-delete').disabled = !(idle && existing);
  $('tool-merge').disabled = !(idle || state.mode === 'merge');
  $('tool-merge').setAttribute('aria-pressed', String(state.mode === 'merge'));
  $('tool-finish').hidden = !(drawing || state.mode === 'edit-shape');
  $('tool-undo').hidden = !drawing;
  $('tool-cancel').hidden = idle || state.mode === 'merge';
  $('zone-picker').disabled = !idle;
}
