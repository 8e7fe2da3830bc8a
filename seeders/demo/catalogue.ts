// What corporate donors in the Gulf and Morocco actually hand over: three-to-eight-year-old business laptops
// and small-form-factor desktops, with the drives they shipped with. (No monitors: the refurbish action
// requires an OS and licence, which a monitor does not have.) Capacities are the drives' real byte
// counts; serial numbers follow each maker's format.
import { ALNUM, DIGITS, type Random } from './random.js';
import type { DeviceType, Licence, MediaType } from '../../server/shared/index.js';

export interface DriveModel {
  model: string;
  mediaType: MediaType;
  capacityBytes: number;
  serial: (r: Random) => string;
}

const drive = (
  model: string,
  mediaType: MediaType,
  capacityBytes: number,
  serial: (r: Random) => string,
): DriveModel => ({ model, mediaType, capacityBytes, serial });

const PM981 = drive(
  'SAMSUNG MZVLB256HAHQ-000L7',
  'nvme',
  256060514304,
  (r) => `S4ELNX0${r.chars('MNKR', 1)}${r.chars(DIGITS, 6)}`,
);
const PC401 = drive('SK hynix PC401 NVMe 256GB', 'nvme', 256060514304, (r) => `EJ8${r.chars(ALNUM, 14)}`);
const KXG50 = drive('KXG50ZNV512G NVMe TOSHIBA 512GB', 'nvme', 512110190592, (r) => `38DS${r.chars(ALNUM, 6)}`);
const EVO860 = drive(
  'Samsung SSD 860 EVO 250GB',
  'ssd',
  250059350016,
  (r) => `S3YJNB0K${r.chars(DIGITS, 6)}${r.chars('HJLMNRTW', 1)}`,
);
const PM871 = drive('SAMSUNG MZ7LN256HAJQ-000L7', 'ssd', 256060514304, (r) => `S3TANX0K${r.chars(DIGITS, 6)}`);
const LITEON = drive('LITEON CV3-8D128', 'ssd', 128035676160, (r) => `TW0${r.chars(ALNUM, 11)}`);
const MX500 = drive('CT500MX500SSD1', 'ssd', 500107862016, (r) => `1917E1F${r.chars(ALNUM, 5)}`);
const APPLE128 = drive('APPLE SSD SM0128G', 'ssd', 121332826112, (r) => `S29ANYA${r.chars(ALNUM, 7)}`);
const ST500 = drive('ST500LM021-1KJ152', 'hdd', 500107862016, (r) => `W62${r.chars(ALNUM, 5)}`);
const WD500 = drive('WDC WD5000AAKX-08U6AA0', 'hdd', 500107862016, (r) => `WD-WCC2E${r.chars(ALNUM, 7)}`);
const DT01 = drive('TOSHIBA DT01ACA100', 'hdd', 1000204886016, (r) => `86${r.chars(ALNUM, 7)}`);
const ST1000 = drive('ST1000DM010-2EP102', 'hdd', 1000204886016, (r) => `Z9A${r.chars(ALNUM, 5)}`);

export interface DeviceModel {
  type: DeviceType;
  manufacturer: string;
  model: string;
  cpus: readonly string[];
  ramGb: readonly number[];
  screenInches: number | null;
  battery: boolean;
  drives: readonly DriveModel[];
  serial: (r: Random) => string;
  /** Windows 11 needs an 8th-generation Intel or newer; null where Windows does not apply. */
  windows11: boolean | null;
  weightKg: number;
  /** How often the model turns up in a donation, relative to the others. */
  frequency: number;
}

// Dell service tags: 7 characters, no vowels.
const dellTag = (r: Random) => r.chars('0123456789BCDFGHJKLMNPQRSTVWXYZ', 7);

