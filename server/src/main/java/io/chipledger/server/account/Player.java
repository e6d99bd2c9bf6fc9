package io.chipledger.server.account;

import io.chipledger.server.chips.OwnerRef;

/** A registered player as the server needs to know them; chips are in the ledger, not here. */
public record Player(long id, String name, Role role, boolean frozen) {

    public enum Role {
        PLAYER, ADMIN
    }

    /** The owner reference of this player's ledger accounts. */
    public String ledgerOwner() {
        return OwnerRef.player(id).text();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
