// "Import from Naver": Naver Place has no review API, so managers upload the CSV they downloaded from Naver's
// partner centre (docs/naver-import.md). The file goes to the API as it is (the server detects UTF-8 or CP949);
// the answer's counts and row errors are shown above the inbox, and the reviews arrive live like synced ones.

import { api, ApiError } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { t } from './i18n.js';

export function createNaverImport({ shop, role, describeError }) {
  const button = $('#naver-import');
  const input = $('#naver-file');
  const result = $('#naver-result');
  const canImport = role === 'OWNER' || role === 'MANAGER';
  let last = null;

  const onClick = () => input.click();
  const onFile = () => {
    const file = input.files && input.files[0];
    input.value = ''; // choosing the same file again must fire again
    if (file) busy(button, () => upload(file));
  };
  const onClose = () => { result.hidden = true; button.focus(); };

  async function upload(file) {
    toast(t('naver.importing'));
    try {
      last = await api('POST', `/v1/shops/${shop.id}/reviews/import`, file, { contentType: 'text/csv' });
      render();
    } catch (error) {
      const tooLarge = error instanceof ApiError && error.status === 413;
      toast(tooLarge ? t('naver.tooLarge') : describeError(error), 'error');
    }
  }

  function render() {
    if (!last) return;
    setText($('#naver-counts'), t('naver.result.counts', last));
    const errors = last.errors || [];
    const items = errors.map(e => h('li', {}, t('naver.result.line', { line: e.line, message: e.message })));
    $('#naver-errors').replaceChildren(...(errors.length
      ? [h('li', { class: 'naver-errors-head' }, t('naver.result.errors', { n: errors.length })), ...items] : []));
    result.hidden = false;
  }

  button.hidden = !canImport;
  button.addEventListener('click', onClick);
  input.addEventListener('change', onFile);
  $('#naver-result-close').addEventListener('click', onClose);

  return {
    relabel: render,
    destroy() {
      button.removeEventListener('click', onClick);
      input.removeEventListener('change', onFile);
      $('#naver-result-close').removeEventListener('click', onClose);
      button.hidden = true;
      result.hidden = true;
    },
  };
}
