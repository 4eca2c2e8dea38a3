#!/usr/bin/env python3
"""End-to-end check of the review page's results view in headless Chromium over WebDriver.

Starts `rxtext review` on a corpus, opens the page and, with the keyboard alone, opens the results
view (t), walks the article's results (j) checking that each one's evidence is highlighted,
corrects one (c), rejects one (r) and adds one by selecting its words (n). Then kills the server
with SIGKILL, restarts it on the same store and finds all three decisions on the page and in
SQLite; undo (u) in the results view reverts the latest answer of either view; an article with
<script> stays text. With --unknown, a driver no glossary knows is added to the house glossary with
the keyboard (g, then the nationality and Enter) and the results view knows the driver at once;
the summary (v) then shows each driver's season as an inline SVG timeline.

Exit status and needs: see review_browser.py.
"""
import argparse
import json
import os
import sqlite3
import time

from review_browser import api, fail, require_browser, start_browser, start_server, stop


def result_decisions(db):
    connection = sqlite3.connect(db)
    try:
        return {result: (action, position, driver) for result, action, position, driver in
                connection.execute("SELECT result, action, position, driver FROM result_decisions")}
    finally:
        connection.close()


def flag_decisions(db):
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
    finally:
        connection.close()


SELECT_WORDS = """
const container = document.getElementById('article-text');
const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  const at = node.data.indexOf(arguments[0]);
  if (at >= 0) {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + arguments[0].length);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    return true;
  }
}
return false;
"""


