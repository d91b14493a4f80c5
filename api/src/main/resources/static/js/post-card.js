// One post's card: its photo, the caption and hashtags (editable while the post can change), the note on where it
// stands, its failure, and its buttons — save, publish now, schedule at a date and time in the SHOP's zone, a new
// caption, cancel. What the buttons answer goes back through applyLive, like a live update.

import { api, ApiError } from './session.js';
import { $, busy, fromTemplate, h, setText, toast } from './dom.js';
import { formatDateTime, has, t } from './i18n.js';
import { addDays, dayOf, timeOf, today, zonedInstant, zoneLabel } from './zone.js';

const EDITABLE = new Set(['READY', 'SCHEDULED', 'PUBLISH_FAILED']);
const PUBLISHABLE = new Set(['READY', 'SCHEDULED', 'PUBLISH_FAILED']);
const CANCELLABLE = new Set(['DRAFTING', 'READY', 'SCHEDULED', 'PUBLISH_FAILED']);

/**
 * A photo link of this server as a path on the page's own origin: the API's links use the public base URL (what
 * Instagram fetches), which need not be the origin the page was loaded from (and the CSP allows only that one).
 */
export function pageUrl(url) {
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

/**
 * @param {{shopId: Function, zone: Function, canPublish: boolean, latest: Function, applyLive: Function,
 *   describeError: Function}} options  latest(id) is the post as last seen
 */
export function createPostCards({ shopId, zone, canPublish, latest, applyLive, describeError }) {
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
        const latest = latest(card.dataset.id);
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
    // every member (STAFF and up) prepares posts: saving and a new caption are for all; publishing is not
    redraftButton.hidden = post.status === 'SCHEDULED';
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
    const post = latest(card.dataset.id);
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
    const post = latest(id);
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
    return `/v1/shops/${shopId()}/posts/${post.id}${suffix}`;
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

  return { createCard, renderCard };
}
