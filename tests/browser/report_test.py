#!/usr/bin/python3
"""The publishable report in a real browser (issue 10, "Tested as people use it").

Usage: report_test.py CLAIMGRAPH SOURCE_DIR OUTPUT_DIR

Writes the sample's report into OUTPUT_DIR, opens it from a file:// URL in headless
Chromium with the network cut (Chrome DevTools Network.emulateNetworkConditions, offline),
and checks that the page made no request but for itself, that the claims are listed, and
that each claim's SVG is drawn with the casefile ids. Saves screenshots as
OUTPUT_DIR/report-*.png. Exits 77 (ctest's SKIP_RETURN_CODE) when Chromium, its driver or
Selenium is absent (CLAIMGRAPH_CHROMIUM and CLAIMGRAPH_CHROMEDRIVER override their paths).
"""
import json
import os
import subprocess
import sys

SKIP = 77
# Debian's paths; the environment may name others (and so check the skip).
CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CLAIMGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")
HEADLINE = "drill-not-aimed-at-third-party"


def skip(reason):
    print("SKIP: " + reason)
    sys.exit(SKIP)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


HOSTILE_TITLE = "</script><script>alert(2)</script>"
HOSTILE_TEXT = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> line\u2028separator"


def check_hostile(driver, tool, output_dir, by):
    """A casefile whose texts, names, titles and ids are markup: the browser shows them as
    text, runs nothing and loads nothing."""
    casefile = os.path.join(output_dir, "hostile.json")
    with open(casefile, "w", encoding="utf-8") as out:
        json.dump({
            "claimgraph": "1.0", "title": HOSTILE_TITLE,
            "review": {"author_name": HOSTILE_TEXT, "date_published": "2024-01-01"},
            "entities": [{"id": "\"><svg/onload=alert(3)>", "name": HOSTILE_TEXT, "type": "outlet"}],
            "sources": [{"id": "s1", "title": HOSTILE_TEXT, "kind": "news report",
                         "publisher": "\"><svg/onload=alert(3)>",
                         "url": "https://example.org/a?b=1&c='2'"}],
            "claims": [{"id": "</script>", "text": HOSTILE_TEXT}],
            "assertions": [{"source": "s1", "claim": "</script>", "stance": "supports",
                            "quote": HOSTILE_TITLE}],
        }, out)
    report = os.path.join(output_dir, "hostile.html")
    subprocess.run([tool, "report", casefile, "--review-url", "https://example.org/r.html", "-o", report],
                   check=True)
    driver.get("file://" + os.path.abspath(report))
    from selenium.common.exceptions import NoAlertPresentException
    try:
        alert = driver.switch_to.alert.text
    except NoAlertPresentException:
        alert = None
    if alert is not None:
        fail("the hostile report opened an alert: " + alert)
    live = driver.execute_script(
        "return [document.querySelectorAll('script:not([type=\"application/ld+json\"])').length,"
        " document.querySelectorAll('img, iframe, object, embed, link, foreignObject').length,"
        " document.querySelectorAll('script').length]")
    if live != [0, 0, 1]:
        fail("the hostile report has live elements (scripts, loads, all scripts): %s" % live)
    heading = driver.find_element(by.TAG_NAME, "h1").text
    if heading != HOSTILE_TITLE:
        fail("the hostile title reads %r" % heading)
    claim = driver.find_element(by.CSS_SELECTOR, "blockquote.claim-text").get_attribute("textContent")
    if claim != HOSTILE_TEXT:
        fail("the hostile claim text reads %r" % claim)
    if driver.execute_script("return performance.getEntriesByType('resource').length") != 0:
        fail("the hostile report loaded a resource")
    driver.save_screenshot(os.path.join(output_dir, "report-hostile.png"))
    print("hostile strings shown as text; no script ran, nothing loaded")


