package com.changgou.sandbox.trade;

import com.changgou.sandbox.protocol.WxTime;
import java.security.SecureRandom;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Identifiers in WeChat's shapes; random enough that a code_url cannot be guessed from another. */
@Component
public class Ids {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    /** 32 characters, as WeChat's nonce_str. */
    public String nonce() {
        return text(ALNUM, 32);
    }

    /** {@code wx} + yyyyMMddHHmmss + 20 random characters: the 36-character shape of a real prepay_id. */
    String prepayId(Instant now) {
        return "wx" + WxTime.format(now) + text("0123456789abcdef", 20);
    }

    String codeUrl() {
        return "weixin://wxpay/bizpayurl?pr=" + text(ALNUM, 7);
    }

    /** 28 digits, starting 42000 as WeChat's do, with the Beijing date in the middle. */
    public String transactionId(Instant now) {
        return "42000" + text("0123456789", 5) + WxTime.format(now).substring(0, 8) + text("0123456789", 10);
    }

    /** 29 digits, starting 50 as WeChat's refund ids do, with the Beijing date in the middle. */
    public String refundId(Instant now) {
        return "503" + text("0123456789", 5) + WxTime.format(now).substring(0, 8) + text("0123456789", 13);
    }

    /** Up to 32 letters and digits, for a made-up out_trade_no or out_refund_no. */
    public String reference(String prefix) {
        return prefix + text(ALNUM, Math.max(1, 24 - prefix.length()));
    }

    String openId() {
        return "oSandbox" + text(ALNUM, 20);
    }

    private String text(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
