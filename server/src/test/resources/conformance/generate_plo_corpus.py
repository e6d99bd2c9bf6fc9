#!/usr/bin/env python3
"""Generates the Pot-Limit Omaha conformance corpus (plo-2000.phhs): random hands settled by pokerkit.

Usage: PYTHONPATH=/path/to/pokerkit python3 generate_plo_corpus.py [HANDS [SEED]] > plo-2000.phhs

pokerkit (MIT, University of Toronto Computer Poker Research Group, https://github.com/uoftcprg/pokerkit) plays every
hand: this script only chooses the cards and the actions among the ones pokerkit calls legal, and writes what pokerkit
settled. Amounts are whole cents inside pokerkit (integers, so nothing is rounded) and exact decimals in the file.

What the hands exercise: 2 to 9 players with unequal stacks in cents (some of a few big blinds, so all-ins and side
pots are common), uniform and big-blind antes, pot-sized bets and raises (the pot-limit maximum) beside minimum and
in-between ones, and hole cards of the same ranks given to two or three players now and then, so split pots come up.
Hands whose split would give two or more odd cents of one pot to one player are left out: pokerkit gives a pot's whole
remainder to its first winner, Robert's Rules (which the server follows) one cent each.
"""

import random
import sys

from pokerkit import Automation, Mode, PotLimitOmahaHoldem

BLINDS = [(1, 2), (5, 10), (10, 20), (25, 50), (50, 100), (100, 200), (2, 5)]
RANKS = '23456789TJQKA'
SUITS = 'cdhs'
DECK = [rank + suit for rank in RANKS for suit in SUITS]
AUTOMATIONS = (
    Automation.ANTE_POSTING,
    Automation.BET_COLLECTION,
    Automation.BLIND_OR_STRADDLE_POSTING,
    Automation.HAND_KILLING,
    Automation.CHIPS_PUSHING,
    Automation.CHIPS_PULLING,
)
# How often a player bets or raises, shoves when raising, folds to a bet: from calling stations to maniacs.
STYLES = [(8, 10, 20), (20, 20, 30), (35, 40, 15), (50, 60, 10)]


class SplitRecorder:
    """pokerkit's divmod, noting every split whose remainder would go to one player as two or more odd cents."""

    def __init__(self):
        self.uneven = False

    def __call__(self, dividend, divisor):
        quotient, remainder = divmod(dividend, divisor)
        if remainder >= 2:
            self.uneven = True
        return quotient, remainder


def cents(amount):
    return f'{amount // 100}.{amount % 100:02d}'


def amounts(values):
    return '[' + ', '.join(cents(v) for v in values) + ']'


def stack(rng, big_blind):
    roll = rng.random()
    if roll < 0.25:
        return rng.randint(1, 15 * big_blind)
    if roll < 0.7:
        return rng.randint(10 * big_blind, 100 * big_blind)
    return rng.randint(50 * big_blind, 300 * big_blind)


def hole_cards(rng, players):
    """Four cards each; sometimes two or three players get the same ranks in other suits, so hands tie."""
    deck = DECK[:]
    rng.shuffle(deck)
    holes = [None] * players
    if players >= 2 and rng.random() < 0.4:
        twins = rng.sample(range(players), 3 if players >= 3 and rng.random() < 0.25 else 2)
        ranks = [card[0] for card in deck[:4]]
        taken = set()
        for twin in twins:
            hand = []
            for rank in ranks:
                choices = [rank + suit for suit in SUITS if rank + suit not in taken and rank + suit not in hand]
                if not choices:
                    break
                hand.append(rng.choice(choices))
            if len(hand) < 4:
                break
            holes[twin] = hand
            taken.update(hand)
    deck = [card for card in deck if all(h is None or card not in h for h in holes)]
    for i in range(players):
        if holes[i] is None:
            holes[i] = deck[:4]
            deck = deck[4:]
    return holes, deck


