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

// One count of this page view for the clinic's own "Site traffic" report: the page's id and,
// when the visitor came from another site, that site's domain. Sent to this site only; no cookie,
// no identifier, nothing about the visitor (insights/views.py).
(function () {
  "use strict";
  var page = document.body && document.body.getAttribute("data-page-id");
  if (!page || !navigator.sendBeacon || navigator.webdriver) return;
  var data = new URLSearchParams();
  data.set("page", page);
  try {
    var from = document.referrer ? new URL(document.referrer).hostname : "";
    if (from && from !== location.hostname) data.set("ref", from);
  } catch (error) {
    // An unreadable referrer is simply not counted.
  }
  navigator.sendBeacon("/insights/hit", data);
})();

// The phone bar steps aside while the on-screen keyboard is open (the stylesheet already hides it
// while a text field has the focus; this also covers a keyboard left open after the focus moves).
(function () {
  "use strict";
  var viewport = window.visualViewport;
  if (!viewport || !document.querySelector("[data-action-bar]")) return;
  function update() {
    var open = window.innerHeight - viewport.height * viewport.scale > 150;
    document.body.classList.toggle("keyboard-open", open);
  }
  viewport.addEventListener("resize", update);
})();
