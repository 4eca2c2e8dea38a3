"use strict";
// The flag view: one flag at a time, answered with the keyboard. Uses common.js.
// The server sends the flags a page at a time: the view walks its queue (status=left: the pending
// flags, then the skipped ones, longest skipped first). `page` holds the queue's flags from
// `offset` on, `position` is the card shown, `total` the queue's length; `focus` is a flag shown
// out of turn (the one an undo brought back).
const pageSize = 50;
const state = {
  page: [], offset: 0, position: 0, total: 0, focus: null, current: null, editing: false, summaryOpen: false,
};

function fillSelect(select, values) {
  const chosen = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const value of values) select.add(new Option(value, value));
  select.value = values.includes(chosen) ? chosen : "";
}

function filters() {
  const parameters = new URLSearchParams();
  for (const name of ["file", "rule", "severity"]) if ($(name).value) parameters.set(name, $(name).value);
  return parameters;
}

/// Loads the page that holds queue position `position` and shows the flag there; past the end
/// of a queue that got shorter, the queue's first flag.
async function load(position) {
  try {
    const offset = Math.floor(Math.max(0, position) / pageSize) * pageSize;
    const parameters = filters();
    parameters.set("status", "left");
    parameters.set("offset", offset);
    parameters.set("limit", pageSize);
    const list = await api("GET", "/api/flags?" + parameters);
    if (position > 0 && position >= list.total) return load(0);
    state.page = list.flags;
    state.offset = offset;
    state.position = Math.max(0, position);
    state.total = list.total;
    fillSelect($("file"), list.files);
    fillSelect($("rule"), list.rules);
    const progress = list.progress;
    $("progress-text").textContent = progress.answered + " / " + progress.total + " answered";
    $("bar").style.width = (progress.total ? 100 * progress.answered / progress.total : 100) + "%";
    render();
    if (state.summaryOpen) await renderSummary();
  } catch (error) {
    say(error.message, true);
  }
}

/// The shown flag again, from the server: after a decision, an undo or another view's changes.
function refresh() {
  return load(state.position);
}

/// `j` and `k`: the next or previous flag left, without answering; a page is fetched when the
/// move leaves the one loaded.
async function move(step) {
  const target = state.position + step;
  state.focus = null;
  if (target < 0 || target >= state.total) {
    render();
    say(target < 0 ? "This is the first flag left." : "This is the last flag left.", true);
    return;
  }
  if (target >= state.offset && target < state.offset + state.page.length) {
    state.position = target;
    render();
  } else {
    await load(target);
  }
}

function render() {
  closeEditor();
  const item = state.focus || state.page[state.position - state.offset] || null;
  state.current = item;
  $("position").textContent = state.focus ? "undone flag" :
    state.total ? "flag " + (state.position + 1) + " of " + state.total + " left" : "";
  $("card").hidden = !item;
  $("done").hidden = !!item;
  if (!item) return;
  $("location").textContent = item.file + ":" + item.line + ":" + item.column;
  $("severity-badge").textContent = item.severity;
  $("severity-badge").className = "badge " + item.severity;
  $("rule-name").textContent = item.rule;
  $("message").textContent = item.message;
  const decision = item.decision;
  $("state").textContent = decision ? "(currently " + decision.action +
    (decision.replacement !== null && decision.replacement !== undefined ? ": “" + decision.replacement + "”" : "") +
    ")" : "";
  const paragraph = $("paragraph");
  paragraph.replaceChildren();
  const context = item.context;
  paragraph.append(context.before);
  const sentence = element("span", undefined, "sentence");
  sentence.append(context.sentenceBefore);
  const mark = element("mark", context.span);
  mark.id = "span";
  sentence.append(mark, context.sentenceAfter);
  paragraph.append(sentence, context.after);
  const list = $("suggestions");
  list.replaceChildren();
  item.suggestions.forEach((suggestion, index) => {
    const entry = element("li");
    const button = element("button", undefined, "suggestion");
    button.type = "button";
    if (index < 9) button.append(element("kbd", String(index + 1)), " ");
    button.append(suggestion === "" ? element("span", "(remove)", "removal") : suggestion);
    button.addEventListener("click", () => accept(index));
    entry.append(button);
    list.append(entry);
  });
  $("no-suggestions").hidden = item.suggestions.length > 0;
  $("accept").disabled = item.suggestions.length === 0;
}

async function decide(action, replacement) {
  const item = state.current;
  if (!item) return;
  const body = { key: item.key, action };
  if (replacement !== undefined) body.replacement = replacement;
  try {
    await api("POST", "/api/decisions", body);
    state.focus = null;
    say(action + ": " + item.file + ":" + item.line + " " + item.rule);
    await refresh();
  } catch (error) {
    say(error.message, true);
  }
}

function accept(index) {
  const item = state.current;
  if (!item) return;
  if (index >= item.suggestions.length) {
    say("No suggestion " + (index + 1) + ": edit (e) or reject (r).", true);
    return;
  }
  decide("accept", item.suggestions[index]);
}

