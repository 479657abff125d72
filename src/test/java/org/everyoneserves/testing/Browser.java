package org.everyoneserves.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Selenium, with nothing downloaded. A missing browser is a failure, not a skip.
 * Register it with {@code @RegisterExtension} on a static field: it keeps a screenshot of every failed test in
 * target/screenshots and quits the browser after the last test of the class. Elsewhere, open it with try-with-resources.
 */
public final class Browser implements AfterEachCallback, AfterAllCallback, AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private final java.util.function.Supplier<String> base;
    private WebDriver driver;

    public Browser() {
        this(() -> Web.BASE);
    }

    /** A browser on another server than the test server (the load balancer of a cluster), known once it runs. */
    public Browser(java.util.function.Supplier<String> base) {
        this.base = base;
    }

    public WebDriver driver() {
        if (driver == null) {
            File chromedriver = new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
            File chromium = new File(System.getProperty("chromium", "/usr/bin/chromium"));
            if (!chromedriver.canExecute() || !chromium.canExecute()) {
                throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            try {
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--lang=en", "--user-data-dir=" + Files.createTempDirectory("es-chromium"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
        return driver;
    }

    public void open(String path) {
        driver().get(base.get() + path);
        waitUntilLoaded();
    }

    public WebElement find(String id) {
        return new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /**
     * Types into a field, again if the page replaced the field meanwhile (a redirect or a script can swap the
     * document between finding the field and typing; Chromium then reports a node of another document).
     */
    public void type(String id, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement input = find(id);
                input.clear();
                input.sendKeys(text);
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (WebDriverException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
            waitUntilLoaded();
        }
    }

    /**
     * Waits until the given element's document has been replaced. Chromium reports an element of a replaced document
     * either as stale or as a node that "does not belong to the document"; both mean the new page is there.
     */
    private void waitUntilReplaced(WebElement element) {
        new WebDriverWait(driver(), Duration.ofSeconds(15)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        waitUntilLoaded();
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks and waits until the next page has replaced this one. */
    public void clickAndWait(String id) {
        WebElement html = driver().findElement(By.tagName("html"));
        find(id).click();
        waitUntilReplaced(html);
    }

    /** Clicks the element the locator finds and waits until the next page has replaced this one. */
    public void clickAndWait(By locator) {
        WebElement html = driver().findElement(By.tagName("html"));
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(locator)).click();
        waitUntilReplaced(html);
    }

    public String text(String id) {
        return find(id).getText();
    }

    /**
     * Runs axe-core over the page as it is now and fails on any serious or critical violation, naming the rule, its
     * help text and the elements concerned.
     */
    public void assertAccessible(String page) {
        // axe's own 30 seconds are too short for a long page on a busy machine
        Results results = new AxeBuilder().setTimeout(180).analyze(driver());
        if (results.isErrored()) {
            throw new AssertionError(page + ": axe-core could not run: " + results.getErrorMessage());
        }
        List<String> problems = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        if (!problems.isEmpty()) {
            screenshot("A11Y-" + page);
            throw new AssertionError(page + " has accessibility violations:\n" + String.join("\n", problems));
        }
    }

    public void signIn(String email, String password) {
        open("/login.xhtml");
        type("login:email", email);
        type("login:password", password);
        clickAndWait("login:signIn");
    }

    public void signOut() {
        clickAndWait("signOut:signOutButton");
    }

    /**
     * Opens the page in a window as wide as a small phone's (375 px), takes the screenshot {@code name}, and says by how
     * many pixels the page sticks out sideways (0 when nothing does); the window is then as wide as before.
     */
    public long sidewaysOnAPhone(String path, String name) {
        org.openqa.selenium.Dimension before = driver().manage().window().getSize();
        driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
        try {
            open(path);
            screenshot(name);
            return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver())
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        } finally {
            driver().manage().window().setSize(before);
        }
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) driver()).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
