/* Fill-rate statistics: charts, a choropleth map and sortable tables, all from the statistics API. */
import { config as cfg, t, locale, numbers, dates, el, ApiError, sendJson, baseMap, KIND_COLOURS } from './common.js';

const vi = cfg.lang === 'vi';

const haFormat = numbers({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countFormat = numbers({ maximumFractionDigits: 0 });
const valueFormat = numbers({ maximumFractionDigits: 2 });
const signedFormat = numbers({ maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const pointsFormat = numbers({
  minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero'
});
const rateFormat = numbers({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const axisFormat = numbers({ style: 'percent', maximumFractionDigits: 0 });
const dateFormat = dates({ timeZone: 'UTC' });
const monthFormat = dates({ timeZone: 'UTC', month: '2-digit', year: 'numeric' });

// Vietnamese writes a space before the percent sign (66,8 %); ICU does not for vi-VN.
const percent = (format, value) => {
  if (value == null) return '';
  const text = format.format(value);
  return vi ? text.replace(/\s*%/, '\u00a0%') : text;
};
const rate = (value) => percent(rateFormat, value);
const ha = (value) => (value == null ? '' : haFormat.format(value));
const count = (value) => (value == null ? '' : countFormat.format(value));
const date = (iso) => (iso ? dateFormat.format(new Date(iso + 'T00:00:00Z')) : '');
const named = (row) => (!vi && row.nameEn ? row.nameEn : row.name);
// "KCN Quang Châu" instead of "Khu công nghiệp Quang Châu": chart labels must fit a phone.
const shortName = (row) => row.kind + ' ' + named(row)
  .replace(/^(khu|cụm) công nghiệp\s+/i, '')
  .replace(/\s+industrial (zone|cluster|park)$/i, '');

const SERIES_COLOURS = ['#1f4e9c', '#c0392b', '#2e7d32', '#f9a825', '#7e57c2', '#00897b'];
// Five equal classes of fill rate (ColorBrewer YlGnBu) and grey for zones without land for lease.
const CLASS_BREAKS = [0.2, 0.4, 0.6, 0.8];
const CLASS_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const NO_LAND_COLOUR = '#bdbdbd';

const form = document.getElementById('controls');
const statusBox = document.getElementById('status');

Chart.defaults.locale = locale;
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
Chart.defaults.maintainAspectRatio = false;
if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;

// ---- controls -------------------------------------------------------------------------------

function isoDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

// The controls a link keeps: /stats?kind=KCN&unit=BG-YD&asOf=2024-12-31 opens as it was left.
const URL_FIELDS = ['kind', 'unit', 'asOf', 'step', 'from', 'to'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
let wantedUnit = '';

// The server fills in the province's today; the browser's date is only a fallback.
function initControls() {
  const today = new Date();
  const f = form.elements;
  const asked = new URLSearchParams(window.location.search);
  ['asOf', 'from', 'to'].forEach((name) => {
    if (DATE.test(asked.get(name) || '')) f[name].value = asked.get(name);
  });
  ['kind', 'step'].forEach((name) => {
    const value = asked.get(name);
    if (value && Array.from(f[name].options).some((o) => o.value === value)) f[name].value = value;
  });
  wantedUnit = (asked.get('unit') || asked.get('district') || asked.get('commune') || '').trim();
  if (!f.asOf.value) f.asOf.value = isoDate(today);
  if (!f.to.value) f.to.value = isoDate(today);
  if (!f.from.value) f.from.value = isoDate(new Date(today.getFullYear() - 5, today.getMonth(), today.getDate()));
  form.addEventListener('change', (event) => {
    if (event.target.name === 'unit') wantedUnit = event.target.value;
    reload();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    reload();
  });
}

function controls() {
  const f = form.elements;
  return { kind: f.kind.value, unit: wantedUnit, asOf: f.asOf.value, step: f.step.value, from: f.from.value, to: f.to.value };
}

/** The address bar and the language link follow the controls, leaving out what is as by default. */
function keepInUrl(c) {
  const defaults = { asOf: cfg.today, to: cfg.today, from: cfg.seriesFrom, step: 'quarter' };
  const address = new URL(window.location.href);
  URL_FIELDS.forEach((name) => {
    if (c[name] && c[name] !== defaults[name]) address.searchParams.set(name, c[name]);
    else address.searchParams.delete(name);
  });
  ['district', 'commune'].forEach((name) => address.searchParams.delete(name));
  window.history.replaceState(null, '', address.pathname + address.search);
  const langLink = document.getElementById('lang-switch');
  if (langLink) {
    const switched = new URL(langLink.href, window.location.href);
    URL_FIELDS.forEach((name) => {
      if (address.searchParams.has(name)) switched.searchParams.set(name, address.searchParams.get(name));
      else switched.searchParams.delete(name);
    });
    langLink.href = switched.pathname + switched.search;
  }
}

/** The units of the chosen day, and the asked one even when it is of another day (judged on its last day). */
function unitOptions(units) {
  const select = form.elements.unit;
  const options = [select.options[0]];
  const known = new Set();
  units.features.map((f) => f.properties).filter((u) => u.level !== 'PROVINCE')
    .sort((a, b) => named(a).localeCompare(named(b), locale))
    .forEach((u) => {
      known.add(u.code);
      const option = el('option', null, named(u));
      option.value = u.code;
      options.push(option);
    });
  if (wantedUnit && !known.has(wantedUnit)) {
    const option = el('option', null, wantedUnit);
    option.value = wantedUnit;
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = wantedUnit;
}

function url(path, params) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => {
    if (value) query.set(name, value);
  });
  const text = query.toString();
  return text ? path + '?' + text : path;
}

const withFormat = (address, format) => address + (address.includes('?') ? '&' : '?') + 'format=' + format;

// ---- loading --------------------------------------------------------------------------------

// A refusal without a problem detail names the address: the page shows that text after its own.
const getJson = (address) => sendJson('GET', address, undefined,
  { accept: 'application/json, application/geo+json, application/problem+json', named: true });

// Plan targets, reported figures and district outlines do not depend on the controls.
const once = {};
function getOnce(address) {
  if (!once[address]) {
    once[address] = getJson(address).catch((error) => {
      delete once[address];
      throw error;
    });
  }
  return once[address];
}

let generation = 0;

function reload() {
  const current = ++generation;
  delete document.body.dataset.loaded;
  statusBox.classList.remove('error');
  statusBox.textContent = t('stats.loading');
  load(current).catch((error) => {
    if (current !== generation) return;
    console.error(error);
    statusBox.textContent = t('stats.loadFailed') + (error instanceof ApiError ? ': ' + error.message : '.');
    statusBox.classList.add('error');
    document.body.dataset.loaded = 'error';
  });
}

async function load(current) {
  const c = controls();
  keepInUrl(c);
  const scope = { kind: c.kind, unit: c.unit, asOf: c.asOf };
  const addresses = {
    zone: url('/api/stats/fill-rate', Object.assign({ groupBy: 'zone' }, scope)),
    district: url('/api/stats/fill-rate', Object.assign({ groupBy: 'unit' }, scope)),
    kind: url('/api/stats/fill-rate', Object.assign({ groupBy: 'kind' }, scope)),
    series: url('/api/stats/fill-rate/series', { groupBy: 'kind', kind: c.kind, unit: c.unit, from: c.from, to: c.to, step: c.step }),
    plan: '/api/stats/plan-progress',
    reported: '/api/stats/reported',
    zones: url('/api/zones', { kind: c.kind, unit: c.unit, asOf: c.asOf })
  };
  // units of the chosen day: districts before 2025-07-01, communes and wards of the merged province after
  const [zone, district, kind, series, plan, reported, zones, districts] = await Promise.all([
    getJson(addresses.zone), getJson(addresses.district), getJson(addresses.kind), getJson(addresses.series),
    getOnce(addresses.plan), getOnce(addresses.reported), getJson(addresses.zones), getOnce(url('/api/units', { asOf: c.asOf }))
  ]);
  if (current !== generation) return;
  unitOptions(districts);

  const names = {};
  zones.features.forEach((f) => { names[f.properties.unit] = f.properties.unitName; });
  district.rows.forEach((row) => { names[row.key] = named(row); });
  showGrouping(district.rows, series);
  showDemo([zone.total, kind.total].concat(zone.rows));

  showExcluded(zone.total);
  zoneChart(zone.rows);
  districtChart(district.rows);
  seriesChart(series);
  planChart(plan.rows);
  choropleth(zones, districts, district.rows);
  TABLES.zone.show(zone.rows, zone.total, names);
  TABLES.district.show(district.rows, district.total);
  TABLES.kind.show(kind.rows, kind.total);
  TABLES.reported.show(reported.rows);
  TABLES.plan.show(plan.rows);
  Object.keys(TABLES).forEach((name) => downloads(name, addresses[name]));

  statusBox.textContent = '';
  document.body.dataset.loaded = 'true';
}

function showExcluded(total) {
  const box = document.getElementById('excluded');
  box.textContent = total
    ? t('stats.excluded').replace('{0}', count(total.excludedZones)).replace('{1}', count(total.zones))
    : '';
}

function downloads(name, address) {
  const box = document.getElementById('downloads-' + name);
  const caption = document.getElementById('table-' + name + '-caption').textContent;
  box.textContent = t('stats.download') + ' ';
  ['csv', 'xlsx'].forEach((format, i) => {
    if (i > 0) box.appendChild(document.createTextNode(' · '));
    const link = el('a', 'download download-' + format, format.toUpperCase());
    link.href = withFormat(address + (address.includes('?') ? '&' : '?') + 'lang=' + cfg.lang, format);
    link.setAttribute('download', '');
    link.appendChild(el('span', 'visually-hidden', ' – ' + caption));
    box.appendChild(link);
  });
}

// ---- charts ---------------------------------------------------------------------------------

const charts = {};

function draw(id, config) {
  if (charts[id]) charts[id].destroy();
  const canvas = document.getElementById(id);
  canvas.parentElement.classList.toggle('empty', !config.data.labels.length);
  canvas.parentElement.dataset.empty = t('stats.chart.empty');
  charts[id] = new Chart(canvas, config);
}

// Horizontal bars get taller with their number so that every label stays readable.
function fitHeight(boxId, rows, rowHeight) {
  document.getElementById(boxId).style.height = Math.max(220, rows * rowHeight + 90) + 'px';
}

function rateAxis(title) {
  return {
    min: 0,
    suggestedMax: 1,
    title: { display: true, text: title },
    ticks: { callback: (value) => percent(axisFormat, value) }
  };
}

function zoneChart(rows) {
  fitHeight('chart-zone-box', rows.length, 22);
  draw('chart-zone', {
    type: 'bar',
    data: {
      labels: rows.map(shortName),
      datasets: [{
        label: t('stats.col.occupancyRate'),
        data: rows.map((row) => row.occupancyRate),
        backgroundColor: rows.map((row) => KIND_COLOURS[row.kind] || '#555')
      }]
    },
    options: {
      indexAxis: 'y',
      scales: { x: rateAxis(t('stats.axis.rate')), y: { ticks: { autoSkip: false } } },
      plugins: {
        legend: {
          onClick: () => {},
          labels: {
            generateLabels: () => Object.entries(KIND_COLOURS).map(([kind, colour]) => ({
              text: t('kind.' + kind) + ' (' + kind + ')', fillStyle: colour, strokeStyle: colour, lineWidth: 0
            }))
          }
        },
        tooltip: {
          callbacks: {
            title: (items) => named(rows[items[0].dataIndex]),
            label: (item) => {
              const row = rows[item.dataIndex];
              return rate(row.occupancyRate) + ' (' + ha(row.leasedHa) + ' / ' + ha(row.leaseLandHa) + ' ' + t('unit.ha') + ')';
            }
          }
        }
      }
    }
  });
}

function districtChart(allRows) {
  const rows = allRows.filter((row) => row.occupancyRate != null);
  draw('chart-district', {
    type: 'bar',
    data: {
      labels: rows.map(named),
      datasets: [{ label: t('stats.col.occupancyRate'), data: rows.map((row) => row.occupancyRate), backgroundColor: '#2c7fb8' }]
    },
    options: {
      scales: { y: rateAxis(t('stats.axis.rate')) },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => named(rows[items[0].dataIndex]),
            label: (item) => {
              const row = rows[item.dataIndex];
              return rate(row.occupancyRate) + ' (' + ha(row.leasedHa) + ' / ' + ha(row.leaseLandHa) + ' ' + t('unit.ha') +
                '; ' + count(row.zones) + ' ' + t('stats.unit.zones') + ')';
            }
          }
        }
      }
    }
  });
}

// Points are period ends, except the last one ('to'), which may fall inside a period.
function periodLabel(iso, step) {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const monthEnd = new Date(Date.UTC(year, month, 0)).getUTCDate() === Number(iso.slice(8, 10));
  const periodEnd = monthEnd && (step === 'month' || (step === 'quarter' && month % 3 === 0) || month === 12);
  if (!periodEnd) return date(iso);
  if (step === 'year') return String(year);
  if (step === 'quarter') return t('stats.quarter').replace('{0}', Math.floor((month - 1) / 3) + 1).replace('{1}', year);
  return monthFormat.format(new Date(iso + 'T00:00:00Z'));
}

function seriesChart(series) {
  const dates = series.dates || [];
  draw('chart-series', {
    type: 'line',
    data: {
      labels: dates.map((d) => periodLabel(d, series.step)),
      datasets: series.series.map((s, i) => {
        const byDate = {};
        s.points.forEach((p) => { byDate[p.date] = p.occupancyRate; });
        const colour = KIND_COLOURS[s.key] || SERIES_COLOURS[i % SERIES_COLOURS.length];
        return {
          label: s.key in KIND_COLOURS ? t('kind.' + s.key) + ' (' + s.key + ')' : named(s),
          data: dates.map((d) => (d in byDate ? byDate[d] : null)),
          borderColor: colour,
          backgroundColor: colour,
          pointRadius: dates.length > 40 ? 0 : 2,
          tension: 0.2
        };
      })
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: { y: rateAxis(t('stats.axis.rate')) },
      plugins: {
        tooltip: { callbacks: { label: (item) => item.dataset.label + ': ' + rate(item.raw) } }
      }
    }
  });
}

// Two-line labels keep the axis narrow enough for a phone.
function planLabel(row) {
  return [row.kind + ' ' + row.targetYear, t('stats.planMetric.' + row.metric)];
}

function targetCount(row) {
  return (row.comparison === 'AT_LEAST' ? '≥ ' : '') + count(row.targetCount);
}

// Count targets as bars in % of the target: the registry's count beside the target (100 %).
function planChart(allRows) {
  const rows = allRows.filter((row) => row.targetCount != null);
  const progress = (row) => (row.countProgress != null ? row.countProgress
    : row.targetCount ? row.registryCount / row.targetCount : null);
  fitHeight('chart-plan-box', rows.length, 38);
  draw('chart-plan', {
    type: 'bar',
    data: {
      labels: rows.map(planLabel),
      datasets: [
        { label: t('stats.plan.registry'), data: rows.map(progress), backgroundColor: '#2e7d32' },
        { label: t('stats.plan.target'), data: rows.map(() => 1), backgroundColor: '#c8d3de' }
      ]
    },
    options: {
      indexAxis: 'y',
      scales: { x: rateAxis(t('stats.axis.target')), y: { ticks: { autoSkip: false } } },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const row = rows[item.dataIndex];
              return item.datasetIndex === 0
                ? t('stats.plan.registry') + ': ' + count(row.registryCount) + ' ' + t('stats.unit.zones') + ' (' + rate(item.raw) + ')'
                : t('stats.plan.target') + ' ' + row.targetYear + ': ' + targetCount(row) + ' ' + t('stats.unit.zones');
            }
          }
        }
      }
    }
  });
}

