package dev.billfold.gateway.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in demo provider. On in the embedded default, off in production unless asked for.
 *
 * @param enabled      whether the demo provider is offered at all
 * @param merchantName the merchant shown on the hosted checkout page
 */
@ConfigurationProperties("billfold.gateway.demo")
record DemoGatewayProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("Billfold Demo Hosting") String merchantName) {

    /** What switches the demo provider on (DD-050): its flag. */
    static final String SWITCH = "billfold.gateway.demo.enabled";
}
