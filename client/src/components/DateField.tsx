// One date field for every form: typed day first (DD/MM/YYYY, Arabic-Indic digits accepted), a calendar with the
// month names of the UI language (Morocco's Arabic names where the charity is in Morocco), right-to-left in Arabic,
// and, when the user asks for Hijri dates, the Umm al-Qura date of the chosen day under the field. The value stays
// ISO "YYYY-MM-DD" ('' when empty or not a day), exactly what `<input type="date">` gave, so forms and the server
// do not change. Never imported by a landing screen (it brings @mantine/dates and dayjs).
import '@mantine/dates/styles.css';
import 'dayjs/locale/ar';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/fr';
import { ActionIcon, Box, Group, Popover, Switch, Text, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useState, type FocusEvent, type ReactNode } from 'react';
import { api } from '../api/http';
import { useAuth } from '../auth/AuthProvider';
import { toLatinDigits } from '../i18n/format';
import { usePrefs } from '../prefs/PreferencesProvider';
import { calendarLocale, formatDayFirst, hijriDay, isoDay, parseDayFirst } from './dateText';
import { useTypedCalendarText } from './useTypedCalendarText';

const BELOW: TextInputProps['inputWrapperOrder'] = ['label', 'input', 'description', 'error'];

/**
 * The charity's country (GET /api/settings `country`, ISO 3166 alpha-2), read only when signed in; a public page
 * (pledge, apply), or a server without it, falls back on the browser's own region (ar-MA), else the general names.
 */
export function useCountry(): string | null {
  const { state } = useAuth();
  const signedIn = state.status === 'signed-in';
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: ({ signal }) => api<{ country?: string | null }>('/api/settings', { signal }),
    enabled: signedIn,
    staleTime: Infinity,
    retry: false,
  });
  if (signedIn && typeof settings.data?.country === 'string') return settings.data.country;
  const region = (navigator.languages ?? [navigator.language]).find((l) => /^ar-/i.test(l));
  return region ? region.slice(3, 5) : null;
}

/** The button inside a date or month field that opens and closes its calendar. */
export function CalendarButton(props: {
  label: string;
  opened: boolean;
  disabled?: boolean;
  testId: string;
  onToggle: () => void;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      disabled={props.disabled}
      aria-label={props.label}
      aria-expanded={props.opened}
      data-testid={props.testId}
      onClick={props.onToggle}>
      <IconCalendar />
    </ActionIcon>
  );
}

/**
 * The calendar's own buttons (previous and next month, year or decade; the level controls), named in the UI language:
 * Mantine leaves the arrows without a name, which a screen reader reads as "button".
 */
export function useCalendarLabels() {
  const { t } = usePrefs();
  return {
    previousMonth: t('date.previousMonth'),
    nextMonth: t('date.nextMonth'),
    previousYear: t('date.previousYear'),
    nextYear: t('date.nextYear'),
    previousDecade: t('date.previousDecade'),
    nextDecade: t('date.nextDecade'),
    monthLevelControl: t('date.chooseMonthLevel'),
    yearLevelControl: t('date.chooseYearLevel'),
  };
}

export const IconCalendar = () => (
  <svg
    width={18}
    height={18}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false">
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M16 3v4M8 3v4M3 10h18" />
  </svg>
);

export interface DateFieldProps {
  label?: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  name?: string;
  /** "YYYY-MM-DD" or ''. */
  value?: string | null;
  onChange?: (value: string) => void;
  onFocus?: (e: FocusEvent<HTMLInputElement>) => void;
  onBlur?: (e: FocusEvent<HTMLInputElement>) => void;
  /** "YYYY-MM-DD": the calendar offers no day before / after. */
  min?: string;
  max?: string;
  w?: TextInputProps['w'];
  style?: TextInputProps['style'];
  inputWrapperOrder?: TextInputProps['inputWrapperOrder'];
  'data-testid'?: string;
}

