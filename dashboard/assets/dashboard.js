/* Browser-side callbacks: keep the URL in step with a page's controls, and download CSVs. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  roadmap: {
    // Arguments: the controls' values in the order of state.keys, then the page's state store.
    syncUrl: function () {
      var args = Array.prototype.slice.call(arguments);
      var state = args.pop() || {};
      var params = new URLSearchParams();
      var fixed = state.fixed || {};
      Object.keys(fixed).forEach(function (key) {
        if (fixed[key] !== null && fixed[key] !== undefined) { params.set(key, fixed[key]); }
      });
      (state.keys || []).forEach(function (key, i) {
        var value = args[i];
        if (Array.isArray(value)) { value = value.join(","); }
        params.set(key, value === null || value === undefined ? "" : String(value));
      });
      document.documentElement.lang = state.lang || "en";
      var search = "?" + params.toString();
      // One href per language link (state.languages order; the current one's anchor is hidden).
      var switchHrefs = (state.languages || []).map(function (code) {
        if (code === state.lang) { return window.dash_clientside.no_update; }
        var other = new URLSearchParams(params);
        other.set("lang", code);
        return (state.path || "/") + "?" + other.toString();
      });
      // The first run only canonicalises nothing: a page load must not add a history entry.
      var ctx = window.dash_clientside.callback_context;
      var fromUser = ctx && ctx.triggered && ctx.triggered.length > 0 &&
        ctx.triggered[0].prop_id !== "." && (state.keys || []).length > 0;
      if (!fromUser || search === window.location.search) {
        return [window.dash_clientside.no_update].concat(switchHrefs);
      }
      return [search].concat(switchHrefs);
    },
    // A toggle-button group acting as radio buttons: the clicked option becomes the value.
    toggleOne: function (clicks, ids, current) {
      var hit = window.dash_clientside.callback_context.triggered_id;
      var value = hit ? hit.value : current;
      return [value, ids.map(function (id) { return id.value === value ? "true" : "false"; })];
    },
    // A toggle-button group acting as checkboxes: the clicked option is added or removed.
    toggleMulti: function (clicks, ids, current) {
      var hit = window.dash_clientside.callback_context.triggered_id;
      var chosen = (current || []).slice();
      if (hit) {
        var at = chosen.indexOf(hit.value);
        if (at >= 0) { chosen.splice(at, 1); } else { chosen.push(hit.value); }
      }
      var order = ids.map(function (id) { return id.value; });
      chosen.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
      return [chosen, ids.map(function (id) { return chosen.indexOf(id.value) >= 0 ? "true" : "false"; })];
    },
    // A form just drawn (Edit on a row): scroll it into view and move the focus into it, on
    // the chosen option of its first choice or its first field.
    revealForm: function (children, formId) {
      var tries = 0;
      function reveal() {
        var box = document.getElementById(formId);
        var target = box && (box.querySelector('[aria-pressed="true"]') ||
          box.querySelector("input:not([type=hidden]), textarea, select, button"));
        if (!target && tries++ < 20) { window.setTimeout(reveal, 50); return; }
        if (!box) { return; }
        box.scrollIntoView({ block: "start" });
        (target || box).focus({ preventScroll: true });
      }
      window.setTimeout(reveal, 0);
      return "ws-form-open";
    },
    // The comparison page's ranking: rows formatted by the server, sorted here (missing last).
    sortRanking: function (key, rows) {
      if (!rows) { return []; }
      var ascending = key !== "progress_pct";
      var sorted = rows.slice().sort(function (a, b) {
        var x = a.sort[key], y = b.sort[key];
        if (x === null || x === undefined) { return (y === null || y === undefined) ? 0 : 1; }
        if (y === null || y === undefined) { return -1; }
        var order = typeof x === "string" ? x.localeCompare(y) : x - y;
        return ascending ? order : -order;
      });
      var html = "dash_html_components";
      return sorted.map(function (row) {
        var cells = row.cells.map(function (text, i) {
          return i === 0
            ? { type: "Th", namespace: html, props: { children: text, scope: "row" } }
            : { type: "Td", namespace: html, props: { children: text } };
        });
        return { type: "Tr", namespace: html, props: { children: cells } };
      });
    },
    // The comparison page's search suggestions: every programme's name, from the ranking's rows.
    programmeOptions: function (rows) {
      return (rows || []).map(function (row) {
        return { type: "Option", namespace: "dash_html_components", props: { value: row.sort.programme } };
      });
    },
    downloadCsv: function (nClicks, data) {
      if (!nClicks || !data) { return window.dash_clientside.no_update; }
      return { content: data.content, filename: data.filename, type: "text/csv;charset=utf-8", base64: false };
    }
  }
});

/* A table wider than its box gets class "overflowing" and a line saying it scrolls sideways
   (style.css keeps its first column in view); checked whenever the page changes or resizes. */
