// Arabic, English and French wording of the stored codes that documents print (device types, wipe methods, outcomes).
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
  laptop: { ar: 'حاسوب محمول', en: 'Laptop', fr: 'Ordinateur portable' },
  desktop: { ar: 'حاسوب مكتبي', en: 'Desktop', fr: 'Ordinateur de bureau' },
  all_in_one: { ar: 'حاسوب متكامل', en: 'All-in-one', fr: 'Ordinateur tout-en-un' },
  tablet: { ar: 'جهاز لوحي', en: 'Tablet', fr: 'Tablette' },
  phone: { ar: 'هاتف جوال', en: 'Phone', fr: 'Téléphone' },
  monitor: { ar: 'شاشة', en: 'Monitor', fr: 'Écran' },
  other: { ar: 'جهاز آخر', en: 'Other', fr: 'Autre' },
};

export const MEDIA_TYPES: WordingOf<MediaType> = {
  hdd: { ar: 'قرص صلب مغناطيسي', en: 'Hard disk (HDD)', fr: 'Disque dur (HDD)' },
  ssd: { ar: 'قرص حالة صلبة', en: 'Solid-state (SSD)', fr: 'Disque SSD' },
  nvme: { ar: 'قرص NVMe', en: 'NVMe SSD', fr: 'SSD NVMe' },
  emmc: { ar: 'ذاكرة eMMC', en: 'eMMC', fr: 'eMMC' },
  other: { ar: 'قرص آخر', en: 'Other', fr: 'Autre' },
};

/** NIST SP 800-88 method categories. */
export const METHODS: Dictionary = {
  clear: { ar: 'محو منطقي', en: 'Clear', fr: 'Nettoyage (Clear)' },
  purge: { ar: 'تطهير', en: 'Purge', fr: 'Purge' },
  destroy: { ar: 'إتلاف مادي', en: 'Destroy', fr: 'Destruction' },
};

export const TECHNIQUES: Dictionary = {
  overwrite: { ar: 'الكتابة فوق البيانات', en: 'Overwrite', fr: 'Réécriture' },
  ata_secure_erase: { ar: 'ATA Secure Erase', en: 'ATA Secure Erase', fr: 'ATA Secure Erase' },
  ata_sanitize: { ar: 'ATA Sanitize', en: 'ATA Sanitize', fr: 'ATA Sanitize' },
  nvme_sanitize: { ar: 'NVMe Sanitize', en: 'NVMe Sanitize', fr: 'NVMe Sanitize' },
  nvme_format_crypto: {
    ar: 'NVMe Format مع محو تشفيري',
    en: 'NVMe Format (crypto erase)',
    fr: 'NVMe Format (effacement cryptographique)',
  },
  crypto_erase: { ar: 'محو تشفيري', en: 'Cryptographic erase', fr: 'Effacement cryptographique' },
  shred: { ar: 'تمزيق', en: 'Shred', fr: 'Broyage' },
  disintegrate: { ar: 'تفتيت', en: 'Disintegrate', fr: 'Désintégration' },
  degauss: { ar: 'إزالة المغنطة', en: 'Degauss', fr: 'Démagnétisation' },
  factory_reset_encrypted: {
    ar: 'إعادة ضبط المصنع لتخزين مشفَّر (محو تشفيري)',
    en: 'Factory reset of encrypted storage (cryptographic erase)',
    fr: "Réinitialisation d'usine d'un stockage chiffré (effacement cryptographique)",
  },
};

export const VERIFICATIONS: Dictionary = {
  none: { ar: 'دون تحقق', en: 'None', fr: 'Aucune' },
  last_pass: { ar: 'تحقق من المرور الأخير', en: 'Last pass verified', fr: 'Dernière passe vérifiée' },
  all_passes: { ar: 'تحقق من جميع المرات', en: 'All passes verified', fr: 'Toutes les passes vérifiées' },
  sampled: { ar: 'تحقق بالعينات', en: 'Sampled', fr: 'Par échantillonnage' },
};

