// Wall-clock time in the SHOP's time zone (not the browser's): what a date and time typed in the page mean, and
// which day an instant falls on there. Only Intl is used (the browser's own tz database), no library.

const partsFormatters = new Map();

function partsFormatter(zone) {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** The shop's zone if the browser knows it, else Asia/Seoul (the product's default). */
export function safeZone(zone) {
  try {
    partsFormatter(zone || 'Asia/Seoul');
    return zone || 'Asia/Seoul';
  } catch {
    return 'Asia/Seoul';
  }
}

/** {year, month, day, hour, minute, second} of the instant as a wall clock in zone shows it. */
export function wallClock(instant, zone) {
  const parts = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** Minutes zone is ahead of UTC at that instant (+540 for Asia/Seoul). */
export function offsetMinutes(instant, zone) {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(new Date(instant).getTime() / 1000) * 1000) / 60000);
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** '2026-12-01' of the instant in zone. */
export function dayOf(instant, zone) {
  const w = wallClock(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** '10:00' of the instant in zone. */
export function timeOf(instant, zone) {
  const w = wallClock(instant, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Today in zone, as '2026-12-01'. */
export function today(zone, now = Date.now()) {
  return dayOf(now, zone);
}

/** 'yyyy-mm-dd' plus days (calendar arithmetic, no zone involved). */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** '+09:00' */
function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant a wall clock in zone shows as date ('2026-12-01') and time ('10:00'), written as ISO-8601 with that
 * zone's offset ('2026-12-01T10:00:00+09:00'). A time skipped by a daylight-saving jump has no instant: null.
 */
export function zonedInstant(date, time, zone) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time || '');
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // the offset at the guess, then at the result (they differ only next to a daylight-saving change)
  let offset = offsetMinutes(wall - offsetMinutes(wall, zone) * 60000, zone);
  let instant = wall - offset * 60000;
  if (offsetMinutes(instant, zone) !== offset) {
    offset = offsetMinutes(instant, zone);
    instant = wall - offset * 60000;
  }
  if (dayOf(instant, zone) !== date || timeOf(instant, zone) !== `${t[1]}:${t[2]}`) return null;
  return { iso: `${date}T${t[1]}:${t[2]}:00${offsetText(offset)}`, epochMillis: instant };
}

/** Offset label of the zone now, e.g. 'Asia/Seoul (UTC+09:00)'. */
export function zoneLabel(zone, now = Date.now()) {
  return `${zone} (UTC${offsetText(offsetMinutes(now, zone))})`;
}
