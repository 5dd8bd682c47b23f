package dev.billfold.gateway.demo;

import dev.billfold.gateway.ConditionalOnProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * While the demo provider is off its pages do not exist: every {@code /demo-gateway/**} path answers 404, rather than
 * the sign-in page or a Vaadin route (docs/security.md, item 1).
 */
@RestController
@ConditionalOnProvider(value = DemoGatewayProperties.SWITCH, switchedOn = false)
class DemoGatewayOff {

    @RequestMapping("/demo-gateway/**")
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }
}
