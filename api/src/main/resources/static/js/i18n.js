// Korean first, English second. The texts live in /i18n/ko.json and /i18n/en.json; static text in index.html
// names its key in data-i18n (text), data-i18n-placeholder, data-i18n-aria-label or data-i18n-title; everything
// else asks t(). Both tables load at start (`ready`), so switching the language later needs no network.

const STRINGS = { ko: {}, en: {} };

export const LANGUAGES = ['ko', 'en'];
const PREF_KEY = 'salonmate.lang'; // a display preference, never a credential

/**
 * Resolves when both tables are in: nothing may be drawn with t() before (it would show keys). A table that cannot
 * be fetched stays empty and t() falls back to Korean, then to the key, rather than the page not starting at all.
 */
export const ready = Promise.all(LANGUAGES.map(async language => {
  try {
    const response = await fetch(`/i18n/${language}.json`, { credentials: 'same-origin' });
    if (response.ok) STRINGS[language] = await response.json();
  } catch { /* offline without the service worker's copy: keys rather than no page */ }
}));

let current = pickInitial();
const listeners = new Set();

function pickInitial() {
  try {
    const saved = localStorage.getItem(PREF_KEY);
    if (LANGUAGES.includes(saved)) return saved;
  } catch { /* storage may be unavailable */ }
  const wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'ko']);
  for (const tag of wanted) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'ko';
}

export function lang() {
  return current;
}

export function setLang(next) {
  if (!LANGUAGES.includes(next) || next === current) return;
  current = next;
  try { localStorage.setItem(PREF_KEY, next); } catch { /* ignore */ }
  applyStatic(document);
  listeners.forEach(fn => fn(next));
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** The text for key in the current language, with {name} placeholders filled in. */
export function has(key) {
  return key in (STRINGS[current] || STRINGS.ko);
}

export function t(key, params = {}) {
  const table = STRINGS[current] || STRINGS.ko;
  const template = table[key] ?? STRINGS.ko[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Fills every data-i18n* element below root (text only, never markup). */
export function applyStatic(root) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach(el => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach(el => { el.title = t(el.dataset.i18nTitle); });
}

// --- formatting ---------------------------------------------------------------------------------------

function locale() {
  return current === 'ko' ? 'ko-KR' : 'en';
}

export function formatDateTime(iso, timeZone) {
  if (!iso) return '';
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(locale(), {
      year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone,
    }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

export function formatRelative(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return t('time.justNow');
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(seconds / (86400 * 30)), 'month');
  return rtf.format(Math.round(seconds / (86400 * 365)), 'year');
}

export function formatMinutes(minutes) {
  if (minutes == null || Number.isNaN(minutes)) return t('minutes.none');
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const unit = (value, u) => new Intl.NumberFormat(locale(), { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

export function formatPercent(ratio) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio || 0);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n || 0);
}

export function formatRating(value) {
  if (value == null) return t('rating.none');
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatBytes(bytes) {
  const n = Number(bytes) || 0;
  const [value, unit] = n >= 1024 * 1024 ? [n / (1024 * 1024), 'megabyte'] : n >= 1024 ? [n / 1024, 'kilobyte'] : [n, 'byte'];
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** A calendar date ('2026-12-01') with its weekday: '12월 1일 (화)' / 'Tue, Dec 1'. */
export function formatDay(date) {
  const [y, m, d] = date.split('-').map(Number);
  const options = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };
  if (y !== new Date().getFullYear()) options.year = 'numeric';
  return new Intl.DateTimeFormat(locale(), options).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The time of day of an instant in a zone: '오전 10:00' / '10:00 AM'. */
export function formatTime(iso, timeZone) {
  try {
    return new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  }
}

/** An analytics bucket by its first day: short for an axis, long for a table. */
export function formatBucket(start, bucket, length) {
  const [y, m, d] = String(start).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  const format = options => new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(date);
  if (bucket === 'MONTH') {
    return length === 'long' ? format({ year: 'numeric', month: 'long' }) : format({ month: 'short' });
  }
  if (bucket === 'WEEK') {
    return length === 'long' ? t('analytics.weekOf', { day: format({ year: 'numeric', month: 'short', day: 'numeric' }) })
      : format({ month: 'numeric', day: 'numeric' });
  }
  return length === 'long' ? format({ year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' })
    : format({ month: 'numeric', day: 'numeric' });
}
