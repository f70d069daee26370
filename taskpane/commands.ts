/**
 * The ribbon's function file. The only button opens the task pane (ShowTaskpane in the
 * manifest), so this page just has to let Office.js initialise.
 */
Office.onReady(() => {
  // Nothing to register: no ExecuteFunction commands.
});
