package com.changgou.weborder.points;

/**
 * What the paysuccess page says about an order's points, rendered into the page when they are in and
 * served as its small JSON ({@code /worder/order/{id}/points}) until then.
 */
public record EarnedPoints(String orderId, long earned, String text) {

    public static EarnedPoints of(String orderId, long earned) {
        return new EarnedPoints(orderId, earned,
                "This order earned %d %s.".formatted(earned, earned == 1 ? "point" : "points"));
    }
}
