package com.changgou.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver. Both paths are set
 * explicitly, so Selenium Manager never looks for (or downloads) a driver or a browser; each
 * browser gets a fresh profile in a temp dir, removed again by {@link #close()}.
 */
public final class Browser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    private static final String CHROMIUM = System.getenv().getOrDefault("CHANGGOU_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHANGGOU_CHROMEDRIVER", "/usr/bin/chromedriver");
    /** Where the browser tests leave screenshots, driver logs and measurements. */
    public static final Path OUTPUT = Path.of("target", "browser").toAbsolutePath();

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A phone's browser, as Alipay's cashier and the shop's pages tell one (its User-Agent) and size it. */
    static final String PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

    /** Starts a browser; {@code name} labels its driver log under target/browser. */
    public static Browser open(String name) {
        return open(name, false);
    }

    /** Starts a second, separate browser that presents itself as a phone (the one that scans a QR code). */
    public static Browser openPhone(String name) {
        return open(name, true);
    }

    private static Browser open(String name, boolean phone) {
        Path profile = createProfile();
        try {
            Files.createDirectories(OUTPUT);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .withLogFile(OUTPUT.resolve("chromedriver-" + name + ".log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
            if (phone) {
                options.addArguments("--user-agent=" + PHONE_USER_AGENT);
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(phone ? new Dimension(412, 900) : new Dimension(1280, 900));
            return new Browser(driver, profile);
        } catch (RuntimeException | IOException e) {
            deleteTree(profile);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration limit) {
        WebDriverWait wait = new WebDriverWait(driver, limit);
        wait.pollingEvery(Duration.ofMillis(50));
        wait.withMessage(this::describe);
        return wait;
    }

    /** What the browser shows and said, for the message of a wait that ran out. */
    public String describe() {
        StringBuilder text = new StringBuilder("browser at ").append(driver.getCurrentUrl());
        try {
            String body = driver.findElement(By.tagName("body")).getText();
            text.append("\n--- page text ---\n").append(body, 0, Math.min(body.length(), 2000));
            text.append("\n--- console ---");
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                text.append('\n').append(entry.getLevel()).append(' ').append(entry.getMessage());
            }
        } catch (RuntimeException e) {
            text.append("\n(could not read the page: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    /**
     * Makes every WebSocket to {@code path} fail to connect, in the pages loaded from now on: the
     * page's own {@code new WebSocket(url)} is pointed at port 9, which Chromium refuses to
     * connect to, so the page sees an ordinary failed connection (error, then close). DevTools'
     * {@code Network.setBlockedURLs} cannot do this: in Chromium 156 it leaves WebSockets alone.
     */
    public void failWebSockets(String path) {
        String script = """
                (function () {
                  var Real = window.WebSocket;
                  var Failing = function (url, protocols) {
                    var target = new URL(String(url), location.href).pathname === '%s' ? 'ws://127.0.0.1:9/blocked' : url;
                    return protocols === undefined ? new Real(target) : new Real(target, protocols);
                  };
                  Failing.prototype = Real.prototype;
                  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Failing[k] = Real[k]; });
                  window.WebSocket = Failing;
                })();
                """.formatted(path);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Saves a screenshot of the page as it is now to target/browser/{@code name}.png. */
    public Path screenshot(String name) {
        Path file = OUTPUT.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("screenshot {}", file);
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("changgou-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is not worth failing a test for
            log.warn("could not delete the browser profile {}: {}", root, e.toString());
        }
    }
}
