package dev.billfold.security;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<AppUser, UserId> {

    Optional<AppUser> findByUsername(String username);
}
