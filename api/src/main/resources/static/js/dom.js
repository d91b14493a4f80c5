// Small DOM helpers. Data only ever enters the page as text (textContent, attribute values, form values),
// never as markup.

/** Creates an element; string children become text nodes, null/false children are skipped. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return Array.from(root.querySelectorAll(selector));
}

/** A fresh copy of a <template>'s content (static markup from index.html). */
export function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

export function setText(element, text) {
  if (element && element.textContent !== text) element.textContent = text;
}

/** Shows a short message in the toast region (a polite live region). */
export function toast(message, kind = 'info') {
  const region = document.getElementById('toasts');
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  while (region.children.length >= 2) region.firstElementChild.remove(); // the newest news matters
  region.append(item);
  const stay = kind === 'error' ? 6000 : 3200;
  setTimeout(() => item.classList.add('leaving'), stay);
  setTimeout(() => item.remove(), stay + 400);
}

/** Disables a button while work runs, so a double tap does not send twice. */
export async function busy(button, work) {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = button.dataset.locked === 'true'; // the work may have locked it (a draft is on its way)
    button.removeAttribute('aria-busy');
  }
}
