// The presentation layers that "formats" means (clearFormat, clear()) as opposed to data validation.

import { paintLayer } from './rects';
import type { Layers, Rect, SheetState } from './state';

export type StyleLayer = Exclude<keyof Layers, 'validation'>;

export const STYLE_LAYERS: readonly StyleLayer[] = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'wrapStrategy',
  'horizontalAlignment',
  'verticalAlignment',
];

export function clearStyles(sheet: SheetState, rect: Rect): void {
  for (const l of STYLE_LAYERS) sheet.layers[l] = paintLayer(sheet.layers[l], rect, null);
}