(function () {
  var HINT = { nl: "Schuif opzij voor de andere kolommen →", en: "Scroll sideways for the other columns →",
               fr: "Faites défiler de côté pour voir les autres colonnes →" };
  var pending = false;
  function mark() {
    pending = false;
    var hint = HINT[document.documentElement.lang] || HINT.en;
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      var table = box.querySelector("table");
      var wide = !!table && table.scrollWidth > box.clientWidth + 1;
      if (box.classList.contains("overflowing") !== wide) { box.classList.toggle("overflowing", wide); }
      if (box.getAttribute("data-hint") !== hint) { box.setAttribute("data-hint", hint); }
    });
  }
  function later() { if (!pending) { pending = true; window.requestAnimationFrame(mark); } }
  window.addEventListener("resize", later);
  document.addEventListener("toggle", later, true);  // a <details> table view opened
  new MutationObserver(later).observe(document.documentElement, { childList: true, subtree: true });
})();

/* A folded table view (components.folded_table) is drawn when it is opened, not with the page:
   its cells come from the box's data-table attribute (components.table_content) and become Dash
   components through dash_clientside.set_props, so React owns them as it owns the rest. Checked on
   every open, however it happens (a click, the keyboard, a script, find in page). A table the
   reader opened stays open when a choice redraws its section (the new one arrives folded): which
   are open is kept per page and chart. Text goes in as children, never as HTML. */
(function () {
  var HTML = "dash_html_components";
  function el(type, props, lang) {
    if (lang) { props.lang = lang; }
    return { type: type, namespace: HTML, props: props };
  }
  function table(content) {
    var columns = content.columns;
    var head = el("Tr", { children: columns.map(function (c) {
      return el("Th", { children: c.label, scope: "col", className: c.text ? "text" : null }, c.lang);
    }) });
    var rows = content.rows.map(function (row) {
      return el("Tr", { children: row.map(function (text, i) {
        var c = columns[i];
        return i === 0 ? el("Th", { children: text, scope: "row" }, c.mark)
                       : el("Td", { children: text, className: c.text ? "text" : null }, c.mark);
      }) });
    });
    return el("Table", { className: "data-table", children: [
      el("Caption", { children: content.caption }, content.captionLang),
      el("Thead", { children: [head] }), el("Tbody", { children: rows })
    ] });
  }
  var BOXES = "details.table-view > .table-scroll[data-table]";
  var opened = {};  // page and chart -> whether the reader has its table open
  function key(box) { return window.location.pathname + " " + JSON.parse(box.id).chart; }
  var pending = false;
  function fill() {
    pending = false;
    if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
    document.querySelectorAll(BOXES).forEach(function (box) {
      var details = box.parentNode;
      if (!details.open) {
        if (opened[key(box)]) { details.open = true; }  // redrawn folded: open again (a toggle follows)
        return;
      }
      if (box.querySelector("table")) { return; }
      window.dash_clientside.set_props(JSON.parse(box.id), { children: table(JSON.parse(box.getAttribute("data-table"))) });
    });
  }
  function later() { if (!pending) { pending = true; window.requestAnimationFrame(fill); } }
  document.addEventListener("toggle", function (event) {  // toggle does not bubble: caught on its way down
    var box = event.target.matches && event.target.matches("details.table-view") &&
      event.target.querySelector(":scope > .table-scroll[data-table]");
    if (box && box.isConnected) { opened[key(box)] = event.target.open; }
    later();
  }, true);
  new MutationObserver(later).observe(document.documentElement, { childList: true, subtree: true });
})();

/* The upload's drop zone (dcc.Upload) ignores, without a word, a file its accept list leaves out
   (a PDF; a file picked under the chooser's "All files"): nothing would happen. Here the drop or
   the choice is looked at first and the refusal is said in the page's alert (the text and the
   list from the section's data-* attributes, pages/upload.py). Of several files dropped at once
   the zone reads the first, and the check names it. */
