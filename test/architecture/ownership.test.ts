// One home per resource (issue 15, point 1): a device row is written only by server/modules/devices/, a donation
// row only by server/modules/donations/. Other modules call the owning module's services. This scans the server's
// sources for the ways a row gets written: the model's static writers, a write on an instance read through the
// model, and raw SQL.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

const SERVER = path.resolve(import.meta.dirname, '..', '..', 'server');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

interface Resource {
  model: string;
  table: string;
  owner: string;
}
const RESOURCES: Resource[] = [
  { model: 'Device', table: 'devices', owner: 'modules/devices/' },
  { model: 'Donation', table: 'donations', owner: 'modules/donations/' },
];
const WRITERS = 'create|bulkCreate|update|destroy|increment|decrement|upsert|save|truncate|restore|findOrCreate';
const INSTANCE_WRITERS = 'update|save|destroy|increment|decrement|set|restore';

/** Every line of `text` that writes a row of `r`, as "file:line: code". */
export function rowWrites(file: string, text: string, r: Resource): string[] {
  const lower = r.model.toLowerCase();
  // Instances: variables named after the model (device, lockedDevice, donation…) and whatever a finder returned.
  const names = new Set<string>();
  for (const m of text.matchAll(
    new RegExp(
      `\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*(?:await\\s+)?${r.model}\\.(?:findByPk|findOne|findAll|findOrCreate|create|build)\\b`,
      'g',
    ),
  ))
    names.add(m[1]);
  const patterns = [
    new RegExp(`\\b${r.model}\\.(?:${WRITERS})\\s*\\(`),
    new RegExp(`\\b(?:${lower}|\\w*${r.model})\\.(?:${INSTANCE_WRITERS})\\s*\\(`),
    new RegExp(
      `\\b(?:UPDATE|INSERT\\s+(?:IGNORE\\s+)?INTO|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+[\`"]?${r.table}[\`"]?(?![\\w])`,
      'i',
    ),
    ...[...names].map((n) => new RegExp(`\\b${n}\\.(?:${INSTANCE_WRITERS})\\s*\\(`)),
  ];
  return text
    .split('\n')
    .flatMap((line, i) =>
      patterns.some((p) => p.test(line)) ? [`${path.relative(SERVER, file)}:${i + 1}: ${line.trim()}`] : [],
    );
}

describe('ownership of rows (one home per resource)', () => {
  for (const r of RESOURCES) {
    it(`only server/${r.owner} writes ${r.table} rows`, () => {
      const offenders = sources(SERVER)
        .filter((f) => !path.relative(SERVER, f).split(path.sep).join('/').startsWith(r.owner))
        .flatMap((f) => rowWrites(f, fs.readFileSync(f, 'utf8'), r));
      expect(offenders, `${r.table} rows written outside server/${r.owner}; call its services instead`).to.deep.equal(
        [],
      );
    });
  }

  it('recognises each way of writing a row (so the scan above cannot pass by missing them)', () => {
    const device = RESOURCES[0];
    const caught = (code: string) => rowWrites('x.ts', code, device).length;
    expect(caught('await Device.update({ siteId }, { where: { id } });')).to.equal(1);
    expect(caught('await Device.bulkCreate(rows);')).to.equal(1);
    expect(caught('await device.update({ siteId: 2 }, { transaction: t });')).to.equal(1);
    expect(caught('const x = await Device.findByPk(id);\nx.siteId = 2;\nawait x.save();')).to.equal(1);
    expect(caught("await sequelize.query('UPDATE devices SET site_id = 1');")).to.equal(1);
    expect(caught('INSERT INTO `devices` (id) VALUES (1)')).to.equal(1);
    expect(caught('const rows = await Device.findAll({ where: { status } });')).to.equal(0);
    expect(caught('await DeviceFile.create({ deviceId });')).to.equal(0);
    expect(caught('SELECT * FROM devices WHERE id = 1')).to.equal(0);
  });
});
