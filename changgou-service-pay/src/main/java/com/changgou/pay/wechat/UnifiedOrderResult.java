package com.changgou.pay.wechat;

/** What a verified, successful unifiedorder answered. */
public record UnifiedOrderResult(String prepayId, String codeUrl) {
}
