package com.changgou.weborder.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the {@link Links}, for the layout's navigation and the pages' own links. */
@ControllerAdvice
class LinksAdvice {

    private final Links links;

    LinksAdvice(Links links) {
        this.links = links;
    }

    @ModelAttribute("links")
    Links links() {
        return links;
    }
}
