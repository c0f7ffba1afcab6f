package com.changgou.sandbox.alipay.trade;

import com.changgou.sandbox.alipay.protocol.AlipayTime;
import java.security.SecureRandom;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Identifiers in Alipay's shapes; the cashier token is random enough that no trade's page can be guessed. */
@Component
public class AlipayIds {

    private static final String DIGITS = "0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    /** 28 digits: the Beijing date, then 22001 and 15 more, like 2016071921001003030200089909. */
    String tradeNo(Instant now) {
        return AlipayTime.format(now).substring(0, 10).replace("-", "") + "22001" + text(DIGITS, 15);
    }

    /** 2088 and 12 digits, as every Alipay user id. */
    String buyerId() {
        return "2088" + text(DIGITS, 12);
    }

    /** A masked phone number, as buyer_logon_id shows one. */
    String buyerLogonId() {
        return "138****" + text(DIGITS, 4);
    }

    String cashierToken() {
        return text(ALNUM, 24);
    }

    public String notifyId() {
        return text("0123456789abcdef", 32) + text(ALNUM, 2);
    }

    private String text(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
