// The login lives in this module's memory only: no localStorage, no sessionStorage, no cookie. A reload
// means logging in again. The access token (15 min) is renewed a minute before it expires and on a 401;
// refresh tokens rotate, so only one refresh is ever in flight (presenting a used one revokes the login).

const RENEW_BEFORE_EXPIRY_MS = 60_000;

let current = null; // { user, accessToken, refreshToken, expiresAt }
let renewTimer = null;
let refreshing = null;
const endListeners = new Set();

export class ApiError extends Error {
  constructor(status, code, message, details, retryAfter) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.details = details || {};
    this.retryAfter = retryAfter;
  }
}

export function user() {
  return current ? current.user : null;
}

export function isSignedIn() {
  return current !== null;
}

/** Called with a reason ('logout' | 'expired') when the login ends. */
export function onSessionEnd(fn) {
  endListeners.add(fn);
}

export async function login(email, password) {
  const body = await request('POST', '/v1/auth/login', { email, password }, { auth: false });
  start(body);
  return body;
}

export async function signup(fields) {
  const body = await request('POST', '/v1/auth/signup', fields, { auth: false });
  start(body);
  return body;
}

export async function logout() {
  const token = current && current.refreshToken;
  end('logout');
  if (token) {
    try {
      await request('POST', '/v1/auth/logout', { refreshToken: token }, { auth: false });
    } catch { /* the login is gone from this tab either way */ }
  }
}

/** Trades the one-time code of a Google or Kakao sign-in for a login: {user, …, newUser}. */
export async function exchangeOAuth(code) {
  const body = await request('POST', '/v1/auth/oauth/exchange', { code }, { auth: false });
  start(body);
  return body;
}

/** A POST to a public auth endpoint (verify-email, password forgot/reset): no token, no Idempotency-Key. */
export function publicPost(path, body) {
  return request('POST', path, body, { auth: false });
}

/** The signed-in user changed (e.g. the e-mail was just verified). */
export function updateUser(user) {
  if (current && user && current.user && user.id === current.user.id) current.user = user;
}

/** A valid access token, renewing it first when it is about to expire. */
export async function accessToken() {
  if (!current) throw new ApiError(401, 'UNAUTHENTICATED', 'Not signed in');
  if (Date.now() > current.expiresAt - RENEW_BEFORE_EXPIRY_MS) {
    await renew();
  }
  return current.accessToken;
}

/** Rotates the refresh token once, however many callers ask at the same time. */
export function renew() {
  if (!current) return Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Not signed in'));
  if (!refreshing) {
    const presented = current.refreshToken;
    refreshing = request('POST', '/v1/auth/refresh', { refreshToken: presented }, { auth: false })
      .then(body => {
        if (current && current.refreshToken === presented) {
          start({ ...body, user: body.user || current.user });
        }
        return current && current.accessToken;
      })
      .catch(error => {
        if (error.status === 401 || error.status === 400) end('expired');
        throw error;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** Calls the API as the signed-in user; a 401 renews the token once and tries again. */
export async function api(method, path, body, options = {}) {
  const token = await accessToken();
  try {
    return await request(method, path, body, { ...options, token });
  } catch (error) {
    if (error.status === 401 && current) {
      await renew();
      return request(method, path, body, { ...options, token: current.accessToken });
    }
    throw error;
  }
}

/**
 * Downloads a file from the API as the signed-in user (the token goes in the Authorization header, never in a URL):
 * {blob, filename}. A 401 renews the token once and tries again, as api() does.
 */
export async function apiFile(path, accept) {
  const attempt = async token => {
    let response;
    try {
      response = await fetch(path, {
        headers: { Accept: accept, Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'same-origin',
      });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', cause.message);
    }
    if (!response.ok) {
      let error = {};
      try { error = (await response.json()).error || {}; } catch { /* not JSON */ }
      throw new ApiError(response.status, error.code, error.message, error.details, response.headers.get('Retry-After'));
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename="?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), filename: named ? named[1] : null };
  };
  try {
    return await attempt(await accessToken());
  } catch (error) {
    if (error.status === 401 && current) {
      await renew();
      return attempt(current.accessToken);
    }
    throw error;
  }
}

function start(body) {
  current = {
    user: body.user,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    expiresAt: Date.now() + (Number(body.expiresIn) || 900) * 1000,
  };
  clearTimeout(renewTimer);
  const wait = Math.max(5_000, current.expiresAt - Date.now() - RENEW_BEFORE_EXPIRY_MS);
  renewTimer = setTimeout(() => { renew().catch(() => { /* end() already ran on a refused token */ }); }, wait);
}

function end(reason) {
  if (!current) return;
  current = null;
  clearTimeout(renewTimer);
  renewTimer = null;
  endListeners.forEach(fn => fn(reason));
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function request(method, path, body, { auth = true, token, idempotent = method === 'POST',
  contentType = 'application/json' } = {}) {
  const headers = { Accept: 'application/json' };
  const raw = body instanceof Blob; // a file sent as it is (the Naver CSV import), not as JSON
  if (body !== undefined && body !== null) headers['Content-Type'] = contentType;
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  if (idempotent && auth) headers['Idempotency-Key'] = newKey();
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: raw ? body : (body !== undefined && body !== null ? JSON.stringify(body) : undefined),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause.message);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    const error = (json && json.error) || {};
    throw new ApiError(response.status, error.code, error.message, error.details,
      response.headers.get('Retry-After'));
  }
  return json;
}
