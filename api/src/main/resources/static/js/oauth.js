// Signing in with Google or Kakao. The buttons are plain links to /v1/auth/oauth/{provider}/authorize (the server
// sends the browser on to the provider), shown only for the providers the server is configured for. The provider
// sends the browser back through the server to #/oauth?code=<one-time code> (or ?error=<CODE>): the page takes the
// code out of the address bar and the history at once and trades it for tokens exactly once. No token is ever in
// a URL, and the login stays in memory like every other login.

import * as session from './session.js';
import { $ } from './dom.js';
import { t } from './i18n.js';

const RETURN = /^#\/oauth\?(code|error)=([A-Za-z0-9_-]{1,200})$/;

let onSignedIn = async () => {};
let say = () => {};

/** Shows the configured providers' buttons and follows a return from a provider. */
export function initOAuth(options) {
  onSignedIn = options.onSignedIn;
  say = options.say;
  showButtons();
  window.addEventListener('hashchange', followReturn);
  followReturn();
}

async function showButtons() {
  let configured = [];
  try {
    const answer = await fetch('/v1/auth/oauth/providers', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (answer.ok) configured = (await answer.json()).providers || [];
  } catch { /* no buttons then: e-mail and password still work */ }
  $('#oauth-google').hidden = !configured.includes('google');
  $('#oauth-kakao').hidden = !configured.includes('kakao');
  $('#oauth-buttons').hidden = configured.length === 0;
}

async function followReturn() {
  const back = RETURN.exec(window.location.hash);
  if (!back) return;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  const [, kind, value] = back;
  if (kind === 'error') {
    say(message(value));
    return;
  }
  say(t('oauth.working'), 'success');
  try {
    const answer = await session.exchangeOAuth(value);
    say(null);
    await onSignedIn(answer);
  } catch (error) {
    say(error.status === 410 ? message('INVALID_STATE') : message(error.code));
  }
}

function message(code) {
  const known = ['EMAIL_TAKEN', 'EMAIL_REQUIRED', 'INVALID_STATE'];
  return t(known.includes(code) ? `oauth.error.${code}` : 'oauth.error.PROVIDER_ERROR');
}
