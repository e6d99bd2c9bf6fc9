// A tiny observable value for what the whole page shows: who is logged in, the wallet, the connection state.
export function createStore(initial) {
  let state = { ...initial };
  const subscribers = new Set();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      subscribers.forEach(notify => notify(state));
    },
    subscribe(notify) {
      subscribers.add(notify);
      notify(state);
      return () => subscribers.delete(notify);
    },
  };
}
