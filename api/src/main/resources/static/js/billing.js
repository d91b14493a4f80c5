// Settings → Plan (OWNER only; the API answers 403 to others): the plan, this month's AI generations as a bar
// (aiUsed / aiQuota), the period, the card and the payments; upgrading through Toss's card-registration window, and
// cancelling. Toss's SDK comes from the server's setting (salonmate.toss.sdk-url) through a <script src> made here —
// never inline script, so a Content-Security-Policy of script-src 'self' plus that origin is enough. Toss sends the
// browser back to this page with ?billing=success&customerKey=…&authKey=… (or billing=fail&code&message); that
// return is taken at load, before anything else touches the address, kept in sessionStorage for the sign-in that the
// reload requires (the login lives in memory only; the authKey is single-use and short-lived), and finished once
// that shop is open.

import { api } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { formatDateTime, formatNumber, t } from './i18n.js';

const RETURN_KEY = 'salonmate.billingReturn';

/** "29,000원" in Korean, "₩29,000" in English. */
export function formatKrw(amount) {
  return t('billing.krw', { amount: formatNumber(amount) });
}

/** Takes Toss's redirect back (query parameters) out of the address bar and keeps it for the shop it was for. */
/** The shop Toss's window was opened for, while its answer waits to be used. */
export function pendingBillingShop() {
  try {
    return JSON.parse(sessionStorage.getItem(RETURN_KEY) || 'null')?.shopId || null;
  } catch (ignored) {
    return null;
  }
}

export function takeBillingReturn() {
  const params = new URLSearchParams(location.search);
  const outcome = params.get('billing');
  if (outcome !== 'success' && outcome !== 'fail') return;
  const pending = {
    outcome,
    shopId: params.get('shop'),
    customerKey: params.get('customerKey'),
    authKey: params.get('authKey'),
    message: params.get('message') || params.get('code') || '',
  };
  sessionStorage.setItem(RETURN_KEY, JSON.stringify(pending));
  history.replaceState(null, '', location.pathname + location.hash);
}

let sdk = null; // one load of Toss's script per page

function loadSdk(url) {
  if (window.TossPayments) return Promise.resolve(window.TossPayments);
  if (!sdk) {
    sdk = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.addEventListener('load', () => (window.TossPayments ? resolve(window.TossPayments)
        : reject(new Error('TossPayments missing'))));
      script.addEventListener('error', () => { sdk = null; reject(new Error('Toss SDK did not load')); });
      document.head.append(script);
    });
  }
  return sdk;
}

function randomCustomerKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'c_' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export function createBilling({ shop, role, describeError }) {
  const card = $('#billing-card');
  const isOwner = role === 'OWNER';
  let current = null;
  let client = null; // the plans and Toss's client key (GET /v1/billing/config)

  function render() {
    card.hidden = !isOwner || !current;
    if (card.hidden) return;
    const b = current;
    const price = client ? client.proPriceKrw : 0;
    setText($('#billing-body'), client ? t('billing.body', {
      free: formatNumber(client.freeAiQuota),
      pro: formatNumber(client.proAiQuota),
      price: formatKrw(price),
    }) : '');
    const when = b.periodEnd ? formatDateTime(b.periodEnd, shop.timezone) : '';
    setText($('#billing-plan'), `${b.plan} · ${t(`billing.status.${b.status}`, { when })}`);
    setText($('#billing-period'), b.periodStart && b.periodEnd
      ? `${formatDateTime(b.periodStart, shop.timezone)} – ${when}` : t('billing.none'));
    const lastPaid = b.payments.find(p => p.status === 'DONE');
    setText($('#billing-next'), b.nextChargeAt
      ? `${formatDateTime(b.nextChargeAt, shop.timezone)} · ${formatKrw(lastPaid ? lastPaid.amount : price)}`
      : t('billing.none'));
    setText($('#billing-card-info'), b.card ? `${b.card.company || ''} ···· ${b.card.last4}`.trim() : t('billing.noCard'));
    const bar = $('#billing-usage-bar');
    bar.setAttribute('aria-valuemax', String(b.aiQuota));
    bar.setAttribute('aria-valuenow', String(Math.min(b.aiUsed, b.aiQuota)));
    bar.classList.toggle('full', b.aiUsed >= b.aiQuota);
    $('#billing-usage-fill').style.width = `${b.aiQuota > 0 ? Math.min(100, (100 * b.aiUsed) / b.aiQuota) : 100}%`;
    setText($('#billing-usage'), t('billing.used', { used: formatNumber(b.aiUsed), quota: formatNumber(b.aiQuota) }));
    const upgrade = $('#billing-upgrade');
    upgrade.hidden = b.plan !== 'FREE' || !client || !client.clientKey;
    setText(upgrade, t('billing.upgrade', { price: formatKrw(price) }));
    $('#billing-cancel').hidden = b.plan !== 'PRO' || b.status === 'CANCELLING';
    $('#billing-payments-wrap').hidden = b.payments.length === 0;
    $('#billing-payments').replaceChildren(...b.payments.map(p => h('li', { class: 'member payment', dataset: { orderId: p.orderId } },
      h('span', { class: 'member-who' }, formatDateTime(p.at, shop.timezone)),
      h('span', { class: 'payment-amount' }, formatKrw(p.amount)),
      h('span', { class: `badge payment-${p.status.toLowerCase()}` }, t(`billing.payment.${p.status}`)),
      p.failure ? h('span', { class: 'muted' }, p.failure.message) : null)));
    $('#quota-upgrade').hidden = upgrade.hidden;
  }

  async function reload() {
    if (!isOwner) { render(); return; }
    try {
      [current, client] = await Promise.all([
        api('GET', `/v1/shops/${shop.id}/billing`),
        client ? Promise.resolve(client) : api('GET', '/v1/billing/config'),
      ]);
    } catch (error) {
      toast(describeError(error), 'error');
    }
    render();
    await finishReturn();
  }

  /** Toss brought the browser back: subscribe with what the window gave us (once). */
  async function finishReturn() {
    const raw = sessionStorage.getItem(RETURN_KEY);
    if (!raw) return;
    const pending = JSON.parse(raw);
    if (pending.shopId !== shop.id) return;
    sessionStorage.removeItem(RETURN_KEY);
    const message = $('#billing-message');
    if (pending.outcome !== 'success' || !pending.authKey || !pending.customerKey) {
      setText(message, t('billing.windowFailed', { message: pending.message }));
      message.hidden = false;
      return;
    }
    try {
      current = await api('POST', `/v1/shops/${shop.id}/billing/subscribe`,
        { plan: 'PRO', customerKey: pending.customerKey, authKey: pending.authKey });
      message.hidden = true;
      const paid = current.payments.find(p => p.status === 'DONE');
      toast(t('billing.subscribed', { price: formatKrw(paid ? paid.amount : (client ? client.proPriceKrw : 0)) }), 'success');
    } catch (error) {
      const detail = error && error.details && error.details.message;
      setText(message, error && error.code === 'PAYMENT_FAILED'
        ? t('billing.paymentFailed', { message: detail || error.message }) : describeError(error));
      message.hidden = false;
      try { current = await api('GET', `/v1/shops/${shop.id}/billing`); } catch (ignored) { /* shown above */ }
    }
    render();
  }

  async function upgrade(button) {
    await busy(button, async () => {
      try {
        const TossPayments = await loadSdk(client.sdkUrl);
        const back = `${location.origin}${location.pathname}?shop=${encodeURIComponent(shop.id)}&billing=`;
        await TossPayments(client.clientKey).requestBillingAuth('카드', {
          customerKey: randomCustomerKey(),
          successUrl: `${back}success`,
          failUrl: `${back}fail`,
        });
      } catch (error) {
        const message = $('#billing-message');
        setText(message, t('billing.windowFailed', { message: (error && error.message) || '' }));
        message.hidden = false;
      }
    });
  }

  async function cancel(button) {
    const when = formatDateTime(current.periodEnd, shop.timezone);
    if (!window.confirm(t('billing.cancelConfirm', { when }))) return;
    await busy(button, async () => {
      try {
        current = await api('POST', `/v1/shops/${shop.id}/billing/cancel`);
        toast(t('billing.cancelled', { when }), 'success');
      } catch (error) {
        toast(describeError(error), 'error');
      }
      render();
    });
  }

  const onUpgrade = event => upgrade(event.currentTarget);
  const onCancel = event => cancel(event.currentTarget);
  $('#billing-upgrade').addEventListener('click', onUpgrade);
  $('#billing-cancel').addEventListener('click', onCancel);

  return {
    reload,
    relabel: render,
    destroy() {
      $('#billing-upgrade').removeEventListener('click', onUpgrade);
      $('#billing-cancel').removeEventListener('click', onCancel);
      card.hidden = true;
      $('#quota-upgrade').hidden = true;
    },
  };
}
