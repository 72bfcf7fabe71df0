// namndkoll: a little progressive enhancement. Every page works without this file:
// forms post and redirect back, the upload page refreshes itself.
(function () {
  "use strict";
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  // "+ Lägg i korgen" without leaving the page
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.hasAttribute("data-basket") || !window.fetch) return;
    ev.preventDefault();
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                        headers: {"X-Requested-With": "fetch", "X-CSRF-Token": token}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var count = document.getElementById("basket-count");
        if (count) count.textContent = data.count;
        var button = form.querySelector("button");
        if (button) { button.textContent = "✓ i korgen"; button.disabled = true; }
      })
      .catch(function () { form.submit(); });
  });

  // a document opened at a hit: its marked passage scrolled into view inside the page's text
  // box (which scrolls on its own), where it sat below the fold on a long page
  var hl = document.getElementById("hl");
  var box = hl && hl.closest("pre");
  if (box && box.scrollHeight > box.clientHeight) {
    box.scrollTop += hl.getBoundingClientRect().top - box.getBoundingClientRect().top - 48;
  }

  // copy buttons (shown only where the clipboard can be used)
  function copy(text, button) {
    var done = function () { var t = button.textContent; button.textContent = "Kopierat"; setTimeout(function () { button.textContent = t; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done); return; }
    var area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); done(); } finally { document.body.removeChild(area); }
  }
  document.querySelectorAll("button.copy").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var from = b.getAttribute("data-copy-from");
      copy(from ? document.getElementById(from).value : b.getAttribute("data-copy"), b);
    });
  });

  // upload: show the bytes going up, then follow the job
  var form = document.getElementById("upload-form");
  if (form && window.XMLHttpRequest) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0; bar.id = "upload-progress";
      form.appendChild(bar);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Requested-With", "fetch");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = 100 * e.loaded / e.total; };
      xhr.onload = function () {
        if (xhr.status === 202) { window.location = "/upload/" + JSON.parse(xhr.responseText).id; return; }
        var p = document.createElement("p"); p.className = "error";
        p.textContent = xhr.status === 413 ? xhr.responseText : "Uppladdningen misslyckades (" + xhr.status + ")";
        try { p.textContent = JSON.parse(xhr.responseText).error || p.textContent; } catch (e) { /* text */ }
        form.appendChild(p);
      };
      xhr.send(new FormData(form));
    });
  }
  // files dropped anywhere on the drop zone go to its file input
  var drop = document.querySelector("label.drop");
  if (drop) {
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      var input = drop.querySelector("input[type=file]");
      if (input && e.dataTransfer && e.dataTransfer.files.length) input.files = e.dataTransfer.files;
    });
  }

  var job = document.getElementById("job");
  if (job && job.getAttribute("data-done") === "false" && window.fetch) {
    var poll = function () {
      fetch("/api/uploads/" + job.getAttribute("data-job"), {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (j) {
          document.getElementById("job-progress").value = j.percent;
          var s = j.state;
          if (j.pages_total) s += " · " + j.pages_done + " av " + j.pages_total + " sidor";
          if (j.index_total) s += " · index " + j.index_done + " av " + j.index_total;
          document.getElementById("job-state").textContent = s;
          if (j.done) window.location.reload(); else setTimeout(poll, 400);
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }
})();
