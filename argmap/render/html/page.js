// argmap's page: the essay, the map and the findings linked both ways. No network, no eval,
// no HTML built from strings: what is shown is set with textContent.
(function () {
  "use strict";
  var block = document.querySelector('script[type="application/json"][data-argmap]');
  var data = JSON.parse(block.textContent);
  var elements = new Map(Object.keys(data.elements).map(function (k) { return [k, data.elements[k]]; }));
  var findings = data.findings;
  var body = document.body;
  var mapBox = document.querySelector(".map");
  var svg = mapBox ? mapBox.querySelector("svg") : null;
  var panel = document.querySelector(".selection-pane");

  function each(list, action) { Array.prototype.forEach.call(list, action); }
  function push(table, key, value) {
    if (!table.has(key)) table.set(key, []);
    table.get(key).push(value);
  }

  // Element id -> its passages in the essay, its group in the drawing, its findings' items.
  var passages = new Map();
  each(document.querySelectorAll(".essay .passage[data-statement]"), function (mark) {
    push(passages, mark.getAttribute("data-statement"), mark);
  });
  var items = new Map();
  each(document.querySelectorAll(".findings [data-target]"), function (item) {
    push(items, item.getAttribute("data-target"), item);
  });
  var groups = new Map();
  if (svg) {
    each(svg.querySelectorAll("g.node[id]"), function (g) {
      if (elements.has(g.id)) groups.set(g.id, g);
    });
    each(svg.querySelectorAll("g.edge[id]"), function (g) {
      if (elements.has(g.id) && !groups.has(g.id)) groups.set(g.id, g);
    });
    groups.forEach(function (g) {
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
    });
  }

  function elementOf(g) {
    if (elements.has(g.id)) return g.id;
    var base = g.id.split(":")[0];
    return elements.has(base) ? base : null;
  }

  function clear() {
    each(document.querySelectorAll(".selected, .near, .related"), function (el) {
      el.classList.remove("selected", "near", "related");
    });
  }

  function centre(box, target) {
    var outer = box.getBoundingClientRect();
    var inner = target.getBoundingClientRect();
    box.scrollLeft += inner.left - outer.left - (outer.width - inner.width) / 2;
    box.scrollTop += inner.top - outer.top - (outer.height - inner.height) / 2;
  }

  function add(parent, tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  var current = null;

  function show(id) {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    if (id === null) {
      add(panel, "p", "hint", "Choose a marked passage, a box or a line to see what the map says about it.");
      return;
    }
    var el = elements.get(id);
    var student = body.classList.contains("view-student");
    var head = add(panel, "h3", null, el.kind.charAt(0).toUpperCase() + el.kind.slice(1));
    if (!student) add(head, "span", "id", id);
    if (el.text) add(panel, "p", "text", el.text);
    if (el.words) {
      add(panel, "q", "words", el.words);
      if (!passages.has(id)) add(panel, "p", "note", "Its quote is not found in the essay shown.");
    } else {
      add(panel, "p", "note", "The map quotes no passage of the essay for it.");
    }
    if (!el.drawn) add(panel, "p", "note", "Not drawn in this view of the map (draw it with --focus).");
    var list = add(panel, "ul", "findings-of");
    var shown = 0;
    el.findings.forEach(function (index) {
      var f = findings[index];
      if (student && !f.weak) return;
      var li = add(list, "li", f.weak ? "weakness" : "remark");
      add(li, "span", "symbol", f.symbol + " ");
      if (!student) add(li, "span", "code", f.code + " ");
      add(li, "span", "words-title", f.words);
      if (!student) {
        add(li, "p", "message", f.message);
        if (f.hint) add(li, "p", "fix", f.hint);
      }
      shown += 1;
    });
    if (!shown) add(list, "li", "sound", "✓ Nothing flagged here.");
  }

  function select(id, how) {
    if (!elements.has(id)) return false;
    clear();
    current = id;
    var el = elements.get(id);
    var marks = passages.get(id) || [];
    marks.forEach(function (m) { m.classList.add("selected"); });
    var near = [];
    if (!marks.length) {
      el.near.forEach(function (other) {
        (passages.get(other) || []).forEach(function (m) { m.classList.add("near"); near.push(m); });
      });
    }
    var g = groups.get(id);
    if (g) g.classList.add("selected");
    (items.get(id) || []).forEach(function (item) { item.classList.add("related"); });
    show(id);
    var first = marks[0] || near[0];
    if (how.essay && first) first.scrollIntoView({ block: "center" });
    if (how.map && g && mapBox) centre(mapBox, g);
    if (how.hash !== false) {
      try { history.replaceState(null, "", "#" + encodeURIComponent(id)); } catch (e) { /* a sandboxed page */ }
    }
    return true;
  }

  function activate(target) {
    var mark = target.closest(".passage[data-statement]");
    if (mark && !mark.classList.contains("sample")) {
      return select(mark.getAttribute("data-statement"), { map: true });
    }
    var item = target.closest("[data-target]");
    if (item) return select(item.getAttribute("data-target"), { essay: true, map: true });
    var g = svg && target.closest ? target.closest("g.node[id], g.edge[id]") : null;
    if (g && svg.contains(g)) {
      var id = elementOf(g);
      if (id !== null) return select(id, { essay: true });
    }
    return false;
  }

  document.addEventListener("click", function (event) {
    if (activate(event.target)) event.preventDefault();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var t = event.target;
    if (!t || !t.closest) return;
    if (t.closest(".passage[data-statement], [data-target]") || (svg && t.closest("g[tabindex]"))) {
      if (activate(t)) event.preventDefault();
    }
  });

  // The view (coach or student), the filter, the zoom, print.
  each(document.querySelectorAll('input[name="view"]'), function (radio) {
    radio.addEventListener("change", function () {
      body.classList.toggle("view-student", radio.value === "student" && radio.checked);
      body.classList.toggle("view-coach", !(radio.value === "student" && radio.checked));
      show(current);
    });
  });
  var filter = document.querySelector('input[name="only-flagged"]');
  if (filter) filter.addEventListener("change", function () {
    body.classList.toggle("only-flagged", filter.checked);
  });

  var natural = svg ? parseFloat(svg.getAttribute("width")) || 800 : 800;
  var scale = 1;
  function zoom(to) {
    scale = Math.min(4, Math.max(0.05, to));
    if (svg) {
      svg.style.width = (natural * scale) + "pt";
      svg.style.height = "auto";
    }
  }
  each(document.querySelectorAll("[data-zoom]"), function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "in") zoom(scale * 1.25);
      else if (how === "out") zoom(scale / 1.25);
      else if (how === "one") zoom(1);
      else if (mapBox) zoom(mapBox.clientWidth / (natural * 4 / 3));
    });
  });
  var printButton = document.querySelector('[data-action="print"]');
  if (printButton) printButton.addEventListener("click", function () { window.print(); });

  function fromHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (id) select(id, { essay: true, map: true, hash: false });
  }
  window.addEventListener("hashchange", fromHash);
  zoom(1);
  fromHash();
  body.classList.add("ready");
})();
