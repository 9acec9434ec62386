// Drop empty filter fields before the form is sent, so the URL of a view stays short
// enough to share ("?type=Battles", not "?start=&end=&type=Battles&q=").
(function () {
  var form = document.getElementById("gm-filters");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && !el.value && el.tagName !== "BUTTON") { el.disabled = true; }
    });
  });
  // browsers restore disabled fields on "back"; re-enable them
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
  });
})();
