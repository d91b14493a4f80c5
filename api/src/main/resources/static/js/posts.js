// Instagram posts: upload photos (with progress), create a post with an optional brief, watch the AI caption and
// hashtags arrive (DRAFTING → READY), edit them, publish now or at a date and time in the SHOP's time zone, cancel,
// see failures with their reason; scheduled posts also appear in an agenda grouped by day (shop's zone). Live
// updates (full Post JSON on /topic/shops/{id}/posts) are merged by version: a card changes in place.

import { accessToken, api, ApiError, renew } from './session.js';
import { $, busy, fromTemplate, h, setText, toast } from './dom.js';
import { formatBytes, formatDateTime, formatDay, formatNumber, formatTime, has, t } from './i18n.js';
import { addDays, dayOf, safeZone, timeOf, today, zonedInstant, zoneLabel } from './zone.js';

const PAGE_SIZE = 20;
export const POST_STATUSES = ['DRAFTING', 'READY', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'PUBLISH_FAILED', 'CANCELLED'];
/** What POST /media accepts (the server sniffs the bytes; this only saves a pointless upload). */
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 10;
/** Instagram takes 4:5 (portrait) to 1.91:1 (landscape); the API refuses a post with anything else. */
const MIN_RATIO = 0.8;
const MAX_RATIO = 1.91;
const EDITABLE = new Set(['READY', 'SCHEDULED', 'PUBLISH_FAILED']);
const PUBLISHABLE = new Set(['READY', 'SCHEDULED', 'PUBLISH_FAILED']);
const CANCELLABLE = new Set(['DRAFTING', 'READY', 'SCHEDULED', 'PUBLISH_FAILED']);

/**
 * A photo link of this server as a path on the page's own origin: the API's links use the public base URL (what
 * Instagram fetches), which need not be the origin the page was loaded from (and the CSP allows only that one).
 */
function pageUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.pathname.startsWith('/v1/media/') ? parsed.pathname + parsed.search : '';
  } catch {
    return '';
  }
}

