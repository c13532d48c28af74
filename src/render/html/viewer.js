"use strict";
// The read-only roadmap viewer of an exported HTML file. Every piece of the plan's
// text is set with textContent: nothing the plan holds is ever parsed as markup.
(function () {
  const plan = JSON.parse(document.getElementById("plan").textContent);
  const items = new Map(plan.items.map((i) => [i.id, i]));
  const goals = new Map(plan.objectives.map((o) => [o.id, o.name]));
  const lanes = new Map(plan.lanes.map((l) => [l.id, l.name]));
  const scroller = document.getElementById("scroller");
  const svg = scroller.querySelector("svg");
  const bars = Array.from(svg.querySelectorAll("[data-item-id]")).filter((g) => items.has(g.dataset.itemId));
  const $ = (id) => document.getElementById(id);
  const words = (s) => String(s || "").replace(/_/g, " ");

  function fill(select, entries) {
    for (const [id, name] of entries) {
      const o = document.createElement("option");
      o.value = id;
      o.textContent = name;
      select.append(o);
    }
  }
  fill($("lane-filter"), lanes);
  fill($("goal-filter"), goals);

  // Bars are reachable from the keyboard and named for screen readers.
  for (const g of bars) {
    const it = items.get(g.dataset.itemId);
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", it.title);
  }

  function filter() {
    const lane = $("lane-filter").value;
    const goal = $("goal-filter").value;
    for (const g of bars) {
      const it = items.get(g.dataset.itemId);
      const shown = (!lane || it.lane === lane) && (!goal || it.objectives.includes(goal));
      g.classList.toggle("dimmed", !shown);
    }
  }
  $("lane-filter").addEventListener("change", filter);
  $("goal-filter").addEventListener("change", filter);

  function dates(it) {
    return it.start && it.end ? `${it.start} – ${it.end}` : "Not scheduled";
  }

  function show(id) {
    const it = items.get(id);
    if (!it) return;
    for (const g of bars) g.classList.toggle("chosen", g.dataset.itemId === id);
    $("why-lane").textContent = `${lanes.get(it.lane) || it.lane} · ${words(it.kind)} · ${words(it.status)}`;
    $("why-title").textContent = it.title;
    $("why-dates").textContent = dates(it);
    const list = $("why-goals");
    list.replaceChildren();
    for (const o of it.objectives) {
      const li = document.createElement("li");
      li.textContent = goals.get(o) || o;
      list.append(li);
    }
    if (!it.objectives.length) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = "No goal linked yet.";
      list.append(li);
    }
    $("why-impact").textContent = it.expected_impact || "—";
    $("why-tradeoff").textContent = it.tradeoff || "—";
    const n = it.feedback_count;
    $("why-feedback").textContent = n === 0 ? "None linked" : `${n} piece${n === 1 ? "" : "s"} of feedback`;
    $("why").hidden = false;
  }

  function hide() {
    $("why").hidden = true;
    for (const g of bars) g.classList.remove("chosen");
  }
  $("why-close").addEventListener("click", hide);

  const barOf = (e) => e.target.closest && e.target.closest("[data-item-id]");
  svg.addEventListener("click", (e) => {
    const g = barOf(e);
    if (g && items.has(g.dataset.itemId)) show(g.dataset.itemId);
  });
  svg.addEventListener("keydown", (e) => {
    const g = barOf(e);
    if (g && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      show(g.dataset.itemId);
    }
  });

  const tip = $("tip");
  svg.addEventListener("mousemove", (e) => {
    const g = barOf(e);
    const it = g && items.get(g.dataset.itemId);
    if (!it) {
      tip.hidden = true;
      return;
    }
    const b = document.createElement("b");
    b.textContent = it.title;
    const why = it.objectives.map((o) => goals.get(o) || o).join("; ");
    tip.replaceChildren(b, document.createTextNode(why ? `Serves: ${why}` : "No goal linked yet"));
    tip.hidden = false;
    tip.style.left = `${Math.min(e.clientX + 14, window.innerWidth - 330)}px`;
    tip.style.top = `${e.clientY + 14}px`;
  });
  svg.addEventListener("mouseleave", () => (tip.hidden = true));

  // Zoom scales the picture (it is vector); the scroller keeps its place.
  const natural = svg.viewBox.baseVal.width || svg.getBoundingClientRect().width;
  let zoom = 1;
  function setZoom(z) {
    zoom = Math.min(4, Math.max(0.25, z));
    svg.style.width = `${natural * zoom}px`;
    $("zoom-level").textContent = `${Math.round(zoom * 100)}%`;
  }
  const fit = () => setZoom((scroller.clientWidth - 34) / natural);
  $("zoom-in").addEventListener("click", () => setZoom(zoom * 1.25));
  $("zoom-out").addEventListener("click", () => setZoom(zoom / 1.25));
  $("zoom-fit").addEventListener("click", fit);
  scroller.addEventListener(
    "wheel",
    (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setZoom(zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
    },
    { passive: false },
  );
  document.addEventListener("keydown", (e) => {
    if (e.target instanceof HTMLSelectElement) return;
    if (e.key === "+" || e.key === "=") setZoom(zoom * 1.25);
    else if (e.key === "-") setZoom(zoom / 1.25);
    else if (e.key === "0") fit();
    else if (e.key === "Escape") hide();
  });
  setZoom(Math.min(1, (scroller.clientWidth - 34) / natural) || 1);
})();
