package com.changgou.order.catalogue;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.CatalogueItem;
import com.changgou.order.api.OrderItemRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The goods the shop sells and what they cost. An order's names and prices come from here, read in
 * the transaction that places it; whatever a client says about them is never asked for.
 */
@Service
public class Catalogue {

    private final SkuMapper skus;

    Catalogue(SkuMapper skus) {
        this.skus = skus;
    }

    public List<CatalogueItem> onSale() {
        return skus.findOnSale().stream()
                .map(sku -> new CatalogueItem(sku.id(), sku.name(), sku.price(), sku.businessType()))
                .toList();
    }

    /**
     * The order at the shop's prices. Call it inside the placing transaction, so the order stores the
     * prices the catalogue had when it was placed.
     *
     * @param maxTotalFen the most one order may cost
     * @throws OrderRefusedException when a sku is unknown, not on sale or asked for twice, the skus are
     *                               of more than one kind of business, a quantity is out of bounds, or the
     *                               total is above {@code maxTotalFen}
     */
    public PricedOrder price(List<OrderItemRequest> items, long maxTotalFen) {
        Map<Long, Sku> known = skusOf(items);
        List<PricedLine> lines = new ArrayList<>(items.size());
        int totalNum = 0;
        long totalFen = 0;
        Sku first = null;
        try {
            for (OrderItemRequest item : items) {
                Sku sku = sellable(known, item.skuId());
                first = first == null ? sku : first;
                requireOneKindOfBusiness(first, sku);
                int quantity = quantity(item);
                long money = Math.multiplyExact(sku.price(), quantity);
                lines.add(new PricedLine(sku.id(), sku.name(), sku.price(), quantity, money));
                totalNum = Math.addExact(totalNum, quantity);
                totalFen = Math.addExact(totalFen, money);
            }
        } catch (ArithmeticException overflow) {
            throw tooExpensive(maxTotalFen);
        }
        if (totalFen > maxTotalFen) {
            throw tooExpensive(maxTotalFen);
        }
        return new PricedOrder(List.copyOf(lines), totalNum, totalFen, first.businessType());
    }

    /**
     * Goods are shipped, a course is enrolled in, and the services that hear of a paid order act on its
     * one kind: an order of both would be half ignored by each.
     */
    private static void requireOneKindOfBusiness(Sku first, Sku sku) {
        if (sku.businessType() != first.businessType()) {
            throw new OrderRefusedException("an order holds one kind of business: sku %d is %s, sku %d is %s"
                    .formatted(first.id(), describe(first.businessType()), sku.id(), describe(sku.businessType())));
        }
    }

    private static String describe(BusinessType type) {
        return type.name().toLowerCase();
    }

    private Map<Long, Sku> skusOf(List<OrderItemRequest> items) {
        if (items.isEmpty()) {
            throw new OrderRefusedException("an order needs at least one item");
        }
        Set<Long> ids = new HashSet<>();
        for (OrderItemRequest item : items) {
            if (!ids.add(item.skuId())) {
                throw new OrderRefusedException("sku %d appears twice".formatted(item.skuId()));
            }
        }
        return skus.findByIds(ids).stream().collect(Collectors.toMap(Sku::id, Function.identity()));
    }

    private static Sku sellable(Map<Long, Sku> known, long skuId) {
        Sku sku = known.get(skuId);
        if (sku == null) {
            throw new OrderRefusedException("sku %d is unknown".formatted(skuId));
        }
        if (!sku.onSale()) {
            throw new OrderRefusedException("sku %d is not on sale".formatted(skuId));
        }
        return sku;
    }

    /** The request was validated at the door; this keeps a negative line from ever lowering a total. */
    private static int quantity(OrderItemRequest item) {
        int quantity = item.quantity();
        if (quantity < 1 || quantity > OrderItemRequest.MAX_QUANTITY) {
            throw new OrderRefusedException("sku %d: quantity %d is not between 1 and %d"
                    .formatted(item.skuId(), quantity, OrderItemRequest.MAX_QUANTITY));
        }
        return quantity;
    }

    private static OrderRefusedException tooExpensive(long maxTotalFen) {
        return new OrderRefusedException("order total exceeds %d fen".formatted(maxTotalFen));
    }
}
