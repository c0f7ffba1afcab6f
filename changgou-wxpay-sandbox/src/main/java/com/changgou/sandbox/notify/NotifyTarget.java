package com.changgou.sandbox.notify;

import com.changgou.sandbox.trade.NotifyAttempt;
import java.util.function.Consumer;

/** Where one notification goes and where its attempts are recorded: a paid order or an ended refund. */
record NotifyTarget(String id, String url, Consumer<NotifyAttempt> recorder) {
}
