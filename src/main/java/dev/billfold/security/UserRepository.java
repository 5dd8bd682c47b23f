package dev.billfold.security;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<AppUser, UserId> {

    /** On every request: explicit SQL, because a derived query's SQL is rebuilt on each call (DD-010). */
    @Query("select * from app_user where username = :username")
    Optional<AppUser> findByUsername(String username);

    /** On every request of an OIDC user, as above. */
    @Query("select * from app_user where oidc_issuer = :issuer and oidc_subject = :subject")
    Optional<AppUser> findByOidcIdentity(String issuer, String subject);

    /** On every API request, as above: the client's own user. */
    @Query("select * from app_user where id = :id")
    Optional<AppUser> findById(UserId id);

    AppUser save(AppUser user);
}