// ---- choropleth -----------------------------------------------------------------------------

const map = L.map('choropleth', { scrollWheelZoom: false }).setView([21.33, 106.4], 9);
baseMap(map, { corner: 'topright' });
let districtLayer = null;
let zoneLayer = null;
let dotLayer = null;
let fitted = null;
// Below this zoom a zone of a few dozen hectares is a speck: each zone also gets a dot of fixed size.
const DOT_MAX_ZOOM = 12;

function rateClass(value) {
  if (value == null) return -1;
  let i = 0;
  while (i < CLASS_BREAKS.length && value >= CLASS_BREAKS[i]) i++;
  return i;
}

// Units are shaded by their own fill rate (area-weighted over their zones), lightly, under the zones.
function choropleth(zones, districts, unitRows) {
  const unitRates = {};
  (unitRows || []).forEach((row) => { unitRates[row.key] = row.occupancyRate; });
  if (districtLayer) districtLayer.remove();
  districtLayer = L.geoJSON(districts, {
    filter: (feature) => feature.properties.level !== 'PROVINCE',
    style: (feature) => {
      const c = rateClass(unitRates[feature.properties.code]);
      return {
        color: '#555', weight: 1, dashArray: '4 3', fill: c >= 0, fillOpacity: 0.35,
        fillColor: c < 0 ? NO_LAND_COLOUR : CLASS_COLOURS[c],
        className: 'district' + (c >= 0 ? ' unit-shade unit-class-' + c : '')
      };
    },
    onEachFeature: (feature, layer) => {
      if (feature.properties.code in unitRates) layer.bindTooltip(() => unitTooltip(feature.properties, unitRates), { sticky: true });
    }
  }).addTo(map);
  if (dotLayer) dotLayer.remove();
  dotLayer = L.layerGroup(zones.features.filter((f) => f.geometry).map((feature) => {
    const c = rateClass(feature.properties.occupancyRate);
    const centre = L.geoJSON(feature).getBounds().getCenter();
    return L.circleMarker(centre, {
      radius: 6, color: '#222', weight: 1.5, fillOpacity: 0.95,
      fillColor: c < 0 ? NO_LAND_COLOUR : CLASS_COLOURS[c],
      className: 'zone-dot zone-dot-' + feature.properties.kind + ' zone-class-' + (c < 0 ? 'none' : c)
    }).bindTooltip(() => zoneTooltip(feature.properties), { sticky: true });
  }));
  if (zoneLayer) zoneLayer.remove();
  zoneLayer = L.geoJSON(zones, {
    style: (feature) => {
      const c = rateClass(feature.properties.occupancyRate);
      return {
        color: '#222', weight: 1.5, fillOpacity: 0.9,
        fillColor: c < 0 ? NO_LAND_COLOUR : CLASS_COLOURS[c],
        className: 'zone zone-' + feature.properties.kind + ' zone-class-' + (c < 0 ? 'none' : c)
      };
    },
    onEachFeature: (feature, layer) => layer.bindTooltip(() => zoneTooltip(feature.properties), { sticky: true })
  }).addTo(map);
  if (dotLayer) dotLayer.remove(); // on top of the zones again
  showDots();
  // the province first; a unit's zones when one is chosen
  if (fitted !== wantedUnit) {
    const bounds = zoneLayer.getLayers().length ? zoneLayer.getBounds() : districtLayer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10], maxZoom: 13 });
    fitted = wantedUnit;
  }
}

