package com.changgou.pay.wechat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * POSTs signed XML to WeChat through WxJava's HTTP client, with timeouts, a body bounded while it
 * is read, and a bounded retry with doubling back-off on connect/read failures (Spring's
 * {@link RetryTemplate}). HttpClient's own silent retries are switched off, so {@code maxAttempts} is
 * the whole story.
 */
final class WechatTransport {

    private static final Logger log = LoggerFactory.getLogger(WechatTransport.class);

    private final WxPayService wxPay;
    private final int maxAttempts;
    private final RetryTemplate retries;

    WechatTransport(WxPayService wxPay, int maxAttempts, Duration backoff) {
        this.wxPay = wxPay;
        this.maxAttempts = maxAttempts;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(maxAttempts - 1)
                .delay(backoff)
                .multiplier(2)
                .predicate(e -> retryable(cause(e)))
                .build());
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
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.execute(() -> attempt(url, xml, path, outTradeNo, attempts.incrementAndGet()));
        } catch (RetryException e) {
            Throwable last = e.getLastException() == null ? e : e.getLastException();
            if (Thread.currentThread().isInterrupted()) {
                throw new WechatUnavailableException("interrupted while retrying WeChat %s for out_trade_no %s"
                        .formatted(path, outTradeNo), last);
            }
            throw new WechatUnavailableException("WeChat %s for out_trade_no %s failed after %d attempt(s): %s"
                    .formatted(path, outTradeNo, attempts.get(), cause(last)), last);
        }
    }

    private String attempt(String url, String xml, String path, String outTradeNo, int attempt) throws WxPayException {
        try {
            log.debug("WeChat {} out_trade_no={} attempt {}/{}", path, outTradeNo, attempt, maxAttempts);
            return wxPay.post(url, xml, false);
        } catch (WxPayException e) {
            boolean retry = retryable(cause(e)) && attempt < maxAttempts;
            log.warn("WeChat {} out_trade_no={} attempt {}/{} failed{}: {}", path, outTradeNo, attempt,
                    maxAttempts, retry ? ", will retry" : "", cause(e).toString());
            throw e;
        }
    }

    private static Throwable cause(Throwable e) {
        return e.getCause() == null ? e : e.getCause();
    }

    /** Connect and read failures may pass; an oversized body or a 4xx will not get better. */
    private static boolean retryable(Throwable cause) {
        if (cause instanceof HttpStatusException status) {
            return status.status >= 500;
        }
        return cause instanceof IOException && !(cause instanceof ResponseTooLargeException);
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
