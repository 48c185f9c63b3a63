// Variant of /work/shared/tools/circuit-load/circuits.js for the live dashboard (bench/run-dashboard-bench.sh), with
// these differences:
//  - JS interop calls expecting an IJSObjectReference get one. The stock client answers every call with null, which a
//    component importing a JS module cannot survive (the charts needed it while they used interop; they no longer do).
//  - --await-version: a change counts as arrived on a circuit only with a render batch carrying a newer snapshot
//    version (the pages render data-snapshot="snapshot-N"), so a clock tick or any other render is not mistaken for
//    the update. Without it, any render batch counts, as in circuits.js.
//  - --warmup W makes W changes first and leaves them out of the figures (default 0, as circuits.js).
//  - --warm-circuits W opens W circuits and closes them before the "before" memory reading: what the first screens of
//    a fresh app pay once (JIT, the shared snapshot, caches) is not spread over the circuits being measured.
//  - --dump-batches FILE writes the first circuit's render batches during the measured changes, one base64 line each
//    (bench/render-batches.js FILE tells what they carry: which components, edits and frames).
//  - --hold S keeps the circuits open S more seconds (to take a heap snapshot of the app meanwhile); --heap URL reads
//    the app's managed heap after a full collection before and after the circuits open (bench endpoint).
// Usage: node circuits-dashboard.js URL N [--pid PID] [--trigger URL_TO_GET --changes K] [--await-version]
//        [--warmup W] [--warm-circuits W] [--hold S] [--heap URL]
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const fs = require('fs');
const versionIn = require('./snapshot-version');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const [url, n] = process.argv.slice(2);
const N = +n, pid = arg('--pid'), trigger = arg('--trigger'), K = +arg('--changes', '10'), heapUrl = arg('--heap');
const awaitVersion = process.argv.includes('--await-version');
const WARMUP = +arg('--warmup', '0');
const dumpFile = arg('--dump-batches');
let dumping = null; // the circuit whose batches are written, while the measured changes run
const rssKb = () => pid ? +fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1] : 0;
const heapKb = async () => heapUrl ? Math.round((await (await fetch(heapUrl)).json()).heap_bytes / 1024) : 0;
const pct = (a, p) => a[Math.min(a.length - 1, Math.floor(p / 100 * a.length))];
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function openCircuit(cookie) {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const html = await res.text();
  const markers = [...html.matchAll(/<!--Blazor:(\{"type":"server".*?\})-->/g)].map(m => JSON.parse(m[1]));
  if (!markers.length) throw new Error('no interactive server component on ' + url);
  const state = (html.match(/<!--Blazor-Server-Component-State:(.*?)-->/) || [, ''])[1];
  const base = new URL('/', url).href;
  const protocol = new MessagePackHubProtocol(); protocol.name = 'blazorpack';
  const conn = new signalR.HubConnectionBuilder()
    .withUrl(base + '_blazor', { headers: cookie ? { cookie } : {} })
    .withHubProtocol(protocol).configureLogging(signalR.LogLevel.None).build();
  const c = { conn, batches: 0, bytes: 0, version: 0, waiters: [], nextObjectId: 0 };
  conn.on('JS.RenderBatch', (id, data) => {
    c.batches++;
    c.bytes += data ? data.byteLength : 0;
    if (dumping === c && data) fs.appendFileSync(dumpFile, Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') + '\n');
    const at = Date.now();
    const v = awaitVersion && data ? versionIn(data) : null;
    if (v !== null && v > c.version) c.version = v;
    conn.send('OnRenderCompleted', id, null).catch(() => {});
    c.waiters = c.waiters.filter(w => !w(at, v));
  });
  // A call whose result is an IJSObjectReference (resultType 1: `import` of a JS module) gets a
  // fresh object id, as blazor.web.js would give; a null there makes the component throw and the circuit end.
  conn.on('JS.BeginInvokeJS', (handle, identifier, argsJson, resultType) => {
    const result = resultType === 1 ? { __jsObjectId: ++c.nextObjectId } : null;
    if (handle) conn.send('EndInvokeJSFromDotNet', handle, true, JSON.stringify([handle, true, result])).catch(() => {});
  });
  for (const m of ['JS.AttachComponent', 'JS.EndInvokeDotNet', 'JS.EndUpdateRootComponents', 'JS.EndLocationChanging', 'JS.SavePersistedState'])
    conn.on(m, () => {});
  conn.on('JS.Error', e => { c.error = String(e); });
  await conn.start();
  const id = await conn.invoke('StartCircuit', base, url, '[]', state);
  if (!id) throw new Error('StartCircuit refused');
  const ops = { batchId: 1, operations: markers.map((m, i) => ({ type: 'add', ssrComponentId: i + 1, marker: m })) };
  const first = new Promise(r => c.waiters.push(() => { r(); return true; }));
  await conn.send('UpdateRootComponents', JSON.stringify(ops), state);
  await Promise.race([first, sleep(30000).then(() => { throw new Error('no first render'); })]);
  return c;
}

// Resolves with the arrival time of the circuit's next render batch (with --await-version: the next one showing a
// snapshot newer than `after`), or null after 10 s.
const arrival = (c, after) => Promise.race([
  new Promise(r => c.waiters.push((at, v) => (!awaitVersion || (v !== null && v > after)) ? (r(at), true) : false)),
  sleep(10000).then(() => null)]);

(async () => {
  const warm = +arg('--warm-circuits', '0');
  if (warm) {
    const opened = await Promise.all(Array.from({ length: warm }, () => openCircuit(process.env.COOKIE)));
    await Promise.all(opened.map(c => c.conn.stop()));
    await sleep(3000);
  }
  const rss0 = rssKb(), heap0 = await heapKb();
  const t0 = Date.now();
  const circuits = [];
  for (let i = 0; i < N; i += 20)
    circuits.push(...await Promise.all(Array.from({ length: Math.min(20, N - i) }, () => openCircuit(process.env.COOKIE))));
  await sleep(2000);
  const rss1 = rssKb(), heap1 = await heapKb(), rss1AfterGc = rssKb();
  const out = { circuits: N, open_s: (Date.now() - t0) / 1000 };
  if (pid) Object.assign(out, { rss_before_mb: Math.round(rss0 / 1024), rss_after_mb: Math.round(rss1 / 1024), rss_per_circuit_kb: Math.round((rss1 - rss0) / N) });
  if (heapUrl) Object.assign(out, { heap_before_mb: Math.round(heap0 / 1024), heap_after_mb: Math.round(heap1 / 1024), heap_per_circuit_kb: Math.round((heap1 - heap0) / N), rss_after_gc_mb: Math.round(rss1AfterGc / 1024) });
  console.log(JSON.stringify(out));
  if (trigger) {
    // Warm-up changes, not counted: the first change through the app pays JIT and query compilation of the trigger's
    // own save path (one cold change out of 20 is exactly the p95), which is not the fan-out being measured.
    for (let w = 0; w < WARMUP; w++) {
      const arrivals = circuits.map(c => arrival(c, c.version));
      await fetch(trigger.replace('{k}', 'w' + Date.now()));
      await Promise.all(arrivals);
      await sleep(500);
    }
    const lat = []; let missed = 0;
    for (const c of circuits) c.bytes = 0;
    if (dumpFile) { fs.writeFileSync(dumpFile, ''); dumping = circuits[0]; }
    for (let k = 0; k < K; k++) {
      const arrivals = circuits.map(c => arrival(c, c.version));
      const start = Date.now();
      await fetch(trigger.replace('{k}', String(Date.now())));
      for (const t of await Promise.all(arrivals)) t === null ? missed++ : lat.push(t - start);
      await sleep(500);
    }
    lat.sort((a, b) => a - b);
    // What one change sends each screen: the render batches' bytes (blazorpack) per circuit and change.
    const batchBytes = circuits.reduce((s, c) => s + c.bytes, 0) / circuits.length / K;
    console.log(JSON.stringify({ warmup: WARMUP, changes: K, samples: lat.length, missed, median_ms: pct(lat, 50), p95_ms: pct(lat, 95), max_ms: lat[lat.length - 1], awaited_version: awaitVersion, batch_bytes_per_change: Math.round(batchBytes) }));
  }
  const errors = circuits.filter(c => c.error).length;
  if (errors) console.log(JSON.stringify({ circuits_with_errors: errors, first: circuits.find(c => c.error).error }));
  const hold = +arg('--hold', '0');
  if (hold) { console.log(JSON.stringify({ holding_s: hold })); await sleep(hold * 1000); }
  await Promise.all(circuits.map(c => c.conn.stop()));
  process.exit(0);
})().catch(e => { console.error(e.stack || e.message); process.exit(1); });
