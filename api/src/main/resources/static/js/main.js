// SalonMate dashboard: sign-up/login, then the shop's live dashboard (counters, inbox, posts, audit trail,
// analytics, settings).

import * as session from './session.js';
import { ApiError } from './session.js';
import { $, $$, busy, h, setText, toast } from './dom.js';
import { applyStatic, formatMinutes, formatNumber, formatPercent, formatRating, formatRelative, lang, onLangChange,
  ready, setLang, t } from './i18n.js';
import { connectLive } from './live.js';
import { createInbox, SOURCES, STATUSES } from './inbox.js';
import { createSettings } from './settings.js';
import { createPosts } from './posts.js';
import { createAudit } from './audit.js';
import { createAnalytics } from './analytics.js';
import { hideAccountForms, initAccountPages, renderVerifyBanner, sayOnAuth, takePendingInvitation } from './account.js';
import { createMembers } from './members.js';
import { createNaverImport } from './naver.js';
import { initOAuth } from './oauth.js';
import { createBilling, pendingBillingShop, takeBillingReturn } from './billing.js';
import { createAccountCard } from './privacy.js';

let ctx = null; // the open shop: { membership, shop, dashboard, inbox, posts, audit, analytics, settings, live }
let ticker = null;

// --- start ------------------------------------------------------------------------------------------------

takeBillingReturn(); // Toss's card window sent the browser back here: keep its answer before the address changes
await ready; // the texts: the sign-in card stays hidden until it can be drawn in the chosen language
applyStatic(document);
fillFilterOptions();
wireTablist($('#auth-view .segmented'), showAuthTab);
wireTablist($('#dashboard-view .tabs'), showDashboardTab);
$('#login-form').addEventListener('submit', onLogin);
$('#signup-form').addEventListener('submit', onSignup);
$('#lang-switch').addEventListener('click', () => setLang(lang() === 'ko' ? 'en' : 'ko'));
$('#logout').addEventListener('click', () => session.logout());
$('#sync-now').addEventListener('click', event => syncNow(event.currentTarget));
$('#quota-upgrade').addEventListener('click', () => {
  selectTab($('#tab-settings'));
  $('#billing-card').scrollIntoView({ block: 'start' });
  $('#billing-upgrade').focus();
});
$('#filters').addEventListener('change', onFilterChange);
$('#filters').addEventListener('submit', event => event.preventDefault());
$('#filter-to-paste').addEventListener('click', showRepliesToPaste);
$('#new-shop-open').addEventListener('click', () => toggleNewShop(true));
$('#new-shop-cancel').addEventListener('click', () => toggleNewShop(false));
$('#new-shop-form').addEventListener('submit', event => onCreateShop(event, $('#new-shop-form')));
$('#first-shop-form').addEventListener('submit', event => onCreateShop(event, $('#first-shop-form')));
$('#shop-switch').addEventListener('change', event => {
  const membership = ctx && ctx.memberships.find(m => m.shopId === event.target.value);
  if (membership) openShop(membership, ctx.memberships);
});
session.onSessionEnd(reason => {
  closeShop();
  showAuth(reason === 'expired' ? t('auth.expired') : null);
});
onLangChange(() => {
  fillFilterOptions();
  if (ctx) {
    renderShop();
    renderDashboard();
    ctx.inbox.relabel();
    ctx.naver.relabel();
    ctx.posts.relabel();
    if (ctx.audit) ctx.audit.relabel();
    if (ctx.analytics) ctx.analytics.relabel();
    ctx.members.relabel();
    ctx.billing.relabel();
    ctx.account.relabel();
  }
  renderLive(liveState);
  renderVerifyBanner();
});
showAuth(null);
initAccountPages({
  showLoginTab: () => selectTab($('#tab-login')),
  describeError,
  onInvitation: () => enterDashboard(ctx && ctx.shop.id), // a mail link opened while signed in
});
initOAuth({
  onSignedIn: () => enterDashboard(null),
  say: sayOnAuth,
});
registerServiceWorker();

function registerServiceWorker() {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* the page works without it */ });
  }
}

// --- sign-up and login ------------------------------------------------------------------------------------

function showAuth(message) {
  $('#dashboard-view').hidden = true;
  $('#auth-view').hidden = false;
  $('#logout').hidden = true;
  $('#live').hidden = true;
  sayOnAuth(message);
  $$('#auth-view form').forEach(form => { if (form.elements.password) form.elements.password.value = ''; });
  if (!$('#first-shop-form').hidden) {
    $('#first-shop-form').hidden = true;
    $('#auth-view .segmented').hidden = false;
    selectTab($('#tab-login'));
  }
}