function openEditor() {
  const item = state.current;
  if (!item) return;
  state.editing = true;
  $("editor").hidden = false;
  $("edit-original").textContent = item.text;
  const input = $("edit-input");
  input.value = item.suggestions.length ? item.suggestions[0] : item.text;
  input.focus();
  input.select();
}

function closeEditor() {
  state.editing = false;
  $("editor").hidden = true;
}

async function undo() {
  try {
    const result = await api("POST", "/api/undo");
    state.focus = null;
    if (result.key) {
      // The flag it brought back, if the filters show it: the card shows it until it is answered.
      const parameters = filters();
      parameters.set("key", result.key);
      state.focus = (await api("GET", "/api/flags?" + parameters)).flags[0] || null;
    }
    say(result.key ? "Undone." : "Nothing to undo.", !result.key);
    await refresh();
  } catch (error) {
    say(error.message, true);
  }
}

async function renderSummary() {
  const summary = await api("GET", "/api/summary");
  const section = $("summary");
  section.replaceChildren();
  section.append(element("h2", "Summary"));
  section.append(element("p",
    summary.pending + " unanswered, " + summary.skipped + " skipped, " + summary.accepted + " accepted, " +
    summary.edited + " edited, " + summary.rejected + " rejected, of " + summary.total + " flags."));
  const table = (headings, rows) => {
    const node = element("table");
    const head = element("tr");
    headings.forEach((heading, index) => head.append(element("th", heading, index ? "number" : "")));
    node.append(head);
    for (const row of rows) {
      const line = element("tr");
      row.forEach((cell, index) => line.append(element("td", String(cell), index ? "number" : "")));
      node.append(line);
    }
    return node;
  };
  section.append(element("h3", "Left by file"));
  section.append(table(["file", "left", "flags"], summary.files.map((f) => [f.name, f.left, f.total])));
  section.append(element("h3", "Left by rule, with precision so far (accepted or edited over answered)"));
  section.append(table(["rule", "left", "flags", "accepted", "edited", "rejected", "precision"],
    summary.rules.map((r) => [r.name, r.left, r.total, r.accepted, r.edited, r.rejected,
      r.precision === null || r.precision === undefined ? "–" : Math.round(100 * r.precision) + "%"])));
  await renderSeasons(section);
}

/// Each driver's season as a timeline; the SVG, built and escaped by the server, is parsed
/// as XML (never HTML) and only an <svg> root is taken in. No results view: no seasons.
async function renderSeasons(section) {
  let seasons;
  try {
    seasons = (await api("GET", "/api/seasons")).seasons;
  } catch (error) {
    return;
  }
  section.append(element("h3", "Seasons: final positions by round (solid: verified; hollow: not yet; " +
    "× did not finish, □ did not start)"));
  if (!seasons.length) {
    section.append(element("p", "No final positions with a round in the reviewed articles yet."));
    return;
  }
  const list = element("div", undefined, "seasons");
  for (const season of seasons) {
    const parsed = new DOMParser().parseFromString(season.svg, "image/svg+xml");
    const root = parsed.documentElement;
    if (root.localName !== "svg" || parsed.getElementsByTagName("parsererror").length) continue;
    const figure = element("figure");
    figure.append(document.importNode(root, true));
    figure.append(element("figcaption", season.driver + " " + season.season +
      (season.championship ? " " + season.championship : "") + " · " + season.verified +
      " verified, " + season.unverified + " not yet"));
    list.append(figure);
  }
  section.append(list);
}

async function toggleSummary() {
  state.summaryOpen = !state.summaryOpen;
  $("summary").hidden = !state.summaryOpen;
  if (state.summaryOpen) await renderSummary().catch((error) => say(error.message, true));
}

$("accept").addEventListener("click", () => accept(0));
$("edit").addEventListener("click", openEditor);
$("reject").addEventListener("click", () => decide("reject"));
$("skip").addEventListener("click", () => decide("skip"));
$("undo").addEventListener("click", undo);
$("summary-button").addEventListener("click", toggleSummary);
for (const name of ["file", "rule", "severity"]) {
  $(name).addEventListener("change", () => { state.focus = null; load(0); $(name).blur(); });
}
onEnterOrEscape($("edit-input"), () => {
  const value = $("edit-input").value;
  closeEditor();
  decide("edit", value);
}, closeEditor);
document.addEventListener("keydown", (event) => {
  if (state.editing || window.rxResultsOpen || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement) return;
  const key = event.key;
  if (key === "a") accept(0);
  else if (key >= "1" && key <= "9") accept(Number(key) - 1);
  else if (key === "e") openEditor();
  else if (key === "r") decide("reject");
  else if (key === "s") decide("skip");
  else if (key === "u") undo();
  else if (key === "v") toggleSummary();
  else if (key === "j" || key === "ArrowDown") move(1);
  else if (key === "k" || key === "ArrowUp") move(-1);
  else return;
  event.preventDefault();
});
load(0);
