/*
 * The authority's enquiry inbox: the list is rendered (and escaped) by the server; this script
 * filters by status as soon as one is chosen, and marks an enquiry answered, closed or new again
 * with a note (PATCH /api/enquiries/{id} with the version read; 409 when someone else was first).
 */
(function () {
  'use strict';

  const cfg = window.PORTAL;
  const t = (key) => cfg.msg[key] || key;
  const filter = document.getElementById('status-filter');
  filter.addEventListener('change', () => filter.form.submit());

  function csrfHeaders() {
    const header = document.querySelector('meta[name="_csrf_header"]');
    const token = document.querySelector('meta[name="_csrf"]');
    return header && token ? { [header.content]: token.content } : {};
  }

  async function update(item, status, button) {
    const message = item.querySelector('.item-message');
    const note = item.querySelector('textarea[name="answerNote"]').value.trim();
    message.textContent = '';
    message.className = 'item-message';
    button.disabled = true;
    let response;
    let problem = {};
    try {
      response = await fetch('/api/enquiries/' + item.dataset.id, {
        method: 'PATCH',
        headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/problem+json' }, csrfHeaders()),
        body: JSON.stringify({ version: Number(item.dataset.version), status: status, answerNote: note === '' ? null : note })
      });
      if (!response.ok) problem = await response.json().catch(() => ({}));
    } catch (error) {
      problem = { detail: String(error.message || error) };
    } finally {
      button.disabled = false;
    }
    if (response && response.ok) {
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
    if (response && response.status === 409) {
      message.textContent = t('portal.inbox.conflict') + ' ';
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.className = 'button secondary';
      reload.textContent = t('portal.inbox.reload');
      reload.addEventListener('click', () => location.reload());
      message.append(reload);
    } else {
      message.textContent = t('portal.inbox.error') + ': ' + (problem.detail || problem.title || (response ? response.status : ''));
    }
  }

  document.getElementById('inbox').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-status]');
    if (!button) return;
    update(button.closest('.enquiry-item'), button.dataset.status, button);
  });
}());
