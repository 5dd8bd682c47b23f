package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.AtOnce;
import dev.billfold.BillfoldPostgresTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One person's first sign-in arriving several times at once (two tabs, a double click) makes one user, and all succeed. */
@BillfoldPostgresTest
class OidcUsersOnPostgresTest {

    private static final String ISSUER = "https://id.provider.test/";

    @Autowired
    OidcUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void simultaneous_first_sign_ins_of_one_subject_all_get_the_one_user_created() throws Exception {
        for (int round = 0; round < 10; round++) {
            String subject = "subject-" + UUID.randomUUID();
            List<AppUser> signedIn = AtOnce.run(6, index -> users.signedIn(ISSUER, subject, "Dana Race",
                    "dana@example.test", true, null));

            assertThat(signedIn).extracting(AppUser::id).containsOnly(signedIn.getFirst().id());
            assertThat(jdbc.sql("select count(*) from app_user where oidc_issuer = ? and oidc_subject = ?")
                    .params(ISSUER, subject).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void simultaneous_sign_ins_with_a_changed_name_all_succeed_and_keep_the_new_name() throws Exception {
        String subject = "subject-" + UUID.randomUUID();
        AppUser first = users.signedIn(ISSUER, subject, "Old Name", "old@example.test", true, null);

        List<AppUser> signedIn = AtOnce.run(6,
                index -> users.signedIn(ISSUER, subject, "New Name", "new@example.test", true, null));

        assertThat(signedIn).extracting(AppUser::id).containsOnly(first.id());
        assertThat(jdbc.sql("select display_name from app_user where id = ?").param(first.id().value())
                .query(String.class).single()).isEqualTo("New Name");
    }
}
