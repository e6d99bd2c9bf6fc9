package io.chipledger.server.admin;

/**
 * Thrown (or completing a future exceptionally) when an admin request is refused for a reason the operator can act
 * on; the guard turns it into the reply, and the audit log records it as REFUSED. Nothing changed.
 */
final class AdminRefusal extends RuntimeException {

    private final int status;
    private final String code;

    AdminRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static AdminRefusal badRequest(String message) {
        return new AdminRefusal(400, "BAD_REQUEST", message);
    }

    static AdminRefusal notFound(String code, String message) {
        return new AdminRefusal(404, code, message);
    }

    static AdminRefusal conflict(String code, String message) {
        return new AdminRefusal(409, code, message);
    }

    AdminReply reply() {
        return AdminReply.error(status, code, getMessage());
    }

    /** The refusal inside a future's failure, or null when the failure is something else. */
    static AdminRefusal in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AdminRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
