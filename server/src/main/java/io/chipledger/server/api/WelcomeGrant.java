package io.chipledger.server.api;

import io.chipledger.server.account.Player;
import java.util.concurrent.CompletableFuture;

/** What a new player receives on registration (play money), posted to the ledger before the answer is sent. */
@FunctionalInterface
public interface WelcomeGrant {

    CompletableFuture<Void> give(Player player);
}
