// Arabic and English wording of the stored codes that documents print (device types, wipe methods, outcomes).
import type { Bilingual } from './documents.format.js';
import type {
  Accessory,
  BeneficiaryKind,
  DeviceType,
  InstitutionType,
  MediaType,
  PartnerKind,
  Role,
} from '../../shared/index.js';

type Dictionary = Readonly<Record<string, Bilingual>>;
/** Wording for every code of a list defined in server/shared: a code added there without wording here fails to compile. */
type WordingOf<Code extends string> = Readonly<Record<Code, Bilingual>>;

export const DEVICE_TYPES: WordingOf<DeviceType> = {
  laptop: { ar: 'حاسوب محمول', en: 'Laptop' },
  desktop: { ar: 'حاسوب مكتبي', en: 'Desktop' },
  all_in_one: { ar: 'حاسوب متكامل', en: 'All-in-one' },
  tablet: { ar: 'جهاز لوحي', en: 'Tablet' },
  phone: { ar: 'هاتف جوال', en: 'Phone' },
  monitor: { ar: 'شاشة', en: 'Monitor' },
  other: { ar: 'جهاز آخر', en: 'Other' },
};

export const MEDIA_TYPES: WordingOf<MediaType> = {
  hdd: { ar: 'قرص صلب مغناطيسي', en: 'Hard disk (HDD)' },
  ssd: { ar: 'قرص حالة صلبة', en: 'Solid-state (SSD)' },
  nvme: { ar: 'قرص NVMe', en: 'NVMe SSD' },
  emmc: { ar: 'ذاكرة eMMC', en: 'eMMC' },
  other: { ar: 'قرص آخر', en: 'Other' },
};

/** NIST SP 800-88 method categories. */
export const METHODS: Dictionary = {
  clear: { ar: 'محو منطقي', en: 'Clear' },
  purge: { ar: 'تطهير', en: 'Purge' },
  destroy: { ar: 'إتلاف مادي', en: 'Destroy' },
};

export const TECHNIQUES: Dictionary = {
  overwrite: { ar: 'الكتابة فوق البيانات', en: 'Overwrite' },
  ata_secure_erase: { ar: 'ATA Secure Erase', en: 'ATA Secure Erase' },
  ata_sanitize: { ar: 'ATA Sanitize', en: 'ATA Sanitize' },
  nvme_sanitize: { ar: 'NVMe Sanitize', en: 'NVMe Sanitize' },
  nvme_format_crypto: { ar: 'NVMe Format مع محو تشفيري', en: 'NVMe Format (crypto erase)' },
  crypto_erase: { ar: 'محو تشفيري', en: 'Cryptographic erase' },
  shred: { ar: 'تمزيق', en: 'Shred' },
  disintegrate: { ar: 'تفتيت', en: 'Disintegrate' },
  degauss: { ar: 'إزالة المغنطة', en: 'Degauss' },
  factory_reset_encrypted: {
    ar: 'إعادة ضبط المصنع لتخزين مشفَّر (محو تشفيري)',
    en: 'Factory reset of encrypted storage (cryptographic erase)',
  },
};

export const VERIFICATIONS: Dictionary = {
  none: { ar: 'دون تحقق', en: 'None' },
  last_pass: { ar: 'تحقق من المرور الأخير', en: 'Last pass verified' },
  all_passes: { ar: 'تحقق من جميع المرات', en: 'All passes verified' },
  sampled: { ar: 'تحقق بالعينات', en: 'Sampled' },
};

export const RESULTS: Dictionary = {
  passed: { ar: 'ناجح', en: 'Passed' },
  failed: { ar: 'فاشل', en: 'Failed' },
  aborted: { ar: 'أُوقف', en: 'Aborted' },
};

/** Post-sanitization destination (NIST certificate field), from the device's disposition. */
export const DESTINATIONS: Dictionary = {
  reuse: { ar: 'إعادة الاستخدام: تسليمه لمستفيد', en: 'Reuse: donated to a beneficiary' },
  recycle: { ar: 'إعادة التدوير لدى جهة معتمدة', en: 'Recycling by an approved recycler' },
  parts: { ar: 'التفكيك ثم إعادة التدوير', en: 'Parts harvesting, then recycling' },
};

export const BENEFICIARY_KINDS: WordingOf<BeneficiaryKind> = {
  family: { ar: 'أسرة منتجة', en: 'Family' },
  student: { ar: 'طالب', en: 'Student' },
  institution: { ar: 'جهة', en: 'Institution' },
};

export const ROLES: WordingOf<Role> = {
  admin: { ar: 'مسؤول تقنية المعلومات', en: 'IT administrator' },
  manager: { ar: 'مدير البرنامج', en: 'Programme manager' },
  technician: { ar: 'فني', en: 'Technician' },
  viewer: { ar: 'مراجع', en: 'Auditor' },
  partner: { ar: 'جمعية شريكة', en: 'Partner association' },
};

export const OUTCOMES: Dictionary = {
  placed: { ar: 'سُلّم لمستفيد', en: 'Placed' },
  recycled: { ar: 'أُعيد تدويره', en: 'Recycled' },
  harvested: { ar: 'مُفكَّك', en: 'Harvested' },
  in_progress: { ar: 'قيد التجهيز', en: 'In progress' },
};

/** An institution's subtype (spec §13), on the delivery note and the institution's certificate. */
export const INSTITUTION_TYPES: WordingOf<InstitutionType> = {
  school: { ar: 'مدرسة', en: 'School' },
  association: { ar: 'جمعية', en: 'Association' },
  ngo: { ar: 'منظمة غير ربحية', en: 'Non-profit organisation' },
  training_centre: { ar: 'مركز تدريب', en: 'Training centre' },
  innovation_centre: { ar: 'مركز ابتكار', en: 'Innovation centre' },
  other: { ar: 'جهة أخرى', en: 'Other institution' },
};

export const PARTNER_KINDS: WordingOf<PartnerKind> = {
  school: { ar: 'مدرسة شريكة', en: 'Partner school' },
  family_centre: { ar: 'مركز أسري شريك', en: 'Partner family centre' },
  association: { ar: 'جمعية شريكة', en: 'Partner association' },
  other: { ar: 'جهة شريكة', en: 'Partner organisation' },
};

/** The accessories checklist of a handover (spec §13), in checklist order. */
export const ACCESSORIES: WordingOf<Accessory> = {
  charger: { ar: 'شاحن', en: 'Charger' },
  bag: { ar: 'حقيبة', en: 'Bag' },
  mouse: { ar: 'فأرة', en: 'Mouse' },
  other: { ar: 'أخرى', en: 'Other' },
};
