// Client of the Passerelle HTTP API (/api/v1): one function per endpoint, French error messages.

const DEFAULT_TIMEOUT_MS = 60_000;

/** An error to show to the user: `message` is French, from the server when it sent one. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = 'error', field = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Builds a query string, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function errorFromResponse(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (proxy page, empty body): fall back to a generic message below.
  }
  if (body && typeof body.message === 'string' && body.message) {
    return new ApiError(body.message, { status: response.status, code: body.code ?? 'error', field: body.field ?? null });
  }
  const generic = {
    400: 'La demande est incomplète ou mal formée.',
    404: 'Ressource introuvable sur le serveur.',
    413: 'Le texte envoyé est trop long.',
    422: 'La demande ne peut pas être traitée telle quelle.',
    429: 'Trop de demandes : réessayez dans un instant.',
    503: 'Le service est momentanément indisponible.',
  };
  const message = generic[response.status] ?? `Le serveur a répondu par une erreur (${response.status}).`;
  return new ApiError(message, { status: response.status });
}

/**
 * Sends one request and returns the parsed JSON.
 * An abort from the caller's `signal` rethrows the AbortError (callers ignore it);
 * a timeout or a network failure becomes an ApiError with a French message.
 */
export async function request(path, { method = 'GET', body, signal, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new ApiError('Le serveur met trop de temps à répondre. Réessayez dans un instant.', { code: 'timeout' });
    throw new ApiError('Le serveur ne répond pas. Vérifiez que Passerelle est bien démarré.', { code: 'network' });
  }
  if (!response.ok) throw await errorFromResponse(response);
  try {
    return await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('La réponse du serveur est illisible.', { status: response.status, code: 'bad_response' });
  }
}

/** True for the error a caller gets when it aborted its own request. */
export function isAbort(error) {
  return error?.name === 'AbortError';
}

const memo = new Map();
/** Caches GET answers that do not change while the page is open (référentiels, geography). */
function cached(path) {
  if (!memo.has(path)) {
    const promise = request(path);
    promise.catch(() => memo.delete(path));
    memo.set(path, promise);
  }
  return memo.get(path);
}

const enc = encodeURIComponent;

export const skills = (q, { limit = 10, signal } = {}) => request(`/api/v1/skills${query({ q, limit })}`, { signal });
export const occupations = (q, { limit = 10, signal } = {}) => request(`/api/v1/occupations${query({ q, limit })}`, { signal });
export const communes = (q, { limit = 10, signal } = {}) => request(`/api/v1/communes${query({ q, limit })}`, { signal });
export const geography = () => cached('/api/v1/geography');
export const outlines = (level) => cached(`/api/v1/geography/${enc(level)}.geojson`);

export const extract = (body, { signal } = {}) => request('/api/v1/extract', { method: 'POST', body, signal });
export const recommendations = (profile, { signal } = {}) =>
  request('/api/v1/recommendations', { method: 'POST', body: profile, signal, timeoutMs: 120_000 });
export const trainings = ({ q, territory, limit = 20 } = {}, { signal } = {}) =>
  request(`/api/v1/trainings${query({ q, territory, limit })}`, { signal });
export const training = (id, { signal } = {}) => request(`/api/v1/trainings/${enc(id)}`, { signal });
export const labelReadiness = (id, { signal } = {}) =>
  request(`/api/v1/trainings/${enc(id)}/label-readiness`, { signal });

export const clusters = () => cached('/api/v1/clusters');
export const emerging = () => cached('/api/v1/emerging');
export const indicators = (params, { signal } = {}) => request(indicatorsUrl(params), { signal });
export const territoryNeeds = (level, code, { signal } = {}) =>
  request(`/api/v1/territories/${enc(level)}/${enc(code)}/needs`, { signal });
export const territoryTrainings = (level, code, { signal } = {}) =>
  request(`/api/v1/territories/${enc(level)}/${enc(code)}/trainings`, { signal });

/** A territory's series for one need or skill over the published versions (`csv` for a download URL). */
export function historyUrl({ territory, need, skill }, format) {
  return `/api/v1/indicators/history${query({ territory, need, skill, format })}`;
}
export const history = (params, { signal } = {}) => request(historyUrl(params), { signal });

/** The indicators URL, as JSON or as a `csv` / `geojson` download. */
export function indicatorsUrl({ level, indicator, cluster, skill }, format) {
  return `/api/v1/indicators${query({ level, indicator, cluster, skill, format })}`;
}

export const coverage = (body, { signal } = {}) =>
  request('/api/v1/coverage', { method: 'POST', body, signal, timeoutMs: 120_000 });
