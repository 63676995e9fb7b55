// tradeoff: Mermaid drawing (scorecards, live preview) and the practice room's clock.
(function () {
  "use strict";
  const ready = () => typeof window.mermaid !== "undefined";
  if (ready()) window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

  function drawScorecardDiagrams(root) {
    if (!ready()) return;
    const nodes = (root || document).querySelectorAll("pre.mermaid:not([data-processed])");
    if (nodes.length) window.mermaid.run({ nodes: Array.from(nodes), suppressErrors: true });
  }

  // The editor's preview: each ```mermaid fence drawn, or what could not be read.
  function fences(text) {
    const out = [];
    const re = /^```mermaid[^\n]*\n([\s\S]*?)^```/gm;
    let m;
    while ((m = re.exec(text)) !== null) out.push(m[1]);
    return out;
  }
  let counter = 0;
  async function preview(editor, box) {
    if (!ready()) return;
    const sources = fences(editor.value);
    const parts = [];
    for (const src of sources) {
      counter += 1;
      try {
        const { svg } = await window.mermaid.render("preview-" + counter, src);
        parts.push('<div class="diagram">' + svg + "</div>");
      } catch (err) {
        const div = document.createElement("div");
        div.className = "bad";
        div.textContent = "This diagram could not be read: " + (err && err.message ? err.message : err);
        parts.push(div.outerHTML);
      }
    }
    box.innerHTML = parts.join("");
  }

  // The clock: time left in the phase and overall, from the server's start times.
  function fmt(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function tick() {
    const bar = document.getElementById("phasebar");
    const out = document.getElementById("phase-clock");
    if (!bar || !out) return;
    const now = Date.now() / 1000;
    const phaseLeft = Date.parse(bar.dataset.phaseStarted) / 1000 + Number(bar.dataset.phaseBudget) - now;
    const left = Date.parse(bar.dataset.started) / 1000 + Number(bar.dataset.minutes) * 60 - now;
    const current = bar.querySelector("li.current");
    out.textContent = (current ? current.textContent : "") + " · " + fmt(phaseLeft) +
      " left in phase" + (phaseLeft < 0 ? " (over time)" : "") + " · " + fmt(left) + " left";
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawScorecardDiagrams(document);
    const editor = document.getElementById("design");
    const box = document.getElementById("preview");
    if (editor && box) {
      let timer = null;
      editor.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(() => preview(editor, box), 400);
      });
      preview(editor, box);
    }
    if (document.getElementById("phasebar")) { tick(); setInterval(tick, 1000); }
    const log = document.getElementById("chat-log");
    if (log) log.scrollTop = log.scrollHeight;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    const log = document.getElementById("chat-log");
    if (log && event.detail.target === log) log.scrollTop = log.scrollHeight;
    tick();
  });
})();
