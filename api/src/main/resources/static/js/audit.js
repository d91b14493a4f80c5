// The audit trail for managers and owners: every action on every reply, who did it and when, filtered by dates
// (in the shop's time zone), action and person, page by page; and the same selection as a CSV download (fetched
// with the in-memory token, handed to the browser as a Blob: the token never goes into a URL or storage).

import { api, apiFile } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { formatDateTime, formatNumber, t } from './i18n.js';
import { addDays, safeZone, today, zoneLabel } from './zone.js';

const PAGE_SIZE = 20;
export const AUDIT_ACTIONS = ['SYNCED', 'EDITED_AT_SOURCE', 'REPLIED_AT_SOURCE', 'DRAFT_REQUESTED', 'DRAFTED',
  'DRAFT_FAILED', 'EDITED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'PUBLISH_FAILED', 'ERASED',
  'PLAN_CHANGED', 'CHARGE_REQUESTED', 'PAYMENT_SUCCEEDED', 'PAYMENT_FAILED', 'RENEWED', 'PAST_DUE',
  'SUBSCRIPTION_CANCELLED', 'AI_QUOTA_EXHAUSTED', 'AI_QUOTA_RESTORED'];

export function createAudit({ shop: initialShop, me, describeError }) {
  let shop = initialShop;
  const form = $('#audit-filters');
  const rows = $('#audit-rows');
  const message = $('#audit-message');
  const people = new Map(); // userId → name, from the entries seen (there is no member list in the API yet)
  if (me) people.set(me.id, me.name);
  let page = 0;
  let total = 0;
  let loaded = false;
  let generation = 0;
  let lastItems = [];
  let asOfGeneration = 0;

  const zone = () => safeZone(shop.timezone);

  function resetDates() {
    const now = today(zone());
    form.elements.to.value = now;
    form.elements.from.value = addDays(now, -29);
  }

  function params() {
    const p = new URLSearchParams();
    const { from, to, action, actorId } = form.elements;
    if (from.value) p.set('from', from.value);
    if (to.value) p.set('to', to.value);
    if (action.value) p.set('action', action.value);
    if (actorId.value) p.set('actorId', actorId.value);
    return p;
  }

  function validDates() {
    const { from, to } = form.elements;
    for (const input of [from, to]) input.removeAttribute('aria-invalid');
    if (from.value && to.value && from.value > to.value) {
      from.setAttribute('aria-invalid', 'true');
      setText(message, t('audit.badRange'));
      message.hidden = false;
      return false;
    }
    return true;
  }

  async function load(toPage = 0) {
    if (!validDates()) return;
    const mine = ++generation;
    const p = params();
    p.set('page', String(toPage));
    p.set('size', String(PAGE_SIZE));
    $('#audit-table').setAttribute('aria-busy', 'true');
    try {
      const answer = await api('GET', `/v1/shops/${shop.id}/audit?${p}`);
      if (mine !== generation) return;
      message.hidden = true;
      page = answer.page;
      total = answer.total;
      lastItems = answer.items;
      loaded = true;
      for (const entry of answer.items) {
        if (entry.actor && entry.actor.userId && entry.actor.name) people.set(entry.actor.userId, entry.actor.name);
      }
      fillPeople();
      render();
    } catch (error) {
      if (mine !== generation) return;
      setText(message, describeError(error));
      message.hidden = false;
    } finally {
      if (mine === generation) $('#audit-table').removeAttribute('aria-busy');
    }
  }

  function actorText(actor) {
    if (!actor) return '';
    if (actor.type === 'USER') return actor.name || t('audit.actor.user');
    if (actor.type === 'AI') return t('audit.actor.ai');
    return t('audit.actor.system');
  }

  function contentCell(entry) {
    const parts = [];
    if (entry.previousText != null && entry.text != null) {
      parts.push(h('p', { class: 'audit-before' }, h('span', { class: 'audit-tag' }, t('audit.before')), entry.previousText));
      parts.push(h('p', { class: 'audit-after' }, h('span', { class: 'audit-tag' }, t('audit.after')), entry.text));
    } else if (entry.text != null) {
      parts.push(h('p', { class: 'audit-text' }, entry.text));
    }
    if (entry.detail) parts.push(h('p', { class: 'audit-detail muted' }, entry.detail));
    if (entry.model) parts.push(h('p', { class: 'audit-model muted' }, t('audit.model', { model: entry.model })));
    return h('div', { class: 'audit-content-inner' }, parts.length ? parts : h('span', { class: 'muted' }, '—'));
  }

  // A plan or payment entry belongs to the shop, not to a review: there is no review to open as it stood.
  function reviewCell(entry) {
    if (!entry.reviewId) return h('span', { class: 'audit-billing muted' }, t('audit.billingEntry'));
    return [
      h('code', { class: 'audit-review', title: entry.reviewId }, String(entry.reviewId).slice(0, 8)), ' ',
      h('button', { type: 'button', class: 'btn btn-secondary btn-small audit-asof-open',
        dataset: { reviewId: entry.reviewId, at: entry.at },
        'aria-label': t('audit.asof.openLabel', { at: formatDateTime(entry.at, zone()) }) },
      t('audit.asof.open'))];
  }

  function render() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    rows.replaceChildren(...lastItems.map(entry => h('tr', { dataset: { action: entry.action } },
      h('td', { 'data-label': t('audit.col.at') },
        h('time', { datetime: entry.at }, formatDateTime(entry.at, zone()))),
      h('td', { 'data-label': t('audit.col.action') },
        h('span', { class: 'action-chip', dataset: { action: entry.action } }, t(`auditAction.${entry.action}`))),
      h('td', { 'data-label': t('audit.col.actor'), class: 'audit-actor', dataset: { type: entry.actor ? entry.actor.type : '' } },
        actorText(entry.actor)),
      h('td', { 'data-label': t('audit.col.text'), class: 'audit-content' }, contentCell(entry)),
      h('td', { 'data-label': t('audit.col.review') }, reviewCell(entry)))));
    setText($('#audit-summary'), t('audit.summary', { n: formatNumber(total) }));
    $('#audit-empty').hidden = !(loaded && total === 0);
    setText($('#audit-empty'), t('audit.empty'));
    $('#audit-pager').hidden = total <= PAGE_SIZE;
    $('#audit-prev').disabled = page <= 0;
    $('#audit-next').disabled = page + 1 >= pages;
    setText($('#audit-page'), t('pager.of', { page: page + 1, pages }));
    setText($('#audit-zone'), t('audit.zone', { zone: zoneLabel(zone()) }));
  }

  // Time travel: any entry opens the review and its reply exactly as they stood at that entry's moment,
  // rebuilt by the server from the review's events (GET …/reviews/{id}?asOf=).
  async function showAsOf(reviewId, at) {
    const mine = ++asOfGeneration;
    const panel = $('#audit-asof');
    const body = $('#audit-asof-body');
    setText($('#audit-asof-title'), t('audit.asof.title', { at: formatDateTime(at, zone()) }));
    body.replaceChildren();
    panel.hidden = false;
    panel.setAttribute('aria-busy', 'true');
    try {
      const review = await api('GET', `/v1/shops/${shop.id}/reviews/${encodeURIComponent(reviewId)}?asOf=${encodeURIComponent(at)}`);
      if (mine !== asOfGeneration) return;
      body.replaceChildren(asOfView(review));
    } catch (error) {
      if (mine !== asOfGeneration) return;
      body.replaceChildren(h('p', { class: 'form-message' },
        error && error.status === 404 ? t('audit.asof.notYet') : describeError(error)));
    } finally {
      if (mine === asOfGeneration) panel.removeAttribute('aria-busy');
    }
    panel.focus();
  }

  function asOfView(review) {
    const reply = review.reply;
    return h('div', { class: 'audit-asof-review', dataset: { status: review.status, version: String(review.version) } },
      h('p', { class: 'audit-asof-meta' },
        h('strong', { class: 'audit-asof-author' }, review.author || ''), ' · ',
        h('span', { class: 'audit-asof-rating', 'aria-label': t('review.stars', { n: review.rating }) },
          '★'.repeat(review.rating) + '☆'.repeat(Math.max(0, 5 - review.rating))), ' · ',
        h('span', { class: 'status-chip audit-asof-status', dataset: { status: review.status } }, t(`status.${review.status}`))),
      h('p', { class: 'audit-asof-comment' }, review.comment || ''),
      h('h4', {}, t('audit.asof.reply')),
      reply && reply.text != null
        ? h('p', { class: 'audit-asof-reply' }, reply.text)
        : h('p', { class: 'audit-asof-reply muted' }, t('audit.asof.noReply')));
  }

  function closeAsOf() {
    asOfGeneration += 1;
    $('#audit-asof').hidden = true;
    $('#audit-asof-body').replaceChildren();
  }

  function fillActions() {
    const select = form.elements.action;
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, t('filter.all')),
      ...AUDIT_ACTIONS.map(action => h('option', { value: action }, t(`auditAction.${action}`))));
    select.value = chosen;
  }

  function fillPeople() {
    const select = form.elements.actorId;
    const chosen = select.value;
    const sorted = [...people].sort((a, b) => a[1].localeCompare(b[1]));
    select.replaceChildren(h('option', { value: '' }, t('audit.everyone')),
      ...sorted.map(([id, name]) => h('option', { value: id }, me && id === me.id ? t('audit.me', { name }) : name)));
    select.value = chosen;
  }

  async function downloadCsv(button) {
    if (!validDates()) return;
    await busy(button, async () => {
      try {
        const p = params();
        p.set('format', 'csv');
        const { blob, filename } = await apiFile(`/v1/shops/${shop.id}/audit?${p}`, 'text/csv');
        const url = URL.createObjectURL(blob);
        const link = h('a', { href: url, download: filename || `audit-${form.elements.from.value}-${form.elements.to.value}.csv`, hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        toast(t('audit.downloaded'), 'success');
      } catch (error) {
        toast(describeError(error), 'error');
      }
    });
  }

  const onChange = () => load(0);
  const onSubmit = event => { event.preventDefault(); load(0); };
  const onPrev = () => load(Math.max(0, page - 1));
  const onNext = () => load(page + 1);
  const onCsv = event => downloadCsv(event.currentTarget);
  const onRowClick = event => {
    const button = event.target.closest('button.audit-asof-open')
      || (event.target.closest('tr') && event.target.closest('tr').querySelector('button.audit-asof-open'));
    if (!button || !rows.contains(button)) return;
    showAsOf(button.dataset.reviewId, button.dataset.at);
  };
  form.addEventListener('change', onChange);
  form.addEventListener('submit', onSubmit);
  $('#audit-prev').addEventListener('click', onPrev);
  $('#audit-next').addEventListener('click', onNext);
  $('#audit-csv').addEventListener('click', onCsv);
  rows.addEventListener('click', onRowClick);
  $('#audit-asof-close').addEventListener('click', closeAsOf);
  resetDates();
  fillActions();
  fillPeople();
  $('#audit-pager').hidden = true;

  return {
    ensureLoaded() {
      return loaded ? Promise.resolve() : load(0);
    },
    /** A review changed (live): the open page may have new entries. */
    refresh() {
      if (loaded && page === 0) load(0);
    },
    setShop(next) {
      shop = next;
    },
    relabel() {
      fillActions();
      fillPeople();
      if (loaded) render();
    },
    destroy() {
      generation += 1;
      form.removeEventListener('change', onChange);
      form.removeEventListener('submit', onSubmit);
      $('#audit-prev').removeEventListener('click', onPrev);
      $('#audit-next').removeEventListener('click', onNext);
      $('#audit-csv').removeEventListener('click', onCsv);
      rows.removeEventListener('click', onRowClick);
      $('#audit-asof-close').removeEventListener('click', closeAsOf);
      closeAsOf();
      form.reset();
      rows.replaceChildren();
      message.hidden = true;
      $('#audit-empty').hidden = true;
      setText($('#audit-summary'), '');
    },
  };
}
