// Sign up or log in: a name and a password, one form with two buttons.
import { h } from '../dom.js';
import * as api from '../api.js';

export const NAME_RULE = '3 to 20 letters, digits, _ or -';
export const PASSWORD_RULE = '8 to 128 characters';

export function mountLoginView(app) {
  // The rules the server holds names and passwords to (PlayerDirectory), said before anyone is refused.
  const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true, minlength: '3', maxlength: '20',
    pattern: '[A-Za-z0-9_\\-]{3,20}', 'aria-describedby': 'name-rule' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    minlength: '8', maxlength: '128', 'aria-describedby': 'password-rule' });
  const nameRule = h('small', { class: 'field-rule', id: 'name-rule' }, NAME_RULE);
  const passwordRule = h('small', { class: 'field-rule', id: 'password-rule' }, PASSWORD_RULE);
  const error = h('p', { class: 'form-error', id: 'login-error', role: 'alert' });
  const signUp = h('button', { type: 'submit', id: 'sign-up', class: 'primary', value: 'register' }, 'Sign up');
  const logIn = h('button', { type: 'submit', id: 'log-in', value: 'login' }, 'Log in');
  // novalidate: the browser's own words ("Please match the requested format") do not say what the format is; ours do.
  const form = h('form', { class: 'login-form', id: 'login-form', novalidate: true },
      h('h1', {}, 'Play No-Limit Hold’em'),
      h('p', { class: 'lede' }, 'New here? Pick a name and a password and sign up: you start with play chips in your wallet.'),
      h('label', {}, 'Name', name, nameRule),
      h('label', {}, 'Password', password, passwordRule),
      error,
      h('div', { class: 'form-buttons' }, signUp, logIn));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const problem = !name.checkValidity() ? `A name is ${NAME_RULE}.`
      : !password.checkValidity() ? `A password is ${PASSWORD_RULE}.` : null;
    if (problem) {
      error.textContent = problem;
      (name.checkValidity() ? password : name).focus();
      return;
    }
    const registering = e.submitter?.value === 'register';
    error.textContent = '';
    signUp.disabled = logIn.disabled = true;
    try {
      const answer = registering ? await api.register(name.value, password.value) : await api.login(name.value, password.value);
      app.loggedIn({ token: answer.token, player: answer.player });
    } catch (failure) {
      error.textContent = failure.message;
    } finally {
      signUp.disabled = logIn.disabled = false;
    }
  });
  return { element: h('section', { class: 'login', id: 'login' }, form), destroy() {} };
}