/** '#a, b  #c' → ['a', 'b', 'c'] (the API strips '#' and drops repeats itself, too). */
export function parseHashtags(text) {
  return String(text || '').split(/[\s,，、]+/).map(tag => tag.replace(/^#+/, '')).filter(Boolean);
}

export function createPosts({ shop: initialShop, role, describeError, onConnectInstagram }) {
  let shop = initialShop;
  const list = $('#posts');
  const empty = $('#posts-empty');
  const moreButton = $('#posts-more');
  const countLabel = $('#posts-count');
  const statusFilter = $('#posts-status');
  const composer = $('#post-composer');
  const uploadList = $('#uploads');
  const fileInput = $('#post-files');
  const agenda = $('#agenda');
  // "Instagram is not connected" (built once: a live update must not replace the button someone is about to press)
  const missing = $('#instagram-missing');
  const missingText = h('span', {});
  const missingAction = h('button', { type: 'button', class: 'link-button', onclick: () => onConnectInstagram() });
  missing.replaceChildren(missingText, missingAction);

  const canEdit = true; // every member (STAFF and up) prepares posts
  const canPublish = role === 'OWNER' || role === 'MANAGER';

  const posts = new Map(); // id → latest Post
  const cards = new Map(); // id → <li>
  const scheduled = new Map(); // id → Post with status SCHEDULED (the agenda; loaded apart from the list)
  let order = [];
  let total = 0;
  let filter = '';
  let generation = 0;
  let loaded = false;
  let uploads = []; // { id, file, state: 'uploading'|'done'|'error', media, message, xhr, element }
  let uploadSeq = 0;
  let lastCounts = null;

  const zone = () => safeZone(shop.timezone);

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
      for (const id of order) removeCard(id);
      order = [];
      total = page.total;
      page.items.forEach(post => upsert(post, { append: true, force: true }));
      scheduled.clear();
      agendaPage.items.forEach(post => scheduled.set(post.id, post));
      loaded = true;
    } finally {
      if (mine === generation) {
        list.removeAttribute('aria-busy');
        updateChrome();
        renderAgenda();
      }
    }
  }

  async function loadMore() {
    const mine = generation;
    const params = { page: String(Math.floor(order.length / PAGE_SIZE)), size: String(PAGE_SIZE) };
    if (filter) params.status = filter;
    const page = await query(params);
    if (mine !== generation) return;
    total = page.total;
    page.items.forEach(post => upsert(post, { append: true }));
    updateChrome();
  }

  /** After a reconnect: what changed while the socket was down. */
  async function catchUp() {
    if (!loaded) return;
    const mine = generation;
    const params = { page: '0', size: String(Math.min(100, Math.max(PAGE_SIZE, order.length))) };
    if (filter) params.status = filter;
    const [page, agendaPage] = await Promise.all([query(params), query({ status: 'SCHEDULED', page: '0', size: '100' })]);
    if (mine !== generation) return;
    total = page.total;
    page.items.slice().reverse().forEach(post => applyLive(post));
    scheduled.clear();
    agendaPage.items.forEach(post => scheduled.set(post.id, post));
    renderAgenda();
    updateChrome();
  }

  // --- merging --------------------------------------------------------------------------------------------

  function applyLive(post) {
    if (!post || post.shopId !== shop.id) return;
    const known = posts.get(post.id);
    if (known && post.version < known.version) return;
    if (post.status === 'SCHEDULED') scheduled.set(post.id, post);
    else scheduled.delete(post.id);
    renderAgenda();
    if (known) {
      upsert(post, {});
    } else if (loaded && (!filter || post.status === filter)) {
      if (upsert(post, { animate: true })) total += 1; // a post nobody here has seen yet: the newest
    }
    updateChrome();
  }

  function upsert(post, { append = false, animate = false, force = false }) {
    const known = posts.get(post.id);
    if (known && !force && post.version < known.version) return false;
    posts.set(post.id, post);
    let card = cards.get(post.id);
    if (!card) {
      card = createCard(post);
      cards.set(post.id, card);
    }
    renderCard(card, post);
    if (order.includes(post.id)) return false;
    if (append) {
      order.push(post.id);
      list.append(card);
    } else {
      order.unshift(post.id);
      list.prepend(card);
    }
    if (animate) {
      card.classList.add('entering');
      requestAnimationFrame(() => requestAnimationFrame(() => card.classList.remove('entering')));
    }
    return true;
  }

  function removeCard(id) {
    const card = cards.get(id);
    if (card) card.remove();
    cards.delete(id);
    posts.delete(id);
    order = order.filter(other => other !== id);
  }

  function updateChrome() {
    const hasItems = order.length > 0;
    empty.hidden = hasItems || !loaded;
    setText(empty, filter ? t('posts.empty.filtered') : t('posts.empty'));
    moreButton.hidden = order.length >= total;
    setText(countLabel, hasItems ? t('posts.count', { n: total }) : '');
    const instagram = shop.connections && shop.connections.instagram;
    missing.hidden = !!instagram;
    setText(missingText, t('posts.instagramMissing'));
    setText(missingAction, t('posts.instagramMissing.action'));
    missingAction.hidden = role !== 'OWNER';
  }

  // --- the agenda: scheduled posts by day in the shop's zone ----------------------------------------------

  function renderAgenda() {
    const byDay = new Map();
    const sorted = [...scheduled.values()].filter(p => p.scheduledAt)
      .sort((a, b) => new Date(a.scheduledAt) - new Date(b.scheduledAt));
    for (const post of sorted) {
      const day = dayOf(post.scheduledAt, zone());
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(post);
    }
    const now = today(zone());
    const focused = agenda.contains(document.activeElement) ? document.activeElement.closest('.agenda-item') : null;
    agenda.replaceChildren(...[...byDay].map(([day, items]) => h('li', { class: 'agenda-day', dataset: { day } },
      h('h3', { class: 'agenda-date' }, h('time', { datetime: day }, formatDay(day)),
        day === now ? h('span', { class: 'agenda-today' }, t('posts.agenda.today'))
          : day === addDays(now, 1) ? h('span', { class: 'agenda-today' }, t('posts.agenda.tomorrow')) : null),
      h('ul', { class: 'agenda-items' }, items.map(post => h('li', { class: 'agenda-item', dataset: { id: post.id } },
        h('button', { type: 'button', class: 'agenda-link', onclick: () => focusCard(post.id) },
          h('time', { class: 'agenda-time', datetime: post.scheduledAt }, formatTime(post.scheduledAt, zone())),
          h('span', { class: 'agenda-caption' }, snippet(post.caption) || t('posts.noCaption')))))))));
    if (focused) { // keep a keyboard user's place when the agenda is redrawn
      const again = agenda.querySelector(`.agenda-item[data-id="${focused.dataset.id}"] button`);
      (again || $('#agenda-title')).focus();
    }
    $('#agenda-empty').hidden = byDay.size > 0;
    setText($('#agenda-zone'), t('posts.zone', { zone: zoneLabel(zone()) }));
  }

  function snippet(text) {
    const line = String(text || '').split('\n')[0].trim();
    return Array.from(line).length > 48 ? `${Array.from(line).slice(0, 47).join('')}…` : line;
  }

  async function focusCard(id) {
    if (!cards.has(id)) {
      const post = await api('GET', `/v1/shops/${shop.id}/posts/${id}`).catch(() => null);
      if (!post) return;
      upsert(post, {});
    }
    const article = $('.post-card', cards.get(id));
    article.scrollIntoView({ behavior: 'smooth', block: 'center' });
    article.focus({ preventScroll: true });
  }

  // --- one card -------------------------------------------------------------------------------------------

  function createCard(post) {
    const card = fromTemplate('post-template');
    card.dataset.id = post.id;
    const article = $('.post-card', card);
    article.tabIndex = -1;
    const caption = $('.post-caption', card);
    const tags = $('.post-hashtags', card);
    caption.id = `caption-${post.id}`;
    tags.id = `hashtags-${post.id}`;
    $('.caption-label', card).htmlFor = caption.id;
    $('.hashtags-label', card).htmlFor = tags.id;
    $('.hashtags-hint', card).id = `hashtags-hint-${post.id}`;
    tags.setAttribute('aria-describedby', `hashtags-hint-${post.id}`);
    const date = $('.schedule-date', card);
    const time = $('.schedule-time', card);
    date.id = `schedule-date-${post.id}`;
    time.id = `schedule-time-${post.id}`;
    $('.schedule-date-label', card).htmlFor = date.id;
    $('.schedule-time-label', card).htmlFor = time.id;
    $('.schedule-zone', card).id = `schedule-zone-${post.id}`;
    date.setAttribute('aria-describedby', `schedule-zone-${post.id}`);
    time.setAttribute('aria-describedby', `schedule-zone-${post.id}`);

    const markDirty = () => card.classList.toggle('dirty',
      caption.value !== (card.base?.caption ?? '') || tags.value !== (card.base?.tags ?? ''));
    caption.addEventListener('input', markDirty);
    tags.addEventListener('input', markDirty);

    $('.post-save', card).addEventListener('click', event => act(card, event.currentTarget, save));
    $('.post-publish', card).addEventListener('click', event => act(card, event.currentTarget, publishNow));
    $('.post-redraft', card).addEventListener('click', event => act(card, event.currentTarget, redraft));
    $('.post-cancel', card).addEventListener('click', event => act(card, event.currentTarget, cancel));
    $('.post-schedule', card).addEventListener('click', event => toggleSchedule(card, event.currentTarget));
    $('.schedule-close', card).addEventListener('click', () => closeSchedule(card, true));
    $('.schedule-form', card).addEventListener('keydown', event => {
      if (event.key === 'Escape') closeSchedule(card, true);
    });
    $('.schedule-form', card).addEventListener('submit', event => {
      event.preventDefault();
      act(card, $('.schedule-submit', card), schedule);
    });
    return card;
  }

  function renderMedia(card, post) {
    const box = $('.post-media', card);
    const first = post.media[0];
    let img = $('img', box);
    if (!first) {
      box.replaceChildren();
      return;
    }
    if (!img || img.dataset.mediaId !== String(first.id)) {
      img = h('img', { src: pageUrl(first.url), alt: '', loading: 'lazy', decoding: 'async', width: '400', height: '400' });
      img.dataset.mediaId = String(first.id);
      // a signed link expires: a live update carries a fresh one
      img.addEventListener('error', () => {
        const latest = posts.get(card.dataset.id);
        const media = latest && latest.media.find(m => String(m.id) === img.dataset.mediaId);
        if (media && pageUrl(media.url) !== img.getAttribute('src')) img.src = pageUrl(media.url);
      });
      box.replaceChildren(img, h('span', { class: 'media-count' }));
    }
    img.alt = t('posts.photoAlt', { n: post.media.length });
    const count = $('.media-count', box);
    count.hidden = post.media.length < 2;
    setText(count, t('posts.photos', { n: post.media.length }));
  }

  function renderCard(card, post) {
    renderMedia(card, post);
    card.dataset.status = post.status;
    const chip = $('.status-chip', card);
    chip.dataset.status = post.status;
    setText(chip, t(`postStatus.${post.status}`));
    const when = $('.post-when', card);
    const moment = post.status === 'PUBLISHED' ? post.publishedAt : post.status === 'SCHEDULED' ? post.scheduledAt : null;
    when.hidden = !moment;
    if (moment) {
      when.dateTime = moment;
      setText(when, formatDateTime(moment, zone()));
    }
    const brief = $('.post-brief', card);
    brief.hidden = !post.brief;
    setText(brief, post.brief ? t('posts.briefShown', { brief: post.brief }) : '');

    const drafting = post.status === 'DRAFTING';
    const editable = EDITABLE.has(post.status);
    $('.caption-drafting', card).hidden = !drafting;
    setText($('.caption-drafting-text', card), t('posts.drafting'));

    // while the AI writes, the (empty) editor keeps its place under the placeholder: nothing moves when it lands
    const editor = $('.caption-editor', card);
    editor.hidden = !(editable || drafting);
    editor.classList.toggle('under-placeholder', drafting);
    editor.inert = drafting;
    const caption = $('.post-caption', card);
    const tags = $('.post-hashtags', card);
    setText($('.caption-label', card), t('posts.caption'));
    setText($('.hashtags-label', card), t('posts.hashtags'));
    setText($('.hashtags-hint', card), t('posts.hashtags.hint'));
    caption.readOnly = !canEdit;
    tags.readOnly = !canEdit;
    const serverCaption = post.caption || '';
    const serverTags = (post.hashtags || []).map(tag => `#${tag}`).join(' ');
    const dirty = card.classList.contains('dirty');
    if (!dirty) {
      caption.value = serverCaption;
      tags.value = serverTags;
      card.base = { caption: serverCaption, tags: serverTags };
    }

    const final = $('.caption-final', card);
    final.hidden = editable || drafting || !(post.caption || (post.hashtags || []).length);
    setText($('.caption-final-text', card), serverCaption);
    setText($('.caption-final-tags', card), serverTags);

    const note = $('.post-note', card);
    let noteText = '';
    if (post.status === 'SCHEDULED') noteText = t('posts.scheduledFor', { when: formatDateTime(post.scheduledAt, zone()), zone: zone() });
    else if (post.status === 'PUBLISHING') noteText = t('posts.publishing');
    else if (post.status === 'PUBLISHED') noteText = t('posts.publishedAt', { when: formatDateTime(post.publishedAt, zone()) });
    else if (post.status === 'CANCELLED') noteText = t('posts.cancelled');
    else if (post.status === 'READY' && !canPublish) noteText = t('posts.readyForManager');
    note.hidden = !noteText;
    note.dataset.status = post.status;
    setText(note, noteText);

    const linkWrap = $('.post-link-wrap', card);
    const link = $('.post-permalink', card);
    const permalink = typeof post.permalink === 'string' && /^https:\/\//.test(post.permalink) ? post.permalink : null;
    linkWrap.hidden = !(post.status === 'PUBLISHED' && permalink);
    if (permalink) link.href = permalink;
    setText(link, t('posts.openInstagram'));

    const failureBox = $('.post-failure', card);
    const failure = post.failure;
    failureBox.hidden = !failure;
    if (failure) {
      const known = failure.code && has(`failure.${failure.code}`);
      const reason = known ? t(`failure.${failure.code}`) : (failure.message || failure.code || '');
      let text = t(failure.code === 'CAPTION_DRAFT_FAILED' ? 'posts.draftFailed' : 'posts.failed', { reason });
      if (failure.attempts > 1) text += ` (${t('review.failed.attempts', { n: failure.attempts })})`;
      const failureText = $('.failure-text', failureBox);
      setText(failureText, text);
      failureText.title = failure.message || '';
    }

    // actions: present while the post can still change (disabled while the AI writes, so nothing jumps)
    const actions = $('.post-actions', card);
    actions.hidden = !(drafting || editable);
    const publish = $('.post-publish', card);
    const scheduleButton = $('.post-schedule', card);
    const save = $('.post-save', card);
    const redraftButton = $('.post-redraft', card);
    const cancelButton = $('.post-cancel', card);
    setText(publish, t(post.status === 'PUBLISH_FAILED' ? 'posts.retry' : 'posts.publishNow'));
    setText(scheduleButton, t(post.status === 'SCHEDULED' ? 'posts.reschedule' : 'posts.schedule'));
    setText(save, t('posts.save'));
    setText(redraftButton, t('posts.redraft'));
    setText(cancelButton, t(post.status === 'SCHEDULED' ? 'posts.cancelSchedule' : 'posts.discard'));
    publish.hidden = !canPublish || !(drafting || PUBLISHABLE.has(post.status));
    scheduleButton.hidden = !canPublish || !(drafting || PUBLISHABLE.has(post.status));
    save.hidden = !canEdit;
    redraftButton.hidden = !canEdit || post.status === 'SCHEDULED';
    cancelButton.hidden = !canPublish || !CANCELLABLE.has(post.status);
    for (const button of actions.querySelectorAll('button')) {
      const locked = drafting && button !== cancelButton;
      button.dataset.locked = String(locked);
      if (button.getAttribute('aria-busy') !== 'true') button.disabled = locked;
    }

    setText($('.schedule-date-label', card), t('posts.date'));
    setText($('.schedule-time-label', card), t('posts.time'));
    setText($('.schedule-zone', card), t('posts.zone', { zone: zoneLabel(zone()) }));
    setText($('.schedule-submit', card), t('posts.scheduleSubmit'));
    setText($('.schedule-close', card), t('review.cancel'));
    if (!(canPublish && PUBLISHABLE.has(post.status))) closeSchedule(card, false);

    if (card.contains(document.activeElement) && document.activeElement.closest('[hidden]')) {
      $('.post-card', card).focus();
    }
  }

  function toggleSchedule(card, button) {
    const form = $('.schedule-form', card);
    if (!form.hidden) {
      closeSchedule(card, true);
      return;
    }
    const post = posts.get(card.dataset.id);
    const date = $('.schedule-date', card);
    const time = $('.schedule-time', card);
    const now = today(zone());
    date.min = now;
    date.max = addDays(now, 365);
    if (post.status === 'SCHEDULED' && post.scheduledAt) {
      date.value = dayOf(post.scheduledAt, zone());
      time.value = timeOf(post.scheduledAt, zone());
    } else if (!date.value) {
      date.value = addDays(now, 1);
      time.value = '10:00';
    }
    $('.schedule-message', card).hidden = true;
    form.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    date.focus();
  }

  function closeSchedule(card, focusButton) {
    const form = $('.schedule-form', card);
    if (form.hidden) return;
    form.hidden = true;
    const button = $('.post-schedule', card);
    button.setAttribute('aria-expanded', 'false');
    if (focusButton && !button.hidden) button.focus();
  }

  // --- actions --------------------------------------------------------------------------------------------

  async function act(card, button, action) {
    const id = card.dataset.id;
    const post = posts.get(id);
    if (!post) return;
    await busy(button, async () => {
      try {
        await action(card, post);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'VERSION_MISMATCH') {
          toast(t('posts.versionMismatch'), 'error');
          const fresh = await api('GET', path(post, '')).catch(() => null);
          if (fresh) applyLive(fresh);
        } else if (error instanceof ApiError && error.status === 400 && error.details && error.details.hashtags) {
          toast(`${t('posts.hashtags')}: ${error.details.hashtags}`, 'error');
          $('.post-hashtags', card).focus();
        } else {
          toast(describeError(error), 'error');
        }
      }
    });
  }

  function path(post, suffix) {
    return `/v1/shops/${shop.id}/posts/${post.id}${suffix}`;
  }

  /** Saves what is in the boxes when it differs from the post; returns the post as it is now. */
  async function saveIfChanged(card, post) {
    if (!card.classList.contains('dirty')) return post;
    const captionText = $('.post-caption', card).value;
    const tagsText = $('.post-hashtags', card).value;
    const answer = await api('PUT', path(post, ''), {
      caption: captionText, hashtags: parseHashtags(tagsText), expectedVersion: post.version,
    });
    card.classList.remove('dirty');
    applyLive(answer);
    return answer;
  }

  async function save(card, post) {
    if (!card.classList.contains('dirty')) {
      toast(t('posts.nothingToSave'));
      return;
    }
    await saveIfChanged(card, post);
    toast(t('review.saved'), 'success');
  }

  async function publishNow(card, post) {
    const current = await saveIfChanged(card, post);
    const answer = await api('POST', path(current, '/publish'), {});
    applyLive(answer);
    toast(t('posts.publishRequested'), 'success');
  }

  async function schedule(card, post) {
    const message = $('.schedule-message', card);
    message.hidden = true;
    const date = $('.schedule-date', card);
    const time = $('.schedule-time', card);
    const at = zonedInstant(date.value, time.value, zone());
    const problem = !date.value || !time.value ? t('posts.schedule.missing')
      : !at ? t('posts.schedule.noSuchTime', { zone: zone() })
        : at.epochMillis < Date.now() + 60_000 ? t('posts.schedule.past')
          : at.epochMillis > Date.now() + 365 * 86_400_000 ? t('posts.schedule.tooFar') : null;
    if (problem) {
      setText(message, problem);
      message.hidden = false;
      (date.value ? time : date).focus();
      return;
    }
    const current = await saveIfChanged(card, post);
    const answer = await api('POST', path(current, '/publish'), { at: at.iso });
    closeSchedule(card, false);
    applyLive(answer);
    toast(t('posts.scheduledToast', { when: formatDateTime(at.iso, zone()) }), 'success');
    $('.post-schedule', card).focus();
  }

  async function redraft(card, post) {
    const answer = await api('POST', path(post, '/caption/draft'), {});
    card.classList.remove('dirty');
    applyLive(answer);
    toast(t('posts.redraftRequested'));
  }

  async function cancel(card, post) {
    const answer = await api('POST', path(post, '/cancel'), null);
    applyLive(answer);
    toast(t(post.status === 'SCHEDULED' ? 'posts.cancelledScheduleToast' : 'posts.cancelledToast'));
  }

  // --- the composer: photos with progress, then the post ---------------------------------------------------

  function onFiles() {
    const files = Array.from(fileInput.files || []);
    fileInput.value = '';
    const message = $('#composer-message');
    message.hidden = true;
    const room = MAX_PHOTOS - uploads.filter(u => u.state !== 'error').length;
    if (files.length > room) {
      setText(message, t('posts.upload.tooMany', { n: MAX_PHOTOS }));
      message.hidden = false;
    }
    for (const file of files.slice(0, Math.max(0, room))) addUpload(file);
  }

  function addUpload(file) {
    const upload = { id: ++uploadSeq, file, state: 'uploading', media: null, message: '', progress: 0 };
    upload.element = h('li', { class: 'upload', dataset: { state: 'uploading' } },
      h('span', { class: 'upload-thumb', 'aria-hidden': 'true' }),
      h('span', { class: 'upload-info' },
        h('span', { class: 'upload-name' }, file.name || t('posts.photo')),
        h('span', { class: 'upload-status' }),
        h('progress', { class: 'upload-progress', max: '100', value: '0' })),
      h('button', { type: 'button', class: 'btn btn-quiet btn-small upload-remove', onclick: () => removeUpload(upload) },
        t('posts.upload.remove')));
    uploads.push(upload);
    uploadList.append(upload.element);
    if (file.type && !ACCEPTED_TYPES.includes(file.type)) {
      failUpload(upload, t('posts.upload.unsupported'));
    } else if (file.size > MAX_UPLOAD_BYTES) {
      failUpload(upload, t('posts.upload.tooLarge', { size: formatBytes(file.size) }));
    } else if (file.size === 0) {
      failUpload(upload, t('posts.upload.emptyFile'));
    } else {
      renderUpload(upload);
      send(upload).then(media => {
        if (!uploads.includes(upload)) return;
        upload.media = media;
        const ratio = media.width / media.height;
        if (ratio < MIN_RATIO - 0.005 || ratio > MAX_RATIO + 0.005) {
          upload.state = 'error';
          upload.message = t('posts.upload.ratio', { w: media.width, h: media.height });
        } else {
          upload.state = 'done';
        }
        renderUpload(upload);
      }).catch(error => {
        if (error && error.code === 'ABORTED') return;
        failUpload(upload, uploadError(error, upload));
      });
    }
    updateComposer();
  }

  function failUpload(upload, message) {
    upload.state = 'error';
    upload.message = message;
    renderUpload(upload);
    updateComposer();
  }

  function uploadError(error, upload) {
    if (!(error instanceof ApiError)) return t('error.generic');
    if (error.status === 415) return t('posts.upload.unsupported');
    if (error.status === 413) return t('posts.upload.tooLarge', { size: formatBytes(upload.file.size) });
    return describeError(error);
  }

  function renderUpload(upload) {
    const el = upload.element;
    el.dataset.state = upload.state;
    const progress = $('.upload-progress', el);
    progress.value = upload.state === 'done' ? 100 : upload.progress;
    progress.hidden = upload.state !== 'uploading';
    const size = formatBytes(upload.file.size);
    setText($('.upload-status', el), upload.state === 'uploading' ? t('posts.upload.progress', { pct: upload.progress, size })
      : upload.state === 'done' ? t('posts.upload.done', { size, w: upload.media.width, h: upload.media.height })
        : upload.message);
    $('.upload-status', el).setAttribute('role', upload.state === 'error' ? 'alert' : 'status');
    const thumb = $('.upload-thumb', el);
    if (upload.media && !$('img', thumb)) {
      thumb.append(h('img', { src: pageUrl(upload.media.url), alt: '', width: '48', height: '48' }));
    }
    updateComposer();
  }

  function removeUpload(upload) {
    if (upload.xhr && upload.state === 'uploading') upload.xhr.abort();
    uploads = uploads.filter(u => u !== upload);
    upload.element.remove();
    updateComposer();
    fileInput.focus();
  }

  function updateComposer() {
    const create = $('#post-create');
    const busyNow = create.getAttribute('aria-busy') === 'true';
    if (!busyNow) create.disabled = !uploads.some(u => u.state === 'done') || uploads.some(u => u.state === 'uploading');
  }

  /** multipart POST with upload progress (fetch cannot report it); the bearer token travels in a header only. */
  async function send(upload, retried = false) {
    const token = await accessToken();
    const form = new FormData();
    form.append('file', upload.file, upload.file.name || 'photo');
    const result = await new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      upload.xhr = xhr;
      xhr.open('POST', `/v1/shops/${shop.id}/media`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.responseType = 'text';
      xhr.upload.addEventListener('progress', event => {
        if (!event.lengthComputable) return;
        upload.progress = Math.min(99, Math.round((event.loaded / event.total) * 100));
        renderUpload(upload);
      });
      xhr.addEventListener('load', () => {
        let json = null;
        try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { json = null; }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve({ ok: true, json });
        } else {
          const error = (json && json.error) || {};
          resolve({ ok: false, error: new ApiError(xhr.status, error.code, error.message, error.details) });
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', 'network')));
      xhr.addEventListener('abort', () => reject(new ApiError(0, 'ABORTED', 'aborted')));
      xhr.send(form);
    });
    if (result.ok) return result.json;
    if (result.error.status === 401 && !retried) {
      await renew();
      return send(upload, true);
    }
    throw result.error;
  }

  async function onCreate(event) {
    event.preventDefault();
    const button = $('#post-create');
    const message = $('#composer-message');
    message.hidden = true;
    if (uploads.some(u => u.state === 'error')) {
      setText(message, t('posts.upload.fixFirst'));
      message.hidden = false;
      return;
    }
    const mediaIds = uploads.filter(u => u.state === 'done').map(u => u.media.id);
    if (mediaIds.length === 0) return;
    const brief = composer.elements.brief.value.trim();
    await busy(button, async () => {
      try {
        const post = await api('POST', `/v1/shops/${shop.id}/posts`, brief ? { mediaIds, brief } : { mediaIds });
        uploads.forEach(u => u.element.remove());
        uploads = [];
        composer.reset();
        if (filter && filter !== post.status) {
          statusFilter.value = '';
          filter = '';
          await reload();
        }
        applyLive(post);
        toast(t('posts.created'), 'success');
      } catch (error) {
        const details = (error && error.details) || {};
        const field = Object.keys(details).find(key => key.startsWith('mediaIds'));
        setText(message, field ? `${t('posts.photo')}: ${details[field]}` : describeError(error));
        message.hidden = false;
      }
    });
    updateComposer();
  }

  function fillStatusFilter() {
    const chosen = statusFilter.value;
    statusFilter.replaceChildren(h('option', { value: '' }, t('filter.all')),
      ...POST_STATUSES.map(s => h('option', { value: s }, t(`postStatus.${s}`))));
    statusFilter.value = chosen;
  }

  function renderComposerTexts() {
    setText($('#post-files-hint'), t('posts.files.hint', { n: MAX_PHOTOS }));
    for (const upload of uploads) renderUpload(upload);
  }

  // --- wiring ---------------------------------------------------------------------------------------------

  const onFilter = () => {
    filter = statusFilter.value;
    reload().catch(error => toast(describeError(error), 'error'));
  };
  const onMore = () => busy(moreButton, () => loadMore().catch(error => toast(describeError(error), 'error')));
  fileInput.addEventListener('change', onFiles);
  composer.addEventListener('submit', onCreate);
  statusFilter.addEventListener('change', onFilter);
  moreButton.addEventListener('click', onMore);
  fillStatusFilter();
  renderComposerTexts();
  updateComposer();
  composer.hidden = !canEdit;

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
      renderComposerTexts();
      for (const [id, card] of cards) renderCard(card, posts.get(id));
      renderAgenda();
      updateChrome();
      this.setCounts(lastCounts);
    },
    destroy() {
      generation += 1;
      for (const upload of uploads) if (upload.xhr) upload.xhr.abort();
      uploads = [];
      uploadList.replaceChildren();
      composer.reset();
      fileInput.removeEventListener('change', onFiles);
      composer.removeEventListener('submit', onCreate);
      statusFilter.removeEventListener('change', onFilter);
      moreButton.removeEventListener('click', onMore);
      list.replaceChildren();
      agenda.replaceChildren();
      empty.hidden = true;
      moreButton.hidden = true;
      statusFilter.value = '';
      setText(countLabel, '');
      $('#composer-message').hidden = true;
      missing.hidden = true;
      missing.replaceChildren();
      setText($('#post-counts'), '');
    },
  };
}
