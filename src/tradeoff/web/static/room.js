// tradeoff: the practice room's live parts. The chat arrives over server-sent events read
// from the store (so any app process can serve it); the whiteboard is the vendored
// Excalidraw; unsaved text and board are kept as drafts in localStorage so closing the tab
// loses nothing. Saved versions live on the server.
(function () {
  "use strict";
  const room = document.querySelector("section.room");
  if (!room) return;
  const sessionId = room.dataset.session;
  const log = document.getElementById("chat-log");
  const streamStatus = document.getElementById("stream-status");
  const errorBox = document.getElementById("room-error");

  // --- the chat stream -------------------------------------------------------------------
  let lastId = Number(room.dataset.lastEvent || 0);
  let source = null;
  const received = { turns: 0 }; // read by the browser test: lines that came over the stream

  function fresh(event) {
    const id = Number(event.lastEventId || 0);
    if (id && id <= lastId) return false; // already shown (a reconnect may resend nothing new)
    if (id) lastId = id;
    return true;
  }
  function setStatus(state, text) {
    streamStatus.dataset.state = state;
    streamStatus.textContent = text;
  }
  function connect() {
    source = new EventSource("/practice/" + sessionId + "/events?after=" + lastId);
    source.onopen = () => setStatus("open", "Live.");
    source.addEventListener("turn", (event) => {
      if (!fresh(event)) return;
      log.insertAdjacentHTML("beforeend", event.data);
      log.scrollTop = log.scrollHeight;
      received.turns += 1;
    });
    source.addEventListener("phase", (event) => {
      if (!fresh(event)) return;
      const bar = document.getElementById("phasebar");
      if (bar) bar.outerHTML = event.data;
      document.dispatchEvent(new Event("tradeoff:phase"));
    });
    source.addEventListener("version", (event) => {
      if (!fresh(event)) return;
      const data = JSON.parse(event.data);
      // Drafts written from now on build on this version of the artefact it saved.
      if (data.source === "whiteboard") base.board = String(data.version);
      else if (data.source === "editor") base.text = String(data.version);
    });
    source.addEventListener("end", (event) => {
      source.close();
      window.location.assign(event.data);
    });
    source.onerror = () => {
      // The browser retries by itself (sending Last-Event-ID) unless the stream was refused.
      if (source.readyState === EventSource.CLOSED) {
        setStatus("closed", "Reconnecting…");
        setTimeout(connect, 2000);
      } else {
        setStatus("connecting", "Reconnecting…");
      }
    };
  }
  window.tradeoffStream = received;
  connect();

  // A refused action (an empty turn, the last phase) says why instead of failing silently.
  document.body.addEventListener("htmx:responseError", (event) => {
    const xhr = event.detail.xhr;
    const doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
    const message = doc.querySelector(".message");
    errorBox.textContent = message ? message.textContent : "The server said " + xhr.status + ".";
    errorBox.hidden = false;
  });
  document.body.addEventListener("htmx:beforeRequest", () => { errorBox.hidden = true; });

  // --- drafts ----------------------------------------------------------------------------
  // A draft remembers which saved version of its artefact it started from; one older than
  // the version the server now has (saved from another tab) is dropped, not restored.
  const base = { text: room.dataset.textVersion, board: room.dataset.boardVersion };
  const key = (what) => "tradeoff:" + sessionId + ":" + what;
  function saveDraft(what, value, base) {
    try {
      localStorage.setItem(key(what), JSON.stringify({ value: value, base: base }));
    } catch (err) { /* storage full or disabled: the saved versions still hold the work */ }
  }
  function readDraft(what, base) {
    try {
      const draft = JSON.parse(localStorage.getItem(key(what)) || "null");
      // A draft older than the last saved version (saved from another tab) is dropped.
      return draft && draft.base === base ? draft.value : null;
    } catch (err) {
      return null;
    }
  }
  const dropDraft = (what) => localStorage.removeItem(key(what));

  const editor = document.getElementById("design");
  if (editor) {
    const draft = readDraft("text", base.text);
    if (draft !== null && draft !== editor.value) {
      editor.value = draft;
      document.getElementById("save-status").textContent = "Unsaved draft restored.";
    }
    editor.addEventListener("input", () => saveDraft("text", editor.value, base.text));
  }

  // --- the whiteboard ------------------------------------------------------------------
  const boardForm = document.getElementById("board-form");
  const boardStatus = document.getElementById("board-status");
  const boardBox = document.getElementById("board");
  const savedBoard = JSON.parse(document.getElementById("board-data").textContent || '""');
  let api = null;

  function sceneJson() {
    if (!api) return "";
    return window.ExcalidrawLib.serializeAsJSON(
      api.getSceneElements(), api.getAppState(), api.getFiles(), "local"
    );
  }
  function mountBoard() {
    if (!window.ExcalidrawLib || !window.React || !window.ReactDOM) {
      boardBox.textContent = "The whiteboard could not load; the text editor still works.";
      return;
    }
    const draft = readDraft("board", base.board);
    const scene = draft || savedBoard;
    let initialData = null;
    if (scene) {
      try {
        const parsed = JSON.parse(scene);
        initialData = { elements: parsed.elements || [], files: parsed.files || {},
          appState: { viewBackgroundColor: "#ffffff" }, scrollToContent: true };
        if (draft) boardStatus.textContent = "Unsaved board draft restored.";
      } catch (err) {
        boardStatus.textContent = "The saved board could not be read: " + err.message;
      }
    }
    let last = null;
    const element = window.React.createElement(window.ExcalidrawLib.Excalidraw, {
      initialData: initialData,
      excalidrawAPI: (ready) => { api = ready; window.tradeoffBoard = ready; },
      onChange: (elements) => {
        // onChange also fires on pointer moves; only a changed drawing is a draft.
        const version = window.ExcalidrawLib.getSceneVersion(elements);
        if (last !== null && version !== last) saveDraft("board", sceneJson(), base.board);
        last = version;
      },
      UIOptions: { canvasActions: { loadScene: true, export: false, saveToActiveFile: false } },
    });
    boardBox.textContent = "";
    window.ReactDOM.createRoot(boardBox).render(element);
  }
  mountBoard();

  // The board form's hidden field is filled as it is submitted (capture runs before htmx).
  document.addEventListener("submit", (event) => {
    if (event.target === boardForm) boardForm.elements.board.value = sceneJson();
  }, true);
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (!event.detail.successful) return;
    if (event.detail.elt === boardForm) dropDraft("board");
    if (event.detail.elt && event.detail.elt.id === "text-form") dropDraft("text");
  });
})();
