package com.changgou.sandbox.protocol;

/** A body that is not a WeChat message: malformed, oversized, DOCTYPE or entities, nested or repeated fields. */
public class XmlRejectedException extends RuntimeException {

    public XmlRejectedException(String reason) {
        super(reason);
    }

    public XmlRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
