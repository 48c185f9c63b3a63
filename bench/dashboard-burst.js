// Burst observer for the live dashboard (a variant of /work/shared/tools/circuit-load/circuits.js; like
// circuits-dashboard.js it answers JS calls that expect an IJSObjectReference with one):
// opens N real circuits on the dashboard, then makes RATE changes per second for SECONDS seconds through the
// benchmark trigger (only to the URL given, bounded in count and time), and reports
//   - the app's CPU time over the burst (utime+stime from /proc/PID/stat, CLK_TCK from --clk-tck),
//   - render batches per circuit during the burst (coalescing: far fewer than the changes),
//   - whether every circuit rendered after the last change was committed (no screen left behind), and how long after;
//     with --version-url (the bench endpoint giving the server's current snapshot version), whether every circuit's
//     last render shows that version (the pages render data-snapshot="snapshot-N").
// Usage: NODE_PATH=<circuit-load>/node_modules node dashboard-burst.js URL N --pid PID --trigger URL_WITH_{k}
//        [--rate 100] [--seconds 10] [--clk-tck 100] [--max-inflight 64] [--version-url URL]
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');
const fs = require('fs');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const [url, n] = process.argv.slice(2);
const N = +n, pid = arg('--pid'), trigger = arg('--trigger');
const RATE = +arg('--rate', '100'), SECONDS = +arg('--seconds', '10'), CLK = +arg('--clk-tck', '100');
const MAX_INFLIGHT = +arg('--max-inflight', '64');
const versionUrl = arg('--version-url');
const versionIn = require('./snapshot-version');
const TOTAL = Math.min(RATE * SECONDS, 5000); // hard bound on the number of requests this script ever sends
if (!trigger || !pid || !N) { console.error('usage: dashboard-burst.js URL N --pid PID --trigger URL'); process.exit(2); }
if (!/^http:\/\/127\.0\.0\.1[:/]/.test(trigger) || !/^http:\/\/127\.0\.0\.1[:/]/.test(url)) { console.error('only 127.0.0.1 targets'); process.exit(2); }
const sleep = ms => new Promise(r => setTimeout(r, ms));
const cpuSeconds = () => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
  return (+fields[11] + +fields[12]) / CLK; // #14 utime, #15 stime
};
const pct = (a, p) => a[Math.min(a.length - 1, Math.floor(p / 100 * a.length))];

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
  const c = { conn, batches: [], updates: [], version: 0, waiters: [], nextObjectId: 0 };
  conn.on('JS.RenderBatch', (id, data) => {
    c.batches.push(Date.now());
    const v = versionUrl && data ? versionIn(data) : null;
    if (v !== null && v > c.version) { c.version = v; c.updates.push(Date.now()); }
    conn.send('OnRenderCompleted', id, null).catch(() => {});
    c.waiters.splice(0).forEach(w => w());
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
  const circuits = [];
  for (let i = 0; i < N; i += 20)
    circuits.push(...await Promise.all(Array.from({ length: Math.min(20, N - i) }, () => openCircuit(process.env.COOKIE))));
  await sleep(3000);
  // Idle baseline: batches nobody asked for (timers etc.) would blur the counts below.
  const idleFrom = Date.now(); await sleep(2000);
  const idleBatches = circuits.reduce((s, c) => s + c.batches.filter(t => t >= idleFrom).length, 0);

  const cpu0 = cpuSeconds(), client0 = process.cpuUsage();
  const t0 = Date.now();
  let inflight = 0, ok = 0, failed = 0, lastDone = 0, maxInflight = 0;
  const pending = [];
  for (let k = 0; k < TOTAL; k++) {
    const due = t0 + (k * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    while (inflight >= MAX_INFLIGHT) await sleep(1);
    inflight++; maxInflight = Math.max(maxInflight, inflight);
    pending.push(fetch(trigger.replace('{k}', `${t0}-${k}`))
      .then(r => { r.ok ? ok++ : failed++; return r.arrayBuffer(); })
      .catch(() => { failed++; })
      .finally(() => { inflight--; lastDone = Math.max(lastDone, Date.now()); }));
  }
  const sentIn = (Date.now() - t0) / 1000;
  await Promise.all(pending);
  const tEnd = lastDone; // every change is committed before its response: the final state exists from here on
  await sleep(3000);     // let the last coalescing window and refresh finish
  const cpu1 = cpuSeconds(), client1 = process.cpuUsage(client0);
  const wall = (Date.now() - t0) / 1000;

  const finalVersion = versionUrl ? (await (await fetch(versionUrl)).json()).version : null;
  // With versions: the renders that showed a new snapshot, and a circuit is behind when its last one is not the server's.
  const shown = c => versionUrl ? c.updates : c.batches;
  const during = circuits.map(c => shown(c).filter(t => t >= t0 && t <= tEnd).length);
  const settle = circuits.map(c => { const s = shown(c), last = s[s.length - 1]; return last > tEnd ? last - tEnd : null; });
  const behind = versionUrl ? circuits.filter(c => c.version < finalVersion).length : settle.filter(s => s === null).length;
  const settled = settle.filter(s => s !== null).sort((a, b) => a - b);
  const sortedDuring = [...during].sort((a, b) => a - b);
  const out = {
    circuits: N, changes_sent: TOTAL, changes_ok: ok, changes_failed: failed, send_s: +sentIn.toFixed(2),
    burst_s: +((tEnd - t0) / 1000).toFixed(2), observed_wall_s: +wall.toFixed(2), max_inflight: maxInflight,
    app_cpu_s: +(cpu1 - cpu0).toFixed(2), app_cores_avg: +((cpu1 - cpu0) / wall).toFixed(2),
    app_cpu_ms_per_change: +((cpu1 - cpu0) * 1000 / Math.max(1, ok)).toFixed(2),
    client_cpu_s: +((client1.user + client1.system) / 1e6).toFixed(2),
    idle_batches_2s: idleBatches,
    batches_per_circuit_min: sortedDuring[0], batches_per_circuit_median: pct(sortedDuring, 50), batches_per_circuit_max: sortedDuring[sortedDuring.length - 1],
    circuits_behind_after_burst: behind, final_version: finalVersion,
    versions_seen_min: versionUrl ? Math.min(...circuits.map(c => c.version)) : null,
    settle_after_last_change_ms_median: settled.length ? pct(settled, 50) : null,
    settle_after_last_change_ms_max: settled.length ? settled[settled.length - 1] : null,
  };
  console.log(JSON.stringify(out));
  const errors = circuits.filter(c => c.error).length;
  if (errors) console.log(JSON.stringify({ circuits_with_errors: errors, first: circuits.find(c => c.error).error }));
  await Promise.all(circuits.map(c => c.conn.stop()));
  process.exit(0);
})().catch(e => { console.error(e.stack || e.message); process.exit(1); });
