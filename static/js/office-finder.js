// "Use my location" on the office finder: asks the browser for its position (the visitor
// decides), rounds it to two decimals (about a kilometre) and sends it like the ZIP code form.
// Without JavaScript, or where the browser cannot tell, the button stays hidden.
(function () {
  "use strict";
  var button = document.querySelector("[data-office-finder-locate]");
  if (!button || !("geolocation" in navigator)) return;
  var form = button.form;
  var status = form.querySelector("[data-office-finder-status]");
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = button.dataset.waiting || status.textContent;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var url = new URL(form.action, window.location.href);
        url.searchParams.set("lat", position.coords.latitude.toFixed(2));
        url.searchParams.set("lng", position.coords.longitude.toFixed(2));
        window.location.assign(url.toString());
      },
      function () {
        button.disabled = false;
        status.textContent = button.dataset.refused || status.textContent;
      },
      { maximumAge: 600000, timeout: 10000 }
    );
  });
})();
