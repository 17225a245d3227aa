/* The map's key: what the colours and lines of the editing map mean. */
import { config as cfg, t, fill, el, mapKeyControl, KIND_COLOURS, PLOT_COLOURS as PLOT_STATUS_COLOURS } from '../common.js';
import { dayFormat, PLOT_COLOUR, UNIT_COLOUR } from './page.js';

/** What the colours and lines of the map mean: zone kinds, plot statuses, unit outlines, drafts, approximate boundaries. */
export function mapKey() {
  return mapKeyControl({ position: 'topright', className: 'map-key', id: 'map-key' }, (root) => {
    const list = (heading, rows) => {
      root.appendChild(el('h3', null, heading));
      const ul = el('ul');
      rows.forEach(([swatch, label, key]) => {
        const li = el('li');
        li.dataset.key = key;
        li.append(swatch, el('span', null, label));
        ul.appendChild(li);
      });
      root.appendChild(ul);
    };
    const swatch = (border, fillColour, dash) => {
      const node = el('span', 'swatch');
      node.style.borderColor = border;
      node.style.borderStyle = dash || 'solid';
      if (fillColour) node.style.background = fillColour;
      return node;
    };
    list(t('legend.kind'), Object.entries(KIND_COLOURS).map(([kind, colour]) =>
      [swatch(colour, null), t('kind.' + kind) + ' (' + kind + ')', 'kind-' + kind]));
    list(t('legend.plots'), Object.entries(PLOT_STATUS_COLOURS).map(([status, colour]) =>
      [swatch(PLOT_COLOUR, colour), t('plotStatus.' + status), 'plot-' + status]));
    list(t('edit.key.lines'), [
      [swatch(UNIT_COLOUR, null), fill('edit.key.units', cfg.today ? dayFormat.format(new Date(cfg.today + 'T00:00:00Z')) : ''), 'units'],
      [swatch('#333', null, 'dotted'), t('legend.approximate'), 'approximate'],
      [swatch('#333', null, 'dashed'), t('edit.key.draft'), 'draft']
    ]);
  });
}
