package com.changgou.user.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Makes the operator account from the environment once the context is built and before the service
 * serves or registers anywhere, so a wrong setting stops the start instead of leaving a service that
 * runs without the operator it was given. Nothing set: no operator (a shop may not run the console).
 * One of the two set without the other, a password that breaks the rules, or a name held by an account
 * that is not an operator: the service logs why at ERROR and does not start.
 */
@Component
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorAccount implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OperatorAccount.class);

    private final Accounts accounts;
    private final OperatorProperties operator;

    OperatorAccount(Accounts accounts, OperatorProperties operator) {
        this.accounts = accounts;
        this.operator = operator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!operator.configured()) {
            log.info("no operator account configured (OPERATOR_USERNAME and OPERATOR_PASSWORD unset)");
            return;
        }
        if (isBlank(operator.username()) || isBlank(operator.password())) {
            throw refused("OPERATOR_USERNAME and OPERATOR_PASSWORD must be set together (there is no default password)");
        }
        try {
            if (accounts.ensureOperator(operator.username(), operator.password(), operator.minPasswordChars())) {
                log.info("operator account {} created", Accounts.normalise(operator.username()));
            } else {
                log.info("operator account {} exists already; its password is left as it is",
                        Accounts.normalise(operator.username()));
            }
        } catch (InvalidSignUpException e) {
            throw refused("OPERATOR_USERNAME / OPERATOR_PASSWORD: " + e.getMessage());
        } catch (OperatorNameTakenException e) {
            throw refused(e.getMessage());
        }
    }

    private static IllegalStateException refused(String why) {
        log.error("refusing to start: {}", why);
        return new IllegalStateException("the user service refuses to start: " + why);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
