// Starts the questionnaire reader (src/reader_worker.rs) in this worker. The page passes
// its build's version as the query string, so a cached reader from another build is
// never paired with this app. A failed download is reported to the page, which then
// says so and tries again next time.
const version = self.location.search;
try {
  importScripts('./shuzhuan-reader.js' + version);
  wasm_bindgen('./shuzhuan-reader_bg.wasm' + version).catch((e) => postMessage(['failed', String(e)]));
} catch (e) {
  postMessage(['failed', String(e)]);
}
