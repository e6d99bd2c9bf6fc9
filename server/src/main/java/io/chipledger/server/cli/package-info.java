/**
 * The {@code poker-server} command line: one small picocli command class per subcommand ({@code serve}, {@code admin
 * create}, {@code audit}, {@code export}, ...), the database options they share, environment defaults
 * ({@code POKER_<OPTION>}) and one-line errors for what a user can put right.
 */
package io.chipledger.server.cli;
