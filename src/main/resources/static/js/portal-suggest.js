/*
 * Investor portal: when a search finds nothing, what there is instead (from
 * /api/portal/land/suggestions): the largest plot on offer, the zones where neighbouring plots
 * add up to the area asked, and an enquiry to the authority prefilled from the search.
 * Everything is written with textContent. Offline, the box simply stays hidden.
 */
import { config as cfg, message as t, numbers, el, getJson } from './common.js';

const number = numbers({ maximumFractionDigits: 2 });
const box = document.getElementById('suggestions');
const body = document.getElementById('suggestions-body');
const form = document.getElementById('search');
let asked = 0;

function link(text, href, id) {
  const a = el('a', null, text);
  a.href = href;
  if (id) a.id = id;
  return a;
}

const zoneName = (s) => (cfg.lang !== 'vi' && s.zoneNameEn ? s.zoneNameEn : s.zoneName);

/** The search in words, for the enquiry: the area, then the chosen filters as the form names them. */
function searchInWords(state) {
  const parts = [];
  if (state.get('minHa')) parts.push(t('portal.suggest.atLeast', number.format(Number(state.get('minHa')))));
  if (state.get('maxHa')) parts.push(t('portal.suggest.atMost', number.format(Number(state.get('maxHa')))));
  ['ready', 'industry', 'unit', 'kind', 'zone'].forEach((name) => {
    const control = form.elements[name];
    const value = state.get(name);
    if (!value || !control) return;
    if (control instanceof RadioNodeList) parts.push(t('portal.ready.' + value));
    else if (control.selectedOptions && control.selectedOptions[0]) parts.push(control.selectedOptions[0].textContent.trim());
  });
  if (state.get('maxPriceUsd')) parts.push(t('portal.suggest.maxPrice', state.get('maxPriceUsd')));
  return t('portal.suggest.message', parts.join(', '));
}

function enquiryUrl(zone, state) {
  const query = new URLSearchParams();
  if (state.get('minHa')) query.set('areaNeededHa', state.get('minHa'));
  query.set('message', searchInWords(state));
  if (cfg.lang !== 'vi') query.set('lang', cfg.lang);
  return '/portal/zones/' + encodeURIComponent(zone) + '?' + query + '#enquiry';
}

function render(answer, state) {
  body.replaceChildren();
  const largest = answer.largest;
  if (largest) {
    const p = el('p', 'suggest-largest');
    p.id = 'suggest-largest';
    p.append(el('span', null, t(answer.largestMatchesOtherFilters ? 'portal.suggest.largest' : 'portal.suggest.largestAny') + ' '),
      link(t('portal.plot.code', largest.code) + ' – ' + zoneName(largest), largest.url),
      el('strong', null, ' ' + number.format(largest.areaHa) + ' ha'));
    body.append(p);
  }
  const combined = answer.combined || [];
  if (combined.length) {
    body.append(el('p', null, t('portal.suggest.combined', number.format(Number(state.get('minHa'))), answer.neighbourMetres)));
    const list = el('ul', 'suggest-combined');
    list.id = 'suggest-combined';
    combined.forEach((group) => {
      const li = el('li');
      li.dataset.zone = group.zone;
      li.append(link(zoneName(group), group.url),
        el('span', null, ' – ' + t('portal.suggest.group', group.plots, number.format(group.areaHa)) + ' '),
        link(t('portal.suggest.askZone'), enquiryUrl(group.zone, state)));
      list.append(li);
    });
    body.append(list);
  }
  const zone = combined.length ? combined[0].zone : (largest ? largest.zone : null);
  if (zone) {
    const ask = el('p', 'suggest-enquiry');
    ask.append(link(t('portal.suggest.enquiry'), enquiryUrl(zone, state), 'suggest-enquiry'));
    body.append(ask);
  }
  box.hidden = !body.childElementCount;
  document.body.dataset.suggestions = box.hidden ? 'none' : 'shown';
}

document.addEventListener('portal:results', async (event) => {
  const { state, collection } = event.detail;
  const mine = ++asked;
  box.hidden = true;
  if (!collection || collection.numberMatched !== 0) {
    delete document.body.dataset.suggestions;
    return;
  }
  document.body.dataset.suggestions = 'loading';
  try {
    const answer = await getJson('/api/portal/land/suggestions?' + state, 'application/json');
    if (mine === asked) render(answer, state);
  } catch (error) {
    if (mine === asked) document.body.dataset.suggestions = 'none';
  }
});
