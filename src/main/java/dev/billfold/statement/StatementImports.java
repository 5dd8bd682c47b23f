package dev.billfold.statement;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports bank statements (DD-062): the upload is copied to a temporary file (refused past the size limit), read once
 * to check all of it, so that a bad file writes nothing, then read again and applied batch by batch, each batch one
 * transaction. Finance only; reading the imports is for Support as well.
 */
@Service
public class StatementImports {

    private static final Logger log = LoggerFactory.getLogger(StatementImports.class);

    private final StaffAccess staff;
    private final StatementBatches batches;
    private final StatementStore store;
    private final StatementProperties properties;
    private final MeterRegistry registry;

    StatementImports(StaffAccess staff, StatementBatches batches, StatementStore store,
                     StatementProperties properties, MeterRegistry registry) {
        this.registry = registry;
        // Present from the start, so that a rate over them is a zero rather than no series (DD-084).
        for (String outcome : new String[] {"credited", "held", "unmatched", "duplicate", "ignored"}) {
            registry.counter(ENTRIES, "outcome", outcome);
        }
        this.staff = staff;
        this.batches = batches;
        this.store = store;
        this.properties = properties;
    }

    /** Imports one file; a bad one throws an {@link InvalidRequestException} saying why, and nothing is written. */
    public ImportSummary importFile(String fileName, InputStream content) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, null);
        try {
            ImportSummary summary = imported(member, fileName, content);
            // The results as counts (DD-084): imports per format, and their entries per outcome.
            registry.counter(IMPORTS, "result", "done", "format", summary.format()).increment();
            entries("credited", summary.credited());
            entries("held", summary.held());
            entries("unmatched", summary.unmatched());
            entries("duplicate", summary.duplicates());
            entries("ignored", summary.ignored());
            return summary;
        } catch (InvalidRequestException refused) {
            registry.counter(IMPORTS, "result", "refused", "format", "unknown").increment();
            throw refused;
        } catch (RuntimeException failed) {
            // Not the file's fault (the upload broke off, the database failed): what support must look at.
            registry.counter(IMPORTS, "result", "failed", "format", "unknown").increment();
            throw failed;
        }
    }

    static final String IMPORTS = "billfold.statements.imports";
    static final String ENTRIES = "billfold.statements.entries";

    private void entries(String outcome, int count) {
        registry.counter(ENTRIES, "outcome", outcome).increment(count);
    }

    private ImportSummary imported(StaffMember member, String fileName, InputStream content) {
        String name = fileName.isBlank() ? "statement" : CamtReader.clip(fileName.strip(), 255);
        try (StatementSpool spool = StatementSpool.of(content, properties.maxSize().toBytes())) {
            int[] count = {0};
            StatementFormat format = StatementParser.parse(spool.file(), entry -> count[0]++);
            StatementImportId id = batches.start(name, format, spool.size(), member);
            List<StatementEntry> batch = new ArrayList<>(properties.batchSize());
            StatementParser.parse(spool.file(), entry -> {
                batch.add(entry);
                if (batch.size() == properties.batchSize()) {
                    batches.apply(id, batch);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                batches.apply(id, batch);
            }
            batches.finish(id);
            ImportSummary summary = store.findImport(id).orElseThrow();
            log.info("Statement import {} ({}, {} entries): {} credited, {} held, {} unmatched, {} duplicates,"
                            + " {} ignored", id.value(), format.label(), summary.entries(), summary.credited(),
                    summary.held(), summary.unmatched(), summary.duplicates(), summary.ignored());
            return summary;
        }
    }

    @Transactional(readOnly = true)
    public List<ImportSummary> imports(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        return store.imports(Math.max(offset, 0), Math.clamp(limit, 1, 200));
    }

    @Transactional(readOnly = true)
    public int countImports() {
        staff.require(StaffAccess.Action.READ, null);
        return store.countImports();
    }

    @Transactional(readOnly = true)
    public ImportSummary summary(StatementImportId id) {
        staff.require(StaffAccess.Action.READ, id);
        return store.findImport(id)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.statement.import-not-found"));
    }

    /** The import's entries in file order, with their results. */
    @Transactional(readOnly = true)
    public List<EntryResult> entries(StatementImportId id, int offset, int limit) {
        staff.require(StaffAccess.Action.READ, id);
        return store.entries(id, Math.max(offset, 0), Math.clamp(limit, 1, 500));
    }
}
