// The two erasures of API.md "Privacy", each behind a confirmation dialog: the shop's OWNER erases a reviewer's name
// and text (DELETE …/reviews/{id}/personal-data; the review stays, reading "(erased)"), and anybody deletes their own
// account (DELETE /v1/me, with their password; typing the account's e-mail is the deliberate step), which signs out.

import * as session from './session.js';
import { $, setText, toast } from './dom.js';
import { t } from './i18n.js';
import { openDialog } from './dialog.js';

/** What the API writes in place of an erased reviewer's name (its text becomes ""). */
export const ERASED_AUTHOR = '(erased)';

export function isErased(review) {
  return review.author === ERASED_AUTHOR;
}

/**
 * Asks, then erases the reviewer's personal data; onErased(review) gets the review as it is afterwards (it also
 * arrives over the live topic).
 */
export function confirmErase({ shopId, review, describeError, onErased, returnTo }) {
  const dialog = $('#erase-dialog');
  setText($('#erase-body', dialog), t('erase.body', { author: review.author || '—' }));
  openDialog(dialog, {
    returnTo,
    onConfirm: async () => {
      const path = `/v1/shops/${shopId}/reviews/${review.id}`;
      try {
        await session.api('DELETE', `${path}/personal-data`);
      } catch (error) {
        throw new Error(describeError(error));
      }
      toast(t('erase.done'), 'success');
      const after = await session.api('GET', path).catch(() => null);
      if (after) onErased(after);
    },
  });
}

/** Settings → My account: who is signed in, and "delete my account". */
export function createAccountCard({ describeError, onDeleted }) {
  const open = $('#account-delete');
  const dialog = $('#delete-account-dialog');
  const email = $('#delete-account-email');
  const password = $('#delete-account-password');
  const confirm = $('.dialog-confirm', dialog);

  // the deliberate step: the account's own address, typed out
  const typedRight = () => {
    const user = session.user();
    return !!user && email.value.trim().toLowerCase() === String(user.email).toLowerCase();
  };
  const onInput = () => {
    confirm.disabled = !(typedRight() && password.value !== '');
    email.setAttribute('aria-invalid', String(email.value.trim() !== '' && !typedRight()));
  };

  function render() {
    const user = session.user();
    setText($('#account-who'), user ? t('account.who', { name: user.name, email: user.email }) : '');
    setText($('#delete-account-email-label'), user ? t('account.delete.typeEmail', { email: user.email }) : '');
  }

  function onOpen() {
    email.value = '';
    password.value = '';
    onInput();
    render();
    openDialog(dialog, {
      focus: email,
      onConfirm: async () => {
        try {
          await session.api('DELETE', '/v1/me', { password: password.value });
        } catch (error) {
          throw new Error(error.code === 'UNAUTHENTICATED' ? t('account.delete.wrongPassword')
            : error.code === 'LAST_OWNER' ? t('account.delete.lastOwner') : describeError(error));
        }
        password.value = '';
        await onDeleted();
      },
    });
  }

  open.addEventListener('click', onOpen);
  email.addEventListener('input', onInput);
  password.addEventListener('input', onInput);
  render();

  return {
    relabel: render,
    destroy() {
      open.removeEventListener('click', onOpen);
      email.removeEventListener('input', onInput);
      password.removeEventListener('input', onInput);
      if (dialog.open) dialog.close();
    },
  };
}
