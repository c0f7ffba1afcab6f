package com.changgou.pay.web;

import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.CashierForm;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.PaymentGoneException;
import com.changgou.pay.payment.PaymentNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's own URL that the phone opens (the QR code's content, routed by the gateway with no
 * session): the open Alipay payment of the order with this opaque token, as the signed form that takes the
 * phone to Alipay's cashier. The token is in the URL, so the page sends no referrer and is never cached.
 */
@RestController
class CashierController {

    static final String PATH = "/pay/alipay/go/{token}";

    private final AlipayPayments alipay;

    CashierController(AlipayPayments alipay) {
        this.alipay = alipay;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> go(@PathVariable("token") String token) {
        try {
            CashierForm form = alipay.cashier(token);
            return page(HttpStatus.OK, form.contentSecurityPolicy()).body(form.html());
        } catch (PaymentNotFoundException e) {
            return plain(HttpStatus.NOT_FOUND, "No such payment.");
        } catch (PaymentGoneException e) {
            return plain(HttpStatus.GONE, "This payment is no longer open: it was paid, closed or has expired.");
        } catch (AlipayNotConfiguredException e) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, "Alipay is not available.");
        }
    }

    private static ResponseEntity<String> plain(HttpStatus status, String sentence) {
        return page(status, "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .body("""
                        <!DOCTYPE html>
                        <html lang="en"><head><meta charset="utf-8"><title>Alipay</title></head>
                        <body><p>%s</p></body></html>
                        """.formatted(sentence));
    }

    private static ResponseEntity.BodyBuilder page(HttpStatus status, String policy) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }
}
