// The review inbox: filters, newest first, "load more", and one card per review with its reply. Live
// updates (full Review JSON) are merged by version: a card changes in place, a new review slides in.

import { api, ApiError } from './session.js';
import { $, busy, fromTemplate, setText, toast } from './dom.js';
import { formatDateTime, formatRelative, has, t } from './i18n.js';
import { createLiveList } from './live-list.js';
import { confirmErase, isErased } from './privacy.js';

const PAGE_SIZE = 20;
const OPEN = new Set(['NEW', 'DRAFTING', 'DRAFTED', 'REJECTED', 'PUBLISH_FAILED']);
export const STATUSES = ['NEW', 'DRAFTING', 'DRAFTED', 'APPROVED', 'PUBLISHED', 'PUBLISH_FAILED', 'REJECTED', 'REPLIED_ELSEWHERE'];
export const SOURCES = ['GOOGLE', 'NAVER'];

export function createInbox({ shop, role, onEmptyAction, isGoogleConnected, describeError }) {
  const list = $('#reviews');
  const empty = $('#inbox-empty');
  const loadMoreButton = $('#load-more');
  const countLabel = $('#inbox-count');
  const newItems = $('#new-items');

  // newest first; a review older than everything loaded waits for "load more"
  const reviews = createLiveList({ element: list, createCard, renderCard, placeOf });
  let total = 0;
  let filters = { status: '', rating: '', source: '' };
  let generation = 0; // ignores answers to requests made for older filters
  let unseenAbove = 0;
  let loading = false;

  const canApprove = role === 'OWNER' || role === 'MANAGER';
  const canErase = role === 'OWNER'; // a reviewer's personal data (API.md "Privacy")

  // --- loading --------------------------------------------------------------------------------------------

  function query(page, size) {
    const params = new URLSearchParams({ page: String(page), size: String(size) });
    if (filters.status) params.set('status', filters.status);
    if (filters.rating) params.set('rating', filters.rating);
    if (filters.source) params.set('source', filters.source);
    return api('GET', `/v1/shops/${shop.id}/reviews?${params}`);
  }

  /** Loads the first page for the current filters, replacing the list. */
  async function reload() {
    const mine = ++generation;
    loading = true;
    list.setAttribute('aria-busy', 'true');
    try {
      const page = await query(0, PAGE_SIZE);
      if (mine !== generation) return;
      reviews.restart(id => page.items.some(r => r.id === id));
      total = page.total;
      page.items.forEach(review => reviews.upsert(review, { force: true, append: true }));
      hideNewItems();
    } finally {
      if (mine === generation) {
        loading = false;
        list.removeAttribute('aria-busy');
        updateChrome();
      }
    }
  }

  async function loadMore() {
    const mine = generation;
    // the next page starts at or before the first review not yet shown (a repeat is skipped, a gap would not be):
    // count what the server would count now — shown reviews that still match the filters
    const page = await query(Math.floor(shownAndMatching() / PAGE_SIZE), PAGE_SIZE);
    if (mine !== generation) return;
    total = page.total;
    page.items.forEach(review => reviews.upsert(review, { force: true, append: true }));
    updateChrome();
  }

  /** After a reconnect: fetch what is loaded again and merge it (what changed while the socket was down). */
  async function catchUp() {
    const mine = generation;
    const size = Math.min(100, Math.max(PAGE_SIZE, reviews.size));
    const page = await query(0, size);
    if (mine !== generation) return;
    total = page.total;
    page.items.forEach(review => reviews.upsert(review, { enter: slideIn }));
    updateChrome();
  }

  function setFilters(next) {
    filters = { ...filters, ...next };
    return reload();
  }

  // --- merging --------------------------------------------------------------------------------------------

  function matches(review) {
    return (!filters.status || review.status === filters.status)
      && (!filters.rating || String(review.rating) === String(filters.rating))
      && (!filters.source || review.source === filters.source);
  }

  /** How many of the shown reviews the server would list now for these filters. */
  function shownAndMatching() {
    return reviews.ids().filter(id => matches(reviews.get(id))).length;
  }

  function newerFirst(a, b) {
    const byTime = new Date(b.createdAt) - new Date(a.createdAt);
    return byTime !== 0 ? byTime : (a.id > b.id ? -1 : a.id < b.id ? 1 : 0); // as the API: createdAt, id descending
  }

  /** Where a review not shown yet belongs among those shown; −1 when it is older than all and more wait unloaded. */
  function placeOf(review) {
    const ids = reviews.ids();
    const index = ids.findIndex(id => newerFirst(review, reviews.get(id)) < 0);
    if (index !== -1) return index;
    return shownAndMatching() < total ? -1 : ids.length;
  }

  /** A live update (or an action's answer): the card changes in place; a new matching review slides in. */
  function applyLive(review) {
    if (!review || review.shopId !== shop.id) return;
    const outcome = reviews.apply(review, { admit: r => !loading && matches(r), enter: slideIn });
    if (outcome === 'stale') return; // an older state arriving late
    if (outcome === 'inserted') total += 1;
    updateChrome();
  }

  /** A review that just arrived slides in; scrolled past it, a pill says so (scroll anchoring keeps the view). */
  function slideIn(card) {
    card.classList.add('entering', 'sliding');
    card.addEventListener('transitionend', () => card.classList.remove('sliding'), { once: true });
    setTimeout(() => card.classList.remove('sliding'), 1000);
    requestAnimationFrame(() => requestAnimationFrame(() => card.classList.remove('entering')));
    if (list.offsetParent !== null && card.getBoundingClientRect().top < 60) showNewItems();
  }

  function updateChrome() {
    const hasItems = reviews.size > 0;
    empty.hidden = hasItems || loading;
    loadMoreButton.hidden = shownAndMatching() >= total;
    setText(countLabel, hasItems ? t('inbox.count', { n: total }) : '');
    if (!hasItems && !loading) renderEmpty();
  }

  function renderEmpty() {
    const filtered = filters.status || filters.rating || filters.source;
    const action = $('#empty-action');
    if (filtered) {
      setText($('#empty-title'), t('inbox.empty.filtered'));
      setText($('#empty-body'), '');
      action.hidden = true;
    } else if (!isGoogleConnected()) {
      setText($('#empty-title'), t('inbox.empty.connect.title'));
      setText($('#empty-body'), t('inbox.empty.connect.body'));
      setText(action, t('inbox.empty.connect.action'));
      action.dataset.action = 'connect';
      action.hidden = role !== 'OWNER';
    } else {
      setText($('#empty-title'), t('inbox.empty.sync.title'));
      setText($('#empty-body'), t('inbox.empty.sync.body'));
      setText(action, t('dash.syncNow'));
      action.dataset.action = 'sync';
      action.hidden = !canApprove;
    }
  }

  function showNewItems() {
    unseenAbove += 1;
    setText(newItems, `↑ ${t('inbox.newItems', { n: unseenAbove })}`);
    newItems.hidden = false;
  }

  function hideNewItems() {
    unseenAbove = 0;
    newItems.hidden = true;
  }

  // --- one card -------------------------------------------------------------------------------------------

  function createCard(review) {
    const card = fromTemplate('review-template');
    card.dataset.id = review.id;
    const textarea = $('.reply-text', card);
    const label = $('.reply-label', card);
    textarea.id = `reply-${review.id}`;
    label.htmlFor = textarea.id;
    const instruction = $('.redraft-instruction', card);
    instruction.id = `instruction-${review.id}`;
    $('.redraft-label', card).htmlFor = instruction.id;
    $('.review-author', card).id = `author-${review.id}`;
    $('.review-card', card).setAttribute('aria-labelledby', `author-${review.id}`);
    $('.review-card', card).tabIndex = -1;

    textarea.addEventListener('input', () => {
      card.classList.toggle('dirty', textarea.value !== (card.baseText ?? ''));
    });
    $('.reply-use-server', card).addEventListener('click', () => {
      const current = reviews.get(review.id);
      card.baseText = current.reply ? current.reply.text : '';
      textarea.value = card.baseText;
      card.classList.remove('dirty');
      renderCard(card, current);
      textarea.focus();
    });
    $('.review-approve', card).addEventListener('click', event => act(card, event.currentTarget, approve));
    $('.review-save', card).addEventListener('click', event => act(card, event.currentTarget, save));
    $('.review-reject', card).addEventListener('click', event => act(card, event.currentTarget, reject));
    $('.review-retry', card).addEventListener('click', event => act(card, event.currentTarget, retry));
    $('.review-copy', card).addEventListener('click', () => copyReply(reviews.get(review.id)));
    $('.review-posted', card).addEventListener('click', event => act(card, event.currentTarget, posted));
    $('.review-erase', card).addEventListener('click', () => confirmErase({
      shopId: shop.id, review: reviews.get(review.id), describeError, onErased: applyLive,
      returnTo: () => $('.review-card', card), // the button goes once the review is erased
    }));
    $('.review-redraft', card).addEventListener('click', event => {
      const form = $('.redraft-form', card);
      form.hidden = !form.hidden;
      event.currentTarget.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) instruction.focus();
    });
    $('.redraft-cancel', card).addEventListener('click', () => closeRedraft(card, true));
    $('.redraft-form', card).addEventListener('keydown', event => {
      if (event.key === 'Escape') closeRedraft(card, true);
    });
    $('.redraft-form', card).addEventListener('submit', event => {
      event.preventDefault();
      act(card, $('.redraft-submit', card), redraft);
    });
    return card;
  }

  function closeRedraft(card, focusButton) {
    $('.redraft-form', card).hidden = true;
    $('.redraft-instruction', card).value = '';
    const button = $('.review-redraft', card);
    button.setAttribute('aria-expanded', 'false');
    if (focusButton && !button.hidden) button.focus();
  }

  function renderCard(card, review) {
    const reply = review.reply;
    const erased = isErased(review);
    const author = erased ? t('review.erased.author') : review.author || '—';
    setText($('.avatar', card), erased ? '?' : Array.from(author.trim() || '?')[0].toUpperCase());
    setText($('.review-author', card), author);
    const stars = $('.stars', card);
    setText(stars, '★'.repeat(review.rating) + '☆'.repeat(Math.max(0, 5 - review.rating)));
    stars.setAttribute('aria-label', t('review.stars', { n: review.rating }));
    stars.dataset.rating = String(review.rating);
    setText($('.review-source', card), t(`source.${review.source}`));
    const time = $('.review-time', card);
    time.dateTime = review.createdAt;
    time.title = formatDateTime(review.createdAt, shop.timezone);
    setText(time, formatRelative(review.createdAt));
    const chip = $('.status-chip', card);
    chip.dataset.status = review.status;
    setText(chip, t(`status.${review.status}`));
    card.dataset.status = review.status;

    const comment = $('.review-comment', card);
    const hasComment = review.comment && review.comment.trim() !== '';
    setText(comment, hasComment ? review.comment : t(erased ? 'review.erased.comment' : 'review.noComment'));
    comment.classList.toggle('muted', !hasComment);
    comment.classList.toggle('erased', erased);

    // the OWNER may erase the reviewer's name and text; once erased there is nothing left to erase
    const foot = $('.review-foot', card);
    foot.hidden = !canErase || erased;
    setText($('.review-erase', card), t('review.erase'));

    const open = OPEN.has(review.status);
    const drafting = review.status === 'DRAFTING';
    const serverText = reply && reply.text ? reply.text : '';

    // who wrote the reply
    const origin = $('.reply-origin', card);
    const model = $('.reply-model', card);
    setText(origin, reply ? t(reply.origin === 'AI' ? 'review.draft.ai' : reply.origin === 'SOURCE'
      ? 'review.draft.source' : 'review.draft.human') : t('review.reply'));
    setText(model, reply && reply.origin === 'AI' && reply.model ? reply.model : '');
    origin.dataset.origin = reply ? reply.origin : '';

    // drafting: a placeholder as tall as the editor, so the draft arriving does not move the page
    $('.reply-drafting', card).hidden = !drafting;
    setText($('.reply-drafting-text', card), t('review.drafting'));

    // open reviews: the editable draft
    const editor = $('.reply-editor', card);
    const textarea = $('.reply-text', card);
    editor.hidden = !open || drafting;
    setText($('.reply-label', card), t('review.reply'));
    textarea.placeholder = t('review.noDraft');
    const dirty = card.classList.contains('dirty') && textarea.value !== (card.baseText ?? '');
    if (!dirty) {
      textarea.value = serverText;
      card.baseText = serverText;
      card.classList.remove('dirty');
    }
    const changed = $('.reply-changed', card);
    changed.hidden = !(dirty && serverText !== card.baseText && !drafting && open);
    setText($('.reply-changed-text', card), t('review.serverChanged'));
    setText($('.reply-use-server', card), t('review.useServer'));

    // settled reviews: the text as published (or being published, or written on Google)
    const final = $('.reply-final', card);
    final.hidden = open || !serverText;
    setText(final, serverText);

    const note = $('.reply-note', card);
    let noteText = '';
    if (review.status === 'PUBLISHED' && reply) {
      noteText = t('review.publishedAt', { when: formatRelative(reply.publishedAt) });
      if (reply.approvedBy && reply.approvedBy.name) noteText += ` · ${t('review.approvedBy', { name: reply.approvedBy.name })}`;
    } else if (review.status === 'APPROVED' && reply && reply.manual) {
      noteText = t('review.manual.waiting');
    } else if (review.status === 'APPROVED') {
      noteText = t('review.publishing');
    } else if (review.status === 'REJECTED') {
      noteText = t('review.rejected');
    } else if (review.status === 'REPLIED_ELSEWHERE') {
      noteText = t('review.elsewhere');
    } else if (review.status === 'DRAFTED' && reply && reply.autoPublishHold) {
      // auto-publish is on, yet this draft waits for a person: say why
      const code = reply.autoPublishHold;
      noteText = t('review.held', { reason: has(`held.${code}`) ? t(`held.${code}`) : code });
    }
    // Naver has no reply API: a person copies the approved reply, pastes it there and says so
    const manual = $('.reply-manual', card);
    manual.hidden = !(review.status === 'APPROVED' && reply && reply.manual);
    setText($('.review-copy', card), t('review.copy'));
    setText($('.review-posted', card), t('review.posted'));
    note.dataset.manual = String(!manual.hidden); // nothing is being published: no spinner
    note.hidden = !noteText;
    note.dataset.status = review.status;
    setText(note, noteText);

    // a publish that failed for good: why, and a retry
    const failureBox = $('.reply-failure', card);
    const failure = reply && reply.failure;
    failureBox.hidden = review.status !== 'PUBLISH_FAILED';
    if (review.status === 'PUBLISH_FAILED') {
      const known = failure && failure.code && has(`failure.${failure.code}`);
      const reason = failure ? (known ? t(`failure.${failure.code}`) : (failure.message || failure.code)) : '';
      let text = t('review.failed', { reason });
      if (failure && failure.attempts > 1) text += ` (${t('review.failed.attempts', { n: failure.attempts })})`;
      const failureText = $('.failure-text', card);
      setText(failureText, text);
      failureText.title = failure && failure.message ? failure.message : '';
    }
    const retryButton = $('.review-retry', card);
    setText(retryButton, t('review.retry'));
    retryButton.hidden = !canApprove;

    // actions
    // while a draft is being written the buttons stay in place, just not usable: nothing moves when it lands
    const actions = $('.reply-actions', card);
    actions.hidden = !open;
    for (const button of actions.querySelectorAll('button')) {
      button.dataset.locked = String(drafting);
      if (button.getAttribute('aria-busy') !== 'true') button.disabled = drafting;
    }
    const approveButton = $('.review-approve', card);
    setText(approveButton, t('review.approve'));
    approveButton.hidden = !canApprove;
    // after a failed publish "retry" is the main way out; approving (an edited text) stays possible
    approveButton.classList.toggle('btn-primary', review.status !== 'PUBLISH_FAILED');
    approveButton.classList.toggle('btn-secondary', review.status === 'PUBLISH_FAILED');
    setText($('.review-save', card), t('review.save'));
    const rejectButton = $('.review-reject', card);
    setText(rejectButton, t('review.reject'));
    rejectButton.hidden = !canApprove || review.status === 'REJECTED';
    setText($('.review-redraft', card), t('review.redraft'));
    setText($('.redraft-label', card), t('review.instruction'));
    $('.redraft-instruction', card).placeholder = t('review.instruction.placeholder');
    setText($('.redraft-submit', card), t('review.instruction.submit'));
    setText($('.redraft-cancel', card), t('review.cancel'));
    if (!open || drafting) closeRedraft(card, false);

    // keyboard users keep their place when the buttons they used go away
    if (card.contains(document.activeElement) && document.activeElement.closest('[hidden]')) {
      $('.review-card', card).focus();
    }
  }

  // --- actions --------------------------------------------------------------------------------------------

  async function act(card, button, action) {
    const id = card.dataset.id;
    const review = reviews.get(id);
    if (!review) return;
    await busy(button, async () => {
      try {
        await action(card, review);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'VERSION_MISMATCH') {
          toast(t('review.versionMismatch'), 'error');
          const fresh = await api('GET', `/v1/shops/${shop.id}/reviews/${id}`).catch(() => null);
          if (fresh) applyLive(fresh);
        } else {
          toast(describeError(error), 'error');
        }
      }
    });
  }

  function path(review, suffix) {
    return `/v1/shops/${shop.id}/reviews/${review.id}${suffix}`;
  }

  function editedText(card) {
    return $('.reply-text', card).value;
  }

  function settle(card, answer) {
    card.classList.remove('dirty');
    if (answer) applyLive(answer);
  }

  async function approve(card, review) {
    const text = editedText(card);
    const body = { expectedVersion: review.version };
    if (text.trim() !== '') body.text = text;
    const answer = await api('POST', path(review, '/reply/approve'), body);
    card.baseText = text;
    settle(card, answer);
    toast(t('review.approved'), 'success');
  }

  async function save(card, review) {
    const text = editedText(card);
    if (text.trim() === '') {
      $('.reply-text', card).focus();
      return;
    }
    const answer = await api('PUT', path(review, '/reply'), { text, expectedVersion: review.version });
    card.baseText = text;
    settle(card, answer);
    toast(t('review.saved'), 'success');
  }

  async function reject(card, review) {
    const answer = await api('POST', path(review, '/reply/reject'), {});
    settle(card, answer);
    toast(t('review.rejectedToast'));
  }

  async function retry(card, review) {
    const answer = await api('POST', path(review, '/reply/retry'), null);
    settle(card, answer);
    toast(t('review.retrying'));
  }

  async function posted(card, review) {
    const answer = await api('POST', path(review, '/reply/posted'), null);
    settle(card, answer);
    toast(t('review.postedToast'), 'success');
  }

  async function copyReply(review) {
    try {
      await navigator.clipboard.writeText(review.reply ? review.reply.text : '');
      toast(t('review.copied'), 'success');
    } catch {
      toast(t('review.copyFailed'), 'error');
    }
  }

  async function redraft(card, review) {
    const instruction = $('.redraft-instruction', card).value.trim();
    const answer = await api('POST', path(review, '/reply/draft'), instruction ? { instruction } : {});
    closeRedraft(card, false);
    card.classList.remove('dirty');
    card.baseText = undefined;
    settle(card, answer);
    toast(t('review.redraftRequested'));
  }

  // --- wiring ---------------------------------------------------------------------------------------------

  const onLoadMore = () => busy(loadMoreButton, () => loadMore().catch(error => toast(describeError(error), 'error')));
  const onNewItems = () => {
    hideNewItems();
    $('#filters').scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const onEmpty = () => onEmptyAction($('#empty-action').dataset.action);
  const onScroll = () => {
    if (!newItems.hidden && list.getBoundingClientRect().top > 0) hideNewItems();
  };
  loadMoreButton.addEventListener('click', onLoadMore);
  newItems.addEventListener('click', onNewItems);
  $('#empty-action').addEventListener('click', onEmpty);
  window.addEventListener('scroll', onScroll, { passive: true });

  return {
    reload,
    catchUp,
    setFilters,
    applyLive,
    /** Re-renders every card in the current language (keeps what the user typed). */
    relabel() {
      reviews.rerender();
      updateChrome();
    },
    refreshEmptyState: updateChrome,
    destroy() {
      generation += 1;
      loadMoreButton.removeEventListener('click', onLoadMore);
      newItems.removeEventListener('click', onNewItems);
      $('#empty-action').removeEventListener('click', onEmpty);
      window.removeEventListener('scroll', onScroll);
      list.replaceChildren();
      hideNewItems();
      empty.hidden = true;
      loadMoreButton.hidden = true;
      setText(countLabel, '');
    },
  };
}
