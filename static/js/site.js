// Small enhancements to the phone menu; the menu works without them.
(function () {
  "use strict";
  var menu = document.querySelector("[data-nav-disclosure]");
  if (!menu) return;
  var summary = menu.querySelector("summary");
  // Escape closes the open menu and returns focus to its button.
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  // A click or tap outside the menu closes it.
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
})();
