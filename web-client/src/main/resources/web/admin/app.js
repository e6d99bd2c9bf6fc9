// The admin console: log in with an admin account, then one view at a time, chosen by the URL's hash
// (#dashboard, #tables, #players/3, ...). Every datum shown comes from /api/admin, which checks the session each time.
import { ApiError, login, logout, session } from './api.js';
import { toast } from './widgets.js';
import * as audit from './views/audit.js';
import * as dashboard from './views/dashboard.js';
import * as hands from './views/hands.js';
import * as log from './views/log.js';
import * as nodes from './views/nodes.js';
import * as players from './views/players.js';
import * as tables from './views/tables.js';
import * as tournaments from './views/tournaments.js';

const views = { dashboard, tables, tournaments, nodes, players, hands, audit, log };
const $ = (id) => document.getElementById(id);

function showLogin(message) {
  $('login').hidden = false;
  $('view').hidden = true;
  $('nav').hidden = true;
  $('who').hidden = true;
  $('login-error').textContent = message ?? '';
}

async function show() {
  if (!session.token) {
    showLogin();
    return;
  }
  $('login').hidden = true;
  $('view').hidden = false;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('who-name').textContent = session.name;
  const [name, argument] = (location.hash.slice(1) || 'dashboard').split('/');
  const view = views[name] ? name : 'dashboard';
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.view === view);
  }
  const container = $('view');
  container.dataset.view = view;
  try {
    await views[view].render(container, show, argument);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return; // signed out: the login form is showing
    toast(`${error.code ? error.code + ': ' : ''}${error.message}`, true);
  }
}

session.onSignedOut(() => showLogin('Your session ended; log in again.'));

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    await login(form.elements.name.value.trim(), form.elements.password.value);
    form.reset();
    await show();
  } catch (error) {
    $('login-error').textContent = error.status === 401 ? 'Wrong name or password.' : error.message;
  } finally {
    button.disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  await logout();
  showLogin();
});

window.addEventListener('hashchange', show);
show();
