// Editable list of skill chips: each chip has a remove button; changes are reported to the owner.

import { h, replaceChildren } from './dom.js';
import { announce } from './feedback.js';

/**
 * A list of `{ id, label, source }` chips drawn in `container` (a `<ul>`).
 * `source` is "saisie" (typed by the adviser) or "cv" (found in the CV): chips of the
 * CV are styled apart. `onChange(items)` runs after every addition or removal.
 */
export class ChipList {
  constructor(container, { onChange = () => {}, emptyText = 'Aucune compétence pour le moment.' } = {}) {
    this.container = container;
    this.onChange = onChange;
    this.emptyText = emptyText;
    this.items = new Map();
    this.render();
  }

  has(id) {
    return this.items.has(id);
  }

  values() {
    return [...this.items.values()];
  }

  /** Adds a chip (a chip already there keeps its place and source). Returns true if new. */
  add(item, { quiet = false } = {}) {
    if (!item?.id || this.items.has(item.id)) return false;
    this.items.set(item.id, { id: item.id, label: item.label ?? item.id, source: item.source ?? 'saisie' });
    this.render();
    if (!quiet) announce(`${item.label} ajoutée`);
    this.onChange(this.values());
    return true;
  }

  /** Adds several chips with one redraw and one change report. */
  addAll(items) {
    let added = 0;
    for (const item of items) {
      if (!item?.id || this.items.has(item.id)) continue;
      this.items.set(item.id, { id: item.id, label: item.label ?? item.id, source: item.source ?? 'saisie' });
      added += 1;
    }
    this.render();
    this.onChange(this.values());
    return added;
  }

  remove(id, { focusNext = false } = {}) {
    const item = this.items.get(id);
    if (!item) return;
    const order = [...this.items.keys()];
    const index = order.indexOf(id);
    this.items.delete(id);
    this.render();
    announce(`${item.label} retirée`);
    if (focusNext) {
      // Keep the keyboard user in the list: focus the next chip's button, or the previous.
      const buttons = this.container.querySelectorAll('button');
      (buttons[Math.min(index, buttons.length - 1)] ?? null)?.focus();
    }
    this.onChange(this.values());
  }

  /** Removes every chip of one source ("cv"), e.g. before a new CV analysis. */
  removeSource(source) {
    for (const [id, item] of this.items) if (item.source === source) this.items.delete(id);
    this.render();
    this.onChange(this.values());
  }

  clear() {
    this.items.clear();
    this.render();
    this.onChange(this.values());
  }

  render() {
    if (!this.items.size) {
      replaceChildren(this.container, h('li', { class: 'chip-empty' }, this.emptyText));
      return;
    }
    replaceChildren(this.container, this.values().map((item) => h('li', { class: ['chip', item.source === 'cv' ? 'chip-cv' : null], 'data-id': item.id },
      h('span', { class: 'chip-label' }, item.label),
      item.source === 'cv' ? h('span', { class: 'chip-source' }, ' (CV)') : null,
      h('button', {
        type: 'button',
        class: 'chip-remove',
        'aria-label': `Retirer ${item.label}`,
        title: `Retirer ${item.label}`,
        onclick: () => this.remove(item.id, { focusNext: true }),
      }, '×'))));
  }
}
