// Filling the client's date fields (DateField, DateTimeField) as a person types them: day first, DD/MM/YYYY.
import type { Locator } from 'playwright-core';

/** "YYYY-MM-DD" as typed into a date field: "DD/MM/YYYY". */
export function dayFirst(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Types the calendar day `iso` ("YYYY-MM-DD") into a DateField's input, day first. */
export async function fillDate(input: Locator, iso: string): Promise<void> {
  await input.fill(dayFirst(iso));
}

/**
 * Types a local wall time `local` ("YYYY-MM-DDTHH:mm", what a datetime-local input took) into a DateTimeField:
 * the day into `input[name=<name>]`, the time into `input[name=<name>Time]`, both within `scope`.
 */
export async function fillDateTime(scope: Locator, name: string, local: string): Promise<void> {
  await scope.locator(`input[name="${name}"]`).fill(dayFirst(local));
  await scope.locator(`input[name="${name}Time"]`).fill(local.slice(11, 16));
}
