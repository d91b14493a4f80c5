// The new-post composer: photos chosen and uploaded with progress (refused in the page when Instagram would refuse
// them), an optional note for the AI, then "write a caption", which creates the post.

import { accessToken, api, ApiError, renew } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { formatBytes, t } from './i18n.js';
import { pageUrl } from './post-card.js';

/** What POST /media accepts (the server sniffs the bytes; this only saves a pointless upload). */
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 10;
/** Instagram takes 4:5 (portrait) to 1.91:1 (landscape); the API refuses a post with anything else. */
const MIN_RATIO = 0.8;
const MAX_RATIO = 1.91;

/**
 * @param {{shopId: Function, describeError: Function, onCreated: Function}} options
 *   onCreated(post) shows the post just made (awaited before the composer says so)
 */
export function createComposer({ shopId, describeError, onCreated }) {
  const composer = $('#post-composer');
  const uploadList = $('#uploads');
  const fileInput = $('#post-files');
  let uploads = []; // { id, file, state: 'uploading'|'done'|'error', media, message, xhr, element }
  let uploadSeq = 0;

  function onFiles() {
    const files = Array.from(fileInput.files || []);
    fileInput.value = '';
    const message = $('#composer-message');
    message.hidden = true;
    const room = MAX_PHOTOS - uploads.filter(u => u.state !== 'error').length;
    if (files.length > room) {
      setText(message, t('posts.upload.tooMany', { n: MAX_PHOTOS }));
      message.hidden = false;
    }
    for (const file of files.slice(0, Math.max(0, room))) addUpload(file);
  }

  function addUpload(file) {
    const upload = { id: ++uploadSeq, file, state: 'uploading', media: null, message: '', progress: 0 };
    upload.element = h('li', { class: 'upload', dataset: { state: 'uploading' } },
      h('span', { class: 'upload-thumb', 'aria-hidden': 'true' }),
      h('span', { class: 'upload-info' },
        h('span', { class: 'upload-name' }, file.name || t('posts.photo')),
        h('span', { class: 'upload-status' }),
        h('progress', { class: 'upload-progress', max: '100', value: '0' })),
      h('button', { type: 'button', class: 'btn btn-quiet btn-small upload-remove', onclick: () => removeUpload(upload) },
        t('posts.upload.remove')));
    uploads.push(upload);
    uploadList.append(upload.element);
    if (file.type && !ACCEPTED_TYPES.includes(file.type)) {
      failUpload(upload, t('posts.upload.unsupported'));
    } else if (file.size > MAX_UPLOAD_BYTES) {
      failUpload(upload, t('posts.upload.tooLarge', { size: formatBytes(file.size) }));
    } else if (file.size === 0) {
      failUpload(upload, t('posts.upload.emptyFile'));
    } else {
      renderUpload(upload);
      send(upload).then(media => {
        if (!uploads.includes(upload)) return;
        upload.media = media;
        const ratio = media.width / media.height;
        if (ratio < MIN_RATIO - 0.005 || ratio > MAX_RATIO + 0.005) {
          upload.state = 'error';
          upload.message = t('posts.upload.ratio', { w: media.width, h: media.height });
        } else {
          upload.state = 'done';
        }
        renderUpload(upload);
      }).catch(error => {
        if (error && error.code === 'ABORTED') return;
        failUpload(upload, uploadError(error, upload));
      });
    }
    updateComposer();
  }

  function failUpload(upload, message) {
    upload.state = 'error';
    upload.message = message;
    renderUpload(upload);
    updateComposer();
  }

  function uploadError(error, upload) {
    if (!(error instanceof ApiError)) return t('error.generic');
    if (error.status === 415) return t('posts.upload.unsupported');
    if (error.status === 413) return t('posts.upload.tooLarge', { size: formatBytes(upload.file.size) });
    return describeError(error);
  }

  function renderUpload(upload) {
    const el = upload.element;
    el.dataset.state = upload.state;
    const progress = $('.upload-progress', el);
    progress.value = upload.state === 'done' ? 100 : upload.progress;
    progress.hidden = upload.state !== 'uploading';
    const size = formatBytes(upload.file.size);
    setText($('.upload-status', el), upload.state === 'uploading' ? t('posts.upload.progress', { pct: upload.progress, size })
      : upload.state === 'done' ? t('posts.upload.done', { size, w: upload.media.width, h: upload.media.height })
        : upload.message);
    $('.upload-status', el).setAttribute('role', upload.state === 'error' ? 'alert' : 'status');
    const thumb = $('.upload-thumb', el);
    if (upload.media && !$('img', thumb)) {
      thumb.append(h('img', { src: pageUrl(upload.media.url), alt: '', width: '48', height: '48' }));
    }
    updateComposer();
  }

  function removeUpload(upload) {
    if (upload.xhr && upload.state === 'uploading') upload.xhr.abort();
    uploads = uploads.filter(u => u !== upload);
    upload.element.remove();
    updateComposer();
    fileInput.focus();
  }

  function updateComposer() {
    const create = $('#post-create');
    const busyNow = create.getAttribute('aria-busy') === 'true';
    if (!busyNow) create.disabled = !uploads.some(u => u.state === 'done') || uploads.some(u => u.state === 'uploading');
  }

  /** multipart POST with upload progress (fetch cannot report it); the bearer token travels in a header only. */
  async function send(upload, retried = false) {
    const token = await accessToken();
    const form = new FormData();
    form.append('file', upload.file, upload.file.name || 'photo');
    const result = await new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      upload.xhr = xhr;
      xhr.open('POST', `/v1/shops/${shopId()}/media`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.responseType = 'text';
      xhr.upload.addEventListener('progress', event => {
        if (!event.lengthComputable) return;
        upload.progress = Math.min(99, Math.round((event.loaded / event.total) * 100));
        renderUpload(upload);
      });
      xhr.addEventListener('load', () => {
        let json = null;
        try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { json = null; }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve({ ok: true, json });
        } else {
          const error = (json && json.error) || {};
          resolve({ ok: false, error: new ApiError(xhr.status, error.code, error.message, error.details) });
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', 'network')));
      xhr.addEventListener('abort', () => reject(new ApiError(0, 'ABORTED', 'aborted')));
      xhr.send(form);
    });
    if (result.ok) return result.json;
    if (result.error.status === 401 && !retried) {
      await renew();
      return send(upload, true);
    }
    throw result.error;
  }

  async function onCreate(event) {
    event.preventDefault();
    const button = $('#post-create');
    const message = $('#composer-message');
    message.hidden = true;
    if (uploads.some(u => u.state === 'error')) {
      setText(message, t('posts.upload.fixFirst'));
      message.hidden = false;
      return;
    }
    const mediaIds = uploads.filter(u => u.state === 'done').map(u => u.media.id);
    if (mediaIds.length === 0) return;
    const brief = composer.elements.brief.value.trim();
    await busy(button, async () => {
      try {
        const post = await api('POST', `/v1/shops/${shopId()}/posts`, brief ? { mediaIds, brief } : { mediaIds });
        uploads.forEach(u => u.element.remove());
        uploads = [];
        composer.reset();
        await onCreated(post);
        toast(t('posts.created'), 'success');
      } catch (error) {
        const details = (error && error.details) || {};
        const field = Object.keys(details).find(key => key.startsWith('mediaIds'));
        setText(message, field ? `${t('posts.photo')}: ${details[field]}` : describeError(error));
        message.hidden = false;
      }
    });
    updateComposer();
  }

  function renderTexts() {
    setText($('#post-files-hint'), t('posts.files.hint', { n: MAX_PHOTOS }));
    for (const upload of uploads) renderUpload(upload);
  }

  fileInput.addEventListener('change', onFiles);
  composer.addEventListener('submit', onCreate);
  renderTexts();
  updateComposer();

  return {
    relabel: renderTexts,
    destroy() {
      for (const upload of uploads) if (upload.xhr) upload.xhr.abort();
      uploads = [];
      uploadList.replaceChildren();
      composer.reset();
      fileInput.removeEventListener('change', onFiles);
      composer.removeEventListener('submit', onCreate);
      $('#composer-message').hidden = true;
    },
  };
}