function showAuthTab(tab) {
  const signup = tab.id === 'tab-signup';
  hideAccountForms();
  $('#login-form').hidden = signup;
  $('#signup-form').hidden = !signup;
  $('#auth-message').hidden = true;
}

async function onLogin(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (!validate(form)) return;
  await submitAuth(form, async () => {
    await session.login(form.elements.email.value.trim(), form.elements.password.value);
    await enterDashboard(null);
  });
}

async function onSignup(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (!validate(form)) return;
  await submitAuth(form, async () => {
    let timezone = 'Asia/Seoul';
    try { timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || timezone; } catch { /* keep Seoul */ }
    const answer = await session.signup({
      email: form.elements.email.value.trim(),
      password: form.elements.password.value,
      name: form.elements.name.value.trim(),
      shopName: form.elements.shopName.value.trim(),
      timezone,
      locale: lang(),
    });
    await enterDashboard(answer.shop && answer.shop.id);
  });
}

function validate(form) {
  for (const input of form.querySelectorAll('input')) {
    input.value = input.type === 'password' ? input.value : input.value.trimStart();
    const valid = input.checkValidity() && (input.type === 'password' || input.value.trim() !== '');
    if (valid) {
      input.removeAttribute('aria-invalid');
    } else {
      input.setAttribute('aria-invalid', 'true');
      const box = $('#auth-message');
      const label = form.querySelector(`label[for="${input.id}"]`);
      setText(box, `${label ? label.textContent : input.name}: ${input.validationMessage || t('auth.required')}`);
      box.hidden = false;
      input.focus();
      return false;
    }
  }
  return true;
}

async function submitAuth(form, work) {
  const button = form.querySelector('button[type=submit]');
  const label = button.textContent;
  const box = $('#auth-message');
  box.hidden = true;
  await busy(button, async () => {
    setText(button, t('auth.working'));
    try {
      await work();
    } catch (error) {
      box.dataset.kind = 'error';
      box.setAttribute('role', 'alert');
      setText(box, error.status === 401 ? t('auth.failed')
        : error.code === 'EMAIL_TAKEN' ? t('auth.emailTaken') : describeError(error));
      box.hidden = false;
    } finally {
      setText(button, label);
    }
  });
}

// --- the dashboard ----------------------------------------------------------------------------------------

async function enterDashboard(preferredShopId) {
  const joined = await acceptPendingInvitation();
  if (joined) preferredShopId = joined;
  const me = await session.api('GET', '/v1/me');
  if (me.user) session.updateUser(me.user); // taking an invitation up verifies the address
  const memberships = me.memberships || [];
  if (memberships.length === 0) {
    showFirstShop(); // e.g. a new account made by signing in with Google or Kakao
    return;
  }
  const membership = memberships.find(m => m.shopId === preferredShopId)
    || memberships.find(m => m.shopId === pendingBillingShop()) || memberships[0];
  await openShop(membership, memberships);
  $('#auth-view').hidden = true;
  $('#dashboard-view').hidden = false;
  renderVerifyBanner();
  $('#logout').hidden = false;
  $('#live').hidden = false;
  $('#shop-name').focus();
}

/** A signed-in account without a shop: the sign-in card asks for its first shop. */
function showFirstShop() {
  closeShop();
  $('#dashboard-view').hidden = true;
  $('#auth-view').hidden = false;
  hideAccountForms();
  $('#login-form').hidden = true;
  $('#signup-form').hidden = true;
  $('#oauth-buttons').hidden = true;
  $('#auth-view .segmented').hidden = true;
  $('#first-shop-form').hidden = false;
  $('#logout').hidden = false;
  $('#first-shop-name').focus();
}

function toggleNewShop(open) {
  $('#new-shop-form').hidden = !open;
  $('#new-shop-open').setAttribute('aria-expanded', String(open));
  if (open) {
    $('#new-shop-name').value = '';
    $('#new-shop-name').removeAttribute('aria-invalid');
    $('#new-shop-name').focus();
  } else {
    $('#new-shop-open').focus();
  }
}