export const RESULTS: Dictionary = {
  passed: { ar: 'ناجح', en: 'Passed', fr: 'Réussi' },
  failed: { ar: 'فاشل', en: 'Failed', fr: 'Échoué' },
  aborted: { ar: 'أُوقف', en: 'Aborted', fr: 'Interrompu' },
};

/** Post-sanitization destination (NIST certificate field), from the device's disposition. */
export const DESTINATIONS: Dictionary = {
  reuse: {
    ar: 'إعادة الاستخدام: تسليمه لمستفيد',
    en: 'Reuse: donated to a beneficiary',
    fr: 'Réemploi : don à un bénéficiaire',
  },
  recycle: {
    ar: 'إعادة التدوير لدى جهة معتمدة',
    en: 'Recycling by an approved recycler',
    fr: 'Recyclage par un recycleur agréé',
  },
  parts: { ar: 'التفكيك ثم إعادة التدوير', en: 'Parts harvesting, then recycling', fr: 'Démontage, puis recyclage' },
};

export const BENEFICIARY_KINDS: WordingOf<BeneficiaryKind> = {
  family: { ar: 'أسرة منتجة', en: 'Family', fr: 'Famille' },
  student: { ar: 'طالب', en: 'Student', fr: 'Élève' },
  institution: { ar: 'جهة', en: 'Institution', fr: 'Institution' },
};

export const ROLES: WordingOf<Role> = {
  admin: { ar: 'مسؤول تقنية المعلومات', en: 'IT administrator', fr: 'Administrateur informatique' },
  manager: { ar: 'مدير البرنامج', en: 'Programme manager', fr: 'Responsable du programme' },
  technician: { ar: 'فني', en: 'Technician', fr: 'Technicien' },
  viewer: { ar: 'مراجع', en: 'Auditor', fr: 'Auditeur' },
  partner: { ar: 'جمعية شريكة', en: 'Partner association', fr: 'Association partenaire' },
};

export const OUTCOMES: Dictionary = {
  placed: { ar: 'سُلّم لمستفيد', en: 'Placed', fr: 'Remis' },
  recycled: { ar: 'أُعيد تدويره', en: 'Recycled', fr: 'Recyclé' },
  harvested: { ar: 'مُفكَّك', en: 'Harvested', fr: 'Démonté' },
  in_progress: { ar: 'قيد التجهيز', en: 'In progress', fr: 'En préparation' },
};

/** An institution's subtype (spec §13), on the delivery note and the institution's certificate. */
export const INSTITUTION_TYPES: WordingOf<InstitutionType> = {
  school: { ar: 'مدرسة', en: 'School', fr: 'École' },
  association: { ar: 'جمعية', en: 'Association', fr: 'Association' },
  ngo: { ar: 'منظمة غير ربحية', en: 'Non-profit organisation', fr: 'Organisation à but non lucratif' },
  training_centre: { ar: 'مركز تدريب', en: 'Training centre', fr: 'Centre de formation' },
  innovation_centre: { ar: 'مركز ابتكار', en: 'Innovation centre', fr: "Centre d'innovation" },
  other: { ar: 'جهة أخرى', en: 'Other institution', fr: 'Autre institution' },
};

export const PARTNER_KINDS: WordingOf<PartnerKind> = {
  school: { ar: 'مدرسة شريكة', en: 'Partner school', fr: 'École partenaire' },
  family_centre: { ar: 'مركز أسري شريك', en: 'Partner family centre', fr: 'Centre familial partenaire' },
  association: { ar: 'جمعية شريكة', en: 'Partner association', fr: 'Association partenaire' },
  other: { ar: 'جهة شريكة', en: 'Partner organisation', fr: 'Organisme partenaire' },
};

/** The accessories checklist of a handover (spec §13), in checklist order. */
export const ACCESSORIES: WordingOf<Accessory> = {
  charger: { ar: 'شاحن', en: 'Charger', fr: 'Chargeur' },
  bag: { ar: 'حقيبة', en: 'Bag', fr: 'Sacoche' },
  mouse: { ar: 'فأرة', en: 'Mouse', fr: 'Souris' },
  other: { ar: 'أخرى', en: 'Other', fr: 'Autre' },
};
