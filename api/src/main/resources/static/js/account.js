// The account pages besides login and sign-up: "forgot password", the reset page a mail link opens, the
// verify-e-mail link, and the banner that asks to verify. Links in mails carry their one-time token in the URL
// fragment (#/verify-email?token=…, #/reset-password?token=…), which browsers never send to a server; the page
// reads it, clears it from the address bar and history at once, and posts it exactly once.

import * as session from './session.js';
import { ApiError } from './session.js';
import { $, $$, busy, setText, toast } from './dom.js';
import { t } from './i18n.js';

const MAIL_LINK = /^#\/(verify-email|reset-password|accept-invitation)\?token=([A-Za-z0-9_-]{1,200})$/;
const AUTH_FORMS = ['#login-form', '#signup-form', '#forgot-form', '#reset-form'];

let resetToken = null; // in memory only, like the login
let invitationToken = null; // an invitation link waits here until the invitee is signed in
let onInvitation = () => {};
let showLoginTab = () => {};
let describeError = error => String(error && error.message);

/** Wires the forms and follows a mail link the page was opened with (or that arrives later). */
export function initAccountPages(options) {
  showLoginTab = options.showLoginTab;
  onInvitation = options.onInvitation || onInvitation;
  describeError = options.describeError;
  $('#forgot-open').addEventListener('click', () => {
    const typed = $('#login-email').value.trim();
    showForm('#forgot-form');
    if (typed && !$('#forgot-email').value) $('#forgot-email').value = typed;
    $('#forgot-email').focus();
  });
  $$('#auth-view .auth-back').forEach(button => button.addEventListener('click', () => {
    resetToken = null;
    showLoginTab();
  }));
  $('#forgot-form').addEventListener('submit', onForgot);
  $('#reset-form').addEventListener('submit', onReset);
  $('#verify-resend').addEventListener('click', event => onResend(event.currentTarget));
  window.addEventListener('hashchange', followMailLink);
  followMailLink();
}

/** Shows or hides the verify banner for the signed-in user (call after sign-in and on a language change). */
export function renderVerifyBanner() {
  const user = session.user();
  const banner = $('#verify-banner');
  banner.hidden = !user || user.emailVerified !== false;
  if (!banner.hidden) setText($('#verify-text'), t('verify.banner', { email: user.email }));
}

/** The invitation token a mail link brought, once: the dashboard takes it up after signing in. */
export function takePendingInvitation() {
  const token = invitationToken;
  invitationToken = null;
  return token;
}

/** Hides the forgot and reset forms (a tab was chosen). */
export function hideAccountForms() {
  $('#forgot-form').hidden = true;
  $('#reset-form').hidden = true;
}

function showForm(selector) {
  AUTH_FORMS.forEach(form => { $(form).hidden = form !== selector; });
  sayOnAuth(null);
}

/** A message on the sign-in card (an error is an alert, anything else a status); null hides it. */
export function sayOnAuth(message, kind = 'error') {
  const box = $('#auth-message');
  box.hidden = !message;
  box.dataset.kind = kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  setText(box, message || '');
}

async function followMailLink() {
  const link = MAIL_LINK.exec(window.location.hash);
  if (!link) return;
  // the token leaves the address bar (and the history) before anything else happens
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  const [, route, token] = link;
  if (route === 'verify-email') {
    await verify(token);
  } else if (route === 'accept-invitation') {
    invitationToken = token;
    if (session.isSignedIn()) {
      await onInvitation();
    } else {
      showLoginTab();
      sayOnAuth(t('invite.signIn'), 'success');
    }
  } else {
    if (session.isSignedIn()) await session.logout(); // a reset ends every login anyway
    resetToken = token;
    showForm('#reset-form');
    $('#reset-password').focus();
  }
}

async function verify(token) {
  if (!session.isSignedIn()) sayOnAuth(t('auth.verify.working'), 'success');
  try {
    const answer = await session.publicPost('/v1/auth/verify-email', { token });
    if (session.isSignedIn()) {
      session.updateUser(answer.user);
      renderVerifyBanner();
      toast(t('auth.verify.done'));
    } else {
      showLoginTab();
      sayOnAuth(t('auth.verify.done'), 'success');
      if (answer.user && answer.user.email) $('#login-email').value = answer.user.email;
    }
  } catch (error) {
    const message = error instanceof ApiError && error.status === 410 ? t('auth.verify.gone') : describeError(error);
    if (session.isSignedIn()) toast(message, 'error');
    else sayOnAuth(message);
  }
}

function validInput(input) {
  input.value = input.type === 'password' ? input.value : input.value.trim();
  // minlength is checked here too: browsers apply it only to some kinds of editing
  const tooShort = input.minLength > 0 && input.value.length < input.minLength;
  const valid = input.checkValidity() && input.value !== '' && !tooShort;
  if (valid) {
    input.removeAttribute('aria-invalid');
    return true;
  }
  input.setAttribute('aria-invalid', 'true');
  const label = document.querySelector(`label[for="${input.id}"]`);
  const problem = tooShort ? t('auth.password.hint') : input.validationMessage || t('auth.required');
  sayOnAuth(`${label ? label.textContent : input.name}: ${problem}`);
  input.focus();
  return false;
}

async function onForgot(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (!validInput(form.elements.email)) return;
  await submit(form, async () => {
    await session.publicPost('/v1/auth/password/forgot', { email: form.elements.email.value });
    sayOnAuth(t('auth.forgot.sent'), 'success');
  });
}

async function onReset(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (!validInput(form.elements.password)) return;
  if (!resetToken) {
    showForm('#forgot-form');
    sayOnAuth(t('auth.reset.gone'));
    return;
  }
  await submit(form, async () => {
    try {
      const answer = await session.publicPost('/v1/auth/password/reset',
        { token: resetToken, password: form.elements.password.value });
      resetToken = null;
      form.elements.password.value = '';
      showLoginTab();
      sayOnAuth(t('auth.reset.done'), 'success');
      if (answer && answer.user && answer.user.email) $('#login-email').value = answer.user.email;
      $('#login-password').focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) {
        resetToken = null;
        form.elements.password.value = '';
        showForm('#forgot-form');
        sayOnAuth(t('auth.reset.gone'));
        return;
      }
      throw error;
    }
  });
}

async function submit(form, work) {
  const button = form.querySelector('button[type=submit]');
  await busy(button, async () => {
    try {
      await work();
    } catch (error) {
      sayOnAuth(describeError(error));
    }
  });
}

async function onResend(button) {
  await busy(button, async () => {
    try {
      await session.api('POST', '/v1/auth/verify-email/resend');
      toast(t('verify.resent'));
    } catch (error) {
      toast(describeError(error), 'error');
    }
  });
}
