package com.changgou.common;

/**
 * The numeric codes the seeds' clients read from {@link Result#code()}. They travel in the body;
 * the HTTP status of the response says the same thing in HTTP's own words.
 */
public final class StatusCode {

    public static final int OK = 20000;
    public static final int ERROR = 20001;
    public static final int LOGINERROR = 20002;
    public static final int ACCESSERROR = 20003;
    public static final int REMOTEERROR = 20004;
    public static final int REPERROR = 20005;
    public static final int NOTFOUNDERROR = 20006;

    private StatusCode() {
    }
}
