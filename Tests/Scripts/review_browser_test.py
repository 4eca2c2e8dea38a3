#!/usr/bin/env python3
"""End-to-end check of `rxtext review` in a real browser (headless Chromium over WebDriver).

Starts the review server on a copy of a corpus, opens the printed URL, and with the keyboard alone
accepts one flag, rejects one, edits one, reloads (the review must resume at the fourth flag),
undoes the edit, walks past the first page of flags (j, k) and rejects one there, and checks the
page and the SQLite database at each step. An article containing
<script> must render as text. Saves a screenshot of the review page.

Exit status and needs: see review_browser.py.
"""
import argparse
import json
import sqlite3
import time

from review_browser import api, fail, require_browser, start_browser, start_server, stop


def decisions(db):
    connection = sqlite3.connect(db)
    try:
        return {key: (action, replacement) for key, action, replacement in
                connection.execute("SELECT key, action, replacement FROM decisions")}
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rxtext", required=True)
    parser.add_argument("--glossaries", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--hostile", required=True, help="file name (in the corpus) of an article with <script>")
    options = parser.parse_args()

    require_browser()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.time()
    server, url = start_server([options.rxtext, "review", options.corpus, "--glossaries", options.glossaries,
                                "--db", options.db])
    driver = None
    try:
        flags = api(url, "/api/flags")
        total = flags["total"]
        first = flags["flags"][:4]
        if len(first) < 4 or not first[0]["suggestions"]:
            fail("the corpus needs at least four flags, the first with a suggestion")

        driver = start_browser("1200,860")
        wait = WebDriverWait(driver, 30)

        def text(element_id):
            return driver.find_element(By.ID, element_id).text

        def expect_progress(answered):
            expected = f"{answered} / {total} answered"
            try:
                wait.until(lambda _: text("progress-text") == expected)
            except Exception:
                fail(f"progress shows {text('progress-text')!r}, expected {expected!r}; status {text('status')!r}")

        def expect_span(flag):
            try:
                wait.until(lambda _: text("span") == flag["text"] and text("location").startswith(flag["file"] + ":"))
            except Exception:
                fail(f"page shows {text('location')} {text('span')!r}, expected {flag['file']} {flag['text']!r}")

        def press(keys):
            driver.find_element(By.TAG_NAME, "body").send_keys(keys)

        driver.get(url)
        expect_progress(0)
        expect_span(first[0])
        press("a")
        expect_progress(1)
        expect_span(first[1])
        press("r")
        expect_progress(2)
        expect_span(first[2])
        press("e")
        editor = driver.find_element(By.ID, "edit-input")
        wait.until(lambda _: editor.is_displayed())
        editor.clear()
        editor.send_keys("hand-edited text\n")
        expect_progress(3)

        stored = decisions(options.db)
        expected = {
            first[0]["key"]: ("accept", first[0]["suggestions"][0]),
            first[1]["key"]: ("reject", None),
            first[2]["key"]: ("edit", "hand-edited text"),
        }
        if stored != expected:
            fail(f"database holds {stored}, expected {expected}")

        driver.refresh()
        expect_progress(3)
        expect_span(first[3])
        press("v")
        wait.until(lambda _: "precision" in text("summary"))
        driver.save_screenshot(options.screenshot)
        press("v")

        press("u")
        expect_progress(2)
        expect_span(first[2])
        if first[2]["key"] in decisions(options.db):
            fail("undo left the edit in the database")

        # Past a page boundary: the page holds 50 flags of the queue (the flags left) at a time and
        # fetches the next page when j moves off the last one, the previous when k moves back.
        queue = api(url, "/api/flags?status=left&limit=500")
        left = queue["total"]
        queue = queue["flags"]
        if left < 53 or queue[0]["key"] != first[2]["key"]:
            fail(f"the queue holds {left} flags, first {queue[0]['key'] if queue else None}: "
                 f"expected over 52, the undone flag first")

        def expect_flag(flag, position, count):
            location = f"{flag['file']}:{flag['line']}:{flag['column']}"
            shown = f"flag {position} of {count} left"
            try:
                wait.until(lambda _: text("location") == location and text("span") == flag["text"]
                           and text("position") == shown)
            except Exception:
                fail(f"page shows {text('location')} {text('span')!r} {text('position')!r}, "
                     f"expected {location} {flag['text']!r} {shown!r}; status {text('status')!r}")

        press("j")
        expect_flag(queue[1], 2, left)
        press("j" * 49)
        expect_flag(queue[50], 51, left)
        press("k")
        expect_flag(queue[49], 50, left)
        press("j")
        expect_flag(queue[50], 51, left)
        press("r")
        expect_flag(queue[51], 51, left - 1)
        expect_progress(3)
        if decisions(options.db).get(queue[50]["key"]) != ("reject", None):
            fail(f"the flag rejected on the second page is not stored: {decisions(options.db)}")

        # Article text is text: the <script> in the hostile article shows and never runs.
        hostile = [name for name in flags["files"] if name == options.hostile or name.endswith("/" + options.hostile)]
        if not hostile:
            fail(f"{options.hostile} is not among the reviewed files {flags['files']}")
        driver.execute_script("document.getElementById('file').value = arguments[0];"
                              "document.getElementById('file').dispatchEvent(new Event('change'));", hostile[0])
        wait.until(lambda _: text("location").startswith(hostile[0] + ":"))
        paragraph = driver.find_element(By.ID, "paragraph")
        if "<script>" not in paragraph.text:
            fail(f"the hostile article's markup is not shown as text: {paragraph.text!r}")
        if paragraph.find_elements(By.TAG_NAME, "script") or driver.execute_script("return window.pwned !== undefined"):
            fail("the hostile article's <script> became markup")

        print(json.dumps({"passed": True, "flags": total, "seconds": round(time.time() - started, 1),
                          "screenshot": options.screenshot}))
    finally:
        stop(server, driver)


if __name__ == "__main__":
    main()
