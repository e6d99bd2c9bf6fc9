package io.chipledger.server.net;

/**
 * How much of the server one client, or all of them, may hold.
 *
 * @param perAddress        connections one remote address may have open; 0 for no cap. Loopback addresses are not
 *                          capped unless {@code capLoopback}: they are this machine (a reverse proxy in front, the
 *                          bench and bot tools), and a proxy must do the capping itself
 * @param total             connections open at once; 0 for "as many as the descriptor limit leaves room for"
 * @param httpIdleSeconds   an HTTP connection with no request in progress is closed after this long
 * @param requestReadSeconds a request must arrive whole (headers and body) within this long of its first byte, so a
 *                          client trickling a byte at a time cannot hold a connection
 * @param answerSeconds     an endpoint that has not answered by then gets a 503 answer written for it, so no request
 *                          waits forever (on a database that went away, say)
 */
public record ConnectionLimits(int perAddress, int total, int httpIdleSeconds, int requestReadSeconds,
                               int answerSeconds, boolean capLoopback) {

    public ConnectionLimits {
        if (perAddress < 0 || total < 0 || httpIdleSeconds < 1 || requestReadSeconds < 1 || answerSeconds < 1) {
            throw new IllegalArgumentException("connection limits must be positive (0 for no cap)");
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(256, 0, 30, 10, 15, false);
    }

    public ConnectionLimits withPerAddress(int cap, boolean loopbackToo) {
        return new ConnectionLimits(cap, total, httpIdleSeconds, requestReadSeconds, answerSeconds, loopbackToo);
    }

    public ConnectionLimits withTotal(int cap) {
        return new ConnectionLimits(perAddress, cap, httpIdleSeconds, requestReadSeconds, answerSeconds, capLoopback);
    }

    public ConnectionLimits withTimes(int httpIdle, int requestRead, int answer) {
        return new ConnectionLimits(perAddress, total, httpIdle, requestRead, answer, capLoopback);
    }
}
