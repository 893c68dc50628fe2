// Accessible autocomplete (ARIA 1.2 combobox with a listbox popup) fed by an API look-up.

import { h, replaceChildren, uniqueId } from './dom.js';
import { isAbort } from './api.js';

/**
 * Turns a text `input` into a combobox.
 *
 * - `source(q, signal)` returns a promise of items (the request is aborted when the user types on);
 * - `describe(item)` returns `{ label, detail }`, the text of an option;
 * - `onSelect(item)` is called when an option is chosen (click, Enter);
 * - `onClear()` is called when the user edits the text after a choice;
 * - `keepText`: after a choice, the input shows the label (`true`) or is emptied (`false`).
 *
 * Returns a handle with `selected()`, `select(item)` and `clear()`.
 */
export function autocomplete(input, { source, describe, onSelect = () => {}, onClear = () => {}, minChars = 2, delayMs = 180, keepText = true, emptyText = 'Aucun résultat' }) {
  const listId = uniqueId('listbox');
  const listbox = h('ul', { id: listId, role: 'listbox', class: 'ac-list', hidden: true });
  if (input.labels?.[0]?.id) listbox.setAttribute('aria-labelledby', input.labels[0].id);
  const status = h('span', { class: 'ac-status visually-hidden', role: 'status', 'aria-live': 'polite' });
  input.insertAdjacentElement('afterend', listbox);
  listbox.insertAdjacentElement('afterend', status);
  input.parentElement.classList.add('ac');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('spellcheck', 'false');

  let items = [];
  let active = -1;
  let chosen = null;
  let timer = 0;
  let controller = null;
  let generation = 0;

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    const options = listbox.querySelectorAll('[role="option"]');
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    const item = items[index];
    if (!item) return;
    chosen = item;
    input.value = keepText ? describe(item).label : '';
    close();
    status.textContent = `${describe(item).label} choisi`;
    onSelect(item);
    if (!keepText) chosen = null;
  }

  function showMessage(text, className) {
    replaceChildren(listbox, h('li', { class: className, role: 'presentation' }, text));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function render() {
    if (!items.length) {
      showMessage(emptyText, 'ac-empty');
      status.textContent = emptyText;
      return;
    }
    replaceChildren(listbox, items.map((item, i) => {
      const { label, detail } = describe(item);
      return h('li', {
        id: `${listId}-${i}`,
        role: 'option',
        class: 'ac-option',
        'aria-selected': 'false',
        // mousedown would blur the input before click: keep the focus in the field.
        onmousedown: (event) => event.preventDefault(),
        onclick: () => choose(i),
      }, h('span', { class: 'ac-label' }, label), detail ? h('span', { class: 'ac-detail' }, ` — ${detail}`) : null);
    }));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    status.textContent = `${items.length} suggestion${items.length > 1 ? 's' : ''}, flèches haut et bas pour parcourir`;
  }

  async function lookUp(q) {
    controller?.abort();
    controller = new AbortController();
    const mine = ++generation;
    delete listbox.dataset.query;
    showMessage('Recherche…', 'ac-loading');
    try {
      const result = await source(q, controller.signal);
      if (mine !== generation) return;
      items = Array.isArray(result) ? result : [];
      // The query the options answer, for tests and for debugging stale lists.
      listbox.dataset.query = q;
      render();
    } catch (error) {
      if (isAbort(error) || mine !== generation) return;
      items = [];
      showMessage(error.message || 'La recherche a échoué.', 'ac-error');
    }
  }

  input.addEventListener('input', () => {
    if (chosen) {
      chosen = null;
      onClear();
    }
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < minChars) {
      controller?.abort();
      generation += 1;
      items = [];
      close();
      return;
    }
    timer = setTimeout(() => lookUp(q), delayMs);
  });

  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && items.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open && input.value.trim().length >= minChars) lookUp(input.value.trim());
        else if (open) setActive((active + 1) % items.length);
        break;
      case 'ArrowUp':
        if (open) {
          event.preventDefault();
          setActive(active <= 0 ? items.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (open) {
          // Enter in an open list chooses; it never submits the form.
          event.preventDefault();
          choose(active >= 0 ? active : 0);
        }
        break;
      case 'Escape':
        if (!listbox.hidden) {
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });

  input.addEventListener('blur', () => {
    // Let a click on an option land first.
    setTimeout(close, 150);
  });

  return {
    selected: () => chosen,
    select(item) {
      chosen = item;
      input.value = describe(item).label;
      close();
    },
    clear() {
      chosen = null;
      input.value = '';
      items = [];
      close();
    },
  };
}
