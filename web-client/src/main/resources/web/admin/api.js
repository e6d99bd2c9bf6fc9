// The admin API over fetch: every call carries the admin's session token; errors come back as ApiError with the
// server's code and message. Money stays a string from the server to the screen and back: nothing here parses it.

const TOKEN = 'chipledger.admin.token';
const NAME = 'chipledger.admin.name';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let signedOut = () => {};

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get name() { return sessionStorage.getItem(NAME); },
  onSignedOut(listener) { signedOut = listener; },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(NAME);
  },
};

/** Logs in; only an ADMIN account's session is kept. */
export async function login(name, password) {
  const answer = await call('POST', '/api/login', { name, password }, false);
  if (answer.role !== 'ADMIN') {
    await call('POST', '/api/logout', {}, false, answer.token).catch(() => {});
    throw new ApiError(403, 'FORBIDDEN', 'this account is not an admin');
  }
  sessionStorage.setItem(TOKEN, answer.token);
  sessionStorage.setItem(NAME, answer.player);
  return answer;
}

export async function logout() {
  const token = session.token;
  session.clear();
  if (token) {
    await call('POST', '/api/logout', {}, false, token).catch(() => {});
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

async function call(method, path, body, authorized = true, token = session.token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (unreachable) {
    throw new ApiError(0, 'NETWORK', 'the server could not be reached; nothing is known to have changed');
  }
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch (notJson) {
    json = {};
  }
  if (authorized && response.status === 401) {
    session.clear();
    signedOut();
  }
  if (!response.ok) {
    throw new ApiError(response.status, json.error?.code ?? `HTTP_${response.status}`, json.error?.message ?? text);
  }
  return json;
}

/** 128 random bits as hex: an idempotency key. (crypto.randomUUID needs a secure context; this does not.) */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One form's changing request, sent at most once per key: a double click or a resend after a lost answer reuses the
 * key, so the server carries it out once. The key is renewed only after a definite answer (done or refused); after a
 * network failure or a server error the same key is kept, so sending again learns the outcome instead of repeating it.
 */
export class Submission {
  constructor(path) {
    this.path = path;
    this.key = newKey();
    this.inFlight = null;
  }

  send(body) {
    if (this.inFlight) return this.inFlight;
    this.inFlight = post(this.path, { ...body, idempotencyKey: this.key })
      .then((answer) => {
        this.key = newKey();
        return answer;
      }, (error) => {
        if (error.status >= 400 && error.status < 500) this.key = newKey();
        throw error;
      })
      .finally(() => { this.inFlight = null; });
    return this.inFlight;
  }
}
