package kr.salonmate.api.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both at fixed paths: Selenium Manager is never
 * asked to find or download anything. Every browser gets a fresh profile (no cookies, storage or service worker
 * from another test) that is deleted on close.
 */
final class Browser implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Selenium warns that it has no CDP bindings for this Chromium; nothing here needs them (held: JUL keeps weak refs). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    static boolean installed() {
        return CHROMEDRIVER.canExecute() && new File(CHROMIUM).canExecute();
    }

    /**
     * Skips the calling test when Chromium is missing on a developer's machine, but fails it when {@code CI=true}:
     * a CI run that could not install the browser must not pass with its browser tests quietly skipped.
     */
    static void requireInstalled() {
        requireInstalled(installed(), System.getenv("CI"));
    }

    static void requireInstalled(boolean installed, String ci) {
        if (installed) {
            return;
        }
        String missing = "headless Chromium is not installed (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionError(missing + "; CI=true, so the browser tests fail instead of being skipped");
        }
        org.junit.jupiter.api.Assumptions.abort(missing);
    }

    /** A new browser window of that size, preferring that language (ko, en), at url. */
    static Browser open(String url, int width, int height, String language) {
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        Path profile;
        try {
            profile = Files.createTempDirectory("salonmate-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-quic", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=" + language, "--accept-lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        if (width < 500) {
            // a desktop window cannot be narrower than 500 px: emulate the phone's viewport instead
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        }
        driver.get(url);
        return new Browser(service, driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 20 s) until the condition gives something other than null or false. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what)
                .ignoring(StaleElementReferenceException.class) // the page replaced what we looked at: look again
                .until(condition);
    }

    WebElement awaitVisible(String css) {
        return await(css + " to be visible", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        WebElement element = find(css);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    long scrollWidth() {
        return ((Number) js("return document.documentElement.scrollWidth")).longValue();
    }

    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** Saves the visible page as target/screenshots/{name}.png (without passing toasts, which would hide it). */
    Path screenshot(String name) {
        js("document.getElementById('toasts').style.visibility = 'hidden'");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            js("document.getElementById('toasts').style.visibility = ''");
        }
    }

    /** The console's errors so far (script errors, CSP violations, failed loads). */
    List<String> consoleErrors() {
        return consoleErrors(false);
    }

    /** The same, without what the browser reports about requests and sockets failing while a test cut the network. */
    List<String> consoleErrors(boolean networkWasCut) {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    .filter(message -> !(networkWasCut && (message.contains("net::ERR_")
                            || message.contains("WebSocket connection to"))))
                    .toList();
        } catch (RuntimeException unsupported) {
            return List.of();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