export function DateField({
  label,
  description,
  error,
  required,
  disabled,
  name,
  value,
  onChange,
  onFocus,
  onBlur,
  min,
  max,
  w,
  style,
  inputWrapperOrder,
  'data-testid': testId,
}: DateFieldProps) {
  const { t, language, digits, hijri, setHijri } = usePrefs();
  const locale = calendarLocale(language, useCountry());
  const iso = isoDay(value);
  const calendarLabels = useCalendarLabels();
  const { text, unreadable, opened, setOpened, type, pick, settle } = useTypedCalendarText(
    iso,
    parseDayFirst,
    formatDayFirst,
    onChange,
  );

  const hijriLine =
    hijri && iso ? (
      <Text span size="xs" c="dimmed" display="block" data-testid="date-hijri" dir="auto">
        {t('date.hijri', { date: hijriDay(iso, language, digits) })}
      </Text>
    ) : null;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      shadow="md"
      trapFocus
      withinPortal
      // The calendar button says that it opens the calendar (aria-expanded); a text box may not.
      withRoles={false}>
      {/* The whole field is the target: a click on its calendar button is not a click outside. */}
      <Popover.Target>
        <Box w={w} style={style}>
          <TextInput
            label={label}
            description={
              description || hijriLine ? (
                <>
                  {description}
                  {hijriLine}
                </>
              ) : undefined
            }
            inputWrapperOrder={inputWrapperOrder ?? (hijriLine ? BELOW : undefined)}
            error={error || (unreadable ? t('date.unreadable') : undefined)}
            required={required}
            disabled={disabled}
            name={name}
            value={text}
            placeholder={t('date.placeholder')}
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            data-testid={testId}
            data-date-field=""
            data-value={iso ?? ''}
            onChange={(e) => type(e.currentTarget.value)}
            onFocus={onFocus}
            onBlur={(e) => {
              settle();
              onBlur?.(e);
            }}
            rightSection={
              <CalendarButton
                label={t('date.openCalendar')}
                opened={opened}
                disabled={disabled}
                testId="date-open"
                onToggle={() => setOpened((o) => !o)}
              />
            }
          />
        </Box>
      </Popover.Target>
      <Popover.Dropdown data-testid="date-calendar">
        <DatePicker
          ariaLabels={calendarLabels}
          value={iso}
          onChange={(day) => pick(isoDay(day))}
          locale={locale}
          firstDayOfWeek={locale === 'ar' ? 6 : 1}
          weekendDays={locale === 'ar' ? [5, 6] : [0, 6]}
          defaultDate={iso ?? undefined}
          minDate={isoDay(min) ?? undefined}
          maxDate={isoDay(max) ?? undefined}
          size="sm"
        />
        <Group mt="xs" justify="space-between" gap="xs">
          <Switch
            size="xs"
            label={t('prefs.hijri')}
            checked={hijri}
            onChange={(e) => setHijri(e.currentTarget.checked)}
            data-testid="date-hijri-switch"
          />
        </Group>
        {hijri && iso && (
          <Box mt={4}>
            <Text size="xs" c="dimmed">
              {hijriDay(iso, language, digits)}
            </Text>
          </Box>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/** "HH:MM" from what was typed ("9:05", "0905", "٠٩:٠٥"); null when it is not a time of day. */
function parseTime(text: string): string | null {
  const m = /^(\d{1,2})[^0-9]?(\d{2})$/.exec(toLatinDigits(text).trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
}

export interface DateTimeFieldProps extends Omit<DateFieldProps, 'min' | 'max'> {
  /** "YYYY-MM-DDTHH:mm" (a local wall time, as `<input type="datetime-local">` gave), or ''. */
  value?: string | null;
  /** "YYYY-MM-DDTHH:mm": only its day limits the calendar. */
  min?: string;
}

/**
 * A day and a 24-hour time ("YYYY-MM-DDTHH:mm", the value of `<input type="datetime-local">`): the day in a
 * DateField, the time typed as HH:MM beside it. The date input carries `name`, the time input `${name}Time`.
 */
export function DateTimeField({ value, onChange, min, name, error, label, w, style, ...rest }: DateTimeFieldProps) {
  const { t } = usePrefs();
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value ?? '');
  const [day, setDay] = useState(m?.[1] ?? '');
  const [time, setTime] = useState(m?.[2] ?? '');
  const [badTime, setBadTime] = useState(false);
  // A value set from outside (a reset) shows; while one half is missing the value is '' and the halves stay.
  const [shownFor, setShownFor] = useState(value ?? '');
  if ((value ?? '') !== shownFor) {
    setShownFor(value ?? '');
    if (m) {
      setDay(m[1]);
      setTime(m[2]);
    }
  }
  const emit = (d: string, tm: string) => {
    const hm = parseTime(tm);
    const next = d && hm ? `${d}T${hm}` : '';
    if (next !== (value ?? '')) onChange?.(next);
  };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" w={w} style={style}>
      <DateField
        {...rest}
        label={label}
        name={name}
        value={day}
        min={min?.slice(0, 10)}
        error={error}
        style={{ flex: 1, minWidth: 0 }}
        onChange={(d) => {
          setDay(d);
          emit(d, time);
        }}
      />
      <TextInput
        label={t('date.time')}
        name={name ? `${name}Time` : undefined}
        value={time}
        placeholder="HH:MM"
        inputMode="numeric"
        autoComplete="off"
        dir="ltr"
        w={90}
        required={rest.required}
        disabled={rest.disabled}
        error={badTime ? t('date.unreadableTime') : undefined}
        onChange={(e) => {
          const tm = e.currentTarget.value;
          setTime(tm);
          setBadTime(false);
          emit(day, tm);
        }}
        onBlur={() => {
          const hm = parseTime(time);
          if (hm) setTime(hm);
          else if (time.trim()) setBadTime(true);
        }}
      />
    </Group>
  );
}
