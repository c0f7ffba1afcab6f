package com.changgou.user.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Shopper and operator accounts: signing up, and the credentials the gateway checks a sign-in against.
 *
 * <p><b>Names.</b> Every username is normalised before it is checked, stored or looked up: surrounding
 * white space is stripped and letters are lower-cased with {@link Locale#ROOT} (under a Turkish default
 * locale "I" would become a dotless "ı"). So "Alice", " alice " and "ALICE" are one account. What remains
 * must be 3 to 32 of {@code a-z 0-9 _ -}, safe in a URL path, a header and a log line. The column compares
 * bytes ({@code utf8mb4_bin}), so the database never merges names the app keeps apart, and its primary key
 * is what decides between two sign-ups of one name at the same moment.
 *
 * <p><b>Passwords.</b> Hashed with {@link PasswordEncoderFactories#createDelegatingPasswordEncoder()}:
 * BCrypt today, stored with its id as {@code {bcrypt}$2a$10$…}. BCrypt is slow on purpose and salts every
 * hash, so a leaked table is expensive to attack; the {@code {id}} prefix lets a stronger encoder become
 * the default later while the hashes already stored keep matching. BCrypt reads at most 72 bytes, so a
 * longer password is refused rather than silently cut short (which would make every password sharing its
 * first 72 bytes work).
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_-]{3,32}");
    static final int MIN_PASSWORD_CHARS = 8;
    static final int MAX_PASSWORD_CHARS = 72;
    static final int MAX_PASSWORD_BYTES = 72;

    private final AccountMapper mapper;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Accounts(AccountMapper mapper, PasswordEncoder encoder, Clock clock) {
        this.mapper = mapper;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * A new shopper account.
     *
     * @throws InvalidSignUpException when the name or password breaks a rule
     * @throws UsernameTakenException when the (normalised) name has an account already
     */
    public AccountView signUp(String username, String rawPassword) {
        String name = checkedName(username);
        checkPassword(rawPassword, MIN_PASSWORD_CHARS);
        Instant now = now();
        AccountRow account = new AccountRow(name, encoder.encode(rawPassword), List.of(Role.SHOPPER), now, now);
        try {
            mapper.insert(account);
        } catch (DuplicateKeyException e) {
            throw new UsernameTakenException(name);
        }
        log.info("account {} created", name);
        return new AccountView(name, account.roles());
    }

    /**
     * The operator account of this name, made with role OPERATOR only when there is none; the name and
     * password follow the sign-up rules, the password at least {@code minPasswordChars} long. An
     * account that is there already keeps its password: a restart with another OPERATOR_PASSWORD
     * changes nobody's.
     *
     * @return true when this call made the account, false when an operator of that name was there
     * @throws InvalidSignUpException when the name or password breaks a rule
     * @throws OperatorNameTakenException when an account of that name exists without the OPERATOR
     *         role: making it an operator would hand its holder (a shopper, say) the ops console
     */
    public boolean ensureOperator(String username, String rawPassword, int minPasswordChars) {
        String name = checkedName(username);
        checkPassword(rawPassword, Math.max(MIN_PASSWORD_CHARS, minPasswordChars));
        AccountRow existing = mapper.findByUsername(name);
        if (existing == null) {
            Instant now = now();
            try {
                mapper.insert(new AccountRow(name, encoder.encode(rawPassword), List.of(Role.OPERATOR), now, now));
                return true;
            } catch (DuplicateKeyException e) {
                // another instance (or a sign-up) took the name a moment ago: judge what is there now
                existing = mapper.findByUsername(name);
            }
        }
        if (!existing.roles().contains(Role.OPERATOR)) {
            throw new OperatorNameTakenException(name);
        }
        return false;
    }

    /**
     * The stored credentials of the account, the name normalised as at sign-up.
     *
     * @throws AccountNotFoundException when there is no such account
     */
    public Credentials credentials(String username) {
        String name = normalise(username);
        // a name that could never have signed up is not worth a query
        AccountRow account = USERNAME.matcher(name).matches() ? mapper.findByUsername(name) : null;
        if (account == null) {
            throw new AccountNotFoundException(name);
        }
        return new Credentials(account.username(), account.passwordHash(), account.roles());
    }

    private static String checkedName(String username) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidSignUpException("username must be 3 to 32 characters of a-z, 0-9, '_' and '-'");
        }
        return name;
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(String password, int minChars) {
        if (password == null || password.isBlank()) {
            throw new InvalidSignUpException("password must not be blank");
        }
        int chars = password.codePointCount(0, password.length());
        if (chars < minChars || chars > MAX_PASSWORD_CHARS) {
            throw new InvalidSignUpException("password must be %d to %d characters"
                    .formatted(minChars, MAX_PASSWORD_CHARS));
        }
        // a lone surrogate would be encoded as '?', so two different passwords could share one hash
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(password)) {
            throw new InvalidSignUpException("password must be valid Unicode text");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidSignUpException("password must be at most %d bytes in UTF-8 (BCrypt's limit)"
                    .formatted(MAX_PASSWORD_BYTES));
        }
    }

    /**
     * Whole seconds: MySQL Connector/J drops fractions on MariaDB (it reads the server as 5.5.5), so what
     * is written matches what a later read gives back on either server.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
