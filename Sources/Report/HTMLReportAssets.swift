/// The HTML report's inline stylesheet and script (no external resources).
enum HTMLReportAssets {
    static let css = #"""
    :root{--critical:#d62728;--high:#e67e00;--medium:#b58900;--low:#1f77b4;--info:#6c757d;--fg:#1d2430;--muted:#5f6b7a;--line:#d8dee6;--bg:#f6f8fa}
    *{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
    header{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--bg)}h1{margin:0;font-size:22px}h2{font-size:18px;margin:24px 0 8px}
    .meta,.muted{color:var(--muted)}.muted{font-weight:normal;font-size:13px}main{padding:0 24px 40px;max-width:1400px}
    .verdict{font-weight:600;margin:6px 0 0}.verdict.failed{color:var(--critical)}.verdict.passed{color:#2e7d32}
    #summary{display:flex;gap:10px;margin-top:16px;flex-wrap:wrap}
    .card{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:6px;background:#fff;padding:8px 16px;min-width:110px;text-align:left;cursor:pointer;font:inherit}
    .card .count{display:block;font-size:24px;font-weight:700}.card .label{text-transform:uppercase;font-size:12px;color:var(--muted)}
    .card.active{outline:2px solid var(--fg)}
    .sev-critical{border-left-color:var(--critical)}.sev-high{border-left-color:var(--high)}.sev-medium{border-left-color:var(--medium)}.sev-low{border-left-color:var(--low)}
    .graph{overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px;max-height:720px}.graph svg{max-width:100%;height:auto}
    .toolbar{display:flex;gap:8px;margin:8px 0}.toolbar input{flex:1;max-width:520px;padding:6px 8px;border:1px solid var(--line);border-radius:4px;font:inherit}
    .toolbar select,.pager button{padding:5px 8px;border:1px solid var(--line);border-radius:4px;background:#fff;font:inherit}
    .pager{display:flex;gap:8px;align-items:center;margin:8px 0;color:var(--muted)}
    .finding{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:6px;padding:10px 14px;margin:10px 0}
    .finding h3{margin:0 0 4px;font-size:15px}.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:11px;font-weight:700;text-transform:uppercase;margin-right:8px;vertical-align:1px}
    .badge.critical{background:var(--critical)}.badge.high{background:var(--high)}.badge.medium{background:var(--medium)}.badge.low{background:var(--low)}.badge.info{background:var(--info)}
    .finding ul{margin:4px 0;padding-left:20px}.finding .fix{margin:6px 0 2px}
    .code{background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:8px;overflow:auto;white-space:pre;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:4px 0}
    .snippet{position:relative}.snippet button{position:absolute;top:6px;right:6px;font-size:12px;padding:2px 8px;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
    table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid var(--line);padding:5px 8px;vertical-align:top}th{background:var(--bg)}
    """#

    static let script = #"""
    (function () {
      "use strict";
      var PAGE = 100;
      var data = JSON.parse(document.getElementById("netaudit-data").textContent);
      var order = {critical: 4, high: 3, medium: 2, low: 1, info: 0};
      function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text !== undefined && text !== null) e.textContent = String(text);
        return e;
      }
      function copy(text, button) {
        function done(ok) { button.textContent = ok ? "Copied" : "Select and copy"; setTimeout(function () { button.textContent = "Copy"; }, 1500); }
        function fallback() {
          var area = el("textarea"); area.value = text; document.body.appendChild(area); area.select();
          var ok = false; try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
          area.remove(); done(ok);
        }
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
        else fallback();
      }
      function snippet(label, text) {
        var wrap = el("div", "snippet");
        wrap.appendChild(el("div", "muted", label));
        var pre = el("pre", "code", text);
        var button = el("button", null, "Copy");
        button.type = "button";
        button.addEventListener("click", function () { copy(text, button); });
        wrap.appendChild(pre); wrap.appendChild(button);
        return wrap;
      }
      function pager(node, page, pages, total, noun, go) {
        node.replaceChildren();
        if (total === 0) { node.appendChild(el("span", null, "No " + noun + " match.")); return; }
        var prev = el("button", null, "‹ Previous"), next = el("button", null, "Next ›");
        prev.type = next.type = "button"; prev.disabled = page === 0; next.disabled = page >= pages - 1;
        prev.addEventListener("click", function () { go(page - 1); });
        next.addEventListener("click", function () { go(page + 1); });
        node.appendChild(prev);
        node.appendChild(el("span", null, "Page " + (page + 1) + " of " + pages + " · " + total + " " + noun));
        node.appendChild(next);
      }
      data.findings.forEach(function (f) {
        f.hay = [f.title, f.rule, f.resource, f.resourceId, f.kind, f.id, f.fix].concat(f.evidence)
          .concat(f.resources.map(function (m) { return m.label; })).join(" ").toLowerCase();
      });
      var fState = {q: "", severity: "", page: 0};
      var fList = document.getElementById("finding-list");
      function findingCard(f) {
        var card = el("article", "finding sev-" + f.severity);
        card.dataset.id = f.id;
        var h = el("h3");
        h.appendChild(el("span", "badge " + f.severity, f.severity));
        h.appendChild(document.createTextNode(f.title));
        card.appendChild(h);
        var meta = f.kind + " " + f.resource + " · " + f.account + " " + f.region + " · rule " + f.rule + " · id " + f.id;
        card.appendChild(el("div", "muted", meta + (f.note ? " · " + f.note : "")));
        if (f.resources.length > 1) {
          var all = el("details", "resources");
          all.appendChild(el("summary", null, f.resources.length + " resources"));
          var rl = el("ul");
          f.resources.forEach(function (m) { rl.appendChild(el("li", null, m.kind + " " + m.label)); });
          all.appendChild(rl);
          card.appendChild(all);
        }
        if (f.evidence.length) {
          var ul = el("ul");
          f.evidence.forEach(function (line) { ul.appendChild(el("li", null, line)); });
          card.appendChild(ul);
        }
        card.appendChild(el("p", "fix", "Fix: " + f.fix));
        if (f.cli) card.appendChild(snippet("AWS CLI", f.cli));
        if (f.terraform) card.appendChild(snippet("Terraform", f.terraform));
        return card;
      }
      function renderFindings() {
        var q = fState.q;
        var rows = data.findings.filter(function (f) {
          return (!fState.severity || f.severity === fState.severity) && (!q || f.hay.indexOf(q) >= 0);
        });
        var pages = Math.max(1, Math.ceil(rows.length / PAGE));
        fState.page = Math.min(fState.page, pages - 1);
        var frag = document.createDocumentFragment();
        rows.slice(fState.page * PAGE, fState.page * PAGE + PAGE).forEach(function (f) { frag.appendChild(findingCard(f)); });
        fList.replaceChildren(frag);
        document.getElementById("finding-count").textContent = "(" + rows.length + " of " + data.findings.length + ")";
        var go = function (p) { fState.page = p; renderFindings(); document.getElementById("findings").scrollIntoView(); };
        pager(document.getElementById("finding-pager-top"), fState.page, pages, rows.length, "findings", go);
        pager(document.getElementById("finding-pager"), fState.page, pages, rows.length, "findings", go);
        document.querySelectorAll(".card").forEach(function (c) { c.classList.toggle("active", c.dataset.severity === fState.severity); });
      }
      var resources = [], byId = {};
      function resource(id, kind, name) {
        if (!byId[id]) { byId[id] = {id: id, name: name || id, kind: kind, tiers: [], count: 0, worst: ""}; resources.push(byId[id]); }
        return byId[id];
      }
      data.findings.forEach(function (f) {
        f.resources.forEach(function (m) {
          var r = resource(m.id, m.kind, m.label);
          r.count += 1;
          if (!r.worst || order[m.severity] > order[r.worst]) r.worst = m.severity;
        });
      });
      data.members.forEach(function (m) {
        var r = resource(m.resource, m.kind);
        if (r.tiers.indexOf(m.tier) < 0) r.tiers.push(m.tier);
      });
      resources.forEach(function (r) { r.hay = [r.id, r.name, r.kind].concat(r.tiers).join(" ").toLowerCase(); });
      var rState = {q: "", page: 0};
      function renderResources() {
        var rows = resources.filter(function (r) { return !rState.q || r.hay.indexOf(rState.q) >= 0; });
        var pages = Math.max(1, Math.ceil(rows.length / PAGE));
        rState.page = Math.min(rState.page, pages - 1);
        var frag = document.createDocumentFragment();
        rows.slice(rState.page * PAGE, rState.page * PAGE + PAGE).forEach(function (r) {
          var tr = el("tr");
          tr.appendChild(el("td", null, r.name));
          tr.appendChild(el("td", null, r.kind));
          tr.appendChild(el("td", null, r.tiers.join(", ")));
          tr.appendChild(el("td", null, r.count));
          var worst = el("td");
          if (r.worst) worst.appendChild(el("span", "badge " + r.worst, r.worst));
          tr.appendChild(worst);
          frag.appendChild(tr);
        });
        document.getElementById("resource-list").replaceChildren(frag);
        document.getElementById("resource-count").textContent = "(" + rows.length + " of " + resources.length + ")";
        pager(document.getElementById("resource-pager"), rState.page, pages, rows.length, "resources", function (p) { rState.page = p; renderResources(); });
      }
      var timer = null;
      function debounce(fn) { clearTimeout(timer); timer = setTimeout(fn, 120); }
      document.getElementById("finding-search").addEventListener("input", function (e) {
        debounce(function () { fState.q = e.target.value.trim().toLowerCase(); fState.page = 0; renderFindings(); });
      });
      document.getElementById("finding-severity").addEventListener("change", function (e) { fState.severity = e.target.value; fState.page = 0; renderFindings(); });
      document.querySelectorAll(".card").forEach(function (c) {
        c.addEventListener("click", function () {
          fState.severity = fState.severity === c.dataset.severity ? "" : c.dataset.severity;
          document.getElementById("finding-severity").value = fState.severity; fState.page = 0; renderFindings();
        });
      });
      document.getElementById("resource-search").addEventListener("input", function (e) {
        var v = e.target.value.trim().toLowerCase();
        setTimeout(function () { rState.q = v; rState.page = 0; renderResources(); }, 0);
      });
      renderFindings();
      renderResources();
      // The sections are filled in by now: honour a #findings or #resources link.
      var target = location.hash && document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
      document.body.dataset.ready = "true";
    })();
    """#
}
