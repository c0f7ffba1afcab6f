package com.changgou.weborder.ops;

import com.changgou.weborder.WebOrderProperties;
import com.changgou.weborder.web.CsrfAdvice;
import com.changgou.weborder.web.Links;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every ops page gets (its links, the formats, the operator's name) and how its failures show:
 * the ops error page with the plain reason in {@code #ops-error}, never the shopper's fail page.
 * Ordered first so that, for the console's controllers, it answers before the shop's advice.
 */
@ControllerAdvice(basePackageClasses = OpsAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpsAdvice {

    static final String VIEW_ERROR = "ops/error";

    private static final Logger log = LoggerFactory.getLogger(OpsAdvice.class);
    private static final OpsFormat FORMAT = OpsFormat.ofServer();

    private final OpsLinks opsLinks;
    private final Links links;

    // Every @WebMvcTest slice of the shop loads this advice too: it asks only for what the shop's
    // advice has already (the properties and Links), and makes its own copy of the links from them.
    OpsAdvice(WebOrderProperties properties, Links links) {
        this.opsLinks = new OpsLinks(properties);
        this.links = links;
    }

    @ModelAttribute("ops")
    OpsLinks opsLinks() {
        return opsLinks;
    }

    @ModelAttribute("fmt")
    OpsFormat format() {
        return FORMAT;
    }

    @ModelAttribute("operator")
    String operator() {
        return operatorName();
    }

    @ExceptionHandler(OpsFailure.class)
    ModelAndView onFailure(OpsFailure failure, HttpServletRequest request) {
        if (failure.status().is5xxServerError()) {
            log.warn("ops page {} failed: {}", request.getRequestURI(), failure.getMessage(), failure.getCause());
        } else {
            log.info("ops page {} refused ({}): {}", request.getRequestURI(), failure.status().value(), failure.getMessage());
        }
        return errorPage(failure.status(), failure.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView onUnreadable(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return errorPage(HttpStatus.BAD_REQUEST, "\"%s\" is not a valid %s.".formatted(e.getValue(), e.getName()), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView onMissing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return errorPage(HttpStatus.BAD_REQUEST, "The %s is missing.".formatted(e.getParameterName()), request);
    }

    // exception handlers do not get the @ModelAttribute values: the page's links, formats and CSRF
    // token (for the sign-out form) are added here
    private ModelAndView errorPage(HttpStatus status, String message, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(VIEW_ERROR, status);
        page.addObject("error", message);
        page.addObject("ops", opsLinks);
        page.addObject("links", links);
        page.addObject("fmt", FORMAT);
        page.addObject("operator", operatorName());
        page.addObject(CsrfAdvice.MODEL_ATTRIBUTE, CsrfAdvice.tokenOf(request));
        return page;
    }

    private static String operatorName() {
        Authentication operator = SecurityContextHolder.getContext().getAuthentication();
        return operator == null ? "" : operator.getName();
    }
}
