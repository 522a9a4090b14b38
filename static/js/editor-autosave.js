/*
 * The page and snippet editor shown again after the server refused what was submitted (a
 * validation error, or a save that would overwrite a newer version) autosaves nothing until the
 * editor changes something.
 *
 * Wagtail marks that form as holding unsaved changes from the start
 * (`data-w-unsaved-force-value="true"`), so that leaving it asks for confirmation. Its autosave
 * reads the mark as an edit and, at once, saves the refused data as a draft whose required
 * fields may stay empty: beside the red "could not be created" banner the indicator says
 * "Saving…", then "Saved", and the page exists after all, neither submitted nor complete. On an
 * existing page the draft is replaced beside "could not be saved". A form so marked is also never
 * checked for changes again, so what the editor types afterwards is not autosaved, while the
 * indicator goes on saying "Saved" (or "Autosave is paused").
 *
 * Here the form starts unmarked, so Wagtail watches it as it watches any other: the first change
 * is autosaved, and so is every later one. Until the refused data is submitted again or
 * autosaved, leaving the page still asks for confirmation.
 */
(() => {
  const form = document.querySelector(
    'form[data-edit-form][data-controller~="w-autosave"][data-w-unsaved-force-value="true"]',
  );
  if (!form) return;

  // A deferred script: it runs once the form is parsed and before Wagtail's controllers connect
  // (they wait for DOMContentLoaded).
  form.setAttribute("data-w-unsaved-force-value", "false");

  let refusedDataUnsaved = true;
  const saved = () => {
    refusedDataUnsaved = false;
  };
  form.addEventListener("submit", saved);
  form.addEventListener("w-autosave:success", saved);
  window.addEventListener("beforeunload", (event) => {
    if (refusedDataUnsaved) event.preventDefault();
  });
})();
