package io.chipledger.ledger.mapper;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Transfer;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Accounts and their history, outside the group-commit path. */
public interface AccountMapper {

    /** Creates the account unless one with that natural key exists; returns the number of rows created (0 or 1). */
    int insertIfAbsent(@Param("kind") AccountKind kind, @Param("ownerRef") String ownerRef,
                       @Param("currency") String currency, @Param("allowNegative") boolean allowNegative);

    Account findByNaturalKey(@Param("kind") AccountKind kind, @Param("ownerRef") String ownerRef,
                             @Param("currency") String currency);

    Account findById(@Param("id") long id);

    List<Entry> entries(@Param("accountId") long accountId);

    List<Transfer> transfersOfHand(@Param("handRef") String handRef);
}
