package io.zonebridge.local;

/** An AWS error answered to the client: HTTP status, error code and message, exactly as the service words them. */
public final class ServiceException extends RuntimeException {
    private final int status;
    private final String code;

    /** Creates the error answer {@code status}/{@code code} with {@code message}. */
    public ServiceException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ServiceException invalidInput(String message) {
        return new ServiceException(400, "InvalidInput", message);
    }

    static ServiceException noSuchHostedZone(String id) {
        return new ServiceException(404, "NoSuchHostedZone", "No hosted zone found with ID: " + id);
    }

    /** HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** AWS error code, e.g. {@code InvalidChangeBatch}. */
    public String code() {
        return code;
    }
}
