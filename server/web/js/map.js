// Choropleth map of France as inline SVG: GeoJSON outlines with overseas insets, or a tile grid.

import { h, s, replaceChildren, uniqueId } from './dom.js';

const SEQUENTIAL = ['#e3eef9', '#b3d0ec', '#74a9d8', '#3a7fbf', '#175394'];
const NEGATIVE = ['#1d7a6c', '#5fb1a2', '#c4e6df'];
const NEUTRAL = '#f1efe9';
const POSITIVE = ['#fbd0b0', '#ee8a4f', '#b5461a'];

/** Overseas territories are drawn in insets (outlines) or below the mainland (grid). */
function isOverseas({ code, lat, lon }) {
  if (Number.isFinite(lat) && Number.isFinite(lon)) return lat < 35 || lon < -10 || lon > 20;
  return /^0[1-6]$/.test(code) || /^97/.test(code);
}

/** Splits sorted values into at most `n` classes of similar counts (quantiles). */
function quantileClasses(sorted, n) {
  if (!sorted.length) return [];
  const classes = [];
  let lo = 0;
  for (let k = 1; k <= n && lo < sorted.length; k += 1) {
    let hi = Math.max(lo, Math.ceil((sorted.length * k) / n) - 1);
    // Equal values stay in one class, so a value always has a single colour.
    while (hi + 1 < sorted.length && sorted[hi + 1] === sorted[hi]) hi += 1;
    classes.push({ min: sorted[lo], max: sorted[hi] });
    lo = hi + 1;
  }
  return classes;
}

/**
 * A colour scale for `values`: sequential quantile classes, or diverging classes around
 * zero when some values are negative (`diverging` forces it, for gaps).
 * Returns `{ color(value) → colour or null, legend: [{ color, label }] }`.
 */
export function colorScale(values, { diverging = false, format = String } = {}) {
  const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const range = (c) => (c.min === c.max ? format(c.min) : `${format(c.min)} à ${format(c.max)}`);
  const buckets = [];
  if (diverging || (known.length && known[0] < 0)) {
    const negatives = quantileClasses(known.filter((v) => v < 0), NEGATIVE.length);
    const positives = quantileClasses(known.filter((v) => v > 0), POSITIVE.length);
    negatives.forEach((c, i) => buckets.push({ ...c, color: NEGATIVE[NEGATIVE.length - negatives.length + i] }));
    if (known.includes(0)) buckets.push({ min: 0, max: 0, color: NEUTRAL });
    positives.forEach((c, i) => buckets.push({ ...c, color: POSITIVE[i] }));
  } else {
    const classes = quantileClasses(known, SEQUENTIAL.length);
    // Spread the palette when there are fewer classes than colours.
    classes.forEach((c, i) => {
      const index = classes.length === 1 ? SEQUENTIAL.length - 1 : Math.round((i * (SEQUENTIAL.length - 1)) / (classes.length - 1));
      buckets.push({ ...c, color: SEQUENTIAL[index] });
    });
  }
  return {
    color(value) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      const bucket = buckets.find((b) => value >= b.min && value <= b.max)
        ?? buckets.reduce((best, b) => (Math.abs(b.min - value) < Math.abs(best.min - value) ? b : best), buckets[0]);
      return bucket?.color ?? null;
    },
    legend: buckets.map((b) => ({ color: b.color, label: range(b) })),
  };
}

/** Rings of a Polygon or MultiPolygon geometry (other geometries have none). */
function ringsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

function boundsOf(rings) {
  const b = { minLon: Infinity, maxLon: -Infinity, minLat: Infinity, maxLat: -Infinity };
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      b.minLon = Math.min(b.minLon, lon);
      b.maxLon = Math.max(b.maxLon, lon);
      b.minLat = Math.min(b.minLat, lat);
      b.maxLat = Math.max(b.maxLat, lat);
    }
  }
  return b;
}

/** A plate carrée projection scaled by cos(latitude) that fits `bounds` into a box. */
function fitProjection(bounds, box) {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const k = Math.cos(midLat);
  const w = (bounds.maxLon - bounds.minLon) * k || 1;
  const hgt = bounds.maxLat - bounds.minLat || 1;
  const scale = Math.min(box.width / w, box.height / hgt);
  const dx = box.x + (box.width - w * scale) / 2;
  const dy = box.y + (box.height - hgt * scale) / 2;
  return ([lon, lat]) => [dx + (lon - bounds.minLon) * k * scale, dy + (bounds.maxLat - lat) * scale];
}

/** SVG path data of `rings`, dropping points closer than half a pixel to the previous one. */
function pathData(rings, project) {
  const parts = [];
  for (const ring of rings) {
    let last = null;
    const points = [];
    for (const coordinate of ring) {
      const [x, y] = project(coordinate);
      if (last && Math.abs(x - last[0]) < 0.5 && Math.abs(y - last[1]) < 0.5) continue;
      points.push(`${x.toFixed(1)} ${y.toFixed(1)}`);
      last = [x, y];
    }
    if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
  }
  return parts.join('');
}

