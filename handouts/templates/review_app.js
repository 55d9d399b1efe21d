// The review screen: show each sentence's reading grade and the meaning checks as the reviewer types.
"use strict";
(function () {
  function show(box, data) {
    box.textContent = "";
    data.grades.forEach(function (g, i) {
      var span = document.createElement("span");
      span.className = "grade";
      span.textContent = (data.grades.length > 1 ? "sentence " + (i + 1) + ": " : "") +
        "grade " + g.grade + ", " + g.words + " words";
      box.appendChild(span);
    });
    data.findings.forEach(function (f) {
      var p = document.createElement("p");
      p.className = "finding";
      p.textContent = f;  // text, never markup
      box.appendChild(p);
    });
  }
  document.querySelectorAll("form.plain").forEach(function (form) {
    var area = form.querySelector("textarea"), box = form.querySelector(".checks"), timer = null;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams();
        body.set("token", form.querySelector("input[name=token]").value);
        body.set("slug", form.dataset.slug);
        body.set("entry", form.dataset.entry);
        body.set("text", area.value);
        fetch("/check", {method: "POST", body: body, credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) { if (data) { show(box, data); } });
      }, 300);
    });
  });
  // A save reloads the page: wording typed into another sentence and not yet approved would be lost.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var unsaved = Array.prototype.filter.call(document.querySelectorAll("textarea"), function (area) {
        return area.form !== form && area.value !== area.defaultValue;
      });
      if (unsaved.length && !window.confirm(unsaved.length + " other sentence(s) have changes not yet approved; " +
          "they will be lost. Go on?")) {
        event.preventDefault();
        unsaved[0].focus();
      }
    });
  });
  if (location.hash) {  // after a save: put the keyboard where the next sentence is
    var target = document.querySelector(location.hash + " textarea") || document.querySelector(location.hash);
    if (target) { target.focus(); }
  }
})();
