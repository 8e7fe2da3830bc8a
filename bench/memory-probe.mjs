// Preloaded into the server under test by the bench (`node --import ./bench/memory-probe.mjs dist/server/main.js`):
// every 100 ms it writes the V8 heap's size now and at its peak to BENCH_HEAP_FILE, which the bench reads. The
// server's own code is untouched; RSS is read from /proc by the bench itself.
import fs from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
if (file) {
  const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
  let peakUsed = 0;
  let peakTotal = 0;
  const sample = () => {
    const { heapUsed, heapTotal } = process.memoryUsage();
    peakUsed = Math.max(peakUsed, heapUsed);
    peakTotal = Math.max(peakTotal, heapTotal);
    const figures = {
      heapUsedMb: mb(heapUsed),
      heapTotalMb: mb(heapTotal),
      peakUsedMb: mb(peakUsed),
      peakTotalMb: mb(peakTotal),
    };
    // Written aside and renamed over: the bench never reads a half-written file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    fs.renameSync(`${file}.tmp`, file);
  };
  sample();
  setInterval(sample, 100).unref();
}
