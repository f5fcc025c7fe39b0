// The explorers in the HTML book, without a kernel (helpers/_widget.py, BookExplorer): each
// .book-explorer block holds labelled controls and the views precomputed at build time for
// every combination of their values; this shows the selected view in the figure of the same
// notebook cell (its image, the status line and the table of numbers). Nothing is fetched.
(function () {
  "use strict";

  function setUp(box) {
    var data = JSON.parse(box.querySelector('script[type="application/json"]').textContent);
    var cell = box.closest(".cell") || box.parentElement;
    var image = cell.querySelector("figure img, .cell_output img");
    if (!image) {
      return; // no figure to move: leave the block hidden
    }
    var baseAlt = image.getAttribute("alt") || "";
    var inputs = Array.prototype.slice.call(box.querySelectorAll("[data-control]"));
    var status = box.querySelector(".book-explorer-status");
    var numbers = box.querySelector(".book-explorer-table");

    function label(input) {
      return data.controls[Number(input.dataset.control)].labels[Number(input.value)];
    }

    function show() {
      var frame = data.frames[inputs.map(function (i) { return i.value; }).join("|")];
      var setting = inputs.map(function (input) {
        var text = label(input);
        if (input.type === "range") {
          input.setAttribute("aria-valuetext", text);
          input.nextElementSibling.textContent = text;
        }
        return data.controls[Number(input.dataset.control)].description + " " + text;
      }).join(", ");
      image.src = "data:image/png;base64," + frame.png;
      image.alt = baseAlt + " Shown for: " + setting + ".";
      status.innerHTML = frame.status; // the explorer's own status line (HTML)
      status.hidden = !frame.status;
      numbers.hidden = !frame.table;
      numbers.querySelector("div").innerHTML = frame.table;
    }

    inputs.forEach(function (input) { input.addEventListener("input", show); });
    box.hidden = false;
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
