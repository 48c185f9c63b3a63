// The newest "snapshot-N" a batch carries. Buffer.indexOf, not a text copy and a regular expression: this runs for
// every batch of every circuit on the cores the app uses too, so a costly client would inflate bigger batches' latency.
const marker = Buffer.from('snapshot-', 'latin1');
const versionIn = data => {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let best = null;
  for (let at = buf.indexOf(marker); at >= 0; at = buf.indexOf(marker, at + marker.length)) {
    let v = 0, p = at + marker.length;
    if (p >= buf.length || buf[p] < 48 || buf[p] > 57) continue;
    for (; p < buf.length && buf[p] >= 48 && buf[p] <= 57; p++) v = v * 10 + buf[p] - 48;
    if (best === null || v > best) best = v;
  }
  return best;
};

module.exports = versionIn;
