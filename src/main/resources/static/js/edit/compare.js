/* Shapes compared on the map: a published record and its draft, or a shape before and after a change
   of its history, drawn over the zones and plots with a legend of their own. */
import { t, el } from '../common.js';
import { $ } from './page.js';
import { map, compareLayer } from './layers.js';

const COMPARE = {
  published: { color: '#1565c0', weight: 3, fillColor: '#1565c0', fillOpacity: 0.08, dashArray: null, className: 'compare-published' },
  draft: { color: '#ff6f00', weight: 3, fillColor: '#ff6f00', fillOpacity: 0.2, dashArray: '8 5', className: 'compare-draft' },
  old: { color: '#c62828', weight: 3, fillColor: '#c62828', fillOpacity: 0.06, dashArray: '8 6', className: 'history-old' },
  new: { color: '#2e7d32', weight: 3, fillColor: '#2e7d32', fillOpacity: 0.18, dashArray: null, className: 'history-new' }
};

/** The legend of the compared shapes, shown only while some are drawn. */
function compareLegend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const box = el('div', 'compare-legend');
    box.id = 'compare-legend';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', t('edit.legend'));
    box.hidden = true;
    return box;
  };
  control.show = (keys) => {
    const box = control.getContainer();
    box.replaceChildren();
    keys.forEach((key) => {
      const style = COMPARE[key];
      const swatch = el('span', 'swatch');
      swatch.style.borderColor = style.color;
      swatch.style.borderStyle = style.dashArray ? 'dashed' : 'solid';
      const row = el('div', 'legend-row legend-' + key);
      row.append(swatch, el('span', null, t('edit.legend.' + key)));
      box.appendChild(row);
    });
    box.hidden = keys.length === 0;
  };
  return control;
}

const legend = compareLegend().addTo(map);

/** Draws shapes to compare, each [kind, GeoJSON geometry or null], over the map with their legend. */
export function compare(shapes) {
  clearCompare();
  const drawn = shapes.filter(([, geometry]) => geometry);
  drawn.forEach(([key, geometry]) => L.geoJSON(geometry, { pane: 'comparePane', interactive: false, style: () => COMPARE[key] })
    .addTo(compareLayer));
  legend.show(drawn.map(([key]) => key));
  document.body.dataset.compare = drawn.map(([key]) => key).join(' ');
  const bounds = compareLayer.getBounds();
  if (bounds.isValid() && !map.getBounds().contains(bounds)) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17, animate: false });
}

export function clearCompare() {
  compareLayer.clearLayers();
  legend.show([]);
  delete document.body.dataset.compare;
  $('draft-show').setAttribute('aria-pressed', 'false');
  document.querySelectorAll('#history-list .history-show[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  document.querySelectorAll('#history-list .history-entry.shown').forEach((li) => li.classList.remove('shown'));
}
