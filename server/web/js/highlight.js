// Highlights spans given as UTF-8 byte offsets (as the API sends them) in a JavaScript string.

import { h } from './dom.js';

const encoder = new TextEncoder();

/**
 * Returns a function mapping a UTF-8 byte offset of `text` to the matching index in the
 * JavaScript (UTF-16) string, or -1 when the offset is out of range or inside a character.
 */
export function byteOffsetMapper(text) {
  const bytes = encoder.encode(text);
  const toIndex = new Int32Array(bytes.length + 1).fill(-1);
  let index = 0;
  for (let b = 0; b < bytes.length; b += 1) {
    const byte = bytes[b];
    // Continuation bytes (10xxxxxx) are inside a character: no index of their own.
    if ((byte & 0xc0) === 0x80) continue;
    toIndex[b] = index;
    // A four-byte sequence is a character outside the BMP: two UTF-16 code units.
    index += byte >= 0xf0 ? 2 : 1;
  }
  toIndex[bytes.length] = index;
  return (offset) => (Number.isInteger(offset) && offset >= 0 && offset <= bytes.length ? toIndex[offset] : -1);
}

/**
 * Converts byte spans `{start, end, ...}` to string spans `{from, to, ...}`, drops invalid
 * ones, sorts them and keeps the first (longest) of overlapping spans.
 */
export function toStringSpans(text, spans) {
  const map = byteOffsetMapper(text);
  const converted = [];
  for (const span of spans) {
    const from = map(span.start);
    const to = map(span.end);
    if (from < 0 || to <= from) continue;
    converted.push({ ...span, from, to });
  }
  converted.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept = [];
  let end = -1;
  for (const span of converted) {
    if (span.from < end) continue;
    kept.push(span);
    end = span.to;
  }
  return kept;
}

/**
 * Returns a fragment of `text` with each span wrapped in a `<mark>`; `decorate(span, mark)`
 * may add classes, titles or data attributes. Spans are byte offsets.
 */
export function highlightText(text, spans, decorate = () => {}) {
  const fragment = document.createDocumentFragment();
  let cursor = 0;
  for (const span of toStringSpans(text, spans)) {
    if (span.from > cursor) fragment.append(text.slice(cursor, span.from));
    const mark = h('mark', {}, text.slice(span.from, span.to));
    decorate(span, mark);
    fragment.append(mark);
    cursor = span.to;
  }
  if (cursor < text.length) fragment.append(text.slice(cursor));
  return fragment;
}
