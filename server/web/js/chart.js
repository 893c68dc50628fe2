// Inline SVG charts drawn by hand: horizontal bar charts (with negative values), line charts over time and score bars.

import { h, s, uniqueId } from './dom.js';
import { formatInteger, formatShare } from './format.js';

function truncate(text, max) {
  const value = String(text ?? '');
  return value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;
}

/** True for a number that can be drawn. */
function isKnown(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The `<svg>` of a chart, labelled by its caption. */
function chartSvg({ width, height, captionId, className = '' }, ...children) {
  return s('svg', {
    class: ['chart-svg', className],
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    // Drawn at its natural size when there is room, so that the text stays at 12 px.
    style: { maxWidth: `${width}px` },
    role: 'img',
    'aria-labelledby': captionId,
    preserveAspectRatio: 'xMinYMin meet',
  }, ...children);
}

/**
 * The data of a chart as a table in a `<details>`: `rows` are `[{ label, value }]`, a value
 * that is not a number is written `missing`.
 */
function dataTable(rows, { labelHeader, valueHeader, format, missing }) {
  return h('details', { class: 'chart-data' },
    h('summary', {}, 'Voir les données du graphique'),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, labelHeader), h('th', { scope: 'col' }, valueHeader))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('th', { scope: 'row' }, row.label),
        h('td', {}, typeof row.value === 'number' ? format(row.value) : missing))))));
}

/** A chart's `<figure>`: its caption, its drawing and its data table. */
function chartFigure({ caption, captionId, className = '' }, svg, table) {
  return h('figure', { class: ['chart', className] },
    h('figcaption', { id: captionId }, caption),
    svg,
    table);
}

/**
 * A horizontal bar chart in a `<figure>`, with a caption and the same data as a table
 * for screen readers and copy-paste.
 *
 * `items`: `[{ label, value, hint? }]`; `value` may be negative (bars then grow from a zero axis)
 * or null (drawn as "n.d."). `format` writes the values.
 */
export function barChart({ caption, items, format = formatInteger, valueHeader = 'Valeur', labelWidth = 250, width = 640, maxLabelChars, className = '' }) {
  // About 7 px per character of 12 px text: longer labels are cut (the full one is in the tooltip and the table).
  const labelChars = maxLabelChars ?? Math.floor((labelWidth - 12) / 7.2);
  const rowHeight = 24;
  const barHeight = 16;
  const top = 4;
  const valueWidth = 64;
  const numbers = items.map((item) => item.value).filter(isKnown);
  const min = Math.min(0, ...numbers);
  const max = Math.max(0, ...numbers);
  const span = max - min || 1;
  // Negative bars grow to the left: their values need room between the labels and the bars.
  const plotLeft = labelWidth + (min < 0 ? valueWidth : 0);
  const plotWidth = width - plotLeft - valueWidth;
  const x = (v) => plotLeft + ((v - min) / span) * plotWidth;
  const zero = x(0);
  const height = top * 2 + items.length * rowHeight;
  const captionId = uniqueId('chart');

  const rows = items.map((item, i) => {
    const y = top + i * rowHeight;
    const value = item.value;
    const known = isKnown(value);
    const barX = known ? Math.min(zero, x(value)) : zero;
    const barW = known ? Math.max(Math.abs(x(value) - zero), value === 0 ? 0 : 1) : 0;
    const tone = known && value < 0 ? 'negative' : 'positive';
    const textX = known && value < 0 ? barX - 4 : barX + barW + 4;
    return s('g', { class: 'chart-row' },
      s('title', {}, `${item.label} : ${known ? format(value) : 'non disponible'}${item.hint ? ` (${item.hint})` : ''}`),
      s('text', { x: labelWidth - 8, y: y + barHeight - 3, class: 'chart-label', 'text-anchor': 'end' }, truncate(item.label, labelChars)),
      s('rect', { x: barX, y: y + 1, width: barW, height: barHeight, rx: 2, class: `bar ${tone}`, 'data-value': known ? value : '' }),
      s('text', { x: textX, y: y + barHeight - 3, class: 'chart-value', 'text-anchor': known && value < 0 ? 'end' : 'start' }, known ? format(value) : 'n.d.'));
  });

  const svg = chartSvg({ width, height, captionId },
    min < 0 ? s('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'chart-axis' }) : null,
    rows);
  const table = dataTable(items, { labelHeader: 'Libellé', valueHeader, format, missing: 'non disponible' });
  return chartFigure({ caption, captionId, className }, svg, table);
}

/**
 * Small labelled bars for values in [0, 1] (score details): a definition list whose bars
 * are drawn with inline SVG.
 */
export function scoreBars(entries) {
  return h('dl', { class: 'score-bars' }, entries.map(({ label, value }) => {
    const known = isKnown(value);
    const clamped = known ? Math.max(0, Math.min(1, value)) : 0;
    return h('div', { class: 'score-bar' },
      h('dt', {}, label),
      h('dd', {},
        s('svg', { viewBox: '0 0 100 8', width: 100, height: 8, 'aria-hidden': 'true', class: 'mini-bar', preserveAspectRatio: 'none' },
          s('rect', { x: 0, y: 0, width: 100, height: 8, rx: 2, class: 'mini-track' }),
          s('rect', { x: 0, y: 0, width: clamped * 100, height: 8, rx: 2, class: 'mini-fill' })),
        h('span', { class: 'score-value' }, known ? formatShare(value) : '–')));
  }));
}

/**
 * A line chart of values over time in a `<figure>`, with the same data as a table.
 *
 * `points`: `[{ label, value }]` in time order; `value` null is a gap (drawn as "n.d.").
 */
export function lineChart({ caption, points, format = formatInteger, valueHeader = 'Valeur', width = 540, height = 180 }) {
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const known = points.map((p) => p.value).filter(isKnown);
  const max = Math.max(1, ...known);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i) => left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const y = (v) => top + plotH - (v / max) * plotH;
  const captionId = uniqueId('chart');
  // Consecutive known points are joined; a gap breaks the line.
  const segments = [];
  let current = [];
  points.forEach((p, i) => {
    if (isKnown(p.value)) {
      current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    } else if (current.length) {
      segments.push(current);
      current = [];
    }
  });
  if (current.length) segments.push(current);
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  const svg = chartSvg({ width, height, captionId, className: 'line-chart' },
    s('line', { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, class: 'chart-axis' }),
    s('text', { x: left - 6, y: top + 4, class: 'chart-value', 'text-anchor': 'end' }, format(max)),
    s('text', { x: left - 6, y: top + plotH, class: 'chart-value', 'text-anchor': 'end' }, format(0)),
    s('text', { x: left, y: height - 8, class: 'chart-label', 'text-anchor': 'start' }, first),
    points.length > 1 ? s('text', { x: left + plotW, y: height - 8, class: 'chart-label', 'text-anchor': 'end' }, last) : null,
    segments.map((seg) => s('polyline', { points: seg.join(' '), class: 'line' })),
    points.map((p, i) => (isKnown(p.value)
      ? s('circle', { cx: x(i), cy: y(p.value), r: 3, class: 'line-point' }, s('title', {}, `${p.label} : ${format(p.value)}`))
      : null)));
  const table = dataTable(points, { labelHeader: 'Version', valueHeader, format, missing: 'non disponible (secret statistique)' });
  return chartFigure({ caption, captionId }, svg, table);
}
