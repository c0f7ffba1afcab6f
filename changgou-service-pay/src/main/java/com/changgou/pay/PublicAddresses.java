package com.changgou.pay;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * What the {@code prod} profile counts as a real provider's or the shop's public address: https, and
 * not this machine, a private network or the compose network's sandbox. WeChat's and Alipay's
 * production checks both ask it.
 */
public final class PublicAddresses {

    private static final Set<String> SANDBOX_HOSTS = Set.of("sandbox", "changgou-wxpay-sandbox");

    private PublicAddresses() {
    }

    public static boolean isPublicHttps(URI uri) {
        String host = uri.getHost();
        return "https".equalsIgnoreCase(uri.getScheme()) && host != null && !SANDBOX_HOSTS.contains(host)
                && !isLocal(host);
    }

    /** Judged by the address itself when the host is an IP literal; a name is judged by its spelling only. */
    private static boolean isLocal(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']'
                || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
