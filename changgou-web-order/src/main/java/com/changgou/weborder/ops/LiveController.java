package com.changgou.weborder.ops;

import com.changgou.common.Result;
import com.changgou.pay.api.ops.LiveView;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The live page: the last hour of payments and refused notifications per minute and the outbox as
 * it stands, drawn by static/js/ops-live.js, which re-reads {@code live.json} every few seconds.
 */
@Controller
class LiveController {

    static final String VIEW_LIVE = "ops/live";

    private final PayOpsClient pay;

    LiveController(PayOpsClient pay) {
        this.pay = pay;
    }

    @GetMapping("/ops/live")
    String live() {
        return VIEW_LIVE;
    }

    /** The pay service's live view as it is; a failure is the envelope with its plain reason and status. */
    @GetMapping(value = "/ops/live.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Result<LiveView>> liveJson() {
        try {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Result.ok(pay.live()));
        } catch (OpsFailure failure) {
            return ResponseEntity.status(failure.status()).cacheControl(CacheControl.noStore())
                    .body(Result.error(failure.status().value(), failure.getMessage()));
        }
    }
}
