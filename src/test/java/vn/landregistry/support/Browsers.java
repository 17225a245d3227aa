package vn.landregistry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium for the page tests: never downloaded, installed by bin/test. Script
 * errors of every page are collected in {@code window.__errors} so that tests can assert none.
 */
public final class Browsers {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Collects uncaught errors, rejected promises, console errors and Content-Security-Policy violations of every page. */
	public static final String ERROR_TRAP = """
			window.__errors = [];
			document.addEventListener('securitypolicyviolation',
				(e) => window.__errors.push('CSP ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
			window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
			window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
			const original = console.error.bind(console);
			console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); original(...args); };
			""";

	private Browsers() {
	}

	/** A browser with a window of {@code width} × {@code height} that records script errors. */
	public static ChromeDriver start(int width, int height) {
		assertThat(CHROMIUM).as("Debian chromium (bin/test installs it)").exists();
		assertThat(CHROMEDRIVER).as("Debian chromium-driver (bin/test installs it)").exists();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		try {
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--window-size=" + width + "," + height,
					"--user-data-dir=" + Files.createTempDirectory("registry-chromium-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_TRAP));
		return browser;
	}

	/**
	 * What the browser's console reported as errors since the last call (failed loads such as a
	 * missing favicon included, which no page script sees), as text.
	 */
	public static List<String> consoleErrors(ChromeDriver browser) {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

}
