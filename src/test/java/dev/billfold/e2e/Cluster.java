package dev.billfold.e2e;

import java.util.List;

/**
 * Two production nodes on one PostgreSQL behind {@link Haproxy}: node A owns the database, node B is its
 * {@link ProductionServer#anotherNode another node}, both with {@code appArgs}. Closing stops HAProxy, then B, then A
 * and the database; whatever a failed start had started is closed too.
 */
record Cluster(ProductionServer nodeA, ProductionServer nodeB, Haproxy haproxy) implements AutoCloseable {

    static Cluster start(String name, List<String> appArgs) {
        ProductionServer a = ProductionServer.start(name + "-a", List.of(), appArgs);
        ProductionServer b = null;
        try {
            b = a.anotherNode(name + "-b", List.of());
            return new Cluster(a, b, Haproxy.start(name, a, b));
        } catch (RuntimeException e) {
            if (b != null) {
                b.close();
            }
            a.close();
            throw e;
        }
    }

    /** Where customers connect. */
    String url() {
        return haproxy.url();
    }

    @Override
    public void close() {
        haproxy.close();
        nodeB.close();
        nodeA.close();
    }
}