def add_unknown_driver(driver, press, rows, expect, options):
    """Selects the article's first result marked "not in glossary" with j and adds its driver with g."""
    from selenium.webdriver.common.by import By
    driver.execute_script("const s = document.getElementById('results-file'); s.value = arguments[0];"
                          "s.dispatchEvent(new Event('change')); s.blur();", options.unknown)
    expect(lambda: driver.find_element(By.ID, "results-file").get_attribute("value") == options.unknown,
           f"the results view does not show {options.unknown}")
    expect(lambda: any("not in glossary" in row.text for row in rows()),
           f"no result of {options.unknown} is marked as not in the glossary")
    for _ in range(len(rows())):
        selected = driver.find_element(By.CSS_SELECTOR, "#results-table tbody tr.selected")
        if "not in glossary" in selected.text:
            break
        press("j")
    name = driver.find_element(By.CSS_SELECTOR, "#results-table tbody tr.selected td:nth-child(2)").text
    name = name.replace("not in glossary", "").strip()
    press("g")
    field = driver.find_element(By.ID, "df-nationality")
    expect(lambda: field.is_displayed(), "g did not open the glossary form")
    if driver.find_element(By.ID, "df-name").get_attribute("value") != name:
        fail(f"the form offers {driver.find_element(By.ID, 'df-name').get_attribute('value')!r}, not {name!r}")
    if driver.switch_to.active_element != field:
        fail("the nationality field does not have the focus")
    field.clear()
    field.send_keys(options.nationality + "\n")
    expect(lambda: driver.find_element(By.ID, "status").text.startswith("Added "), "the driver was not added")
    expect(lambda: not any(name in row.text and "not in glossary" in row.text for row in rows()),
           "the results view still marks the added driver as unknown")
    if options.house:
        written = "".join(open(os.path.join(options.house, f), encoding="utf-8").read()
                          for f in os.listdir(options.house) if f.endswith(".yaml"))
        if f"name: {name}" not in written or f"nationality: {options.nationality}" not in written:
            fail(f"the house glossary holds {written!r}")
    return name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rxtext", required=True)
    parser.add_argument("--glossaries", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--article", required=True, help="file name (in the corpus) whose results are walked")
    parser.add_argument("--missed", required=True, help="words of that article stating a result it misses")
    parser.add_argument("--hostile", required=True, help="file name (in the corpus) of an article with <script>")
    parser.add_argument("--unknown", help="file name (in the corpus) naming a driver no glossary knows")
    parser.add_argument("--nationality", default="BEL", help="the unknown driver's nationality, typed in the form")
    parser.add_argument("--house", help="the house glossary directory .rxtext.yaml names")
    options = parser.parse_args()

    require_browser()
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.time()
    arguments = [options.rxtext, "review", options.corpus, "--glossaries", options.glossaries, "--db", options.db]
    server, url = start_server(arguments)
    driver = None
    try:
        view = api(url, "/api/results?file=" + options.article)
        results = view["results"]
        if len(results) < 3:
            fail(f"{options.article} needs at least three results, has {len(results)}")

        driver = start_browser("1400,900")
        wait = WebDriverWait(driver, 30)

        def press(keys):
            ActionChains(driver).send_keys(keys).perform()

        def rows():
            return driver.find_elements(By.CSS_SELECTOR, "#results-table tbody tr")

        def decision_column():
            return [row.find_elements(By.TAG_NAME, "td")[-1].text for row in rows()]

        def holds(condition):
            # The table is redrawn after every answer: an element found a moment ago may be gone.
            try:
                return condition()
            except Exception:
                return False

        def expect(condition, message):
            try:
                wait.until(lambda _: holds(condition))
            except Exception:
                fail(f"{message}; status {driver.find_element(By.ID, 'status').text!r}")

        def evidence():
            marks = driver.find_elements(By.ID, "evidence")
            return marks[0].text if marks else None

        def open_results(article):
            driver.get(url)
            wait.until(lambda _: driver.find_element(By.ID, "progress-text").text != "…")
            press("t")
            expect(lambda: driver.find_element(By.ID, "results-view").is_displayed(), "t did not open the results")
            if driver.find_element(By.ID, "results-file").get_attribute("value") != article:
                driver.execute_script("const s = document.getElementById('results-file'); s.value = arguments[0];"
                                      "s.dispatchEvent(new Event('change')); s.blur();", article)
            expect(lambda: driver.find_element(By.ID, "results-file").get_attribute("value") == article,
                   f"the results view does not show {article}")

        open_results(options.article)
        expect(lambda: len(rows()) == len(results), f"the table does not list {len(results)} results")
        # Walk every result with j: each one's evidence is what the page highlights.
        for index, result in enumerate(results):
            expect(lambda: evidence() == result["evidence"],
                   f"result {index + 1}: highlighted {evidence()!r}, expected {result['evidence']!r}")
            press("j")
        # j wrapped round to the first; the second is corrected, the third rejected.
        expect(lambda: evidence() == results[0]["evidence"], "j did not wrap round to the first result")
        press("j")
        press("c")
        position = driver.find_element(By.ID, "rf-position")
        expect(lambda: position.is_displayed(), "c did not open the correction form")
        position.clear()
        corrected = 9 if results[1].get("position") != 9 else 8
        position.send_keys(str(corrected) + "\n")
        expect(lambda: decision_column()[1] == "correct", "the correction is not shown")
        expect(lambda: evidence() == results[2]["evidence"], "the page did not move on after correcting")
        press("r")
        expect(lambda: decision_column()[2] == "reject", "the rejection is not shown")
        if not driver.execute_script(SELECT_WORDS, options.missed):
            fail(f"{options.missed!r} is not in the article text")
        press("n")
        driver_field = driver.find_element(By.ID, "rf-driver")
        expect(lambda: driver_field.is_displayed(), "n did not open the form for an added result")
        driver.find_element(By.ID, "rf-position").send_keys("5\n")
        expect(lambda: len(rows()) == len(results) + 1, "the added result is not listed")
        added_driver = driver_field.get_attribute("value")

        stored = result_decisions(options.db)
        actions = sorted(action for action, _, _ in stored.values())
        if actions != ["add", "correct", "reject"]:
            fail(f"the store holds {stored}")

        # SIGKILL: nothing answered may be lost.
        server.kill()
        server.wait(timeout=10)
        server, url = start_server(arguments)
        open_results(options.article)
        expect(lambda: len(rows()) == len(results) + 1, "after the restart the added result is gone")
        column = decision_column()
        if column[1] != "correct" or column[2] != "reject" or column[-1] != "add":
            fail(f"after the restart the decisions are {column}")
        cells = [cell.text for cell in rows()[1].find_elements(By.TAG_NAME, "td")]
        if cells[3] != str(corrected):
            fail(f"the corrected position shows {cells[3]!r}, expected {corrected}")
        if result_decisions(options.db) != stored:
            fail("the store changed across the restart")
        if rows()[-1].find_elements(By.TAG_NAME, "td")[1].text != added_driver:
            fail("the added result lost its driver")
        rows()[-1].click()
        expect(lambda: evidence() == options.missed, "the added result's evidence is not the selected words")

        # Undo across both views: a flag rejected in the flag view is undone from the results view.
        press("t")
        expect(lambda: driver.find_element(By.ID, "card").is_displayed(), "t did not return to the flags")
        press("r")
        expect(lambda: flag_decisions(options.db) == 1, "the flag rejection was not stored")
        press("t")
        expect(lambda: driver.find_element(By.ID, "results-view").is_displayed(), "t did not reopen the results")
        press("u")
        expect(lambda: flag_decisions(options.db) == 0, "u in the results view did not undo the flag decision")
        press("u")
        expect(lambda: len(rows()) == len(results), "the second u did not undo the added result")

        # Article text is text here too.
        hostile = [name for name in view["files"] if name == options.hostile or name.endswith("/" + options.hostile)]
        if not hostile:
            fail(f"{options.hostile} is not among the reviewed files")
        driver.execute_script("const s = document.getElementById('results-file'); s.value = arguments[0];"
                              "s.dispatchEvent(new Event('change'));", hostile[0])
        text = driver.find_element(By.ID, "article-text")
        expect(lambda: "<script>" in text.text, "the hostile article's markup is not shown as text")
        if text.find_elements(By.TAG_NAME, "script") or driver.execute_script("return window.pwned !== undefined"):
            fail("the hostile article's <script> became markup")

        added = None
        if options.unknown:
            added = add_unknown_driver(driver, press, rows, expect, options)
            # The summary draws each driver's season; the SVG is taken in as SVG, never as HTML.
            press("t")
            expect(lambda: driver.find_element(By.ID, "card").is_displayed() or
                   driver.find_element(By.ID, "done").is_displayed(), "t did not return to the flags")
            press("v")
            expect(lambda: len(driver.find_elements(By.CSS_SELECTOR, "#summary .seasons svg")) > 0,
                   "the summary shows no season timeline")
            labels = [svg.get_attribute("aria-label") for svg in
                      driver.find_elements(By.CSS_SELECTOR, "#summary .seasons svg")]
            if not any(label.startswith(added + ", ") for label in labels):
                fail(f"no timeline for {added}: {labels}")
            if driver.find_elements(By.CSS_SELECTOR, "#summary script"):
                fail("the summary holds a <script>")

        print(json.dumps({"passed": True, "results": len(results), "added": added,
                          "seconds": round(time.time() - started, 1)}))
    finally:
        stop(server, driver)


if __name__ == "__main__":
    main()
