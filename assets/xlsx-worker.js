// Starts the XLSX worker (src/bin/shuzhuan-xlsx.rs) in this worker: the desk asks for it on
// the first XLSX export only. The page passes its build's version as the query string, so a
// cached worker from another build is never paired with this app. A failed download is
// reported to the page, which then says so and tries again next time.
const version = self.location.search;
try {
  importScripts('./shuzhuan-xlsx.js' + version);
  wasm_bindgen('./shuzhuan-xlsx_bg.wasm' + version).catch((e) => postMessage(['failed', String(e)]));
} catch (e) {
  postMessage(['failed', String(e)]);
}
