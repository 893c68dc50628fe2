// Loading states, error messages and screen-reader announcements shared by the three views.

import { h, replaceChildren } from './dom.js';
import { isAbort } from './api.js';

/** Shows a spinner and a French message in `container` and marks it busy. */
export function showLoading(container, message = 'Chargement…') {
  container.setAttribute('aria-busy', 'true');
  replaceChildren(container, h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), message));
}

/** Ends a busy state started by `showLoading`. */
export function doneLoading(container) {
  container.removeAttribute('aria-busy');
}

// The form labels of the request fields the server may name in an error's `field`.
const FIELD_LABELS = [
  [/^skills/, 'Compétences'],
  [/^cv_text/, 'Texte du CV'],
  [/^target/, 'Métier visé'],
  [/^location/, 'Commune de résidence'],
  [/^radius_km/, 'Rayon'],
  [/^modalities/, 'Modalités acceptées'],
  [/^available_from/, 'Disponible à partir du'],
  [/^max_duration_months/, 'Durée maximale'],
  [/^level/, 'Niveau de qualification'],
  [/^situation/, 'Situation'],
  [/^funding/, 'Financement'],
  [/^curriculum/, 'Texte du programme'],
  [/^training_id/, 'Formation du catalogue'],
  [/^territory/, 'Territoire'],
  [/^(cluster|skill|indicator)$/, 'Réglages de la carte'],
  [/^text$/, 'Texte'],
];

function fieldLabel(field) {
  return FIELD_LABELS.find(([pattern]) => pattern.test(field))?.[1] ?? field;
}

/** An alert box with the error's French message (the server's own when it sent one). */
export function errorBox(error, title = 'Une erreur est survenue') {
  const message = error?.message || 'Erreur inconnue.';
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', {}, message),
    error?.field ? h('p', { class: 'error-field' }, `Champ concerné : ${fieldLabel(error.field)}`) : null);
}

/** Replaces the content of `container` with an error box. */
export function showError(container, error, title) {
  doneLoading(container);
  replaceChildren(container, errorBox(error, title));
}

/**
 * Runs `work()` with a loading message in `container`, then lets `render(result)` fill it;
 * an error replaces it with an error box, and an aborted request leaves it alone.
 */
export async function loadInto(container, message, work, render) {
  showLoading(container, message);
  try {
    const result = await work();
    doneLoading(container);
    replaceChildren(container);
    render(result);
    return result;
  } catch (error) {
    if (isAbort(error)) return undefined;
    showError(container, error);
    return undefined;
  }
}

/**
 * Sends a form's request, one at a time: on submit, `prepare()` (optional, awaited) runs
 * first, then `read()` builds the request (an error it throws names the field to fix in
 * its `element`, shown in `formError` under `incomplete`); a request still running is
 * aborted; `send(request, signal)` calls the API with a loading `message` in `results`,
 * and `render(answer, request)` fills them; a failure shows an error box titled `failed`.
 */
export function submitOneAtATime({ form, formError, results, submit, message, incomplete, failed, prepare, read, send, render }) {
  let running = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(formError);
    if (prepare) await prepare();
    let request;
    try {
      request = read();
    } catch (error) {
      replaceChildren(formError, errorBox(error, incomplete));
      error.element?.focus();
      return;
    }
    running?.abort();
    running = new AbortController();
    const mine = running;
    submit.disabled = true;
    showLoading(results, message);
    try {
      const answer = await send(request, mine.signal);
      doneLoading(results);
      render(answer, request);
      revealResults(results);
    } catch (error) {
      if (isAbort(error)) return;
      doneLoading(results);
      replaceChildren(results, h('div', { class: 'card' }, errorBox(error, failed)));
      revealResults(results);
    } finally {
      if (running === mine) submit.disabled = false;
    }
  });
}

/** Reads `message` to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A new text node in a later frame is announced even when the text repeats.
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}

/**
 * Brings a freshly filled result area into view and gives its first heading the focus, so
 * that keyboard and screen-reader users land on the answer (the form can be long).
 */
export function revealResults(container) {
  const heading = container.querySelector('h2, h3, [role="alert"]');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  const top = container.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight * 0.6) container.scrollIntoView({ block: 'start' });
}
