package com.changgou.order.ops;

import com.changgou.common.Result;
import com.changgou.common.ops.OperatorDecision;
import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import com.changgou.order.api.ops.OperatorActionEntry;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.order.api.ops.OrderStory;
import com.changgou.order.api.ops.RefundAttention;
import com.changgou.order.deadletter.DeadLetterRedrive;
import com.changgou.order.deadletter.DeadLetters;
import com.changgou.order.deadletter.RedriveAnswer;
import com.changgou.order.management.RefundDecisions;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP side of {@link OrderOpsFeign}, for the ops console: only a gateway token with the OPERATOR
 * role gets here ({@code OrderSecurity}), and its subject is the operator every action is stored under.
 */
@RestController
@RequestMapping(OrderOpsFeign.PATH)
class OrderOpsController implements OrderOpsFeign {

    private final OrderStories stories;
    private final DeadLetters deadLetters;
    private final DeadLetterRedrive redrive;
    private final RefundDecisions refunds;
    private final RefundDesk desk;
    private final OperatorActions actions;

    OrderOpsController(OrderStories stories, DeadLetters deadLetters, DeadLetterRedrive redrive,
            RefundDecisions refunds, RefundDesk desk, OperatorActions actions) {
        this.stories = stories;
        this.deadLetters = deadLetters;
        this.redrive = redrive;
        this.refunds = refunds;
        this.desk = desk;
        this.actions = actions;
    }

    @Override
    public Result<OrderStory> story(String id) {
        return Result.ok(stories.of(id));
    }

    @Override
    public Result<List<DeadLetterView>> deadLetters(DeadLetterState state) {
        return Result.ok(deadLetters.inState(state));
    }

    /** Applied or rejected again, the answer is 200 and its message says which; the view shows the state. */
    @Override
    public Result<DeadLetterView> redrive(long id, OperatorDecision decision) {
        String reason = reasonOf(decision);
        RedriveAnswer answer = redrive.redrive(id, operator(), reason);
        return Result.ok(answer.outcome(), answer.deadLetter());
    }

    @Override
    public Result<DeadLetterView> discard(long id, OperatorDecision decision) {
        String reason = reasonOf(decision);
        return Result.ok("discarded", deadLetters.discard(id, operator(), reason));
    }

    @Override
    public Result<List<RefundAttention>> refundsNeedingAttention() {
        return Result.ok(refunds.needingAttention());
    }

    @Override
    public Result<RefundAttention> approve(String refundId, OperatorDecision decision) {
        String reason = reasonOf(decision);
        return Result.ok("approved", desk.approve(refundId, operator(), reason));
    }

    @Override
    public Result<RefundAttention> retry(String refundId, OperatorDecision decision) {
        String reason = reasonOf(decision);
        return Result.ok("asked again", desk.retry(refundId, operator(), reason));
    }

    @Override
    public Result<List<OperatorActionEntry>> operatorActions() {
        return Result.ok(actions.latest());
    }

    private static String reasonOf(OperatorDecision decision) {
        try {
            return (decision == null ? new OperatorDecision(null) : decision).requireReason();
        } catch (IllegalArgumentException e) {
            throw new MissingReasonException(e.getMessage());
        }
    }

    /** The token's subject: the security chain let no one else in. */
    private static String operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : authentication.getName();
    }
}
