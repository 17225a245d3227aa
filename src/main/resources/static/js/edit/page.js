/* The editing page's constants, formats and DOM handles: the bottom layer of edit/, importing only
   common.js, so that every other module of the page may use it. */
import { config as cfg, t, numbers, dates, el } from '../common.js';

export const vi = cfg.lang === 'vi';
export const haFormat = numbers({ maximumFractionDigits: 2 });
const m2Format = numbers({ maximumFractionDigits: 0 });
export const whenFormat = dates({
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh'
});
export const dayFormat = dates({ timeZone: 'UTC' });
export const ha = (value) => (value == null ? '–' : haFormat.format(value) + '\u00a0' + t('unit.ha'));
export const m2 = (value) => m2Format.format(value) + '\u00a0m²';

export const PLOT_COLOUR = '#5e35b1';
export const UNIT_COLOUR = '#546e7a';
export const WORK_COLOUR = '#ef6c00';
export const PROBLEM_COLOUR = '#d50000';

export const ZONE_FIELDS = ['kind', 'code', 'name', 'nameEn', 'district', 'communes', 'planStatus', 'lifecycle', 'legalAreaHa',
  'boundaryAccuracy', 'boundaryNote', 'developer', 'decisionNo', 'decisionDate', 'source', 'note'];
export const PLOT_FIELDS = ['code', 'landUse', 'clearedOn', 'note'];
// Fields that only a new zone takes: the API does not change a zone's kind or code.
export const ZONE_FIXED = ['kind', 'code'];

export const $ = (id) => document.getElementById(id);
export const panel = $('panel');

export const base = (type) => (type === 'zone' ? '/api/zones/' : '/api/plots/');

export function option(value, text) {
  const node = el('option', null, text);
  node.value = value;
  return node;
}

/** Scrolls the panel so that a message just shown is in sight. */
export function reveal(box) {
  box.scrollIntoView({ block: 'nearest' });
}

/** The outcome of the last action, on the panel: tests and assistive styles wait for it. */
export function finish(result) {
  panel.dataset.result = result;
}
