// The login kept across reloads: the token and the player's name, in localStorage (this browser only).
const KEY = 'chipledger.session';

export function loadSession() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return stored && typeof stored.token === 'string' && typeof stored.player === 'string' ? stored : null;
  } catch (unreadable) {
    return null;
  }
}

export function saveSession(session) {
  localStorage.setItem(KEY, JSON.stringify({ token: session.token, player: session.player }));
}

export function clearSession() {
  localStorage.removeItem(KEY);
}
