// Variant of /work/shared/tools/circuit-load/circuits.js for the live dashboard (bench/run-dashboard-bench.sh):
// identical except that JS interop calls expecting an IJSObjectReference get one. The stock client answers every call
// with null, which the dashboard's ApexChart component (`import` of its module, then `create`) cannot survive: every
// circuit ends after its first render and every change counts as missed.
// Circuit-level load client for Blazor Server (no browser): opens N real circuits on a page, like blazor.web.js does
// (StartCircuit, then UpdateRootComponents with the page's server component markers), acknowledges every render batch,
// answers JS interop calls with null, and measures how long a server-side change takes to reach every circuit.
// Usage: node circuits.js URL N [--pid PID] [--trigger URL_TO_GET --changes K]
//   --pid: the app's process id, to read its resident memory (RSS) before and after the circuits open.
//   --trigger: a URL whose GET makes a change that every circuit should render (K times, 500 ms apart).
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const fs = require('fs');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const [url, n] = process.argv.slice(2);
const N = +n, pid = arg('--pid'), trigger = arg('--trigger'), K = +arg('--changes', '10');
const rssKb = () => pid ? +fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1] : 0;
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
  const c = { conn, batches: 0, lastBatchAt: 0, waiters: [], nextObjectId: 0 };
  conn.on('JS.RenderBatch', (id) => {
    c.batches++; c.lastBatchAt = Date.now();
    conn.send('OnRenderCompleted', id, null).catch(() => {});
    c.waiters.splice(0).forEach(w => w(c.lastBatchAt));
  });
  // A call whose result is an IJSObjectReference (resultType 1: `import` of a JS module, ApexChart's `create`) gets a
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
  const first = new Promise(r => c.waiters.push(r));
  await conn.send('UpdateRootComponents', JSON.stringify(ops), state);
  await Promise.race([first, sleep(30000).then(() => { throw new Error('no first render'); })]);
  return c;
}

(async () => {
  const rss0 = rssKb();
  const t0 = Date.now();
  const circuits = [];
  for (let i = 0; i < N; i += 20)
    circuits.push(...await Promise.all(Array.from({ length: Math.min(20, N - i) }, () => openCircuit(process.env.COOKIE))));
  await sleep(2000);
  const rss1 = rssKb();
  const out = { circuits: N, open_s: (Date.now() - t0) / 1000 };
  if (pid) Object.assign(out, { rss_before_mb: Math.round(rss0 / 1024), rss_after_mb: Math.round(rss1 / 1024), rss_per_circuit_kb: Math.round((rss1 - rss0) / N) });
  console.log(JSON.stringify(out));
  if (trigger) {
    const lat = []; let missed = 0;
    for (let k = 0; k < K; k++) {
      const arrivals = circuits.map(c => Promise.race([new Promise(r => c.waiters.push(r)), sleep(10000).then(() => null)]));
      const start = Date.now();
      await fetch(trigger.replace('{k}', String(Date.now())));
      for (const t of await Promise.all(arrivals)) t === null ? missed++ : lat.push(t - start);
      await sleep(500);
    }
    lat.sort((a, b) => a - b);
    console.log(JSON.stringify({ changes: K, samples: lat.length, missed, median_ms: pct(lat, 50), p95_ms: pct(lat, 95), max_ms: lat[lat.length - 1] }));
  }
  const errors = circuits.filter(c => c.error).length;
  if (errors) console.log(JSON.stringify({ circuits_with_errors: errors, first: circuits.find(c => c.error).error }));
  await Promise.all(circuits.map(c => c.conn.stop()));
  process.exit(0);
})().catch(e => { console.error(e.stack || e.message); process.exit(1); });
