package com.changgou.pay.alipay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The suite's throw-away Alipay key pairs, made once per build by {@code scripts/alipay-keys.sh} into
 * target/, and a signer of the test side's own (not the production code's) to play Alipay with.
 */
public final class AlipayTestKeys {

    private static Path dir;

    private AlipayTestKeys() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            Path target = Path.of("target", "alipay-keys").toAbsolutePath();
            run("bash", Path.of("..", "scripts", "alipay-keys.sh").toAbsolutePath().toString(), target.toString());
            dir = target;
        }
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** app-private.pem, app-public.pem, alipay-private.pem, alipay-public.pem */
    public static PrivateKey privateKey(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(name, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKey(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(name, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alipay's content rule, written again here: sorted, k=v&, raw values, empty ones and {@code unsigned} left out. */
    public static String content(Map<String, String> params, Set<String> unsigned) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (unsigned.contains(e.getKey()) || e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }

    public static String sign(String content, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(String content, String sign, PublicKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Runs a command, failing with its output unless it exits 0; returns its standard output. */
    public static byte[] run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String name, String type) {
        try {
            String pem = Files.readString(file(name));
            String body = pem.substring(pem.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length(),
                    pem.indexOf("-----END " + type + "-----"));
            return Base64.getMimeDecoder().decode(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
