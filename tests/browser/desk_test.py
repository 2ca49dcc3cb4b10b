#!/usr/bin/python3
"""browser.desk: the desk's page in headless Chromium, driven by Selenium.

Starts `claimgraph serve` on a free loopback port over a temporary store made from the sample,
then checks, as a person would use it: the page lists the sample's claims; the headline
claim's page shows its SVG with the casefile ids, and a click on a node shows its record;
adding a source and an assertion through the forms changes the claim's summary on the page (its reports,
independent origins and verdict; its score moves little, since CATD trust gives a new source with one claim
little weight: docs/scoring.md)
without a reload; a bad form shows the located error beside its field. A screenshot of each
step is saved in --screenshots. Exits 77 (ctest SKIP_RETURN_CODE) when Chromium, its driver
or Selenium is missing.

Usage: desk_test.py --binary claimgraph --fixture store_fixture --source-dir . --screenshots DIR
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
HEADLINE = "drill-not-aimed-at-third-party"


def skip(reason):
    print("browser.desk: SKIPPED: " + reason)
    sys.exit(SKIP)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--fixture", required=True, help="tests/serve/store_fixture: makes the store")
    args = parser.parse_args()
    for path in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.path.exists(path):
            skip(path + " is not installed (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        skip("python3-selenium is not installed")

    os.makedirs(args.screenshots, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="claimgraph-desk-")
    server = None
    driver = None
    try:
        desk = os.path.join(scratch, "desk.db")
        subprocess.run([args.fixture, desk, os.path.join(args.source_dir, "samples", "thaad-drills", "case.json")],
                       check=True)
        tokens = os.path.join(scratch, "tokens.txt")
        with open(tokens, "w") as handle:
            handle.write("browser-test desk-test-token-0123456789\n")
        os.chmod(tokens, 0o600)
        server = subprocess.Popen([args.binary, "serve", desk, "--listen", "127.0.0.1:0", "--tokens", tokens],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", line)
        if not match:
            raise AssertionError("serve did not start: " + line + server.stderr.read())
        base = match.group(1)

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1400"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        wait = WebDriverWait(driver, 20)
        shot = lambda name: driver.save_screenshot(os.path.join(args.screenshots, name))

        # 1. The page lists the sample's claims.
        driver.get(base + "/")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#claims-body tr")) > 0)
        rows = driver.find_elements(By.CSS_SELECTOR, "#claims-body tr")
        ids = [row.get_attribute("data-claim") for row in rows]
        check(len(rows) == 20, "the page lists the sample's 20 claims, not %d" % len(rows))
        check(HEADLINE in ids, "the headline claim is listed")
        shot("01-claims.png")
        # Filtering by words keeps only matching claims.
        driver.find_element(By.ID, "filter-text").send_keys("THAAD")
        filtered = driver.find_elements(By.CSS_SELECTOR, "#claims-body tr")
        check(0 < len(filtered) < 20, "the word filter narrows the list")
        driver.find_element(By.ID, "filter-text").clear()
        driver.execute_script("document.getElementById('filter-text').dispatchEvent(new Event('input'))")

        # 2. The headline claim's page shows its SVG with the casefile ids; a node shows its record.
        driver.find_element(By.CSS_SELECTOR, '#claims-body tr[data-claim="%s"] a' % HEADLINE).click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#picture svg g.node"))
        node_ids = picture_ids(driver)
        for expected in (HEADLINE, "report-unnamed-2017-beijing-drill", "cn-mod-statement"):
            check(expected in node_ids, "the focus SVG has the node " + expected)
        before = summary_text(driver)
        driver.execute_script(
            "document.getElementById('report-unnamed-2017-beijing-drill').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
        wait.until(lambda d: "report-unnamed-2017-beijing-drill" in d.find_element(By.ID, "record-fields").text)
        check("The drill is not aimed at any third party" in driver.find_element(By.ID, "record-fields").text,
              "the record shows the source's quote")
        view_before = view_box(driver)
        driver.execute_script("document.getElementById('picture').focus()")
        ActionChains(driver).send_keys("+").perform()
        check(view_box(driver) != view_before,
              "the + key zooms the picture (its viewBox changes)")
        ActionChains(driver).send_keys("0").perform()
        shot("02-claim.png")

        # 3. Adding a source and an assertion through the forms changes the claim's summary on the
        # page: one more report and independent origin, and the verdict (a first disinterested origin).
        driver.find_element(By.ID, "token").send_keys("desk-test-token-0123456789")
        driver.find_element(By.ID, "source-id").send_keys("browser-wire")
        driver.find_element(By.ID, "source-title").send_keys("A wire report added in the browser")
        Select(driver.find_element(By.ID, "source-kind")).select_by_visible_text("wire report")
        driver.find_element(By.CSS_SELECTOR, "#source-form button[type=submit]").click()
        wait.until(lambda d: "Added browser-wire" in d.find_element(By.ID, "source-form-error").text)
        driver.find_element(By.ID, "assertion-source").send_keys("browser-wire")
        driver.find_element(By.ID, "assertion-claim").send_keys(HEADLINE)
        driver.find_element(By.ID, "assertion-quote").send_keys("not aimed at any third party")
        driver.find_element(By.CSS_SELECTOR, "#assertion-form button[type=submit]").click()
        wait.until(lambda d: summary_text(d) != before)
        after = summary_text(driver)
        check("8 reports" in after and "self-reported only" not in after,
              "the summary counts the new report and leaves 'self-reported only': " + after)
        print("browser.desk: the headline's summary went from %s to %s" % (before, after))
        # The page redraws the picture after the write: wait for the new one, read by script
        # (an element found before the redraw would be stale).
        wait.until(lambda d: "browser-wire" in picture_ids(d))
        wait.until(lambda d: "browser-test" in d.find_element(By.ID, "claim-history").text)
        driver.execute_script("window.scrollTo(0, 0)")
        shot("03-after-assertion.png")

        # 4. A bad form shows the located error beside its field.
        driver.find_element(By.ID, "assertion-source").send_keys("browser-wire")
        driver.find_element(By.ID, "assertion-claim").send_keys("no-such-claim")
        driver.find_element(By.CSS_SELECTOR, "#assertion-form button[type=submit]").click()
        wait.until(lambda d: d.find_element(By.ID, "assertion-claim-error").text)
        error = driver.find_element(By.ID, "assertion-claim-error").text
        check(error.startswith('unknown id "no-such-claim": expected the id of a claim (line '), "the error is located: " + error)
        check(driver.find_element(By.ID, "assertion-claim").get_attribute("aria-invalid") == "true", "the field is marked invalid")
        driver.execute_script("document.getElementById('assertion-form').scrollIntoView()")
        shot("04-bad-form.png")
        print("browser.desk: passed; screenshots in " + args.screenshots)
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(scratch, ignore_errors=True)


def picture_ids(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#picture svg g.node')).map((node) => node.id)")


def view_box(driver):
    # Selenium's get_attribute lower-cases the name, which SVG's viewBox does not answer to.
    return driver.execute_script("return document.querySelector('#picture svg').getAttribute('viewBox')")


def summary_text(driver):
    return driver.execute_script("const s = document.getElementById('claim-summary'); return s ? s.textContent : ''")


def check(condition, what):
    if not condition:
        raise AssertionError("browser.desk: failed: " + what)


if __name__ == "__main__":
    main()
