// Settings: how replies are written (tone, language, signature, auto-draft, auto-publish), the Google Business
// Profile connection with its "sync now", and the Instagram account posts are published to.

import { api } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { formatDateTime, t } from './i18n.js';

export function createSettings({ shop, role, onShopChanged, onSync, describeError }) {
  const replyForm = $('#reply-settings');
  const googleForm = $('#google-form');
  const instagramForm = $('#instagram-form');
  const isOwner = role === 'OWNER';

  function fillAutoPublishOptions() {
    const select = $('#set-auto-publish');
    const chosen = select.value;
    select.replaceChildren(
      h('option', { value: '' }, t('settings.autoPublish.off')),
      h('option', { value: '5' }, t('settings.autoPublish.five')),
      h('option', { value: '4' }, t('settings.autoPublish.min', { n: 4 })),
      h('option', { value: '3' }, t('settings.autoPublish.min', { n: 3 })),
    );
    select.value = chosen;
  }

  function render(current) {
    renderGoogle(current);
    renderInstagram(current);
    fillAutoPublishOptions();
    if (replyForm.dataset.dirty === 'true') return; // the owner is editing: keep what they typed
    const settings = current.replySettings || {};
    for (const radio of replyForm.elements.tone) radio.checked = radio.value === settings.tone;
    replyForm.elements.language.value = settings.language || 'AUTO';
    replyForm.elements.signature.value = settings.signature || '';
    replyForm.elements.autoDraft.checked = settings.autoDraft !== false;
    replyForm.elements.allowOffers.checked = !!settings.allowOffers;
    replyForm.elements.autoPublishMinRating.value = settings.autoPublishMinRating ? String(settings.autoPublishMinRating) : '';
    $('#owner-only').hidden = isOwner;
    for (const element of replyForm.elements) element.disabled = !isOwner;
  }

  function renderGoogle(current) {
    const google = current.connections && current.connections.google;
    const state = $('#google-state');
    state.dataset.connected = String(!!google);
    state.replaceChildren(
      h('span', { class: 'connection-dot', 'aria-hidden': 'true' }),
      google ? t('google.connected', { when: formatDateTime(google.connectedAt, current.timezone) }) : t('google.notConnected'),
      google ? h('code', { class: 'connection-path' }, `accounts/${google.accountId}/locations/${google.locationId}`) : null,
    );
    if (google) {
      if (!googleForm.elements.accountId.value) googleForm.elements.accountId.value = google.accountId;
      if (!googleForm.elements.locationId.value) googleForm.elements.locationId.value = google.locationId;
    }
    setText($('#google-connect'), t(google ? 'google.reconnect' : 'google.connect'));
    $('#google-sync').hidden = !google || role === 'STAFF';
    for (const element of googleForm.elements) {
      if (element.id !== 'google-sync') element.disabled = !isOwner;
    }
  }

  function renderInstagram(current) {
    const instagram = current.connections && current.connections.instagram;
    const state = $('#instagram-state');
    state.dataset.connected = String(!!instagram);
    state.replaceChildren(
      h('span', { class: 'connection-dot', 'aria-hidden': 'true' }),
      instagram ? t('instagram.connected', { when: formatDateTime(instagram.connectedAt, current.timezone) })
        : t('instagram.notConnected'),
      instagram ? h('code', { class: 'connection-path' }, instagram.igUserId) : null,
    );
    if (instagram && !instagramForm.elements.igUserId.value) instagramForm.elements.igUserId.value = instagram.igUserId;
    setText($('#instagram-connect'), t(instagram ? 'instagram.reconnect' : 'instagram.connect'));
    for (const element of instagramForm.elements) element.disabled = !isOwner;
  }

  async function connectInstagram(event) {
    event.preventDefault();
    const message = $('#instagram-message');
    message.hidden = true;
    const elements = instagramForm.elements;
    for (const name of ['igUserId', 'accessToken']) {
      const input = elements[name];
      input.value = input.value.trim();
      if (!input.checkValidity()) {
        input.setAttribute('aria-invalid', 'true');
        setText(message, name === 'igUserId' ? t('instagram.badId') : `${t('instagram.accessToken')}: ${input.validationMessage}`);
        message.hidden = false;
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
    }
    await busy($('#instagram-connect'), async () => {
      try {
        const updated = await api('PUT', `/v1/shops/${shop.id}/connections/instagram`, {
          igUserId: elements.igUserId.value,
          accessToken: elements.accessToken.value,
        });
        elements.accessToken.value = ''; // the token is not kept in the page once the server has it
        onShopChanged(updated);
        toast(t('instagram.connectedToast'), 'success');
      } catch (error) {
        const details = (error && error.details) || {};
        setText(message, details.accessToken ? t('instagram.badToken') : details.igUserId ? t('instagram.badId')
          : error && error.code === 'UPSTREAM_UNAVAILABLE' ? t('instagram.unavailable') : describeError(error));
        message.hidden = false;
      }
    });
  }

  async function saveReplySettings(event) {
    event.preventDefault();
    const elements = replyForm.elements;
    const body = {
      tone: elements.tone.value || 'POLITE',
      language: elements.language.value,
      signature: elements.signature.value.trim() || null,
      autoDraft: elements.autoDraft.checked,
      autoPublishMinRating: elements.autoPublishMinRating.value ? Number(elements.autoPublishMinRating.value) : null,
      allowOffers: elements.allowOffers.checked,
    };
    await busy(event.submitter || $('button[type=submit]', replyForm), async () => {
      try {
        const updated = await api('PUT', `/v1/shops/${shop.id}/reply-settings`, body);
        delete replyForm.dataset.dirty;
        onShopChanged(updated);
        toast(t('settings.saved'), 'success');
      } catch (error) {
        toast(describeError(error), 'error');
      }
    });
  }

  async function connectGoogle(event) {
    event.preventDefault();
    const message = $('#google-message');
    message.hidden = true;
    const elements = googleForm.elements;
    for (const name of ['accountId', 'locationId', 'refreshToken']) {
      const input = elements[name];
      input.value = input.value.trim();
      if (!input.checkValidity()) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
    }
    await busy($('#google-connect'), async () => {
      try {
        const updated = await api('PUT', `/v1/shops/${shop.id}/connections/google`, {
          accountId: elements.accountId.value,
          locationId: elements.locationId.value,
          refreshToken: elements.refreshToken.value,
        });
        elements.refreshToken.value = ''; // the token is not kept in the page once Google has it
        onShopChanged(updated);
        toast(t('google.connectedToast'), 'success');
        $('#google-sync').focus();
      } catch (error) {
        const details = (error && error.details) || {};
        setText(message, details.refreshToken ? t('google.badToken')
          : details.accountId || details.locationId ? t('google.badId')
            : error && error.code === 'UPSTREAM_UNAVAILABLE' ? t('google.unavailable') : describeError(error));
        message.hidden = false;
      }
    });
  }

  const onSyncClick = event => onSync(event.currentTarget);
  const onEdit = () => { replyForm.dataset.dirty = 'true'; };
  replyForm.addEventListener('input', onEdit);
  replyForm.addEventListener('change', onEdit);
  replyForm.addEventListener('submit', saveReplySettings);
  googleForm.addEventListener('submit', connectGoogle);
  instagramForm.addEventListener('submit', connectInstagram);
  $('#google-sync').addEventListener('click', onSyncClick);

  return {
    render,
    destroy() {
      replyForm.removeEventListener('input', onEdit);
      replyForm.removeEventListener('change', onEdit);
      delete replyForm.dataset.dirty;
      replyForm.removeEventListener('submit', saveReplySettings);
      googleForm.removeEventListener('submit', connectGoogle);
      instagramForm.removeEventListener('submit', connectInstagram);
      instagramForm.reset();
      $('#instagram-message').hidden = true;
      $('#google-sync').removeEventListener('click', onSyncClick);
      googleForm.reset();
      $('#google-message').hidden = true;
    },
  };
}