(function () {
  function refuse(zone, files) {
    var section = zone.closest("[data-refuse-type]");
    if (!section || !files || !files.length || !window.dash_clientside.set_props) { return; }
    var accept = section.getAttribute("data-accept").split(",");
    var name = files[0].name, dot = name.lastIndexOf(".");
    if (accept.indexOf(dot >= 0 ? name.slice(dot).toLowerCase() : "") < 0) {
      var message = section.getAttribute("data-refuse-type").replace("{name}", name);
      window.dash_clientside.set_props(section.getAttribute("data-message"), { children: message });
    }
  }
  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest(".dropzone");
    if (zone && event.dataTransfer) { refuse(zone, event.dataTransfer.files); }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches(".dropzone input[type=file]")) { refuse(event.target, event.target.files); }
  }, true);
})();

/* An action's outcome where the eye is: a notice (saved, refused, a question) that appears after
   the user clicked or typed is scrolled into view if it is not, so it is seen as well as announced. */
(function () {
  var acted = false;
  function act() { acted = true; }
  document.addEventListener("click", act, true);
  document.addEventListener("keydown", act, true);
  function show(node) {
    if (!acted || !(node instanceof Element)) { return; }
    var box = node.matches(".notice") ? node : node.querySelector(".notice");
    if (!box || box.hidden || box.closest("[hidden]")) { return; }
    var r = box.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) { box.scrollIntoView({ block: "nearest" }); }
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === "attributes") { show(record.target); }
      else { record.addedNodes.forEach(show); }
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
})();

/* A chart's PNG or SVG download (the buttons of components.image_buttons): the chart as shown,
   redrawn off screen by Plotly with its title, the page's source line and today's date, and saved
   as <programme>-<chart>-<YYYY-MM-DD>.<format>. Everything happens here: no request. */
(function () {
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function saveChartImage(button) {
    var block = button.closest(".chart-block");
    var plot = block && block.querySelector(".js-plotly-plot");
    var page = button.closest("[data-image-source]");
    if (!plot || !window.Plotly) { return; }
    var lang = document.documentElement.lang || "en";
    var shown = new Date().toLocaleDateString(lang === "nl" ? "nl-BE" : "en-GB",
                                              { day: "numeric", month: "long", year: "numeric" });
    var source = page ? page.getAttribute("data-image-source").replace("{date}", shown) : shown;
    var layout = JSON.parse(JSON.stringify(plot.layout));
    var margin = layout.margin || {};
    var height = (layout.height || plot.offsetHeight || 400) + 80;
    layout.title = { text: button.getAttribute("data-title"), x: 0.01, xanchor: "left", y: 0.98, yanchor: "top",
                     subtitle: { text: source, font: { size: 12 } } };
    layout.margin = Object.assign({}, margin, { t: (margin.t || 12) + 80 });
    layout.height = height;
    layout.width = 1000;
    var stem = [page && page.getAttribute("data-programme"), button.getAttribute("data-stem"), today()];
    var format = button.getAttribute("data-image");
    window.Plotly.downloadImage(
      { data: JSON.parse(JSON.stringify(plot.data)), layout: layout, config: { locale: lang === "nl" ? "nl" : "en" } },
      { format: format, width: 1000, height: height,
        filename: stem.filter(function (part) { return part; }).join("-") }
    );
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-image]");
    if (button) { saveChartImage(button); }
  });
})();

/* Charts on a phone (narrower than 48rem): the value axis's title reads across, above the plot,
   not turned on its side; the year axis has the fewer labels the figure names for a phone, and a
   value axis across the bottom a few numbers, all level; a legend taller than the room Plotly
   gives it (it would scroll or be cut off) makes the chart taller instead. Checked whenever the page changes (a callback's new
   figure brings the server's layout back). */
