// Who and where: demo sites, staff accounts and donors. Every name, number and address is invented;
// phones are valid E.164 mobiles (Saudi +9665…, Moroccan +2126…), e-mails use the reserved .example domain.
import type { Role } from '../../server/modules/auth/index.js';
import type { DonorKind, DocumentLanguage } from '../../server/shared/index.js';

export interface SiteSeed {
  code: string;
  name: string;
  nameLatin: string;
  city: string;
  /** ISO 3166-2 region (server/shared/regions.ts). */
  regionCode: string;
}

export const SITES: readonly SiteSeed[] = [
  { code: 'RUH-WH', name: 'مستودع الرياض', nameLatin: 'Riyadh warehouse', city: 'الرياض', regionCode: 'SA-01' },
  { code: 'DMM-BR', name: 'فرع الدمام', nameLatin: 'Dammam branch', city: 'الدمام', regionCode: 'SA-04' },
  {
    code: 'CAS-WS',
    name: 'ورشة الدار البيضاء',
    nameLatin: 'Casablanca workshop',
    city: 'الدار البيضاء',
    regionCode: 'MA-06',
  },
];

export interface UserSeed {
  email: string;
  name: string;
  role: Role;
  language: DocumentLanguage;
}

export const DEMO_PASSWORD = 'nimah-demo-password';

export const USERS: readonly UserSeed[] = [
  { email: 'admin@nimah.example', name: 'مدير النظام', role: 'admin', language: 'ar' },
  { email: 'manager@nimah.example', name: 'هند العنزي', role: 'manager', language: 'ar' },
  { email: 'tech@nimah.example', name: 'فهد السبيعي', role: 'technician', language: 'ar' },
  { email: 'viewer@nimah.example', name: 'Board Auditor', role: 'viewer', language: 'en' },
];

export interface DonorSeed {
  kind: DonorKind;
  name: string;
  nameLatin: string;
  contactPerson: string | null;
  email: string | null;
  phone: string;
  city: string;
  crNumber: string | null;
  preferredLanguage: DocumentLanguage;
  /** The site that receives this donor's devices. */
  site: string;
}

const company = (
  name: string,
  nameLatin: string,
  contactPerson: string,
  email: string,
  phone: string,
  city: string,
  crNumber: string,
  site: string,
  preferredLanguage: DocumentLanguage = 'ar',
): DonorSeed => ({
  kind: 'company',
  name,
  nameLatin,
  contactPerson,
  email,
  phone,
  city,
  crNumber,
  preferredLanguage,
  site,
});

const person = (
  name: string,
  nameLatin: string,
  phone: string,
  city: string,
  site: string,
  email: string | null = null,
  preferredLanguage: DocumentLanguage = 'ar',
): DonorSeed => ({
  kind: 'individual',
  name,
  nameLatin,
  contactPerson: null,
  email,
  phone,
  city,
  crNumber: null,
  preferredLanguage,
  site,
});

// Saudi commercial registrations start with the issuing office (1010 Riyadh, 2050 Dammam, 2051 Khobar,
// 2055 Jubail, 4030 Jeddah); Moroccan registre de commerce numbers are shorter.
export const DONORS: readonly DonorSeed[] = [
  company(
    'شركة الخليج للتقنية',
    'Gulf Tech Co.',
    'م. خالد الغامدي',
    'csr@gulftech.example',
    '+966501234567',
    'الدمام',
    '2050012345',
    'DMM-BR',
  ),
  company(
    'مجموعة النخبة القابضة',
    'Al Nokhba Holding Group',
    'أ. منيرة السديري',
    'it@nokhba.example',
    '+966552345678',
    'الرياض',
    '1010234567',
    'RUH-WH',
  ),
  company(
    'شركة الواحة للاتصالات',
    'Al Waha Telecom',
    'أ. تركي المالكي',
    'assets@alwaha-telecom.example',
    '+966533456789',
    'الرياض',
    '1010456789',
    'RUH-WH',
  ),
  company(
    'مستشفى السلام التخصصي',
    'Al Salam Specialist Hospital',
    'د. عبدالرحمن الحربي',
    'it@alsalam-hospital.example',
    '+966544567890',
    'الرياض',
    '1010567890',
    'RUH-WH',
  ),
  company(
    'شركة الساحل للبتروكيماويات',
    'Sahel Petrochemicals',
    'م. ماجد العمري',
    'donations@sahelpetro.example',
    '+966565678901',
    'الجبيل',
    '2055012345',
    'DMM-BR',
    'en',
  ),
  company(
    'جامعة المستقبل الأهلية',
    'Al Mustaqbal Private University',
    'أ. ريما القرشي',
    'procurement@mustaqbal-uni.example',
    '+966506789012',
    'الرياض',
    '1010678901',
    'RUH-WH',
  ),
  company(
    'شركة رواد الأعمال للاستشارات',
    'Rowad Business Consulting',
    'أ. سلطان الشهراني',
    'office@rowad.example',
    '+966597890123',
    'الخبر',
    '2051034567',
    'DMM-BR',
  ),
  company(
    'مكتب الأفق للمحاماة',
    'Al Ofoq Law Office',
    'أ. لمى الجهني',
    'admin@alofoq-law.example',
    '+966548901234',
    'الرياض',
    '1010789012',
    'RUH-WH',
  ),
  company(
    'شركة البحر الأحمر للخدمات اللوجستية',
    'Red Sea Logistics',
    'أ. ياسر باعشن',
    'csr@redsea-logistics.example',
    '+966569012345',
    'جدة',
    '4030123456',
    'RUH-WH',
    'en',
  ),
  company(
    'شركة الأطلس للبرمجيات',
    'Atlas Logiciels SARL',
    'م. كريم التازي',
    'contact@atlas-logiciels.example',
    '+212661234567',
    'الدار البيضاء',
    '412345',
    'CAS-WS',
  ),
  company(
    'مجموعة المغرب الرقمي',
    'Maroc Digital Group',
    'أ. سلمى بنجلون',
    'rse@marocdigital.example',
    '+212662345678',
    'الرباط',
    '98765',
    'CAS-WS',
  ),
  company(
    'تعاونية سوس للتجارة',
    'Coopérative Souss Commerce',
    'أ. إبراهيم أيت علي',
    'info@souss-coop.example',
    '+212670123456',
    'أكادير',
    '31456',
    'CAS-WS',
  ),
  person('عبدالله بن سعد القحطاني', 'Abdullah Al-Qahtani', '+966551112233', 'الرياض', 'RUH-WH'),
  person('سارة محمد العتيبي', 'Sara Al-Otaibi', '+966502223344', 'الخبر', 'DMM-BR', 'sara.otaibi@mail.example'),
  person('فهد عبدالرحمن الدوسري', 'Fahad Al-Dosari', '+966533334455', 'الدمام', 'DMM-BR'),
  person('نورة خالد الشهري', 'Noura Al-Shehri', '+966544445566', 'الرياض', 'RUH-WH', 'noura.s@mail.example'),
  person('محمد علي الزهراني', 'Mohammed Al-Zahrani', '+966555556677', 'جدة', 'RUH-WH'),
  person('ريم سليمان الحربي', 'Reem Al-Harbi', '+966566667788', 'الرياض', 'RUH-WH', 'reem.harbi@mail.example', 'en'),
  person('يوسف بنعلي', 'Youssef Benali', '+212612345678', 'الدار البيضاء', 'CAS-WS'),
  person(
    'فاطمة الزهراء العلوي',
    'Fatima Zahra El Alaoui',
    '+212698765432',
    'مراكش',
    'CAS-WS',
    'f.elalaoui@mail.example',
  ),
];
