import type { Language } from '../../api/types';

/** A region's name in the user's language (the reference list and the report rows carry all three). */
export function regionName(row: { nameAr: string; nameEn: string; nameFr: string }, language: Language): string {
  return language === 'ar' ? row.nameAr : language === 'fr' ? row.nameFr : row.nameEn;
}