function showDots() {
  if (!dotLayer) return;
  const wanted = map.getZoom() < DOT_MAX_ZOOM;
  if (wanted && !map.hasLayer(dotLayer)) dotLayer.addTo(map);
  if (!wanted && map.hasLayer(dotLayer)) dotLayer.remove();
}
map.on('zoomend', showDots);

function unitTooltip(p, rates) {
  const root = el('div', 'zone-tip');
  root.appendChild(el('strong', null, named(p)));
  root.appendChild(el('div', null, t('stats.col.occupancyRate') + ': ' + (rates[p.code] == null ? t('stats.legend.none') : rate(rates[p.code]))));
  return root;
}

function zoneTooltip(p) {
  const root = el('div', 'zone-tip');
  root.appendChild(el('strong', null, named(p) + ' (' + p.code + ')'));
  if (p.occupancyRate == null) {
    root.appendChild(el('div', null, t('stats.legend.none')));
  }
  else {
    root.appendChild(el('div', null, t('stats.col.occupancyRate') + ': ' + rate(p.occupancyRate)));
    root.appendChild(el('div', null, t('stats.col.leasedHa') + ': ' + ha(p.leasedHa) + ' / ' + ha(p.leaseLandHa)));
  }
  return root;
}

function legend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const root = el('div', 'legend');
    root.id = 'rate-legend';
    root.appendChild(el('h3', null, t('stats.col.occupancyRate')));
    const list = el('ul');
    const bounds = [0].concat(CLASS_BREAKS, [1]);
    const pct = (v) => countFormat.format(v * 100);
    CLASS_COLOURS.forEach((colour, i) => {
      list.appendChild(legendItem(colour, pct(bounds[i]) + '–' + pct(bounds[i + 1]) + (vi ? '\u00a0%' : '%')));
    });
    list.appendChild(legendItem(NO_LAND_COLOUR, t('stats.legend.none')));
    root.appendChild(list);
    return root;
  };
  control.addTo(map);
}

