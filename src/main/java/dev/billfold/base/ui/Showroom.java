package dev.billfold.base.ui;

/** A showroom: the production profile with the demo on, explicitly, for people to try Billfold (docs/security.md). */
public final class Showroom {

    /** The explicit switch; without it the production profile refuses to start with anything of the demo on. */
    public static final String PROPERTY = "billfold.showroom";

    /** What every page and the demo checkout say while it is on. */
    public static final String NOTICE = "Showroom: demo data and test cards only. No real money moves here.";

    private Showroom() {
    }
}