def main():
    if len(sys.argv) != 4:
        fail("usage: report_test.py CLAIMGRAPH SOURCE_DIR OUTPUT_DIR")
    tool, source_dir, output_dir = sys.argv[1:]
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            skip(program + " is not installed (Debian: apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        skip("python3-selenium is not installed for /usr/bin/python3")

    os.makedirs(output_dir, exist_ok=True)
    report = os.path.join(output_dir, "report.html")
    casefile = os.path.join(source_dir, "samples/thaad-drills/case.json")
    subprocess.run([tool, "report", casefile, "--review-url",
                    "https://factcheck.example/thaad-drills/report.html", "-o", report], check=True)
    claims = [claim["id"] for claim in json.load(open(casefile, encoding="utf-8"))["claims"]]

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600"):
        options.add_argument(argument)
    # Every request the page makes, as DevTools events.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        url = "file://" + os.path.abspath(report)
        driver.get(url)

        # No request but the page itself, and no resource loaded.
        requests = []
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
        others = [request for request in requests if request != url]
        if others:
            fail("the report made requests: " + ", ".join(others))
        resources = driver.execute_script("return performance.getEntriesByType('resource').length")
        if resources != 0:
            fail("performance.getEntriesByType('resource') lists %d resources" % resources)
        print("requests: %s; resources: %d" % (requests, resources))

        if not driver.title.startswith("China–Russia joint computer-assisted missile defence drills"):
            fail("unexpected title: " + driver.title)
        rows = driver.find_elements(By.CSS_SELECTOR, "table.summary tbody tr")
        if len(rows) != len(claims):
            fail("the summary lists %d claims, the casefile has %d" % (len(rows), len(claims)))
        links = [row.find_element(By.CSS_SELECTOR, "a").get_attribute("href").split("#")[1] for row in rows]
        if links != ["claim-" + claim for claim in claims]:
            fail("the summary links are not the claims' sections: %s" % links)
        first = rows[0].text
        if "The joint China–Russia anti-missile drill is not aimed at any third party" not in first or \
                "0.6000" not in first or "self-reported only" not in first:
            fail("the headline claim's row reads: " + first)
        driver.save_screenshot(os.path.join(output_dir, "report-summary.png"))

        # Each section draws its SVG, and the picture's nodes carry the casefile ids.
        for number, claim in enumerate(claims, start=1):
            section = driver.find_element(By.ID, "claim-" + claim)
            svgs = section.find_elements(By.TAG_NAME, "svg")
            if len(svgs) != 1:
                fail("section %s has %d SVGs" % (claim, len(svgs)))
            size = svgs[0].size
            if size["width"] < 100 or size["height"] < 50:
                fail("the SVG of %s is drawn %sx%s" % (claim, size["width"], size["height"]))
            node = driver.execute_script(
                "const node = document.getElementById(arguments[0]);"
                "if (!node) return null; const box = node.getBBox();"
                "return [node.closest('section').id, box.width, box.height];", "f%d-%s" % (number, claim))
            if node is None or node[0] != "claim-" + claim or node[1] <= 0 or node[2] <= 0:
                fail("no drawn node f%d-%s in the section of %s: %s" % (number, claim, claim, node))
        print("claims listed: %d; every section's SVG drawn with its claim's node" % len(claims))

        # Following the summary link shows the headline claim's section.
        rows[0].find_element(By.CSS_SELECTOR, "a").click()
        if not driver.current_url.endswith("#claim-" + HEADLINE):
            fail("the summary link went to " + driver.current_url)
        driver.save_screenshot(os.path.join(output_dir, "report-headline-claim.png"))
        driver.execute_script("document.querySelector('#claim-%s ul.sources').scrollIntoView()" % HEADLINE)
        driver.save_screenshot(os.path.join(output_dir, "report-headline-sources.png"))

        # Printed, as a newsroom would hand it round.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(output_dir, "report-print.png"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        check_hostile(driver, tool, output_dir, By)
    finally:
        driver.quit()
    print("PASS: screenshots in " + output_dir)


if __name__ == "__main__":
    main()
