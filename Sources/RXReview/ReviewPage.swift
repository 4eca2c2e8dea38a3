/// The review page: one self-contained document (inline CSS and JS under a per-response nonce, no
/// external assets). It holds no article text: the script fetches flags from the API and inserts
/// every piece of article text with `textContent`, so markup in an article stays text.
enum ReviewPage {
    static func html(nonce: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>rxtext review</title>
        <style nonce="\(nonce)">\(css)\(ResultsPage.css)</style>
        </head>
        <body>
        <header>
          <h1>rxtext review</h1>
          <div class="progress" title="answered / flags in view"><div id="bar"></div></div>
          <span id="progress-text">…</span>
          <button id="summary-button" type="button" title="summary of what is left (v)">Summary <kbd>v</kbd></button>
          <button id="results-button" type="button" title="the article's race record (t)">Results <kbd>t</kbd></button>
        </header>
        <nav>
          <label>File <select id="file"><option value="">all files</option></select></label>
          <label>Rule <select id="rule"><option value="">all rules</option></select></label>
          <label>Severity <select id="severity"><option value="">all</option><option>error</option>\
        <option>warning</option><option>info</option></select></label>
        </nav>
        <main>
          <section id="card" hidden>
            <div class="meta"><span id="location"></span> <span id="severity-badge" class="badge"></span> \
        <code id="rule-name"></code> <span id="state"></span></div>
            <p id="message"></p>
            <blockquote id="paragraph"></blockquote>
            <ol id="suggestions"></ol>
            <p id="no-suggestions" hidden>No suggestion: edit the span (e) or reject the flag (r).</p>
            <div id="editor" hidden>
              <label>Replace “<span id="edit-original"></span>” with
              <input id="edit-input" type="text" autocomplete="off" spellcheck="true"></label>
              <span class="hint"><kbd>Enter</kbd> save · <kbd>Esc</kbd> cancel</span>
            </div>
            <div class="actions">
              <button type="button" id="accept"><kbd>a</kbd> accept</button>
              <button type="button" id="edit"><kbd>e</kbd> edit</button>
              <button type="button" id="reject"><kbd>r</kbd> reject (false alarm)</button>
              <button type="button" id="skip"><kbd>s</kbd> skip</button>
              <button type="button" id="undo"><kbd>u</kbd> undo</button>
            </div>
          </section>
          <section id="done" hidden>
            <h2>Nothing left to review here.</h2>
            <p>Every flag in view has an answer. <kbd>u</kbd> undoes the last one; the summary (<kbd>v</kbd>) shows \
        the rest of the corpus. <code>rxtext clean FILE</code> applies the accepted and edited spans.</p>
          </section>
          \(ResultsPage.section)
          <section id="summary" hidden></section>
          <p id="status" role="status"></p>
        </main>
        <footer><kbd>a</kbd>/<kbd>1</kbd>–<kbd>9</kbd> accept a suggestion · <kbd>e</kbd> edit · <kbd>r</kbd> reject · \
        <kbd>s</kbd> skip · <kbd>u</kbd> undo · <kbd>v</kbd> summary</footer>
        <script nonce="\(nonce)">\(script)</script>
        <script nonce="\(nonce)">\(ResultsPage.script)</script>
        </body>
        </html>
        """
    }

    static let css = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #2458d6; --mark: #ffe08a;
          --error: #c62828; --warning: #b26a00; --info: #2e7d32; font-family: system-ui, sans-serif; color: var(--ink); }
        body { margin: 0; background: #f5f6f8; }
        header { display: flex; gap: 1rem; align-items: center; padding: .7rem 1.5rem; background: #fff;
          border-bottom: 1px solid var(--line); }
        h1 { font-size: 1.1rem; margin: 0; }
        .progress { flex: 1; height: .6rem; background: var(--line); border-radius: .3rem; overflow: hidden; }
        #bar { height: 100%; width: 0; background: var(--accent); transition: width .2s; }
        nav { display: flex; gap: 1.2rem; padding: .6rem 1.5rem; font-size: .9rem; color: var(--muted); }
        main { max-width: 56rem; margin: 0 auto; padding: 0 1.5rem 2rem; }
        section { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.4rem;
          margin-top: .8rem; }
        .meta { font-size: .85rem; color: var(--muted); }
        .badge { text-transform: uppercase; font-size: .7rem; font-weight: 700; padding: .1rem .4rem;
          border-radius: .2rem; color: #fff; }
        .badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
        .badge.info { background: var(--info); }
        #message { font-weight: 600; }
        blockquote { margin: 0; padding: .8rem 1rem; background: #fafbfc; border-left: 4px solid var(--line);
          line-height: 1.6; white-space: pre-wrap; }
        .sentence { background: #eef3ff; }
        mark { background: var(--mark); padding: 0 .1rem; border-radius: .15rem; font-weight: 600; }
        #suggestions { padding-left: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; }
        #suggestions button, .actions button, header button { font: inherit; border: 1px solid var(--line);
          background: #fff; border-radius: .35rem; padding: .35rem .7rem; cursor: pointer; }
        #suggestions button:hover, .actions button:hover { border-color: var(--accent); }
        .removal { font-style: italic; color: var(--muted); }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .8rem; }
        kbd { font-family: ui-monospace, monospace; font-size: .8em; border: 1px solid var(--line);
          border-bottom-width: 2px; border-radius: .2rem; padding: 0 .3rem; background: #fff; }
        #editor input { font: inherit; width: 20rem; padding: .3rem; }
        .hint { color: var(--muted); font-size: .85rem; margin-left: .5rem; }
        #status { color: var(--muted); min-height: 1.2rem; } #status.problem { color: var(--error); }
        #state { font-style: italic; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; font-size: .9rem; }
        th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        footer { text-align: center; color: var(--muted); font-size: .8rem; padding: 1rem; }
        """

    static let script = """
        "use strict";
        const token = new URLSearchParams(location.search).get("token") || "";
        const state = { flags: [], current: null, focus: null, editing: false, summaryOpen: false };
        const $ = (id) => document.getElementById(id);

        function element(tag, text, className) {
          const node = document.createElement(tag);
          if (text !== undefined) node.textContent = text;
          if (className) node.className = className;
          return node;
        }

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

        function say(message, problem) {
          $("status").textContent = message;
          $("status").className = problem ? "problem" : "";
        }

        function fillSelect(select, values) {
          const chosen = select.value;
          while (select.options.length > 1) select.remove(1);
          for (const value of values) select.add(new Option(value, value));
          select.value = values.includes(chosen) ? chosen : "";
        }

        function query() {
          const parameters = new URLSearchParams();
          for (const name of ["file", "rule", "severity"]) if ($(name).value) parameters.set(name, $(name).value);
          return parameters.toString();
        }

        async function refresh() {
          try {
            const list = await api("GET", "/api/flags?" + query());
            state.flags = list.flags;
            fillSelect($("file"), list.files);
            fillSelect($("rule"), list.rules);
            $("progress-text").textContent = list.answered + " / " + list.total + " answered";
            $("bar").style.width = (list.total ? 100 * list.answered / list.total : 100) + "%";
            render();
            if (state.summaryOpen) await renderSummary();
          } catch (error) {
            say(error.message, true);
          }
        }

        /// Unanswered flags first, then skipped ones, longest skipped first.
        function queue() {
          const pending = state.flags.filter((flag) => !flag.decision);
          const skipped = state.flags.filter((flag) => flag.decision && flag.decision.action === "skip");
          skipped.sort((a, b) => (a.decision.decidedAt < b.decision.decidedAt ? -1 : 1));
          return pending.concat(skipped);
        }

        function render() {
          closeEditor();
          const focused = state.focus && state.flags.find((flag) => flag.key === state.focus);
          const item = focused || queue()[0] || null;
          state.current = item;
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
            state.focus = result.key;
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
          $(name).addEventListener("change", () => { state.focus = null; refresh(); $(name).blur(); });
        }
        $("edit-input").addEventListener("keydown", (event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            const value = $("edit-input").value;
            closeEditor();
            decide("edit", value);
          } else if (event.key === "Escape") {
            event.preventDefault();
            closeEditor();
          }
        });
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
          else return;
          event.preventDefault();
        });
        refresh();
        """
}
