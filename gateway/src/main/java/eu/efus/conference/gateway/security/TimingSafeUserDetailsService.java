package eu.efus.conference.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * The staff accounts, answering an unknown user name with a decoy account whose hash matches no password anyone
 * knows: the password check then costs the same bcrypt round as for a real account, so neither the answer nor its
 * timing tells whether an account exists. (The reactive authentication manager refuses unknown names at once.)
 */
public class TimingSafeUserDetailsService implements ReactiveUserDetailsService {

    private final ReactiveUserDetailsService accounts;
    private final String decoyHash;

    public TimingSafeUserDetailsService(ReactiveUserDetailsService accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // The password is thrown away at once: nothing can match the decoy's hash.
        this.decoyHash = encoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return accounts.findByUsername(username)
                .switchIfEmpty(Mono.fromSupplier(() -> User.withUsername(username == null || username.isEmpty() ? "?" : username)
                        .password(decoyHash)
                        .authorities(new String[0])
                        .build()));
    }
}
