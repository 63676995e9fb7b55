// Every form that posts carries the page's CSRF token, including forms written without the
// hidden field (htmx requests get it as a header from hx-headers on <body>). A request the
// server refuses for a stale token or an expired sign-in leaves the typed text in place and
// says what to do, instead of failing silently; the next request fetches the current token
// first, so signing in again in another tab and sending again works from this page.
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
  // The token is tied to the sign-in cookie, so a sign-in in another tab makes this page's
  // token stale. GET /api/session gives this browser's current one (only this origin's
  // pages can read it); it is fetched before the first htmx request after a refusal.
  var stale = false;
  function useToken(fresh) {
    token = fresh;
    if (meta) meta.setAttribute("content", fresh);
    document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRF-Token": fresh }));
    document.querySelectorAll('input[name="csrf_token"]').forEach(function (field) {
      field.value = fresh;
    });
  }
  document.addEventListener("htmx:confirm", function (event) {
    if (!stale) return;
    event.preventDefault();
    fetch("/api/session", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.csrf_token) { useToken(data.csrf_token); stale = false; }
      })
      .catch(function () { /* still signed out or offline: the request says so itself */ })
      .then(function () { event.detail.issueRequest(); });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var note = document.getElementById("auth-problem");
    if (note && event.detail.successful) note.remove();
  });
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status !== 401 && status !== 403) return;
    stale = true;
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
