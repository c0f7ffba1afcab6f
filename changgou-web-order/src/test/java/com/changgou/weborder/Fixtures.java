package com.changgou.weborder;

import com.changgou.order.api.CatalogueItem;
import com.changgou.order.api.OrderItemView;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayState;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Orders, payments and Feign failures as the real services would hand them over. */
public final class Fixtures {

    public static final String ALICE = "alice";
    public static final String ORDER_ID = "1864000000000000001";
    public static final Instant EXPIRE_AT = Instant.parse("2030-01-01T00:30:00Z");
    /** What the gateway hands over on {@code CsrfHeader.NAME}. */
    public static final String CSRF_TOKEN = "csrf-3c9d1e7a-5b2f";

    private Fixtures() {
    }

    public static OrderView order(String owner, OrderStatus status, long payMoneyFen) {
        return new OrderView(ORDER_ID, owner, 2, payMoneyFen, payMoneyFen, status,
                status == OrderStatus.PAID ? "4200000000202601010000000001" : null,
                Instant.parse("2030-01-01T00:00:00Z"), EXPIRE_AT, null, null,
                List.of(new OrderItemView(100002L, "Changgou mug", payMoneyFen / 2, 2, payMoneyFen)));
    }

    /** The goods on sale as the order service lists them; the kite is in no seed, so it proves where the page read them. */
    public static List<CatalogueItem> catalogue() {
        return List.of(new CatalogueItem(100001L, "Changgou sticker", 1L),
                new CatalogueItem(100002L, "Changgou mug", 2_500L),
                new CatalogueItem(100007L, "Changgou kite", 12_345L));
    }

    public static NativePayment payment(long totalFee) {
        return new NativePayment(ORDER_ID, "T" + ORDER_ID, "weixin://wxpay/bizpayurl?pr=abc123", totalFee, EXPIRE_AT,
                "tok-5f1c0e6a", PayState.NOTPAY);
    }

    /** The order's Alipay payment as the pay service starts it: the token names the merchant's page for it. */
    public static AlipayPayment alipayPayment(long totalFee) {
        return new AlipayPayment(ORDER_ID, "T" + ORDER_ID, "tok-5f1c0e6a", totalFee, EXPIRE_AT, PayState.NOTPAY);
    }

    public static FeignException status(int status) {
        return status(status, "");
    }

    public static FeignException status(int status, String body) {
        Response response = Response.builder()
                .status(status)
                .reason("status " + status)
                .request(request())
                .headers(Map.of())
                .body(body, StandardCharsets.UTF_8)
                .build();
        return FeignException.errorStatus("Feign#call", response);
    }

    public static FeignException connectionRefused() {
        return new RetryableException(-1, "Connection refused", Request.HttpMethod.GET,
                new ConnectException("Connection refused"), (Long) null, request());
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.GET, "http://changgou-service/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
    }
}
