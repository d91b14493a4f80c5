// The schedule (agenda): the shop's scheduled posts by day in the SHOP's time zone, today and tomorrow marked; a
// click on one brings its card into view. Loaded apart from the post list (which may be filtered or paged).

import { $, h, setText } from './dom.js';
import { formatDay, formatTime, t } from './i18n.js';
import { addDays, dayOf, today, zoneLabel } from './zone.js';

/** @param {{zone: Function, onPick: Function}} options  onPick(postId) shows that post's card */
export function createAgenda({ zone, onPick }) {
  const agenda = $('#agenda');
  const scheduled = new Map(); // id → Post with status SCHEDULED

  function render() {
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
        h('button', { type: 'button', class: 'agenda-link', onclick: () => onPick(post.id) },
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

  return {
    render,
    /** A post as it is now: in the agenda while it is SCHEDULED. */
    note(post) {
      if (post.status === 'SCHEDULED') scheduled.set(post.id, post);
      else scheduled.delete(post.id);
    },
    /** Every scheduled post, as the API listed them. */
    replace(posts) {
      scheduled.clear();
      posts.forEach(post => scheduled.set(post.id, post));
    },
    clear() {
      agenda.replaceChildren();
    },
  };
}
