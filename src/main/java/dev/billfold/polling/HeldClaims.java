package dev.billfold.polling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims this node holds on rows while it works on them (a service being renewed, a webhook event being processed),
 * each with the compare-and-set that gives it back. At shutdown, once the background cycles and the requests in flight
 * had their time (after the web server's graceful phase, while the database pool is still open), every claim still
 * held is given back at once, so another node takes the row now rather than when the lease ends (DD-087). The work
 * that held it may still finish; it is idempotent, as after a lease that ran out.
 */
@Component
public class HeldClaims implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeldClaims.class);

    private final Map<Held, Runnable> held = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Records a claim until its {@link Held#close()}; {@code release} gives it back if shutdown comes first. */
    public Held hold(String what, Runnable release) {
        Held claim = new Held(what);
        held.put(claim, release);
        return claim;
    }

    /** A claim in this node's hands; closing it says its work ended (done, or released by the work itself). */
    public final class Held implements AutoCloseable {

        private final String what;

        private Held(String what) {
            this.what = what;
        }

        @Override
        public void close() {
            held.remove(this);
        }
    }

    int count() {
        return held.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        int released = 0;
        for (Map.Entry<Held, Runnable> claim : List.copyOf(held.entrySet())) {
            if (held.remove(claim.getKey()) == null) {
                continue;
            }
            try {
                claim.getValue().run();
                released++;
            } catch (RuntimeException e) {
                log.warn("Shutdown: could not release the claim on {} ({}); it ends with its lease",
                        claim.getKey().what, e.toString());
            }
        }
        running = false;
        log.info("Shutdown: released {} claims whose work had not finished", released);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server's graceful shutdown (requests in flight had their limit), before it stops. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 512;
    }
}
