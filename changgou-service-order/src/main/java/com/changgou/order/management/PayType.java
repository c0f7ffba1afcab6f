package com.changgou.order.management;

/** How an order is paid. WeChat Native is the only way today. */
public enum PayType {
    WECHAT
}
