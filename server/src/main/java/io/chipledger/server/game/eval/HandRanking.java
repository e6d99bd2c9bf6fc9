package io.chipledger.server.game.eval;

import io.chipledger.server.game.Card;
import java.util.List;

/**
 * How a player's hand is made from their hole cards and the board: the part of a game's rules that decides who wins a
 * showdown. Strengths compare across players of the same ranking: higher is stronger, equal is a tie.
 */
public enum HandRanking {

    /** Texas hold'em: the best five of the hole cards and the board together, any mix. */
    TEXAS {
        @Override
        public int strength(List<Card> hole, List<Card> board) {
            int[] c = indexes(hole, board);
            return switch (c.length) {
                case 5 -> HandEvaluator.evaluate5(c[0], c[1], c[2], c[3], c[4]);
                case 6 -> HandEvaluator.evaluate6(c[0], c[1], c[2], c[3], c[4], c[5]);
                case 7 -> HandEvaluator.evaluate7(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
                default -> throw new IllegalArgumentException("a Texas hold'em hand is five to seven cards, not "
                        + c.length);
            };
        }

        @Override
        public HandValue describe(List<Card> hole, List<Card> board) {
            return HandEvaluator.describe(indexes(hole, board));
        }
    },

    /** Omaha: exactly two of the hole cards with exactly three of the board, however many hole cards there are. */
    OMAHA {
        @Override
        public int strength(List<Card> hole, List<Card> board) {
            if (hole.size() < 2 || board.size() < 3 || board.size() > 5) {
                throw new IllegalArgumentException("an Omaha hand needs two or more hole cards and three to five on "
                        + "the board, not " + hole.size() + " and " + board.size());
            }
            return HandEvaluator.evaluateOmaha(hole.stream().mapToInt(Card::index).toArray(),
                    board.stream().mapToInt(Card::index).toArray());
        }

        @Override
        public HandValue describe(List<Card> hole, List<Card> board) {
            return HandEvaluator.describeOmaha(hole, board);
        }
    };

    /** The strength of the best hand these cards make under this ranking; the board has three to five cards. */
    public abstract int strength(List<Card> hole, List<Card> board);

    /** The best hand for showdown display and hand histories: its five cards and its name. */
    public abstract HandValue describe(List<Card> hole, List<Card> board);

    private static int[] indexes(List<Card> hole, List<Card> board) {
        int[] cards = new int[hole.size() + board.size()];
        int n = 0;
        for (Card card : hole) {
            cards[n++] = card.index();
        }
        for (Card card : board) {
            cards[n++] = card.index();
        }
        return cards;
    }
}
