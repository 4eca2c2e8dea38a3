"use strict";
const filters = ["file", "rule", "severity"].map((name) => document.getElementById(name));
function apply() {
  const [file, rule, severity] = filters.map((select) => select.value);
  let shown = 0;
  for (const section of document.querySelectorAll("section[data-file]")) {
    let visible = 0;
    for (const flag of section.querySelectorAll("li.flag")) {
      const show = (!file || section.dataset.file === file) && (!rule || flag.dataset.rule === rule) &&
        (!severity || flag.dataset.severity === severity);
      flag.hidden = !show;
      if (show) visible += 1;
    }
    section.hidden = visible === 0;
    shown += visible;
  }
  document.getElementById("shown").textContent = shown + " shown";
}
for (const select of filters) select.addEventListener("change", apply);
apply();