/** "New shop": the caller becomes its OWNER, and it opens at once (the switcher then lists it too). */
async function onCreateShop(event, form) {
  event.preventDefault();
  const input = form.elements.name;
  const name = input.value.trim();
  if (!name) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    toast(t('auth.required'), 'error');
    return;
  }
  input.removeAttribute('aria-invalid');
  await busy(form.querySelector('button[type=submit]'), async () => {
    try {
      let timezone = 'Asia/Seoul';
      try { timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || timezone; } catch { /* keep Seoul */ }
      const shop = await session.api('POST', '/v1/shops', { name, timezone, locale: lang() });
      form.hidden = true;
      $('#new-shop-open').setAttribute('aria-expanded', 'false');
      $('#first-shop-form').hidden = true;
      $('#auth-view .segmented').hidden = false;
      await enterDashboard(shop.id);
      toast(t('shop.created'), 'success');
    } catch (error) {
      toast(describeError(error), 'error');
    }
  });
}

/** The invitation a mail link brought, taken up by the signed-in account; returns the shop it joined. */
async function acceptPendingInvitation() {
  const token = takePendingInvitation();
  if (!token) return null;
  try {
    const answer = await session.api('POST', '/v1/invitations/accept', { token });
    toast(t('invite.joined'), 'success');
    return answer.shopId;
  } catch (error) {
    toast(error.status === 410 ? t('invite.gone') : error.status === 403 ? t('invite.otherEmail')
      : describeError(error), 'error');
    return null;
  }
}

async function openShop(membership, memberships) {
  closeShop();
  const shop = await session.api('GET', `/v1/shops/${membership.shopId}`);
  ctx = { membership, memberships, shop, dashboard: null };
  const canManage = membership.role === 'OWNER' || membership.role === 'MANAGER';
  ctx.inbox = createInbox({
    shop,
    role: membership.role,
    isGoogleConnected: () => !!(ctx && ctx.shop.connections && ctx.shop.connections.google),
    onEmptyAction: action => {
      if (action === 'connect') {
        selectTab($('#tab-settings'));
        $('#google-account').focus();
      } else {
        syncNow($('#empty-action'));
      }
    },
    describeError,
  });
  ctx.naver = createNaverImport({ shop, role: membership.role, describeError });
  ctx.settings = createSettings({
    shop,
    role: membership.role,
    onShopChanged: updated => {
      if (!ctx) return;
      ctx.shop = updated;
      renderShop();
      ctx.inbox.refreshEmptyState();
    },
    onSync: button => syncNow(button),
    describeError,
  });
  ctx.members = createMembers({
    shop,
    role: membership.role,
    me: session.user(),
    describeError,
    onLeft: () => enterDashboard(null),
  });
  ctx.billing = createBilling({ shop, role: membership.role, describeError });
  ctx.account = createAccountCard({
    describeError,
    onDeleted: async () => { // the account is gone: back to the sign-in card, saying so
      await session.logout();
      sayOnAuth(t('account.deleted'), 'success');
      $('#login-email').focus();
    },
  });
  ctx.posts = createPosts({
    shop,
    role: membership.role,
    describeError,
    onConnectInstagram: () => {
      selectTab($('#tab-settings'));
      $('#instagram-user').focus();
    },
  });
  // the audit trail and analytics are for managers and owners (the API answers 403 to staff)
  ctx.audit = canManage ? createAudit({ shop, me: session.user(), describeError }) : null;
  ctx.analytics = canManage ? createAnalytics({ shop, describeError }) : null;
  $('#tab-audit').hidden = !canManage;
  $('#tab-analytics').hidden = !canManage;
  renderShop();
  selectTab($('#tab-inbox'));
  $('#filters').reset();
  const current = ctx;
  await Promise.all([
    ctx.inbox.reload(),
    ctx.members.reload(),
    ctx.billing.reload(),
    session.api('GET', `/v1/shops/${shop.id}/dashboard`).then(d => { if (ctx === current) { ctx.dashboard = d; renderDashboard(); } }),
  ]);
  ctx.live = connectLive(shop.id, {
    onReview: review => {
      if (ctx !== current) return;
      ctx.inbox.applyLive(review);
      refreshAuditSoon(current);
    },
    onPost: post => { if (ctx === current) ctx.posts.applyLive(post); },
    onDashboard: dashboard => { if (ctx === current) { ctx.dashboard = dashboard; renderDashboard(); } },
    onStatus: renderLive,
    onConnected: () => { if (ctx === current) catchUp(current); },
  });
  clearInterval(ticker);
  ticker = setInterval(() => { if (ctx) { renderDashboard(); ctx.inbox.relabel(); } }, 60_000);
}

