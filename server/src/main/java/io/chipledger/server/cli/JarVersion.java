package io.chipledger.server.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code poker-server --version}: the version the jar was built as (its manifest says), or "development". */
final class JarVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = PokerServer.class.getPackage().getImplementationVersion();
        return new String[] {"poker-server " + (version == null ? "(development build)" : version)};
    }
}
