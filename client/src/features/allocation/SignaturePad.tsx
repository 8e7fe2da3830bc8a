import { Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * A signature drawn on the screen with a finger, a pen or the mouse: pointer events (one code path for all three),
 * pointer capture so a stroke that leaves the box is not cut, and `touch-action: none` so drawing does not scroll the
 * page. The canvas is sized in device pixels for a crisp line and exported as a PNG data URL on every stroke's end.
 */
export function SignaturePad({ onChange, error }: { onChange: (dataUrl: string | null) => void; error?: ReactNode }) {
  const t = useT();
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const inked = useRef(false);

  const context = useCallback(() => canvas.current?.getContext('2d') ?? null, []);

  // Fit the bitmap to the displayed size × devicePixelRatio once; a white background keeps the PNG readable on any paper.
  const reset = useCallback(() => {
    const c = canvas.current;
    const ctx = context();
    if (!c || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = c.getBoundingClientRect();
    c.width = Math.max(1, Math.round(width * ratio));
    c.height = Math.max(1, Math.round(height * ratio));
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 2.2 * ratio;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    inked.current = false;
  }, [context]);

  useEffect(() => {
    reset();
  }, [reset]);

  // In bitmap pixels, measured against the box as it is now: if the box was resized (a tablet turned), the pen still
  // lands under the finger on the bitmap sized at the start.
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * c.width) / Math.max(1, r.width),
      y: ((e.clientY - r.top) * c.height) / Math.max(1, r.height),
    };
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    last.current = point(e);
    const ctx = context();
    if (ctx) {
      ctx.beginPath();
      ctx.arc(last.current.x, last.current.y, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fillStyle = '#111';
      ctx.fill();
    }
    inked.current = true;
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return;
    const ctx = context();
    if (!ctx) return;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    if (inked.current && canvas.current) onChange(canvas.current.toDataURL('image/png'));
  };

  const clear = () => {
    reset();
    onChange(null);
  };

  return (
    // As wide as the pad, so that the clear button sits under its end rather than across the page.
    <div className="nm-signature-box">
      <Text size="sm" fw={500} id={`${id}-label`} mb={4}>
        {t('handover.signature')}
      </Text>
      <canvas
        ref={canvas}
        className="nm-signature"
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onLostPointerCapture={up}
        data-testid="signature-pad"
        style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}
      />
      <Group justify="space-between" mt={4} gap="xs" wrap="wrap">
        <Text size="xs" c={error ? 'red' : 'dimmed'} id={`${id}-hint`}>
          {error ?? t('handover.signatureHint')}
        </Text>
        <Button variant="default" size="xs" onClick={clear} data-testid="signature-clear">
          {t('signature.redo')}
        </Button>
      </Group>
    </div>
  );
}
