package com.changgou.weborder.points;

/** Which way an entry moved the shopper's points, by the user service's names. */
public enum PointsKind {
    EARNED("Earned"),
    TAKEN_BACK("Taken back");

    private final String text;

    PointsKind(String text) {
        this.text = text;
    }

    /** In words, for the account page. */
    public String text() {
        return text;
    }
}
