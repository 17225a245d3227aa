/*
 * Investor portal, zone and plot pages: the shape on a small map, and the request-information
 * form sent to /api/portal/enquiries. The page is complete without this script; errors are
 * shown next to the field the server names (problem detail "parameter"), as text only.
 */
import { config as cfg, t, sendJson } from './common.js';
import * as PortalMap from './portal-map.js';
import * as PortalProblems from './portal-problems.js';


// --- The shape ------------------------------------------------------------------------------

const box = document.getElementById('shape-map');
if (box && box.dataset.geometry) {
  const map = L.map(box, { scrollWheelZoom: false });
  PortalMap.baseMap(map);
  // a zone's page draws its plots; a plot's page the zone around it, among the other outlines
  const zonePage = document.body.classList.contains('profile-page');
  PortalMap.outlines(map, zonePage ? { skipZone: box.dataset.zone, plotsOf: box.dataset.zone } : {});
  const approximate = box.dataset.approximate === 'true';
  const shape = L.geoJSON(JSON.parse(box.dataset.geometry), {
    interactive: false,
    style: { color: '#0b3d91', weight: 3, fillColor: '#1e8e3e', fillOpacity: 0.35, dashArray: approximate ? '6 4' : null,
      className: 'shape' + (approximate ? ' shape-approximate' : '') }
  }).addTo(map);
  map.fitBounds(shape.getBounds(), { padding: [20, 20], maxZoom: 17 });
  document.body.dataset.map = 'true';
}

// --- The enquiry form -------------------------------------------------------------------------

const form = document.getElementById('enquiry');
const done = document.getElementById('enquiry-done');
const problemBox = document.getElementById('enquiry-problem');
const send = document.getElementById('enquiry-send');
const FIELD_IDS = {
  name: 'q-name', organisation: 'q-organisation', email: 'q-email', phone: 'q-phone', country: 'q-country',
  areaNeededHa: 'q-area', message: 'q-message'
};

function clearErrors() {
  problemBox.hidden = true;
  problemBox.textContent = '';
  Object.values(FIELD_IDS).forEach((id) => {
    const error = document.getElementById(id + '-error');
    error.hidden = true;
    error.textContent = '';
    document.getElementById(id).removeAttribute('aria-invalid');
  });
}

function fieldError(name, text) {
  const id = FIELD_IDS[name];
  if (!id) return false;
  const error = document.getElementById(id + '-error');
  error.textContent = text;
  error.hidden = false;
  const control = document.getElementById(id);
  control.setAttribute('aria-invalid', 'true');
  return control;
}

/** The checks a browser can make before asking the server, with the page's own words. */
function checkLocally() {
  let first = null;
  ['name', 'email', 'message'].forEach((name) => {
    const control = form.elements[name];
    if (!control.value.trim()) first = first || fieldError(name, t('portal.enquiry.error.required'));
    else if (control.validity.typeMismatch) first = first || fieldError(name, t('portal.enquiry.error.email'));
  });
  if (first) first.focus();
  return !first;
}

function body() {
  const value = (name) => {
    const text = form.elements[name].value.trim();
    return text === '' ? null : text;
  };
  const area = value('areaNeededHa');
  return {
    zone: form.dataset.zone || null,
    plotId: form.dataset.plot ? Number(form.dataset.plot) : null,
    name: value('name'), organisation: value('organisation'), email: value('email'), phone: value('phone'),
    country: value('country'), areaNeededHa: area == null ? null : Number(area), message: value('message'),
    language: cfg.lang, website: form.elements.website.value
  };
}

// not every page with a shape has the enquiry form
if (form) form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  if (!checkLocally()) return;
  send.disabled = true;
  send.textContent = t('portal.enquiry.sending');
  let problem = null;
  try {
    await sendJson('POST', form.action, body(), { accept: 'application/json, application/problem+json' });
  } catch (error) {
    problem = PortalProblems.of(error);
  } finally {
    send.disabled = false;
    send.textContent = t('portal.enquiry.send');
  }
  if (!problem) {
    form.reset();
    form.hidden = true;
    done.hidden = false;
    done.focus();
    document.body.dataset.enquiry = 'sent';
    return;
  }
  const words = PortalProblems.text(problem);
  const control = fieldError(problem.parameter, words);
  problemBox.textContent = t('portal.enquiry.error.general') + ': ' + words;
  problemBox.hidden = false;
  if (control) control.focus(); else problemBox.focus();
  document.body.dataset.enquiry = 'refused';
});
