// Starts the desk ("my assessments", src/bin/shuzhuan-desk.rs) in this page. The app adds
// this script (src/app/desk.rs) the first time "my assessments" is opened, with its build's
// version as the query string, so that no other build's desk is paired with it. Trunk
// builds the desk as a worker's glue (no modules: it declares the global `wasm_bindgen`),
// which a classic script element loads as well; the desk mounts itself into #desk-root.
// A desk that cannot be downloaded or started is reported to the app with the event
// `shuzhuan:desk-failed` (domain::wire::desk), whose detail says why; asked again, this
// starts over.
(() => {
  const version = new URL(document.currentScript.src).search;
  const failed = (why) => {
    window.shuzhuanDesk = undefined;
    dispatchEvent(new CustomEvent('shuzhuan:desk-failed', { detail: String(why?.message ?? why) }));
  };
  const glue = () =>
    new Promise((loaded, failedToLoad) => {
      // Declared once per page: a second copy of the glue would be a redeclaration.
      if (typeof wasm_bindgen !== 'undefined') return loaded();
      const script = document.createElement('script');
      script.src = `./shuzhuan-desk.js${version}`;
      script.onload = () => loaded();
      script.onerror = () => {
        script.remove();
        failedToLoad(new Error('shuzhuan-desk.js: download failed'));
      };
      document.head.append(script);
    });
  // One desk a page: a retry while it is on its way waits for it.
  window.shuzhuanDesk ??= glue()
    .then(() => wasm_bindgen({ module_or_path: `./shuzhuan-desk_bg.wasm${version}` }))
    .catch(failed);
})();
