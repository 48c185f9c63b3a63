// Tells what Blazor render batches carry: per batch, each updated component's edits by type, the reference frames by
// type and the strings sent. Reads the file circuits-dashboard.js --dump-batches writes (one base64 batch per line).
// Usage: node bench/render-batches.js FILE [--strings]
// Layout (RenderBatchWriter in ASP.NET Core): the last five int32s point at the updated components' table, the
// reference frames, the disposed component ids, the disposed event handler ids and the string table's locations
// (which run up to those five). A diff is the component id, an edit count and the edits (four int32s each); a frame
// is 20 bytes, its type first. Strings are .NET BinaryWriter strings (7-bit length, UTF-8).
const fs = require('fs');
const [file] = process.argv.slice(2);
const showStrings = process.argv.includes('--strings');
const EDIT = ['?', 'PrependFrame', 'RemoveFrame', 'SetAttribute', 'RemoveAttribute', 'UpdateText', 'StepIn', 'StepOut',
  'UpdateMarkup', 'PermutationListEntry', 'PermutationListEnd'];
const FRAME = ['?', 'Element', 'Text', 'Attribute', 'Component', 'Region', 'ElementReferenceCapture',
  'ComponentReferenceCapture', 'Markup', 'ComponentRenderMode', 'NamedEvent'];

function decode(buf) {
  const i32 = o => buf.readInt32LE(o);
  const end = buf.length;
  const [upd, ref, , , str] = [20, 16, 12, 8, 4].map(k => i32(end - k));
  const strings = [];
  for (let k = 0, count = (end - 20 - str) / 4; k < count; k++) {
    let p = i32(str + 4 * k), len = 0, shift = 0, b;
    do { b = buf[p++]; len |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    strings.push(buf.toString('utf8', p, p + len));
  }
  const diffs = [];
  for (let k = 0, count = i32(upd); k < count; k++) {
    const d = i32(upd + 4 + 4 * k);
    const edits = Array.from({ length: i32(d + 4) }, (_, e) => i32(d + 8 + 16 * e));
    diffs.push({ component: i32(d), edits });
  }
  const frames = Array.from({ length: i32(ref) }, (_, k) => i32(ref + 4 + 20 * k));
  return { diffs, frames, strings };
}

const tally = list => Object.entries(list.reduce((t, x) => (t[x] = (t[x] || 0) + 1, t), {})).map(([k, v]) => `${k}×${v}`).join(' ');
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
for (const [i, line] of lines.entries()) {
  const buf = Buffer.from(line, 'base64');
  const { diffs, frames, strings } = decode(buf);
  const stringBytes = strings.reduce((s, x) => s + Buffer.byteLength(x), 0);
  console.log(`batch ${i + 1}: ${buf.length} B; ${diffs.length} components, ${diffs.reduce((s, d) => s + d.edits.length, 0)} edits, `
    + `${frames.length} frames, ${strings.length} strings (${stringBytes} B)`);
  for (const d of diffs) console.log(`  component ${d.component}: ${tally(d.edits.map(t => EDIT[t] ?? t))}`);
  console.log(`  frames: ${tally(frames.map(t => FRAME[t] ?? t))}`);
  if (showStrings) for (const s of strings) console.log(`  "${s.length > 160 ? s.slice(0, 160) + '…' : s}"`);
}
