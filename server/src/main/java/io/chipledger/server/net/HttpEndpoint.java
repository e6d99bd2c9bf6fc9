package io.chipledger.server.net;

import java.util.concurrent.CompletionStage;

/**
 * Answers one HTTP route. Called on an event loop, so it must not block: slow work (database, password hashing) runs
 * on another executor and completes the returned stage.
 */
@FunctionalInterface
public interface HttpEndpoint {

    CompletionStage<HttpReply> handle(HttpCall call);
}
