// Every form that posts carries the page's CSRF token, including forms written without the
// hidden field (htmx requests get it as a header from hx-headers on <body>). A request the
// server refuses for a stale token or an expired sign-in leaves the typed text in place and
// says what to do, instead of failing silently.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute("content") : "";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") return;
    if (form.querySelector('input[name="csrf_token"]')) return;
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "csrf_token";
    field.value = token;
    form.appendChild(field);
  }, true);
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status !== 401 && status !== 403) return;
    var note = document.getElementById("auth-problem");
    if (!note) {
      note = document.createElement("p");
      note.id = "auth-problem";
      note.className = "form-error";
      note.setAttribute("role", "alert");
      document.querySelector("main").prepend(note);
    }
    note.textContent = status === 401
      ? "Your sign-in has expired. Sign in again in another tab, then send again: your text is still here."
      : "This page is out of date. Copy your text, reload the page, and send it again.";
  });
})();
