import { ActionIcon, TextInput } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/http';
import type { ScanNotFoundDetails } from '../api/types';
import { IconCamera, IconScan } from '../components/icons';
import { Ltr } from '../components/Ltr';
import { useT } from '../prefs/PreferencesProvider';
import { charForEvent } from './keymap';
import { beep } from './feedback';
import { routeForScan, scanCode } from './resolveScan';
import { usePhysicalKeys } from './usePhysicalKeys';

const CameraScanModal = lazy(() => import('./CameraScanModal'));

/**
 * The camera button needs only a camera API: the modal decodes with BarcodeDetector where the browser has it and
 * lazy-loads ZXing elsewhere. getUserMedia is missing on plain-http origins (other than localhost), hence the check.
 */
export function cameraScanSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

type Feedback = { kind: 'notFound'; normalized: string } | { kind: 'error'; message: string };

function isEditable(el: Element | null): boolean {
  if (!el || !(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable], [role="dialog"]') !== null;
}

/** The global scan box: a USB scanner (or a person) types a code and Enter; we go to whatever it names. */
export function ScanBox() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [camera, setCamera] = useState(false);
  const onChange = useCallback((v: string) => {
    setValue(v);
    setFeedback(null);
  }, []);
  const { ref, onKeyDown } = usePhysicalKeys(value, onChange);

  // Each screen starts with the scan box focused, unless the screen focused an input of its own.
  const [screen, setScreen] = useState(location.pathname);
  if (screen !== location.pathname) {
    setScreen(location.pathname);
    setFeedback(null);
  }
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      if (!isEditable(document.activeElement)) ref.current?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [location.pathname, ref]);

  // A scan that arrives while nothing editable has focus (after a click on a table row, say) still lands here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.code === 'Space' || isEditable(e.target as Element | null)) return;
      const ch = charForEvent(e);
      if (ch === null) return;
      e.preventDefault();
      ref.current?.focus();
      setFeedback(null);
      setValue((v) => v + ch);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ref]);

  const resolve = async (raw: string) => {
    const code = raw.trim();
    if (!code || busy) return;
    setBusy(true);
    try {
      const found = await scanCode(code);
      beep(true);
      setValue('');
      setFeedback(null);
      void navigate(routeForScan(found));
    } catch (err) {
      beep(false);
      if (err instanceof ApiError && err.status === 404) {
        const details = (err.details ?? {}) as ScanNotFoundDetails;
        setFeedback({ kind: 'notFound', normalized: details.normalized ?? code });
      } else {
        setFeedback({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
      ref.current?.select();
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void resolve(value);
  };

  return (
    <form role="search" onSubmit={onSubmit} className="nm-scan-form" aria-label={t('scan.label')}>
      <TextInput
        ref={ref}
        type="search"
        name="scan"
        dir="ltr"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setFeedback(null);
          onKeyDown(e);
        }}
        placeholder={t('scan.placeholder')}
        aria-label={t('scan.label')}
        aria-describedby={feedback ? 'scan-feedback' : undefined}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        leftSection={<IconScan size={18} />}
        rightSection={
          cameraScanSupported() ? (
            <ActionIcon variant="subtle" aria-label={t('scan.camera')} onClick={() => setCamera(true)}>
              <IconCamera size={18} />
            </ActionIcon>
          ) : undefined
        }
        readOnly={busy}
        style={{ flex: 1 }}
      />
      {/* A plain live region rather than a popover: a popover puts aria-expanded on the searchbox, which ARIA forbids. */}
      <div id="scan-feedback" role="status" aria-live="polite" className={feedback ? 'nm-scan-feedback' : 'nm-sr'}>
        {feedback?.kind === 'notFound' && (
          <>
            {t('scan.notFound')} <Ltr mono>{feedback.normalized}</Ltr>
          </>
        )}
        {feedback?.kind === 'error' && feedback.message}
      </div>
      {camera && (
        <Suspense fallback={null}>
          <CameraScanModal
            onClose={() => setCamera(false)}
            onDetected={(code) => {
              setCamera(false);
              void resolve(code);
            }}
          />
        </Suspense>
      )}
    </form>
  );
}
