package com.changgou.pay.wechat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs signed XML to WeChat through WxJava's HTTP client, with timeouts, a body bounded while it
 * is read, and a bounded retry with doubling back-off on connect/read failures. HttpClient's own
 * silent retries are switched off, so {@code maxAttempts} is the whole story.
 */
final class WechatTransport {

    private static final Logger log = LoggerFactory.getLogger(WechatTransport.class);

    private final WxPayService wxPay;
    private final int maxAttempts;
    private final Duration backoff;

    WechatTransport(WxPayService wxPay, int maxAttempts, Duration backoff) {
        this.wxPay = wxPay;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Applied to every HTTP client WxJava builds for us. */
    static void customize(HttpClientBuilder builder) {
        builder.disableAutomaticRetries()
                .disableRedirectHandling()
                .addInterceptorLast(BOUNDED_RESPONSE);
    }

    /** The answer's body; WechatUnavailableException once the attempts are spent or the answer is unusable. */
    String post(String path, String xml, String outTradeNo) {
        String url = wxPay.getPayBaseUrl() + path;
        for (int attempt = 1; ; attempt++) {
            try {
                log.debug("WeChat {} out_trade_no={} attempt {}/{}", path, outTradeNo, attempt, maxAttempts);
                return wxPay.post(url, xml, false);
            } catch (WxPayException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                boolean retry = retryable(cause) && attempt < maxAttempts;
                log.warn("WeChat {} out_trade_no={} attempt {}/{} failed{}: {}", path, outTradeNo, attempt,
                        maxAttempts, retry ? ", will retry" : "", cause.toString());
                if (!retry) {
                    throw new WechatUnavailableException("WeChat %s for out_trade_no %s failed after %d attempt(s): %s"
                            .formatted(path, outTradeNo, attempt, cause), e);
                }
                pause(backoff.multipliedBy(1L << (attempt - 1)), path, outTradeNo);
            }
        }
    }

    /** Connect and read failures may pass; an oversized body or a 4xx will not get better. */
    private static boolean retryable(Throwable cause) {
        if (cause instanceof HttpStatusException status) {
            return status.status >= 500;
        }
        return cause instanceof IOException && !(cause instanceof ResponseTooLargeException);
    }

    private static void pause(Duration delay, String path, String outTradeNo) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WechatUnavailableException("interrupted while retrying WeChat %s for out_trade_no %s"
                    .formatted(path, outTradeNo), e);
        }
    }

    private static final HttpResponseInterceptor BOUNDED_RESPONSE = (response, context) -> {
        int status = response.getStatusLine().getStatusCode();
        if (status < 200 || status > 299) {
            throw new HttpStatusException(status);
        }
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            if (entity.getContentLength() > WechatXml.MAX_BYTES) {
                throw new ResponseTooLargeException();
            }
            response.setEntity(new BoundedEntity(entity));
        }
    };

    /** Stops reading a body that grows past what a WeChat message can be, whatever Content-Length said. */
    private static final class BoundedEntity extends HttpEntityWrapper {
        BoundedEntity(HttpEntity wrapped) {
            super(wrapped);
        }

        @Override
        public InputStream getContent() throws IOException {
            return new FilterInputStream(super.getContent()) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws ResponseTooLargeException {
                    read += n;
                    if (read > WechatXml.MAX_BYTES) {
                        throw new ResponseTooLargeException();
                    }
                }
            };
        }
    }

    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException() {
            super("answer exceeds " + WechatXml.MAX_BYTES + " bytes");
        }
    }

    static final class HttpStatusException extends IOException {
        private final int status;

        HttpStatusException(int status) {
            super("HTTP status " + status);
            this.status = status;
        }
    }
}
