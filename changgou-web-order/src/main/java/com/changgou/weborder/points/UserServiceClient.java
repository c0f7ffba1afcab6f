package com.changgou.weborder.points;

import com.changgou.common.Result;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.ShopFailure;
import feign.FeignException;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The user service's client for the pages: the shopper's points, for the shopper the forwarded token
 * names. The account page cannot be shown without them; a page that only mentions them goes on without.
 */
@Component
public class UserServiceClient {

    private static final Logger log = LoggerFactory.getLogger(UserServiceClient.class);

    private final UserPointsFeign pointsFeign;

    public UserServiceClient(UserPointsFeign pointsFeign) {
        this.pointsFeign = pointsFeign;
    }

    /** @throws ShopFailure when the user service cannot tell */
    PointsAccount account() {
        try {
            return Result.dataOrThrow(pointsFeign.points(),
                    why -> new ShopFailure(Failure.USER_SERVICE_DOWN, null, "user service returned no points: " + why));
        } catch (FeignException e) {
            throw new ShopFailure(Failure.USER_SERVICE_DOWN, null, "user service answered " + e.status(), e);
        }
    }

    /**
     * The points the order earned, or empty until they are in.
     *
     * @throws ShopFailure when the user service cannot tell
     */
    OptionalLong earnedBy(String orderId) {
        try {
            return OptionalLong.of(Result.dataOrThrow(pointsFeign.ofOrder(orderId), why -> new ShopFailure(
                    Failure.USER_SERVICE_DOWN, orderId, "user service returned no order points: " + why)).earned());
        } catch (FeignException.NotFound notYet) {
            return OptionalLong.empty();
        } catch (FeignException e) {
            throw new ShopFailure(Failure.USER_SERVICE_DOWN, orderId, "user service answered " + e.status(), e);
        }
    }

    /**
     * What the paysuccess page says of the order's points: empty until they are in, and empty with a
     * WARN when the user service cannot tell, so the page renders anyway.
     */
    public Optional<EarnedPoints> earnedIfKnown(String orderId) {
        try {
            OptionalLong earned = earnedBy(orderId);
            return earned.isPresent() ? Optional.of(EarnedPoints.of(orderId, earned.getAsLong())) : Optional.empty();
        } catch (ShopFailure failure) {
            log.warn("points of order {} unknown, the page goes on without them: {}", orderId, failure.getMessage());
            return Optional.empty();
        }
    }
}