function legendItem(colour, label) {
  const li = el('li');
  const swatch = el('span', 'swatch');
  swatch.style.background = colour;
  li.appendChild(swatch);
  li.appendChild(el('span', null, label));
  return li;
}

// ---- tables ---------------------------------------------------------------------------------

const num = (key, value, text) => ({ key, numeric: true, value, text });
const txt = (key, value, text) => ({ key, numeric: false, value, text: text || value });
const prose = (key, value) => ({ key, numeric: false, prose: true, value, text: value });
const kindLabel = (row) => row.kind;

function figureColumns() {
  return [
    num('leaseLandHa', (row) => row.leaseLandHa, (row) => ha(row.leaseLandHa)),
    num('leasedHa', (row) => row.leasedHa, (row) => ha(row.leasedHa)),
    num('occupancyRate', (row) => row.occupancyRate, (row) => rate(row.occupancyRate)),
    txt('demo', (row) => (row.demo ? t('demo.figure') : ''))
  ];
}

/** Which units the unit table groups by on the chosen day, and where the series' grouping changes. */
function showGrouping(rows, series) {
  const levels = new Set(rows.map((row) => row.level).filter(Boolean));
  const note = document.getElementById('grouping-note');
  const text = [levels.has('COMMUNE') && !levels.has('DISTRICT') ? t('stats.grouping.communes')
    : levels.has('DISTRICT') && !levels.has('COMMUNE') ? t('stats.grouping.districts') : t('stats.grouping.mixed')];
  (series.groupingChanges || []).forEach((change) => text.push(t('stats.grouping.change').replace('{0}', date(change.day))));
  note.textContent = text.join(' ');
}

