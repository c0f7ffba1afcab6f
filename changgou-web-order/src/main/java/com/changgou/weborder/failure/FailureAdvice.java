package com.changgou.weborder.failure;

import com.changgou.weborder.web.CsrfAdvice;
import com.changgou.weborder.web.Links;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Every failure of a page ends on the fail page with a plain reason, never a stack trace. */
@ControllerAdvice
class FailureAdvice {

    static final String VIEW_FAIL = "fail";

    private static final Logger log = LoggerFactory.getLogger(FailureAdvice.class);

    private final Links links;

    private static final String ORDER_ID = "orderId";

    FailureAdvice(Links links) {
        this.links = links;
    }

    @ExceptionHandler(ShopFailure.class)
    ModelAndView onShopFailure(ShopFailure failure, HttpServletRequest request) {
        if (failure.failure().status().is5xxServerError()) {
            log.warn("page failed ({}) for order {}: {}", failure.failure(), failure.orderId(), failure.getMessage(),
                    failure.getCause());
        } else {
            log.info("page refused ({}) for order {}: {}", failure.failure(), failure.orderId(), failure.getMessage());
        }
        ModelAndView page = page(failure.failure(), failure.orderId(), request);
        page.addObject("detail", failure.detail());
        return page;
    }

    /** A missing or unreadable order id names no order; anything else unreadable is a bad order form. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView onMissingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return page(badParameter(e.getParameterName()), null, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView onUnreadableParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return page(badParameter(e.getName()), null, request);
    }

    private static Failure badParameter(String name) {
        return ORDER_ID.equals(name) ? Failure.UNKNOWN_ORDER : Failure.BAD_ORDER_FORM;
    }

    // exception handlers do not get the @ModelAttribute values of other advice: add the links and the
    // CSRF token (for the header's sign-out form) here
    private ModelAndView page(Failure failure, String orderId, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(VIEW_FAIL, failure.status());
        page.addObject("failure", failure);
        page.addObject("reason", failure.reason());
        page.addObject("orderId", orderId);
        page.addObject("links", links);
        page.addObject(CsrfAdvice.MODEL_ATTRIBUTE, CsrfAdvice.tokenOf(request));
        return page;
    }
}
