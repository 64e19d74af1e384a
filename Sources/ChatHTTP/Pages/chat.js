// Kefu web chat: one WebSocket to /ws, the session id in localStorage, history restored on
// reload, reconnect with backoff, lines typed while offline sent once connected again.
// Every text goes into the page with textContent, never as HTML.
"use strict";

(function () {
  const storageKey = "kefu.session";
  const messages = document.getElementById("messages");
  const input = document.getElementById("input");
  const composer = document.getElementById("composer");
  const statusLine = document.getElementById("status");
  const typing = document.getElementById("typing");
  const typingLabel = document.getElementById("typing-label");
  const quickReplies = document.getElementById("quick-replies");

  let socket = null;
  let session = localStorage.getItem(storageKey);
  let retry = 0;
  let nextId = 1;
  let lastTypingSent = 0;
  let agentTypingTimer = null;
  let handoffStatus = null;     // the last hand-off status shown
  const unsent = [];            // lines typed while offline, sent on reconnect
  const waiting = new Map();    // id → { line, item }: a customer line waiting for its reply

  function scrollDown() { messages.scrollTop = messages.scrollHeight; }

  function bubble(author, text, agent) {
    const item = document.createElement("li");
    item.className = "msg " + author;
    if (author === "agent") {
      const who = document.createElement("span");
      who.className = "who";
      who.textContent = "人工客服 " + (agent || "");
      item.appendChild(who);
    }
    item.appendChild(document.createTextNode(text));
    messages.appendChild(item);
    scrollDown();
    return item;
  }

  function notice(text) {
    const item = document.createElement("li");
    item.className = "notice";
    item.textContent = text;
    messages.appendChild(item);
    scrollDown();
  }

  function showButtons(buttons) {
    quickReplies.replaceChildren();
    for (const button of buttons || []) {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", () => send(button.payload));
      quickReplies.appendChild(element);
    }
  }

  function showTyping(label) {
    typingLabel.textContent = label;
    typing.hidden = false;
    scrollDown();
  }

  function hideTyping() { typing.hidden = true; }

  function handoffNotice(status, agent) {
    switch (status) {
      case "waiting": return "正在为您转接人工客服，请稍候…";
      case "claimed": return "人工客服 " + (agent || "") + " 已接入";
      case "released": return "人工客服已离开，智能客服继续为您服务";
      case "closed": return "本次对话已结束";
      default: return "";
    }
  }

  function setStatus(text, offline) {
    statusLine.textContent = text;
    statusLine.classList.toggle("offline", !!offline);
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const query = session ? "?session=" + encodeURIComponent(session) : "";
    socket = new WebSocket(scheme + "//" + location.host + "/ws" + query);
    socket.addEventListener("open", () => { retry = 0; setStatus("在线"); });
    socket.addEventListener("message", (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (error) { return; }
      receive(frame);
    });
    socket.addEventListener("close", () => {
      setStatus("连接已断开，正在重连…", true);
      const delay = Math.min(30000, 1000 * Math.pow(2, retry)) * (0.75 + Math.random() * 0.5);
      retry += 1;
      setTimeout(connect, delay);
    });
  }

  function receive(frame) {
    switch (frame.type) {
      case "hello":
        session = frame.session;
        localStorage.setItem(storageKey, session);
        messages.replaceChildren();
        for (const message of frame.messages || []) bubble(message.author, message.text, message.agent);
        handoffStatus = frame.handoff ? frame.handoff.status : null;
        if (frame.handoff) notice(handoffNotice(frame.handoff.status, frame.handoff.agent));
        // Lines sent before the connection dropped: the history shows those the server took;
        // the others are sent again.
        const taken = (frame.messages || []).filter((m) => m.author === "customer").slice(-waiting.size).map((m) => m.text);
        for (const [id, entry] of waiting) {
          const at = taken.indexOf(entry.line.text);
          if (entry.sent && at >= 0) { taken.splice(at, 1); waiting.delete(id); continue; }
          messages.appendChild(entry.item);
          if (entry.sent) unsent.push(entry.line);
        }
        if (waiting.size === 0) hideTyping();
        while (unsent.length > 0) transmit(unsent.shift());
        break;
      case "reply": {
        const entry = waiting.get(frame.id);
        if (entry) { entry.item.classList.remove("pending"); waiting.delete(frame.id); }
        if (waiting.size === 0) hideTyping();
        const result = frame.result || {};
        if (typeof result.reply === "string") bubble("bot", result.reply);
        showButtons(frame.buttons);
        if (frame.handoff && frame.handoff.status !== handoffStatus) {
          handoffStatus = frame.handoff.status;
          notice(handoffNotice(frame.handoff.status, frame.handoff.agent));
        }
        break;
      }
      case "message":
        hideTyping();
        bubble(frame.message.author, frame.message.text, frame.message.agent);
        if (frame.message.buttons) showButtons(frame.message.buttons);
        break;
      case "typing":
        if (frame.author === "agent") {
          showTyping("客服正在输入…");
          clearTimeout(agentTypingTimer);
          agentTypingTimer = setTimeout(hideTyping, 4000);
        }
        break;
      case "handoff":
        handoffStatus = frame.status;
        notice(handoffNotice(frame.status, frame.agent));
        break;
      case "reset":
        messages.replaceChildren();
        break;
      case "error": {
        waiting.delete(frame.id);
        if (waiting.size === 0) hideTyping();
        notice(frame.error && frame.error.code === "rate_limited" ? "发送太快了，请稍后再试" : "消息没有送达，请再发一次");
        break;
      }
    }
  }

  function transmit(line) {
    const entry = waiting.get(line.id);
    if (entry) entry.sent = true;
    socket.send(JSON.stringify({ type: "message", id: line.id, text: line.text }));
  }

  function send(text) {
    text = text.trim();
    if (!text) return;
    showButtons([]);
    const line = { id: nextId++, text: text };
    const item = bubble("customer", text);
    item.classList.add("pending");
    waiting.set(line.id, { line: line, item: item, sent: false });
    showTyping("");
    if (socket && socket.readyState === WebSocket.OPEN) transmit(line); else unsent.push(line);
  }

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    send(input.value);
    input.value = "";
    input.focus();
  });

  input.addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter breaks the line; never while an IME is composing (拼音 candidates).
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  input.addEventListener("input", () => {
    const now = Date.now();
    if (socket && socket.readyState === WebSocket.OPEN && now - lastTypingSent > 2000) {
      lastTypingSent = now;
      socket.send(JSON.stringify({ type: "typing" }));
    }
  });

  connect();
})();
