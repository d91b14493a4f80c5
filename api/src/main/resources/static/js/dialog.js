// A confirmation in the page (not window.confirm): a native modal <dialog> from index.html, so the rest of the page is
// inert, focus stays inside and Escape closes it. It opens on the field or button named, and on closing gives focus
// back to what opened it. "Confirm" runs the work; while it runs the buttons wait, and when it fails the dialog stays
// open with the reason in its alert line.

import { $, busy, setText } from './dom.js';

/**
 * @param {HTMLDialogElement} dialog  holds a form with .dialog-confirm (submit), .dialog-cancel and .dialog-message
 * @param {{focus?: Element, returnTo?: Function, onConfirm: Function}} options  onConfirm() resolves when done (the
 *   dialog then closes); it throws an Error whose message the dialog shows. returnTo() names where focus goes when
 *   the opener is gone by then.
 */
export function openDialog(dialog, { focus = null, returnTo = () => null, onConfirm }) {
  const form = $('form', dialog);
  const confirm = $('.dialog-confirm', dialog);
  const cancel = $('.dialog-cancel', dialog);
  const message = $('.dialog-message', dialog);
  const opener = document.activeElement;

  const onSubmit = async event => {
    event.preventDefault();
    message.hidden = true;
    await busy(confirm, async () => {
      try {
        await onConfirm();
        dialog.close();
      } catch (error) {
        setText(message, error.message);
        message.hidden = false;
      }
    });
  };
  const onCancel = () => dialog.close();
  const onClose = () => {
    form.removeEventListener('submit', onSubmit);
    cancel.removeEventListener('click', onCancel);
    dialog.removeEventListener('close', onClose);
    message.hidden = true;
    // back where the person was; the opener may be gone (a card re-rendered, a view closed)
    const back = opener && opener.isConnected && !opener.closest('[hidden]') ? opener : returnTo();
    if (back) back.focus();
  };
  form.addEventListener('submit', onSubmit);
  cancel.addEventListener('click', onCancel);
  dialog.addEventListener('close', onClose);
  message.hidden = true;
  dialog.showModal();
  (focus || cancel).focus();
  return { close: () => { if (dialog.open) dialog.close(); } };
}
