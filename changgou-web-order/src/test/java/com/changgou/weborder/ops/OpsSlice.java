package com.changgou.weborder.ops;

import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
import org.springframework.context.annotation.Import;

/**
 * What an ops page's {@code @WebMvcTest} needs beside its controller: the clients over the (mocked)
 * Feign contracts, the links, the flash cookie and the app's real security.
 */
@Import({OrderOpsClient.class, PayOpsClient.class, OpsLinks.class, FlashCookie.class, Links.class,
        WebOrderSecurity.class})
class OpsSlice {
}
