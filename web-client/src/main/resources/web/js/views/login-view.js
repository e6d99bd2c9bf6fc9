// Sign up or log in: a name and a password, one form with two buttons.
import { h } from '../dom.js';
import * as api from '../api.js';

export function mountLoginView(app) {
  const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true, minlength: '3', maxlength: '20', pattern: '[A-Za-z0-9_\\-]{3,20}' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, minlength: '8', maxlength: '128' });
  const error = h('p', { class: 'form-error', id: 'login-error', role: 'alert' });
  const signUp = h('button', { type: 'submit', id: 'sign-up', class: 'primary', value: 'register' }, 'Sign up');
  const logIn = h('button', { type: 'submit', id: 'log-in', value: 'login' }, 'Log in');
  const form = h('form', { class: 'login-form', id: 'login-form' },
      h('h1', {}, 'Play No-Limit Hold’em'),
      h('p', { class: 'lede' }, 'New here? Pick a name and a password and sign up: you start with play chips in your wallet.'),
      h('label', {}, 'Name', name),
      h('label', {}, 'Password', password),
      error,
      h('div', { class: 'form-buttons' }, signUp, logIn));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!form.reportValidity()) {
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
