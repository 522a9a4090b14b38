/*
 * What the page and snippet editor's autosave does beyond Wagtail's own (loaded through the
 * `insert_editor_js` hook, editorial/wagtail_hooks.py). Three gaps in Wagtail 8.0.1, each found by
 * walking the admin in Chromium (tests/browser/test_editor_autosave.py):
 *
 * 1. A form shown again after the server refused what was submitted (a validation error, or a
 *    save that would overwrite a newer version) autosaves nothing until the editor changes
 *    something. Wagtail marks that form as holding unsaved changes from the start
 *    (`data-w-unsaved-force-value="true"`), so that leaving it asks for confirmation; its autosave
 *    reads the mark as an edit and at once saves the refused data as a draft whose required fields
 *    may be empty (on a new page: the page is created beside the red "could not be created"
 *    banner), and a form so marked is never checked for changes again. Here the form starts
 *    unmarked, so Wagtail watches it as any other; until the refused data is submitted again or
 *    autosaved, leaving the page still asks for confirmation.
 *
 * 2. Once that corrected form is autosaved, the red "could not be saved due to validation
 *    errors" banner, the fields' error messages and the tabs' error counts are gone: they spoke of
 *    the refused data, which has now been saved.
 *
 * 3. Edits made while the editor loads are autosaved too. Wagtail takes the form "as loaded" 2 s
 *    after its unsaved-changes controller connects (twice as the editor loads, so about 2.3 s after
 *    the page is shown) and only saves what differs from that: what the editor typed before was
 *    taken for the loaded content and never saved. The same happened to typing while an autosave
 *    was on its way (the form is taken again when it succeeds). Here an edit made by the editor
 *    (a trusted `input` or `change` event) that no autosave has yet sent is announced to Wagtail
 *    when it takes the form, the way Wagtail announces an edit it sees itself (`w-unsaved:add`).
 */
(() => {
  const form = document.querySelector('form[data-edit-form][data-controller~="w-autosave"]');
  if (!form) return;

  const refused = form.getAttribute("data-w-unsaved-force-value") === "true";
  // A deferred script: it runs once the form is parsed and before Wagtail's controllers connect
  // (they wait for DOMContentLoaded).
  if (refused) form.setAttribute("data-w-unsaved-force-value", "false");
  let refusedDataUnsaved = refused;

  // An edit by the editor that no autosave has sent yet.
  let editNotSent = false;
  const edited = (event) => {
    if (event.isTrusted) editNotSent = true;
  };
  form.addEventListener("input", edited, true);
  form.addEventListener("change", edited, true);
  form.addEventListener("w-autosave:save", () => {
    editNotSent = false; // the form's data as it is now goes to the server
  });
  form.addEventListener("w-unsaved:watch-edits", () => {
    // Wagtail has just taken the form as it is for saved: tell it about the edit in it.
    if (!editNotSent) return;
    form.dispatchEvent(
      new CustomEvent("w-unsaved:add", {
        bubbles: true,
        cancelable: true,
        detail: { type: "edits" },
      }),
    );
  });

  const clearRefusal = () => {
    if (!refusedDataUnsaved) return;
    refusedDataUnsaved = false;
    for (const message of document.querySelectorAll(".messages li.error")) message.remove();
    for (const error of form.querySelectorAll(".error-message")) error.remove();
    for (const field of form.querySelectorAll(".w-field--error")) {
      field.classList.remove("w-field--error");
    }
    for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
      input.removeAttribute("aria-invalid");
    }
    // The tabs' error counts (Wagtail's `w-count` counting errors, its default) are counted
    // again, through their Stimulus value.
    const errors = ":not([hidden]):is(.error-message,.help-critical)";
    for (const counter of document.querySelectorAll(
      '[data-controller~="w-count"]:not([data-w-count-find-value])',
    )) {
      const containers = document.querySelectorAll(counter.dataset.wCountContainerValue || "body");
      const total = [...containers].reduce((sum, c) => sum + c.querySelectorAll(errors).length, 0);
      counter.setAttribute("data-w-count-total-value", `${total}`);
    }
  };
  form.addEventListener("submit", () => {
    refusedDataUnsaved = false;
    editNotSent = false;
  });
  form.addEventListener("w-autosave:success", clearRefusal);
  window.addEventListener("beforeunload", (event) => {
    if (refusedDataUnsaved || editNotSent) event.preventDefault();
  });
})();
