package com.changgou.pay.wechat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

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
        return post(wxPay.getPayBaseUrl(), path, xml, outTradeNo, false);
    }

    /**
     * The same against {@code baseUrl}; {@code useKey} presents the merchant's certificate (the
     * {@code /secapi/} APIs): WxJava then uses the SSL context of its config.
     */
    String post(String baseUrl, String path, String xml, String outTradeNo, boolean useKey) {
        String url = baseUrl + path;
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.execute(() -> attempt(url, xml, path, outTradeNo, useKey, attempts.incrementAndGet()));
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

    private String attempt(String url, String xml, String path, String outTradeNo, boolean useKey, int attempt)
            throws WxPayException {
        try {
            log.debug("WeChat {} out_trade_no={} attempt {}/{}", path, outTradeNo, attempt, maxAttempts);
            return wxPay.post(url, xml, useKey);
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

    /**
     * Connect and read failures may pass; an oversized body, a 4xx or a refused TLS handshake (a
     * certificate either side does not accept) will not get better by asking again at once.
     */
    private static boolean retryable(Throwable cause) {
        if (cause instanceof HttpStatusException status) {
            return status.status >= 500;
        }
        return cause instanceof IOException && !(cause instanceof ResponseTooLargeException)
                && !(cause instanceof SSLException);
    }

    /** Whether the other side closed the connection under us (a reset or a broken pipe). */
    static boolean closedByPeer(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failed call failed in TLS: a handshake refused, a certificate not trusted. */
    static boolean failedInTls(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SSLException) {
                return true;
            }
        }
        return false;
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