/** Figures computed on demo plots and leases say so, beside the tables. */
function showDemo(rows) {
  document.getElementById('demo-note').hidden = !rows.some((row) => row && row.demo);
}

function reportedValue(row, value) {
  if (value == null) return '';
  if (row.unit === 'RATE') return rate(value);
  if (row.unit === 'HA') return valueFormat.format(value) + ' ' + t('unit.ha');
  if (row.unit === 'BN_VND') return valueFormat.format(value) + ' ' + t('stats.unit.bnVnd');
  return valueFormat.format(value);
}

function reportedDifference(row) {
  if (row.difference == null) return '';
  if (row.unit === 'RATE') return pointsFormat.format(row.difference * 100) + ' ' + t('stats.unit.pp');
  const unit = row.unit === 'HA' ? ' ' + t('unit.ha') : row.unit === 'BN_VND' ? ' ' + t('stats.unit.bnVnd') : '';
  return signedFormat.format(row.difference) + unit;
}

let districtNames = {};

const TABLES = {
  zone: new Table('table-zone', [
    txt('code', (row) => row.key),
    txt('name', (row) => named(row)),
    txt('kind', kindLabel),
    txt('district', (row) => districtNames[row.unit] || row.unit)
  ].concat(figureColumns())),
  district: new Table('table-district', [
    txt('district', (row) => named(row)),
    num('zones', (row) => row.zones, (row) => count(row.zones)),
    num('excludedZones', (row) => row.excludedZones, (row) => count(row.excludedZones))
  ].concat(figureColumns())),
  kind: new Table('table-kind', [
    txt('kind', (row) => row.key, (row) => t('kind.' + row.key) + ' (' + row.key + ')'),
    num('zones', (row) => row.zones, (row) => count(row.zones)),
    num('excludedZones', (row) => row.excludedZones, (row) => count(row.excludedZones))
  ].concat(figureColumns())),
  reported: new Table('table-reported', [
    txt('kind', kindLabel),
    txt('metric', (row) => t('stats.metric.' + row.metric)),
    txt('asOf', (row) => row.asOf, (row) => date(row.asOf)),
    num('reported', (row) => row.reported, (row) => reportedValue(row, row.reported)),
    num('computed', (row) => row.computed, (row) => (row.computed == null ? t('stats.notTracked') : reportedValue(row, row.computed))),
    num('difference', (row) => row.difference, reportedDifference),
    prose('description', (row) => row.description),
    txt('source', (row) => row.source)
  ]),
  plan: new Table('table-plan', [
    txt('kind', kindLabel),
    num('targetYear', (row) => row.targetYear, (row) => String(row.targetYear)),
    txt('metric', (row) => t('stats.planMetric.' + row.metric)),
    num('targetCount', (row) => row.targetCount, (row) => (row.targetCount == null ? '' : targetCount(row))),
    num('registryCount', (row) => row.registryCount, (row) => count(row.registryCount)),
    num('countProgress', (row) => row.countProgress, (row) => rate(row.countProgress)),
    num('targetAreaHa', (row) => row.targetAreaHa, (row) => ha(row.targetAreaHa)),
    num('registryLegalAreaHa', (row) => row.registryLegalAreaHa, (row) => ha(row.registryLegalAreaHa)),
    num('zonesWithoutLegalArea', (row) => row.zonesWithoutLegalArea, (row) => count(row.zonesWithoutLegalArea)),
    num('registryMapAreaHa', (row) => row.registryMapAreaHa, (row) => ha(row.registryMapAreaHa)),
    num('areaProgress', (row) => row.areaProgress, (row) => rate(row.areaProgress)),
    prose('description', (row) => row.description),
    txt('source', (row) => row.source)
  ])
};

