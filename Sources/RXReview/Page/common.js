"use strict";
// What the flag view (review.js) and the results view (results.js) share. The page's scripts run
// in this order under one nonce; these are the names they have in common.
const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);

/// A new element with `text` (as text, never markup) and a class.
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/// The server's JSON API with the page's token; a refusal becomes an Error with the server's words.
async function api(method, path, body) {
  const options = { method, cache: "no-store", headers: { "X-RXText-Token": token } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

/// The status line under the views; `problem` shows it as an error.
function say(message, problem) {
  $("status").textContent = message;
  $("status").className = problem ? "problem" : "";
}

/// Enter and Esc in `node` (a form or a field) call `enter` and `escape`, and nothing else.
function onEnterOrEscape(node, enter, escape) {
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      enter();
    } else if (event.key === "Escape") {
      event.preventDefault();
      escape();
    }
  });
}
