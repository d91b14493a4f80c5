// SalonMate service worker: keeps the static shell (page, styles, scripts, icons, the STOMP library) so the
// installed app opens without a network. It never touches the API (/v1/**), the live socket (/ws) or anything
// else: those requests are not intercepted at all, so no review, token or counter is ever cached.

const CACHE = 'salonmate-shell-v4';
const SHELL = [
  '/',
  '/app.css',
  '/manifest.webmanifest',
  '/js/main.js',
  '/js/session.js',
  '/js/account.js',
  '/js/live.js',
  '/js/i18n.js',
  '/i18n/ko.json',
  '/i18n/en.json',
  '/js/dom.js',
  '/js/live-list.js',
  '/js/dialog.js',
  '/js/inbox.js',
  '/js/privacy.js',
  '/js/settings.js',
  '/js/posts.js',
  '/js/post-card.js',
  '/js/agenda.js',
  '/js/composer.js',
  '/js/audit.js',
  '/js/analytics.js',
  '/js/charts.js',
  '/js/zone.js',
  '/js/members.js',
  '/js/billing.js',
  '/js/naver.js',
  '/js/oauth.js',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/favicon-32.png',
];

/** Same-origin GETs of the shell only; everything else goes straight to the network, untouched. */
function isShell(url) {
  if (url.origin !== self.location.origin) return false;
  const path = url.pathname;
  return path === '/' || path === '/index.html' || path === '/app.css' || path === '/manifest.webmanifest'
    || /^\/js\/[\w-]+\.js$/.test(path) || /^\/i18n\/[a-z]{2}\.json$/.test(path) || /^\/icons\/[\w-]+\.(png|svg)$/.test(path)
    || /^\/webjars\/stomp__stompjs\/[\w.\/-]+\.js$/.test(path);
}

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== CACHE).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

// network first (a deploy shows at once), the cached shell when the network is not there
self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isShell(url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        await cache.put(url.pathname === '/index.html' ? '/' : request, response.clone());
      }
      return response;
    } catch (offline) {
      const cached = await cache.match(url.pathname === '/index.html' ? '/' : request, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
