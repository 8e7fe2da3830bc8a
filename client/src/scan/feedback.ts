// A short tone for success or failure, made with WebAudio: no sound files to fetch, and technicians at a noisy
// intake bench hear the result without looking at the screen.
let ctx: AudioContext | null = null;

export function beep(ok: boolean): void {
  try {
    ctx ??= new AudioContext();
    const now = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = ok ? 'sine' : 'square';
    osc.frequency.setValueAtTime(ok ? 1320 : 220, now);
    const length = ok ? 0.12 : 0.35;
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.15, now + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now);
    osc.stop(now + length + 0.02);
  } catch {
    // No audio device or autoplay refused: the colour flash still tells the result.
  }
}
