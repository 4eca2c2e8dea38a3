"use strict";
// The results view: the article's text beside its race record. Uses common.js and the flag view's
// `state` and `refresh` (review.js).
(() => {
  const results = { open: false, view: null, selected: 0, form: null };
  window.rxResultsOpen = false;
  const cell = (text, className) =>
    element("td", text === null || text === undefined ? "" : String(text), className);
  async function load(file) {
    try {
      results.view = await api("GET", "/api/results?file=" + encodeURIComponent(file || ""));
      const select = $("results-file");
      select.replaceChildren(...results.view.files.map((name) => new Option(name, name)));
      select.value = results.view.file;
      results.selected = Math.min(results.selected, Math.max(0, results.view.results.length - 1));
      draw();
    } catch (error) {
      say(error.message, true);
    }
  }
  function draw() {
    const view = results.view;
    $("results-progress").textContent = view.decided + " / " + view.results.length + " results decided";
    const body = $("results-table").tBodies[0];
    body.replaceChildren();
    view.results.forEach((result, index) => {
      const row = document.createElement("tr");
      const decision = result.decision;
      const shown = decision && decision.action === "correct" ? Object.assign({}, result,
        Object.fromEntries(Object.entries(decision).filter(([, value]) => value !== null && value !== undefined)))
        : result;
      const name = cell(shown.driver);
      if (result.glossaryEntry) {
        const unknown = document.createElement("span");
        unknown.className = "unknown";
        unknown.textContent = "not in glossary";
        name.append(unknown);
      }
      row.append(cell(index + 1), name, cell(shown.stage),
        cell(shown.position === null || shown.position === undefined ? (result.outcome || "") : shown.position),
        cell(shown.event), cell(shown.raceClass), cell(result.cue || "editor"),
        cell(decision ? decision.action : "", "decision"));
      row.dataset.key = result.key;
      if (index === results.selected) row.className = "selected";
      row.addEventListener("click", () => { results.selected = index; draw(); });
      body.append(row);
    });
    const text = $("article-text");
    text.replaceChildren();
    const current = view.results[results.selected];
    $("add-driver").disabled = !(current && current.glossaryEntry);
    if (!current) {
      text.append(view.text);
      return;
    }
    const mark = document.createElement("mark");
    mark.id = "evidence";
    mark.textContent = view.text.slice(current.from, current.to);
    text.append(view.text.slice(0, current.from), mark, view.text.slice(current.to));
    mark.scrollIntoView({ block: "nearest" });
  }
  function move(step) {
    if (!results.view || !results.view.results.length) return;
    const count = results.view.results.length;
    results.selected = (results.selected + step + count) % count;
    draw();
  }
  async function decide(body) {
    try {
      await api("POST", "/api/result-decisions", Object.assign({ file: results.view.file }, body));
      say(body.action + ": " + results.view.file);
      const before = results.view.results.length;
      await load(results.view.file);
      if (body.action !== "add" && results.view.results.length === before) move(1);
    } catch (error) {
      say(error.message, true);
    }
  }
  function decideSelected(action) {
    const current = results.view && results.view.results[results.selected];
    if (!current) return;
    if (current.decision && current.decision.action === "add") {
      say("An added result is undone with u.", true);
      return;
    }
    decide({ key: current.key, action });
  }
  /// The selection inside the article as UTF-16 offsets of its text, or null.
  function selection() {
    const chosen = window.getSelection();
    const container = $("article-text");
    if (!chosen || chosen.rangeCount === 0 || chosen.isCollapsed) return null;
    const range = chosen.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    const from = before.toString().length;
    return { from, to: from + range.toString().length, text: range.toString() };
  }
  function openForm(kind) {
    const current = results.view && results.view.results[results.selected];
    let selected = null;
    if (kind === "add") {
      selected = selection();
      if (!selected) {
        say("Select the words of the missing result in the article first, then press n.", true);
        return;
      }
    } else if (!current) {
      return;
    }
    results.form = { kind, selected, key: current ? current.key : null };
    $("result-form-title").textContent = kind === "add" ? "Add: “" + selected.text + "”" : "Correct result " +
      (results.selected + 1);
    const names = selected ? selected.text.match(/\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/u) : null;
    $("rf-driver").value = kind === "add" ? (names ? names[0] : "") : current.driver;
    $("rf-stage").value = kind === "add" ? "final" : current.stage;
    $("rf-position").value = kind === "add" || current.position === null ? "" : current.position;
    $("rf-event").value = kind === "add" ? (current ? current.event || "" : "") : current.event || "";
    $("rf-class").value = kind === "add" ? "" : current.raceClass || "";
    $("result-form").hidden = false;
    $("rf-driver").focus();
  }
  function closeForm() {
    results.form = null;
    $("result-form").hidden = true;
  }
  function submitForm() {
    const form = results.form;
    if (!form) return;
    closeForm();
    const position = $("rf-position").value.trim();
    const body = { action: form.kind === "add" ? "add" : "correct", driver: $("rf-driver").value.trim(),
      stage: $("rf-stage").value, event: $("rf-event").value.trim(), class: $("rf-class").value.trim() };
    if (position) body.position = Number(position);
    if (form.kind === "add") {
      body.from = form.selected.from;
      body.to = form.selected.to;
    } else {
      body.key = form.key;
    }
    decide(body);
  }
  function openDriverForm() {
    const current = results.view && results.view.results[results.selected];
    if (!current) return;
    const entry = current.glossaryEntry;
    if (!entry) {
      say("The glossaries know this driver" + (current.decision && current.decision.action === "reject" ?
        " (or the result is rejected)." : "."), true);
      return;
    }
    results.form = { kind: "driver" };
    $("df-name").value = entry.name;
    $("df-id").value = entry.id;
    $("df-nationality").value = entry.nationality || "";
    $("df-aliases").value = "";
    $("driver-form").hidden = false;
    $("df-nationality").focus();
  }
  function closeDriverForm() {
    results.form = null;
    $("driver-form").hidden = true;
  }
  async function submitDriverForm() {
    const aliases = $("df-aliases").value.split(",").map((alias) => alias.trim()).filter((alias) => alias);
    const body = { name: $("df-name").value.trim(), id: $("df-id").value.trim(),
      nationality: $("df-nationality").value.trim(), aliases };
    try {
      const added = await api("POST", "/api/glossary/drivers", body);
      closeDriverForm();
      say("Added " + added.id + " to " + added.file + (added.reloaded ? "; the results now know the driver" : "") +
        "; " + added.note + ".");
      await load(results.view.file);
    } catch (error) {
      // The form stays open: the editor fixes the field the glossary check names.
      say(error.message, true);
    }
  }
  async function undo() {
    try {
      const result = await api("POST", "/api/undo");
      say(result.key ? "Undone." : "Nothing to undo.", !result.key);
      await load(results.view.file);
    } catch (error) {
      say(error.message, true);
    }
  }
  function toggle() {
    results.open = !results.open;
    window.rxResultsOpen = results.open;
    document.body.classList.toggle("results-mode", results.open);
    $("results-view").hidden = !results.open;
    if (results.open) load(results.view ? results.view.file : "");
    else refresh();
  }
  function article(step) {
    const files = results.view.files;
    const index = files.indexOf(results.view.file);
    if (index < 0 || !files.length) return;
    results.selected = 0;
    load(files[(index + step + files.length) % files.length]);
  }
  $("results-button").addEventListener("click", toggle);
  $("results-file").addEventListener("change", () => { results.selected = 0; load($("results-file").value); });
  onEnterOrEscape($("result-form"), submitForm, closeForm);
  $("result-form").addEventListener("submit", (event) => { event.preventDefault(); submitForm(); });
  $("add-driver").addEventListener("click", openDriverForm);
  onEnterOrEscape($("driver-form"), submitDriverForm, closeDriverForm);
  $("driver-form").addEventListener("submit", (event) => { event.preventDefault(); submitDriverForm(); });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || results.form) return;
    if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement) return;
    const key = event.key;
    if (key === "t" && !state.editing) toggle();
    else if (!results.open) return;
    else if (key === "j" || key === "ArrowDown") move(1);
    else if (key === "k" || key === "ArrowUp") move(-1);
    else if (key === "a") decideSelected("accept");
    else if (key === "r") decideSelected("reject");
    else if (key === "c") openForm("correct");
    else if (key === "n") openForm("add");
    else if (key === "g") openDriverForm();
    else if (key === "u") undo();
    else if (key === "]") article(1);
    else if (key === "[") article(-1);
    else return;
    event.preventDefault();
  });
})();
