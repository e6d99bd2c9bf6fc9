package io.chipledger.server.admin;

import io.chipledger.server.net.HttpRoutes;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way admin endpoints are added to the server's routes: each behind {@link AdminGuard}, and each listed, so
 * a test can hold the list of routes it proves refuse anonymous, player and expired sessions against the real one.
 */
final class GuardedRoutes {

    private final HttpRoutes routes;
    private final AdminGuard guard;
    private final List<String> added = new ArrayList<>();

    GuardedRoutes(HttpRoutes routes, AdminGuard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    GuardedRoutes get(String path, AdminGuard.AdminEndpoint endpoint) {
        routes.get(path, guard.admin(endpoint));
        added.add("GET " + path);
        return this;
    }

    GuardedRoutes post(String path, AdminGuard.AdminEndpoint endpoint) {
        routes.post(path, guard.admin(endpoint));
        added.add("POST " + path);
        return this;
    }

    /** Every route added, as {@code "METHOD /path"}, in the order added. */
    List<String> all() {
        return List.copyOf(added);
    }
}
