// Icons of screens past the first one (copying and sharing links, file uploads), kept out of icons.tsx so the
// technician's first screen does not carry them. Drawn in icons.tsx's frame.
import { Svg as Frame, type IconProps } from './icons';

/** These icons are drawn a little smaller than the first screen's (18 px). */
const Svg = ({ size = 18, ...rest }: IconProps) => <Frame size={size} {...rest} />;

/** Two overlapping sheets (the "⧉" glyph is missing from the app's fonts). */
export const IconCopy = (p: IconProps) => (
  <Svg {...p}>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
  </Svg>
);
export const IconCheck = (p: IconProps) => (
  <Svg {...p}>
    <path d="M5 12l5 5L20 7" />
  </Svg>
);
export const IconUpload = (p: IconProps) => (
  <Svg {...p}>
    <path d="M12 15V4M7 9l5-5 5 5" />
    <path d="M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
  </Svg>
);
/** A speech bubble with a handset: WhatsApp's sign, drawn in the current colour. */
export const IconWhatsApp = (p: IconProps) => (
  <Svg {...p}>
    <path d="M3.5 20.5l1.3-4.2A8.5 8.5 0 1 1 8 19.4z" />
    <path d="M9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.6-2-1-1 1c-1-.4-2.5-1.9-2.9-2.9l1-1-1-2z" />
  </Svg>
);
