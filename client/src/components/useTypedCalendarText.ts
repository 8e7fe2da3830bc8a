// The text box of a day or month field (DateField, MonthField): what was typed stays as typed while it reads as the
// value; a value set from outside (a reset, a pick in the calendar) shows; a text that reads as nothing is flagged
// when the box is left. `read` turns text into the value ('2026-12-07', '2026-12') or null, `write` the value into
// the text the user sees.
import { useState } from 'react';

export function useTypedCalendarText(
  value: string | null,
  read: (text: string) => string | null,
  write: (value: string | null) => string,
  onChange?: (value: string) => void,
) {
  const [text, setText] = useState(() => write(value));
  const [unreadable, setUnreadable] = useState(false);
  const [opened, setOpened] = useState(false);
  const [shownFor, setShownFor] = useState(value);
  if (value !== shownFor) {
    setShownFor(value);
    if (read(text) !== value) {
      setText(write(value));
      setUnreadable(false);
    }
  }

  return {
    text,
    unreadable,
    opened,
    setOpened,
    /** The user typed `next`. */
    type: (next: string) => {
      setText(next);
      setUnreadable(false);
      const read_ = read(next);
      if (read_ !== value) onChange?.(read_ ?? '');
    },
    /** The user picked `picked` in the calendar (null: cleared). */
    pick: (picked: string | null) => {
      setText(write(picked));
      setUnreadable(false);
      setOpened(false);
      onChange?.(picked ?? '');
    },
    /** The user left the box: a readable text is shown the standard way, an unreadable one is flagged. */
    settle: () => {
      const read_ = read(text);
      if (read_) setText(write(read_));
      else if (text.trim()) setUnreadable(true);
    },
  };
}
