// Instagram posts: the list of the shop's posts (a status filter, "load more"), with the composer above it
// (composer.js), one card per post (post-card.js) and the schedule beside it (agenda.js). Live updates (full Post
// JSON on /topic/shops/{id}/posts) are merged by version: a card changes in place, a new post comes in on top.

import { api } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { formatNumber, t } from './i18n.js';
import { safeZone } from './zone.js';
import { createLiveList } from './live-list.js';
import { createPostCards } from './post-card.js';
import { createAgenda } from './agenda.js';
import { createComposer } from './composer.js';

const PAGE_SIZE = 20;
export const POST_STATUSES = ['DRAFTING', 'READY', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'PUBLISH_FAILED', 'CANCELLED'];

export function createPosts({ shop: initialShop, role, describeError, onConnectInstagram }) {
  let shop = initialShop;
  const list = $('#posts');
  const empty = $('#posts-empty');
  const moreButton = $('#posts-more');
  const countLabel = $('#posts-count');
  const statusFilter = $('#posts-status');
  // "Instagram is not connected" (built once: a live update must not replace the button someone is about to press)
  const missing = $('#instagram-missing');
  const missingText = h('span', {});
  const missingAction = h('button', { type: 'button', class: 'link-button', onclick: () => onConnectInstagram() });
  missing.replaceChildren(missingText, missingAction);

  const canPublish = role === 'OWNER' || role === 'MANAGER';

  let total = 0;
  let filter = '';
  let generation = 0;
  let loaded = false;
  let lastCounts = null;

  const zone = () => safeZone(shop.timezone);
  const shopId = () => shop.id;
  const { createCard, renderCard } = createPostCards({
    shopId, zone, canPublish, latest: id => posts.get(id), applyLive, describeError,
  });
  // a post not shown yet is the newest: it goes on top
  const posts = createLiveList({ element: list, createCard, renderCard });
  const agenda = createAgenda({ zone, onPick: focusCard });
  const composer = createComposer({ shopId, describeError, onCreated });

  // --- loading --------------------------------------------------------------------------------------------

  function query(params) {
    return api('GET', `/v1/shops/${shop.id}/posts?${new URLSearchParams(params)}`);
  }

  async function reload() {
    const mine = ++generation;
    list.setAttribute('aria-busy', 'true');
    try {
      const params = { page: '0', size: String(PAGE_SIZE) };
      if (filter) params.status = filter;
      const [page, agendaPage] = await Promise.all([
        query(params),
        query({ status: 'SCHEDULED', page: '0', size: '100' }),
      ]);
      if (mine !== generation) return;
      posts.restart();
      total = page.total;
      page.items.forEach(post => posts.upsert(post, { append: true, force: true }));
      agenda.replace(agendaPage.items);
      loaded = true;
    } finally {
      if (mine === generation) {
        list.removeAttribute('aria-busy');
        updateChrome();
        agenda.render();
      }
    }
  }

  async function loadMore() {
    const mine = generation;
    const params = { page: String(Math.floor(posts.size / PAGE_SIZE)), size: String(PAGE_SIZE) };
    if (filter) params.status = filter;
    const page = await query(params);
    if (mine !== generation) return;
    total = page.total;
    page.items.forEach(post => posts.upsert(post, { append: true }));
    updateChrome();
  }

  /** After a reconnect: what changed while the socket was down. */
  async function catchUp() {
    if (!loaded) return;
    const mine = generation;
    const params = { page: '0', size: String(Math.min(100, Math.max(PAGE_SIZE, posts.size))) };
    if (filter) params.status = filter;
    const [page, agendaPage] = await Promise.all([query(params), query({ status: 'SCHEDULED', page: '0', size: '100' })]);
    if (mine !== generation) return;
    total = page.total;
    page.items.slice().reverse().forEach(post => applyLive(post));
    agenda.replace(agendaPage.items);
    agenda.render();
    updateChrome();
  }

  // --- merging --------------------------------------------------------------------------------------------

  function applyLive(post) {
    if (!post || post.shopId !== shop.id) return;
    if (posts.isOlder(post)) return;
    agenda.note(post);
    agenda.render();
    const outcome = posts.apply(post, { admit: p => loaded && (!filter || p.status === filter), enter: fadeIn });
    if (outcome === 'inserted') total += 1; // a post nobody here has seen yet: the newest
    updateChrome();
  }

  function fadeIn(card) {
    card.classList.add('entering');
    requestAnimationFrame(() => requestAnimationFrame(() => card.classList.remove('entering')));
  }

  /** The composer made a post: shown at once (the filter is cleared first when it would hide it). */
  async function onCreated(post) {
    if (filter && filter !== post.status) {
      statusFilter.value = '';
      filter = '';
      await reload();
    }
    applyLive(post);
  }

  function updateChrome() {
    const hasItems = posts.size > 0;
    empty.hidden = hasItems || !loaded;
    setText(empty, filter ? t('posts.empty.filtered') : t('posts.empty'));
    moreButton.hidden = posts.size >= total;
    setText(countLabel, hasItems ? t('posts.count', { n: total }) : '');
    const instagram = shop.connections && shop.connections.instagram;
    missing.hidden = !!instagram;
    setText(missingText, t('posts.instagramMissing'));
    setText(missingAction, t('posts.instagramMissing.action'));
    missingAction.hidden = role !== 'OWNER';
  }

  /** A post picked in the agenda: its card (loaded first when the list does not hold it) comes into view. */
  async function focusCard(id) {
    if (!posts.has(id)) {
      const post = await api('GET', `/v1/shops/${shop.id}/posts/${id}`).catch(() => null);
      if (!post) return;
      posts.upsert(post);
    }
    const article = $('.post-card', posts.card(id));
    article.scrollIntoView({ behavior: 'smooth', block: 'center' });
    article.focus({ preventScroll: true });
  }

  function fillStatusFilter() {
    const chosen = statusFilter.value;
    statusFilter.replaceChildren(h('option', { value: '' }, t('filter.all')),
      ...POST_STATUSES.map(s => h('option', { value: s }, t(`postStatus.${s}`))));
    statusFilter.value = chosen;
  }

  // --- wiring ---------------------------------------------------------------------------------------------

  const onFilter = () => {
    filter = statusFilter.value;
    reload().catch(error => toast(describeError(error), 'error'));
  };
  const onMore = () => busy(moreButton, () => loadMore().catch(error => toast(describeError(error), 'error')));
  statusFilter.addEventListener('change', onFilter);
  moreButton.addEventListener('click', onMore);
  fillStatusFilter();

  return {
    /** The first time the view is shown (and after switching shops). */
    ensureLoaded() {
      return loaded ? Promise.resolve() : reload();
    },
    reload,
    catchUp,
    applyLive,
    setShop(next) {
      shop = next;
      updateChrome();
    },
    /** The dashboard's post counters (live). */
    setCounts(counts) {
      lastCounts = counts || null;
      setText($('#post-counts'), lastCounts ? t('posts.counts', {
        scheduled: formatNumber(lastCounts.scheduled), published: formatNumber(lastCounts.published) }) : '');
    },
    relabel() {
      fillStatusFilter();
      composer.relabel();
      posts.rerender();
      agenda.render();
      updateChrome();
      this.setCounts(lastCounts);
    },
    destroy() {
      generation += 1;
      composer.destroy();
      statusFilter.removeEventListener('change', onFilter);
      moreButton.removeEventListener('click', onMore);
      list.replaceChildren();
      agenda.clear();
      empty.hidden = true;
      moreButton.hidden = true;
      statusFilter.value = '';
      setText(countLabel, '');
      missing.hidden = true;
      missing.replaceChildren();
      setText($('#post-counts'), '');
    },
  };
}
