// The explorers in the HTML book, without a kernel (helpers/_widget.py, BookExplorer): each
// .book-explorer block holds a figure, labelled controls (hidden until this script runs) and the
// views precomputed at build time for every combination of the controls' values; this shows the
// selected view: its image, the image's description, the status line and the table of numbers.
// Nothing is fetched.
(function () {
  "use strict";

  function setUp(box) {
    var data = JSON.parse(box.querySelector('script[type="application/json"]').textContent);
    var image = box.querySelector("img");
    var inputs = Array.prototype.slice.call(box.querySelectorAll("[data-control]"));
    var status = box.querySelector(".book-explorer-status");
    var numbers = box.querySelector(".book-explorer-table");

    function show() {
      var frame = data.frames[inputs.map(function (i) { return i.value; }).join("|")];
      var setting = inputs.map(function (input) {
        var control = data.controls[Number(input.dataset.control)];
        var text = control.labels[Number(input.value)];
        if (input.type === "range") {
          input.setAttribute("aria-valuetext", text);
          input.nextElementSibling.textContent = text;
        }
        return control.description + " " + text;
      }).join(", ");
      image.src = "data:image/png;base64," + frame.png;
      image.alt = data.description + " Shown for: " + setting + ".";
      status.innerHTML = frame.status; // the explorer's own status line (HTML)
      status.hidden = !frame.status;
      numbers.hidden = !frame.table;
      numbers.querySelector("div").innerHTML = frame.table;
    }

    inputs.forEach(function (input) { input.addEventListener("input", show); });
    box.querySelector(".book-explorer-controls").hidden = false;
    show();
  }

  function start() {
    document.querySelectorAll(".book-explorer").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
