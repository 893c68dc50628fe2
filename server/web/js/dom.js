// DOM building helpers: create HTML and SVG elements from plain values, never from HTML strings.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Appends children (nodes, strings, numbers, arrays; null and false are skipped). */
function appendAll(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendAll(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Sets properties on an element: `class`, `text`, `dataset`, `style` (object),
 * `on<event>` listeners, boolean attributes, and any other attribute by name.
 */
function applyProps(el, props) {
  if (!props) return el;
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  return el;
}

/** Creates an HTML element: `h('button', { type: 'button', onclick }, 'Texte')`. */
export function h(tag, props, ...children) {
  return appendAll(applyProps(document.createElement(tag), props), children);
}

/** Creates an SVG element with the same conventions as `h`. */
export function s(tag, props, ...children) {
  return appendAll(applyProps(document.createElementNS(SVG_NS, tag), props), children);
}

/** Replaces every child of `el` with `children`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return appendAll(el, children);
}

let nextId = 0;
/** Returns a document-unique id with a readable prefix. */
export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Returns `value` if it is an array, else an empty array: the API may omit lists. */
export function asArray(value) {
  return Array.isArray(value) ? value : [];
}
