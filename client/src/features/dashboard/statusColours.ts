/**
 * One colour per device status, from the Okabe–Ito palette (told apart with the common colour-vision deficiencies),
 * with the text colour readable on it. Ready (light yellow) and handed over (dark blue) differ in hue and in
 * lightness, so they stay apart in grey too; every use also names the status in words, never colour alone.
 */
export const STATUS_COLOURS: Record<string, { fill: string; text: string }> = {
  intake: { fill: '#d4d4d4', text: '#000' },
  repair: { fill: '#e69f00', text: '#000' },
  wipe: { fill: '#cc79a7', text: '#000' },
  refurbish: { fill: '#56b4e9', text: '#000' },
  ready: { fill: '#f0e442', text: '#000' },
  allocated: { fill: '#009e73', text: '#000' },
  handed_over: { fill: '#0072b2', text: '#fff' },
  disposal: { fill: '#d55e00', text: '#000' },
  recycled: { fill: '#4d4d4d', text: '#fff' },
  harvested: { fill: '#8c8c8c', text: '#000' },
};

export const statusColour = (status: string) => STATUS_COLOURS[status] ?? { fill: '#8c8c8c', text: '#000' };

/** The monthly chart's series in the pipeline's colours: intake grey-ish, handovers the handed-over blue. */
export const INTAKE_SERIES_COLOUR = '#7a7a7a';
export const HANDOVER_SERIES_COLOUR = STATUS_COLOURS.handed_over.fill;
