// Sorts the summary table when a column header's button is pressed; a
// second press reverses the order. Rows are moved, never rebuilt, so the
// links to each CV stay as written.
(function () {
  "use strict";
  var table = document.getElementById("summary");
  if (!table || !table.tHead || !table.tBodies.length) {
    return;
  }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector("button");
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      var numeric = button.getAttribute("data-type") === "number";
      Array.prototype.forEach.call(heads, function (h) {
        h.setAttribute("aria-sort", "none");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-v") || "";
        var y = b.cells[col].getAttribute("data-v") || "";
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return ascending ? c : -c;
      });
      rows.forEach(function (row) {
        body.appendChild(row);
      });
    });
  });
})();
