// Settings → Members: who belongs to the shop and as what, pending invitations, inviting by e-mail (OWNER),
// changing a role or removing someone (OWNER), and leaving the shop (anyone). Managers see the list; staff see
// only "leave". Every change answers once the server's access table shows it, so the list is reloaded after it.

import { api } from './session.js';
import { $, busy, h, setText, toast } from './dom.js';
import { formatDateTime, t } from './i18n.js';

const ROLES = ['OWNER', 'MANAGER', 'STAFF'];

export function createMembers({ shop, role, me, describeError, onLeft }) {
  const form = $('#invite-form');
  const isOwner = role === 'OWNER';
  const canSee = isOwner || role === 'MANAGER';
  let current = { items: [], invitations: [] };

  function roleOptions(select, chosen) {
    select.replaceChildren(...ROLES.map(r => h('option', { value: r }, t(`members.role.${r}`))));
    select.value = chosen;
  }

  function render() {
    roleOptions($('#invite-role'), $('#invite-role').value || 'STAFF');
    form.hidden = !isOwner;
    $('#members-list').hidden = !canSee;
    $('#members-list').replaceChildren(...current.items.map(member => {
      const self = me && member.userId === me.id;
      const label = h('span', { class: 'member-who' }, member.name, ' ', h('span', { class: 'muted' }, member.email));
      let roleView;
      if (isOwner) {
        roleView = h('select', { 'aria-label': t('members.roleOf', { name: member.name }), dataset: { userId: member.userId },
          onchange: event => changeRole(member, event.currentTarget) });
        roleOptions(roleView, member.role);
      } else {
        roleView = h('span', { class: 'badge' }, t(`members.role.${member.role}`));
      }
      const remove = isOwner && !self
        ? h('button', { type: 'button', class: 'btn btn-small', dataset: { remove: member.userId },
          onclick: event => remove(member, event.currentTarget) }, t('members.remove'))
        : null;
      return h('li', { class: 'member', dataset: { userId: member.userId } }, label, roleView, remove);
    }));
    $('#invitations-wrap').hidden = !canSee || current.invitations.length === 0;
    $('#invitations-list').replaceChildren(...current.invitations.map(invitation => h('li',
      { class: 'member', dataset: { invitationId: invitation.id } },
      h('span', { class: 'member-who' }, invitation.email, ' ',
        h('span', { class: 'muted' }, t('members.until', { when: formatDateTime(invitation.expiresAt, shop.timezone) }))),
      h('span', { class: 'badge' }, t(`members.role.${invitation.role}`)),
      isOwner ? h('button', { type: 'button', class: 'btn btn-small', dataset: { revoke: invitation.id },
        onclick: event => revoke(invitation, event.currentTarget) }, t('members.revoke')) : null)));
  }

  async function reload() {
    if (!canSee) { render(); return; }
    try {
      current = await api('GET', `/v1/shops/${shop.id}/members`);
    } catch (error) {
      toast(describeError(error), 'error');
    }
    render();
  }

  async function invite(event) {
    event.preventDefault();
    const message = $('#invite-message');
    message.hidden = true;
    const email = form.elements.email;
    email.value = email.value.trim();
    if (!email.checkValidity() || !email.value) {
      email.setAttribute('aria-invalid', 'true');
      setText(message, `${t('members.email')}: ${email.validationMessage || t('auth.required')}`);
      message.hidden = false;
      email.focus();
      return;
    }
    email.removeAttribute('aria-invalid');
    await busy($('#invite-send'), async () => {
      try {
        const answer = await api('POST', `/v1/shops/${shop.id}/members`, { email: email.value, role: form.elements.role.value });
        toast(t(answer.member ? 'members.added' : 'members.invited', { email: email.value }), 'success');
        email.value = '';
        await reload();
      } catch (error) {
        setText(message, error && error.code === 'CONFLICT' ? t('members.conflict') : describeError(error));
        message.hidden = false;
      }
    });
  }

  async function changeRole(member, select) {
    try {
      await api('PUT', `/v1/shops/${shop.id}/members/${member.userId}`, { role: select.value });
      toast(t('members.roleChanged', { name: member.name }), 'success');
    } catch (error) {
      toast(error && error.code === 'LAST_OWNER' ? t('members.lastOwner') : describeError(error), 'error');
    }
    await reload();
  }

  async function remove(member, button) {
    if (!window.confirm(t('members.removeConfirm', { name: member.name }))) return;
    await busy(button, async () => {
      try {
        await api('DELETE', `/v1/shops/${shop.id}/members/${member.userId}`);
        toast(t('members.removed', { name: member.name }), 'success');
      } catch (error) {
        toast(error && error.code === 'LAST_OWNER' ? t('members.lastOwner') : describeError(error), 'error');
      }
    });
    await reload();
  }

  async function revoke(invitation, button) {
    await busy(button, async () => {
      try {
        await api('DELETE', `/v1/shops/${shop.id}/invitations/${invitation.id}`);
        toast(t('members.revoked', { email: invitation.email }), 'success');
      } catch (error) {
        toast(describeError(error), 'error');
      }
    });
    await reload();
  }

  async function leave(event) {
    if (!window.confirm(t('members.leaveConfirm', { shop: shop.name }))) return;
    await busy(event.currentTarget, async () => {
      try {
        await api('DELETE', `/v1/shops/${shop.id}/members/${me.id}`);
        toast(t('members.left', { shop: shop.name }), 'success');
        onLeft();
      } catch (error) {
        toast(error && error.code === 'LAST_OWNER' ? t('members.lastOwnerLeave') : describeError(error), 'error');
      }
    });
  }

  form.addEventListener('submit', invite);
  $('#leave-shop').addEventListener('click', leave);
  render();

  return {
    reload,
    relabel: render,
    destroy() {
      form.removeEventListener('submit', invite);
      $('#leave-shop').removeEventListener('click', leave);
      form.reset();
      $('#invite-message').hidden = true;
      $('#members-list').replaceChildren();
      $('#invitations-list').replaceChildren();
    },
  };
}
