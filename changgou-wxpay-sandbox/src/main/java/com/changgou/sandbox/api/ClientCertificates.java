package com.changgou.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The merchant certificate a call came with. Only the TLS connector asks for one (and refuses a handshake
 * without it), so a call on the plain port has none. WeChat's merchant certificate carries the mch_id as CN.
 */
final class ClientCertificates {

    private static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {
    }

    static Optional<X509Certificate> of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return Optional.empty();
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> "CN".equalsIgnoreCase(rdn.getType()))
                    .map(Rdn::getValue)
                    .map(String::valueOf)
                    .findFirst();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