export const DEVICE_MODELS: readonly DeviceModel[] = [
  {
    type: 'laptop',
    manufacturer: 'Lenovo',
    model: 'ThinkPad T480',
    cpus: ['Intel Core i5-8250U', 'Intel Core i5-8350U', 'Intel Core i7-8550U'],
    ramGb: [8, 16],
    screenInches: 14,
    battery: true,
    drives: [PM981, PC401, EVO860],
    serial: (r) => `PF1${r.chars(ALNUM, 5)}`,
    windows11: true,
    weightKg: 1.6,
    frequency: 14,
  },
  {
    type: 'laptop',
    manufacturer: 'Lenovo',
    model: 'ThinkPad X1 Carbon 6th Gen',
    cpus: ['Intel Core i5-8250U', 'Intel Core i7-8550U', 'Intel Core i7-8650U'],
    ramGb: [8, 16],
    screenInches: 14,
    battery: true,
    drives: [PM981, KXG50],
    serial: (r) => `PC0${r.chars(ALNUM, 5)}`,
    windows11: true,
    weightKg: 1.13,
    frequency: 6,
  },
  {
    type: 'desktop',
    manufacturer: 'Lenovo',
    model: 'ThinkCentre M720q Tiny',
    cpus: ['Intel Core i5-8400T', 'Intel Core i5-9500T'],
    ramGb: [8, 16],
    screenInches: null,
    battery: false,
    drives: [PM871, PM981],
    serial: (r) => `MJ0${r.chars(ALNUM, 5)}`,
    windows11: true,
    weightKg: 1.3,
    frequency: 5,
  },
  {
    type: 'laptop',
    manufacturer: 'Dell',
    model: 'Latitude E7240',
    cpus: ['Intel Core i5-4300U', 'Intel Core i5-4310U', 'Intel Core i7-4600U'],
    ramGb: [4, 8],
    screenInches: 12.5,
    battery: true,
    drives: [LITEON, PM871],
    serial: dellTag,
    windows11: false,
    weightKg: 1.36,
    frequency: 10,
  },
  {
    type: 'laptop',
    manufacturer: 'Dell',
    model: 'Latitude 5490',
    cpus: ['Intel Core i5-8250U', 'Intel Core i5-8350U'],
    ramGb: [8, 16],
    screenInches: 14,
    battery: true,
    drives: [PM871, PC401, ST500],
    serial: dellTag,
    windows11: true,
    weightKg: 1.6,
    frequency: 12,
  },
  {
    type: 'laptop',
    manufacturer: 'HP',
    model: 'EliteBook 840 G5',
    cpus: ['Intel Core i5-8250U', 'Intel Core i5-8350U', 'Intel Core i7-8650U'],
    ramGb: [8, 16],
    screenInches: 14,
    battery: true,
    drives: [PM981, KXG50, EVO860],
    serial: (r) => `5CG8${r.chars(ALNUM, 6)}`,
    windows11: true,
    weightKg: 1.48,
    frequency: 14,
  },
  {
    type: 'desktop',
    manufacturer: 'HP',
    model: 'ProDesk 600 G3 SFF',
    cpus: ['Intel Core i5-6500', 'Intel Core i5-7500'],
    ramGb: [4, 8],
    screenInches: null,
    battery: false,
    drives: [WD500, DT01, EVO860],
    serial: (r) => `MXL7${r.chars(ALNUM, 6)}`,
    windows11: false,
    weightKg: 5.2,
    frequency: 10,
  },
  {
    type: 'desktop',
    manufacturer: 'Dell',
    model: 'OptiPlex 7050',
    cpus: ['Intel Core i5-7500', 'Intel Core i7-7700'],
    ramGb: [8, 16],
    screenInches: null,
    battery: false,
    drives: [ST1000, WD500, MX500],
    serial: dellTag,
    windows11: false,
    weightKg: 6,
    frequency: 12,
  },
  {
    type: 'laptop',
    manufacturer: 'Apple',
    model: 'MacBook Air (13-inch, 2017)',
    cpus: ['Intel Core i5-5350U'],
    ramGb: [8],
    screenInches: 13.3,
    battery: true,
    drives: [APPLE128],
    serial: (r) => `C02${r.chars(ALNUM, 9)}`,
    windows11: null,
    weightKg: 1.35,
    frequency: 5,
  },
  {
    type: 'all_in_one',
    manufacturer: 'HP',
    model: 'EliteOne 800 G3',
    cpus: ['Intel Core i5-7500'],
    ramGb: [8],
    screenInches: 23.8,
    battery: false,
    drives: [EVO860, WD500],
    serial: (r) => `8CC7${r.chars(ALNUM, 6)}`,
    windows11: false,
    weightKg: 9.5,
    frequency: 3,
  },
];

export function pickModel(r: Random): DeviceModel {
  const total = DEVICE_MODELS.reduce((n, m) => n + m.frequency, 0);
  let x = r.next() * total;
  for (const m of DEVICE_MODELS) {
    x -= m.frequency;
    if (x < 0) return m;
  }
  return DEVICE_MODELS[DEVICE_MODELS.length - 1];
}

/**
 * The operating system a refurbisher loads: Windows 11 where the hardware allows (a Microsoft Authorized
 * Refurbisher licence or the machine's own digital licence), else Ubuntu, or Windows 10 on the original COA.
 */
export function osFor(m: DeviceModel, r: Random): { os: string; licence: Licence } {
  if (m.manufacturer === 'Apple') return { os: 'macOS Monterey 12', licence: 'digital' };
  if (m.windows11) return { os: 'Windows 11 Pro', licence: r.pick<Licence>(['mar', 'digital']) };
  return r.chance(0.6)
    ? { os: 'Ubuntu 24.04 LTS', licence: 'open_source' }
    : { os: 'Windows 10 Pro', licence: 'oem_coa' };
}

const SIZES: readonly [number, string][] = [
  [1e12, 'TB'],
  [1e9, 'GB'],
];

export function storageSummary(drives: readonly { mediaType: MediaType; capacityBytes: number }[]): string | null {
  if (!drives.length) return null;
  return drives
    .map((d) => {
      const [unit, name] = SIZES.find(([u]) => d.capacityBytes >= u) ?? SIZES[1];
      return `${Math.round(d.capacityBytes / unit)} ${name} ${d.mediaType === 'nvme' ? 'NVMe' : d.mediaType.toUpperCase()}`;
    })
    .join(' + ');
}