/**
 * The map of one level. `draw()` renders it from the territories of `/api/v1/geography`,
 * the optional GeoJSON outlines and a value per code; `onSelect(code)` is called on a click
 * or on Enter / Space on a focused territory.
 */
export class TerritoryMap {
  constructor(container, { onSelect, label = 'Carte des territoires' }) {
    this.container = container;
    this.onSelect = onSelect;
    this.label = label;
    this.selected = null;
  }

  /**
   * `territories`: `[{ code, name, grid, lat, lon }]`; `outlines`: a FeatureCollection or null;
   * `values`: Map code → `{ value, text }` (`text` is read by screen readers and tooltips);
   * `scale`: from `colorScale`.
   */
  draw({ territories, outlines, values, scale, selected = null }) {
    this.selected = selected;
    const hatchId = uniqueId('hatch');
    const defs = s('defs', {},
      s('pattern', { id: hatchId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 6, height: 6, fill: '#f4f4f4' }),
        s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#bdbdbd', 'stroke-width': 2 })));
    const paint = (code) => {
      const entry = values.get(code);
      const color = entry ? scale.color(entry.value) : null;
      return { fill: color ?? `url(#${hatchId})`, filled: Boolean(color), text: entry?.text ?? 'pas de données' };
    };
    const byCode = new Map(territories.map((t) => [t.code, t]));
    const svg = outlines?.features?.length
      ? this.outlineMap(outlines, byCode, paint, defs)
      : this.gridMap(territories, paint, defs);
    replaceChildren(this.container, svg);
    this.svg = svg;
    this.groups = [...svg.querySelectorAll('.territory')];
    svg.addEventListener('keydown', (event) => this.moveFocus(event));
    this.highlight(selected);
  }

  /**
   * Roving focus: the map is one tab stop, and the arrow keys go to the nearest territory in
   * their direction (Home and End to the first and last), so that a keyboard user does not
   * tab through a hundred départements.
   */
  moveFocus(event) {
    const from = event.target.closest?.('.territory');
    if (!from) return;
    const directions = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    let next = null;
    if (event.key === 'Home') next = this.groups[0];
    else if (event.key === 'End') next = this.groups[this.groups.length - 1];
    else if (event.key in directions) {
      const [dx, dy] = directions[event.key];
      const center = (group) => {
        const box = group.getBBox();
        return [box.x + box.width / 2, box.y + box.height / 2];
      };
      const [x0, y0] = center(from);
      let best = Infinity;
      for (const group of this.groups) {
        if (group === from) continue;
        const [x, y] = center(group);
        const along = (x - x0) * dx + (y - y0) * dy;
        if (along <= 0) continue;
        const across = Math.abs((x - x0) * dy - (y - y0) * dx);
        const score = along + 2 * across;
        if (score < best) {
          best = score;
          next = group;
        }
      }
    } else {
      return;
    }
    event.preventDefault();
    if (!next) return;
    this.makeTabStop(next);
    next.focus();
  }

  makeTabStop(target) {
    for (const group of this.groups ?? []) group.tabIndex = group === target ? 0 : -1;
  }

  territoryGroup({ code, name }, paint, ...shapes) {
    const { fill, filled, text } = paint(code);
    const group = s('g', {
      class: 'territory',
      tabindex: -1,
      role: 'button',
      // The name starts with what a tile shows (code, then name), as WCAG 2.5.3 asks.
      'aria-label': `${code} ${name} : ${text}`,
      'aria-pressed': 'false',
      'data-code': code,
      'data-filled': String(filled),
      onclick: () => this.onSelect(code),
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.onSelect(code);
        }
      },
    });
    for (const shape of shapes) {
      if (!shape) continue;
      if (shape.classList.contains('shape')) shape.setAttribute('fill', fill);
      group.append(shape);
    }
    // An outline shows no text: its tooltip says what the name says. A tile shows its code
    // and name, and a tooltip would add words to its visible text that its name lacks.
    if (!group.querySelector('text')) group.prepend(s('title', {}, `${code} ${name} : ${text}`));
    return group;
  }

  gridMap(territories, paint, defs) {
    const placed = territories.filter((t) => Array.isArray(t.grid) && t.grid.length >= 2);
    const cols = Math.max(...placed.map((t) => t.grid[0])) + 1;
    const rows = Math.max(...placed.map((t) => t.grid[1])) + 1;
    const tile = Math.floor(Math.min(620 / cols, 600 / rows));
    const width = cols * tile;
    const height = rows * tile + 4;
    const groups = placed.map((t) => {
      const x = t.grid[0] * tile;
      const y = t.grid[1] * tile;
      const big = tile >= 70;
      return this.territoryGroup(t, paint,
        s('rect', { class: 'shape', x: x + 2, y: y + 2, width: tile - 4, height: tile - 4, rx: 4 }),
        s('text', { class: 'tile-code', x: x + tile / 2, y: y + (big ? tile / 2 - 2 : tile / 2 + 4), 'text-anchor': 'middle' }, t.code),
        big ? s('text', { class: 'tile-name', x: x + tile / 2, y: y + tile / 2 + 14, 'text-anchor': 'middle' }, shortName(t.name)) : null);
    });
    const overseas = placed.filter(isOverseas);
    const mainland = placed.filter((t) => !isOverseas(t));
    let caption = null;
    if (overseas.length && mainland.length) {
      const topRow = Math.min(...overseas.map((t) => t.grid[1]));
      const lastMainland = Math.max(...mainland.map((t) => t.grid[1]));
      if (topRow > lastMainland + 1) {
        caption = s('text', { class: 'inset-caption', x: 4, y: topRow * tile - 8 }, 'Outre-mer');
      }
    }
    return s('svg', { class: 'map-svg grid', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': this.label }, defs, caption, groups);
  }

  outlineMap(collection, byCode, paint, defs) {
    const width = 620;
    const features = collection.features
      .map((feature) => {
        const code = String(feature.properties?.code ?? '');
        const rings = ringsOf(feature.geometry);
        const known = byCode.get(code);
        const bounds = boundsOf(rings);
        const center = { lat: (bounds.minLat + bounds.maxLat) / 2, lon: (bounds.minLon + bounds.maxLon) / 2 };
        return { code, name: known?.name ?? feature.properties?.nom ?? code, rings, bounds, overseas: isOverseas({ code, ...center }) };
      })
      .filter((f) => f.code && f.rings.length);
    const mainland = features.filter((f) => !f.overseas);
    const overseas = features.filter((f) => f.overseas).sort((a, b) => a.code.localeCompare(b.code));
    const all = boundsOf(mainland.flatMap((f) => f.rings));
    const k = Math.cos(((all.minLat + all.maxLat) / 2) * (Math.PI / 180));
    const mainlandHeight = Math.round((width * (all.maxLat - all.minLat)) / ((all.maxLon - all.minLon) * k || 1));
    const project = fitProjection(all, { x: 4, y: 4, width: width - 8, height: mainlandHeight - 8 });
    const insetSize = overseas.length ? Math.min(110, Math.floor((width - 8) / overseas.length)) : 0;
    const insetTop = mainlandHeight + 26;
    const height = overseas.length ? insetTop + insetSize + 22 : mainlandHeight;
    const groups = mainland.map((f) => this.territoryGroup(f, paint, s('path', { class: 'shape', d: pathData(f.rings, project) })));
    const insets = overseas.map((f, i) => {
      const box = { x: 4 + i * insetSize + 6, y: insetTop + 6, width: insetSize - 12, height: insetSize - 12 };
      const insetProject = fitProjection(f.bounds, box);
      return s('g', { class: 'inset' },
        s('rect', { class: 'inset-frame', x: 4 + i * insetSize + 2, y: insetTop, width: insetSize - 4, height: insetSize, rx: 4 }),
        this.territoryGroup(f, paint, s('path', { class: 'shape', d: pathData(f.rings, insetProject) })),
        s('text', { class: 'inset-name', x: 4 + i * insetSize + insetSize / 2, y: insetTop + insetSize + 14, 'text-anchor': 'middle' }, shortName(f.name)));
    });
    const caption = overseas.length ? s('text', { class: 'inset-caption', x: 6, y: insetTop - 8 }, 'Outre-mer') : null;
    return s('svg', { class: 'map-svg outlines', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': this.label }, defs, groups, caption, insets);
  }

  /** Marks `code` as the selected territory (drawn on top, with a thick outline). */
  highlight(code) {
    this.selected = code;
    if (!this.svg) return;
    this.svg.querySelector('.selection-outline')?.remove();
    this.makeTabStop(this.groups.find((g) => g.dataset.code === code) ?? this.groups[0]);
    for (const group of this.svg.querySelectorAll('.territory')) {
      const on = group.dataset.code === code;
      group.classList.toggle('selected', on);
      group.setAttribute('aria-pressed', String(on));
      if (on) {
        // A copy of the outline drawn last stays above the neighbours' shapes; moving the
        // group itself would change the tab order and drop the keyboard focus.
        const outline = group.querySelector('.shape').cloneNode(false);
        outline.setAttribute('class', 'selection-outline');
        outline.setAttribute('aria-hidden', 'true');
        outline.removeAttribute('fill');
        this.svg.append(outline);
      }
    }
  }
}

/** A short name that fits a tile or an inset. */
function shortName(name) {
  const text = String(name ?? '');
  return text.length > 14 ? `${text.slice(0, 13)}…` : text;
}

/** The legend of a colour scale, with the "no data" swatch. */
export function mapLegend({ title, scale, unit = '' }) {
  return h('div', { class: 'legend' },
    h('p', { class: 'legend-title' }, title),
    h('ul', {},
      scale.legend.map(({ color, label }) => h('li', {},
        h('span', { class: 'swatch', style: { background: color }, 'aria-hidden': 'true' }),
        `${label}${unit ? ` ${unit}` : ''}`)),
      h('li', {}, h('span', { class: 'swatch hatched', 'aria-hidden': 'true' }), 'Pas de données ou moins de 5 offres (masqué)')));
}
