// The server validates with joi and answers in English ("email must be a valid email"). Next to an Arabic form
// that is hard to read, so the common shapes are told again in Arabic; anything else is shown as the server said it.
import type { Language } from '../api/types';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const AR: Rule[] = [
  [/is required$/, () => 'هذا الحقل مطلوب'],
  [/is not allowed to be empty$/, () => 'هذا الحقل مطلوب'],
  [/must be a valid email$/, () => 'عنوان بريد إلكتروني غير صالح'],
  [/is not a valid phone number$/, () => 'رقم هاتف غير صالح'],
  [/must be a number$/, () => 'يجب أن يكون رقمًا'],
  [/must be an integer$/, () => 'يجب أن يكون عددًا صحيحًا'],
  [/must be greater than or equal to (\d+)$/, (m) => `يجب ألا يقل عن ${m[1]}`],
  [/must be (?:less|smaller) than or equal to (\d+)$/, (m) => `يجب ألا يزيد على ${m[1]}`],
  [/length must be at least (\d+) characters long$/, (m) => `يجب ألا يقل عن ${m[1]} حرفًا`],
  [/length must be less than or equal to (\d+) characters long$/, (m) => `يجب ألا يزيد على ${m[1]} حرفًا`],
  [/must be one of /, () => 'قيمة غير مقبولة'],
  [/must be a date like/, () => 'تاريخ غير صالح (مثال: 2026-12-01)'],
  [/is not a real date$/, () => 'تاريخ غير صالح'],
  [/must be 4 to 32 letters or digits$/, () => 'من 4 إلى 32 حرفًا لاتينيًا أو رقمًا'],
  [/is required when every QA item passes$/, () => 'مطلوب عندما تنجح كل بنود الفحص'],
  [/must be a Saudi national ID or iqama/, () => 'رقم هوية أو إقامة غير صالح: 10 أرقام تبدأ بـ 1 أو 2 مع رقم تحقق صحيح'],
  [/must be a Moroccan CIN/, () => 'رقم بطاقة غير صالح: حرف أو حرفان ثم من 1 إلى 8 أرقام'],
  [/cannot exceed householdSize/, () => 'لا يمكن أن يزيد على عدد أفراد الأسرة'],
  [/is required when status is rejected$/, () => 'سبب الرفض مطلوب'],
  [/must be a PNG or JPEG data URL$/, () => 'يجب أن يكون التوقيع صورة PNG أو JPEG'],
  [/^signature is required/, () => 'التوقيع مطلوب'],
  [/is not a drive of this device$/, () => 'ليس من أقراص هذا الجهاز'],
  [/is not an available part$/, () => 'هذه القطعة غير متاحة في المخزون'],
  [/must be true for a device without drives$/, () => 'أكّد أن الجهاز بلا وسائط تخزين'],
  [/does not exist$/, () => 'غير موجود'],
  [/must be less than or equal to "?now"?$/, () => 'لا يمكن أن يكون في المستقبل'],
  [/must be greater than or equal to "?ref:startedAt"?$/, () => 'يجب ألا تسبق البداية'],
  [/must be (?:a valid date|in ISO 8601 date format)$/, () => 'تاريخ غير صالح'],
  [/must be a positive number$/, () => 'يجب أن يكون رقمًا أكبر من صفر'],
  [/fails to match the required pattern/, () => 'الصيغة غير مقبولة'],
  [/must contain at least (\d+) items?$/, (m) => `أضف ${m[1]} على الأقل`],
  [/must not be before startsOn$/, () => 'يجب ألا تسبق تاريخ البداية'],
];

export function localizeServerMessage(message: string, language: Language): string {
  if (language !== 'ar') return message;
  for (const [pattern, say] of AR) {
    const m = message.match(pattern);
    if (m) return say(m);
  }
  return message;
}
