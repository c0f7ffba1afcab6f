package com.changgou.user.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.StatusCode;
import com.changgou.security.TestTokens;
import com.changgou.user.account.AccountNotFoundException;
import com.changgou.user.account.AccountView;
import com.changgou.user.account.Accounts;
import com.changgou.user.account.Credentials;
import com.changgou.user.account.InvalidSignUpException;
import com.changgou.user.account.Role;
import com.changgou.user.account.UsernameTakenException;
import com.changgou.user.security.UserSecurity;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The HTTP contract: statuses, the Result envelope and messages that say which rule was broken; every
 * call is the gateway's, on its own account.
 */
@WebMvcTest(AccountController.class)
@Import(UserSecurity.class)
class AccountControllerTest {

    static final String ACCOUNTS = "/internal/user/accounts";
    static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv0123456789ABCDEFGHIJKLMNOPQRSTU";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        TestTokens.register(registry, TestTokens.GATEWAY);
    }

    @Test
    void signingUpAnswers201WithTheAccountAndNoHash() throws Exception {
        given(accounts.signUp("Alice", "correct horse")).willReturn(new AccountView("alice", List.of(Role.SHOPPER)));

        mvc.perform(signUp("""
                        {"username":"Alice","password":"correct horse"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.code").value(StatusCode.OK))
                .andExpect(jsonPath("$.data.username").value("alice"))
                .andExpect(jsonPath("$.data.roles[0]").value("SHOPPER"))
                .andExpect(jsonPath("$.data.passwordHash").doesNotExist());
    }

    @Test
    void aNameThatBreaksTheRuleAnswers400SayingTheRule() throws Exception {
        given(accounts.signUp("a!", "correct horse")).willThrow(
                new InvalidSignUpException("username must be 3 to 32 characters of a-z, 0-9, '_' and '-'"));

        mvc.perform(signUp("""
                        {"username":"a!","password":"correct horse"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.code").value(StatusCode.ERROR))
                .andExpect(jsonPath("$.message").value("username must be 3 to 32 characters of a-z, 0-9, '_' and '-'"));
    }

    @Test
    void aShortPasswordAnswers400SayingTheRule() throws Exception {
        given(accounts.signUp("alice", "short"))
                .willThrow(new InvalidSignUpException("password must be 8 to 72 characters"));

        mvc.perform(signUp("""
                        {"username":"alice","password":"short"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("password must be 8 to 72 characters"));
    }

    @Test
    void aSignUpWithoutAPasswordIsRejectedBeforeItReachesTheAccounts() throws Exception {
        mvc.perform(signUp("""
                        {"username":"alice"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("password")));
        verifyNoInteractions(accounts);
    }

    @Test
    void aBodyThatIsNotJsonIsRejected() throws Exception {
        mvc.perform(signUp("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("request body is not a readable sign-up"));
        verifyNoInteractions(accounts);
    }

    @Test
    void aTakenNameAnswers409() throws Exception {
        given(accounts.signUp("alice", "correct horse")).willThrow(new UsernameTakenException("alice"));

        mvc.perform(signUp("""
                        {"username":"alice","password":"correct horse"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.code").value(StatusCode.REPERROR))
                .andExpect(jsonPath("$.message").value("username alice is taken"));
    }

    @Test
    void theCredentialsOfAnAccountAreItsHashAndRoles() throws Exception {
        given(accounts.credentials("alice"))
                .willReturn(new Credentials("alice", HASH, List.of(Role.SHOPPER, Role.OPERATOR)));

        mvc.perform(get(ACCOUNTS + "/alice/credentials").header(AUTHORIZATION, TestTokens.gateway()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.username").value("alice"))
                .andExpect(jsonPath("$.data.passwordHash").value(HASH))
                .andExpect(jsonPath("$.data.roles").value(Matchers.contains("SHOPPER", "OPERATOR")));
    }

    @Test
    void theCredentialsOfAnUnknownAccountAnswer404() throws Exception {
        given(accounts.credentials("nobody")).willThrow(new AccountNotFoundException("nobody"));

        mvc.perform(get(ACCOUNTS + "/nobody/credentials").header(AUTHORIZATION, TestTokens.gateway()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.code").value(StatusCode.NOTFOUNDERROR))
                .andExpect(jsonPath("$.message").value("account nobody not found"));
    }

    @Test
    void aDatabaseThatIsDownAnswers503RatherThanNotFound() throws Exception {
        given(accounts.credentials("alice")).willThrow(new DataAccessResourceFailureException("connection refused"));

        mvc.perform(get(ACCOUNTS + "/alice/credentials").header(AUTHORIZATION, TestTokens.gateway()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.code").value(StatusCode.REMOTEERROR));
    }

    private static RequestBuilder signUp(String json) {
        return post(ACCOUNTS).header(AUTHORIZATION, TestTokens.gateway()).contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
