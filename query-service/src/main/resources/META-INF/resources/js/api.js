// The service's own API, on the page's own origin (the Content-Security-Policy allows nothing else).

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.detail || body.title || ('HTTP ' + response.status));
  return body;
}

/** GET path?params as JSON; a problem+json answer becomes an ApiError with its detail. */
export async function get(path, params, signal) {
  const query = params && [...params].length ? '?' + params : '';
  return answer(await fetch(path + query, { headers: { Accept: 'application/json' }, signal }));
}

/** POST a memo's text for a preview; nothing is stored. */
export async function previewMemo(name, text, signal) {
  return answer(await fetch('api/preview?' + new URLSearchParams({ name }), {
    method: 'POST',
    headers: { 'Content-Type': 'text/markdown; charset=utf-8', Accept: 'application/json' },
    body: text,
    signal
  }));
}

export function isAbort(error) {
  return error && error.name === 'AbortError';
}
