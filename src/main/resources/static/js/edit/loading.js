/* The page's data: zones, plots (drafts included), districts and the day's unit outlines, from the
   write API, onto the map and into the form's lists. */
import { config as cfg, t, sendJson, allPages, mapNotice } from '../common.js';
import { $, vi, option } from './page.js';
import { state } from './state.js';
import { map, unitLayer, zoneLayer, plotLayer, fillZonePicker } from './layers.js';

export async function load() {
  const [zones, plots, districts, units] = await Promise.all([sendJson('GET', '/api/zones'), allPlots(),
    sendJson('GET', '/api/districts'), unitsOfToday()]);
  if (units) unitLayer.addData(units);
  zones.features.forEach((f) => state.features.zone.set(f.properties.id, f));
  plots.features.forEach((f) => state.features.plot.set(f.properties.id, f));
  zoneLayer.addData(zones);
  plotLayer.addData(plots);
  state.districts = districts.features.map((f) => f.properties);
  const select = $('z-district');
  state.districts.forEach((d) => select.appendChild(option(d.code, (vi || !d.nameEn ? d.name : d.nameEn) + ' (' + d.code + ')')));
  fillZonePicker();
  const bounds = zoneLayer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10], animate: false });
}

/** The outlines are a help, not the work: the page works without them. */
async function unitsOfToday() {
  try {
    return await sendJson('GET', '/api/units?level=local' + (cfg.today ? '&asOf=' + cfg.today : ''));
  } catch (error) {
    console.warn(error);
    mapNotice(map, t('edit.key.unitsFailed'));
    return null;
  }
}

/** Every plot the editor may see (drafts included: the write API's GET). */
export function allPlots() {
  return allPages('/api/plots', (address) => sendJson('GET', address));
}