/** Every (re)connect: load over HTTP whatever changed while the socket was not listening. */
async function catchUp(current, attempt = 0) {
  try {
    const [shop, dashboard] = await Promise.all([
      session.api('GET', `/v1/shops/${current.shop.id}`),
      session.api('GET', `/v1/shops/${current.shop.id}/dashboard`),
      current.inbox.catchUp(),
      current.posts.catchUp(),
    ]);
    if (ctx !== current) return;
    ctx.shop = shop;
    ctx.dashboard = dashboard;
    renderShop();
    renderDashboard();
    ctx.inbox.refreshEmptyState();
  } catch (error) {
    // the network may still be settling: try again a few times (a signed-out session stops it)
    if (ctx === current && attempt < 5 && error.status !== 401 && error.status !== 403) {
      setTimeout(() => { if (ctx === current) catchUp(current, attempt + 1); }, 1000 * 2 ** attempt);
    }
  }
}

function closeShop() {
  clearInterval(ticker);
  ticker = null;
  if (!ctx) return;
  const closing = ctx;
  ctx = null;
  if (closing.live) closing.live.stop();
  closing.inbox.destroy();
  closing.naver.destroy();
  closing.posts.destroy();
  if (closing.audit) closing.audit.destroy();
  if (closing.analytics) closing.analytics.destroy();
  closing.settings.destroy();
  closing.members.destroy();
  closing.billing.destroy();
  closing.account.destroy();
  clearTimeout(auditTimer);
}

function renderShop() {
  const { shop, membership, memberships } = ctx;
  const user = session.user();
  setText($('#hello'), t('dash.hello', { name: user ? user.name : '' }));
  setText($('#shop-name'), shop.name);
  $('#shop-name').tabIndex = -1;
  const switcher = $('#shop-switch');
  $('#shop-switch-wrap').hidden = memberships.length < 2;
  switcher.replaceChildren(...memberships.map(m => h('option', { value: m.shopId }, m.shopName)));
  switcher.value = membership.shopId;
  $('#sync-now').hidden = membership.role === 'STAFF' || !(shop.connections && shop.connections.google);
  ctx.settings.render(shop);
  ctx.posts.setShop(shop);
  if (ctx.audit) ctx.audit.setShop(shop);
  if (ctx.analytics) ctx.analytics.setShop(shop);
}

let auditTimer = null;

/** A review changed: the audit page on screen gets its new entries (at most once a second). */
function refreshAuditSoon(current) {
  if (!current.audit || $('#audit-panel').hidden) return;
  if ($('#audit-table').getBoundingClientRect().top < 0) return; // reading further down: new rows would push it away
  clearTimeout(auditTimer);
  auditTimer = setTimeout(() => { if (ctx === current && !$('#audit-panel').hidden) current.audit.refresh(); }, 1000);
}

function renderDashboard() {
  const d = ctx && ctx.dashboard;
  if (!d) return;
  const counts = d.reviews || {};
  bump($('#c-new'), formatNumber(counts.new));
  bump($('#c-awaiting'), formatNumber(counts.awaitingApproval));
  bump($('#c-published'), formatNumber(counts.published));
  bump($('#c-failed'), formatNumber(counts.failed));
  $('.counter-failed').classList.toggle('alert', (counts.failed || 0) > 0);
  bump($('#c-rating'), formatRating(d.averageRating));
  $('.metric-star').hidden = d.averageRating == null;
  bump($('#c-reply-rate'), formatPercent(d.replyRate));
  bump($('#c-median'), formatMinutes(d.medianResponseMinutes));
  ctx.posts.setCounts(d.posts);
  $('#quota-banner').hidden = !d.quotaExceeded;
  setText($('#last-sync'), d.lastSyncAt ? t('dash.lastSync', { when: formatRelative(d.lastSyncAt) }) : t('dash.neverSynced'));
}

/** Sets a counter; a changed number pulses (transform only, so nothing around it moves). */
function bump(element, text) {
  if (element.textContent === text) return;
  const first = element.dataset.shown !== 'true';
  element.textContent = text;
  element.dataset.shown = 'true';
  if (first) return;
  element.classList.remove('bump');
  void element.offsetWidth; // restart the animation
  element.classList.add('bump');
}

