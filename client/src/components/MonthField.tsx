// One month field (a report's period, "YYYY-MM"), the DateField's sibling: typed month first (MM/YYYY, Arabic-Indic
// digits accepted), a picker of the months named in the UI language (Morocco's Arabic names where the charity is in
// Morocco), right-to-left in Arabic, and the month spelt out under the field once it reads. The value stays
// "YYYY-MM" ('' when empty or not a month), exactly what `<input type="month">` gave. Never imported by a landing
// screen (it brings @mantine/dates and dayjs).
import '@mantine/dates/styles.css';
import 'dayjs/locale/ar';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/fr';
import { Box, Popover, Text, TextInput, type TextInputProps } from '@mantine/core';
import { MonthPicker } from '@mantine/dates';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { usePrefs } from '../prefs/PreferencesProvider';
import { CalendarButton, useCalendarLabels, useCountry } from './DateField';
import { calendarLocale, formatMonth, isoMonth, parseMonth } from './dateText';
import { useTypedCalendarText } from './useTypedCalendarText';

export interface MonthFieldProps {
  label?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  name?: string;
  /** "YYYY-MM" or ''. */
  value?: string | null;
  onChange?: (value: string) => void;
  /** "YYYY-MM": the picker offers no month before / after. */
  min?: string;
  max?: string;
  w?: TextInputProps['w'];
  'data-testid'?: string;
}

export function MonthField({
  label,
  error,
  disabled,
  name,
  value,
  onChange,
  min,
  max,
  w,
  'data-testid': testId,
}: MonthFieldProps) {
  const { t, language } = usePrefs();
  const locale = calendarLocale(language, useCountry());
  const ym = isoMonth(value);
  const calendarLabels = useCalendarLabels();
  const { text, unreadable, opened, setOpened, type, pick, settle } = useTypedCalendarText(
    ym,
    parseMonth,
    formatMonth,
    onChange,
  );
  // The month spelt out in the UI language ("دجنبر 2026", "décembre 2026"): what was typed, read back.
  const spelt = ym ? (
    <Text span size="xs" c="dimmed" display="block" data-testid="month-name" dir="auto">
      {dayjs(`${ym}-01`).locale(locale).format('MMMM YYYY')}
    </Text>
  ) : undefined;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      shadow="md"
      trapFocus
      withinPortal
      withRoles={false}>
      <Popover.Target>
        <Box w={w}>
          <TextInput
            label={label}
            description={spelt}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            error={error || (unreadable ? t('date.unreadableMonth') : undefined)}
            disabled={disabled}
            name={name}
            value={text}
            placeholder={t('date.monthPlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            data-testid={testId}
            data-month-field=""
            data-value={ym ?? ''}
            onChange={(e) => type(e.currentTarget.value)}
            onBlur={settle}
            rightSection={
              <CalendarButton
                label={t('date.openMonths')}
                opened={opened}
                disabled={disabled}
                testId="month-open"
                onToggle={() => setOpened((o) => !o)}
              />
            }
          />
        </Box>
      </Popover.Target>
      <Popover.Dropdown data-testid="month-picker">
        <MonthPicker
          ariaLabels={calendarLabels}
          value={ym ? `${ym}-01` : null}
          onChange={(day) => pick(isoMonth(day?.slice(0, 7)))}
          locale={locale}
          monthsListFormat="MMMM"
          defaultDate={ym ? `${ym}-01` : undefined}
          minDate={isoMonth(min) ? `${min}-01` : undefined}
          maxDate={isoMonth(max) ? `${max}-01` : undefined}
          size="sm"
        />
      </Popover.Dropdown>
    </Popover>
  );
}
