// The dealer log and the table chat in one scrolling list, with a line to type in (spectators chat too).
import { h } from '../dom.js';
import { describe } from './hand-log.js';

const MAX_LINES = 300;
const MAX_CHAT = 200;

export class ChatPanel {
  constructor(onSend) {
    this.list = h('ol', { class: 'log', id: 'log', 'aria-live': 'polite' });
    this.input = h('input', { id: 'chat-input', type: 'text', maxlength: String(MAX_CHAT), placeholder: 'Say something…', autocomplete: 'off', 'aria-label': 'chat message' });
    const form = h('form', { class: 'chat-form', id: 'chat-form' }, this.input, h('button', { type: 'submit', id: 'chat-send' }, 'Send'));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const text = this.input.value.trim();
      if (!text) {
        return;
      }
      this.input.value = '';
      const answer = await onSend(text);
      if (answer.type === 'error') {
        this.note(`not sent: ${answer.message ?? answer.code}`);
      }
    });
    this.element = h('aside', { class: 'chat-panel', id: 'chat-panel' }, h('h2', {}, 'Table'), this.list, form);
  }

  /** Adds the line for an event just applied to the model, if the log shows it. */
  event(event, seq, model) {
    if (event.type === 'chatPosted') {
      this.add(h('li', { class: 'chat', dataset: { seq } }, h('b', {}, event.player), ': ', event.text));
      return;
    }
    const text = describe(event, model);
    if (text) {
      const hand = event.handId ?? model.handId;
      this.add(h('li', { class: `dealer ${event.type}`, dataset: { seq, hand: hand ?? '', type: event.type } }, text));
    }
  }

  note(text) {
    this.add(h('li', { class: 'note' }, text));
  }

  add(line) {
    const atBottom = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 4;
    this.list.append(line);
    while (this.list.children.length > MAX_LINES) {
      this.list.firstElementChild.remove();
    }
    if (atBottom) {
      this.list.scrollTop = this.list.scrollHeight;
    }
  }
}