async function syncNow(button) {
  if (!ctx) return;
  const shopId = ctx.shop.id;
  await busy(button, async () => {
    try {
      await session.api('POST', `/v1/shops/${shopId}/reviews/sync`, null);
      toast(t('dash.syncRequested'), 'success');
    } catch (error) {
      toast(describeError(error), 'error');
    }
  });
}

function onFilterChange() {
  if (!ctx) return;
  const form = $('#filters');
  ctx.inbox.setFilters({
    status: form.elements.status.value,
    rating: form.elements.rating.value,
    source: form.elements.source.value,
  }).catch(error => toast(describeError(error), 'error'));
}

/** Approved Naver replies wait for a person to paste them into Naver: the inbox filter that lists them. */
function showRepliesToPaste() {
  const form = $('#filters');
  form.elements.status.value = 'APPROVED';
  form.elements.source.value = 'NAVER';
  onFilterChange();
}

function fillFilterOptions() {
  const fill = (select, options) => {
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, t('filter.all')),
      ...options.map(([value, label]) => h('option', { value }, label)));
    select.value = chosen;
  };
  fill($('#filter-status'), STATUSES.map(s => [s, t(`status.${s}`)]));
  fill($('#filter-rating'), [5, 4, 3, 2, 1].map(n => [String(n), t('filter.stars', { n })]));
  fill($('#filter-source'), SOURCES.map(s => [s, t(`source.${s}`)]));
}

// --- tabs (the WAI-ARIA tabs pattern: arrows move, Enter/Space or click select) -----------------------------

function wireTablist(tablist, onSelect) {
  tablist.onSelect = onSelect;
  $$('[role=tab]', tablist).forEach(tab => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', event => {
      const tabs = $$('[role=tab]', tablist).filter(other => !other.hidden); // a role may not see every tab
      const index = tabs.indexOf(tab);
      const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      const next = tabs[(index + step + tabs.length) % tabs.length];
      selectTab(next);
      next.focus();
    });
  });
}

function selectTab(tab) {
  const tablist = tab.closest('[role=tablist]');
  for (const other of $$('[role=tab]', tablist)) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(other.getAttribute('aria-controls'));
    if (panel) panel.hidden = !selected;
  }
  if (tablist.onSelect) tablist.onSelect(tab);
}

/** On a narrow phone the tab strip scrolls sideways: bring the chosen tab into it (the page does not move). */
function revealTab(tab) {
  const strip = tab.parentElement;
  const box = strip.getBoundingClientRect();
  const place = tab.getBoundingClientRect();
  if (place.left < box.left) strip.scrollLeft -= box.left - place.left + 12;
  else if (place.right > box.right) strip.scrollLeft += place.right - box.right + 12;
}

/** Panels switch in selectTab; a view loads what it shows the first time it is opened. */
function showDashboardTab(tab) {
  if (!ctx) return;
  revealTab(tab);
  const view = { 'tab-posts': ctx.posts, 'tab-audit': ctx.audit, 'tab-analytics': ctx.analytics }[tab.id];
  if (!view) return;
  view.ensureLoaded().catch(error => toast(describeError(error), 'error'));
  if (view.shown) view.shown();
}

// --- live indicator and errors ----------------------------------------------------------------------------

let liveState = 'connecting';

function renderLive(state) {
  liveState = state;
  const box = $('#live');
  box.dataset.state = state;
  setText($('.live-text', box), t(`live.${state}`));
  box.title = state === 'live' ? t('live.title.live') : state === 'reconnecting' ? t('live.title.reconnecting') : '';
}

function describeError(error) {
  if (!(error instanceof ApiError)) return t('error.generic');
  switch (error.code) {
    case 'NETWORK': return t('error.network');
    case 'FORBIDDEN': return t('error.forbidden');
    case 'RATE_LIMITED': return t('error.rateLimited');
    case 'VERSION_MISMATCH': return t('review.versionMismatch');
    default: break;
  }
  if (error.code === 'VALIDATION_FAILED' && error.details) {
    // every error names its trace (details.traceId) for support; it is not a field of the form
    const problems = Object.entries(error.details).filter(([field]) => field !== 'traceId')
      .map(([field, problem]) => `${field}: ${problem}`);
    if (problems.length) return problems.join(' · ');
  }
  return error.message && lang() === 'en' ? error.message : `${t('error.generic')}${error.message ? ` (${error.message})` : ''}`;
}
