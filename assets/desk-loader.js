// Starts the desk ("my assessments", src/bin/shuzhuan-desk.rs) in this page. The app adds
// this script (src/app/desk.rs) the first time "my assessments" is opened, with its build's
// version as the query string, so that no other build's desk is paired with it. Trunk
// builds the desk as a worker's glue (no modules: it declares the global `wasm_bindgen`),
// which a classic script element loads as well; the desk mounts itself into #desk-root.
// The desk's stylesheet (assets/desk.css, not in the first visit) is added beside it, and
// the glue, the stylesheet and the wasm are downloaded at once; the wasm is started, so the
// desk mounts, only once the stylesheet has loaded: nothing of the desk is ever drawn
// unstyled.
// A desk that cannot be downloaded or started, or whose stylesheet cannot be downloaded,
// is reported to the app with the event `shuzhuan:desk-failed` (domain::wire::desk), whose
// detail says why; asked again, this starts over.
(() => {
  const version = new URL(document.currentScript.src).search;
  const STYLE_ID = 'desk-style';
  const failed = (why) => {
    window.shuzhuanDesk = undefined;
    // A stylesheet still on its way is asked for again by the retry.
    const style = document.getElementById(STYLE_ID);
    if (style && !style.sheet) style.remove();
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
  const stylesheet = () =>
    new Promise((loaded, failedToLoad) => {
      // Loaded by an earlier try whose glue or wasm failed: kept.
      if (document.getElementById(STYLE_ID)?.sheet) return loaded();
      const link = document.createElement('link');
      link.id = STYLE_ID;
      link.rel = 'stylesheet';
      link.href = `./desk.css${version}`;
      link.onload = () => loaded();
      link.onerror = () => {
        link.remove();
        failedToLoad(new Error('desk.css: download failed'));
      };
      document.head.append(link);
    });
  // One desk a page: a retry while it is on its way waits for it.
  window.shuzhuanDesk ??= (() => {
    // The wasm is fetched while the glue and the stylesheet load; a failed fetch is
    // reported by `wasm_bindgen`, or not at all if the glue or the stylesheet failed first.
    const wasm = fetch(`./shuzhuan-desk_bg.wasm${version}`);
    wasm.catch(() => {});
    return Promise.all([glue(), stylesheet()])
      .then(() => wasm_bindgen({ module_or_path: wasm }))
      .catch(failed);
  })();
})();
