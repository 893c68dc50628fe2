// French formatting of numbers, shares, dates, distances and the API's codes for display.

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const percentPrecise = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const isNumber = (x) => typeof x === 'number' && Number.isFinite(x);

/** "1 234" (or "–" when the value is missing). */
export function formatInteger(x) {
  return isNumber(x) ? integer.format(x) : '–';
}

/** "12,5" with at most one decimal. */
export function formatDecimal(x) {
  return isNumber(x) ? decimal.format(x) : '–';
}

/** A share in [0, 1] as "12 %"; shares under 10 % keep one decimal. */
export function formatShare(x) {
  if (!isNumber(x)) return '–';
  return Math.abs(x) < 0.1 && x !== 0 ? percentPrecise.format(x) : percent.format(x);
}

/** A signed change as "+12 %" or "−5 %". */
export function formatGrowth(x) {
  if (!isNumber(x)) return '–';
  const text = formatShare(Math.abs(x));
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}

/** An ISO date "2027-01-04" as "4 janvier 2027" (the text itself when it is not a date). */
export function formatDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ?? '–';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const text = longDate.format(date);
  return text.replace(/^1 /, '1er ');
}

/** A distance as "12 km" ("moins d'1 km" below one). */
export function formatDistance(km) {
  if (!isNumber(km)) return '–';
  return km < 1 ? 'moins d’1 km' : `${integer.format(km)} km`;
}

/** "1 offre" / "3 offres". */
export function plural(n, singular, pluralForm = `${singular}s`) {
  return `${formatInteger(n)} ${Math.abs(n) >= 2 ? pluralForm : singular}`;
}

const MODALITIES = { presentiel: 'Présentiel', distanciel: 'À distance', hybride: 'Hybride' };
/** The French label of a training modality code. */
export function modalityLabel(code) {
  return MODALITIES[code] ?? (code ? String(code) : 'Modalité non précisée');
}

const LEVELS = {
  3: 'Niveau 3 (CAP, BEP)',
  4: 'Niveau 4 (baccalauréat)',
  5: 'Niveau 5 (bac + 2)',
  6: 'Niveau 6 (bac + 3, licence)',
  7: 'Niveau 7 (bac + 5, master)',
};
/** The French label of a qualification level of the national framework. */
export function levelLabel(level) {
  return LEVELS[level] ?? `Niveau ${level}`;
}