(function () {
  var NARROW = "(max-width: 47.99rem)";
  function hiddenLegend(plot) {
    var groups = plot.querySelector("g.legend .groups"), frame = plot.querySelector("g.legend rect.bg");
    if (!groups || !frame) { return 0; }
    return groups.getBBox().height - frame.getBBox().height;
  }
  function fit(plot) {
    var layout = plot.layout;
    if (!layout || !window.Plotly || plot.getAttribute("data-phone-fit") === "busy") { return; }
    var update = {};
    var title = layout.yaxis && layout.yaxis.title && layout.yaxis.title.text;
    if (title && layout.yaxis.visible !== false) {
      update["yaxis.title.text"] = "";
      update.annotations = (layout.annotations || []).concat([{
        text: title, showarrow: false, xref: "paper", yref: "paper", x: 0, y: 1, xanchor: "left",
        yanchor: "bottom", yshift: 4, font: { size: 13 } }]);
      update["margin.t"] = Math.max((layout.margin && layout.margin.t) || 0, 30);
    }
    // Fewer year labels (the figure's meta has them): the desktop's would be turned on their side.
    var phoneTicks = layout.meta && layout.meta.phone_xticks;
    if (phoneTicks && layout.xaxis && JSON.stringify(layout.xaxis.tickvals) !== JSON.stringify(phoneTicks.tickvals)) {
      update["xaxis.tickvals"] = phoneTicks.tickvals;
      update["xaxis.ticktext"] = phoneTicks.ticktext;
      // The last label (the target year) is centred on the plot's right edge: room for its half.
      update["margin.r"] = Math.max((layout.margin && layout.margin.r) || 0, 24);
    }
    // A value axis across the bottom (the bars): a number per 60 px of plot at most, so none is
    // turned or crowded ('6.000' is about 40 px).
    var xaxis = layout.xaxis, full = plot._fullLayout || {}, size = full._size;
    var room = size ? Math.max(2, Math.floor(size.w / 60)) : 4;
    var numbers = full.xaxis && full.xaxis.type === "linear";  // not names (categories) nor years
    if (numbers && xaxis && xaxis.visible !== false && !xaxis.tickvals && !phoneTicks && xaxis.nticks !== room) {
      update["xaxis.nticks"] = room;
    }
    var hidden = hiddenLegend(plot);
    if (hidden > 1 && (layout.height || 0) < 2000) { update.height = Math.ceil((layout.height || 380) + hidden + 16); }
    if (Object.keys(update).length === 0) { plot.setAttribute("data-phone-fit", "done"); return; }
    plot.setAttribute("data-phone-fit", "busy");
    window.Plotly.relayout(plot, update).then(function () {
      // Not done yet: the legend once more, at the new height. "done" only when a pass finds
      // nothing left to change, so whoever waits for it (a test, a print) sees the settled chart.
      plot.setAttribute("data-phone-fit", "again");
      window.setTimeout(function () { fit(plot); }, 0);
    }, function () { plot.setAttribute("data-phone-fit", "done"); });
  }
  var pending = false;
  function check() {
    pending = false;
    if (!window.matchMedia(NARROW).matches) { return; }
    document.querySelectorAll(".js-plotly-plot").forEach(fit);
  }
  function later() { if (!pending) { pending = true; window.setTimeout(check, 120); } }
  window.addEventListener("resize", later);
  new MutationObserver(later).observe(document.documentElement, { childList: true, subtree: true });
})();

/* Charts drawn one at a time, top first. Dash's graphs all call Plotly.react in the same task when
   a page arrives (the overview's five take ~280 ms together), so none of them shows until the last
   is drawn. Here the first call of a burst draws at once and each further one waits for a task of
   its own, so the browser can paint the chart at the top while the others are drawn. Calls keep
   their order (a newer figure for the same chart comes after the older one), and each caller gets
   a promise of its own drawing, as from Plotly. */
(function () {
  function install() {
    var P = window.Plotly;
    if (!P || P.__oneAtATime) { return; }
    var react = P.react, waiting = [], busy = false;
    function pump() {
      var next = waiting.shift();
      if (!next) { busy = false; return; }
      next();
      window.setTimeout(pump, 0);
    }
    P.react = function () {
      var self = this, args = arguments;
      if (!busy) {
        busy = true;
        window.setTimeout(pump, 0);
        return react.apply(self, args);
      }
      return new Promise(function (resolve, reject) {
        waiting.push(function () {
          try { Promise.resolve(react.apply(self, args)).then(resolve, reject); } catch (error) { reject(error); }
        });
      });
    };
    P.__oneAtATime = true;
  }
  install();
  document.addEventListener("DOMContentLoaded", install);
})();
