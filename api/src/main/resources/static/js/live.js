// The live feed: STOMP 1.2 over the plain WebSocket at /ws (stompjs from its WebJar). The CONNECT frame
// carries the access token, renewed before every (re)connect. After a drop or a server restart the client
// reconnects by itself with exponential backoff; every successful connect calls onConnected so the page can
// load what it missed over HTTP.

import { Client, ReconnectionTimeMode } from '/webjars/stomp__stompjs/7.2.1/esm6/index.js';
import { accessToken, renew } from './session.js';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * @param {string} shopId
 * @param {{onReview: Function, onPost: Function, onDashboard: Function, onConnected: Function, onStatus: Function}} handlers
 *   onStatus receives 'connecting' | 'live' | 'reconnecting'
 */
export function connectLive(shopId, handlers) {
  let everConnected = false;
  let tokenRefused = false;
  let stopped = false;

  const client = new Client({
    brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
    reconnectDelay: FIRST_RETRY_MS,
    maxReconnectDelay: MAX_RETRY_MS,
    reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
    heartbeatIncoming: 10_000,
    heartbeatOutgoing: 10_000,
    connectionTimeout: 8_000,
    debug: () => {},
  });

  client.beforeConnect = async () => {
    try {
      if (tokenRefused) {
        tokenRefused = false;
        await renew();
      }
      client.connectHeaders = { Authorization: `Bearer ${await accessToken()}` };
    } catch {
      // signed out meanwhile: stop trying; the page goes back to the login form
      stopped = true;
      client.deactivate();
    }
  };

  client.onConnect = () => {
    handlers.onStatus('live');
    client.subscribe(`/topic/shops/${shopId}/reviews`, message => handlers.onReview(JSON.parse(message.body)));
    client.subscribe(`/topic/shops/${shopId}/dashboard`, message => handlers.onDashboard(JSON.parse(message.body)));
    client.subscribe(`/topic/shops/${shopId}/posts`, message => handlers.onPost(JSON.parse(message.body)));
    const wasReconnect = everConnected;
    everConnected = true;
    handlers.onConnected(wasReconnect);
  };

  client.onStompError = frame => {
    const message = frame.headers.message || '';
    if (message.includes('UNAUTHENTICATED')) tokenRefused = true;
  };

  client.onWebSocketClose = () => {
    if (!stopped) handlers.onStatus(everConnected ? 'reconnecting' : 'connecting');
  };

  // the browser knows when the network is back: try now instead of waiting out the backoff
  const onOnline = () => {
    if (!stopped && !client.connected) {
      client.deactivate().then(() => { if (!stopped) client.activate(); });
    }
  };
  window.addEventListener('online', onOnline);

  handlers.onStatus('connecting');
  client.activate();

  return {
    stop() {
      stopped = true;
      window.removeEventListener('online', onOnline);
      return client.deactivate();
    },
  };
}
