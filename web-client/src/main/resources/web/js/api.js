// The server's HTTP endpoints. Every answer is read as JSON; an error carries the server's code and message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, { body, token } = {}) {
  const headers = {};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (offline) {
    throw new ApiError(0, 'OFFLINE', 'the server cannot be reached');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? `the server answered ${response.status}`);
  }
  return json;
}

export function register(name, password) {
  return call('POST', '/api/register', { body: { name, password } });
}

export function login(name, password) {
  return call('POST', '/api/login', { body: { name, password } });
}

export function logout(token) {
  return call('POST', '/api/logout', { token });
}

/**
 * Which game node serves a table, asked of the node at {@code origin} (this page's or another game node's http(s)
 * origin; any node answers for every table): {tableId, node, url} (url null: that server, alone on its database).
 * 503 TABLE_MOVING while no node serves it.
 */
export function routeAt(origin, tableId) {
  return call('GET', `${origin}/api/route?table=${encodeURIComponent(String(tableId))}`);
}

export function lobby() {
  return call('GET', '/api/lobby');
}

/** The player's own hands between two instants (ISO-8601). */
/** A page of the player's hands, newest first, back from hand {@code before} (null: the newest). */
export function hands(token, from, to, { before = null, limit = 50 } = {}) {
  const query = new URLSearchParams({ from, to, order: 'newest', limit: String(limit) });
  if (before !== null) {
    query.set('before', String(before));
  }
  return call('GET', `/api/hands?${query}`, { token });
}

/** One hand exported as a file (pokerstars, phh or json): returns {blob, filename}. */
export async function exportHand(token, handId, format) {
  const query = new URLSearchParams({ format, hand: String(handId) });
  const response = await fetch(`/api/hands/export?${query}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    throw new ApiError(response.status, `HTTP_${response.status}`, `the export answered ${response.status}`);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  const extension = { pokerstars: 'txt', phh: 'phh', json: 'json' }[format] ?? 'txt';
  return { blob: await response.blob(), filename: named ? named[1] : `hand-${handId}.${extension}` };
}

/** Sit-and-gos, newest first (registering, running, and the latest finished). */
export function tournaments() {
  return call('GET', '/api/tournaments?status=registering,running,finished');
}

export function tournament(id) {
  return call('GET', `/api/tournament?id=${encodeURIComponent(id)}`);
}

/** Registers for a sit-and-go; the same {@code requestId} again registers once. */
export function registerForTournament(token, tournamentId, requestId) {
  return call('POST', '/api/tournament/register', { token, body: { tournamentId, requestId } });
}

export function unregisterFromTournament(token, tournamentId) {
  return call('POST', '/api/tournament/unregister', { token, body: { tournamentId } });
}
