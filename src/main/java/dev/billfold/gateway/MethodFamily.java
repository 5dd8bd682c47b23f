package dev.billfold.gateway;

/**
 * What kind of method moves the money, for the rules of which methods each country offers (DD-091); named by the
 * {@code errors.method.state.family.*} texts.
 */
public enum MethodFamily {
    CARD,
    WALLET,
    MOBILE_MONEY,
    BANK_TRANSFER
}
