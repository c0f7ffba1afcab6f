package com.changgou.weborder.web;

import com.changgou.common.CsrfHeader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the shopper's CSRF token, for the hidden {@link CsrfHeader#FORM_FIELD} of each
 * form that changes state. The gateway keeps the token in its session, checks it on the way in, and
 * hands it to us on the {@link CsrfHeader#NAME} header; this app never judges it.
 */
@ControllerAdvice
public class CsrfAdvice {

    public static final String MODEL_ATTRIBUTE = "csrfToken";

    @ModelAttribute(MODEL_ATTRIBUTE)
    String csrfToken(HttpServletRequest request) {
        return tokenOf(request);
    }

    /** The token the gateway handed over, or "" without one: a form posted with it is refused at the gateway. */
    public static String tokenOf(HttpServletRequest request) {
        String token = request.getHeader(CsrfHeader.NAME);
        return token == null ? "" : token;
    }
}
