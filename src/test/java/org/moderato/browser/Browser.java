package org.moderato.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium with its own empty profile: its own cookies, nothing remembered from any
 * other browser. Open one per role (reader, second reader, moderator) so roles never share a session.
 *
 * <p>The driver and the browser are the Debian packages, named explicitly, so Selenium Manager never
 * runs and nothing is downloaded; the browser resolves no host name but 127.0.0.1, so nothing it does
 * leaves loopback.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * Selenium looks for a CDP binding matching the browser on every start and warns when its newest
     * is older than Debian's Chromium; these tests use WebDriver only, so the warning is noise.
     * (Held in a field: java.util.logging forgets the level of a logger nobody references.)
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final String name;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(String name, boolean javaScript) throws IOException {
        this.name = name;
        int number = SEQUENCE.incrementAndGet();
        this.profile = Files.createTempDirectory("moderato-chromium-");
        Path logs = ModeratoServer.projectDir().resolve("target/it-logs/chromedriver");
        Files.createDirectories(logs);
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve(number + "-" + name + ".log").toFile())
                .build();
        try {
            this.driver = new ChromeDriver(service, options(profile, javaScript));
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        // no implicit waits: page objects wait explicitly for what they need
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** A fresh browser: empty profile, no cookies. {@code name} labels its logs and screenshots. */
    public static Browser fresh(String name) {
        return fresh(name, true);
    }

    /** A fresh browser with JavaScript switched off, for what must work without it. */
    public static Browser fresh(String name, boolean javaScript) {
        try {
            return new Browser(name, javaScript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChromeOptions options(Path profile, boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile.toAbsolutePath(),
                // belt and braces for "nothing leaves loopback": no name resolves except the test server's address
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--no-proxy-server",
                "--no-default-browser-check",
                "--disable-default-apps",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--disable-features=PasswordLeakDetection,Translate,OptimizationHints,MediaRouter",
                "--window-size=1280,1024");
        // no password manager: no "save password?" bubble, no leak check after the moderator logs in
        options.setExperimentalOption("prefs", Map.of(
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false,
                "profile.password_manager_leak_detection", false,
                "profile.managed_default_content_settings.javascript", javaScript ? 1 : 2));
        return options;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    public WebDriver driver() {
        return driver;
    }

    public String name() {
        return name;
    }

    /** Screenshot and page source of whatever this browser shows now, for a failed test's report. */
    public void saveDiagnostics(Path directory, String prefix) {
        try {
            Files.createDirectories(directory);
            String base = prefix + "-" + name;
            Files.writeString(directory.resolve(base + ".url.txt"), String.valueOf(driver.getCurrentUrl()));
            Files.writeString(directory.resolve(base + ".html"), String.valueOf(driver.getPageSource()));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(base + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save diagnostics of browser " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
