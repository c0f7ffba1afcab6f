package com.changgou.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The sign-up rules, without a database: each refusal happens before any hashing or SQL. */
class AccountsTest {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    final AccountMapper mapper = mock(AccountMapper.class);
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final Accounts accounts = new Accounts(mapper, encoder, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aNameIsStrippedAndLowerCasedBeforeItIsStored() {
        AccountView created = accounts.signUp("  Alice_01 ", "correct horse");

        ArgumentCaptor<AccountRow> row = ArgumentCaptor.forClass(AccountRow.class);
        then(mapper).should().insert(row.capture());
        assertThat(created).isEqualTo(new AccountView("alice_01", List.of(Role.SHOPPER)));
        assertThat(row.getValue().username()).isEqualTo("alice_01");
        assertThat(row.getValue().roles()).containsExactly(Role.SHOPPER);
        assertThat(row.getValue().createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void thePasswordIsStoredAsADelegatingBcryptHash() {
        accounts.signUp("alice", "correct horse");

        ArgumentCaptor<AccountRow> row = ArgumentCaptor.forClass(AccountRow.class);
        then(mapper).should().insert(row.capture());
        assertThat(row.getValue().passwordHash()).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(encoder.matches("correct horse", row.getValue().passwordHash())).isTrue();
    }

    @Test
    void lowerCasingDoesNotDependOnTheDefaultLocale() {
        // under tr-TR, "I".toLowerCase() is a dotless ı, which the name rule would refuse
        assertThat(Accounts.normalise("ISAAC")).isEqualTo("isaac");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ab", "a23456789012345678901234567890123", "al ice", "alice!", "ålice",
            "al.ice"})
    void aNameOutsideTheRuleIsRefusedSayingTheRule(String username) {
        assertThatThrownBy(() -> accounts.signUp(username, "correct horse"))
                .isInstanceOf(InvalidSignUpException.class)
                .hasMessage("username must be 3 to 32 characters of a-z, 0-9, '_' and '-'");
        verifyNoInteractions(mapper);
    }

    @Test
    void aNameOfThirtyTwoCharactersIsAccepted() {
        assertThat(accounts.signUp("a2345678901234567890123456789012", "correct horse").username()).hasSize(32);
    }

    @Test
    void aPasswordShorterThan8OrLongerThan72CharactersIsRefused() {
        for (String password : List.of("1234567", "x".repeat(73))) {
            assertThatThrownBy(() -> accounts.signUp("alice", password))
                    .isInstanceOf(InvalidSignUpException.class)
                    .hasMessage("password must be 8 to 72 characters");
        }
        verifyNoInteractions(mapper);
    }

    @Test
    void passwordsOf8And72CharactersAreAccepted() {
        accounts.signUp("alice", "12345678");
        accounts.signUp("bob", "x".repeat(72));

        then(mapper).should(times(2)).insert(any());
    }

    @Test
    void aPasswordOfOnlyWhiteSpaceIsRefused() {
        assertThatThrownBy(() -> accounts.signUp("alice", " \t        "))
                .isInstanceOf(InvalidSignUpException.class)
                .hasMessage("password must not be blank");
        assertThatThrownBy(() -> accounts.signUp("alice", null)).isInstanceOf(InvalidSignUpException.class);
        verifyNoInteractions(mapper);
    }

    @Test
    void aPasswordOf73BytesIsRefusedThoughItHasFewerThan72Characters() {
        String password = "é".repeat(36) + "a";
        assertThat(password).hasSize(37);

        assertThatThrownBy(() -> accounts.signUp("alice", password))
                .isInstanceOf(InvalidSignUpException.class)
                .hasMessageContaining("at most 72 bytes");
        verifyNoInteractions(mapper);
    }

    @Test
    void aPasswordOf72BytesIsAccepted() {
        accounts.signUp("alice", "é".repeat(36));

        then(mapper).should().insert(any());
    }

    @Test
    void aPasswordWithALoneSurrogateIsRefused() {
        assertThatThrownBy(() -> accounts.signUp("alice", "password\uD800"))
                .isInstanceOf(InvalidSignUpException.class)
                .hasMessage("password must be valid Unicode text");
    }

    @Test
    void aDuplicateKeyMeansTheNameIsTaken() {
        willThrow(new DuplicateKeyException("Duplicate entry 'alice'")).given(mapper).insert(any());

        assertThatThrownBy(() -> accounts.signUp("ALICE", "correct horse"))
                .isInstanceOf(UsernameTakenException.class)
                .hasMessage("username alice is taken");
    }

    @Test
    void credentialsAreLookedUpByTheNormalisedName() {
        given(mapper.findByUsername("alice"))
                .willReturn(new AccountRow("alice", "{bcrypt}x", List.of(Role.SHOPPER), NOW, NOW));

        assertThat(accounts.credentials(" Alice "))
                .isEqualTo(new Credentials("alice", "{bcrypt}x", List.of(Role.SHOPPER)));
    }

    @Test
    void aNameThatCouldNeverSignUpIsNotFoundWithoutAQuery() {
        assertThatThrownBy(() -> accounts.credentials("no such name!"))
                .isInstanceOf(AccountNotFoundException.class)
                .hasMessage("account no such name! not found");
        then(mapper).should(never()).findByUsername(any());
    }

    @Test
    void anOperatorIsMadeWithTheOperatorRoleOnlyWhenTheNameIsFree() {
        assertThat(accounts.ensureOperator(" Operator ", "correct horse battery", 12)).isTrue();

        ArgumentCaptor<AccountRow> row = ArgumentCaptor.forClass(AccountRow.class);
        then(mapper).should().insert(row.capture());
        assertThat(row.getValue().username()).isEqualTo("operator");
        assertThat(row.getValue().roles()).containsExactly(Role.OPERATOR);
        assertThat(encoder.matches("correct horse battery", row.getValue().passwordHash())).isTrue();
    }

    @Test
    void anExistingOperatorKeepsItsPassword() {
        given(mapper.findByUsername("operator"))
                .willReturn(new AccountRow("operator", "{bcrypt}old", List.of(Role.OPERATOR), NOW, NOW));

        assertThat(accounts.ensureOperator("operator", "a new password", 8)).isFalse();
        then(mapper).should(never()).insert(any());
    }

    @Test
    void aShopperHoldingTheNameIsNeverMadeAnOperator() {
        given(mapper.findByUsername("operator"))
                .willReturn(new AccountRow("operator", "{bcrypt}x", List.of(Role.SHOPPER), NOW, NOW));

        assertThatThrownBy(() -> accounts.ensureOperator("operator", "correct horse battery", 8))
                .isInstanceOf(OperatorNameTakenException.class)
                .hasMessageContaining("account operator exists without the OPERATOR role");
        then(mapper).should(never()).insert(any());
    }

    @Test
    void aSignUpThatTookTheNameFirstIsJudgedAsItIsNow() {
        given(mapper.findByUsername("operator")).willReturn(null,
                new AccountRow("operator", "{bcrypt}x", List.of(Role.SHOPPER), NOW, NOW));
        willThrow(new DuplicateKeyException("Duplicate entry 'operator'")).given(mapper).insert(any());

        assertThatThrownBy(() -> accounts.ensureOperator("operator", "correct horse battery", 8))
                .isInstanceOf(OperatorNameTakenException.class);
    }

    @Test
    void theOperatorFollowsTheSignUpRulesAndItsOwnMinimumLength() {
        assertThatThrownBy(() -> accounts.ensureOperator("op!", "correct horse battery", 8))
                .isInstanceOf(InvalidSignUpException.class).hasMessageStartingWith("username must be");
        assertThatThrownBy(() -> accounts.ensureOperator("operator", "eleven char", 12))
                .isInstanceOf(InvalidSignUpException.class).hasMessage("password must be 12 to 72 characters");
        // a minimum below the sign-up rule's does not lower it
        assertThatThrownBy(() -> accounts.ensureOperator("operator", "seven c", 4))
                .isInstanceOf(InvalidSignUpException.class).hasMessage("password must be 8 to 72 characters");
        verifyNoInteractions(mapper);
    }

    @Test
    void theHashNeverAppearsInTheCredentialsString() {
        assertThat(new Credentials("alice", "{bcrypt}secret", List.of(Role.SHOPPER)).toString())
                .doesNotContain("secret");
    }
}
