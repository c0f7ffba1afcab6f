package com.changgou.sandbox.alipay.web;

import com.changgou.sandbox.alipay.notify.AlipayFault;
import com.changgou.sandbox.alipay.notify.AlipayFaults;
import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import com.changgou.sandbox.alipay.trade.AlipayTrades;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The console's Alipay section, read by the template as {@code ${@alipayConsole…}}, so the WeChat console's
 * controller needs no Alipay knowledge.
 */
@Component("alipayConsole")
public class AlipayConsole {

    private final AlipayTrades trades;
    private final AlipayFaults faults;
    private final AlipayKeys keys;

    AlipayConsole(AlipayTrades trades, AlipayFaults faults, AlipayKeys keys) {
        this.trades = trades;
        this.faults = faults;
        this.keys = keys;
    }

    public boolean on() {
        return keys.on();
    }

    public List<AlipayTradeView> trades() {
        return trades.recent().stream().map(AlipayTradeView::of).toList();
    }

    public List<AlipayFault> faults() {
        return faults.all();
    }
}
