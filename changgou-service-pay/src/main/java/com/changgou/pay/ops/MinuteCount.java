package com.changgou.pay.ops;

/** How many rows fell into the {@code slot}-th minute of a live window (0 = its first minute). */
record MinuteCount(int slot, long count) {
}
