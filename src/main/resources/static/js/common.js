/* What the pages' scripts share: their messages, DOM helpers, number and date formats of the page's
   language, JSON calls (CSRF token, problem details), the staff maps' base map and the registry's
   colours. An ES module: pages load their script with <script type="module">, which imports this. */

// Staff pages set window.REGISTRY, portal pages window.PORTAL (both: lang, msg).
export const config = window.REGISTRY || window.PORTAL;
export const locale = config.lang === 'vi' ? 'vi-VN' : 'en-GB';

// ---- messages -----------------------------------------------------------------------------------

export const t = (key) => config.msg[key] || key;

/** A staff page's message with {0}, {1}, ... replaced by the values. */
export const fill = (key, ...values) => values.reduce((text, value, i) => text.split('{' + i + '}').join(value), t(key));

/** A portal message as MessageFormat words it: {n} filled (empty when not given), '' for a quote. */
export const message = (key, ...args) => (config.msg[key] || key)
  .replace(/\{(\d+)\}/g, (all, i) => (args[i] === undefined ? '' : args[i])).replace(/''/g, "'");

// ---- formats ------------------------------------------------------------------------------------

export const numbers = (options) => new Intl.NumberFormat(locale, options);
export const dates = (options) => new Intl.DateTimeFormat(locale, options);

// ---- DOM ----------------------------------------------------------------------------------------

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function meta(name) {
  const node = document.querySelector('meta[name="' + name + '"]');
  return node ? node.content : null;
}

// ---- API ----------------------------------------------------------------------------------------

/** A refused call: its status and problem detail (RFC 9457; empty when the answer had none). */
export class ApiError extends Error {
  constructor(status, problem, fallback = 'HTTP ' + status) {
    super((problem && problem.detail) || fallback);
    this.status = status;
    this.problem = problem || {};
  }
}

const ACCEPT_ANY = 'application/geo+json, application/json, application/problem+json';

/** A GET whose answer must be JSON of the type accepted; a refusal is an Error naming the address. */
export async function getJson(url, accept) {
  const response = await fetch(url, { headers: { Accept: accept || 'application/geo+json' } });
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
  return response.json();
}

/**
 * A call of the API: the CSRF token on anything but GET; a refusal is an ApiError. Options:
 * accept, the types to ask for where a page has always asked for others (the server may answer
 * another type, or refuse, when the list changes); named, a refusal without a problem detail says
 * "address: HTTP status" rather than the status alone, for pages that show that text as it is.
 */
export async function sendJson(method, address, body, { accept = ACCEPT_ANY, named = false } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrfHeader = meta('_csrf_header');
  if (method !== 'GET' && csrfHeader) headers[csrfHeader] = meta('_csrf');
  const response = await fetch(address, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
  });
  let json = null;
  try {
    json = await response.json();
  } catch (ignored) {
    // 204, or an answer without a body
  }
  if (!response.ok) throw new ApiError(response.status, json, named ? address + ': HTTP ' + response.status : undefined);
  return json;
}

/** All pages of a feature collection (the API answers in pages, each linking the next). */
export async function allPages(url, get = getJson) {
  const collection = await get(url);
  for (let page = collection; page.links && page.links.some((l) => l.rel === 'next');) {
    page = await get(page.links.find((l) => l.rel === 'next').href);
    collection.features.push(...page.features);
  }
  return collection;
}

// ---- maps ---------------------------------------------------------------------------------------

/**
 * A line on the map about what it could not load, announced to screen readers; corner: where it does
 * not hide the page's controls; className: the page's style for it.
 */
export function mapNotice(map, text, { corner = 'bottomleft', className = 'notice' } = {}) {
  const control = L.control({ position: corner });
  control.onAdd = () => {
    const box = el('div', className, text);
    box.setAttribute('role', 'status');
    return box;
  };
  control.addTo(map);
}

/**
 * The deployment's base map under a page's map (none when none is configured), with a notice if its
 * tiles fail: the registry's shapes are still worth reading without it. corner and notice (its class)
 * place and style the notice, message is its key; the rest are Leaflet's tile layer options.
 */
export function baseMap(map, { corner, notice, message = 'map.tilesFailed', ...options } = {}) {
  if (!config.tileUrl) return null;
  const tiles = L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.tileAttribution, ...options });
  tiles.once('tileerror', () => mapNotice(map, t(message), { corner, className: notice }));
  return tiles.addTo(map);
}

/**
 * A map's key (legend) as a control: a titled box, folded on narrow screens so that it does not hide
 * the map, which takes no clicks or scrolls through to the map. fillKey(root) adds its lists.
 */
export function mapKeyControl({ position, className, id }, fillKey) {
  const control = L.control({ position });
  control.onAdd = () => {
    const box = el('div', className);
    box.id = id;
    const root = el('details');
    root.open = window.innerWidth >= 700;
    const summary = el('summary');
    summary.appendChild(el('h2', null, t('legend.title')));
    root.appendChild(summary);
    box.appendChild(root);
    fillKey(root);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  return control;
}

// ---- colours ------------------------------------------------------------------------------------

// Stroke shows a zone's kind, fill its plan status; plots are filled by their status on the day.
export const KIND_COLOURS = { KCN: '#1f4e9c', CCN: '#c0392b' };
export const STATUS_COLOURS = {
  EXISTING: '#2e7d32', NEW: '#f9a825', EXPANDED: '#00897b', MERGED_INTO_KCN: '#7e57c2', REMOVED: '#9e9e9e'
};
export const PLOT_COLOURS = {
  AVAILABLE_CLEAN: '#43a047', AVAILABLE_NOT_CLEARED: '#bdbdbd', RESERVED: '#fb8c00', LEASED: '#1e88e5',
  IN_OPERATION: '#3949ab'
};
export const CLEARANCE_COLOURS = {
  NOT_STARTED: '#9e9e9e', INVENTORY: '#f9a825', PLAN_APPROVED: '#ef6c00', PAYING: '#1e88e5',
  HANDED_OVER: '#2e7d32', BLOCKED: '#c62828'
};