// A table whose headers are buttons: a click sorts by that column, a second click reverses.
function Table(id, columns) {
  this.table = document.getElementById(id);
  this.columns = columns;
  this.rows = [];
  this.total = null;
  this.sortColumn = -1;
  this.descending = false;
}

Table.prototype.show = function (rows, total, names) {
  if (names) districtNames = names;
  this.rows = rows || [];
  this.total = total || null;
  this.render();
};

Table.prototype.sortBy = function (index) {
  this.descending = this.sortColumn === index ? !this.descending : false;
  this.sortColumn = index;
  this.render();
  this.table.querySelectorAll('thead button')[index].focus();
};

Table.prototype.sorted = function () {
  if (this.sortColumn < 0) return this.rows;
  const column = this.columns[this.sortColumn];
  const direction = this.descending ? -1 : 1;
  return this.rows.slice().sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x == null || y == null) return (x == null) - (y == null); // empty cells last either way
    const order = column.numeric ? Number(x) - Number(y) : String(x).localeCompare(String(y), locale, { numeric: true });
    return direction * order;
  });
};

Table.prototype.render = function () {
  this.table.querySelectorAll('thead, tbody, tfoot').forEach((part) => part.remove());
  const head = el('thead');
  const headRow = el('tr');
  this.columns.forEach((column, i) => {
    const th = el('th');
    th.scope = 'col';
    if (column.numeric) th.className = 'num';
    const button = el('button', 'sort', t('stats.col.' + column.key));
    button.type = 'button';
    button.dataset.column = column.key;
    const arrow = el('span', 'arrow', i === this.sortColumn ? (this.descending ? '▼' : '▲') : '↕');
    arrow.setAttribute('aria-hidden', 'true');
    button.appendChild(arrow);
    button.addEventListener('click', () => this.sortBy(i));
    if (i === this.sortColumn) th.setAttribute('aria-sort', this.descending ? 'descending' : 'ascending');
    th.appendChild(button);
    headRow.appendChild(th);
  });
  head.appendChild(headRow);
  this.table.appendChild(head);

  const body = el('tbody');
  this.sorted().forEach((row) => body.appendChild(this.row(row, false)));
  this.table.appendChild(body);
  if (this.total) {
    const foot = el('tfoot');
    foot.appendChild(this.row(this.total, true));
    this.table.appendChild(foot);
  }
};

Table.prototype.row = function (row, total) {
  const tr = el('tr');
  if (row.key) tr.dataset.key = row.key;
  this.columns.forEach((column, i) => {
    let text = total ? '' : column.text(row);
    if (total && column.numeric) text = column.text(row);
    if (total && i === 0) text = t('stats.total');
    const cell = el(i === 0 ? 'th' : 'td', column.numeric ? 'num' : column.prose ? 'prose' : null,
      text == null ? '' : String(text));
    if (i === 0) cell.scope = 'row';
    tr.appendChild(cell);
  });
  return tr;
};

// ---- start ----------------------------------------------------------------------------------

initControls();
legend();
reload();
