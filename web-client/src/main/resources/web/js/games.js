// The games a table can deal, by the code the server sends (the lobby's "game", a snapshot's "game").

/** Code to name, in the order an operator is offered them. */
export const GAMES = { NLHE: "No-Limit Hold'em", PLO: 'Pot-Limit Omaha' };

/** "PLO" -> "Pot-Limit Omaha"; a code this page does not know is shown as it is. */
export function gameName(code) {
  return GAMES[code ?? 'NLHE'] ?? code;
}
