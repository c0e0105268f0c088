package org.moderato.browser;

import java.util.List;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /login}: username, password, "Log in". */
public final class LoginPage extends Page {

    private static final By FORM = By.cssSelector("form#loginform");

    private LoginPage(WebDriver driver) {
        super(driver);
        requirePage("/login", FORM);
        visible(By.id("username"));
        visible(By.id("password"));
        visible(By.id("login"));
    }

    public static LoginPage open(WebDriver driver, ModeratoServer server) {
        driver.get(server.url("/login"));
        return new LoginPage(driver);
    }

    /** The login page the browser shows now, e.g. after being sent here from a staff page. */
    public static LoginPage current(WebDriver driver) {
        return new LoginPage(driver);
    }

    /** Logs in with good credentials: the server sends a moderator on to the queue. */
    public ModerationPage logInAs(String username, String password) {
        submit(username, password);
        return ModerationPage.current(driver);
    }

    /** Logs in with credentials the server should refuse: the login page again, with its errors. */
    public LoginPage logInExpectingFailure(String username, String password) {
        submit(username, password);
        return new LoginPage(driver);
    }

    /** The messages in {@code #login-errors}. */
    public List<String> errors() {
        return driver.findElements(By.cssSelector("#login-errors li")).stream().map(e -> e.getText().strip()).toList();
    }

    public String username() {
        return driver.findElement(By.id("username")).getDomProperty("value");
    }

    public String password() {
        return driver.findElement(By.id("password")).getDomProperty("value");
    }

    private void submit(String username, String password) {
        WebElement user = visible(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = visible(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        WebElement button = visible(By.cssSelector("form#loginform input#login"));
        if (!"Log in".equals(button.getDomAttribute("value"))) {
            throw new AssertionError("The login button reads '" + button.getDomAttribute("value") + "', not 'Log in'");
        }
        clickAndAwaitNewPage(button);
    }
}
