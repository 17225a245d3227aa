/*
 * The authority's enquiry inbox: the list is rendered (and escaped) by the server; this script
 * filters by status as soon as one is chosen, and marks an enquiry answered, closed or new again
 * with a note (PATCH /api/enquiries/{id} with the version read; 409 when someone else was first).
 */
import { t, el, ApiError, sendJson } from './common.js';

const filter = document.getElementById('status-filter');
filter.addEventListener('change', () => filter.form.submit());

async function update(item, status, button) {
  const message = item.querySelector('.item-message');
  const note = item.querySelector('textarea[name="answerNote"]').value.trim();
  message.textContent = '';
  message.className = 'item-message';
  button.disabled = true;
  let refusal = null;
  try {
    await sendJson('PATCH', '/api/enquiries/' + item.dataset.id,
      { version: Number(item.dataset.version), status: status, answerNote: note === '' ? null : note },
      { accept: 'application/problem+json' });
  } catch (error) {
    refusal = error instanceof ApiError ? error : { status: '', problem: { detail: String(error.message || error) } };
  } finally {
    button.disabled = false;
  }
  if (!refusal) {
    item.dataset.version = String(Number(item.dataset.version) + 1);
    item.dataset.status = status;
    const badge = item.querySelector('[data-role="status"]');
    badge.textContent = t('portal.inbox.status.' + status);
    badge.className = 'badge status-' + status;
    message.textContent = t('portal.inbox.saved');
    message.classList.add('ok');
    return;
  }
  message.classList.add('error');
  if (refusal.status === 409) {
    message.textContent = t('portal.inbox.conflict') + ' ';
    const reload = el('button', 'button secondary', t('portal.inbox.reload'));
    reload.type = 'button';
    reload.addEventListener('click', () => location.reload());
    message.append(reload);
  } else {
    const problem = refusal.problem;
    message.textContent = t('portal.inbox.error') + ': ' + (problem.detail || problem.title || refusal.status);
  }
}

document.getElementById('inbox').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-status]');
  if (!button) return;
  update(button.closest('.enquiry-item'), button.dataset.status, button);
});
