// Suggestions under the search box while typing: a list of links, announced politely and
// reached with Tab. Without JavaScript the form simply submits.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  var url = input.getAttribute("data-suggest-url");
  var timer = null;
  var latest = "";

  function hide() {
    list.hidden = true;
    list.textContent = "";
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    clearTimeout(timer);
    if (query.length < 2) return hide();
    timer = setTimeout(function () {
      latest = query;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (query === latest) show(data.results || []); })
        .catch(hide);
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
