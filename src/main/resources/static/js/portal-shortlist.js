/*
 * Investor portal: the shortlist (up to four plots, kept in this browser's localStorage), its
 * comparison page, the search's CSV/KML links, and the plot page's brochure (print) and share
 * buttons. Works without the network: the list lives in the browser.
 */
import { config as cfg, message as t } from './common.js';

const KEY = 'portal.shortlist';
const MAX = 4;

function read() {
  try {
    const list = JSON.parse(window.localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.map(String).filter((id) => /^[0-9]{1,18}$/.test(id)).slice(0, MAX) : [];
  } catch (error) {
    return [];
  }
}

function write(list) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch (error) {
    // storage refused (private mode): the list lasts as long as the page
  }
  memory = list;
  refresh();
}

let memory = read();
const list = () => memory;

function compareUrl(ids) {
  const query = new URLSearchParams({ ids: ids.join(',') });
  if (cfg.lang !== 'vi') query.set('lang', cfg.lang);
  return '/portal/compare?' + query;
}

/** Adds a plot, or says why not (a fifth one): true when it is in the list afterwards. */
function add(id, say) {
  const ids = list();
  if (ids.includes(id)) return true;
  if (ids.length >= MAX) {
    say(t('portal.shortlist.full', MAX));
    return false;
  }
  write(ids.concat(id));
  say(t('portal.shortlist.added', ids.length + 1, MAX));
  return true;
}

function remove(id, say) {
  write(list().filter((other) => other !== id));
  if (say) say(t('portal.shortlist.removed'));
}

function toggle(button, say) {
  const id = button.dataset.id;
  if (list().includes(id)) remove(id, say); else add(id, say);
}

function paint(button) {
  const on = list().includes(button.dataset.id);
  button.setAttribute('aria-pressed', String(on));
  button.textContent = t(on ? 'portal.shortlist.inList' : 'portal.shortlist.add');
}

// --- The search page: a button on each result, the bar, the export links ----------------------

const bar = document.getElementById('shortlist-bar');
const barMessage = document.getElementById('shortlist-message');
const sayInBar = (text) => { if (barMessage) barMessage.textContent = text; };

function refresh() {
  document.querySelectorAll('button.shortlist-add, #shortlist-toggle').forEach(paint);
  if (bar) {
    const ids = list();
    bar.hidden = ids.length === 0;
    document.getElementById('shortlist-count').textContent = t('portal.shortlist.count', ids.length, MAX);
    document.getElementById('compare-link').href = compareUrl(ids);
  }
}

document.addEventListener('portal:results', (event) => {
  const { state, collection } = event.detail;
  const byId = new Map(((collection && collection.features) || []).map((f) => [String(f.properties.id), f.properties]));
  document.querySelectorAll('#results li.result').forEach((li) => {
    if (li.querySelector('button.shortlist-add')) return;
    const p = byId.get(li.dataset.id);
    if (p && p.facts) li.append(factsLine(p));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary shortlist-add';
    button.dataset.id = li.dataset.id;
    button.addEventListener('click', (click) => { click.stopPropagation(); toggle(button, sayInBar); });
    button.addEventListener('keydown', (key) => key.stopPropagation()); // Enter on the item opens the plot
    li.append(button);
    paint(button);
  });
  const links = document.getElementById('export-links');
  if (links) {
    const found = collection && collection.numberMatched > 0;
    links.hidden = !found;
    if (found) {
      ['csv', 'kml'].forEach((format) => {
        const query = new URLSearchParams(state);
        query.delete('offset');
        query.set('format', format);
        if (cfg.lang !== 'vi') query.set('lang', cfg.lang);
        document.getElementById('export-' + format).href = '/api/portal/land/export?' + query;
      });
    }
  }
});

/** Price on request, and the estimated drives to Hà Nội and the airport, under a result. */
function factsLine(p) {
  const parts = [];
  if (p.facts.priceOnRequest) parts.push(t('portal.price.onRequest'));
  (p.facts.access || []).filter((a) => a.kind === 'CITY' || a.kind === 'AIRPORT')
    .forEach((a) => parts.push(t('portal.place.' + a.kind) + ' ' + t('portal.facts.minutes', a.minutes)));
  const line = document.createElement('p');
  line.className = 'small result-facts';
  line.textContent = parts.join(' · ');
  return line;
}

const clear = document.getElementById('shortlist-clear');
if (clear) clear.addEventListener('click', () => { write([]); sayInBar(''); });

// --- The plot page: shortlist, brochure, share -------------------------------------------------

const status = document.getElementById('tools-status');
const sayInTools = (text) => { if (status) status.textContent = text; };
const toggleButton = document.getElementById('shortlist-toggle');
if (toggleButton) toggleButton.addEventListener('click', () => toggle(toggleButton, sayInTools));

const print = document.getElementById('print-brochure');
if (print) print.addEventListener('click', () => window.print());

const share = document.getElementById('share-link');
if (share) {
  share.addEventListener('click', async () => {
    const url = share.dataset.url || location.href;
    try {
      if (navigator.share) {
        await navigator.share({ title: document.title, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      sayInTools(t('portal.share.copied'));
    } catch (error) {
      sayInTools(t('portal.share.manual', url));
    }
  });
}

// --- The comparison page: remove a plot --------------------------------------------------------

document.querySelectorAll('#compare button.remove').forEach((button) => {
  button.addEventListener('click', () => {
    const shown = Array.from(document.querySelectorAll('#compare thead th[data-id]')).map((th) => th.dataset.id);
    const rest = shown.filter((id) => id !== button.dataset.id);
    remove(button.dataset.id);
    location.href = rest.length ? compareUrl(rest) : compareUrl([]).replace(/\?ids=&?/, '?').replace(/\?$/, '');
  });
});

refresh();
