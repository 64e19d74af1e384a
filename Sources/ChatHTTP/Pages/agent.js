// Kefu agent console: the hand-off queue over /api/agent/ws. The first frame carries the token;
// the queue, case changes and customer lines arrive live. Texts are set with textContent only.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const login = $("login"), consoleView = $("console"), queueList = $("queue"), transcript = $("transcript");
  const claimButton = $("claim"), releaseButton = $("release"), closeButton = $("close");
  const reply = $("reply"), replySend = $("reply-send"), replyForm = $("reply-form");
  const reasonNames = { asked: "客户要求人工", misses: "机器人多次没听懂", anger: "客户情绪激动" };
  const statusNames = { waiting: "等待接入", claimed: "已接入" };

  let socket = null;
  let agent = sessionStorage.getItem("kefu.agent") || "";
  let token = sessionStorage.getItem("kefu.token") || "";
  let retry = 0;
  let nextId = 1;
  let selected = null;              // the session shown on the right
  let typingTimer = null;
  let lastTyping = 0;
  const cases = new Map();          // session → case

  function status(text) { $("status").textContent = text; }

  function since(seconds) {
    const minutes = Math.max(0, Math.floor((Date.now() / 1000 - seconds) / 60));
    return minutes < 1 ? "刚刚" : minutes + " 分钟前";
  }

  function renderQueue() {
    const open = [...cases.values()].filter((c) => c.status === "waiting" || c.status === "claimed")
      .sort((a, b) => a.requested_at - b.requested_at);
    $("count").textContent = String(open.filter((c) => c.status === "waiting").length);
    queueList.replaceChildren();
    for (const item of open) {
      const row = document.createElement("li");
      row.dataset.session = item.session;
      if (item.session === selected) row.classList.add("selected");
      const line1 = document.createElement("div");
      line1.className = "line1";
      const name = document.createElement("span");
      name.className = "session";
      name.textContent = item.session;
      const badge = document.createElement("span");
      badge.className = "badge " + item.status;
      badge.textContent = item.status === "claimed" ? (item.agent || "") + " " + statusNames.claimed : statusNames.waiting;
      line1.append(name, badge);
      const line2 = document.createElement("div");
      line2.className = "line2";
      line2.textContent = (reasonNames[item.reason] || item.reason) + " · " + since(item.requested_at);
      row.append(line1, line2);
      row.addEventListener("click", () => openCase(item.session));
      queueList.appendChild(row);
    }
  }

  function renderButtons() {
    const item = selected ? cases.get(selected) : null;
    const mine = !!item && item.status === "claimed" && item.agent === agent;
    claimButton.disabled = !item || item.status !== "waiting";
    releaseButton.disabled = !mine;
    closeButton.disabled = !mine;
    reply.disabled = !mine;
    replySend.disabled = !mine;
  }

  function line(message) {
    const item = document.createElement("li");
    item.className = message.author;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = message.author === "customer" ? "客户" : message.author === "bot" ? "机器人" : (message.agent || "客服");
    item.append(who, document.createTextNode(message.text));
    transcript.appendChild(item);
    transcript.scrollTop = transcript.scrollHeight;
  }

  function showCase(conversation) {
    selected = conversation.session;
    const item = conversation.handoff;
    if (item) cases.set(item.session, item);
    $("case-title").textContent = "会话 " + conversation.session;
    $("reason").textContent = item ? "转人工原因：" + (reasonNames[item.reason] || item.reason) + (item.cue ? "（" + item.cue + "）" : "") : "";
    transcript.replaceChildren();
    for (const message of conversation.messages) line(message);
    renderQueue();
    renderButtons();
  }

  function request(frame) {
    frame.id = nextId++;
    socket.send(JSON.stringify(frame));
  }

  function openCase(session) { request({ type: "open", session: session }); }

  function receive(frame) {
    switch (frame.type) {
      case "queue":
        cases.clear();
        for (const item of frame.cases) cases.set(item.session, item);
        agent = frame.agent || agent;
        status("已连接，客服：" + agent);
        renderQueue();
        if (selected) openCase(selected);
        break;
      case "case":
        cases.set(frame.case.session, frame.case);
        if (frame.case.session === selected && !(frame.case.status === "waiting" || frame.case.status === "claimed")) {
          $("reason").textContent = frame.case.status === "released" ? "已交还机器人" : "会话已结束";
        }
        renderQueue();
        renderButtons();
        break;
      case "conversation":
        showCase(frame.conversation);
        break;
      case "ok":
        cases.set(frame.case.session, frame.case);
        renderQueue();
        renderButtons();
        break;
      case "message":
        if (frame.session === selected) line(frame.message);
        if (frame.message.author === "customer") $("customer-typing").hidden = true;
        break;
      case "typing":
        if (frame.session === selected) {
          $("customer-typing").hidden = false;
          clearTimeout(typingTimer);
          typingTimer = setTimeout(() => { $("customer-typing").hidden = true; }, 4000);
        }
        break;
      case "sent":
        break;
      case "error":
        if (frame.error.code === "unauthorized") {
          sessionStorage.removeItem("kefu.token");
          token = "";
          $("login-error").textContent = "令牌不正确";
          consoleView.hidden = true;
          login.hidden = false;
        } else {
          status("操作失败：" + frame.error.message);
        }
        break;
    }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + "/api/agent/ws");
    socket.addEventListener("open", () => {
      retry = 0;
      socket.send(JSON.stringify({ type: "hello", token: token, agent: agent }));
    });
    socket.addEventListener("message", (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (error) { return; }
      receive(frame);
    });
    socket.addEventListener("close", () => {
      if (!token) return;
      status("连接已断开，正在重连…");
      const delay = Math.min(30000, 1000 * Math.pow(2, retry)) * (0.75 + Math.random() * 0.5);
      retry += 1;
      setTimeout(connect, delay);
    });
  }

  function start() {
    login.hidden = true;
    consoleView.hidden = false;
    connect();
  }

  login.addEventListener("submit", (event) => {
    event.preventDefault();
    agent = $("name").value.trim();
    token = $("token").value;
    sessionStorage.setItem("kefu.agent", agent);
    sessionStorage.setItem("kefu.token", token);
    $("login-error").textContent = "";
    start();
  });

  claimButton.addEventListener("click", () => request({ type: "claim", session: selected }));
  releaseButton.addEventListener("click", () => request({ type: "release", session: selected }));
  closeButton.addEventListener("click", () => request({ type: "close", session: selected }));

  replyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = reply.value.trim();
    if (!text || !selected) return;
    request({ type: "message", session: selected, text: text });
    reply.value = "";
  });

  reply.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      replyForm.requestSubmit();
    }
  });

  reply.addEventListener("input", () => {
    const now = Date.now();
    if (selected && now - lastTyping > 2000 && socket && socket.readyState === WebSocket.OPEN) {
      lastTyping = now;
      socket.send(JSON.stringify({ type: "typing", session: selected }));
    }
  });

  setInterval(renderQueue, 30000);   // keep the waiting times fresh
  if (token && agent) start();
})();
