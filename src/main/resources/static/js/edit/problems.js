/* The server's reasons, beside the shape: a refusal in the panel and on the map (overlaps, the part
   outside the province, a suggested valid shape to take with a click), warnings, and the page's own
   checks in the same box. */
import { t, fill, el } from '../common.js';
import { $, ha, m2, reveal, finish, PROBLEM_COLOUR } from './page.js';
import { state } from './state.js';
import { map, problemLayer, currentBounds, renderWork } from './layers.js';
import { updateDirty, updateTools } from './panel.js';

const SUGGESTION_COLOUR = '#00897b';

export function showProblem(problem, parameter, signIn) {
  const box = $('problem');
  box.replaceChildren(el('strong', null, t(problem.local ? 'edit.check' : 'edit.refused')));
  box.appendChild(el('p', 'detail', problem.detail || t('edit.err.network')));
  if (signIn) {
    const link = el('a', null, t('auth.signIn'));
    link.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
    box.appendChild(el('p')).appendChild(link);
  }
  box.hidden = false;
  box.dataset.rule = problem.rule || '';
  reveal(box);
  const c = state.current;
  if (parameter && c) {
    const input = $((c.type === 'zone' ? 'z-' : 'p-') + parameter);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}

export function showShapeProblem(problem) {
  showProblem(problem, problem.parameter);
  problemLayer.clearLayers();
  const bounds = currentBounds();
  if (bounds) {
    L.tooltip({ permanent: true, direction: 'bottom', className: 'problem-tip', pane: 'tooltipPane' })
      .setLatLng(L.latLng(bounds.getSouth(), bounds.getCenter().lng))
      .setContent(el('span', null, problem.detail))
      .addTo(problemLayer);
  }
  const box = $('problem');
  if (problem.rule === 'zone_overlap' && Array.isArray(problem.overlaps)) {
    const list = el('ul', 'overlaps');
    problem.overlaps.forEach((overlap) => {
      const label = fill('edit.overlap', overlap.zone, ha(overlap.areaM2 / 10000), m2(overlap.areaM2));
      list.appendChild(el('li', null, label));
      L.geoJSON(overlap.geometry, {
        pane: 'problemsPane', interactive: false,
        style: () => ({ color: PROBLEM_COLOUR, weight: 2, fillColor: PROBLEM_COLOUR, fillOpacity: 0.55, className: 'overlap' })
      }).bindTooltip(label, { permanent: true, direction: 'center', className: 'overlap-label' }).addTo(problemLayer);
    });
    box.appendChild(list);
  }
  if (problem.rule === 'geometry_valid' && problem.suggestion) {
    L.geoJSON(problem.suggestion, {
      pane: 'problemsPane', interactive: false,
      style: () => ({ color: SUGGESTION_COLOUR, weight: 3, dashArray: '2 6', fillColor: SUGGESTION_COLOUR, fillOpacity: 0.3, className: 'suggestion' })
    }).addTo(problemLayer);
    box.appendChild(el('p', 'hint', t('edit.suggestion.hint')));
    const use = el('button', 'primary', t('edit.suggestion.use'));
    use.type = 'button';
    use.id = 'use-suggestion';
    use.addEventListener('click', () => useSuggestion(problem.suggestion));
    box.appendChild(use);
  }
  if (problem.rule === 'zone_inside_province' && problem.outsideHa != null) {
    box.appendChild(el('p', null, fill('edit.outside', ha(problem.outsideHa))));
  }
  if (problemLayer.getLayers().length > 1) {
    const all = problemLayer.getLayers().filter((l) => l.getBounds).map((l) => l.getBounds());
    const wanted = all.reduce((b, next) => b.extend(next), L.latLngBounds(bounds || all[0]));
    if (!map.getBounds().contains(wanted)) map.fitBounds(wanted, { padding: [30, 30], maxZoom: 17 });
  }
}

function useSuggestion(suggestion) {
  const c = state.current;
  c.geometry = suggestion;
  c.geometryChanged = true;
  clearMessages();
  renderWork();
  updateDirty();
  updateTools();
  $('done').textContent = t('edit.suggestion.used');
  finish('suggestion-used');
}

export function showWarnings(warnings) {
  const box = $('warnings');
  box.replaceChildren();
  if (!warnings.length) {
    box.hidden = true;
    return;
  }
  box.appendChild(el('strong', null, t('edit.warnings')));
  const list = el('ul');
  warnings.forEach((w) => list.appendChild(el('li', null, w)));
  box.appendChild(list);
  box.hidden = false;
}

export function clearMessages() {
  ['problem', 'warnings', 'conflict'].forEach((id) => { $(id).hidden = true; $(id).replaceChildren(); });
  $('done').textContent = '';
  problemLayer.clearLayers();
}

/** Says what was done when the panel has no item left to show (after a delete). */
export function flash(text) {
  const box = $('nothing');
  box.hidden = false;
  box.replaceChildren(el('p', 'done', text), el('p', null, t('edit.nothing')));
}
