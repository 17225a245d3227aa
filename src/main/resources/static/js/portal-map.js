/*
 * Investor portal: what every portal map has. The base map (the deployment's own, or a tile
 * server) with the registry pages' notice when it cannot be loaded, and, drawn from this server
 * so that a map without internet is still readable, the outlines of the province, of its communes
 * and wards of today and of the zones; on a zone's page, its plots. portal.js and portal-plot.js
 * import it as PortalMap and call PortalMap.baseMap(map) and PortalMap.outlines(map, options).
 */
import { t, KIND_COLOURS, getJson, baseMap as registryBaseMap } from './common.js';

const PLOT_FILL = { AVAILABLE_CLEAN: '#1e8e3e', AVAILABLE_NOT_CLEARED: '#e69500' };

/** The base map of common.js, its notice in the portal's words and style. */
export function baseMap(map) {
  return registryBaseMap(map, { notice: 'map-notice', message: 'portal.map.tilesFailed' });
}

async function geoJson(url) {
  try {
    return await getJson(url);
  } catch (error) {
    return null; // the outlines are context: the page works without them
  }
}

/** A pane under the page's own shapes, which takes no clicks. */
function pane(map) {
  if (!map.getPane('outlines')) {
    const created = map.createPane('outlines');
    created.style.zIndex = 350;
    created.style.pointerEvents = 'none';
  }
  return 'outlines';
}

function layer(map, data, style) {
  if (!data) return null;
  return L.geoJSON(data, { pane: pane(map), interactive: false, style }).addTo(map);
}

/**
 * Draws the outlines; options.skipZone: the zone the page draws itself; options.plotsOf: a zone
 * code whose plots are drawn. Resolves when all are drawn; map.getContainer() gets
 * data-outlines="true" then (for tests).
 */
export async function outlines(map, options) {
  const settings = options || {};
  const [province, units, zones, plots] = await Promise.all([
    geoJson('/api/units?level=province'), geoJson('/api/units'), geoJson('/api/zones'),
    settings.plotsOf ? geoJson('/api/plots?zone=' + encodeURIComponent(settings.plotsOf)) : null]);
  layer(map, units, () => ({ color: '#5b6b78', weight: 1, dashArray: '4 3', fill: false, className: 'outline-unit' }));
  layer(map, province, () => ({ color: '#263238', weight: 2.5, fill: false, className: 'outline-province' }));
  if (zones) {
    zones.features = zones.features.filter((f) => f.properties.code !== settings.skipZone);
    layer(map, zones, (f) => ({
      color: KIND_COLOURS[f.properties.kind] || '#333', weight: 1.5, fillOpacity: 0.06,
      dashArray: f.properties.boundaryAccuracy === 'APPROXIMATE' ? '6 4' : null, className: 'outline-zone'
    }));
  }
  if (plots) {
    L.geoJSON(plots, {
      style: (f) => ({
        color: '#37474f', weight: 1, fillColor: PLOT_FILL[f.properties.status] || '#90a4ae', fillOpacity: 0.45,
        className: 'zone-plot zone-plot-' + f.properties.status
      }),
      onEachFeature: (f, shape) => shape.bindTooltip(t('portal.plot.code').replace('{0}', f.properties.code)
        + ' · ' + (t('plotStatus.' + f.properties.status)))
    }).addTo(map);
  }
  map.getContainer().dataset.outlines = 'true';
}

