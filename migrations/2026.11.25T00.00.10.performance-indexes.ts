import type { Migration } from '../server/db/umzug.js';

// Found by the benchmark (docs/performance.md). The device list filters by status and pages newest first
// (`WHERE status = ? ORDER BY id DESC LIMIT 50 OFFSET n`). (status, status_changed_at) cannot give that order, so
// MySQL walked the primary key backwards and skipped every device of another status (at 100,000 devices and 20 %
// `ready`, page 20 read ~5,000 rows for 50). With (status, id) the page comes straight off the index, and the
// list's COUNT(*) reads the same narrow index.
export const up: Migration = async ({ context: q }) => {
  await q.addIndex('devices', ['status', 'id'], { name: 'devices_status_id' });
};

export const down: Migration = async ({ context: q }) => {
  await q.removeIndex('devices', 'devices_status_id');
};
