package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.security.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploaded bytes, apart from the rows that refer to them, so that lists never read them. */
@Repository
class DocumentFileStore {

    private final JdbcClient jdbc;

    DocumentFileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file that passed {@link DocumentChecks}; returns its id. */
    UUID insert(AccountId account, String fileName, DocumentKind kind, byte[] content, UserId by, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into document_file (id, account_id, file_name, content_type, size_bytes, content,
                          uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, account.value(), fileName, kind.contentType(), content.length, content, by.value(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    Optional<StoredDocument> read(UUID id) {
        return jdbc.sql("select file_name, content_type, content from document_file where id = ?").param(id)
                .query((rs, row) -> new StoredDocument(rs.getString(1), DocumentKind.ofContentType(rs.getString(2)),
                        rs.getBytes(3)))
                .optional();
    }
}
