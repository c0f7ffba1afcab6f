package com.changgou.bench;

/**
 * The two ways a wxpay page can hear of its payment, compared under the same load: what each page
 * subscribes to, and how many frames the broker then owes the pages for each payment.
 */
enum PushMode {

    /**
     * As the wxpay page subscribes (push.js): its own token on {@code paynotify.token}, the topic
     * exchange bound to the {@code paynotify} fanout, so the broker routes each payment to the one
     * page that waits for it.
     */
    TOKEN_ROUTED("token-routed") {
        @Override
        String destination(String token) {
            return "/exchange/paynotify.token/" + token;
        }

        @Override
        long framesOwed(int pages, int payments) {
            return payments;
        }
    },

    /**
     * The seeds' way: every page on the {@code paynotify} fanout itself, so every page receives every
     * payment's frame and keeps the one whose body carries its token.
     */
    PLAIN_FANOUT("plain fanout") {
        @Override
        String destination(String token) {
            return "/exchange/paynotify";
        }

        @Override
        long framesOwed(int pages, int payments) {
            return (long) pages * payments;
        }
    };

    private final String label;

    PushMode(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The Web STOMP destination of the page waiting for the payment with this token. */
    abstract String destination(String token);

    /** The MESSAGE frames {@code pages} open pages receive in all while {@code payments} payments are made. */
    abstract long framesOwed(int pages, int payments);
}
