package com.changgou.user.web;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import com.changgou.user.account.AccountView;
import com.changgou.user.account.Accounts;
import com.changgou.user.account.Credentials;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for the other apps of the suite. Internal only: no gateway route reaches
 * {@link InternalApi#PREFIX}, and credentials must never leave the private network.
 */
@RestController
@RequestMapping(AccountController.PATH)
class AccountController {

    static final String PATH = InternalApi.PREFIX + "/user/accounts";

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Result<AccountView> signUp(@Valid @RequestBody SignUpRequest request) {
        return Result.ok(accounts.signUp(request.username(), request.password()));
    }

    @GetMapping("/{username}/credentials")
    Result<Credentials> credentials(@PathVariable("username") String username) {
        return Result.ok(accounts.credentials(username));
    }
}