def choose(rng, state, style):
    raise_percent, shove_percent, fold_percent = style
    if state.can_complete_bet_or_raise_to() and rng.randrange(100) < raise_percent:
        low = state.min_completion_betting_or_raising_to_amount
        high = state.max_completion_betting_or_raising_to_amount
        roll = rng.randrange(100)
        if roll < shove_percent:
            to = high
        elif roll < shove_percent + (100 - shove_percent) // 3:
            to = low
        else:
            to = rng.randint(low, high)
        return 'cbr', to
    if state.can_fold() and rng.randrange(100) < fold_percent:
        return 'f', None
    return 'cc', None


def play(rng):
    players = rng.choice([2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8, 9])
    small, big = rng.choice(BLINDS)
    antes = [0] * players
    trimming = True
    ante_roll = rng.random()
    if ante_roll < 0.15:
        antes = [rng.randint(1, max(1, big // 4))] * players
    elif ante_roll < 0.25:
        trimming = False
        antes[1] = rng.randint(1, big)
    blinds = [small, big] + [0] * (players - 2)
    starting = [stack(rng, big) for _ in range(players)]
    holes, deck = hole_cards(rng, players)
    splits = SplitRecorder()
    state = PotLimitOmahaHoldem.create_state(
        AUTOMATIONS, trimming, antes, blinds, big, starting, players, mode=Mode.TOURNAMENT, divmod=splits)
    style = rng.choice(STYLES)
    actions = []
    for i in range(players):
        state.deal_hole(''.join(holes[i]), i)
        actions.append(f'd dh p{i + 1} {"".join(holes[i])}')
    while state.status:
        if state.can_burn_card():
            state.burn_card('??')  # no card is burnt from the dealt deck: our dealer burns none either
        elif state.can_deal_board():
            count = state.board_dealing_count
            cards, deck = deck[:count], deck[count:]
            state.deal_board(''.join(cards))
            actions.append('d db ' + ''.join(cards))
        elif state.can_show_or_muck_hole_cards():
            player = state.showdown_index
            state.show_or_muck_hole_cards(True)
            actions.append(f'p{player + 1} sm {"".join(holes[player])}')
        elif state.actor_index is not None:
            player = state.actor_index
            kind, to = choose(rng, state, style)
            if kind == 'cbr':
                state.complete_bet_or_raise_to(to)
                actions.append(f'p{player + 1} cbr {cents(to)}')
            elif kind == 'f':
                state.fold()
                actions.append(f'p{player + 1} f')
            else:
                state.check_or_call()
                actions.append(f'p{player + 1} cc')
        else:
            raise AssertionError('pokerkit waits for something this script does not do')
    if sum(state.stacks) != sum(starting):
        raise AssertionError('pokerkit lost chips')
    if splits.uneven:
        return None
    return {
        'antes': antes, 'trimming': trimming, 'blinds': blinds, 'min_bet': big, 'actions': actions,
        'starting': starting, 'finishing': list(state.stacks),
    }


def main():
    hands = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026_21)
    written = 0
    left_out = 0
    while written < hands:
        hand = play(rng)
        if hand is None:
            left_out += 1
            continue
        written += 1
        quoted = ', '.join("'" + action + "'" for action in hand['actions'])
        print(f'[{written}]')
        print("variant = 'PO'")
        print(f"ante_trimming_status = {'true' if hand['trimming'] else 'false'}")
        print(f"antes = {amounts(hand['antes'])}")
        print(f"blinds_or_straddles = {amounts(hand['blinds'])}")
        print(f"min_bet = {cents(hand['min_bet'])}")
        print(f'actions = [{quoted}]')
        print(f"starting_stacks = {amounts(hand['starting'])}")
        print(f"finishing_stacks = {amounts(hand['finishing'])}")
        print()
    print(f'{written} hands written, {left_out} left out for two or more odd cents to one player', file=sys.stderr)


if __name__ == '__main__':
    main()
