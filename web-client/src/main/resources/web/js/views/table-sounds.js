// The table's sounds, made in the page with Web Audio (nothing to download): your turn, a card dealt, a bet, a win,
// and time running out. Muted or not per player, remembered in localStorage. Each sound played is also noted in
// window.__soundsPlayed, so a test can hear what a person would.

const TONES = {
  turn: [[660, 0, 0.12], [880, 0.14, 0.16]],
  deal: [[1200, 0, 0.03]],
  bet: [[420, 0, 0.05], [520, 0.06, 0.05]],
  win: [[523, 0, 0.12], [659, 0.12, 0.12], [784, 0.24, 0.22]],
  time: [[980, 0, 0.08]],
};

export class TableSounds {
  constructor(player, storage = globalThis.localStorage) {
    this.key = `chipledger.mute.${player}`;
    this.storage = storage;
    this.muted = storage?.getItem(this.key) === '1';
    this.context = null;
  }

  setMuted(muted) {
    this.muted = muted;
    this.storage?.setItem(this.key, muted ? '1' : '0');
  }

  play(name) {
    if (this.muted || !TONES[name]) {
      return;
    }
    (globalThis.__soundsPlayed ??= []).push(name);
    try {
      this.context ??= new AudioContext();
      const start = this.context.currentTime;
      for (const [frequency, at, length] of TONES[name]) {
        const oscillator = this.context.createOscillator();
        const gain = this.context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.08, start + at);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + at + length);
        oscillator.connect(gain).connect(this.context.destination);
        oscillator.start(start + at);
        oscillator.stop(start + at + length);
      }
    } catch (silent) {
      // No audio here (a browser without Web Audio, or none allowed yet): the table plays on in silence.
    }
  }
}
