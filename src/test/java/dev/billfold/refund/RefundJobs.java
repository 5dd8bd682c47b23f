package dev.billfold.refund;

import org.springframework.context.ApplicationContext;

/** For provider tests in other packages: one cycle of the refunds' recheck job, as its trigger runs it. */
public final class RefundJobs {

    private RefundJobs() {
    }

    /** How many refund parts the cycle asked about. */
    public static int recheck(ApplicationContext context) {
        return context.getBean(RefundRecheckJob.class).run();
    }

    /** A part's status by its key, for assertions. */
    public static String partStatus(ApplicationContext context, RefundRequestId request) {
        return context.getBean(RefundStore.class).parts(request).getFirst().status().name();
    }

    /** The key the request's only part is sent with. */
    public static String partKey(ApplicationContext context, RefundRequestId request) {
        return context.getBean(RefundStore.class).parts(request).getFirst().idempotencyKey();
    }
}
