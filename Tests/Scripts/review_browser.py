"""What the review page's browser tests share: the exit statuses, starting `rxtext review` and
reading its URL, the JSON API with the token, headless Chromium over WebDriver, and stopping both.

Exit status of a test: 0 passed, 1 failed, 77 Chromium or its driver cannot run here (the caller
skips). Needs: chromium, chromium-driver (Debian) and selenium (PyPI).
"""
import json
import os
import select
import subprocess
import sys
import time
import urllib.parse
import urllib.request

SKIP = 77


def skip(message):
    print(f"SKIP: {message}")
    sys.exit(SKIP)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def start_server(arguments):
    server = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([server.stdout], [], [], 0.5)
        if ready:
            line = server.stdout.readline().strip()
            if line.startswith("http://127.0.0.1:"):
                return server, line
        if server.poll() is not None:
            fail(f"rxtext review exited with {server.returncode}: {server.stderr.read()}")
    server.kill()
    fail("rxtext review printed no URL within 120 s")


def api(url, path):
    parts = urllib.parse.urlsplit(url)
    token = urllib.parse.parse_qs(parts.query)["token"][0]
    request = urllib.request.Request(f"{parts.scheme}://{parts.netloc}{path}", headers={"X-RXText-Token": token})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def require_browser():
    """Skips (exit 77) unless Chromium, its driver and selenium are all here."""
    for path in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.path.exists(path):
            skip(f"{path} is missing (apt-get install chromium chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        skip("Python's selenium is missing (pip install selenium)")


def start_browser(window_size):
    """Headless Chromium at `window_size` ("1200,860"); skips when it cannot start here."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    chrome = webdriver.ChromeOptions()
    chrome.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={window_size}"):
        chrome.add_argument(argument)
    try:
        return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=chrome)
    except Exception as error:  # Chromium present but unable to start in this environment.
        skip(f"Chromium cannot run here: {error}".splitlines()[0])


def stop(server, driver):
    if driver is not None:
        driver.quit()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
