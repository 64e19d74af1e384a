#!/usr/bin/env python3
"""Drives the web chat page and the agent console in a real browser (Debian's chromium and
chromium-driver, through selenium), against a real `kefu serve --http` on the demo bot.

    browser_test.py --kefu .build/debug/kefu --bot . [--screenshots docs/images]

The customer asks and sees the reply; asks for a human; the agent sees the case, claims it and
replies, and the customer sees it live; markup typed on either side shows as text; the agent
releases and the bot answers again; a reload keeps the history; the page fits a phone's width;
after a server restart on the same store the page reconnects by itself and goes on.
Exits 0 when every check holds, 1 with the failed check otherwise.
"""
import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

MARKUP = "<img src=x onerror=alert(1)>"
TOKEN = "browser-test-token"


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)
    print("ok   " + what, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(kefu, bot, store, port):
    process = subprocess.Popen(
        [kefu, "serve", "--http", "127.0.0.1:%d" % port, "--bot", bot, "--store", store, "--agent-token", TOKEN],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 300   # a first run trains the demo bot's model
    while time.time() < deadline:
        line = process.stderr.readline()
        if not line:
            raise Failure("kefu serve --http exited before listening (status %s)" % process.poll())
        match = re.search(r"listening on (http://\S+?) ", line)
        if match:
            return process, match.group(1)
    raise Failure("kefu serve --http did not start listening")


def browser(width, height, phone=False):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=%d,%d" % (width, height), "--lang=zh-CN"):
        options.add_argument(argument)
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    if phone:   # headless windows are at least 500 px wide; emulate the phone's viewport instead
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    return driver


def wait(driver, condition, what, seconds=15):
    try:
        return WebDriverWait(driver, seconds).until(lambda d: condition(d))
    except TimeoutException:
        raise Failure("timed out: " + what)


def bubbles(driver, kind):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#messages .msg." + kind)]


def say(driver, text):
    box = driver.find_element(By.ID, "input")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def no_alert(driver, where):
    try:
        driver.switch_to.alert
        raise Failure("an alert ran on the " + where)
    except NoAlertPresentException:
        pass


def run(kefu, bot, screenshots):
    folder = tempfile.mkdtemp(prefix="kefu-browser-")
    store, port = os.path.join(folder, "sessions.db"), free_port()
    process, base = start_server(kefu, bot, store, port)
    customer = agent = None
    try:
        customer = browser(390, 844, phone=True)   # a phone's width
        customer.get(base + "/")
        wait(customer, lambda d: d.find_element(By.ID, "status").text == "在线", "the chat page connects")
        say(customer, "运费怎么算")
        wait(customer, lambda d: len(bubbles(d, "bot")) >= 1, "the bot's reply appears")
        check(bubbles(customer, "bot")[0].strip() != "", "the customer asks and sees the bot's reply")
        check(customer.execute_script("return window.innerWidth") == 390
              and customer.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"),
              "the chat page fits a 390 px wide phone without sideways scrolling")
        session = customer.execute_script("return localStorage.getItem('kefu.session')")
        check(bool(session) and len(session) == 32, "the server issued a 128-bit session id kept in localStorage")

        say(customer, "转人工")
        wait(customer, lambda d: any("转接" in n.text for n in d.find_elements(By.CSS_SELECTOR, "#messages .notice")),
             "the customer is told an agent is coming")

        agent = browser(1280, 800)
        agent.get(base + "/agent")
        agent.find_element(By.ID, "name").send_keys("王芳")
        agent.find_element(By.ID, "token").send_keys(TOKEN)
        agent.find_element(By.ID, "login-button").click()
        row = wait(agent, lambda d: d.find_elements(By.CSS_SELECTOR, "#queue li[data-session='%s']" % session),
                   "the case appears in the agent's queue")
        check(True, "the agent sees the waiting conversation in the queue")
        row[0].click()
        wait(agent, lambda d: "运费怎么算" in d.find_element(By.ID, "transcript").text, "the transcript so far")
        check("客户要求人工" in agent.find_element(By.ID, "reason").text, "the agent sees why the bot handed off")
        agent.find_element(By.ID, "claim").click()
        wait(agent, lambda d: d.find_element(By.ID, "reply").is_enabled(), "the claimed case can be answered")
        wait(customer, lambda d: any("已接入" in n.text for n in d.find_elements(By.CSS_SELECTOR, "#messages .notice")),
             "the customer is told the agent joined")
        box = agent.find_element(By.ID, "reply")
        box.send_keys("您好，我是王芳，请问有什么可以帮您？")
        box.send_keys(Keys.ENTER)
        wait(customer, lambda d: any("我是王芳" in t for t in bubbles(d, "agent")), "the agent's reply reaches the customer live")
        check(True, "the agent replies and the customer sees it live")

        say(customer, MARKUP)
        wait(agent, lambda d: MARKUP in d.find_element(By.ID, "transcript").text, "the customer's markup reaches the agent")
        check(not agent.find_elements(By.CSS_SELECTOR, "#transcript img"), "markup from the customer shows as text on the agent console")
        box = agent.find_element(By.ID, "reply")
        box.send_keys(MARKUP)
        box.send_keys(Keys.ENTER)
        wait(customer, lambda d: any(MARKUP in t for t in bubbles(d, "agent")), "the agent's markup reaches the customer")
        check(not customer.find_elements(By.CSS_SELECTOR, "#messages img"), "markup shows as text on the chat page")
        check(any(MARKUP in t for t in bubbles(customer, "customer")), "the customer's own markup shows as text")
        no_alert(customer, "chat page")
        no_alert(agent, "agent console")
        if screenshots:
            customer.save_screenshot(os.path.join(screenshots, "chat-page.png"))
            agent.save_screenshot(os.path.join(screenshots, "agent-console.png"))

        agent.find_element(By.ID, "release").click()
        wait(customer, lambda d: any("智能客服继续" in n.text for n in d.find_elements(By.CSS_SELECTOR, "#messages .notice")),
             "the customer is told the bot is back")
        before = len(bubbles(customer, "bot"))
        say(customer, "怎么开发票")
        wait(customer, lambda d: len(bubbles(d, "bot")) > before, "the bot answers after the release")
        check(True, "after the release the bot answers again")

        shown = bubbles(customer, "customer") + bubbles(customer, "agent") + bubbles(customer, "bot")
        customer.refresh()
        wait(customer, lambda d: len(bubbles(d, "customer") + bubbles(d, "agent") + bubbles(d, "bot")) == len(shown),
             "the history comes back after a reload")
        restored = bubbles(customer, "customer") + bubbles(customer, "agent") + bubbles(customer, "bot")
        check(sorted(restored) == sorted(shown), "a reload keeps the whole history (customer, bot and agent lines)")
        check(customer.execute_script("return localStorage.getItem('kefu.session')") == session, "a reload keeps the session")

        # The server restarts on the same store: the page reconnects by itself and goes on.
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
        wait(customer, lambda d: d.find_element(By.ID, "status").text != "在线", "the page notices the server is gone")
        process, _ = start_server(kefu, bot, store, port)
        wait(customer, lambda d: d.find_element(By.ID, "status").text == "在线", "the page reconnects", seconds=60)
        before = len(bubbles(customer, "bot"))
        say(customer, "谢谢")
        wait(customer, lambda d: len(bubbles(d, "bot")) > before, "the bot answers after the restart")
        check(all(line in bubbles(customer, "customer") for line in ["运费怎么算", "转人工", "怎么开发票", "谢谢"])
              and any("我是王芳" in text for text in bubbles(customer, "agent")),
              "after a server restart the page reconnects with backoff, keeps its history and goes on")
    finally:
        for driver in (customer, agent):
            if driver:
                driver.quit()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            raise Failure("kefu serve --http did not stop within 20 s of SIGTERM")
    check(process.returncode == 0, "the server stopped cleanly on SIGTERM")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kefu", required=True)
    parser.add_argument("--bot", default=".")
    parser.add_argument("--screenshots", help="save chat-page.png and agent-console.png here")
    args = parser.parse_args()
    try:
        run(os.path.abspath(args.kefu), os.path.abspath(args.bot), args.screenshots)
    except Failure as failure:
        print("FAIL " + str(failure), file=sys.stderr, flush=True)
        return 1
    print("browser tests passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
